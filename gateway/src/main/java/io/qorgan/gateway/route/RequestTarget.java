package io.qorgan.gateway.route;

import java.util.HexFormat;

/**
 * The check of a request target's path before routing. The router matches the path as it came and the upstream reads
 * it again, so a path the two could read differently is refused rather than normalised: a dot segment ({@code .},
 * {@code ..}, percent-encoded in any case or mix, also before a {@code ;} parameter as Java servers read it), a
 * backslash (a separator to some servers), an encoded slash, or an encoded control character (where C servers end a
 * string). Each segment is decoded twice, so a doubly encoded {@code %252e%252e} is caught as well. The query is not
 * a path and is not checked here. Cheap: a path without {@code %} or {@code \} is read once and not copied.
 */
public final class RequestTarget {

    /** Why a path is refused; the description names the kind, never the path. */
    public enum Problem {
        DOT_SEGMENT("a dot segment (`.` or `..`, encoded or not)"),
        BACKSLASH("a backslash (`\\` or `%5C`)"),
        ENCODED_SLASH("an encoded slash (`%2F`)"),
        CONTROL_CHARACTER("an encoded control character (`%00` to `%1F`, `%7F`)");

        private final String description;

        Problem(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private RequestTarget() {}

    /** What is wrong with the path of {@code target} (path, then an optional query), or null when nothing is. */
    public static Problem problem(String target) {
        int end = target.length();
        for (int i = 0; i < end; i++) {
            char c = target.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        int start = 0;
        while (start <= end) {
            int slash = target.indexOf('/', start);
            if (slash < 0 || slash > end) {
                slash = end;
            }
            Problem p = segment(target, start, slash);
            if (p != null) {
                return p;
            }
            start = slash + 1;
        }
        return null;
    }

    private static Problem segment(String s, int from, int to) {
        boolean encoded = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                return Problem.BACKSLASH;
            }
            encoded |= c == '%';
        }
        if (!encoded) {
            return isDot(s, from, to) ? Problem.DOT_SEGMENT : null;
        }
        String once = decode(s.substring(from, to));
        Problem p = decoded(once);
        if (p != null || once.indexOf('%') < 0) {
            return p;
        }
        return decoded(decode(once));
    }

    /** The problem of a decoded segment, whose chars are its bytes. */
    private static Problem decoded(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '/') {
                return Problem.ENCODED_SLASH;
            }
            if (c == '\\') {
                return Problem.BACKSLASH;
            }
            if (c < 0x20 || c == 0x7f) {
                return Problem.CONTROL_CHARACTER;
            }
        }
        return isDot(segment, 0, segment.length()) ? Problem.DOT_SEGMENT : null;
    }

    /** Whether the segment, up to a {@code ;} parameter, is {@code .} or {@code ..}. */
    private static boolean isDot(String s, int from, int to) {
        if (from >= to || s.charAt(from) != '.') {
            return false;
        }
        int end = from + 1 < to && s.charAt(from + 1) == '.' ? from + 2 : from + 1;
        return end == to || s.charAt(end) == ';';
    }

    /** Percent-decodes to one char per byte; a {@code %} not followed by two hex digits stays as it is. */
    private static String decode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%'
                    && i + 2 < s.length()
                    && HexFormat.isHexDigit(s.charAt(i + 1))
                    && HexFormat.isHexDigit(s.charAt(i + 2))) {
                out.append((char)
                        (HexFormat.fromHexDigit(s.charAt(i + 1)) << 4 | HexFormat.fromHexDigit(s.charAt(i + 2))));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
