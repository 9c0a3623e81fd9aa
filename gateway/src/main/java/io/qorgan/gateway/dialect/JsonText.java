package io.qorgan.gateway.dialect;

import java.util.Arrays;

/** Writing text into JSON string literals, and finding them in the source. */
public final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {}

    /** A source offset the parser reported (byte or char), as an index; it has one whenever it reads an array. */
    static int offset(long offset) {
        if (offset < 0 || offset > Integer.MAX_VALUE) {
            throw new IllegalStateException("the JSON parser gave no source offset");
        }
        return (int) offset;
    }

    /**
     * Appends {@code text} escaped for the inside of a JSON string: quote, backslash and control
     * characters escaped, and lone surrogates as six-character unicode escapes so the result always
     * encodes to valid UTF-8; everything else as it is.
     */
    public static StringBuilder appendEscaped(StringBuilder out, CharSequence text) {
        int n = text.length();
        int plain = 0;
        while (plain < n && isPlain(text.charAt(plain))) {
            plain++;
        }
        out.append(text, 0, plain); // most texts need no escape at all: one bulk copy
        for (int i = plain; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(out, c);
                    } else if (Character.isHighSurrogate(c)
                            && i + 1 < n
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out;
    }

    /**
     * JSON source {@code b[from, to)} with some string literals replaced: literal {@code k} spans
     * {@code [starts[k], ends[k])} relative to {@code from}, quotes included, in source order, and
     * becomes {@code texts[k]} unless that is null. Every other byte goes on as it came.
     */
    public static byte[] splice(byte[] b, int from, int to, int[] starts, int[] ends, String[] texts, int count) {
        return splice(b, from, to, starts, ends, texts, null, count);
    }

    /**
     * As {@link #splice(byte[], int, int, int[], int[], String[], int)}, where a literal {@code k} with {@code raw[k]}
     * is replaced by {@code texts[k]} as it is (a number), not as a string; {@code raw} may be null.
     */
    static byte[] splice(
            byte[] b, int from, int to, int[] starts, int[] ends, String[] texts, boolean[] raw, int count) {
        // sized for the usual case, every char at most three bytes; escapes of six bytes grow it
        long size = to - from;
        for (int k = 0; k < count; k++) {
            if (texts[k] != null) {
                size += 3L * texts[k].length() + 2 - (ends[k] - starts[k]);
            }
        }
        Utf8Out out = new Utf8Out((int) Math.min(Math.max(size, 16), Integer.MAX_VALUE - 16));
        int pos = from;
        for (int k = 0; k < count; k++) {
            if (texts[k] == null) {
                continue;
            }
            out.write(b, pos, from + starts[k] - pos);
            if (raw != null && raw[k]) {
                out.writeEscaped(texts[k], false);
            } else {
                out.writeEscaped(texts[k], true);
            }
            pos = from + ends[k];
        }
        out.write(b, pos, to - pos);
        return out.toByteArray();
    }

    /**
     * UTF-8 bytes written straight from chars, escaped as {@link #appendEscaped} escapes them: one copy of each text,
     * where a StringBuilder, its String and that String's bytes took three.
     */
    private static final class Utf8Out {
        private byte[] buf;
        private int len;

        Utf8Out(int capacity) {
            buf = new byte[capacity];
        }

        void write(byte[] b, int off, int n) {
            ensure(n);
            System.arraycopy(b, off, buf, len, n);
            len += n;
        }

        /** {@code text} as a JSON string literal when {@code quoted}, else as it is (a number literal's digits). */
        void writeEscaped(String text, boolean quoted) {
            int n = text.length();
            ensure(3 * n + 2);
            byte[] out = buf;
            int at = len;
            if (quoted) {
                out[at++] = '"';
            }
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    if (c >= 0x20 && c != '"' && c != '\\' || !quoted) {
                        out[at++] = (byte) c;
                        continue;
                    }
                    len = at;
                    at = escape(c, n - i);
                    out = buf;
                } else if (c < 0x800) {
                    out[at++] = (byte) (0xC0 | c >> 6);
                    out[at++] = (byte) (0x80 | c & 0x3F);
                } else if (!Character.isSurrogate(c)) {
                    out[at++] = (byte) (0xE0 | c >> 12);
                    out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                    out[at++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, text.charAt(++i));
                    out[at++] = (byte) (0xF0 | cp >> 18);
                    out[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    out[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    out[at++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    len = at;
                    at = escape(c, n - i);
                    out = buf;
                }
            }
            if (quoted) {
                out[at++] = '"';
            }
            len = at;
        }

        /**
         * Writes the escape of {@code c} at {@link #len}, keeping room for the {@code left} chars of the text still to
         * come (this one included) at three bytes each and the closing quote; answers the new end.
         */
        private int escape(char c, int left) {
            ensure(6 + 3 * left + 1);
            byte[] out = buf;
            int at = len;
            out[at++] = '\\';
            switch (c) {
                case '"' -> out[at++] = '"';
                case '\\' -> out[at++] = '\\';
                case '\n' -> out[at++] = 'n';
                case '\r' -> out[at++] = 'r';
                case '\t' -> out[at++] = 't';
                default -> {
                    out[at++] = 'u';
                    out[at++] = (byte) HEX[c >> 12];
                    out[at++] = (byte) HEX[(c >> 8) & 0xF];
                    out[at++] = (byte) HEX[(c >> 4) & 0xF];
                    out[at++] = (byte) HEX[c & 0xF];
                }
            }
            return at;
        }

        private void ensure(int more) {
            if (buf.length - len < more) {
                buf = Arrays.copyOf(buf, Math.max(len + more, buf.length * 2));
            }
        }

        byte[] toByteArray() {
            return len == buf.length ? buf : Arrays.copyOf(buf, len);
        }
    }

    /**
     * Whether {@code s} is one JSON number literal as RFC 8259 writes it: {@code -?(0|[1-9][0-9]*)(.[0-9]+)?}, then
     * {@code ([eE][+-]?[0-9]+)?}; nothing around it.
     */
    public static boolean isNumber(CharSequence s) {
        int n = s.length();
        int i = 0;
        if (i < n && s.charAt(i) == '-') {
            i++;
        }
        if (i >= n || !isDigit(s.charAt(i))) {
            return false;
        }
        if (s.charAt(i) == '0') {
            i++;
        } else {
            i = digits(s, i);
        }
        if (i < n && s.charAt(i) == '.') {
            int after = digits(s, i + 1);
            if (after == i + 1) {
                return false;
            }
            i = after;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int after = digits(s, i);
            if (after == i) {
                return false;
            }
            i = after;
        }
        return i == n;
    }

    private static int digits(CharSequence s, int i) {
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isPlain(char c) {
        return c >= 0x20 && c != '"' && c != '\\' && (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE);
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u")
                .append(HEX[c >> 12])
                .append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
    }
}
