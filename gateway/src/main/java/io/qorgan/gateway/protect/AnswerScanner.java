package io.qorgan.gateway.protect;

import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.detect.Finding;
import io.qorgan.gateway.dialect.BodyRejected;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.dialect.TextRewriter;
import io.qorgan.gateway.dialect.TextSite;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Looks for personal data a model produced on its own: runs the scanner over restored answer
 * text and counts the findings whose value the request did not hold (values from the vault are
 * the caller's own). The configured {@link Action} leaves, masks or redacts them, in whole
 * answers and in streams (see {@link Session}). In a whole JSON answer the numbers are scanned too, as their digits
 * ({@link NumberText}): a masked or redacted number becomes a string.
 *
 * <p>Immutable and thread-safe; sessions are per stream and not thread-safe.
 */
public final class AnswerScanner {

    /** What to do with personal data the model produced. */
    public enum Action {
        /** Count only (default). */
        LEAVE,
        /** Replace by a masked form, as {@link Operator#MASK}. */
        MASK,
        /** Replace by {@code [REDACTED]}. */
        REDACT
    }

    /** A scanned text and the new findings by type. */
    public record Result(String text, Map<EntityType, Integer> counts) {

        @Override
        public String toString() {
            return "Result[counts=" + counts + "]"; // the text is a restored answer: never printed
        }
    }

    /** Window of text kept from one delta to the next, so a value split across deltas is still found. */
    static final int WINDOW = 64;

    /** New chars gathered before a counting ({@link Action#LEAVE}) session scans a channel. */
    static final int BATCH = 512;

    /** A counting session's text of one channel: the last scanned {@link #WINDOW} chars, then new ones from {@code fresh}. */
    private static final class Pending {
        final StringBuilder text = new StringBuilder();
        int fresh;
    }

    private final TextScanner scanner;
    private final ValueKey valueKey;
    private final Action action;
    /** False for {@link #RESTORE_ONLY}: answers are restored and never scanned. */
    private final boolean scans;

    private AnswerScanner(TextScanner scanner, ValueKey valueKey, Action action, boolean scans) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.valueKey = Objects.requireNonNull(valueKey, "valueKey");
        this.action = Objects.requireNonNull(action, "action");
        this.scans = scans;
    }

    public static AnswerScanner create(TextScanner scanner, ValueKey valueKey, Action action) {
        return new AnswerScanner(scanner, valueKey, action, true);
    }

    /**
     * Restores answers without scanning them: for an answer scanned once already (one from the answer cache, scanned
     * when it was stored). Its results count nothing and its {@link #session} is null.
     */
    public static final AnswerScanner RESTORE_ONLY =
            new AnswerScanner(text -> List.of(), (type, value) -> value.toString(), Action.LEAVE, false);

    /** Scans one restored text; with {@link Action#MASK} or {@link Action#REDACT} the new values are replaced. */
    public Result scan(CharSequence restored, ExchangeVault vault) {
        Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
        String text = apply(restored.toString(), vault, counts);
        return new Result(text, Collections.unmodifiableMap(counts));
    }

    /**
     * Scans every string of a restored, non-streamed answer body; returns the body (rewritten
     * unless the action is {@link Action#LEAVE}) and the counts. A body that is not clean JSON
     * is scanned as one text.
     */
    public Result scanAnswer(byte[] restoredBody, Dialect dialect, ExchangeVault vault) {
        Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
        String out;
        try {
            byte[] body = dialect.rewriteAnswer(restoredBody, (text, site) -> switch (site.kind()) {
                case NAME, METADATA -> text;
                case NUMBER -> applyToNumber(text, vault, counts);
                default -> apply(text, vault, counts);
            });
            out = new String(action == Action.LEAVE ? restoredBody : body, StandardCharsets.UTF_8);
        } catch (BodyRejected notJson) {
            out = apply(new String(restoredBody, StandardCharsets.UTF_8), vault, counts);
        }
        return new Result(out, Collections.unmodifiableMap(counts));
    }

    /** A whole answer after restoration and scanning, and the new findings by type. */
    public record ScannedAnswer(byte[] body, Map<EntityType, Integer> counts) {

        @Override
        public String toString() {
            return "ScannedAnswer[counts=" + counts + "]"; // the body is a restored answer: never printed
        }
    }

    /**
     * Restores and scans a non-streamed answer body in one walk: each string value is restored,
     * then scanned. The result is that of {@link TextRestorer#restoreAnswer} followed by
     * {@link #scanAnswer}, with one parse of the body instead of two; a body that is not clean JSON
     * takes that two-step way.
     */
    public ScannedAnswer restoreAndScan(byte[] body, Dialect dialect, TextRestorer restorer) {
        if (!scans) {
            return new ScannedAnswer(restorer.restoreAnswer(body, dialect), Map.of());
        }
        ExchangeVault vault = restorer.vault();
        Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
        try {
            byte[] out = dialect.rewriteAnswer(body, new TextRewriter() {
                @Override
                public String rewrite(String text, TextSite site) {
                    return switch (site.kind()) {
                        // the keys of an answer are the API's own, or echo request keys that were protected, and the
                        // API fills its metadata itself: restored only
                        case NAME, METADATA -> restorer.restore(text, false);
                        case NUMBER -> applyToNumber(restorer.restore(text, false), vault, counts);
                        default ->
                            site.jsonText()
                                    ? applyToArguments(restorer.restoreArguments(text), vault, counts)
                                    : apply(restorer.restore(text, false), vault, counts);
                    };
                }

                @Override
                public String number(String text, TextSite site) {
                    return restorer.numberFor(text);
                }
            });
            return new ScannedAnswer(out, Collections.unmodifiableMap(counts));
        } catch (BodyRejected notJson) {
            byte[] restored = restorer.restoreAnswer(body, dialect);
            Result result = scanAnswer(restored, dialect, vault);
            byte[] out = action == Action.LEAVE ? restored : result.text().getBytes(StandardCharsets.UTF_8);
            return new ScannedAnswer(out, result.counts());
        }
    }

    /**
     * A counting session for one streamed answer: feed it the restored deltas of each channel. Null from
     * {@link #RESTORE_ONLY}: a stream restorer without a session only restores.
     */
    public Session session(ExchangeVault vault) {
        return scans ? new Session(vault) : null;
    }

    /**
     * Scans a restored answer text that is the whole of a plain-text answer (not JSON): restores it with
     * {@code restorer} and applies the action. A text answer has no structure to keep: it is one text.
     */
    public ScannedAnswer restoreAndScanText(String text, TextRestorer restorer) {
        if (!scans) {
            return new ScannedAnswer(restorer.restore(text).getBytes(StandardCharsets.UTF_8), Map.of());
        }
        Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
        String out = apply(restorer.restore(text), restorer.vault(), counts);
        return new ScannedAnswer(out.getBytes(StandardCharsets.UTF_8), Collections.unmodifiableMap(counts));
    }

    /**
     * A tool call's arguments (JSON source text) of a whole answer, scanned value by value: strings as texts,
     * numbers as their digits, so what is masked or redacted stays valid JSON (a number becomes a string). Arguments
     * that are not clean JSON are scanned as one text.
     */
    private String applyToArguments(String json, ExchangeVault vault, Map<EntityType, Integer> counts) {
        byte[] in = json.getBytes(StandardCharsets.UTF_8);
        byte[] out;
        try {
            out = Dialect.GENERIC_JSON.rewriteAnswer(in, (text, site) -> switch (site.kind()) {
                case NAME -> text;
                case NUMBER -> applyToNumber(text, vault, counts);
                default -> apply(text, vault, counts);
            });
        } catch (BodyRejected notJson) {
            return apply(json, vault, counts);
        }
        return out == in ? json : new String(out, StandardCharsets.UTF_8);
    }

    /** A number of an answer, scanned as its digits; the number as it came when nothing is new or it is left. */
    private String applyToNumber(String literal, ExchangeVault vault, Map<EntityType, Integer> counts) {
        String digits = NumberText.scanned(literal);
        if (digits == null) {
            return literal;
        }
        String out = apply(digits, vault, counts);
        return out.equals(digits) ? literal : out;
    }

    private String apply(String text, ExchangeVault vault, Map<EntityType, Integer> counts) {
        List<Finding> findings = scanner.scan(text);
        if (findings == null || findings.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int pos = 0;
        for (Finding f : findings) {
            if (f.start() < pos || f.end() > text.length()) {
                continue;
            }
            String value = text.substring(f.start(), f.end());
            if (vault.knows(f.type(), valueKey.key(f.type(), value))) {
                continue;
            }
            counts.merge(f.type(), 1, Integer::sum);
            out.append(text, pos, f.start());
            out.append(
                    switch (action) {
                        case LEAVE -> value;
                        case MASK -> Operators.mask(f.type(), value);
                        case REDACT -> Operators.REDACTED;
                    });
            pos = f.end();
        }
        return out.append(text, pos, text.length()).toString();
    }

    /**
     * Scans one streamed answer, channel by channel, as the event restorer hands it restored
     * deltas. With {@link Action#LEAVE} nothing is delayed: deltas are gathered and scanned
     * {@value #BATCH} characters at a time (and at the channel's end, and before
     * {@link #counts()}), together with the last {@value #WINDOW} characters before them, and a
     * finding counts once, when it ends inside the new text. With {@link Action#MASK} or {@link Action#REDACT} the last
     * {@value #WINDOW} characters (more if a finding crosses that line) are held back until more
     * text or the channel's end shows whether they hold a value, so a value split across deltas
     * is still replaced whole; in tool-argument channels (JSON source) MASK redacts, because a
     * masked escape sequence would break the JSON. Values longer than the window may be missed.
     */
    public final class Session {

        private final ExchangeVault vault;
        private final Map<String, StringBuilder> tails = new HashMap<>();
        private final Map<String, Pending> counting = new HashMap<>();
        private final Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);

        private Session(ExchangeVault vault) {
            this.vault = vault;
        }

        /** Takes a channel's next restored text; returns what may be emitted now. */
        String pass(String channel, String restored, boolean json, boolean last) {
            if (action == Action.LEAVE) {
                count(channel, restored, last);
                return restored;
            }
            StringBuilder pending = tails.computeIfAbsent(channel, c -> new StringBuilder());
            pending.append(restored);
            if (pending.length() == 0) {
                return "";
            }
            String s = pending.toString();
            List<Finding> findings = scanner.unremembered().scan(s);
            int cut = last ? s.length() : Math.max(0, s.length() - WINDOW);
            if (!last) {
                for (Finding f : findings) {
                    if (f.start() < cut && f.end() > cut) {
                        cut = f.start();
                        break;
                    }
                }
                if (cut > 0 && Character.isHighSurrogate(s.charAt(cut - 1))) {
                    cut--;
                }
            }
            StringBuilder out = new StringBuilder(cut + 16);
            int pos = 0;
            for (Finding f : findings) {
                if (f.end() > cut) {
                    break;
                }
                if (f.start() < pos) {
                    continue;
                }
                String value = s.substring(f.start(), f.end());
                if (vault.knows(f.type(), valueKey.key(f.type(), value))) {
                    continue;
                }
                counts.merge(f.type(), 1, Integer::sum);
                out.append(s, pos, f.start());
                out.append(action == Action.MASK && !json ? Operators.mask(f.type(), value) : Operators.REDACTED);
                pos = f.end();
            }
            out.append(s, pos, cut);
            pending.delete(0, cut);
            return out.toString();
        }

        /** Characters of a channel held back for scanning. */
        int held(String channel) {
            StringBuilder pending = action == Action.LEAVE ? null : tails.get(channel);
            return pending == null ? 0 : pending.length();
        }

        // Counting delays nothing: deltas gather until BATCH new chars (or the channel's end, or
        // counts()) and are scanned in one call with the last WINDOW chars before them. One scan per
        // few hundred chars instead of one per token-sized delta; a finding counts when it ends in the
        // new part, so each is counted once, and a value split across deltas is seen whole.
        private void count(String channel, CharSequence restoredDelta, boolean last) {
            Pending p = counting.get(channel);
            if (p == null) {
                if (restoredDelta.length() == 0) {
                    return;
                }
                p = new Pending();
                counting.put(channel, p);
            }
            p.text.append(restoredDelta);
            if (last || p.text.length() - p.fresh >= BATCH) {
                scanPending(p);
            }
        }

        private void scanPending(Pending p) {
            StringBuilder tail = p.text;
            int fresh = p.fresh;
            if (tail.length() == fresh) {
                return;
            }
            String text = tail.toString();
            for (Finding f : scanner.unremembered().scan(text)) {
                if (f.end() > fresh && f.end() <= text.length()) {
                    String value = text.substring(f.start(), f.end());
                    if (!vault.knows(f.type(), valueKey.key(f.type(), value))) {
                        counts.merge(f.type(), 1, Integer::sum);
                    }
                }
            }
            if (tail.length() > WINDOW) {
                tail.delete(0, tail.length() - WINDOW);
            }
            p.fresh = tail.length();
        }

        /**
         * Whether new personal data was found so far. Live for a {@link Action#MASK} or {@link Action#REDACT}
         * session, where a value counts when the text around it is released; a counting session may still hold text.
         */
        public boolean producedAny() {
            return !counts.isEmpty();
        }

        /** The new findings so far, by type; text still gathered for counting is scanned first. */
        public Map<EntityType, Integer> counts() {
            for (Pending p : counting.values()) {
                scanPending(p);
            }
            return Collections.unmodifiableMap(new EnumMap<>(counts));
        }
    }
}
