package io.qorgan.gateway.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * OpenAI's legacy completions: a {@code text_completion}, streamed as {@code text_completion} chunks ended by
 * {@code data: [DONE]}: a choice's text in one chunk, then its {@code finish_reason}; the usage chunk when asked for.
 */
final class CompletionForm extends AnswerForm {

    static final CompletionForm INSTANCE = new CompletionForm();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private CompletionForm() {}

    @Override
    ObjectNode whole(byte[] stream) {
        List<ObjectNode> chunks = openAiChunks(stream);
        if (chunks == null) {
            return null;
        }
        Map<Integer, StringBuilder> texts = new TreeMap<>();
        Map<Integer, JsonNode> finish = new TreeMap<>();
        for (ObjectNode chunk : chunks) {
            for (JsonNode c : chunk.path("choices")) {
                int index = c.path("index").asInt(0);
                texts.computeIfAbsent(index, i -> new StringBuilder())
                        .append(c.path("text").asText(""));
                if (c.hasNonNull("finish_reason")) {
                    finish.put(index, c.get("finish_reason"));
                }
            }
        }
        if (texts.isEmpty() || !finish.keySet().equals(texts.keySet())) {
            return null;
        }
        ObjectNode head = chunks.get(0);
        JsonNode usage = openAiUsage(chunks);
        ObjectNode out = openAiHead(head, "text_completion");
        ArrayNode choices = out.putArray("choices");
        texts.forEach((index, text) -> {
            ObjectNode choice = choices.addObject().put("text", text.toString()).put("index", index);
            choice.putNull("logprobs");
            choice.set("finish_reason", finish.get(index));
        });
        if (usage != null) {
            out.set("usage", usage);
        }
        copy(head, out, "system_fingerprint");
        return out;
    }

    @Override
    byte[] stream(ObjectNode whole, boolean withUsage) {
        Frames frames = new Frames();
        for (JsonNode choice : whole.path("choices")) {
            int index = choice.path("index").asInt(0);
            frames.data(chunk(whole, index, choice.path("text").asText(""), null));
            frames.data(chunk(whole, index, "", choice.path("finish_reason")));
        }
        if (withUsage) {
            ObjectNode last = head(whole);
            last.putArray("choices");
            last.set("usage", whole.path("usage").isObject() ? whole.get("usage") : F.nullNode());
            frames.data(last);
        }
        return frames.done().toBytes();
    }

    private static ObjectNode chunk(ObjectNode whole, int index, String text, JsonNode finish) {
        ObjectNode chunk = head(whole);
        ObjectNode choice =
                chunk.putArray("choices").addObject().put("text", text).put("index", index);
        choice.putNull("logprobs");
        choice.set("finish_reason", finish == null || finish.isMissingNode() ? F.nullNode() : finish);
        return chunk;
    }

    private static ObjectNode head(ObjectNode whole) {
        return openAiHead(whole, "text_completion");
    }

    @Override
    Usage usage(ObjectNode whole) {
        return Usage.of(whole.get("usage"), "prompt_tokens", "completion_tokens");
    }

    @Override
    boolean usageOptional() {
        return true;
    }
}
