package io.qorgan.gateway.dialect;

import io.qorgan.gateway.dialect.BodyRejected.Reason;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Hands every segment of a request target's path, and every name and value of its query, to a {@link TextRewriter},
 * decoded ({@code %XX} a byte, the bytes strict UTF-8; in the query {@code +} is a space, as an HTML form decodes it),
 * and puts back what changed, percent-encoded. Parts nobody changed keep their bytes. A target that cannot be decoded
 * unambiguously (a bad escape, invalid UTF-8) is refused, never forwarded as it came.
 *
 * <p>Query names are looked at too: {@code ?900515301234} has its value where a name would be. So are path segments:
 * an agency's own endpoint may well be {@code /citizens/900515301234}.
 */
public final class TargetRewriter {

    private static final TextSite PATH = new TextSite("/", TextSite.Kind.OTHER);

    private TargetRewriter() {}

    /**
     * The target (origin form: path, then an optional query) with its path segments and query rewritten; the same
     * instance when nothing changed.
     *
     * @throws BodyRejected with {@code malformed_path} or {@code malformed_query} when that part cannot be decoded
     */
    public static String rewrite(String target, TextRewriter rewriter) {
        return rewriteQuery(rewritePath(target, rewriter), rewriter);
    }

    private static String rewritePath(String target, TextRewriter rewriter) {
        int q = target.indexOf('?');
        int pathEnd = q < 0 ? target.length() : q;
        StringBuilder out = null;
        int segStart = 0;
        while (segStart <= pathEnd) {
            int segEnd = target.indexOf('/', segStart);
            if (segEnd < 0 || segEnd > pathEnd) {
                segEnd = pathEnd;
            }
            if (segEnd > segStart) {
                String raw = target.substring(segStart, segEnd);
                String text = decode(raw, false, Reason.MALFORMED_PATH);
                String next = rewriter.rewrite(text, PATH);
                if (!next.equals(text) && out == null) {
                    out = new StringBuilder(target.length() + 32).append(target, 0, segStart);
                }
                if (out != null) {
                    out.append(next.equals(text) ? raw : encodeSegment(next));
                }
            }
            if (out != null && segEnd < pathEnd) {
                out.append('/');
            }
            segStart = segEnd + 1;
        }
        return out == null
                ? target
                : out.append(target, pathEnd, target.length()).toString();
    }

    private static String rewriteQuery(String target, TextRewriter rewriter) {
        int q = target.indexOf('?');
        if (q < 0 || q == target.length() - 1) {
            return target;
        }
        StringBuilder out = null;
        int partStart = q + 1;
        int n = target.length();
        while (partStart <= n) {
            int partEnd = target.indexOf('&', partStart);
            if (partEnd < 0) {
                partEnd = n;
            }
            int eq = target.indexOf('=', partStart);
            if (eq < 0 || eq > partEnd) {
                eq = partEnd;
            }
            String rawName = target.substring(partStart, eq);
            String name = decode(rawName, true, Reason.MALFORMED_QUERY);
            String newName = rewriter.rewrite(name, new TextSite("?", TextSite.Kind.OTHER));
            String newValue = null;
            String value = null;
            if (eq < partEnd) {
                value = decode(target.substring(eq + 1, partEnd), true, Reason.MALFORMED_QUERY);
                newValue = rewriter.rewrite(value, new TextSite("?" + newName, TextSite.Kind.OTHER));
            }
            boolean changed = !newName.equals(name) || (value != null && !newValue.equals(value));
            if (changed && out == null) {
                out = new StringBuilder(n + 32).append(target, 0, partStart);
            }
            if (out != null) {
                out.append(newName.equals(name) ? rawName : encode(newName));
                if (value != null) {
                    out.append('=')
                            .append(newValue.equals(value) ? target.substring(eq + 1, partEnd) : encode(newValue));
                }
                if (partEnd < n) {
                    out.append('&');
                }
            }
            partStart = partEnd + 1;
        }
        return out == null ? target : out.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Percent-encoding for a path segment: as a form encodes, but a space is {@code %20} ({@code +} is itself here). */
    private static String encodeSegment(String text) {
        return encode(text).replace("+", "%20");
    }

    /** A query name or value, form-decoded. */
    static String decode(String raw) {
        return decode(raw, true, Reason.MALFORMED_QUERY);
    }

    /**
     * Percent-decoding, strict: {@link java.net.URLDecoder} would put U+FFFD for bad UTF-8 and go on. Chars up to
     * U+00FF are the target's raw bytes as the HTTP decoder read them, so unescaped UTF-8 is decoded as well.
     */
    private static String decode(String raw, boolean plusIsSpace, Reason malformed) {
        if (isPlain(raw)) {
            return raw;
        }
        byte[] bytes = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+' && plusIsSpace) {
                bytes[n++] = ' ';
            } else if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new BodyRejected(malformed);
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new BodyRejected(malformed);
                }
                bytes[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else if (c <= 0xFF) {
                bytes[n++] = (byte) c;
            } else {
                throw new BodyRejected(malformed);
            }
        }
        if (!Utf8.isValid(bytes, 0, n)) {
            throw new BodyRejected(malformed);
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }

    private static boolean isPlain(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' || c == '+' || c >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
