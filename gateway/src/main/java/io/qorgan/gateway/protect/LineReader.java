package io.qorgan.gateway.protect;

import io.qorgan.gateway.dialect.Utf8;
import java.util.Arrays;

/**
 * Cuts a byte stream into lines ({@code \n} or {@code \r\n}). A UTF-8 multi-byte sequence never
 * contains those bytes, so a line is checked only once complete and a split inside a character
 * needs no care. Lines are handed on as bytes: most events go on unchanged, and decoding them to
 * text and encoding them back was the larger part of their cost. A line longer than the limit
 * breaks the stream rather than growing memory.
 */
final class LineReader {

    static final int MAX_LINE = 4 * 1024 * 1024;

    /** Receives one complete, valid UTF-8 line without its ending; {@code buf} is reused once the call returns. */
    interface Sink {
        void line(byte[] buf, int len);
    }

    private byte[] buf = new byte[256];
    private int len;

    void feed(byte[] bytes, int offset, int length, Sink lines) {
        int end = offset + length;
        int from = offset;
        while (from < end) {
            int nl = from;
            while (nl < end && bytes[nl] != '\n') {
                nl++;
            }
            append(bytes, from, nl - from); // copies the run up to the newline at once, not byte by byte
            if (nl == end) {
                return;
            }
            int n = len > 0 && buf[len - 1] == '\r' ? len - 1 : len;
            checked(n);
            len = 0;
            lines.line(buf, n);
            from = nl + 1;
        }
    }

    private void append(byte[] bytes, int from, int count) {
        if (count == 0) {
            return;
        }
        if (len + count > buf.length) {
            if (len + count > MAX_LINE) {
                throw new StreamBroken("event_too_large", "A stream line exceeds the size limit.");
            }
            buf = Arrays.copyOf(buf, Math.min(MAX_LINE, Math.max(len + count, buf.length * 2)));
        }
        System.arraycopy(bytes, from, buf, len, count);
        len += count;
    }

    /** Bytes of a line not yet ended by a newline. */
    boolean hasPartial() {
        return len > 0;
    }

    /** Hands the unterminated last line to {@code lines} and forgets it. */
    void takePartial(Sink lines) {
        int n = len;
        checked(n);
        len = 0;
        lines.line(buf, n);
    }

    private void checked(int n) {
        if (!Utf8.isValid(buf, 0, n)) {
            throw new StreamBroken("invalid_utf8", "A stream line is not valid UTF-8.");
        }
    }
}
