package io.qorgan.gateway.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed set of lower-case cue words found at word starts of a view in one pass over its word starts (not one
 * pass per cue). Cues (two chars or more) are bucketed by a hash of their first two chars, so at most word starts
 * one table read settles that no cue begins there.
 */
final class CueIndex {

    /** Receives a cue found at a position of the view. */
    interface Hit {
        void at(int position, String cue);
    }

    private static final int BUCKETS = 256;

    private final String[][] byPair = new String[BUCKETS][];
    /** The cues of {@link #byPair} as char arrays, compared char by char without String's checks. */
    private final char[][][] byPairChars = new char[BUCKETS][][];
    /** A bit per well-mixed 14-bit hash of each cue's first two chars: a missing bit rules out every cue at once. */
    private final long[] pairs = new long[256];

    CueIndex(String... cues) {
        List<List<String>> buckets = new ArrayList<>(BUCKETS);
        for (int i = 0; i < BUCKETS; i++) {
            buckets.add(new ArrayList<>());
        }
        for (String cue : cues) {
            if (cue.length() < 2) {
                throw new IllegalArgumentException("a cue needs at least two chars");
            }
            buckets.get(bucket(cue.charAt(0), cue.charAt(1))).add(cue);
            int bit = pairBit(cue.charAt(0), cue.charAt(1));
            pairs[bit >>> 6] |= 1L << bit;
        }
        for (int i = 0; i < BUCKETS; i++) {
            byPair[i] = buckets.get(i).isEmpty() ? null : buckets.get(i).toArray(new String[0]);
            byPairChars[i] = byPair[i] == null
                    ? null
                    : buckets.get(i).stream().map(String::toCharArray).toArray(char[][]::new);
        }
    }

    private static int bucket(char first, char second) {
        return (first * 31 + second) & (BUCKETS - 1);
    }

    /** The 14-bit hash of a cue's first two chars that {@link #pairs} and {@link #pairMasks} are indexed by. */
    static int pairBit(char first, char second) {
        return ((first << 16 | second) * 0x9E3779B1) >>> 18;
    }

    /**
     * Calls {@code hit} for every cue that starts at a word start of the view, in text order: only the starts the view
     * listed as {@link WordStarts#CUE} are looked at, when this index is one of those the list covers.
     */
    void find(TextView view, Hit hit) {
        char[] lower = view.lower();
        WordStarts starts = view.starts();
        int bit = WordStarts.cueBitOf(this);
        if (bit != 0) {
            // the view read each start's pair once and kept which indexes it may begin a cue of: a start without this
            // index's bit fails findAt's pair test, and one with it passes it, so only the bucket is left to compare
            int[] sorted = starts.sorted();
            byte[] masks = starts.cueMasks();
            int first = starts.first(WordStarts.CUE);
            for (int k = first, end = starts.end(WordStarts.CUE); k < end; k++) {
                if ((masks[k - first] & bit) != 0) {
                    matchAt(lower, sorted[k], hit);
                }
            }
        } else {
            int[] all = starts.all();
            for (int k = 0, count = starts.count(); k < count; k++) {
                findAt(lower, all[k], hit);
            }
        }
    }

    /**
     * For each {@link #pairBit}, a bit per index of {@code indexes} (at most 8) some of whose cues begin with a pair of
     * that hash: 0 when no cue of any of them can begin there.
     */
    static byte[] pairMasks(CueIndex... indexes) {
        if (indexes.length > 8) {
            throw new IllegalArgumentException("at most 8 indexes fit a byte");
        }
        byte[] masks = new byte[1 << 14];
        for (int j = 0; j < indexes.length; j++) {
            long[] pairs = indexes[j].pairs;
            for (int bit = 0; bit < masks.length; bit++) {
                if ((pairs[bit >>> 6] & (1L << bit)) != 0) {
                    masks[bit] |= (byte) (1 << j);
                }
            }
        }
        return masks;
    }

    /** Calls {@code hit} for every cue at {@code p} of the lower-cased text. */
    private void findAt(char[] lower, int p, Hit hit) {
        if (p + 1 >= lower.length) {
            return;
        }
        char first = lower[p];
        char second = lower[p + 1];
        int bit = pairBit(first, second);
        if ((pairs[bit >>> 6] & (1L << bit)) == 0) {
            return; // the usual case
        }
        matchAt(lower, p, hit);
    }

    /** {@link #findAt} past its pair test: {@code p + 1} is inside the text and the pair's bit is set. */
    private void matchAt(char[] lower, int p, Hit hit) {
        char first = lower[p];
        char second = lower[p + 1];
        String[] cues = byPair[bucket(first, second)];
        if (cues != null) {
            char[][] chars = byPairChars[bucket(first, second)];
            for (int k = 0; k < cues.length; k++) {
                if (matches(lower, p, chars[k])) {
                    hit.at(p, cues[k]);
                }
            }
        }
    }

    /** Whether {@code cue} occurs at {@code p}: compared from its third char, since a bucket mixes first pairs. */
    private static boolean matches(char[] lower, int p, char[] cue) {
        int n = cue.length;
        if (p + n > lower.length || lower[p] != cue[0] || lower[p + 1] != cue[1]) {
            return false;
        }
        for (int k = 2; k < n; k++) {
            if (lower[p + k] != cue[k]) {
                return false;
            }
        }
        return true;
    }

    /** Whether any cue occurs at a word start of the view. */
    boolean any(TextView view) {
        boolean[] found = {false};
        find(view, (p, cue) -> found[0] = true);
        return found[0];
    }
}
