package io.qorgan.gateway.detect;

import java.util.Set;

/**
 * Digits read out one word each, as callers dictate a document's number: Russian, Kazakh and English digit names
 * ("ноль-четыре-два, девять…", "нөл, бір, төрт", "zero one nine"), joined by spaces, commas or dashes.
 */
final class DigitWords {

    private static final WordSet DIGITS = new WordSet(Set.of(
            "ноль", "нуль", "один", "одна", "два", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять",
            "нөл", "нөль", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз", "zero", "oh", "one",
            "two", "three", "four", "five", "six", "seven", "eight", "nine"));

    private static final int LONGEST = 6;

    private DigitWords() {}

    /** Whether the word {@code lower[from, to)} names a digit. */
    static boolean digit(char[] lower, int from, int to) {
        return to - from >= 2 && to - from <= LONGEST && DIGITS.contains(lower, from, to);
    }

    /**
     * The end of a run of digit words starting at {@code p} in {@code lower} (words joined by at most two of space,
     * comma and dash), holding exactly {@code count} of them; or -1. The run may not go on with another digit word.
     */
    static int run(char[] lower, int p, int count) {
        int n = lower.length;
        int q = p;
        int end = -1;
        for (int k = 0; ; k++) {
            int wordEnd = q;
            while (wordEnd < n && wordEnd - q <= LONGEST && Chars.isLetter(lower[wordEnd])) {
                wordEnd++;
            }
            if (wordEnd == q || wordEnd < n && Chars.isLetter(lower[wordEnd]) || !digit(lower, q, wordEnd)) {
                return k == count ? end : -1;
            }
            if (k == count) {
                return -1; // a longer run: a phone or another number read out
            }
            end = wordEnd;
            q = wordEnd;
            int gap = 0;
            while (q < n && gap < 3 && (lower[q] == ' ' || lower[q] == ',' || lower[q] == '-')) {
                q++;
                gap++;
            }
            if (gap == 0) {
                return k + 1 == count ? end : -1;
            }
        }
    }

    /** Whether a digit word ends right before {@code p}, joined to it as {@link #run} joins them. */
    static boolean follows(char[] lower, int p) {
        int q = p;
        while (q > 0 && p - q < 3 && (lower[q - 1] == ' ' || lower[q - 1] == ',' || lower[q - 1] == '-')) {
            q--;
        }
        int word = q;
        while (word > 0 && q - word <= LONGEST && Chars.isLetter(lower[word - 1])) {
            word--;
        }
        return q < p && digit(lower, word, q);
    }
}
