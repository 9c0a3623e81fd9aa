package io.qorgan.gateway.detect;

import java.util.Arrays;

/**
 * Digits a scan (OCR) wrote as the letters they look like — O for 0, l and I for 1, З for 3 — in numbers and dates
 * of scanned forms: "O4З518276", "l5.O3.l982". A letter is read as a digit only inside a run of letters and digits
 * that holds a digit and otherwise only such letters (after a series' own capitals: "N", "KZS", "АА"), so words, and
 * "ОҚ" of a birth certificate's series, stay letters.
 */
final class ScannedDigits {

    private ScannedDigits() {}

    /** The digit a scan may have read as this letter, or -1. */
    static int digit(char c) {
        return switch (c) {
            case 'O', 'o', 'О', 'о' -> 0;
            case 'l', 'I', 'І', 'і' -> 1;
            case 'З', 'з' -> 3;
            default -> -1;
        };
    }

    /**
     * A copy of {@code s[p, p + reach)} with its look-alike letters read as digits; or null when no letter among its
     * first {@code within} chars was read as one.
     */
    static char[] fold(char[] s, int p, int reach, int within) {
        int limit = Math.min(s.length, p + reach);
        if (!mayFold(s, p, limit, Math.min(limit, p + within))) {
            return null; // the usual word: nothing to copy
        }
        return foldCopy(s, p, reach, within);
    }

    /** {@link #fold} without its quick test: always copies, then reads. The slow path the tests hold it to. */
    static char[] foldCopy(char[] s, int p, int reach, int within) {
        char[] folded = Arrays.copyOfRange(s, p, Math.min(s.length, p + reach));
        boolean any = false;
        for (int i = 0; i < folded.length; ) {
            int j = i;
            while (j < folded.length && Chars.isAlnum(folded[j])) {
                j++;
            }
            int k = i;
            while (k < j && Chars.isUpperCase(folded[k]) && digit(folded[k]) < 0) {
                k++; // a series' own letters
            }
            boolean hasDigit = false;
            boolean lookAlike = true;
            for (int q = k; q < j; q++) {
                hasDigit |= Chars.isDigit(folded[q]);
                lookAlike &= Chars.isDigit(folded[q]) || digit(folded[q]) >= 0;
            }
            for (int q = k; q < j && hasDigit && lookAlike; q++) {
                if (!Chars.isDigit(folded[q])) {
                    folded[q] = (char) ('0' + digit(folded[q]));
                    any |= q < within;
                }
            }
            i = Math.max(j, i + 1);
        }
        return any ? folded : null;
    }

    /**
     * Whether {@link #fold} may read a letter as a digit: a run of letters and digits that starts before {@code to}
     * holds a digit and, before {@code to}, a look-alike letter.
     */
    private static boolean mayFold(char[] s, int p, int limit, int to) {
        int q = p;
        while (q < to) {
            boolean lookAlike = false;
            boolean digit = false;
            for (; q < limit && Chars.isAlnum(s[q]); q++) {
                lookAlike |= q < to && digit(s[q]) >= 0;
                digit |= Chars.isDigit(s[q]);
            }
            if (lookAlike && digit) {
                return true;
            }
            q++;
        }
        return false;
    }

    /** A lower-case copy of a fold, for the readers that take the text's lower case beside it. */
    static char[] lowerCase(char[] folded) {
        char[] lower = new char[folded.length];
        for (int i = 0; i < folded.length; i++) {
            lower[i] = Character.toLowerCase(folded[i]);
        }
        return lower;
    }

    /**
     * Whether a reading of {@code folded[0, end)}, the fold of {@code s} from {@code p}, ends where the text lets it
     * (at a char that is no letter or digit, or at the text's end) and at least half its digits were digits already:
     * "ООООО1" on a blank's line is a letters' run, not a number.
     */
    static boolean plausible(char[] s, int p, char[] folded, int end) {
        if (end <= 0
                || end < folded.length && Chars.isAlnum(folded[end])
                || end == folded.length && p + end < s.length) {
            return false;
        }
        int digits = 0;
        int read = 0;
        for (int i = 0; i < end; i++) {
            digits += Chars.isDigit(s[p + i]) ? 1 : 0;
            read += Chars.isDigit(folded[i]) ? 1 : 0;
        }
        return digits * 2 >= read;
    }
}
