package io.qorgan.gateway.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/messages}, Anthropic's Messages API: a {@code message} with one text block; with
 * {@code "stream": true} the named SSE events {@code message_start}, {@code content_block_start},
 * {@code ping}, {@code content_block_delta}..., {@code content_block_stop}, {@code message_delta},
 * {@code message_stop}. The echo text is the text blocks of the last user message or, when it
 * has none, the content of its {@code tool_result} blocks. {@code system} (string or blocks) is
 * accepted and not answered.
 */
final class AnthropicResponder implements Responder {

    private final ReplyContext ctx;

    AnthropicResponder(ReplyContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Reply respond(ObjectNode request, int receivedBytes) {
        JsonNode messages = request.get("messages");
        if (messages == null || !messages.isArray()) {
            throw new BadRequest("messages: Field required", null);
        }
        String text = ctx.answer(lastUserText(messages));
        String id = ctx.nextId("msg_01sim");
        String model = request.path("model").asText("claude-sonnet-4-5");
        int inputTokens = ReplyContext.tokens(receivedBytes);
        int outputTokens = ReplyContext.tokens(text.length());

        if (!request.path("stream").asBoolean(false)) {
            ObjectNode message = message(id, model, "end_turn", inputTokens, outputTokens);
            message.withArray("content").addObject().put("type", "text").put("text", text);
            return Reply.json(Json.bytes(message));
        }
        List<byte[]> events = new ArrayList<>();
        events.add(event("message_start", Json.object().set("message", message(id, model, null, inputTokens, 1))));
        ObjectNode start = Json.object().put("index", 0);
        start.putObject("content_block").put("type", "text").put("text", "");
        events.add(event("content_block_start", start));
        events.add(event("ping", Json.object()));
        for (String piece : ctx.chunks(text)) {
            ObjectNode delta = Json.object().put("index", 0);
            delta.putObject("delta").put("type", "text_delta").put("text", piece);
            events.add(event("content_block_delta", delta));
        }
        events.add(event("content_block_stop", Json.object().put("index", 0)));
        ObjectNode messageDelta = Json.object();
        messageDelta.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", outputTokens);
        events.add(event("message_delta", messageDelta));
        events.add(event("message_stop", Json.object()));
        return new Reply.Stream(Reply.SSE, events);
    }

    private static byte[] event(String type, ObjectNode fields) {
        ObjectNode event = Json.object().put("type", type);
        event.setAll(fields);
        return Json.sseEvent(type, event);
    }

    private static ObjectNode message(String id, String model, String stopReason, int inputTokens, int outputTokens) {
        ObjectNode m = Json.object()
                .put("id", id)
                .put("type", "message")
                .put("role", "assistant")
                .put("model", model);
        m.putArray("content");
        if (stopReason == null) {
            m.putNull("stop_reason");
        } else {
            m.put("stop_reason", stopReason);
        }
        m.putNull("stop_sequence");
        m.putObject("usage")
                .put("input_tokens", inputTokens)
                .put("cache_creation_input_tokens", 0)
                .put("cache_read_input_tokens", 0)
                .put("output_tokens", outputTokens)
                .put("service_tier", "standard");
        return m;
    }

    static String lastUserText(JsonNode messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode m = messages.get(i);
            if (!"user".equals(m.path("role").asText(null))) {
                continue;
            }
            JsonNode content = m.get("content");
            if (content == null || !content.isArray()) {
                return Json.contentText(content);
            }
            String text = Json.contentText(content);
            boolean hasText = false;
            for (JsonNode block : content) {
                hasText |= "text".equals(block.path("type").asText(null));
            }
            if (hasText) {
                return text;
            }
            StringBuilder results = new StringBuilder();
            for (JsonNode block : content) {
                if ("tool_result".equals(block.path("type").asText(null))) {
                    results.append(Json.contentText(block.get("content")));
                }
            }
            return results.toString();
        }
        return "";
    }
}
