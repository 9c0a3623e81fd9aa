package io.qorgan.gateway.protect;

import io.qorgan.gateway.dialect.JsonText;
import java.util.Map;

/**
 * One left-to-right pass that copies text and replaces the placeholders (and recorded
 * format-preserving stand-ins) of one vault. Every start position is tried at most once and each
 * try reads a bounded number of characters, so the pass is linear. With {@code fin == false} it
 * stops at the first start whose outcome depends on text not yet seen and returns that index;
 * the caller holds the rest back.
 *
 * <p>In tool-call arguments written whole ({@code numbers}), a placeholder that stood for a JSON number of the request
 * and stands as a whole JSON string (<code>"[IIN_1]"</code>) becomes that number again, quotes and all.
 */
final class RestoreScan {

    private final ExchangeVault vault;
    private final boolean json;
    private final boolean numbers;
    private final PlaceholderGrammar.Match match = new PlaceholderGrammar.Match();
    private int replaced;

    RestoreScan(ExchangeVault vault, boolean json) {
        this(vault, json, false);
    }

    /** With {@code numbers}, for JSON source text restored whole: placeholders of numbers become numbers. */
    RestoreScan(ExchangeVault vault, boolean json, boolean numbers) {
        this.vault = vault;
        this.json = json;
        this.numbers = numbers && json;
    }

    /**
     * Restores {@code s[0, end)} into {@code out}; {@code prev} is the source character just
     * before {@code s[0]}. Returns the index where held-back text starts ({@code end} if none).
     */
    int run(CharSequence s, int end, char prev, boolean fin, StringBuilder out) {
        replaced = 0;
        boolean fpe = !vault.surrogates().isEmpty();
        int copied = 0;
        int i = 0;
        while (i < end) {
            char c = s.charAt(i);
            char before = i > 0 ? s.charAt(i - 1) : prev;
            if (PlaceholderGrammar.isStart(c, before)) {
                int r = PlaceholderGrammar.parse(s, i, end, fin, match);
                if (r == PlaceholderGrammar.INCOMPLETE) {
                    out.append(s, copied, i);
                    return i;
                }
                if (r == PlaceholderGrammar.MATCH) {
                    String original = vault.original(match.type, match.number);
                    String number = numbers && fin && original != null ? vault.number(match.type, match.number) : null;
                    if (number != null && isWholeString(s, i, match.end, end, copied)) {
                        out.append(s, copied, i - 1).append(number);
                        replaced++;
                        copied = match.end + 1;
                        i = match.end + 1;
                        continue;
                    }
                    if (original != null) {
                        out.append(s, copied, i);
                        append(out, original);
                        replaced++;
                        copied = match.end;
                    }
                    i = match.end;
                    continue;
                }
            } else if (fpe
                    && (PlaceholderGrammar.isDigit(c) || c == '+')
                    && !PlaceholderGrammar.isWordChar(before)
                    && before != '+') {
                int r = surrogate(s, i, end, fin);
                if (r == PlaceholderGrammar.INCOMPLETE) {
                    out.append(s, copied, i);
                    return i;
                }
                if (r == PlaceholderGrammar.MATCH) {
                    out.append(s, copied, i);
                    append(
                            out,
                            vault.surrogates().get(s.subSequence(i, match.end).toString()));
                    replaced++;
                    copied = match.end;
                    i = match.end;
                    continue;
                }
            }
            i++;
        }
        out.append(s, copied, end);
        return end;
    }

    /**
     * Whether {@code s[from, to)} is the whole of a JSON string: a quote just before it not yet copied out, not
     * escaped (a string value opens after a colon, a comma, a bracket or a space, never after a backslash), and a
     * quote just after it.
     */
    private static boolean isWholeString(CharSequence s, int from, int to, int end, int copied) {
        return from >= 1
                && from - 1 >= copied
                && s.charAt(from - 1) == '"'
                && (from < 2 || s.charAt(from - 2) != '\\')
                && to < end
                && s.charAt(to) == '"';
    }

    /** How many values the last {@link #run} put back. */
    int replaced() {
        return replaced;
    }

    // The longest recorded stand-in at i that is not followed by another digit.
    private int surrogate(CharSequence s, int i, int end, boolean fin) {
        int best = -1;
        boolean incomplete = false;
        for (Map.Entry<String, String> e : vault.surrogates().entrySet()) {
            String sur = e.getKey();
            int n = sur.length();
            int available = Math.min(n, end - i);
            if (!regionEquals(s, i, sur, available)) {
                continue;
            }
            if (available < n) {
                incomplete |= !fin;
                continue;
            }
            if (i + n == end) {
                if (fin) {
                    best = Math.max(best, n);
                } else {
                    incomplete = true;
                }
            } else if (!PlaceholderGrammar.isDigit(s.charAt(i + n))) {
                best = Math.max(best, n);
            }
        }
        if (incomplete) {
            return PlaceholderGrammar.INCOMPLETE;
        }
        if (best < 0) {
            return PlaceholderGrammar.NONE;
        }
        match.end = i + best;
        return PlaceholderGrammar.MATCH;
    }

    private static boolean regionEquals(CharSequence s, int from, String sur, int len) {
        for (int k = 0; k < len; k++) {
            if (s.charAt(from + k) != sur.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private void append(StringBuilder out, String value) {
        if (json) {
            JsonText.appendEscaped(out, value);
        } else {
            out.append(value);
        }
    }
}
