package io.qorgan.gateway.dialect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Ollama NDJSON lines: {@code message.content} and {@code message.thinking} (chat),
 * {@code response} and {@code thinking} (generate); the line with {@code "done": true} closes all.
 */
final class OllamaEventTexts implements EventTexts {

    static final OllamaEventTexts INSTANCE = new OllamaEventTexts();

    private OllamaEventTexts() {}

    @Override
    public List<Delta> deltas(String eventType, ObjectNode event) {
        List<Delta> out = new ArrayList<>(1);
        if (event.get("message") instanceof ObjectNode message) {
            for (String f : new String[] {"content", "thinking"}) {
                if (message.path(f).isTextual()) {
                    out.add(new Delta("message/" + f, message, f, false));
                }
            }
        }
        for (String f : new String[] {"response", "thinking"}) {
            if (event.path(f).isTextual()) {
                out.add(new Delta(f, event, f, false));
            }
        }
        return out;
    }

    @Override
    public FlatEvent flatReader() {
        return new OllamaFlatEvent();
    }

    @Override
    public List<String> closes(String eventType, ObjectNode event) {
        return event.path("done").asBoolean(false) ? List.of("") : List.of();
    }

    @Override
    public ObjectNode synthesize(ObjectNode template, String channel, String text) {
        ObjectNode event = template.deepCopy();
        for (Delta d : deltas(null, event)) {
            d.holder().put(d.field(), d.channel().equals(channel) ? text : "");
        }
        event.put("done", false);
        return event;
    }
}
