package io.qorgan.gateway.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * OpenAI Responses: a {@code response}, or named events from {@code response.created} to {@code response.completed},
 * each with its {@code sequence_number}. The completed event carries the whole response, so a stream is whole exactly
 * when it has one; a response is streamed item by item, each text part as one {@code response.output_text.delta} (a
 * refusal as one {@code response.refusal.delta}, a function call's arguments as one
 * {@code response.function_call_arguments.delta}).
 */
final class ResponsesForm extends AnswerForm {

    static final ResponsesForm INSTANCE = new ResponsesForm();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ResponsesForm() {}

    @Override
    ObjectNode whole(byte[] stream) {
        List<Event> events = events(stream);
        if (events == null) {
            return null;
        }
        ObjectNode completed = null;
        for (Event e : events) {
            ObjectNode event = object(e.data());
            if (event == null) {
                return null;
            }
            String type = event.path("type").asText(e.name() == null ? "" : e.name());
            if (type.equals("error") || type.equals("response.failed") || type.equals("response.incomplete")) {
                return null;
            }
            if (type.equals("response.completed") && event.path("response").isObject()) {
                completed = (ObjectNode) event.get("response");
            }
        }
        return completed;
    }

    @Override
    byte[] stream(ObjectNode whole, boolean withUsage) {
        Events events = new Events();
        ObjectNode start = whole.deepCopy();
        start.put("status", "in_progress");
        start.putArray("output");
        start.putNull("usage");
        events.add("response.created", F.objectNode().set("response", start));
        events.add("response.in_progress", F.objectNode().set("response", start));
        int outputIndex = 0;
        for (JsonNode item : whole.path("output")) {
            if (!(item instanceof ObjectNode full)) {
                continue;
            }
            String type = full.path("type").asText("");
            String itemId = full.path("id").asText("");
            ObjectNode added = full.deepCopy();
            if (added.has("status")) {
                added.put("status", "in_progress");
            }
            if (type.equals("message")) {
                added.putArray("content");
            } else if (type.equals("function_call")) {
                added.put("arguments", "");
            }
            events.add(
                    "response.output_item.added",
                    F.objectNode().put("output_index", outputIndex).set("item", added));
            if (type.equals("message")) {
                int contentIndex = 0;
                for (JsonNode part : full.path("content")) {
                    message(events, itemId, outputIndex, contentIndex++, part);
                }
            } else if (type.equals("function_call")) {
                String arguments = full.path("arguments").asText("");
                events.add(
                        "response.function_call_arguments.delta",
                        F.objectNode()
                                .put("item_id", itemId)
                                .put("output_index", outputIndex)
                                .put("delta", arguments));
                events.add(
                        "response.function_call_arguments.done",
                        F.objectNode()
                                .put("item_id", itemId)
                                .put("output_index", outputIndex)
                                .put("arguments", arguments));
            }
            events.add(
                    "response.output_item.done",
                    F.objectNode().put("output_index", outputIndex).set("item", full));
            outputIndex++;
        }
        events.add("response.completed", F.objectNode().set("response", whole));
        return events.frames.toBytes();
    }

    /** One content part of a message item: added, its text as one delta, done. */
    private static void message(Events events, String itemId, int outputIndex, int contentIndex, JsonNode part) {
        String type = part.path("type").asText("");
        boolean refusal = type.equals("refusal");
        String field = refusal ? "refusal" : "text";
        ObjectNode empty = part.deepCopy();
        if (part.has(field)) {
            empty.put(field, "");
        }
        if (empty.has("annotations")) {
            empty.putArray("annotations");
        }
        events.add(
                "response.content_part.added",
                at(itemId, outputIndex, contentIndex).set("part", empty));
        if (refusal || type.equals("output_text")) {
            String text = part.path(field).asText("");
            String kind = refusal ? "response.refusal" : "response.output_text";
            ObjectNode delta = at(itemId, outputIndex, contentIndex).put("delta", text);
            ObjectNode done = at(itemId, outputIndex, contentIndex).put(field, text);
            if (!refusal) {
                delta.putArray("logprobs");
                done.putArray("logprobs");
            }
            events.add(kind + ".delta", delta);
            events.add(kind + ".done", done);
        }
        events.add(
                "response.content_part.done",
                at(itemId, outputIndex, contentIndex).set("part", part));
    }

    private static ObjectNode at(String itemId, int outputIndex, int contentIndex) {
        return F.objectNode()
                .put("item_id", itemId)
                .put("output_index", outputIndex)
                .put("content_index", contentIndex);
    }

    /** Named events numbered in order, as the API numbers them. */
    private static final class Events {
        final Frames frames = new Frames();
        int sequence;

        void add(String type, ObjectNode fields) {
            ObjectNode event = F.objectNode().put("type", type).put("sequence_number", sequence++);
            event.setAll(fields);
            frames.event(type, event);
        }
    }

    @Override
    Usage usage(ObjectNode whole) {
        return Usage.of(whole.get("usage"), "input_tokens", "output_tokens");
    }
}
