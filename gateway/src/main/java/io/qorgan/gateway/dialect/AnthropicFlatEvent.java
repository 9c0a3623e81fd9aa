package io.qorgan.gateway.dialect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Anthropic message events without a tree, when they carry their {@code type}: a
 * {@code content_block_delta} whose delta is text ({@code delta.text}), and the small events
 * around it ({@code ping}, {@code content_block_stop}, {@code message_delta}, {@code message_stop}).
 * Tool input ({@code partial_json}), thinking, strings inside nested objects ({@code message_start},
 * {@code content_block_start}) and events without a {@code type} are left to the tree
 * ({@link AnthropicEventTexts}).
 */
final class AnthropicFlatEvent extends FlatEventReader {

    private final Member deltaMember = this::deltaMember;
    private String type;
    private int index;
    private int text; // the recorded delta.text, a delta only in a content_block_delta

    @Override
    void reset() {
        type = null;
        index = 0;
        text = -1;
    }

    @Override
    boolean rootMember(JsonParser p, String name, JsonToken v) throws IOException {
        switch (name) {
            case "type" -> {
                type = v == JsonToken.VALUE_STRING ? p.getText() : null;
                return type != null && record(p);
            }
            case "index" -> {
                index = intValue(p, v);
                return index != NOT_INT;
            }
            case "delta" -> {
                return objectOrPlain(p, v, name, deltaMember);
            }
            default -> {
                return plain(p, v, name);
            }
        }
    }

    private boolean deltaMember(JsonParser p, String name, JsonToken v) throws IOException {
        switch (name) {
            case "text" -> {
                if (v != JsonToken.VALUE_STRING) {
                    return plain(p, v, name);
                }
                text = recorded();
                return record(p);
            }
            case "partial_json", "thinking" -> {
                return false; // JSON source or a second text channel: the tree way
            }
            default -> {
                return plain(p, v, name);
            }
        }
    }

    @Override
    boolean complete() {
        if (type == null) {
            return false; // the tree way falls back on the SSE event name
        }
        if (type.equals("content_block_delta") && text >= 0) {
            deltaIs(text);
        }
        return true;
    }

    @Override
    public String channel() {
        return "block:" + index + "/text";
    }

    @Override
    public String closes() {
        return switch (type) {
            case "content_block_stop" -> "block:" + index + "/";
            case "message_delta", "message_stop", "error" -> "";
            default -> null;
        };
    }
}
