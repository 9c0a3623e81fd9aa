package io.qorgan.gateway.server;

import io.netty.buffer.ByteBuf;
import io.qorgan.gateway.dialect.Framing;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Whether the stream relayed to a client so far ends as its API ends one: {@code data: [DONE]} (OpenAI chat and
 * completions), {@code message_stop} (Anthropic), {@code response.completed} (OpenAI Responses) or a {@code "done":true}
 * line (Ollama). SDKs close the connection on that event, often before the upstream's own end of the answer arrives;
 * such a client got its whole answer and is no client abort.
 *
 * <p>Reads each piece once, as it is written, keeping only the first bytes of each line. Not thread-safe: one per
 * exchange, on its event loop.
 */
final class StreamEnd {

    private static final int KEEP = 48;
    private static final byte[] DATA = ascii("data:");
    private static final byte[] DONE = ascii("[DONE]");
    private static final byte[] EVENT = ascii("event:");
    private static final byte[] DONE_TRUE = ascii("\"done\":true");
    private static final byte[][] FINAL_EVENTS = {ascii("message_stop"), ascii("response.completed")};

    private final boolean sse;
    private final byte[] line = new byte[KEEP];
    private int lineLength;
    /** The line in progress started at the beginning of an NDJSON line or an SSE line. */
    private boolean inLine;
    /** SSE: the event being read is a final one. */
    private boolean finalEvent;
    /** NDJSON: how much of {@code "done":true} the current line has matched. */
    private int doneMatched;

    private boolean doneLine;
    private boolean ended;

    private StreamEnd(boolean sse) {
        this.sse = sse;
    }

    /** A tracker for an answer of this framing, or null when the answer is not a stream. */
    static StreamEnd of(Framing framing) {
        return switch (framing) {
            case NONE -> null;
            case NDJSON -> new StreamEnd(false);
            default -> new StreamEnd(true);
        };
    }

    /** Reads a piece that went to the client; its indexes are left as they are. */
    void written(ByteBuf piece) {
        for (int i = piece.readerIndex(), end = piece.writerIndex(); i < end; i++) {
            byte b = piece.getByte(i);
            if (b == '\n') {
                lineEnded();
                continue;
            }
            if (b == '\r') {
                continue;
            }
            if (!inLine) {
                inLine = true;
                lineLength = 0;
                doneMatched = 0;
                doneLine = false;
                ended = false; // something after the end: it was not the end
            }
            if (lineLength < KEEP) {
                line[lineLength++] = b;
            }
            if (!sse && !doneLine && !(b == ' ' && doneMatched == 7)) { // "done": true too
                doneMatched = b == DONE_TRUE[doneMatched] ? doneMatched + 1 : (b == DONE_TRUE[0] ? 1 : 0);
                if (doneMatched == DONE_TRUE.length) {
                    doneLine = true;
                }
            }
        }
    }

    /** Whether what was written so far ends with the stream's final event. */
    boolean ended() {
        return ended;
    }

    private void lineEnded() {
        if (!inLine) {
            if (sse) { // a blank line: the end of an SSE event
                finalEvent = false;
            }
            return;
        }
        inLine = false;
        if (!sse) {
            ended = doneLine;
            return;
        }
        if (startsWith(EVENT)) {
            finalEvent = false;
            for (byte[] name : FINAL_EVENTS) {
                finalEvent |= valueIs(EVENT.length, name);
            }
            ended = false; // its data is still to come
            return;
        }
        ended = startsWith(DATA) && valueIs(DATA.length, DONE) || finalEvent;
    }

    private boolean startsWith(byte[] prefix) {
        return lineLength >= prefix.length && Arrays.equals(line, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Whether the line from {@code from} on, after one optional space, is exactly {@code value}. */
    private boolean valueIs(int from, byte[] value) {
        int at = from < lineLength && line[from] == ' ' ? from + 1 : from;
        return lineLength - at == value.length && Arrays.equals(line, at, lineLength, value, 0, value.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
