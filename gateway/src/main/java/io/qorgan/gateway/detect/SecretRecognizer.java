package io.qorgan.gateway.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.List;

/**
 * Credentials: API keys with well-known prefixes ({@code sk-}, {@code sk-proj-}, {@code ghp_}, {@code github_pat_},
 * {@code AKIA}, {@code xoxb-}/{@code xoxp-}), JWTs whose header decodes to JSON with {@code alg}, PEM private-key
 * blocks, and high-entropy values right after a password, token or API-key label.
 */
final class SecretRecognizer implements Recognizer {

    private record Prefix(String text, int minBody, boolean upperAlnumBody) {}

    private static final Prefix[] PREFIXES = {
        new Prefix("sk-", 20, false), new Prefix("ghp_", 30, false), new Prefix("gho_", 30, false),
        new Prefix("ghs_", 30, false), new Prefix("github_pat_", 30, false), new Prefix("AKIA", 16, true),
        new Prefix("ASIA", 16, true), new Prefix("xoxb-", 10, false), new Prefix("xoxp-", 10, false),
        new Prefix("xoxa-", 10, false), new Prefix("glpat-", 20, false),
    };
    private static final String[] LABELS = {
        "password",
        "passwd",
        "pwd",
        "пароль",
        "құпия сөз",
        "құпиясөз",
        "token",
        "токен",
        "api key",
        "api_key",
        "apikey",
        "api-key",
        "secret",
        "client_secret",
        "access key",
    };
    static final CueIndex LABEL_INDEX = new CueIndex(LABELS);
    private static final String PEM_BEGIN = "-----BEGIN ";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void find(TextView view, List<Finding> out) {
        char[] s = view.chars();
        WordStarts candidates = view.starts();
        int[] starts = candidates.sorted();
        for (int k = candidates.first(WordStarts.CODE), last = candidates.end(WordStarts.CODE); k < last; k++) {
            int at = starts[k];
            char c = s[at];
            if (c == 's' || c == 'g' || c == 'A' || c == 'x') {
                for (Prefix prefix : PREFIXES) {
                    if (prefix.text().charAt(0) == c
                            && Chars.startsWith(s, prefix.text(), at)) { // most words: one compare
                        int end = tokenEnd(s, at + prefix.text().length());
                        int body = end - at - prefix.text().length();
                        if (body >= prefix.minBody() && (!prefix.upperAlnumBody() || upperAlnum(s, at, end))) {
                            out.add(new Finding(EntityType.SECRET, at, end, 0.95, "secret"));
                        }
                        break;
                    }
                }
            } else if (c == 'e' && Chars.startsWith(s, "eyJ", at)) {
                int end = jwtEnd(s, at);
                if (end > 0) {
                    out.add(new Finding(EntityType.SECRET, at, end, 0.95, "secret"));
                }
            } else if (c == '-' && Chars.startsWith(s, PEM_BEGIN, at)) {
                pem(s, at, out);
            }
        }
        LABEL_INDEX.find(view, (at, label) -> labelled(s, at, label, out));
    }

    private static void pem(char[] s, int at, List<Finding> out) {
        int lineEnd = Chars.indexOf(s, "-----", at + PEM_BEGIN.length());
        if (lineEnd < 0 || lineEnd - at > 60 || !Chars.string(s, at, lineEnd).contains("PRIVATE KEY")) {
            return;
        }
        String label = Chars.string(s, at + PEM_BEGIN.length(), lineEnd);
        String footer = "-----END " + label + "-----";
        int close = Chars.indexOf(s, footer, lineEnd);
        int end = close < 0 ? Math.min(s.length, lineEnd + 5) : close + footer.length();
        out.add(new Finding(EntityType.SECRET, at, end, 0.99, "secret"));
    }

    /** A random-looking value right after a label. */
    private static void labelled(char[] s, int at, String label, List<Finding> out) {
        int p = at + label.length();
        // skip a short tail of the label word ("пароля", "tokens"), then separators
        int tail = 0;
        while (p < s.length && Chars.isLetter(s[p]) && tail < 3) {
            p++;
            tail++;
        }
        int colon = p;
        while (colon < s.length && colon - p < 24 && (Chars.isLetter(s[colon]) || s[colon] == ' ')) {
            colon++;
        }
        if (colon > p && colon < s.length && (s[colon] == ':' || s[colon] == '=')) {
            p = colon; // "пароль от портала: …", "password for the portal = …"
        }
        int sepStart = p;
        while (p < s.length
                && p - sepStart < 4
                && (s[p] == ' '
                        || s[p] == ':'
                        || s[p] == '='
                        || s[p] == '"'
                        || s[p] == '\''
                        || s[p] == '-'
                        || s[p] == '—')) {
            p++;
        }
        if (p == sepStart) {
            return;
        }
        int end = p;
        while (end < s.length && end - p < 200 && isSecretChar(s[end])) {
            end++;
        }
        while (end > p && ".,;)\"'".indexOf(s[end - 1]) >= 0) {
            end--;
        }
        if (end - p >= 8 && looksRandom(s, p, end)) {
            out.add(new Finding(EntityType.SECRET, p, end, 0.85, "secret"));
        }
    }

    private static boolean isSecretChar(char c) {
        return c > ' ' && c < 0x7F && c != '"' && c != '\'' && c != ',' && c != '<' && c != '>';
    }

    /** Mixed character classes with enough entropy; a plain word or number is not a secret. */
    private static boolean looksRandom(char[] s, int from, int to) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = from; i < to; i++) {
            char c = s[i];
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (Chars.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        return classes >= 3 || (classes == 2 && Chars.entropy(s, from, to) >= 3.0);
    }

    private static int tokenEnd(char[] s, int from) {
        int p = from;
        while (p < s.length && (Chars.isAsciiAlnum(s[p]) || s[p] == '-' || s[p] == '_')) {
            p++;
        }
        return p;
    }

    private static boolean upperAlnum(char[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s[i];
            if (!Chars.isDigit(c) && !Chars.isAsciiUpper(c)) {
                return false;
            }
        }
        return to - from == 20;
    }

    /** End of a JWT at {@code at}: three base64url parts and a header that is JSON naming an algorithm. */
    private static int jwtEnd(char[] s, int at) {
        int p = at;
        int[] dots = new int[2];
        int parts = 0;
        while (p < s.length) {
            char c = s[p];
            if (Chars.isAsciiAlnum(c) || c == '-' || c == '_') {
                p++;
            } else if (c == '.' && parts < 2) {
                dots[parts++] = p;
                p++;
            } else {
                break;
            }
        }
        if (parts != 2 || dots[0] - at < 10 || dots[1] - dots[0] < 2 || p - dots[1] < 2) {
            return -1;
        }
        try {
            byte[] header = Base64.getUrlDecoder().decode(Chars.string(s, at, dots[0]));
            JsonNode node = JSON.readTree(header);
            return node != null && node.isObject() && node.has("alg") ? p : -1;
        } catch (IllegalArgumentException | IOException e) {
            return -1;
        }
    }
}
