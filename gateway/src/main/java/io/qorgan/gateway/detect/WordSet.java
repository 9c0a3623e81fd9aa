package io.qorgan.gateway.detect;

import java.util.Arrays;
import java.util.Set;

/**
 * A fixed set of words, asked about a range of a char array without building a String (open addressing, load
 * under 1/2). Immutable.
 */
final class WordSet {

    private final char[][] keys;
    private final int mask;
    /** A bit per length of a word (63 for any longer): most ranges asked about have none, and need no hash. */
    private final long lengths;

    WordSet(Set<String> words) {
        long lengthBits = 0;
        for (String w : words) {
            lengthBits |= 1L << Math.min(w.length(), 63);
        }
        lengths = lengthBits;
        int capacity = Integer.highestOneBit(Math.max(8, words.size() * 2)) << 1;
        keys = new char[capacity][];
        mask = capacity - 1;
        for (String w : words) {
            int slot = hash(w.toCharArray(), 0, w.length()) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = w.toCharArray();
        }
    }

    private static int hash(char[] chars, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = h * 31 + chars[i];
        }
        return h ^ (h >>> 16);
    }

    /** Whether {@code chars[from, to)} is one of the words. */
    boolean contains(char[] chars, int from, int to) {
        if ((lengths & 1L << Math.min(to - from, 63)) == 0) {
            return false; // no word has this length, so none equals the range
        }
        for (int slot = hash(chars, from, to) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            char[] key = keys[slot];
            if (Arrays.equals(key, 0, key.length, chars, from, to)) {
                return true;
            }
        }
        return false;
    }
}
