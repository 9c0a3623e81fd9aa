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
    /**
     * A bit per shape of a word, its first char's low six bits and its length (15 for any longer): most ranges asked
     * about have the shape of none, and need no hash.
     */
    private final long[] shapes = new long[16];
    /** A bit per hash of a word's first two chars (a one-char word's char and 0): see {@link #mayBegin}. */
    private final long[] pairs = new long[64];

    private final boolean empty;

    WordSet(Set<String> words) {
        boolean hasEmpty = false;
        for (String w : words) {
            if (w.isEmpty()) {
                hasEmpty = true;
            } else {
                int shape = shape(w.charAt(0), w.length());
                shapes[shape >>> 6] |= 1L << shape;
                int pair = pair(w.charAt(0), w.length() > 1 ? w.charAt(1) : 0);
                pairs[pair >>> 6] |= 1L << pair;
            }
        }
        empty = hasEmpty;
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

    private static int shape(char first, int length) {
        return (first & 0x3F) << 4 | Math.min(length, 15);
    }

    private static int pair(char first, char second) {
        return ((first << 16 | second) * 0x9E3779B1) >>> 20;
    }

    /**
     * False when no word begins with {@code first} and then {@code second} (0 for a word of one char): a word starting
     * there need not be read to its end to be ruled out. True may be a hash collision.
     */
    boolean mayBegin(char first, char second) {
        int pair = pair(first, second);
        return (pairs[pair >>> 6] & 1L << pair) != 0;
    }

    /** Whether {@code chars[from, to)} is one of the words. */
    boolean contains(char[] chars, int from, int to) {
        if (to <= from) {
            return empty && to == from;
        }
        int shape = shape(chars[from], to - from);
        if ((shapes[shape >>> 6] & 1L << shape) == 0) {
            return false; // no word has this first char and length, so none equals the range
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
