package io.qorgan.gateway.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/responses}, OpenAI's Responses API. {@code input} is a string or a list of
 * items; the echo text is the string, or the last user message item, or the output of a
 * {@code function_call_output} item when that is last. Non-streaming: a {@code response} with one
 * {@code message} output item. Streaming: named SSE events from {@code response.created} to
 * {@code response.completed}, each with a {@code sequence_number}.
 */
final class OpenAiResponsesResponder implements Responder {

    private final ReplyContext ctx;

    OpenAiResponsesResponder(ReplyContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Reply respond(ObjectNode request, int receivedBytes) {
        JsonNode input = request.get("input");
        if (input == null || !(input.isTextual() || input.isArray())) {
            throw new BadRequest("Missing required parameter: 'input'.", "missing_required_parameter");
        }
        String text = ctx.answer(inputText(input));
        String id = ctx.nextId("resp_sim");
        String itemId = ctx.nextId("msg_sim");
        long createdAt = ctx.epochSeconds();
        ObjectNode doneItem = messageItem(itemId, "completed");
        doneItem.withArray("content").add(textPart(text));
        ObjectNode usage = usage(receivedBytes, text);

        if (!request.path("stream").asBoolean(false)) {
            return Reply.json(Json.bytes(response(request, id, createdAt, "completed", doneItem, usage)));
        }
        Events events = new Events();
        events.add(
                "response.created",
                Json.object().set("response", response(request, id, createdAt, "in_progress", null, null)));
        events.add(
                "response.in_progress",
                Json.object().set("response", response(request, id, createdAt, "in_progress", null, null)));
        ObjectNode addedItem = messageItem(itemId, "in_progress");
        addedItem.putArray("content");
        events.add(
                "response.output_item.added",
                Json.object().put("output_index", 0).set("item", addedItem));
        events.add("response.content_part.added", at(itemId).set("part", textPart("")));
        for (String piece : ctx.chunks(text)) {
            ObjectNode delta = at(itemId).put("delta", piece);
            delta.putArray("logprobs");
            events.add("response.output_text.delta", delta);
        }
        ObjectNode done = at(itemId).put("text", text);
        done.putArray("logprobs");
        events.add("response.output_text.done", done);
        events.add("response.content_part.done", at(itemId).set("part", textPart(text)));
        events.add(
                "response.output_item.done",
                Json.object().put("output_index", 0).set("item", doneItem));
        events.add(
                "response.completed",
                Json.object().set("response", response(request, id, createdAt, "completed", doneItem, usage)));
        return new Reply.Stream(Reply.SSE, events.list);
    }

    /** Named events numbered in order, as the API does. */
    private static final class Events {
        final List<byte[]> list = new ArrayList<>();

        void add(String type, ObjectNode fields) {
            ObjectNode event = Json.object().put("type", type).put("sequence_number", list.size());
            event.setAll(fields);
            list.add(Json.sseEvent(type, event));
        }
    }

    static String inputText(JsonNode input) {
        if (input.isTextual()) {
            return input.textValue();
        }
        JsonNode last = Json.lastElement(input);
        if (last != null && "function_call_output".equals(last.path("type").asText(null))) {
            JsonNode output = last.get("output");
            return output != null && output.isTextual() ? output.textValue() : Json.contentText(output);
        }
        for (int i = input.size() - 1; i >= 0; i--) {
            JsonNode item = input.get(i);
            String type = item.path("type").asText("message");
            if ("user".equals(item.path("role").asText(null)) && type.equals("message")) {
                return Json.contentText(item.get("content"));
            }
        }
        return "";
    }

    private static ObjectNode at(String itemId) {
        return Json.object().put("item_id", itemId).put("output_index", 0).put("content_index", 0);
    }

    private static ObjectNode messageItem(String itemId, String status) {
        return Json.object()
                .put("id", itemId)
                .put("type", "message")
                .put("status", status)
                .put("role", "assistant");
    }

    private static ObjectNode textPart(String text) {
        ObjectNode part = Json.object().put("type", "output_text");
        part.putArray("annotations");
        part.putArray("logprobs");
        return part.put("text", text);
    }

    private static ObjectNode usage(int promptBytes, String text) {
        int input = ReplyContext.tokens(promptBytes);
        int output = ReplyContext.tokens(text.length());
        ObjectNode usage = Json.object().put("input_tokens", input);
        usage.putObject("input_tokens_details").put("cached_tokens", 0);
        usage.put("output_tokens", output);
        usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
        return usage.put("total_tokens", input + output);
    }

    /** The response object; {@code item} null means no output yet. Request options are echoed back. */
    private static ObjectNode response(
            ObjectNode request, String id, long createdAt, String status, ObjectNode item, ObjectNode usage) {
        ObjectNode r = Json.object()
                .put("id", id)
                .put("object", "response")
                .put("created_at", createdAt)
                .put("status", status)
                .put("background", false);
        r.putNull("error");
        r.putNull("incomplete_details");
        r.set("instructions", orNull(request, "instructions"));
        r.set("max_output_tokens", orNull(request, "max_output_tokens"));
        r.put("model", request.path("model").asText("gpt-4o-mini"));
        ArrayNode outputArray = r.putArray("output");
        if (item != null) {
            outputArray.add(item);
        }
        r.put("parallel_tool_calls", request.path("parallel_tool_calls").asBoolean(true));
        r.set("previous_response_id", orNull(request, "previous_response_id"));
        r.putObject("reasoning").putNull("effort").putNull("summary");
        r.put("service_tier", "default");
        r.put("store", request.path("store").asBoolean(true));
        r.put("temperature", request.path("temperature").asDouble(1.0));
        r.putObject("text").put("verbosity", "medium").putObject("format").put("type", "text");
        r.set("tool_choice", request.has("tool_choice") ? request.get("tool_choice") : TextNode.valueOf("auto"));
        r.set("tools", request.has("tools") ? request.get("tools") : Json.array());
        r.put("top_p", request.path("top_p").asDouble(1.0));
        r.put("truncation", request.path("truncation").asText("disabled"));
        if (usage == null) {
            r.putNull("usage");
        } else {
            r.set("usage", usage);
        }
        r.set("metadata", request.has("metadata") ? request.get("metadata") : Json.object());
        return r;
    }

    private static JsonNode orNull(ObjectNode request, String field) {
        JsonNode value = request.get(field);
        return value == null ? NullNode.instance : value;
    }
}
