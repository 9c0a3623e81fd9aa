package io.qorgan.gateway.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/completions}, the legacy API: a {@code text_completion} whose
 * {@code choices[0].text} is the answer; streamed as SSE {@code data:} events ending with
 * {@code [DONE]}. The echo text is the prompt (the last one when several are sent).
 */
final class OpenAiCompletionsResponder implements Responder {

    private final ReplyContext ctx;

    OpenAiCompletionsResponder(ReplyContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Reply respond(ObjectNode request, int receivedBytes) {
        JsonNode prompt = request.get("prompt");
        String promptText;
        if (prompt != null && prompt.isTextual()) {
            promptText = prompt.textValue();
        } else if (prompt != null
                && prompt.isArray()
                && !prompt.isEmpty()
                && Json.lastElement(prompt).isTextual()) {
            promptText = Json.lastElement(prompt).textValue();
        } else {
            throw new BadRequest("Missing required parameter: 'prompt'.", "missing_required_parameter");
        }
        String text = ctx.answer(promptText);
        String id = ctx.nextId("cmpl-sim");
        long created = ctx.epochSeconds();
        String model = request.path("model").asText("gpt-3.5-turbo-instruct");
        ObjectNode usage = Json.object();
        int promptTokens = ReplyContext.tokens(receivedBytes);
        int completionTokens = ReplyContext.tokens(text.length());
        usage.put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        if (!request.path("stream").asBoolean(false)) {
            ObjectNode body = completion(id, created, model, text, "stop");
            body.set("usage", usage);
            return Reply.json(Json.bytes(body));
        }
        boolean includeUsage =
                request.path("stream_options").path("include_usage").asBoolean(false);
        List<byte[]> events = new ArrayList<>();
        for (String piece : ctx.chunks(text)) {
            events.add(Json.sseData(completion(id, created, model, piece, null)));
        }
        events.add(Json.sseData(completion(id, created, model, "", "stop")));
        if (includeUsage) {
            ObjectNode last = header(id, created, model);
            last.putArray("choices");
            last.set("usage", usage);
            events.add(Json.sseData(last));
        }
        events.add("data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII));
        return new Reply.Stream(Reply.SSE, events);
    }

    private static ObjectNode completion(String id, long created, String model, String text, String finishReason) {
        ObjectNode body = header(id, created, model);
        ObjectNode choice =
                body.putArray("choices").addObject().put("text", text).put("index", 0);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return body;
    }

    private static ObjectNode header(String id, long created, String model) {
        return Json.object()
                .put("id", id)
                .put("object", "text_completion")
                .put("created", created)
                .put("model", model);
    }
}
