package io.qorgan.gateway.protect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Server-Sent Events restoration (OpenAI chat, legacy completions and Responses; Anthropic
 * messages). An event is dispatched at its blank line; its {@code event:}, {@code id:} and
 * comment lines are re-emitted as they were, its {@code data:} lines replaced by one line of
 * restored JSON (or kept, byte for byte, when restoration changed nothing in the event).
 * {@code data: [DONE]} passes through after held-back text is flushed.
 */
public final class SseStreamRestorer extends LineFramedStreamRestorer {

    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

    private static final int OTHER = 0;
    private static final int COMMENT = 1;
    private static final int EVENT = 2;
    private static final int DATA = 3;

    // The pending event's lines, each followed by '\n': where each starts, its field and where its value starts.
    private byte[] event = new byte[512];
    private int eventLen;
    private int[] lineStarts = new int[8];
    private int[] fields = new int[8];
    private int[] valueStarts = new int[8];
    private int lines;
    private byte[] joined = new byte[64]; // data of an event with several data lines
    private int joinedLen;

    SseStreamRestorer(EventRestorer core) {
        super(core);
    }

    @Override
    void end(LineReader reader) {
        // Ended inside an event, or before the event that closes a channel still holding text:
        // truncated either way, and the held-back fragment is not emitted.
        if (reader.hasPartial() || lines > 0 || core.holding()) {
            throw new StreamBroken("truncated", "The stream ended inside an event.");
        }
        for (EventRestorer.Out o : core.flushAll()) {
            writeSynthetic(o);
        }
    }

    @Override
    void line(byte[] buf, int len) {
        if (len > 0) {
            if (eventLen + len + 1 > LineReader.MAX_LINE) {
                throw new StreamBroken("event_too_large", "A stream event exceeds the size limit.");
            }
            add(buf, len);
            return;
        }
        if (lines == 0) {
            write('\n');
            return;
        }
        dispatch();
        lines = 0;
        eventLen = 0;
    }

    private void add(byte[] buf, int len) {
        if (eventLen + len + 1 > event.length) {
            event = Arrays.copyOf(event, Math.max(eventLen + len + 1, event.length * 2));
        }
        if (lines == lineStarts.length) {
            lineStarts = Arrays.copyOf(lineStarts, lines * 2);
            fields = Arrays.copyOf(fields, lines * 2);
            valueStarts = Arrays.copyOf(valueStarts, lines * 2);
        }
        int start = eventLen;
        System.arraycopy(buf, 0, event, eventLen, len);
        eventLen += len;
        event[eventLen++] = '\n';
        // The field name ends at the first colon, or with the line; the value starts after the colon and one space.
        int colon = start;
        while (colon < start + len && event[colon] != ':') {
            colon++;
        }
        int value = colon == start + len ? colon : colon + 1;
        if (value < start + len && event[value] == ' ') {
            value++;
        }
        lineStarts[lines] = start;
        valueStarts[lines] = value;
        fields[lines] =
                colon == start ? COMMENT : is(start, colon, "data") ? DATA : is(start, colon, "event") ? EVENT : OTHER;
        lines++;
    }

    private boolean is(int from, int to, String name) {
        if (to - from != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (event[from + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int lineEnd(int k) {
        return (k + 1 < lines ? lineStarts[k + 1] : eventLen) - 1;
    }

    private void dispatch() {
        String name = null;
        int dataLines = 0;
        int dataFrom = 0;
        int dataTo = 0;
        for (int k = 0; k < lines; k++) {
            if (fields[k] == EVENT) {
                name = new String(event, valueStarts[k], lineEnd(k) - valueStarts[k], StandardCharsets.UTF_8);
            } else if (fields[k] == DATA && dataLines++ == 0) {
                dataFrom = valueStarts[k];
                dataTo = lineEnd(k);
            }
        }
        if (dataLines == 0) {
            writeLines(null);
            return;
        }
        byte[] data = event;
        if (dataLines > 1) {
            data = joinData();
            dataFrom = 0;
            dataTo = joinedLen;
        }
        if (isDone(data, dataFrom, dataTo)) {
            for (EventRestorer.Out o : core.flushAll()) {
                writeSynthetic(o);
            }
            writeLines(null);
            return;
        }
        // One data line holds no newline, so a splice of it stays one line; joined data goes the tree way.
        EventRestorer.Flat flat = dataLines == 1 ? core.restoreFlat(name, data, dataFrom, dataTo - dataFrom) : null;
        if (flat != null) {
            for (EventRestorer.Out o : flat.before()) {
                writeSynthetic(o);
            }
            writeLines(flat.json());
            return;
        }
        ObjectNode parsed = EventRestorer.parse(data, dataFrom, dataTo - dataFrom);
        if (parsed == null) {
            throw new StreamBroken("malformed_event", "A stream event is not a JSON object.");
        }
        List<EventRestorer.Out> outs = core.restore(name, parsed);
        for (int k = 0; k < outs.size() - 1; k++) {
            writeSynthetic(outs.get(k));
        }
        EventRestorer.Out own = outs.get(outs.size() - 1);
        // Most events hold nothing to restore: their lines go on as they came, without re-serialising.
        writeLines(own.changed() ? EventRestorer.write(own.event()).getBytes(StandardCharsets.UTF_8) : null);
    }

    // The values of all data lines joined by '\n', as SSE defines an event's data.
    private byte[] joinData() {
        joinedLen = 0;
        boolean first = true;
        for (int k = 0; k < lines; k++) {
            if (fields[k] == DATA) {
                int from = valueStarts[k];
                int count = lineEnd(k) - from;
                if (joinedLen + count + 1 > joined.length) {
                    joined = Arrays.copyOf(joined, Math.max(joinedLen + count + 1, joined.length * 2));
                }
                if (!first) {
                    joined[joinedLen++] = '\n';
                }
                first = false;
                System.arraycopy(event, from, joined, joinedLen, count);
                joinedLen += count;
            }
        }
        return joined;
    }

    // "[DONE]" with surrounding ASCII white space or control characters, as String.trim would take it.
    private static boolean isDone(byte[] b, int from, int to) {
        while (from < to && (b[from] & 0xFF) <= ' ') {
            from++;
        }
        while (to > from && (b[to - 1] & 0xFF) <= ' ') {
            to--;
        }
        return Arrays.equals(b, from, to, DONE, 0, DONE.length);
    }

    // The event's own lines in their order; the first data line carries the new JSON, the others go.
    private void writeLines(byte[] json) {
        if (json == null) {
            write(event, 0, eventLen);
            write('\n');
            return;
        }
        boolean dataWritten = false;
        for (int k = 0; k < lines; k++) {
            if (fields[k] == DATA) {
                if (!dataWritten) {
                    write("data: ");
                    write(json, 0, json.length);
                    write('\n');
                    dataWritten = true;
                }
            } else {
                write(event, lineStarts[k], lineEnd(k) + 1 - lineStarts[k]);
            }
        }
        write('\n');
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
