package io.qorgan.gateway.protect;

import io.qorgan.gateway.dialect.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cuts a byte stream into lines ({@code \n} or {@code \r\n}). A UTF-8 multi-byte sequence never
 * contains those bytes, so a line is decoded only once complete and a split inside a character
 * needs no care. A line longer than the limit breaks the stream rather than growing memory.
 */
final class LineReader {

    static final int MAX_LINE = 4 * 1024 * 1024;

    private byte[] buf = new byte[256];
    private int len;

    void feed(byte[] bytes, int offset, int length, Consumer<String> lines) {
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
            String line = decode(n);
            len = 0;
            lines.accept(line);
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

    /** The unterminated last line, decoded, and forgets it. */
    String takePartial() {
        String line = decode(len);
        len = 0;
        return line;
    }

    private String decode(int n) {
        // The JDK's decoder is strict and vectorised; it turns anything malformed into U+FFFD, so
        // only a line holding U+FFFD needs the check whether it came as such or was malformed.
        String line = new String(buf, 0, n, StandardCharsets.UTF_8);
        if (line.indexOf('\uFFFD') >= 0 && !Utf8.isValid(buf, 0, n)) {
            throw new StreamBroken("invalid_utf8", "A stream line is not valid UTF-8.");
        }
        return line;
    }
}
