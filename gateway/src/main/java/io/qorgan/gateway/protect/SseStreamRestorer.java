package io.qorgan.gateway.protect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Server-Sent Events restoration (OpenAI chat, legacy completions and Responses; Anthropic
 * messages). An event is dispatched at its blank line; its {@code event:}, {@code id:} and
 * comment lines are re-emitted as they were, its {@code data:} lines replaced by one line of
 * restored JSON (or kept as they came when restoration changed nothing in the event). {@code data: [DONE]} passes through after held-back text is flushed.
 */
public final class SseStreamRestorer extends LineFramedStreamRestorer {

    private final List<String> lines = new ArrayList<>();
    private long eventChars;

    SseStreamRestorer(EventRestorer core) {
        super(core);
    }

    @Override
    void end(LineReader reader) {
        // Ended inside an event, or before the event that closes a channel still holding text:
        // truncated either way, and the held-back fragment is not emitted.
        if (reader.hasPartial() || !lines.isEmpty() || core.holding()) {
            throw new StreamBroken("truncated", "The stream ended inside an event.");
        }
        for (EventRestorer.Out o : core.flushAll()) {
            writeSynthetic(o);
        }
    }

    @Override
    void line(String line) {
        if (!line.isEmpty()) {
            eventChars += line.length();
            if (eventChars > LineReader.MAX_LINE) {
                throw new StreamBroken("event_too_large", "A stream event exceeds the size limit.");
            }
            lines.add(line);
            return;
        }
        if (lines.isEmpty()) {
            write("\n");
            return;
        }
        dispatch();
        lines.clear();
        eventChars = 0;
    }

    private void dispatch() {
        String name = null;
        StringBuilder data = null;
        for (String l : lines) {
            if (l.startsWith(":")) {
                continue;
            }
            int colon = l.indexOf(':');
            String field = colon < 0 ? l : l.substring(0, colon);
            String value = colon < 0 ? "" : l.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("event")) {
                name = value;
            } else if (field.equals("data")) {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
        }
        if (data == null) {
            writeLines(null);
            return;
        }
        if (data.toString().trim().equals("[DONE]")) {
            for (EventRestorer.Out o : core.flushAll()) {
                writeSynthetic(o);
            }
            writeLines(null);
            return;
        }
        ObjectNode event = EventRestorer.parse(data.toString());
        if (event == null) {
            throw new StreamBroken("malformed_event", "A stream event is not a JSON object.");
        }
        List<EventRestorer.Out> outs = core.restore(name, event);
        for (int k = 0; k < outs.size() - 1; k++) {
            writeSynthetic(outs.get(k));
        }
        EventRestorer.Out own = outs.get(outs.size() - 1);
        // Most events hold nothing to restore: their lines go on as they came, without re-serialising.
        writeLines(own.changed() ? EventRestorer.write(own.event()) : null);
    }

    // The event's own lines in their order; the first data line carries the new JSON, the others go.
    private void writeLines(String json) {
        StringBuilder sb = new StringBuilder();
        boolean dataWritten = false;
        for (String l : lines) {
            boolean isData = l.startsWith("data:") || l.equals("data");
            if (json != null && isData) {
                if (!dataWritten) {
                    sb.append("data: ").append(json).append('\n');
                    dataWritten = true;
                }
            } else {
                sb.append(l).append('\n');
            }
        }
        sb.append('\n');
        write(sb.toString());
    }

    private void writeSynthetic(EventRestorer.Out o) {
        StringBuilder sb = new StringBuilder();
        if (o.name() != null) {
            sb.append("event: ").append(o.name()).append('\n');
        }
        sb.append("data: ").append(EventRestorer.write(o.event())).append("\n\n");
        write(sb.toString());
    }
}
