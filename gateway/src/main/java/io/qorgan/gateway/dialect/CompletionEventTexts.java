package io.qorgan.gateway.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** OpenAI legacy completions: {@code choices[].text}; a choice with a {@code finish_reason} closes it. */
final class CompletionEventTexts implements EventTexts {

    static final CompletionEventTexts INSTANCE = new CompletionEventTexts();

    private CompletionEventTexts() {}

    @Override
    public List<Delta> deltas(String eventType, ObjectNode event) {
        List<Delta> out = new ArrayList<>(1);
        JsonNode choices = event.get("choices");
        for (int pos = 0; choices != null && choices.isArray() && pos < choices.size(); pos++) {
            if (choices.get(pos) instanceof ObjectNode choice
                    && choice.path("text").isTextual()) {
                out.add(new Delta("choice:" + choice.path("index").asInt(pos) + "/text", choice, "text", false));
            }
        }
        return out;
    }

    @Override
    public List<String> closes(String eventType, ObjectNode event) {
        List<String> out = new ArrayList<>(1);
        JsonNode choices = event.get("choices");
        for (int pos = 0; choices != null && choices.isArray() && pos < choices.size(); pos++) {
            JsonNode reason = choices.get(pos).get("finish_reason");
            if (reason != null && !reason.isNull()) {
                out.add("choice:" + choices.get(pos).path("index").asInt(pos) + "/");
            }
        }
        return out;
    }

    @Override
    public ObjectNode synthesize(ObjectNode template, String channel, String text) {
        int index = Integer.parseInt(channel.substring("choice:".length(), channel.indexOf('/')));
        ObjectNode event = template.deepCopy();
        ObjectNode choice = event.objectNode().put("index", index).put("text", text);
        choice.putNull("logprobs");
        choice.putNull("finish_reason");
        event.putArray("choices").add(choice);
        return event;
    }
}
