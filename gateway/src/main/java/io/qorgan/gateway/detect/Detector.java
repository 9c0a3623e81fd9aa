package io.qorgan.gateway.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds personal data in text.
 *
 * <p>Built once from {@link DetectorSettings}; immutable and safe to share between threads. Each call builds a
 * normalised view of the text ({@link TextView}: NFKC, spaces, dashes, invisible characters), runs the enabled
 * recognizers over it (each a linear scan; regular expressions only on short tokens), drops findings under the
 * threshold, resolves overlaps, and maps every span back to the original text.
 *
 * <p>The hot path: the view holds the text and its lower case as char arrays and lists the word starts, all made
 * in one pass over the text, and sorts the starts into candidate lists by their first chars ({@link WordStarts}:
 * numbers, capitals, cue pairs...); each recognizer walks only its list, with a cheap test of the first chars,
 * and does real work only on candidates (a digit run, a capitalised word, a cue word found through a
 * {@link CueIndex}). Char classes are table reads, name lookups a hash probe, and validation (check digits,
 * {@link PhoneValidity}) runs only on candidates that have the right shape. {@code DetectorBenchmark} measures it.
 */
public final class Detector {

    private final DetectorSettings settings;
    private final List<Recognizer> recognizers;
    /** {@link DetectorSettings#enabledTypes()} by ordinal, read for every finding. */
    private final boolean[] enabled = new boolean[EntityType.values().length];

    private Detector(DetectorSettings settings) {
        this.settings = settings;
        Set<EntityType> on = settings.enabledTypes();
        for (EntityType type : on) {
            enabled[type.ordinal()] = true;
        }
        List<Recognizer> list = new ArrayList<>();
        if (on.contains(EntityType.IIN) || on.contains(EntityType.BIN)) {
            list.add(new IinRecognizer());
        }
        if (on.contains(EntityType.PAYMENT_CARD)) {
            list.add(new PaymentCardRecognizer());
        }
        if (on.contains(EntityType.IBAN)) {
            list.add(new IbanRecognizer());
        }
        if (on.contains(EntityType.EMAIL)) {
            list.add(new EmailRecognizer());
        }
        if (on.contains(EntityType.IP_ADDRESS)) {
            list.add(new IpAddressRecognizer());
        }
        if (on.contains(EntityType.PHONE)) {
            list.add(new PhoneRecognizer());
        }
        if (on.contains(EntityType.SECRET)) {
            list.add(new SecretRecognizer());
        }
        if (on.contains(EntityType.ID_DOCUMENT)) {
            list.add(new IdDocumentRecognizer());
        }
        if (on.contains(EntityType.VEHICLE_PLATE)) {
            list.add(new VehiclePlateRecognizer());
        }
        if (on.contains(EntityType.DATE_OF_BIRTH)) {
            list.add(new DateOfBirthRecognizer());
        }
        if (on.contains(EntityType.ADDRESS)) {
            list.add(new AddressRecognizer());
        }
        if (on.contains(EntityType.PERSON)) {
            list.add(new PersonRecognizer(NameDictionary.load(settings.extraNameLists())));
        }
        this.recognizers = List.copyOf(list);
    }

    /**
     * A detector for these settings.
     *
     * @throws java.io.UncheckedIOException when an extra name list cannot be read
     */
    public static Detector create(DetectorSettings settings) {
        return new Detector(Objects.requireNonNull(settings, "settings"));
    }

    /** A detector for {@link DetectorSettings#defaults()}. */
    public static Detector defaults() {
        return create(DetectorSettings.defaults());
    }

    public DetectorSettings settings() {
        return settings;
    }

    /**
     * Findings in text order, not overlapping, with UTF-16 offsets into {@code text} itself.
     *
     * @throws NullPointerException when {@code text} is null
     */
    public List<Finding> detect(CharSequence text) {
        Objects.requireNonNull(text, "text");
        if (text.length() == 0 || cannotHoldEntity(text)) {
            return List.of();
        }
        return scan(text);
    }

    /** Longest text {@link #cannotHoldEntity} may skip; the shortest secret is 12 chars ("pwd-" and 8). */
    static final int SKIP_MAX = 11;

    /**
     * True for a short word of ASCII lower-case letters, {@code .}, {@code _} and {@code -} only ("user",
     * "assistant", "stop"): no recognizer can fire on it, since each type needs a digit, an {@code @}, a colon, a
     * capital or non-ASCII letter, a space (name cues) or at least 12 chars (secrets), so detection is skipped.
     * {@code DetectorShortcutTest} checks this against the full scan.
     */
    static boolean cannotHoldEntity(CharSequence text) {
        int n = text.length();
        if (n > SKIP_MAX) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** {@link #detect} without the short-text shortcut. */
    List<Finding> scan(CharSequence text) {
        if (text.length() == 0 || recognizers.isEmpty()) {
            return List.of(); // protection.detect: [] turns every recognizer off: no view to build
        }
        TextView view = TextView.scanned(text);
        List<Finding> found = new ArrayList<>();
        for (Recognizer recognizer : recognizers) {
            recognizer.find(view, found);
        }
        List<Finding> candidates = new ArrayList<>(found.size());
        for (Finding f : found) {
            if (f.score() >= settings.minScore() && enabled[f.type().ordinal()]) {
                candidates.add(f);
            }
        }
        List<Finding> resolved = OverlapResolver.resolve(candidates);
        List<Finding> out = new ArrayList<>(resolved.size());
        char[] chars = view.chars();
        for (Finding f : resolved) {
            int from = f.start();
            while (from < f.end() && (chars[from] == ',' || chars[from] == ' ')) {
                from++; // the rest of an address another finding cut: ", Орал қ., …" without its comma
            }
            int start = view.toOriginalStart(from);
            int end = view.toOriginalEnd(f.end());
            if (start == f.start() && end == f.end()) {
                out.add(f); // the view needed no normalising, nothing trimmed: same span
            } else if (end > start) {
                out.add(new Finding(f.type(), start, end, f.score(), f.recognizer()));
            }
        }
        return Collections.unmodifiableList(out);
    }
}
