package io.qorgan.gateway.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Anthropic messages: a {@code message}, or the events {@code message_start}, per content block
 * {@code content_block_start}, {@code content_block_delta}, {@code content_block_stop}, then {@code message_delta}
 * (stop reason, output tokens) and {@code message_stop}. A block streams as one delta: its text
 * ({@code text_delta}), its tool input as JSON ({@code input_json_delta}), or its thinking and signature.
 */
final class AnthropicForm extends AnswerForm {

    static final AnthropicForm INSTANCE = new AnthropicForm();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AnthropicForm() {}

    @Override
    ObjectNode whole(byte[] stream) {
        List<Event> events = events(stream);
        if (events == null) {
            return null;
        }
        ObjectNode message = null;
        Map<Integer, ObjectNode> blocks = new TreeMap<>();
        Map<Integer, StringBuilder> inputs = new TreeMap<>();
        boolean stopped = false;
        for (Event e : events) {
            ObjectNode event = object(e.data());
            if (event == null || stopped) {
                return null;
            }
            switch (event.path("type").asText("")) {
                case "message_start" -> {
                    if (!event.path("message").isObject()) {
                        return null;
                    }
                    message = (ObjectNode) event.get("message");
                }
                case "content_block_start" -> {
                    if (!event.path("content_block").isObject()) {
                        return null;
                    }
                    blocks.put(event.path("index").asInt(0), (ObjectNode) event.get("content_block"));
                }
                case "content_block_delta" -> {
                    int index = event.path("index").asInt(0);
                    ObjectNode block = blocks.get(index);
                    if (block == null) {
                        return null;
                    }
                    delta(block, event.path("delta"), inputs.computeIfAbsent(index, i -> new StringBuilder()));
                }
                case "message_delta" -> {
                    if (message == null) {
                        return null;
                    }
                    if (event.path("delta").isObject()) {
                        message.setAll((ObjectNode) event.get("delta"));
                    }
                    if (event.path("usage").isObject()) {
                        message.with("usage").setAll((ObjectNode) event.get("usage"));
                    }
                }
                case "message_stop" -> stopped = true;
                case "error" -> {
                    return null;
                }
                default -> {} // content_block_stop, ping
            }
        }
        if (!stopped || message == null) {
            return null;
        }
        ArrayNode content = message.putArray("content");
        for (Map.Entry<Integer, ObjectNode> e : blocks.entrySet()) {
            ObjectNode block = e.getValue();
            StringBuilder input = inputs.get(e.getKey());
            if (input != null && input.length() > 0) {
                ObjectNode parsed = object(input.toString());
                if (parsed == null) {
                    return null;
                }
                block.set("input", parsed);
            }
            content.add(block);
        }
        return message;
    }

    private static void delta(ObjectNode block, JsonNode delta, StringBuilder input) {
        switch (delta.path("type").asText("")) {
            case "text_delta" ->
                block.put(
                        "text",
                        block.path("text").asText("") + delta.path("text").asText(""));
            case "input_json_delta" -> input.append(delta.path("partial_json").asText(""));
            case "thinking_delta" ->
                block.put(
                        "thinking",
                        block.path("thinking").asText("")
                                + delta.path("thinking").asText(""));
            case "signature_delta" ->
                block.put("signature", delta.path("signature").asText(""));
            case "citations_delta" -> block.withArray("citations").add(delta.path("citation"));
            default -> {}
        }
    }

    @Override
    byte[] stream(ObjectNode whole, boolean withUsage) {
        Frames frames = new Frames();
        ObjectNode start = whole.deepCopy();
        start.putArray("content");
        start.putNull("stop_reason");
        start.putNull("stop_sequence");
        frames.event("message_start", typed("message_start").set("message", start));
        int index = 0;
        for (JsonNode block : whole.path("content")) {
            if (!(block instanceof ObjectNode full)) {
                continue;
            }
            String type = full.path("type").asText("");
            ObjectNode empty = full.deepCopy();
            ObjectNode delta = null;
            ObjectNode signature = null;
            switch (type) {
                case "text" -> {
                    empty.put("text", "");
                    empty.remove("citations");
                    delta = F.objectNode()
                            .put("type", "text_delta")
                            .put("text", full.path("text").asText(""));
                }
                case "tool_use", "server_tool_use" -> {
                    empty.putObject("input");
                    delta = F.objectNode()
                            .put("type", "input_json_delta")
                            .put("partial_json", new String(bytes(full.path("input")), StandardCharsets.UTF_8));
                }
                case "thinking" -> {
                    empty.put("thinking", "");
                    empty.put("signature", "");
                    delta = F.objectNode()
                            .put("type", "thinking_delta")
                            .put("thinking", full.path("thinking").asText(""));
                    if (full.has("signature")) {
                        signature = F.objectNode()
                                .put("type", "signature_delta")
                                .put("signature", full.path("signature").asText(""));
                    }
                }
                default -> {} // a block without deltas starts whole
            }
            frames.event(
                    "content_block_start",
                    typed("content_block_start").put("index", index).set("content_block", empty));
            if (delta != null) {
                frames.event(
                        "content_block_delta",
                        typed("content_block_delta").put("index", index).set("delta", delta));
            }
            if (signature != null) {
                frames.event(
                        "content_block_delta",
                        typed("content_block_delta").put("index", index).set("delta", signature));
            }
            frames.event("content_block_stop", typed("content_block_stop").put("index", index));
            index++;
        }
        ObjectNode messageDelta = typed("message_delta");
        ObjectNode delta = messageDelta.putObject("delta");
        delta.set("stop_reason", whole.path("stop_reason").isMissingNode() ? F.nullNode() : whole.get("stop_reason"));
        delta.set(
                "stop_sequence",
                whole.path("stop_sequence").isMissingNode() ? F.nullNode() : whole.get("stop_sequence"));
        messageDelta
                .putObject("usage")
                .put("output_tokens", whole.path("usage").path("output_tokens").asLong(0));
        frames.event("message_delta", messageDelta);
        frames.event("message_stop", typed("message_stop"));
        return frames.toBytes();
    }

    private static ObjectNode typed(String type) {
        return F.objectNode().put("type", type);
    }

    @Override
    Usage usage(ObjectNode whole) {
        return Usage.of(whole.get("usage"), "input_tokens", "output_tokens");
    }
}
