package io.qorgan.gateway.dialect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The common OpenAI chat-completion chunk without a tree: one choice whose {@code delta} holds
 * at most {@code role} and {@code content} (and a null {@code refusal}). Several choices, tool
 * calls, function calls, refusal or reasoning texts, strings inside nested objects or arrays
 * and duplicate keys are left to the tree ({@link ChatEventTexts}), which knows them all.
 */
final class ChatFlatEvent extends FlatEventReader {

    private final Member choiceMember = this::choiceMember;
    private final Member deltaMember = this::deltaMember;
    private int index;
    private boolean finished;

    @Override
    void reset() {
        index = 0;
        finished = false;
    }

    @Override
    boolean rootMember(JsonParser p, String name, JsonToken v) throws IOException {
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
                index = intValue(p, v);
                return index != NOT_INT;
            }
            case "delta" -> {
                return objectOrPlain(p, v, name, deltaMember);
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
                if (v == JsonToken.VALUE_STRING) {
                    markDelta();
                    return record(p);
                }
                return v == JsonToken.VALUE_NULL;
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
