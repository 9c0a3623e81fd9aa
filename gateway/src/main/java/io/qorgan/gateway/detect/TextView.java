package io.qorgan.gateway.detect;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * The text as recognizers see it, with a map back to the original.
 *
 * <p>Compatibility forms become their plain letters and digits (NFKC: fullwidth digits, ligatures),
 * every kind of space becomes {@code ' '}, every dash becomes {@code '-'}, and invisible characters
 * (zero-width, soft hyphen, direction marks, BOM) are dropped. Lone surrogates become U+FFFD. Text that
 * needs none of this (the usual case) is used as it is, without a map.
 *
 * <p>Recognizers read the text as a char array ({@link #chars()}), and its lower case and word starts, which one
 * pass makes ({@link #lower()}, {@link #starts()}): with the view for detection ({@link #scanned}), on first use
 * otherwise; the word starts come sorted into candidate lists ({@link WordStarts}).
 */
final class TextView {

    private final String text;
    /** The chars of {@link #text}: recognizers index this array instead of calling {@code charAt} through a String. */
    private final char[] chars;
    /** For each char of {@link #text}: start in the original; one extra slot holds the original length. */
    private final int[] origStart;
    /** For each char of {@link #text}: end (exclusive) in the original. */
    private final int[] origEnd;
    /** Per-call caches; a view is confined to the thread that detects in it. */
    private char[] lower;

    private WordStarts starts;

    private TableColumns tables;

    private TextView(String text, char[] chars, int[] origStart, int[] origEnd) {
        this.text = text;
        this.chars = chars;
        this.origStart = origStart;
        this.origEnd = origEnd;
    }

    static TextView of(CharSequence original) {
        String plain = original.toString();
        char[] chars = plain.toCharArray();
        int n = chars.length;
        int i = 0;
        while (i < n && !needsWork(chars[i])) {
            i++;
        }
        return i == n ? new TextView(plain, chars, null, null) : normalised(chars, i);
    }

    /**
     * {@link #of}, scanned: the pass that lower-cases the text and lists its word starts also checks that no char
     * needs normalising, so the usual text is read once instead of twice. Text that needs it is normalised from the
     * first such char on, as {@link #of} does, and then scanned.
     */
    static TextView scanned(CharSequence original) {
        String plain = original.toString();
        TextView view = new TextView(plain, plain.toCharArray(), null, null);
        int work = view.scan(NEEDS_WORK);
        if (work < 0) {
            return view;
        }
        TextView normalised = normalised(view.chars, work);
        normalised.scan(0);
        return normalised;
    }

    /** The view of {@code chars}, whose first char that needs normalising is at {@code i}. */
    private static TextView normalised(char[] chars, int i) {
        int n = chars.length;
        StringBuilder out = new StringBuilder(n);
        int[] starts = new int[n + 1];
        int[] ends = new int[n + 1];
        for (int k = 0; k < i; k++) {
            out.append(chars[k]);
            starts[k] = k;
            ends[k] = k + 1;
        }
        while (i < n) {
            char c = chars[i];
            int width = 1;
            String replacement = null;
            char single = c;
            if (!needsWork(c)) {
                // kept as is
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(chars[i + 1])) {
                width = 2;
                replacement = normalizeCodePoint(Character.toCodePoint(c, chars[i + 1]));
            } else if (Character.isSurrogate(c)) {
                single = '\uFFFD';
            } else if (isInvisible(c)) {
                single = 0;
            } else if (isSpace(c)) {
                single = ' ';
            } else if (isDash(c)) {
                single = '-';
            } else if (c >= '\uFF01' && c <= '\uFF5E') {
                single = (char) (c - 0xFEE0);
            } else {
                replacement = normalizeCodePoint(c);
            }
            int need = out.length() + (replacement == null ? 1 : replacement.length()) + 1;
            if (need >= starts.length) {
                starts = Arrays.copyOf(starts, Math.max(need, starts.length * 2));
                ends = Arrays.copyOf(ends, starts.length);
            }
            if (replacement != null) {
                for (int k = 0; k < replacement.length(); k++) {
                    append(out, replacement.charAt(k), starts, ends, i, i + width);
                }
            } else if (single != 0) {
                append(out, single, starts, ends, i, i + width);
            }
            i += width;
        }
        starts[out.length()] = n;
        String text = out.toString();
        return new TextView(text, text.toCharArray(), starts, ends);
    }

    private static void append(StringBuilder out, char c, int[] starts, int[] ends, int from, int to) {
        starts[out.length()] = from;
        ends[out.length()] = to;
        out.append(c);
    }

    private static boolean needsWork(char c) {
        if (c < 0x80) {
            return false;
        }
        if (c >= 0x0400 && c <= 0x052F) {
            return false; // Cyrillic, including Kazakh letters: already in normal form
        }
        if (c == '«' || c == '»' || c == '№' || c == '“' || c == '”' || c == '‘' || c == '’' || c == '„') {
            return false;
        }
        if (c >= 0xA1 && c <= 0xFF && c != 0xAD && "ª²³µ¹º¼½¾".indexOf(c) < 0) {
            return false;
        }
        return true;
    }

    private static boolean isInvisible(char c) {
        return c == '\u00AD'
                || (c >= '\u200B' && c <= '\u200F')
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2060' && c <= '\u2069')
                || c == '\uFEFF'
                || c == '\u180E';
    }

    private static boolean isSpace(char c) {
        return c == '\u00A0'
                || c == '\u1680'
                || (c >= '\u2000' && c <= '\u200A')
                || c == '\u202F'
                || c == '\u205F'
                || c == '\u3000'
                || c == '\u2028'
                || c == '\u2029';
    }

    private static boolean isDash(char c) {
        return (c >= '\u2010' && c <= '\u2015') || c == '\u2212' || c == '\uFE63' || c == '\u2043';
    }

    private static String normalizeCodePoint(int cp) {
        String s = new String(Character.toChars(cp));
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }

    /** The normalised text in lower case, char for char (same length and indices); made once per view. Do not modify. */
    char[] lower() {
        if (lower == null) {
            scan(0);
        }
        return lower;
    }

    /**
     * Positions where a word (letter or digit run) begins, and of the symbols - + # ( : = ; with the {@code @} signs
     * and the candidate lists; made once per view.
     */
    WordStarts starts() {
        if (starts == null) {
            scan(0);
        }
        return starts;
    }

    /** The text's tables, whose columns cue words head; made on first use. */
    TableColumns tables() {
        if (tables == null) {
            tables = new TableColumns(chars);
        }
        return tables;
    }

    /** {@link WordStarts#all()}. */
    int[] wordStarts() {
        return starts().all();
    }

    int wordCount() {
        return starts().count();
    }

    /**
     * {@link Chars#lowerAndWord}, {@link #NEEDS_WORK}, {@link #SYMBOL_START} and {@link #AT_SIGN} of the chars below
     * U+0530, for the scan: one read a char. Past the table no char is a symbol or an {@code @}.
     */
    private static final int[] SCAN = new int[0x530];

    private static final int NEEDS_WORK = 1 << 20;
    /** One of the symbols that start a word on their own: - + # ( : = */
    private static final int SYMBOL_START = 1 << 21;

    private static final int AT_SIGN = 1 << 22;
    /** A char that glues words into one run: - ' ’ . (see {@link #MAX_GLUED}). */
    private static final int GLUE = 1 << 19;
    /** {@link WordStarts#listsOf} the char, from this bit up. */
    private static final int LISTS_SHIFT = 23;

    static {
        for (char c = 0; c < SCAN.length; c++) {
            SCAN[c] = Chars.lowerAndWord(c)
                    | (needsWork(c) ? NEEDS_WORK : 0)
                    | ("-+#(:=".indexOf(c) >= 0 ? SYMBOL_START : 0)
                    | (c == '@' ? AT_SIGN : 0)
                    | ("-'’.".indexOf(c) >= 0 ? GLUE : 0)
                    | WordStarts.listsOf(c) << LISTS_SHIFT;
        }
    }

    /**
     * One pass that lower-cases the text and records where words start and where the {@code @} signs are. Stops at
     * the first char that needs normalising when {@code stop} is {@link #NEEDS_WORK}, and answers its index;
     * otherwise -1, the lower case and starts made.
     */
    private int scan(int stop) {
        char[] src = chars;
        char[] lowered = new char[src.length];
        int[] starts = new int[Math.max(16, src.length / 4)];
        byte[] lists = new byte[starts.length];
        int count = 0;
        int[] ats = NO_POSITIONS;
        int atCount = 0;
        boolean inWord = false;
        int glued = 0; // start of the run of word chars joined by - ' ’ . that i is in
        for (int i = 0; i < src.length; i++) {
            char c = src[i];
            int info = c < SCAN.length
                    ? SCAN[c]
                    : Chars.lowerAndWord(c) | (needsWork(c) ? NEEDS_WORK : 0) | (c == '’' ? GLUE : 0);
            if ((info & stop) != 0) {
                return i;
            }
            lowered[i] = (char) info;
            boolean word = (info & Chars.WORD_BIT) != 0;
            if ((info & (Chars.WORD_BIT | GLUE)) == 0) {
                glued = i + 1;
            }
            if ((word ? !inWord : (info & SYMBOL_START) != 0) && i - glued < MAX_GLUED) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    lists = Arrays.copyOf(lists, count * 2);
                }
                lists[count] = (byte) (c < SCAN.length ? info >>> LISTS_SHIFT : WordStarts.listsOf(c));
                starts[count++] = i;
            } else if ((info & AT_SIGN) != 0) {
                if (atCount == ats.length) {
                    ats = Arrays.copyOf(ats, Math.max(4, atCount * 2));
                }
                ats[atCount++] = i;
            }
            inWord = word;
        }
        lower = lowered;
        this.starts = new WordStarts(starts, lists, count, ats, atCount, lowered);
        return -1;
    }

    private static final int[] NO_POSITIONS = {};

    /**
     * How far into a run of words glued by hyphens, apostrophes and dots ("Анна-Мария", "O'Neil", "г.Алматы") a word
     * still starts. Recognizers read a word to the end of its run, so a crafted run of a million "А-" would cost each
     * of its words the whole run; past this, its parts are read with the first words only.
     */
    static final int MAX_GLUED = 48;

    /** True when one of {@code cues} (lower case) occurs in the lower-cased text within [from, to). */
    boolean anyCue(int from, int to, CueSet cues) {
        int a = Math.max(0, from);
        int b = Math.min(length(), to);
        // search the window only, in place: indexOf on the whole text would run to its end for every miss
        return a < b && cues.anyIn(lower(), a, b);
    }

    /** {@link #anyCue}, counting only a cue that begins a word ({@link CueSet#anyWordIn}). */
    boolean anyCueWord(int from, int to, CueSet cues) {
        int a = Math.max(0, from);
        int b = Math.min(length(), to);
        return a < b && cues.anyWordIn(lower(), a, b);
    }

    /** The normalised text. */
    String text() {
        return text;
    }

    /** The normalised text's chars; shared, do not modify. */
    char[] chars() {
        return chars;
    }

    int length() {
        return chars.length;
    }

    /** Start in the original of the normalised index {@code i}. */
    int toOriginalStart(int i) {
        return origStart == null ? i : origStart[i];
    }

    /** End in the original of a span ending (exclusive) at normalised index {@code end}. */
    int toOriginalEnd(int end) {
        if (origEnd == null) {
            return end;
        }
        return end == 0 ? 0 : origEnd[end - 1];
    }
}
