package io.qorgan.gateway.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * OpenAI chat completions: a {@code chat.completion}, or {@code chat.completion.chunk} events ended by
 * {@code data: [DONE]}. A choice streams as a role chunk, one chunk with its content (and refusal), one with its tool
 * calls whole, and a chunk with its {@code finish_reason}; the usage chunk follows when asked for.
 */
final class ChatForm extends AnswerForm {

    static final ChatForm INSTANCE = new ChatForm();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ChatForm() {}

    /** One choice as its chunks add up. */
    private static final class Choice {
        String role = "assistant";
        StringBuilder content;
        StringBuilder refusal;
        final Map<Integer, ObjectNode> toolCalls = new TreeMap<>();
        final Map<Integer, StringBuilder> arguments = new TreeMap<>();
        ArrayNode logprobs;
        JsonNode finishReason;
    }

    @Override
    ObjectNode whole(byte[] stream) {
        List<ObjectNode> chunks = openAiChunks(stream);
        if (chunks == null) {
            return null;
        }
        Map<Integer, Choice> choices = new TreeMap<>();
        for (ObjectNode chunk : chunks) {
            for (JsonNode c : chunk.path("choices")) {
                Choice choice = choices.computeIfAbsent(c.path("index").asInt(0), i -> new Choice());
                add(choice, c);
            }
        }
        if (choices.isEmpty()) {
            return null;
        }
        ObjectNode head = chunks.get(0);
        JsonNode usage = openAiUsage(chunks);
        ObjectNode out = openAiHead(head, "chat.completion");
        ArrayNode array = out.putArray("choices");
        for (Map.Entry<Integer, Choice> e : choices.entrySet()) {
            Choice c = e.getValue();
            if (c.finishReason == null || c.finishReason.isNull()) {
                return null; // a choice that never finished
            }
            ObjectNode choice = array.addObject().put("index", e.getKey());
            ObjectNode message = choice.putObject("message").put("role", c.role);
            if (c.content == null) {
                message.putNull("content");
            } else {
                message.put("content", c.content.toString());
            }
            if (c.refusal == null) {
                message.putNull("refusal");
            } else {
                message.put("refusal", c.refusal.toString());
            }
            if (!c.toolCalls.isEmpty()) {
                ArrayNode calls = message.putArray("tool_calls");
                for (Map.Entry<Integer, ObjectNode> call : c.toolCalls.entrySet()) {
                    ObjectNode whole = call.getValue();
                    whole.remove("index");
                    ObjectNode function = whole.with("function");
                    function.put("arguments", c.arguments.get(call.getKey()).toString());
                    calls.add(whole);
                }
            }
            message.putArray("annotations");
            if (c.logprobs == null) {
                choice.putNull("logprobs");
            } else {
                choice.putObject("logprobs").set("content", c.logprobs);
            }
            choice.set("finish_reason", c.finishReason);
        }
        if (usage != null) {
            out.set("usage", usage);
        }
        copy(head, out, "service_tier");
        copy(head, out, "system_fingerprint");
        return out;
    }

    private static void add(Choice choice, JsonNode c) {
        JsonNode delta = c.path("delta");
        if (delta.path("role").isTextual()) {
            choice.role = delta.get("role").textValue();
        }
        if (delta.path("content").isTextual()) {
            choice.content = (choice.content == null ? new StringBuilder() : choice.content)
                    .append(delta.get("content").textValue());
        }
        if (delta.path("refusal").isTextual()) {
            choice.refusal = (choice.refusal == null ? new StringBuilder() : choice.refusal)
                    .append(delta.get("refusal").textValue());
        }
        for (JsonNode call : delta.path("tool_calls")) {
            int index = call.path("index").asInt(0);
            ObjectNode known = choice.toolCalls.computeIfAbsent(index, i -> F.objectNode());
            StringBuilder arguments = choice.arguments.computeIfAbsent(index, i -> new StringBuilder());
            for (Iterator<Map.Entry<String, JsonNode>> it = call.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("function")) {
                    ObjectNode function = known.with("function");
                    JsonNode name = field.getValue().get("name");
                    if (name != null && name.isTextual()) {
                        function.set("name", name);
                    }
                    JsonNode args = field.getValue().get("arguments");
                    if (args != null && args.isTextual()) {
                        arguments.append(args.textValue());
                    }
                } else if (!field.getValue().isNull()) {
                    known.set(field.getKey(), field.getValue());
                }
            }
        }
        JsonNode logprobs = c.path("logprobs").path("content");
        if (logprobs.isArray()) {
            choice.logprobs = choice.logprobs == null ? F.arrayNode() : choice.logprobs;
            choice.logprobs.addAll((ArrayNode) logprobs);
        }
        if (c.hasNonNull("finish_reason")) {
            choice.finishReason = c.get("finish_reason");
        }
    }

    @Override
    byte[] stream(ObjectNode whole, boolean withUsage) {
        Frames frames = new Frames();
        for (JsonNode choice : whole.path("choices")) {
            int index = choice.path("index").asInt(0);
            JsonNode message = choice.path("message");
            ObjectNode first = F.objectNode().put("role", message.path("role").asText("assistant"));
            if (message.path("content").isTextual()) {
                first.put("content", "");
            } else {
                first.putNull("content"); // a tool call's answer: the API streams no content at all
            }
            first.putNull("refusal");
            frames.data(chunk(whole, index, first, null, null, withUsage));
            if (message.path("content").isTextual()
                    && !message.get("content").textValue().isEmpty()) {
                ObjectNode delta =
                        F.objectNode().put("content", message.get("content").textValue());
                frames.data(chunk(whole, index, delta, choice.path("logprobs"), null, withUsage));
            }
            if (message.path("refusal").isTextual()) {
                frames.data(chunk(
                        whole,
                        index,
                        F.objectNode().put("refusal", message.get("refusal").textValue()),
                        null,
                        null,
                        withUsage));
            }
            if (message.path("tool_calls").isArray()
                    && !message.get("tool_calls").isEmpty()) {
                ObjectNode delta = F.objectNode();
                ArrayNode calls = delta.putArray("tool_calls");
                int i = 0;
                for (JsonNode call : message.get("tool_calls")) {
                    ObjectNode c = F.objectNode().put("index", i++);
                    c.setAll((ObjectNode) call);
                    calls.add(c);
                }
                frames.data(chunk(whole, index, delta, null, null, withUsage));
            }
            frames.data(chunk(whole, index, F.objectNode(), null, choice.path("finish_reason"), withUsage));
        }
        if (withUsage) {
            ObjectNode last = head(whole);
            last.putArray("choices");
            last.set("usage", whole.path("usage").isObject() ? whole.get("usage") : F.nullNode());
            frames.data(last);
        }
        return frames.done().toBytes();
    }

    private static ObjectNode chunk(
            ObjectNode whole, int index, ObjectNode delta, JsonNode logprobs, JsonNode finish, boolean withUsage) {
        ObjectNode chunk = head(whole);
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", index);
        choice.set("delta", delta);
        choice.set("logprobs", logprobs == null || logprobs.isMissingNode() ? F.nullNode() : logprobs);
        choice.set("finish_reason", finish == null || finish.isMissingNode() ? F.nullNode() : finish);
        if (withUsage) {
            chunk.putNull("usage"); // every chunk before the usage chunk says so
        }
        return chunk;
    }

    private static ObjectNode head(ObjectNode whole) {
        ObjectNode chunk = openAiHead(whole, "chat.completion.chunk");
        copy(whole, chunk, "service_tier");
        copy(whole, chunk, "system_fingerprint");
        return chunk;
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
