package io.qorgan.gateway.dialect;

import io.qorgan.gateway.dialect.BodyRejected.Reason;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Hands every name and value of a request target's query to a {@link TextRewriter}, decoded as an HTML form decodes
 * it ({@code +} is a space, {@code %XX} a byte, the bytes strict UTF-8), and puts back what changed, form-encoded.
 * Parts nobody changed keep their bytes. A query that cannot be decoded unambiguously (a bad escape, invalid UTF-8)
 * is refused, never forwarded as it came.
 *
 * <p>Names are looked at too: {@code ?900515301234} has its value where a name would be.
 */
public final class QueryRewriter {

    private QueryRewriter() {
    }

    /**
     * The target with its query rewritten; the same instance when nothing changed or there is no query.
     *
     * @throws BodyRejected with {@code malformed_query} when the query cannot be decoded
     */
    public static String rewrite(String target, TextRewriter rewriter) {
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
            String name = decode(rawName);
            String newName = rewriter.rewrite(name, new TextSite("?", TextSite.Kind.OTHER));
            String newValue = null;
            String value = null;
            if (eq < partEnd) {
                value = decode(target.substring(eq + 1, partEnd));
                newValue = rewriter.rewrite(value, new TextSite("?" + newName, TextSite.Kind.OTHER));
            }
            boolean changed = !newName.equals(name) || (value != null && !newValue.equals(value));
            if (changed && out == null) {
                out = new StringBuilder(n + 32).append(target, 0, partStart);
            }
            if (out != null) {
                out.append(newName.equals(name) ? rawName : encode(newName));
                if (value != null) {
                    out.append('=').append(newValue.equals(value) ? target.substring(eq + 1, partEnd) : encode(newValue));
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

    /**
     * Form decoding, strict: {@link java.net.URLDecoder} would put U+FFFD for bad UTF-8 and go on. Chars up to U+00FF
     * are the target's raw bytes as the HTTP decoder read them, so unescaped UTF-8 is decoded as well.
     */
    static String decode(String raw) {
        if (isPlain(raw)) {
            return raw;
        }
        byte[] bytes = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes[n++] = ' ';
            } else if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new BodyRejected(Reason.MALFORMED_QUERY);
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new BodyRejected(Reason.MALFORMED_QUERY);
                }
                bytes[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else if (c <= 0xFF) {
                bytes[n++] = (byte) c;
            } else {
                throw new BodyRejected(Reason.MALFORMED_QUERY);
            }
        }
        if (!Utf8.isValid(bytes, 0, n)) {
            throw new BodyRejected(Reason.MALFORMED_QUERY);
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
