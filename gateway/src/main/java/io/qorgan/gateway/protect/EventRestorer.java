package io.qorgan.gateway.protect;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qorgan.gateway.dialect.EventTexts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The framing-independent half of stream restoration: one parsed event in, the events to emit
 * out. Delta fields go through their channel's {@link StreamRestorer}; every other string of the
 * event is a whole text and is restored at once. When an event closes a channel that still holds
 * text and carries no delta of its own for it, a synthetic delta event (shaped like the channel's
 * last delta event) is emitted first; event sequence numbers are shifted to stay consecutive.
 */
final class EventRestorer {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /**
     * An event to emit: its SSE event name (may be null) and body; {@code changed} is false when
     * restoration changed nothing in it, so its source text may go on as it came.
     */
    record Out(String name, ObjectNode event, boolean changed) {

        @Override
        public String toString() {
            return "Out[" + name + "]"; // the event holds restored text: never printed
        }
    }

    private record Channel(ChannelText text, String name, ObjectNode template) {

        @Override
        public String toString() {
            return "Channel[" + name + "]";
        }
    }

    private final EventTexts texts;
    private final TextRestorer restorer;
    private final AnswerScanner.Session scan;
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private long shift;
    private long lastSequence = -1;
    private String responseId;

    EventRestorer(EventTexts texts, TextRestorer restorer, AnswerScanner.Session scan) {
        this.texts = texts;
        this.restorer = restorer;
        this.scan = scan;
    }

    static ObjectNode parse(byte[] json, int offset, int length) {
        try {
            JsonNode node = MAPPER.readTree(json, offset, length);
            return node instanceof ObjectNode o ? o : null;
        } catch (IOException e) {
            return null;
        }
    }

    static String write(ObjectNode event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (IOException e) {
            throw new StreamBroken("malformed_event", "A stream event could not be re-serialised.");
        }
    }

    String responseId() {
        return responseId;
    }

    List<Out> restore(String name, ObjectNode event) {
        noteResponseId(event);
        List<EventTexts.Delta> deltas = texts.deltas(name, event);
        List<String> values = new ArrayList<>(deltas.size());
        for (EventTexts.Delta d : deltas) {
            values.add(d.text());
        }
        List<String> closes = texts.closes(name, event);
        boolean changed = restoreAll(event, false);
        List<Out> out = new ArrayList<>(1);
        List<String> own = new ArrayList<>(deltas.size());
        for (int k = 0; k < deltas.size(); k++) {
            EventTexts.Delta d = deltas.get(k);
            own.add(d.channel());
            Channel ch = channels.get(d.channel());
            if (ch == null) {
                ch = new Channel(new ChannelText(d.channel(), d.jsonText(), restorer, scan), name, null);
            }
            String text = ch.text().feed(values.get(k));
            if (closed(d.channel(), closes)) {
                text += ch.text().finish();
                channels.remove(d.channel());
            } else {
                // The template for a synthetic event is needed only while the channel holds text back.
                ObjectNode template = ch.text().held() > 0 ? event.deepCopy() : ch.template();
                channels.put(d.channel(), new Channel(ch.text(), name, template));
            }
            if (!text.equals(values.get(k))) {
                changed = true;
                d.holder().put(d.field(), text);
            }
        }
        Iterator<Map.Entry<String, Channel>> it = channels.entrySet().iterator();
        List<Out> flushed = new ArrayList<>();
        while (it.hasNext()) {
            Map.Entry<String, Channel> e = it.next();
            if (!own.contains(e.getKey()) && closed(e.getKey(), closes)) {
                flush(e.getKey(), e.getValue(), flushed);
                it.remove();
            }
        }
        changed |= sequence(flushed, event);
        out.addAll(flushed);
        out.add(new Out(name, event, changed));
        return out;
    }

    /** Whether a channel that no event has closed still holds text back. */
    boolean holding() {
        for (Channel ch : channels.values()) {
            if (ch.text().held() > 0) {
                return true;
            }
        }
        return false;
    }

    /** The end of the stream ({@code [DONE]}): flushes every channel. */
    List<Out> flushAll() {
        List<Out> flushed = new ArrayList<>();
        channels.forEach((key, ch) -> flush(key, ch, flushed));
        channels.clear();
        sequence(flushed, null);
        return flushed;
    }

    private void flush(String key, Channel ch, List<Out> into) {
        String text = ch.text().finish();
        if (!text.isEmpty() && ch.template() != null) {
            into.add(new Out(ch.name(), texts.synthesize(ch.template(), key, text), true));
        }
    }

    // Synthetic events take the numbers just before the current event; later events shift up.
    // True when the current event's number changed.
    private boolean sequence(List<Out> synthetic, ObjectNode current) {
        String field = texts.sequenceField();
        if (field == null) {
            return false;
        }
        for (Out o : synthetic) {
            lastSequence++;
            o.event().put(field, lastSequence);
            shift++;
        }
        if (current != null && current.path(field).isIntegralNumber()) {
            lastSequence = current.get(field).asLong() + shift;
            if (shift != 0) {
                current.put(field, lastSequence);
                return true;
            }
        }
        return false;
    }

    private void noteResponseId(ObjectNode event) {
        if (responseId == null && event.get("response") instanceof ObjectNode r && r.path("id").isTextual()) {
            responseId = r.get("id").asText();
        }
    }

    private static boolean closed(String channel, List<String> closes) {
        for (String prefix : closes) {
            if (channel.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    // Whole texts: every string not a delta; tool arguments are JSON source, so values are escaped.
    // True when a text changed.
    private boolean restoreAll(JsonNode node, boolean json) {
        boolean changed = false;
        if (node instanceof ObjectNode o) {
            for (Map.Entry<String, JsonNode> f : o.properties()) {
                JsonNode v = f.getValue();
                if (v.isTextual()) {
                    String restored = restorer.restore(v.asText(), isJsonField(f.getKey()));
                    if (!restored.equals(v.asText())) {
                        f.setValue(o.textNode(restored));
                        changed = true;
                    }
                } else {
                    changed |= restoreAll(v, false);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                if (v.isTextual()) {
                    String restored = restorer.restore(v.asText(), json);
                    if (!restored.equals(v.asText())) {
                        a.set(i, a.textNode(restored));
                        changed = true;
                    }
                } else {
                    changed |= restoreAll(v, false);
                }
            }
        }
        return changed;
    }

    private static boolean isJsonField(String name) {
        return name.equals("arguments") || name.equals("partial_json");
    }
}
