package io.qorgan.gateway.server;

import java.util.HexFormat;

/**
 * The syntax of the request header values the gateway checks itself: hosts ({@code Host}, {@code X-Forwarded-Host};
 * RFC 9110 §7.2 kept to names and IP literals), media types and ranges ({@code Content-Type}, {@code Accept}; RFC 9110
 * §8.3.1 and §12.5.1) and W3C Trace Context ({@code traceparent} version 00, {@code tracestate}). A value that does not
 * parse is not what its name says, and the gateway does not pass on what it cannot tell apart from free text. String
 * work only, no allocation: these run on every request.
 */
final class HeaderSyntax {

    /** {@link #media}: not a media type (or list of media ranges). */
    static final int INVALID = -1;
    /** {@link #media}: media types whose only parameters are {@code charset} and {@code q}. */
    static final int PLAIN = 0;
    /** {@link #media}: media types with another parameter, whose value could be any text. */
    static final int FREE_PARAMETERS = 1;

    private static final int TRACEPARENT_LENGTH = 55;
    private static final int MAX_TRACESTATE_MEMBERS = 32;

    private HeaderSyntax() {}

    /**
     * Reads a {@code Content-Type} ({@code list} false: one media type) or an {@code Accept} value ({@code list} true:
     * a comma-separated list of media ranges, possibly empty). Empty parameters ({@code ;;}, a trailing {@code ;}) and
     * a bare {@code *} in a list are tolerated, as browsers and Java's own HTTP client send them.
     *
     * @return {@link #INVALID}, {@link #PLAIN} or {@link #FREE_PARAMETERS}
     */
    static int media(String s, boolean list) {
        int n = s.length();
        int result = PLAIN;
        int i = ows(s, 0);
        if (i == n) {
            return list ? PLAIN : INVALID;
        }
        while (true) {
            if (list) {
                while (i < n && s.charAt(i) == ',') {
                    i = ows(s, i + 1);
                }
                if (i == n) {
                    return result;
                }
            }
            int type = i;
            i = token(s, i);
            if (i < 0) {
                return INVALID;
            }
            // a bare * is not a media range, but Java's HttpURLConnection sends it by default
            boolean bareStar = list && i == type + 1 && s.charAt(type) == '*' && (i == n || s.charAt(i) != '/');
            if (!bareStar) {
                if (i == n || s.charAt(i) != '/') {
                    return INVALID;
                }
                i = token(s, i + 1);
                if (i < 0) {
                    return INVALID;
                }
            }
            i = ows(s, i);
            while (i < n && s.charAt(i) == ';') {
                i = ows(s, i + 1);
                if (i == n || s.charAt(i) == ';' || s.charAt(i) == ',') {
                    continue; // an empty parameter
                }
                int name = i;
                i = token(s, i);
                if (i < 0 || i == n || s.charAt(i) != '=') {
                    return INVALID;
                }
                if (!named(s, name, i, "q") && !named(s, name, i, "charset")) {
                    result = FREE_PARAMETERS;
                }
                i = i + 1 < n && s.charAt(i + 1) == '"' ? quoted(s, i + 1) : token(s, i + 1);
                if (i < 0) {
                    return INVALID;
                }
                i = ows(s, i);
            }
            if (i == n) {
                return result;
            }
            if (!list || s.charAt(i) != ',') {
                return INVALID;
            }
        }
    }

    /** {@code host [":" port]}: a name of letters, digits and {@code - . _ ~}, or an IP literal in brackets. */
    static boolean isHost(String s) {
        return isHost(s, 0, s.length());
    }

    /** A comma-separated list of hosts, as proxies append them to {@code X-Forwarded-Host}. */
    static boolean isHostList(String s) {
        return eachElement(s, HeaderSyntax::isHost);
    }

