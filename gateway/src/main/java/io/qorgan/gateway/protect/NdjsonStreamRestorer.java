package io.qorgan.gateway.protect;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Newline-delimited JSON restoration (Ollama chat and generate): one JSON object per line,
 * re-serialised after restoration; blank lines pass through. A last line without its newline is
 * accepted only if it is a complete JSON object.
 */
public final class NdjsonStreamRestorer extends LineFramedStreamRestorer {

    NdjsonStreamRestorer(EventRestorer core) {
        super(core);
    }

    @Override
    void end(LineReader reader) {
        if (reader.hasPartial()) {
            String last = reader.takePartial();
            if (!last.isBlank()) {
                if (EventRestorer.parse(last) == null) {
                    throw new StreamBroken("truncated", "The stream ended inside an event.");
                }
                line(last);
            }
        }
        if (core.holding()) {
            throw new StreamBroken("truncated", "The stream ended before its final event.");
        }
        for (EventRestorer.Out o : core.flushAll()) {
            write(EventRestorer.write(o.event()) + "\n");
        }
    }

    @Override
    void line(String line) {
        if (line.isBlank()) {
            write(line + "\n");
            return;
        }
        ObjectNode event = EventRestorer.parse(line);
        if (event == null) {
            throw new StreamBroken("malformed_event", "A stream line is not a JSON object.");
        }
        for (EventRestorer.Out o : core.restore(null, event)) {
            write((o.changed() ? EventRestorer.write(o.event()) : line) + "\n");
        }
    }
}
