package io.qorgan.gateway.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Ollama's {@code POST /api/chat} and {@code POST /api/generate}. Ollama streams unless
 * {@code "stream": false}: NDJSON lines with a {@code message.content} (chat) or {@code response}
 * (generate) fragment, the last with {@code done: true} and the counts. The echo text is the last
 * user message (a tool message, when last) for chat, and the prompt for generate.
 */
final class OllamaResponder implements Responder {

    /** Which of the two endpoints this instance answers. */
    enum Kind {
        CHAT,
        GENERATE
    }

    private final ReplyContext ctx;
    private final Kind kind;

    OllamaResponder(ReplyContext ctx, Kind kind) {
        this.ctx = ctx;
        this.kind = kind;
    }

    @Override
    public Reply respond(ObjectNode request, int receivedBytes) {
        String model = request.path("model").asText("");
        if (model.isEmpty()) {
            throw new BadRequest("model is required", null);
        }
        String text = ctx.answer(
                kind == Kind.CHAT
                        ? chatText(request.path("messages"))
                        : request.path("prompt").asText(""));
        if (!request.path("stream").asBoolean(true)) {
            return Reply.json(Json.bytes(finalLine(model, text, text, receivedBytes)));
        }
        List<byte[]> lines = new ArrayList<>();
        for (String piece : ctx.chunks(text)) {
            lines.add(Json.ndjsonLine(piece(model, piece).put("done", false)));
        }
        lines.add(Json.ndjsonLine(finalLine(model, "", text, receivedBytes)));
        return new Reply.Stream(Reply.NDJSON, lines);
    }

    private static String chatText(JsonNode messages) {
        if (!messages.isArray()) {
            return "";
        }
        JsonNode last = Json.lastElement(messages);
        if (last != null && "tool".equals(last.path("role").asText(null))) {
            return Json.contentText(last.get("content"));
        }
        return Json.lastUserText(messages);
    }

    private ObjectNode piece(String model, String text) {
        ObjectNode line = Json.object().put("model", model).put("created_at", ctx.isoNow());
        if (kind == Kind.CHAT) {
            line.putObject("message").put("role", "assistant").put("content", text);
        } else {
            line.put("response", text);
        }
        return line;
    }

    /** The {@code done: true} line; {@code answer} is the whole answer, for the counts. */
    private ObjectNode finalLine(String model, String text, String answer, int receivedBytes) {
        ObjectNode line = piece(model, text).put("done_reason", "stop").put("done", true);
        int promptCount = ReplyContext.tokens(receivedBytes);
        int evalCount = ReplyContext.tokens(answer.length());
        long promptNanos = promptCount * 250_000L;
        long evalNanos = evalCount * 12_000_000L;
        long loadNanos = 21_500_000L;
        return line.put("total_duration", loadNanos + promptNanos + evalNanos)
                .put("load_duration", loadNanos)
                .put("prompt_eval_count", promptCount)
                .put("prompt_eval_duration", promptNanos)
                .put("eval_count", evalCount)
                .put("eval_duration", evalNanos);
    }
}
