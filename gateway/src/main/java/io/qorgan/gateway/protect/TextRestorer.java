package io.qorgan.gateway.protect;

import io.qorgan.gateway.dialect.BodyRejected;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.dialect.TextRewriter;
import io.qorgan.gateway.dialect.TextSite;
import java.nio.charset.StandardCharsets;

/**
 * Puts the original values of one exchange back into answer text. Tolerant of what models do to
 * placeholders ({@code [person_1]}, {@code PERSON_1}, {@code [PERSON 1]}, {@code 【PERSON_1】},
 * followed by {@code 's} or {@code -ге}); placeholders this exchange does not know pass
 * unchanged. Linear time, no regular expressions.
 *
 * <p>Not thread-safe (it shares the exchange's vault); one per exchange.
 */
public final class TextRestorer {

    private final ExchangeVault vault;
    // Reused from text to text: most texts hold nothing to restore and then cost no allocation.
    private final RestoreScan plainScan;
    private final RestoreScan jsonScan;
    private final RestoreScan argumentsScan;
    private final PlaceholderGrammar.Match match = new PlaceholderGrammar.Match();
    private final StringBuilder scratch = new StringBuilder();

    private TextRestorer(ExchangeVault vault) {
        this.vault = vault;
        this.plainScan = new RestoreScan(vault, false);
        this.jsonScan = new RestoreScan(vault, true);
        this.argumentsScan = new RestoreScan(vault, true, true);
    }

    public static TextRestorer of(ExchangeVault vault) {
        return new TextRestorer(vault);
    }

    public ExchangeVault vault() {
        return vault;
    }

    /** The text with every known placeholder replaced by its original. */
    public String restore(CharSequence text) {
        return restore(text, false);
    }

    /** As {@link #restore(CharSequence)}; with {@code json}, inserted values are JSON-string-escaped. */
    String restore(CharSequence text, boolean json) {
        return restore(text, json ? jsonScan : plainScan);
    }

    /**
     * The JSON source text of a tool call's arguments, written whole: as {@link #restore(CharSequence, boolean)} for
     * JSON, and a placeholder that stood for a JSON number of the request and is a whole string value here
     * (<code>{"iin":"[IIN_1]"}</code>) is that number again (<code>{"iin":871114403172}</code>).
     */
    String restoreArguments(CharSequence text) {
        return restore(text, argumentsScan);
    }

    /**
     * The number to write in place of a whole string value of a tool call's input, when it is exactly a placeholder
     * that stood for a JSON number of the request; else null.
     */
    String numberFor(String text) {
        if (!vault.hasNumbers()
                || text.length() < 4
                || text.charAt(0) != '['
                || text.charAt(text.length() - 1) != ']') {
            return null;
        }
        int r = PlaceholderGrammar.parse(text, 0, text.length(), true, match);
        return r == PlaceholderGrammar.MATCH && match.end == text.length()
                ? vault.number(match.type, match.number)
                : null;
    }

    private String restore(CharSequence text, RestoreScan scan) {
        if (vault.isEmpty() || text.length() == 0 || (vault.surrogates().isEmpty() && !mayHoldPlaceholder(text))) {
            return text.toString();
        }
        scratch.setLength(0);
        scan.run(text, text.length(), '\n', true, scratch);
        String out = scan.replaced() == 0 ? text.toString() : scratch.toString();
        if (scratch.length() > 64 * 1024) {
            scratch.setLength(0);
            scratch.trimToSize(); // a large answer's buffer is not kept for the rest of the exchange
        }
        return out;
    }

    // Every placeholder form has a bracket or, bare, an underscore between a word of a type name and
    // a digit ("DATE_OF_BIRTH_1"): text without them is left alone.
    private static boolean mayHoldPlaceholder(CharSequence text) {
        if (text instanceof String s) { // indexOf is vectorised; most answer texts hold none of these
            if (s.indexOf('[') >= 0 || s.indexOf('\u3010') >= 0) {
                return true;
            }
            for (int u = s.indexOf('_'); u >= 0; u = s.indexOf('_', u + 1)) {
                if (u + 1 < s.length()
                        && PlaceholderGrammar.isDigit(s.charAt(u + 1))
                        && PlaceholderGrammar.segmentBefore(s, u)) {
                    return true;
                }
            }
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[' || c == '_' || c == '\u3010') {
                return true;
            }
        }
        return false;
    }

    /** A restorer for one streamed text channel (a choice's content, a content block). */
    public StreamRestorer stream() {
        return new StreamRestorer(new RestoreScan(vault, false));
    }

    /** A restorer for one streamed channel of JSON source text (tool-call argument deltas). */
    public StreamRestorer jsonStream() {
        return new StreamRestorer(new RestoreScan(vault, true));
    }

    /**
     * Restores a complete (non-streamed) answer body of {@code dialect}: every JSON string value,
     * tool-call arguments with JSON escaping. A body that is not clean JSON is restored as text
     * (JSON-escaped when it looks like JSON); a body that is not UTF-8 is returned unchanged —
     * it came from upstream, so it holds placeholders at most, never originals.
     */
    public byte[] restoreAnswer(byte[] body, Dialect dialect) {
        if (vault.isEmpty() || body.length == 0) {
            return body;
        }
        try {
            return dialect.rewriteAnswer(body, new TextRewriter() {
                @Override
                public String rewrite(String text, TextSite site) {
                    return site.jsonText() ? restoreArguments(text) : restore(text, false);
                }

                @Override
                public String number(String text, TextSite site) {
                    return numberFor(text);
                }
            });
        } catch (BodyRejected notJson) {
            if (notJson.reason() == BodyRejected.Reason.INVALID_UTF8) {
                return body;
            }
            String text = new String(body, StandardCharsets.UTF_8);
            String trimmed = text.stripLeading();
            boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
            return restore(text, json).getBytes(StandardCharsets.UTF_8);
        }
    }
}
