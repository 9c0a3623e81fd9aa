package io.qorgan.gateway.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Lower-case word endings bucketed by their last letter, so a word is compared only with endings that can fit. The
 * endings are kept as char arrays: the comparisons run for every capitalised word, and String.charAt on Cyrillic
 * text costs a bounds and coder check per char.
 */
final class SuffixSet {

    private static final int SIZE = 0x80 + 0x130;

    private final char[][][] byLast = new char[SIZE][][];

    SuffixSet(String... suffixes) {
        List<List<char[]>> buckets = new ArrayList<>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            buckets.add(new ArrayList<>());
        }
        for (String suffix : suffixes) {
            buckets.get(slot(suffix.charAt(suffix.length() - 1))).add(suffix.toCharArray());
        }
        for (int i = 0; i < SIZE; i++) {
            byLast[i] = buckets.get(i).toArray(new char[0][]);
        }
    }

    private static int slot(char c) {
        if (c < 0x80) {
            return c;
        }
        return c >= 0x400 && c < 0x530 ? c - 0x400 + 0x80 : 0;
    }

    /**
     * Endings that could end {@code word[0, end)} (same last letter), in the order given; check with
     * {@link Chars#startsWith(char[], char[], int)}. Shared: do not modify.
     */
    char[][] candidates(char[] word, int end) {
        return end <= 0 ? byLast[0] : byLast[slot(word[end - 1])];
    }

    /** Whether {@code word[0, end)} ends with one of the suffixes, leaving at least {@code minStem} letters. */
    boolean endsWithAny(char[] word, int end, int minStem) {
        for (char[] suffix : candidates(word, end)) {
            int at = end - suffix.length;
            if (at >= minStem && Chars.startsWith(word, suffix, at)) {
                return true;
            }
        }
        return false;
    }
}
