package io.qorgan.gateway.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * OpenAI Responses events: every {@code *.delta} event with a string {@code delta}
 * ({@code response.output_text.delta}, {@code response.function_call_arguments.delta},
 * refusal and reasoning texts...) is a channel per item, output, content and summary index; the
 * matching {@code *.done} event closes it, {@code response.output_item.done} closes its item,
 * and {@code response.completed}, {@code .failed}, {@code .incomplete} and {@code error} close all.
 * Events are numbered by {@code sequence_number}.
 */
final class ResponsesEventTexts implements EventTexts {

    static final ResponsesEventTexts INSTANCE = new ResponsesEventTexts();

    private ResponsesEventTexts() {}

    @Override
    public List<Delta> deltas(String eventType, ObjectNode event) {
        String type = event.path("type").asText(eventType == null ? "" : eventType);
        if (!type.endsWith(".delta") || !event.path("delta").isTextual()) {
            return List.of();
        }
        String stem = type.substring(0, type.length() - ".delta".length());
        return List.of(new Delta(channel(event, stem), event, "delta", stem.contains("arguments")));
    }

    @Override
    public List<String> closes(String eventType, ObjectNode event) {
        String type = event.path("type").asText(eventType == null ? "" : eventType);
        switch (type) {
            case "response.completed", "response.failed", "response.incomplete", "error":
                return List.of("");
            case "response.output_item.done":
                return List.of("item:" + event.path("item").path("id").asText() + "/");
            default:
                if (type.endsWith(".done")) {
                    return List.of(channel(event, type.substring(0, type.length() - ".done".length())));
                }
                return List.of();
        }
    }

    private static String channel(JsonNode event, String stem) {
        return "item:" + event.path("item_id").asText() + "/" + stem
                + "/" + event.path("output_index").asText()
                + "/" + event.path("content_index").asText()
                + "/" + event.path("summary_index").asText();
    }

    @Override
    public ObjectNode synthesize(ObjectNode template, String channel, String text) {
        ObjectNode event = template.deepCopy();
        event.put("delta", text);
        return event;
    }

    @Override
    public String sequenceField() {
        return "sequence_number";
    }
}
