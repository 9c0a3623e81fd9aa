package io.qorgan.gateway.dialect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

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
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from + 64);
        StringBuilder literal = new StringBuilder();
        int pos = from;
        for (int k = 0; k < count; k++) {
            if (texts[k] == null) {
                continue;
            }
            out.write(b, pos, from + starts[k] - pos);
            literal.setLength(0);
            if (raw != null && raw[k]) {
                literal.append(texts[k]);
            } else {
                appendEscaped(literal.append('"'), texts[k]).append('"');
            }
            out.writeBytes(literal.toString().getBytes(StandardCharsets.UTF_8));
            pos = from + ends[k];
        }
        out.write(b, pos, to - pos);
        return out.toByteArray();
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