    private static boolean isHost(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        int i = from;
        if (s.charAt(i) == '[') {
            int close = s.indexOf(']', i);
            if (close < 0 || close >= to || close == i + 1) {
                return false;
            }
            for (int k = i + 1; k < close; k++) {
                char c = s.charAt(k);
                if (!HexFormat.isHexDigit(c) && c != ':' && c != '.') {
                    return false;
                }
            }
            i = close + 1;
        } else {
            while (i < to && isNameChar(s.charAt(i))) {
                i++;
            }
            if (i == from) {
                return false;
            }
        }
        if (i == to) {
            return true;
        }
        int digits = to - i - 1;
        if (s.charAt(i) != ':' || digits < 1 || digits > 5) {
            return false;
        }
        for (int k = i + 1; k < to; k++) {
            if (!isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A W3C {@code traceparent} of version 00: {@code 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}, lower
     * case, neither id all zeros. Later versions may append fields the gateway cannot check, so they are not accepted.
     */
    static boolean isTraceparent(String s) {
        return s.length() == TRACEPARENT_LENGTH
                && s.charAt(0) == '0'
                && s.charAt(1) == '0'
                && s.charAt(2) == '-'
                && s.charAt(35) == '-'
                && s.charAt(52) == '-'
                && lowerHex(s, 3, 35)
                && lowerHex(s, 36, 52)
                && lowerHex(s, 53, 55)
                && !zeros(s, 3, 35)
                && !zeros(s, 36, 52);
    }

    /**
     * A W3C {@code tracestate}: up to 32 comma-separated {@code key=value} members (empty ones allowed), keys of
     * lower-case letters, digits and {@code _ - * /} with an optional {@code @system} part, values of 1 to 256
     * printable ASCII characters other than {@code ,} and {@code =}.
     */
    static boolean isTracestate(String s) {
        int commas = 0;
        for (int i = s.indexOf(','); i >= 0; i = s.indexOf(',', i + 1)) {
            commas++;
        }
        return commas < MAX_TRACESTATE_MEMBERS && eachElement(s, HeaderSyntax::isTracestateMember);
    }

    /** Checks a part of a value, given without the whitespace around it. */
    private interface ElementCheck {
        boolean test(String s, int from, int to);
    }

    /** Whether every element of a comma-separated list passes {@code check}. */
    private static boolean eachElement(String s, ElementCheck check) {
        int start = 0;
        while (true) {
            int comma = s.indexOf(',', start);
            int from = ows(s, start);
            int to = comma < 0 ? s.length() : comma;
            while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
                to--;
            }
            if (!check.test(s, from, to)) {
                return false;
            }
            if (comma < 0) {
                return true;
            }
            start = comma + 1;
        }
    }

    /** An empty member is allowed. */
    private static boolean isTracestateMember(String s, int from, int to) {
        if (from == to) {
            return true;
        }
        int equals = s.indexOf('=', from);
        if (equals < 0 || equals >= to || !isTracestateKey(s, from, equals)) {
            return false;
        }
        int length = to - equals - 1;
        if (length < 1 || length > 256) {
            return false;
        }
        for (int i = equals + 1; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == ',' || c == '=') {
                return false;
            }
        }
        return true;
    }

    private static boolean isTracestateKey(String s, int from, int to) {
        int at = s.indexOf('@', from);
        if (at < 0 || at >= to) {
            return to - from <= 256 && isLower(s.charAt(from)) && keyChars(s, from, to);
        }
        return at - from >= 1
                && at - from <= 241
                && to - at - 1 >= 1
                && to - at - 1 <= 14
                && (isLower(s.charAt(from)) || isDigit(s.charAt(from)))
                && isLower(s.charAt(at + 1))
                && keyChars(s, from, at)
                && keyChars(s, at + 1, to);
    }

    private static boolean keyChars(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isLower(c) && !isDigit(c) && c != '_' && c != '-' && c != '*' && c != '/') {
                return false;
            }
        }
        return true;
    }

    /** The index after a token starting at {@code i} (one or more tchar, RFC 9110 §5.6.2), or -1. */
    private static int token(String s, int i) {
        int start = i;
        while (i < s.length() && isTchar(s.charAt(i))) {
            i++;
        }
        return i == start ? -1 : i;
    }

    /** The index after a quoted-string starting at the quote at {@code i} (RFC 9110 §5.6.4), or -1. */
    private static int quoted(String s, int i) {
        for (i++; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                i++;
                if (i == s.length() || !isQuotedText(s.charAt(i)) && s.charAt(i) != '"' && s.charAt(i) != '\\') {
                    return -1;
                }
            } else if (!isQuotedText(c)) {
                return -1;
            }
        }
        return -1;
    }

    /** qdtext: tab, space, visible ASCII but {@code "} and {@code \}, and obs-text (bytes from 0x80). */
    private static boolean isQuotedText(char c) {
        return c == '\t' || (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f && c <= 0xff);
    }

    private static int ows(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean named(String s, int from, int to, String name) {
        return to - from == name.length() && s.regionMatches(true, from, name, 0, name.length());
    }

    private static boolean isTchar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || isDigit(c)
                || (c < 0x7f && "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || isDigit(c)
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    private static boolean lowerHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isDigit(c) && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean zeros(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
