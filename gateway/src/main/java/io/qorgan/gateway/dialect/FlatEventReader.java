package io.qorgan.gateway.dialect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.Arrays;

/**
 * What the flat readers share: the token walk over one JSON object, the strings recorded with
 * their source spans, and the rule that anything unexpected hands the event to the tree way.
 * A dialect's reader says which members it takes ({@link #rootMember}) and where its delta is.
 */
abstract class FlatEventReader implements FlatEvent {

    // A duplicate key makes the parser throw, and the event goes the tree way.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** One member of an object: false when the event is not of the flat shape. */
    interface Member {
        boolean read(JsonParser p, String name, JsonToken value) throws IOException;
    }

    private final Member rootMember = this::rootMember;
    private String[] texts = new String[8];
    private int[] starts = new int[8];
    private int[] ends = new int[8];
    private int count;
    private int delta;

    @Override
    public final boolean read(byte[] b, int from, int length) {
        count = 0;
        delta = -1;
        reset();
        try (JsonParser p = FACTORY.createParser(b, from, length)) {
            return p.nextToken() == JsonToken.START_OBJECT
                    && members(p, rootMember)
                    && p.nextToken() == null
                    && complete();
        } catch (IOException | RuntimeException e) {
            return false; // not clean JSON: the tree way decides what to do with it
        }
    }

    /** Forgets what the last event set. */
    abstract void reset();

    /** Called once the whole event is read: false hands it to the tree way after all. */
    boolean complete() {
        return true;
    }

    /** A member of the event's top-level object. */
    abstract boolean rootMember(JsonParser p, String name, JsonToken value) throws IOException;

    /** The members of the object just opened, up to its end. */
    static boolean members(JsonParser p, Member member) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (!member.read(p, name, p.nextToken())) {
                return false;
            }
        }
        return t == JsonToken.END_OBJECT;
    }

    /** What {@link #intValue} answers for a member that is not a plain int. */
    static final int NOT_INT = Integer.MIN_VALUE;

    /** The member as an int (an index), or {@link #NOT_INT}: a string or a long goes the tree way. */
    static int intValue(JsonParser p, JsonToken v) throws IOException {
        return v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
                ? p.getIntValue()
                : NOT_INT;
    }

    /** An object member read by {@code member}, or a plain value when it is not an object. */
    final boolean objectOrPlain(JsonParser p, JsonToken v, String name, Member member) throws IOException {
        return v == JsonToken.START_OBJECT ? members(p, member) : plain(p, v, name);
    }

    /** A scalar (strings are recorded), or a container without strings (usage counts, a null logprobs). */
    final boolean plain(JsonParser p, JsonToken v, String name) throws IOException {
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

    /** The string the parser stands on, with its span; always true. */
    final boolean record(JsonParser p) throws IOException {
        if (count == texts.length) {
            texts = Arrays.copyOf(texts, count * 2);
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = JsonText.offset(p.currentTokenLocation().getByteOffset());
        texts[count] = p.getText();
        // the parser has read the closing quote: it stands just before the current location
        ends[count] = JsonText.offset(p.currentLocation().getByteOffset());
        count++;
        return true;
    }

    /** The next string {@link #record}ed is the delta. */
    final void markDelta() {
        delta = count;
    }

    /** How many strings are recorded so far: the index the next one gets. */
    final int recorded() {
        return count;
    }

    /** String {@code k}, recorded earlier, is the delta. */
    final void deltaIs(int k) {
        delta = k;
    }

    @Override
    public final int count() {
        return count;
    }

    @Override
    public final String text(int k) {
        return texts[k];
    }

    @Override
    public final int start(int k) {
        return starts[k];
    }

    @Override
    public final int end(int k) {
        return ends[k];
    }

    @Override
    public final byte[] splice(byte[] b, int from, int length, String[] replacements) {
        return JsonText.splice(b, from, from + length, starts, ends, replacements, count);
    }

    @Override
    public final int delta() {
        return delta;
    }
}
