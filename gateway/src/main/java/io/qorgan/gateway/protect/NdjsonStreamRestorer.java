package io.qorgan.gateway.protect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * Newline-delimited JSON restoration (Ollama chat and generate): one JSON object per line. A line
 * restoration did not change goes on as it came; a common one that changed has its restored
 * strings spliced in, any other is written anew. Blank lines pass through. A last line without
 * its newline is accepted only if it is a complete JSON object.
 */
public final class NdjsonStreamRestorer extends LineFramedStreamRestorer {

    NdjsonStreamRestorer(EventRestorer core) {
        super(core);
    }

    @Override
    void end(LineReader reader) {
        if (reader.hasPartial()) {
            reader.takePartial((buf, len) -> {
                if (!isBlank(buf, len)) {
                    if (EventRestorer.parse(buf, 0, len) == null) {
                        throw new StreamBroken("truncated", "The stream ended inside an event.");
                    }
                    line(buf, len);
                }
            });
        }
        if (core.holding()) {
            throw new StreamBroken("truncated", "The stream ended before its final event.");
        }
        for (EventRestorer.Out o : core.flushAll()) {
            write(EventRestorer.write(o.event()) + "\n");
        }
    }

    @Override
    void line(byte[] buf, int len) {
        if (isBlank(buf, len)) {
            write(buf, 0, len);
            write('\n');
            return;
        }
        EventRestorer.Flat flat = core.restoreFlat(null, buf, 0, len);
        if (flat != null) {
            for (EventRestorer.Out o : flat.before()) {
                write(EventRestorer.write(o.event()) + "\n");
            }
            byte[] json = flat.json();
            write(json == null ? buf : json, 0, json == null ? len : json.length);
            write('\n');
            return;
        }
        ObjectNode event = EventRestorer.parse(buf, 0, len);
        if (event == null) {
            throw new StreamBroken("malformed_event", "A stream line is not a JSON object.");
        }
        for (EventRestorer.Out o : core.restore(null, event)) {
            if (o.changed()) {
                write(EventRestorer.write(o.event()) + "\n");
            } else {
                write(buf, 0, len); // as it came
                write('\n');
            }
        }
    }

    // String.isBlank of the decoded line; only a line with non-ASCII bytes needs decoding to tell.
    private static boolean isBlank(byte[] buf, int len) {
        for (int i = 0; i < len; i++) {
            int b = buf[i] & 0xFF;
            if (b >= 0x80) {
                return new String(buf, 0, len, StandardCharsets.UTF_8).isBlank();
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }
}
