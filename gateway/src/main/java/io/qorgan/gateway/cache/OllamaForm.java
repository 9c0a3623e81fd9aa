package io.qorgan.gateway.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Ollama chat and generate: one JSON object with {@code done: true}, or NDJSON lines each with a fragment
 * ({@code message.content} for chat, {@code response} for generate) and a last one with {@code done: true} and the
 * counts. A whole answer streams as a line with all its text (and tool calls) and that last line with none.
 */
final class OllamaForm extends AnswerForm {

    static final OllamaForm CHAT = new OllamaForm(true);
    static final OllamaForm GENERATE = new OllamaForm(false);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final boolean chat;

    private OllamaForm(boolean chat) {
        this.chat = chat;
    }

    @Override
    ObjectNode whole(byte[] stream) {
        List<ObjectNode> lines = lines(stream);
        if (lines == null || lines.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        StringBuilder thinking = null;
        ArrayNode toolCalls = null;
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode line = lines.get(i);
            boolean last = i == lines.size() - 1;
            if (line.has("error") || line.path("done").asBoolean(false) != last) {
                return null; // an error, a line after the end, or no end
            }
            JsonNode holder = chat ? line.path("message") : line;
            text.append(holder.path(chat ? "content" : "response").asText(""));
            if (holder.path("thinking").isTextual()) {
                thinking = (thinking == null ? new StringBuilder() : thinking)
                        .append(holder.get("thinking").textValue());
            }
            if (chat && holder.path("tool_calls").isArray()) {
                toolCalls = toolCalls == null ? F.arrayNode() : toolCalls;
                toolCalls.addAll((ArrayNode) holder.get("tool_calls"));
            }
        }
        ObjectNode whole = lines.get(lines.size() - 1).deepCopy();
        ObjectNode holder = chat ? whole.with("message") : whole;
        if (chat && !holder.has("role")) {
            holder.put("role", "assistant");
        }
        holder.put(chat ? "content" : "response", text.toString());
        if (thinking != null) {
            holder.put("thinking", thinking.toString());
        }
        if (toolCalls != null) {
            holder.set("tool_calls", toolCalls);
        }
        return whole;
    }

    @Override
    byte[] stream(ObjectNode whole, boolean withUsage) {
        ObjectNode first = F.objectNode();
        copy(whole, first, "model");
        copy(whole, first, "created_at");
        ObjectNode last = whole.deepCopy();
        if (chat) {
            ObjectNode message = whole.path("message").isObject() ? (ObjectNode) whole.get("message") : F.objectNode();
            first.set("message", message);
            ObjectNode emptied =
                    last.putObject("message").put("role", message.path("role").asText("assistant"));
            emptied.put("content", "");
        } else {
            first.put("response", whole.path("response").asText(""));
            if (whole.has("thinking")) {
                first.set("thinking", whole.get("thinking"));
                last.remove("thinking");
            }
            last.put("response", "");
        }
        first.put("done", false);
        return new Frames().line(first).line(last).toBytes();
    }

    @Override
    String streamType() {
        return NDJSON_TYPE;
    }

    @Override
    Usage usage(ObjectNode whole) {
        return Usage.of(whole, "prompt_eval_count", "eval_count");
    }
}
