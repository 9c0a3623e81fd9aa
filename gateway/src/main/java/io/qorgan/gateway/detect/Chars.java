package io.qorgan.gateway.detect;

import java.nio.CharBuffer;

/** Character classes the scanners share; ASCII digits only, since the view is already NFKC-normalised. */
final class Chars {

    private Chars() {}

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    static boolean isAsciiAlnum(char c) {
        return isDigit(c) || isAsciiLetter(c);
    }

    static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Cyrillic letters (U+0400–U+04FF, without the signs U+0482–U+0489): the common non-ASCII case, decided without tables. */
    private static boolean isCyrillicLetter(char c) {
        return c >= 0x0400 && c <= 0x04FF && (c < 0x0482 || c > 0x0489);
    }

    /**
     * Chars below this (ASCII, Latin, Greek, Cyrillic and its supplement: nearly every char of kk/ru/en text) are
     * classified by one table read instead of {@link Character}'s property lookups, which dominate scans of
     * Cyrillic text. The tables are filled from the same definitions at class load, so answers are identical.
     */
    private static final int TABLE_SIZE = 0x530;

    private static final int LETTER = 1;
    private static final int WORD = 2;
    private static final int ALNUM = 4;
    private static final int UPPER = 8;
    private static final int LOWER = 16;
    private static final byte[] CLASSES = new byte[TABLE_SIZE];
    private static final char[] LOWER_CASE = new char[TABLE_SIZE];
    /** For the view's scan: the lower case in the low 16 bits, {@link #WORD_BIT} for a word char; one read a char. */
    private static final int[] LOWER_AND_WORD = new int[TABLE_SIZE];

    static final int WORD_BIT = 1 << 16;

    static {
        for (char c = 0; c < TABLE_SIZE; c++) {
            int flags = (letterSlow(c) ? LETTER : 0)
                    | (wordSlow(c) ? WORD : 0)
                    | (alnumSlow(c) ? ALNUM : 0)
                    | (Character.isUpperCase(c) ? UPPER : 0)
                    | (Character.isLowerCase(c) ? LOWER : 0);
            CLASSES[c] = (byte) flags;
            LOWER_CASE[c] = Character.toLowerCase(c);
            LOWER_AND_WORD[c] = LOWER_CASE[c] | ((flags & WORD) != 0 ? WORD_BIT : 0);
        }
    }

    private static boolean letterSlow(char c) {
        if (c < 0x80) {
            return isAsciiLetter(c);
        }
        return isCyrillicLetter(c) || Character.isLetter(c);
    }

    private static boolean wordSlow(char c) {
        if (c < 0x80) {
            return isAsciiAlnum(c) || c == '_';
        }
        return isCyrillicLetter(c) || Character.isLetterOrDigit(c);
    }

    private static boolean alnumSlow(char c) {
        if (c < 0x80) {
            return isAsciiAlnum(c);
        }
        return isCyrillicLetter(c) || Character.isLetterOrDigit(c);
    }

    static boolean isLetter(char c) {
        return c < TABLE_SIZE ? (CLASSES[c] & LETTER) != 0 : letterSlow(c);
    }

    /** Letter, digit or underscore: what a regex {@code \w} boundary would look at. */
    static boolean isWord(char c) {
        return c < TABLE_SIZE ? (CLASSES[c] & WORD) != 0 : wordSlow(c);
    }

    static boolean isAlnum(char c) {
        return c < TABLE_SIZE ? (CLASSES[c] & ALNUM) != 0 : alnumSlow(c);
    }

    /** {@link Character#isUpperCase(char)}. */
    static boolean isUpperCase(char c) {
        return c < TABLE_SIZE ? (CLASSES[c] & UPPER) != 0 : Character.isUpperCase(c);
    }

    /** {@link Character#isLowerCase(char)}. */
    static boolean isLowerCase(char c) {
        return c < TABLE_SIZE ? (CLASSES[c] & LOWER) != 0 : Character.isLowerCase(c);
    }

