package io.qorgan.gateway.protect;

import io.qorgan.gateway.detect.EntityType;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises a placeholder the way a model may write it back, starting at one position:
 * {@code [PERSON_1]}, {@code [person_1]}, {@code [PERSON 1]}, {@code [PERSON-1]},
 * {@code 【PERSON_1】}, or bare {@code PERSON_1} (bare forms use {@code _} only, so ordinary
 * text like "person 1" never matches). What follows a placeholder ({@code 's}, {@code -ге})
 * is left alone.
 *
 * <p>Lookahead is bounded (at most a bracket, 13 type characters, a separator, 6 digits and a
 * bracket), so a scan that tries every start position stays linear, and a stream needs to hold
 * back only that many characters. With {@code fin == false} the parse answers
 * {@link #INCOMPLETE} whenever its answer could depend on characters not yet seen, which is
 * what makes streamed and whole-text restoration agree.
 */
final class PlaceholderGrammar {

    static final int NONE = 0;
    static final int MATCH = 1;
    static final int INCOMPLETE = 2;

    private static final int MAX_TYPE = 13;
    private static final int MAX_DIGITS = 6;
    private static final EntityType[] TYPES = EntityType.values();
    private static final String[] NAMES = new String[TYPES.length];

    /** The words of the type names ({@code PAYMENT}, {@code CARD}, {@code OF}...): what stands before a bare form's {@code _}. */
    private static final String[] SEGMENTS;

    static {
        Set<String> segments = new LinkedHashSet<>();
        for (int i = 0; i < TYPES.length; i++) {
            NAMES[i] = TYPES[i].name().toUpperCase(Locale.ROOT);
            segments.addAll(Arrays.asList(NAMES[i].split("_")));
        }
        SEGMENTS = segments.toArray(new String[0]);
    }

    /** Result holder, reused across calls by one scanner. */
    static final class Match {
        EntityType type;
        int number;
        int end;
        final char[] buf = new char[MAX_TYPE];
    }

    private PlaceholderGrammar() {}

    static boolean isStart(char c, char prev) {
        return c == '[' || c == '\u3010' || (isLetter(c) && !isWordChar(prev));
    }

    static int parse(CharSequence s, int i, int end, boolean fin, Match m) {
        int j = i;
        char first = s.charAt(j);
        boolean open = first == '[' || first == '\u3010';
        if (open) {
            j++;
        }
        char[] buf = m.buf;
        int len = 0;
        while (true) {
            if (j >= end) {
                return fin ? NONE : INCOMPLETE;
            }
            if (!isLetter(s.charAt(j))) {
                return NONE;
            }
            while (j < end && isLetter(s.charAt(j))) {
                if (len >= MAX_TYPE) {
                    return NONE;
                }
                buf[len++] = Character.toUpperCase(s.charAt(j));
                j++;
            }
            if (!isTypePrefix(buf, len)) {
                return NONE;
            }
            if (j >= end) {
                return fin ? NONE : INCOMPLETE;
            }
            char sep = s.charAt(j);
            if (!(sep == '_' || (open && (sep == ' ' || sep == '-')))) {
                return NONE;
            }
            j++;
            if (j >= end) {
                return fin ? NONE : INCOMPLETE;
            }
            char next = s.charAt(j);
            if (isDigit(next)) {
                break;
            }
            if (!isLetter(next) || len >= MAX_TYPE) {
                return NONE;
            }
            buf[len++] = '_';
        }
        EntityType type = typeOf(buf, len);
        if (type == null) {
            return NONE;
        }
        int n = 0;
        int digits = 0;
        while (j < end && isDigit(s.charAt(j))) {
            if (++digits > MAX_DIGITS) {
                return NONE;
            }
            n = n * 10 + (s.charAt(j) - '0');
            j++;
        }
        if (j >= end) {
            if (!fin) {
                return INCOMPLETE;
            }
            return open ? NONE : set(m, type, n, j);
        }
        char c = s.charAt(j);
        if (open) {
            return c == ']' || c == '\u3011' ? set(m, type, n, j + 1) : NONE;
        }
        return isWordChar(c) ? NONE : set(m, type, n, j);
    }

    /**
     * Whether the ASCII letters just before {@code s[underscore]} are, case aside, a word of a type
     * name: true for every bare placeholder's separator, false for {@code fp_x} or {@code snake_case}.
     */
    static boolean segmentBefore(String s, int underscore) {
        int from = underscore;
        while (from > 0 && underscore - from < MAX_TYPE && isLetter(s.charAt(from - 1))) {
            from--;
        }
        int len = underscore - from;
        for (String seg : SEGMENTS) {
            if (seg.length() == len && seg.regionMatches(true, 0, s, from, len)) {
                return true;
            }
        }
        return false;
    }

    private static int set(Match m, EntityType type, int n, int end) {
        m.type = type;
        m.number = n;
        m.end = end;
        return MATCH;
    }

    private static boolean isTypePrefix(char[] buf, int len) {
        for (String name : NAMES) {
            if (startsWith(name, buf, len)) {
                return true;
            }
        }
        return false;
    }

    private static EntityType typeOf(char[] buf, int len) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].length() == len && startsWith(NAMES[i], buf, len)) {
                return TYPES[i];
            }
        }
        return null;
    }

    private static boolean startsWith(String name, char[] buf, int len) {
        if (name.length() < len) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (name.charAt(k) != buf[k]) {
                return false;
            }
        }
        return true;
    }

    static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isWordChar(char c) {
        return isLetter(c) || isDigit(c) || c == '_';
    }
}
