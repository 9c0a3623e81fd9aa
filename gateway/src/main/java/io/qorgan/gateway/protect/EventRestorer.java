package io.qorgan.gateway.protect;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qorgan.gateway.dialect.EventTexts;
import io.qorgan.gateway.dialect.FlatEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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

    /**
     * The restoration of an event read flat: the synthetic events to emit before it, and its JSON
     * with restored strings spliced in (null when nothing changed: it goes on as it came).
     */
    record Flat(List<Out> before, byte[] json) {

        @Override
        public String toString() {
            return "Flat[before=" + before.size() + "]"; // restored text: never printed
        }
    }

    /**
     * An earlier delta event of a channel, the shape of a synthetic event; an event read flat
     * keeps its bytes and becomes a tree only if a synthetic event is really needed.
     */
    private static final class Template {
        private ObjectNode tree;
        private final byte[] json;

        Template(ObjectNode tree) {
            this.tree = tree;
            this.json = null;
        }

        Template(byte[] json) {
            this.json = json;
        }
    }

    private record Channel(ChannelText text, String name, Template template) {

        @Override
        public String toString() {
            return "Channel[" + name + "]";
        }
    }

    private final EventTexts texts;
    private final TextRestorer restorer;
    private final AnswerScanner.Session scan;
    private final FlatEvent flat;
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private long shift;
    private long lastSequence = -1;
    private String responseId;

    EventRestorer(EventTexts texts, TextRestorer restorer, AnswerScanner.Session scan) {
        this.texts = texts;
        this.restorer = restorer;
        this.scan = scan;
        // Flat events never renumber: a dialect with a sequence field reads every event as a tree.
        this.flat = texts.sequenceField() == null ? texts.flatReader() : null;
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
        boolean changed = restoreAll(event, false, deltas);
        List<String> own = new ArrayList<>(deltas.size());
        for (int k = 0; k < deltas.size(); k++) {
            EventTexts.Delta d = deltas.get(k);
            own.add(d.channel());
            String text = feed(
                    name,
                    d.channel(),
                    d.jsonText(),
                    values.get(k),
                    closed(d.channel(), closes),
                    () -> new Template(event.deepCopy()));
            if (!text.equals(values.get(k))) {
                changed = true;
                d.holder().put(d.field(), text);
            }
        }
        List<Out> flushed = flushClosed(closes, own);
        changed |= sequence(flushed, event);
        List<Out> out = new ArrayList<>(flushed.size() + 1);
        out.addAll(flushed);
        out.add(new Out(name, event, changed));
        return out;
    }

    /**
     * One delta through its channel: returns the text to emit in its place. A closed channel gives
     * up what it held back and is forgotten; an open one that holds text back keeps the event as
     * the shape of a possible synthetic event.
     */
    private String feed(
            String name, String channel, boolean json, String value, boolean closed, Supplier<Template> event) {
        Channel ch = channels.get(channel);
        if (ch == null) {
            ch = new Channel(new ChannelText(channel, json, restorer, scan), name, null);
        }
        String text = ch.text().feed(value);
        if (closed) {
            text += ch.text().finish();
            channels.remove(channel);
        } else {
            // The template for a synthetic event is needed only while the channel holds text back.
            Template template = ch.text().held() > 0 ? event.get() : ch.template();
            channels.put(channel, new Channel(ch.text(), name, template));
        }
        return text;
    }

    // The channels this event closes, other than its own, flushed into synthetic events.
    private List<Out> flushClosed(List<String> closes, List<String> own) {
        if (closes.isEmpty() || channels.isEmpty()) {
            return List.of();
        }
        List<Out> flushed = new ArrayList<>();
        Iterator<Map.Entry<String, Channel>> it = channels.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Channel> e = it.next();
            if (!own.contains(e.getKey()) && closed(e.getKey(), closes)) {
                flush(e.getKey(), e.getValue(), flushed);
                it.remove();
            }
        }
        return flushed;
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
            into.add(new Out(ch.name(), texts.synthesize(tree(ch.template()), key, text), true));
        }
    }

    // As the tree way's template: the event with its whole texts restored.
    private ObjectNode tree(Template t) {
        if (t.tree == null) {
            t.tree = parse(t.json, 0, t.json.length);
            restoreAll(t.tree, false, List.of());
        }
        return t.tree;
    }

    /**
     * {@link #restore} for an event the dialect's flat reader takes, without a tree; null when it
     * does not take it (the caller then parses a tree). Same channels, same results.
     */
    Flat restoreFlat(String name, byte[] b, int from, int length) {
        if (flat == null || !flat.read(b, from, length)) {
            return null;
        }
        int count = flat.count();
        int delta = flat.delta();
        String[] restored = null;
        for (int k = 0; k < count; k++) {
            if (k != delta) {
                String text = flat.text(k);
                String r = restorer.restore(text, false);
                if (!r.equals(text)) {
                    restored = restored == null ? new String[count] : restored;
                    restored[k] = r;
                }
            }
        }
        List<String> closes = flat.closes() == null ? List.of() : List.of(flat.closes());
        List<String> own = List.of();
        if (delta >= 0) {
            own = List.of(flat.channel());
            String value = flat.text(delta);
            String text = feed(
                    name,
                    flat.channel(),
                    false,
                    value,
                    closed(flat.channel(), closes),
                    () -> new Template(Arrays.copyOfRange(b, from, from + length)));
            if (!text.equals(value)) {
                restored = restored == null ? new String[count] : restored;
                restored[delta] = text;
            }
        }
        List<Out> flushed = flushClosed(closes, own);
        return new Flat(flushed, restored == null ? null : flat.splice(b, from, length, restored));
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
        if (responseId == null
                && event.get("response") instanceof ObjectNode r
                && r.path("id").isTextual()) {
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
    // True when a text changed. Deltas are left to their channel, which restores them in the
    // context of the deltas before (alone, "IIN_1" after "SON_" would pass for a bare placeholder).
    private boolean restoreAll(JsonNode node, boolean json, List<EventTexts.Delta> deltas) {
        boolean changed = false;
        if (node instanceof ObjectNode o) {
            for (Map.Entry<String, JsonNode> f : o.properties()) {
                JsonNode v = f.getValue();
                if (v.isTextual() && isDelta(o, f.getKey(), deltas)) {
                    continue;
                }
                if (v.isTextual()) {
                    String restored = isJsonField(f.getKey())
                            ? restorer.restoreArguments(v.asText())
                            : restorer.restore(v.asText(), false);
                    if (!restored.equals(v.asText())) {
                        f.setValue(o.textNode(restored));
                        changed = true;
                    }
                } else {
                    changed |= restoreAll(v, false, deltas);
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
                    changed |= restoreAll(v, false, deltas);
                }
            }
        }
        return changed;
    }

    private static boolean isDelta(ObjectNode holder, String field, List<EventTexts.Delta> deltas) {
        for (EventTexts.Delta d : deltas) {
            if (d.holder() == holder && d.field().equals(field)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJsonField(String name) {
        return name.equals("arguments") || name.equals("partial_json");
    }
}