    /** {@link #toLowerCase} in the low 16 bits, and {@link #WORD_BIT} set when {@link #isWord}. */
    static int lowerAndWord(char c) {
        return c < TABLE_SIZE ? LOWER_AND_WORD[c] : Character.toLowerCase(c) | (wordSlow(c) ? WORD_BIT : 0);
    }

    /** {@link Character#toLowerCase(char)}. */
    static char toLowerCase(char c) {
        return c < TABLE_SIZE ? LOWER_CASE[c] : Character.toLowerCase(c);
    }

    /** True when index {@code i} is outside the text or holds a char that is not a letter or digit. */
    static boolean notAlnumAt(CharSequence s, int i) {
        return i < 0 || i >= s.length() || !isAlnum(s.charAt(i));
    }

    static boolean notWordAt(CharSequence s, int i) {
        return i < 0 || i >= s.length() || !isWord(s.charAt(i));
    }

    static boolean digitAt(CharSequence s, int i) {
        return i >= 0 && i < s.length() && isDigit(s.charAt(i));
    }

    static int digitRun(CharSequence s, int from) {
        int i = from;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i - from;
    }

    /** Shannon entropy in bits per char. */
    static double entropy(CharSequence s, int start, int end) {
        int[] counts = new int[128];
        int other = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double n = end - start;
        double h = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = count / n;
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        if (other > 0) {
            double p = other / n;
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }

    // The same tests on a view's char array: recognizers index the array rather than call charAt on a String.

    static boolean notAlnumAt(char[] s, int i) {
        return i < 0 || i >= s.length || !isAlnum(s[i]);
    }

    static boolean notWordAt(char[] s, int i) {
        return i < 0 || i >= s.length || !isWord(s[i]);
    }

    static boolean digitAt(char[] s, int i) {
        return i >= 0 && i < s.length && isDigit(s[i]);
    }

    static int digitRun(char[] s, int from) {
        int i = from;
        while (i < s.length && isDigit(s[i])) {
            i++;
        }
        return i - from;
    }

    /** Whether {@code prefix} occurs in {@code s} at {@code at}; false when it would run past either end. */
    static boolean startsWith(char[] s, String prefix, int at) {
        int n = prefix.length();
        if (at < 0 || at > s.length - n) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (s[at + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s[from, to)} is one of {@code words}, exactly. */
    static boolean isOneOf(char[] s, int from, int to, String[] words) {
        for (String w : words) {
            if (w.length() == to - from && startsWith(s, w, from)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code s[from, to)}, lower-cased ({@link #toLowerCase}), is one of the lower-case {@code words}. */
    static boolean isOneOfIgnoringCase(char[] s, int from, int to, String[] words) {
        for (String w : words) {
            if (w.length() == to - from && from >= 0 && to <= s.length && sameIgnoringCase(s, from, w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code s} at {@code at}, lower-cased ({@link #toLowerCase}), begins with the lower-case {@code prefix}. */
    static boolean startsWithIgnoringCase(char[] s, String prefix, int at) {
        return at >= 0 && at <= s.length - prefix.length() && sameIgnoringCase(s, at, prefix);
    }

    private static boolean sameIgnoringCase(char[] s, int from, String lowerWord) {
        for (int k = 0; k < lowerWord.length(); k++) {
            if (toLowerCase(s[from + k]) != lowerWord.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #startsWith(char[], String, int)} for a prefix held as a char array. */
    static boolean startsWith(char[] s, char[] prefix, int at) {
        int n = prefix.length;
        if (at < 0 || at > s.length - n) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (s[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    /** The distinct first chars of {@code words}, for a quick test before comparing each word. */
    static String initials(String... words) {
        StringBuilder initials = new StringBuilder();
        for (String w : words) {
            if (w.isEmpty()) {
                throw new IllegalArgumentException("an empty word has no first char"); // and would begin every word
            }
            if (initials.indexOf(w.substring(0, 1)) < 0) {
                initials.append(w.charAt(0));
            }
        }
        return initials.toString();
    }

    /**
     * The words as char arrays, in their order: word lists compared in a loop for every candidate are kept so, since
     * String.charAt and length on Cyrillic text cost a bounds and coder check per char.
     */
    static char[][] arrays(String... words) {
        char[][] arrays = new char[words.length][];
        for (int i = 0; i < words.length; i++) {
            arrays[i] = words[i].toCharArray();
        }
        return arrays;
    }

    static int indexOf(char[] s, char c, int from) {
        return indexOf(s, c, from, s.length);
    }

    /** The first {@code c} in {@code s[from, to)}, or -1: a search bounded to where its answer can matter. */
    static int indexOf(char[] s, char c, int from, int to) {
        for (int i = Math.max(0, from), end = Math.min(to, s.length); i < end; i++) {
            if (s[i] == c) {
                return i;
            }
        }
        return -1;
    }

    static int indexOf(char[] s, String part, int from) {
        return indexOf(s, part, from, s.length);
    }

    /** The first {@code part} lying wholly in {@code s[from, to)}, or -1. */
    static int indexOf(char[] s, String part, int from, int to) {
        for (int i = Math.max(0, from), last = Math.min(to, s.length) - part.length(); i <= last; i++) {
            if (startsWith(s, part, i)) {
                return i;
            }
        }
        return -1;
    }

    static String string(char[] s, int from, int to) {
        return new String(s, from, to - from);
    }

    /** The start of the run of letters ending right before {@code end}; {@code end} itself when there is none. */
    /** Where the run of letters that starts at {@code start} ends: {@code start} when no letter stands there. */
    static int letterRunEnd(char[] s, int start) {
        int e = start;
        while (e < s.length && isLetter(s[e])) {
            e++;
        }
        return e;
    }

    /** Whether every char of {@code s[start, end)} is upper case (true for an empty range). */
    static boolean allUpper(char[] s, int start, int end) {
        for (int k = start; k < end; k++) {
            if (!isUpperCase(s[k])) {
                return false;
            }
        }
        return true;
    }

    static int letterRunStart(char[] s, int end) {
        int w = end;
        while (w > 0 && isLetter(s[w - 1])) {
            w--;
        }
        return w;
    }

    /** Whether {@code at} follows "</": the name of a closing XML element, which names nothing after it. */
    static boolean inClosingTag(char[] s, int at) {
        return at >= 2 && s[at - 1] == '/' && s[at - 2] == '<';
    }

    /** The decimal value of the ASCII digits {@code s[from, to)}; callers pass digit runs of at most 9 digits. */
    static int parseInt(char[] s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s[i] - '0');
        }
        return v;
    }

    static double entropy(char[] s, int start, int end) {
        return entropy(CharBuffer.wrap(s), start, end);
    }

    /** The end of the line from {@code from}, or {@code limit} (within the text) if that comes first. */
    static int lineEnd(char[] s, int from, int limit) {
        int end = from;
        int max = Math.min(s.length, limit);
        while (end < max && s[end] != '\n') {
            end++;
        }
        return end;
    }

    /** Past a transcript's timestamp and its space opening the line at {@code line} ("[09:12:55] "), or {@code line}. */
    static int pastTime(char[] s, int line, int end) {
        if (line < end && isDigit(s[line])) {
            return pastBareTime(s, line, end); // "00:00:24 Ұлдана: …"
        }
        if (line >= end || s[line] != '[') {
            return line;
        }
        int close = indexOf(s, ']', line, Math.min(end, line + 12));
        if (close < 0) {
            return line;
        }
        for (int i = line + 1; i < close; i++) {
            if (!isDigit(s[i]) && s[i] != ':') {
                return line;
            }
        }
        return close + 1 < end && s[close + 1] == ' ' ? close + 2 : line;
    }

    /** Past a time without brackets and its space at {@code line} ("09:12 ", "00:00:24 "), or {@code line}. */
    private static int pastBareTime(char[] s, int line, int end) {
        int p = line;
        for (int group = 0; group < 3; group++) {
            if (p + 2 > end || !isDigit(s[p]) || !isDigit(s[p + 1])) {
                return line;
            }
            p += 2;
            if (group > 0 && p < end && s[p] == ' ') {
                return p + 1;
            }
            if (p >= end || s[p] != ':') {
                return line;
            }
            p++;
        }
        return line;
    }
}
