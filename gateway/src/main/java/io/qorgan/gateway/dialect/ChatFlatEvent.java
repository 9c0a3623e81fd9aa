package io.qorgan.gateway.dialect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.Arrays;

/**
 * The common OpenAI chat-completion chunk without a tree: one choice whose {@code delta} holds
 * at most {@code role} and {@code content} (and a null {@code refusal}). Several choices, tool
 * calls, function calls, refusal or reasoning texts, strings inside nested objects or arrays
 * and duplicate keys are left to the tree ({@link ChatEventTexts}), which knows them all.
 */
final class ChatFlatEvent implements FlatEvent {

    // A duplicate key makes the parser throw, and the event goes the tree way.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private String[] texts = new String[8];
    private int[] starts = new int[8];
    private int[] ends = new int[8];
    private int count;
    private int delta;
    private int index;
    private boolean finished;

    @Override
    public boolean read(byte[] b, int from, int length) {
        count = 0;
        delta = -1;
        index = 0;
        finished = false;
        try (JsonParser p = FACTORY.createParser(b, from, length)) {
            return root(p) && p.nextToken() == null;
        } catch (IOException | RuntimeException e) {
            return false; // not clean JSON: the tree way decides what to do with it
        }
    }

    /** One member of an object: false when the event is not of the flat shape. */
    private interface Member {
        boolean read(JsonParser p, String name, JsonToken value) throws IOException;
    }

    private final Member rootMember = this::rootMember;
    private final Member choiceMember = this::choiceMember;
    private final Member deltaMember = this::deltaMember;

    private boolean root(JsonParser p) throws IOException {
        return p.nextToken() == JsonToken.START_OBJECT && members(p, rootMember);
    }

    // The members of the object just opened, up to its end.
    private static boolean members(JsonParser p, Member member) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (!member.read(p, name, p.nextToken())) {
                return false;
            }
        }
        return t == JsonToken.END_OBJECT;
    }

    private boolean rootMember(JsonParser p, String name, JsonToken v) throws IOException {
        if (name.equals("choices")) {
            return v == JsonToken.START_ARRAY && choices(p);
        }
        return plain(p, v, name);
    }

    private boolean choices(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_ARRAY) {
            return true;
        }
        return t == JsonToken.START_OBJECT && members(p, choiceMember) && p.nextToken() == JsonToken.END_ARRAY;
    }

    private boolean choiceMember(JsonParser p, String name, JsonToken v) throws IOException {
        switch (name) {
            case "index" -> {
                boolean ok = v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT;
                index = ok ? p.getIntValue() : 0;
                return ok;
            }
            case "delta" -> {
                return v == JsonToken.START_OBJECT ? members(p, deltaMember) : plain(p, v, name);
            }
            case "finish_reason" -> {
                finished = v == JsonToken.VALUE_STRING;
                return v == JsonToken.VALUE_NULL || finished && record(p);
            }
            default -> {
                return plain(p, v, name);
            }
        }
    }

    private boolean deltaMember(JsonParser p, String name, JsonToken v) throws IOException {
        switch (name) {
            case "content" -> {
                delta = v == JsonToken.VALUE_STRING ? count : delta;
                return v == JsonToken.VALUE_NULL || v == JsonToken.VALUE_STRING && record(p);
            }
            case "role" -> {
                return v == JsonToken.VALUE_NULL || v == JsonToken.VALUE_STRING && record(p);
            }
            case "refusal" -> {
                return v == JsonToken.VALUE_NULL;
            }
            default -> {
                return false; // tool calls, reasoning...: the tree way
            }
        }
    }

    // A scalar (strings are recorded), or a container without strings (usage counts, a null logprobs).
    private boolean plain(JsonParser p, JsonToken v, String name) throws IOException {
        if (v == JsonToken.VALUE_STRING) {
            // tool-call arguments are JSON source and restored with escaping: the tree way knows them
            return !name.equals("arguments") && !name.equals("partial_json") && record(p);
        }
        if (v != JsonToken.START_OBJECT && v != JsonToken.START_ARRAY) {
            return v != null && v.isScalarValue();
        }
        int depth = 1;
        while (depth > 0) {
            JsonToken t = p.nextToken();
            if (t == null || t == JsonToken.VALUE_STRING) {
                return false;
            }
            if (t.isStructStart()) {
                depth++;
            } else if (t.isStructEnd()) {
                depth--;
            }
        }
        return true;
    }

    private boolean record(JsonParser p) throws IOException {
        if (count == texts.length) {
            texts = Arrays.copyOf(texts, count * 2);
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = offset(p.currentTokenLocation().getByteOffset());
        texts[count] = p.getText();
        // the parser has read the closing quote: it stands just before the current location
        ends[count] = offset(p.currentLocation().getByteOffset());
        count++;
        return true;
    }

    private static int offset(long offset) {
        if (offset < 0 || offset > Integer.MAX_VALUE) {
            throw new IllegalStateException("the JSON parser gave no source offset");
        }
        return (int) offset;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public String text(int k) {
        return texts[k];
    }

    @Override
    public int start(int k) {
        return starts[k];
    }

    @Override
    public int end(int k) {
        return ends[k];
    }

    @Override
    public int delta() {
        return delta;
    }

    @Override
    public String channel() {
        return index == 0 ? "choice:0/content" : "choice:" + index + "/content";
    }

    @Override
    public String closes() {
        if (!finished) {
            return null;
        }
        return index == 0 ? "choice:0/" : "choice:" + index + "/";
    }
}
