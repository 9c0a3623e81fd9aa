package io.qorgan.gateway.dialect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The common Ollama NDJSON line without a tree: {@code message} with {@code role} and
 * {@code content} (chat) or a top-level {@code response} (generate), and a boolean {@code done}.
 * Thinking texts, tool calls, images, strings inside other nested values and duplicate keys are
 * left to the tree ({@link OllamaEventTexts}).
 */
final class OllamaFlatEvent extends FlatEventReader {

    private final Member messageMember = this::messageMember;
    private boolean done;
    private String channel;

    @Override
    void reset() {
        done = false;
        channel = null;
    }

    @Override
    boolean rootMember(JsonParser p, String name, JsonToken v) throws IOException {
        return switch (name) {
            case "message" -> objectOrPlain(p, v, name, messageMember);
            case "response" -> deltaOrNull(p, v, "response");
            case "thinking" -> v == JsonToken.VALUE_NULL;
            case "done" -> {
                done = v == JsonToken.VALUE_TRUE;
                yield v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE;
            }
            default -> plain(p, v, name);
        };
    }

    private boolean messageMember(JsonParser p, String name, JsonToken v) throws IOException {
        return switch (name) {
            case "content" -> deltaOrNull(p, v, "message/content");
            case "role" -> v == JsonToken.VALUE_NULL || v == JsonToken.VALUE_STRING && record(p);
            case "thinking" -> v == JsonToken.VALUE_NULL;
            default -> false; // tool calls, images...: the tree way
        };
    }

    // A text delta of the channel, or null; a second delta in one line goes the tree way.
    private boolean deltaOrNull(JsonParser p, JsonToken v, String deltaChannel) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return true;
        }
        if (v != JsonToken.VALUE_STRING || channel != null) {
            return false;
        }
        channel = deltaChannel;
        markDelta();
        return record(p);
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public String closes() {
        return done ? "" : null;
    }
}
