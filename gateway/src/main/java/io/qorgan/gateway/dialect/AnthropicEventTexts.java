package io.qorgan.gateway.dialect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Anthropic message events: {@code content_block_delta} carries {@code delta.text},
 * {@code delta.partial_json} (tool input, JSON source) or {@code delta.thinking} for block
 * {@code index}; {@code content_block_stop} closes the block, {@code message_delta},
 * {@code message_stop} and {@code error} close everything.
 */
final class AnthropicEventTexts implements EventTexts {

    static final AnthropicEventTexts INSTANCE = new AnthropicEventTexts();

    private AnthropicEventTexts() {}

    @Override
    public List<Delta> deltas(String eventType, ObjectNode event) {
        if (!"content_block_delta".equals(event.path("type").asText(eventType))
                || !(event.get("delta") instanceof ObjectNode delta)) {
            return List.of();
        }
        String prefix = "block:" + event.path("index").asInt() + "/";
        for (String f : new String[] {"text", "partial_json", "thinking"}) {
            if (delta.path(f).isTextual()) {
                return List.of(new Delta(prefix + f, delta, f, f.equals("partial_json")));
            }
        }
        return List.of();
    }

    @Override
    public FlatEvent flatReader() {
        return new AnthropicFlatEvent();
    }

    @Override
    public List<String> closes(String eventType, ObjectNode event) {
        return switch (event.path("type").asText(eventType == null ? "" : eventType)) {
            case "content_block_stop" -> List.of("block:" + event.path("index").asInt() + "/");
            case "message_delta", "message_stop", "error" -> List.of("");
            default -> List.of();
        };
    }

    @Override
    public ObjectNode synthesize(ObjectNode template, String channel, String text) {
        ObjectNode event = template.deepCopy();
        ((ObjectNode) event.get("delta")).put(channel.substring(channel.indexOf('/') + 1), text);
        return event;
    }
}
