package io.qorgan.gateway.protect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Newline-delimited JSON restoration (Ollama chat and generate): one JSON object per line,
 * re-serialised after restoration; blank lines pass through. A last line without its newline is
 * accepted only if it is a complete JSON object.
 */
public final class NdjsonStreamRestorer implements EventStreamRestorer {

    private final EventRestorer core;
    private final LineReader reader = new LineReader();
    private ByteArrayOutputStream out;
    private StreamBroken broken;

    NdjsonStreamRestorer(EventRestorer core) {
        this.core = core;
    }

    @Override
    public byte[] feed(byte[] bytes, int offset, int length) {
        check();
        out = new ByteArrayOutputStream(length + 64);
        try {
            reader.feed(bytes, offset, length, this::line);
        } catch (StreamBroken e) {
            broken = e;
            throw e;
        } catch (RuntimeException e) {
            // An event shaped unlike its dialect: fail closed, never emit a half-handled event.
            broken = new StreamBroken("malformed_event", "A stream event could not be restored.");
            throw broken;
        }
        return out.toByteArray();
    }

    @Override
    public byte[] finish() {
        check();
        out = new ByteArrayOutputStream(64);
        try {
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
        } catch (StreamBroken e) {
            broken = e;
            throw e;
        } catch (RuntimeException e) {
            broken = new StreamBroken("malformed_event", "A stream event could not be restored.");
            throw broken;
        }
        for (EventRestorer.Out o : core.flushAll()) {
            write(EventRestorer.write(o.event()) + "\n");
        }
        return out.toByteArray();
    }

    @Override
    public Optional<String> responseId() {
        return Optional.empty();
    }

    private void check() {
        if (broken != null) {
            throw broken;
        }
    }

    private void line(String line) {
        if (line.isBlank()) {
            write(line + "\n");
            return;
        }
        ObjectNode event = EventRestorer.parse(line);
        if (event == null) {
            throw new StreamBroken("malformed_event", "A stream line is not a JSON object.");
        }
        for (EventRestorer.Out o : core.restore(null, event)) {
            write(EventRestorer.write(o.event()) + "\n");
        }
    }

    private void write(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
    }
}
