package io.qorgan.gateway.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/chat/completions}: a {@code chat.completion}, or with {@code "stream": true} SSE
 * {@code chat.completion.chunk} events ending with {@code data: [DONE]}.
 *
 * <p>With {@code tools} and a user message last the model calls the first tool once, with
 * arguments {@code {"text": <last user text>}}, so a test sees what tool-call arguments carried.
 * With a {@code tool} message last, its content is the echo text.
 */
final class OpenAiChatResponder implements Responder {

    private static final String FINGERPRINT = "fp_qorgan_sim";

    private final ReplyContext ctx;

    OpenAiChatResponder(ReplyContext ctx) {
        this.ctx = ctx;
    }

    /** The one tool call of an answer. */
    private record ToolCall(String id, String name, String arguments) {}

    @Override
    public Reply respond(ObjectNode request, int receivedBytes) {
        JsonNode messages = request.get("messages");
        if (messages == null || !messages.isArray()) {
            throw new BadRequest("Missing required parameter: 'messages'.", "missing_required_parameter");
        }
        JsonNode last = Json.lastElement(messages);
        String lastRole = last == null ? "" : last.path("role").asText("");
        ToolCall toolCall = null;
        String content;
        if (lastRole.equals("tool")) {
            content = ctx.answer(Json.contentText(last.get("content")));
        } else if (request.path("tools").isArray() && !request.path("tools").isEmpty() && lastRole.equals("user")) {
            toolCall = toolCall(request.get("tools").get(0), Json.lastUserText(messages));
            content = "";
        } else {
            content = ctx.answer(Json.lastUserText(messages));
        }
        String id = ctx.nextId("chatcmpl-sim");
        long created = ctx.epochSeconds();
        String model = request.path("model").asText("gpt-4o-mini");
        String produced = toolCall == null ? content : toolCall.arguments();
        ObjectNode usage = usage(receivedBytes, produced);
        if (request.path("stream").asBoolean(false)) {
            boolean includeUsage =
                    request.path("stream_options").path("include_usage").asBoolean(false);
            return new Reply.Stream(
                    Reply.SSE, events(id, created, model, content, toolCall, includeUsage ? usage : null));
        }
        return Reply.json(Json.bytes(completion(id, created, model, content, toolCall, usage)));
    }

    private ToolCall toolCall(JsonNode tool, String userText) {
        String name =
                tool.path("function").path("name").asText(tool.path("name").asText("tool"));
        String arguments = Json.string(Json.object().put("text", userText));
        return new ToolCall(ctx.nextId("call_sim"), name, arguments);
    }

    private static ObjectNode completion(
            String id, long created, String model, String content, ToolCall toolCall, ObjectNode usage) {
        ObjectNode body = Json.object()
                .put("id", id)
                .put("object", "chat.completion")
                .put("created", created)
                .put("model", model);
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (toolCall == null) {
            message.put("content", content);
        } else {
            message.putNull("content");
            ObjectNode call = message.putArray("tool_calls")
                    .addObject()
                    .put("id", toolCall.id())
                    .put("type", "function");
            call.putObject("function").put("name", toolCall.name()).put("arguments", toolCall.arguments());
        }
        message.putNull("refusal");
        message.putArray("annotations");
        choice.putNull("logprobs");
        choice.put("finish_reason", toolCall == null ? "stop" : "tool_calls");
        body.set("usage", usage);
        body.put("service_tier", "default");
        body.put("system_fingerprint", FINGERPRINT);
        return body;
    }

    private List<byte[]> events(
            String id, long created, String model, String content, ToolCall toolCall, ObjectNode usage) {
        boolean includeUsage = usage != null;
        List<byte[]> events = new ArrayList<>();
        if (toolCall == null) {
            ObjectNode first = Json.object().put("role", "assistant").put("content", "");
            first.putNull("refusal");
            events.add(chunk(id, created, model, first, null, includeUsage));
            for (String piece : ctx.chunks(content)) {
                events.add(chunk(id, created, model, Json.object().put("content", piece), null, includeUsage));
            }
            events.add(chunk(id, created, model, Json.object(), "stop", includeUsage));
        } else {
            ObjectNode first = Json.object().put("role", "assistant");
            first.putNull("content");
            ObjectNode call = first.putArray("tool_calls")
                    .addObject()
                    .put("index", 0)
                    .put("id", toolCall.id())
                    .put("type", "function");
            call.putObject("function").put("name", toolCall.name()).put("arguments", "");
            first.putNull("refusal");
            events.add(chunk(id, created, model, first, null, includeUsage));
            for (String piece : ctx.chunks(toolCall.arguments())) {
                ObjectNode delta = Json.object();
                delta.putArray("tool_calls")
                        .addObject()
                        .put("index", 0)
                        .putObject("function")
                        .put("arguments", piece);
                events.add(chunk(id, created, model, delta, null, includeUsage));
            }
            events.add(chunk(id, created, model, Json.object(), "tool_calls", includeUsage));
        }
        if (includeUsage) {
            ObjectNode last = header(id, created, model);
            last.putArray("choices");
            last.set("usage", usage);
            events.add(Json.sseData(last));
        }
        events.add("data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII));
        return events;
    }

    private static byte[] chunk(
            String id, long created, String model, ObjectNode delta, String finishReason, boolean includeUsage) {
        ObjectNode chunk = header(id, created, model);
        ArrayNode choices = chunk.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        if (includeUsage) {
            // With include_usage every chunk carries "usage": null until the usage chunk.
            chunk.putNull("usage");
        }
        return Json.sseData(chunk);
    }

    private static ObjectNode header(String id, long created, String model) {
        return Json.object()
                .put("id", id)
                .put("object", "chat.completion.chunk")
                .put("created", created)
                .put("model", model)
                .put("system_fingerprint", FINGERPRINT);
    }

    static ObjectNode usage(int promptBytes, String produced) {
        int prompt = ReplyContext.tokens(promptBytes);
        int completion = ReplyContext.tokens(produced.length());
        ObjectNode usage = Json.object()
                .put("prompt_tokens", prompt)
                .put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
        usage.putObject("completion_tokens_details")
                .put("reasoning_tokens", 0)
                .put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0)
                .put("rejected_prediction_tokens", 0);
        return usage;
    }
}
