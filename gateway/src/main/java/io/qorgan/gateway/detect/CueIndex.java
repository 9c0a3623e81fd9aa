package io.qorgan.gateway.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed set of lower-case cue words, bucketed by first letter, found at word starts of a view in one pass over
 * its word starts (not one pass per cue).
 */
final class CueIndex {

    /** Receives a cue found at a position of the view. */
    interface Hit {
        void at(int position, String cue);
    }

    private static final int SIZE = 0x80 + 0x130;

    private final String[][] byFirst = new String[SIZE][];

    CueIndex(String... cues) {
        List<List<String>> buckets = new ArrayList<>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            buckets.add(new ArrayList<>());
        }
        for (String cue : cues) {
            int slot = slot(cue.charAt(0));
            if (slot < 0) {
                throw new IllegalArgumentException("cue must start with an ASCII or Cyrillic char");
            }
            buckets.get(slot).add(cue);
        }
        for (int i = 0; i < SIZE; i++) {
            byFirst[i] = buckets.get(i).isEmpty() ? null : buckets.get(i).toArray(new String[0]);
        }
    }

    private static int slot(char c) {
        if (c < 0x80) {
            return c;
        }
        return c >= 0x400 && c < 0x530 ? c - 0x400 + 0x80 : -1;
    }

    /** Calls {@code hit} for every cue that starts at a word start of the view, in text order. */
    void find(TextView view, Hit hit) {
        char[] lower = view.lower();
        int[] starts = view.wordStarts();
        int count = view.wordCount();
        for (int k = 0; k < count; k++) {
            int p = starts[k];
            int slot = slot(lower[p]);
            String[] cues = slot < 0 ? null : byFirst[slot];
            if (cues != null) {
                char second = p + 1 < lower.length ? lower[p + 1] : 0;
                for (String cue : cues) {
                    // the second char settles most misses before startsWith's checks
                    if ((cue.length() < 2 || cue.charAt(1) == second) && Chars.startsWith(lower, cue, p)) {
                        hit.at(p, cue);
                    }
                }
            }
        }
    }

    /** Whether any cue occurs at a word start of the view. */
    boolean any(TextView view) {
        boolean[] found = {false};
        find(view, (p, cue) -> found[0] = true);
        return found[0];
    }
}
