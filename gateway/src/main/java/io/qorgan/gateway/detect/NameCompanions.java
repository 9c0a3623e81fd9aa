package io.qorgan.gateway.detect;

import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * First names listed with a found name: "Еркін мен Гүлмира", "балалары Бақыт, Айгүл", "Әлия, Алмас, Аяулым", "Інжу
 * (2013 ж.т.) және Ансар". A first name that is also a word (Айгүл, Бақыт, Роза) needs a cue on its own; joined by a
 * comma or an "and" to a person's name, it is another person. Only capitalised words the lists know as first names
 * are taken, one by one along the list, each where no finding lies and none stands where a name is no citizen's.
 */
final class NameCompanions {

    /** The words that join two names: and, with. */
    private static final WordSet JOINERS = new WordSet(Set.of("и", "мен", "бен", "пен", "және", "and", "&"));

    /** How long a bracket between a name and its joiner may be: "(2013 ж.т.)", "(сын)", "(ЖСН …)". */
    private static final int MAX_BRACKET = 24;

    private static final int MAX_WORD = 40;

    private NameCompanions() {}

    /** Adds the first names listed beside the names of {@code out[base, size)}, and beside those it adds. */
    static void find(
            char[] s, char[] lower, NameDictionary names, List<Finding> out, int base, NameEchoes.Guard noCitizen) {
        char[] buf = new char[MAX_WORD];
        BitSet covered = null;
        for (int k = base; k < out.size(); k++) {
            Finding f = out.get(k);
            if (f.type() != EntityType.PERSON || !Chars.isUpperCase(s[f.start()])) {
                continue;
            }
            int next = wordAfter(s, lower, f.end());
            if (next < 0) {
                next = addressed(s, f.end());
            }
            int before = wordBefore(s, lower, f.start());
            if (next >= 0 && named(s, names, next, Chars.letterRunEnd(s, next), buf)) {
                covered = add(s, out, covered, next, Chars.letterRunEnd(s, next), noCitizen);
            }
            if (before >= 0 && named(s, names, before, Chars.letterRunEnd(s, before), buf)) {
                covered = add(s, out, covered, before, Chars.letterRunEnd(s, before), noCitizen);
            }
        }
    }

    /** Whether {@code s[from, to)} is a capitalised first name, as a name beside another is written. */
    private static boolean named(char[] s, NameDictionary names, int from, int to, char[] buf) {
        int length = to - from;
        if (length < 3 || length > MAX_WORD || !Chars.isUpperCase(s[from]) || Chars.isUpperCase(s[from + 1])) {
            return false;
        }
        if (to < s.length
                && (Chars.isDigit(s[to]) || s[to] == '-' || s[to] == '.' && to + 1 < s.length && s[to + 1] != ' ')) {
            return false;
        }
        NameForms.foldInto(s, from, to, buf);
        return firstName(names, buf, length) && !names.commonWord(buf, length);
    }

    /**
     * Adds the name {@code s[from, to)} unless a finding covers it or it stands where a name is no citizen's; answers
     * the findings' cover, made on the first call (most names beside a name are found already).
     */
    private static BitSet add(
            char[] s, List<Finding> out, BitSet covered, int from, int to, NameEchoes.Guard noCitizen) {
        if (covered == null) {
            covered = new BitSet(s.length);
            for (Finding any : out) {
                covered.set(any.start(), any.end());
            }
        }
        int taken = covered.nextSetBit(from);
        if (taken >= 0 && taken < to || noCitizen.test(from, to)) {
            return covered;
        }
        out.add(new Finding(EntityType.PERSON, from, to, 0.75, "person"));
        covered.set(from, to);
        return covered;
    }

    /** Start of the word after the name ending at {@code end} when a comma or a joiner leads to it, else -1. */
    private static int wordAfter(char[] s, char[] lower, int end) {
        int q = skipBracket(s, end);
        if (q < s.length && s[q] == ',') {
            q++;
        } else {
            if (q >= s.length || s[q] != ' ') {
                return -1;
            }
            int w = q + 1;
            int e = w;
            while (e < s.length && (Chars.isLetter(s[e]) || s[e] == '&')) {
                e++;
            }
            if (!joiner(lower, w, e)) {
                return -1;
            }
            q = e;
        }
        if (q + 1 >= s.length || s[q] != ' ' || !Chars.isLetter(s[q + 1])) {
            return -1;
        }
        return q + 1;
    }

    /**
     * Start of the word a speaker's turn opens with when a comma or "!" follows it, the one addressed: "Нұрбол: Арай,
     * анаңның ЖСН-ы керек", "Марат Иманов: Лен, скинь номер"; or -1. {@code end} is the speaker's name's end.
     */
    private static int addressed(char[] s, int end) {
        if (end + 2 >= s.length || s[end] != ':' || s[end + 1] != ' ') {
            return -1;
        }
        int w = end + 2;
        int e = Chars.letterRunEnd(s, w);
        return e > w && e < s.length && (s[e] == ',' || s[e] == '!') ? w : -1;
    }

    /** Start of the word before the name starting at {@code start} when a comma or a joiner leads from it, else -1. */
    private static int wordBefore(char[] s, char[] lower, int start) {
        if (start < 2 || s[start - 1] != ' ') {
            return -1;
        }
        int q = start - 1; // the space before the name
        if (s[q - 1] == ',') {
            q -= 1;
        } else {
            int e = q;
            int w = e;
            while (w > 0 && (Chars.isLetter(s[w - 1]) || s[w - 1] == '&')) {
                w--;
            }
            if (w < 2 || s[w - 1] != ' ' || !joiner(lower, w, e)) {
                return -1;
            }
            q = w - 1;
        }
        // q: the comma or the space before the joiner; a bracket may stand before it
        int e = q;
        if (e > 0 && s[e - 1] == ')') {
            int open = e - 1;
            while (open > 0 && s[open] != '(' && e - open <= MAX_BRACKET) {
                open--;
            }
            if (s[open] != '(' || open < 2 || s[open - 1] != ' ') {
                return -1;
            }
            e = open - 1;
        }
        int w = Chars.letterRunStart(s, e);
        return w < e && (w == 0 || !Chars.isAlnum(s[w - 1]) && s[w - 1] != '-') ? w : -1;
    }

    /** Past a bracket right after a name ("Інжу (2013 ж.т.)"), or {@code end} when none stands there. */
    private static int skipBracket(char[] s, int end) {
        if (end + 1 < s.length && s[end] == ' ' && s[end + 1] == '(') {
            for (int q = end + 2; q < s.length && q - end <= MAX_BRACKET; q++) {
                if (s[q] == ')') {
                    return q + 1;
                }
            }
        }
        return end;
    }

    /** A first name, or a Russian one cut short to call its bearer ("Лен", "Серёж": Лена, Серёжа). */
    private static boolean firstName(NameDictionary names, char[] folded, int length) {
        if ((names.lookup(folded, length) & NameDictionary.FIRST_NAME) != 0) {
            return true;
        }
        if (length < 3 || folded[length - 1] < 0x400) {
            return false;
        }
        return (names.flags(folded, length, "а") & NameDictionary.FIRST_NAME) != 0
                || (names.flags(folded, length, "я") & NameDictionary.FIRST_NAME) != 0;
    }

    private static boolean joiner(char[] lower, int from, int to) {
        return to > from && to - from <= 4 && JOINERS.contains(lower, from, to);
    }
}
