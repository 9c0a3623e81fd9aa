package io.qorgan.gateway.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed set of lower-case cues searched anywhere in a window of a view's lower-cased text ({@link TextView#anyCue}):
 * one pass over the window, and only cues whose first char matches are compared. Immutable.
 */
final class CueSet {

    private static final int SIZE = 0x530; // ASCII, Latin-1 and Cyrillic; cues starting above go to the rest bucket

    private final String[] cues;
    private final String[][] byFirst = new String[SIZE][];
    private final String[] rest;
    /** Longer phrases a cue begins that make it another word: where one starts, the cue there does not count. */
    private final String[] except;

    CueSet(String... cues) {
        this(cues, new String[0]);
    }

    private CueSet(String[] cues, String[] except) {
        this.except = except.clone();
        List<List<String>> buckets = new ArrayList<>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            buckets.add(null);
        }
        List<String> others = new ArrayList<>();
        for (String cue : cues) {
            if (cue.isEmpty()) {
                throw new IllegalArgumentException("empty cue");
            }
            char c = cue.charAt(0);
            if (c < SIZE) {
                if (buckets.get(c) == null) {
                    buckets.set(c, new ArrayList<>());
                }
                buckets.get(c).add(cue);
            } else {
                others.add(cue);
            }
        }
        for (int i = 0; i < SIZE; i++) {
            byFirst[i] = buckets.get(i) == null ? null : buckets.get(i).toArray(new String[0]);
        }
        rest = others.toArray(new String[0]);
        this.cues = cues.clone();
    }

    /**
     * These cues, except where one of {@code phrases} (each beginning with a cue) starts: "өтініш" (an application)
     * but not "өтініш беруші" (the applicant).
     */
    CueSet except(String... phrases) {
        return new CueSet(cues, phrases);
    }

    /** Whether {@code cue} matches at {@code i} and no exception starts there. */
    private boolean matchAt(char[] lower, String cue, int i) {
        if (!Chars.startsWith(lower, cue, i)) {
            return false;
        }
        for (String phrase : except) {
            if (Chars.startsWith(lower, phrase, i)) {
                return false;
            }
        }
        return true;
    }

    /** True when a cue lies wholly inside {@code lower[from, to)}. */
    boolean anyIn(char[] lower, int from, int to) {
        return anyIn(lower, from, to, false);
    }

    /**
     * As {@link #anyIn}, but only a cue that begins a word counts: "тел" in "тел.", "телефон", not in "заявитель" or
     * "исполнительного".
     */
    boolean anyWordIn(char[] lower, int from, int to) {
        return anyIn(lower, from, to, true);
    }

    private boolean anyIn(char[] lower, int from, int to, boolean wordStart) {
        for (int i = from; i < to; i++) {
            char c = lower[i];
            String[] cues = c < SIZE ? byFirst[c] : null;
            if (cues != null && (!wordStart || Chars.notWordAt(lower, i - 1))) {
                for (String cue : cues) {
                    if (i + cue.length() <= to && matchAt(lower, cue, i)) {
                        return true;
                    }
                }
            }
        }
        for (String cue : rest) {
            int last = to - cue.length();
            for (int i = from; i <= last; i++) {
                if ((!wordStart || Chars.notWordAt(lower, i - 1)) && matchAt(lower, cue, i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The length of the first cue that starts at {@code at} in {@code lower} and fits before {@code to}, or 0 (also
     * when {@code at} is at or past {@code to}).
     */
    int lengthAt(char[] lower, int at, int to) {
        if (at >= to) {
            return 0; // past the text's end: no cue fits
        }
        char c = lower[at];
        String[] cues = c < SIZE ? byFirst[c] : rest;
        if (cues != null) {
            for (String cue : cues) {
                if (at + cue.length() <= to && matchAt(lower, cue, at)) {
                    return cue.length();
                }
            }
        }
        return 0;
    }
}
