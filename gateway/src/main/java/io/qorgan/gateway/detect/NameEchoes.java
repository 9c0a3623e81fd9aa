package io.qorgan.gateway.detect;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * The other mentions of a name a text has given: a person named once with the evidence a name needs ("Омарова
 * Ақмарал", "Маратқа") is then referred to by one word of it, in any case, without that evidence ("Ақмаралдың
 * арызы", "Марат оны сатып жіберді", "у Гаврилюка"). A word whose base form ({@link NameForms#reducedLength}) is that
 * of a name's word found in the same text, and that no other finding covers, is the same person.
 *
 * <p>Only a found word the lists know as a name, or shaped as a surname or patronymic, is followed up, so a word a
 * finding took in by mistake ("Құжат" after a form's name field) spreads nowhere. A lower-case mention counts only
 * when the name was found in lower case too (a chat), so "бақыт" (happiness) never echoes "Бақыт"; a word in
 * quotes (an organisation: «Насыров и К°») or after a hyphen (part of a compound) is none.
 */
final class NameEchoes {

    /** Words of a found name that say nothing of who it is: particles, titles and honorifics inside a finding. */
    private static final WordSet NOT_KEYS = new WordSet(Set.of(
            "оглы", "огли", "угли", "улы", "кызы", "кизи", "гызы", "ибн", "бин", "bin", "ibn", "van", "von", "der",
            "den", "del", "della", "des", "dos", "das", "mr", "mrs", "ms", "dr", "мырза", "ханым", "апай", "ага", "аға",
            "ата", "апа", "әже"));

    /** More keys than this in one text are not followed up: a list of names has no prose referring back to it. */
    private static final int MAX_KEYS = 48;

    private static final int MIN_WORD = 3;

    private static final int MAX_WORD = 40;

    private static final long NAME_FLAGS =
            NameDictionary.FIRST_NAME | NameDictionary.SURNAME | NameDictionary.LISTED_SURNAME;

    private NameEchoes() {}

    /** Whether the mention {@code s[from, to)} stands where a name is no citizen's (an organisation's, a place's). */
    interface Guard {
        boolean test(int from, int to);
    }

    /**
     * Adds to {@code out} a {@code PERSON} finding for every mention of a word of the names in {@code out[base, end)}
     * that nothing in {@code out} covers; mentions side by side make one finding, with the initials after them.
     */
    static void find(char[] s, WordStarts starts, NameDictionary names, List<Finding> out, int base, Guard noCitizen) {
        int found = out.size();
        // first the cheap part: where a word no finding covers starts as a found name's word does; most texts have
        // none (every mention of their names is found), and then no word of a name is read from the lists
        long pairs = 0; // a bit per first two chars of a found name's word
        long[] prefixes = new long[MAX_KEYS]; // and their first three chars
        int prefixCount = 0;
        boolean anyLower = false;
        for (int k = base; k < found; k++) {
            Finding f = out.get(k);
            if (f.type() != EntityType.PERSON) {
                continue;
            }
            for (int p = f.start(); p < f.end(); ) {
                if (!Chars.isLetter(s[p])) {
                    p++;
                    continue;
                }
                int e = Chars.letterRunEnd(s, p);
                if (e - p >= MIN_WORD && e <= f.end()) {
                    pairs |= 1L << pair(NameForms.fold(s[p]), NameForms.fold(s[p + 1]));
                    anyLower |= Chars.isLowerCase(s[p]);
                    long prefix = prefix(s, p);
                    if (prefixCount < prefixes.length && indexOf(prefixes, prefixCount, prefix) < 0) {
                        prefixes[prefixCount++] = prefix;
                    }
                }
                p = e;
            }
        }
        if (pairs == 0) {
            return;
        }
        BitSet covered = null;
        int[] mentions = null;
        int mentionCount = 0;
        // without a name found in lower case only the capitalised words can be mentions
        int[] list = anyLower ? starts.all() : starts.sorted();
        for (int k = anyLower ? 0 : starts.first(WordStarts.CAPITAL),
                        last = anyLower ? starts.count() : starts.end(WordStarts.CAPITAL);
                k < last;
                k++) {
            int p = list[k];
            if (p + 1 >= s.length
                    || (pairs & 1L << pair(NameForms.fold(s[p]), NameForms.fold(s[p + 1]))) == 0
                    || !Chars.isLetter(s[p])
                    || p > 0 && (Chars.isAlnum(s[p - 1]) || "-«\"“„'".indexOf(s[p - 1]) >= 0)) {
                continue;
            }
            int e = Chars.letterRunEnd(s, p);
            int length = e - p;
            if (length < MIN_WORD
                    || length > MAX_WORD
                    || e < s.length && (Chars.isDigit(s[e]) || s[e] == '-')
                    || prefixCount < prefixes.length && indexOf(prefixes, prefixCount, prefix(s, p)) < 0) {
                continue; // a word of a name has the first three chars of the name's word, whatever its ending
            }
            if (covered == null) {
                covered = new BitSet(s.length);
                for (int f = 0; f < found; f++) {
                    covered.set(out.get(f).start(), out.get(f).end());
                }
            }
            int next = covered.nextSetBit(p);
            if (next >= 0 && next < e) {
                continue; // found already: most mentions of a name are
            }
            if (mentions == null) {
                mentions = new int[16];
            } else if (mentionCount * 2 == mentions.length) {
                mentions = Arrays.copyOf(mentions, mentions.length * 2);
            }
            mentions[mentionCount * 2] = p;
            mentions[mentionCount * 2 + 1] = e;
            mentionCount++;
        }
        if (mentionCount == 0) {
            return;
        }
        char[][] keys = new char[MAX_KEYS][];
        boolean[] lowerKey = new boolean[MAX_KEYS];
        int keyCount = 0;
        char[] buf = new char[MAX_WORD];
        for (int k = base; k < found && keyCount < MAX_KEYS; k++) {
            Finding f = out.get(k);
            if (f.type() != EntityType.PERSON) {
                continue;
            }
            int weakFrom = -1; // 1 when the finding is a full name with a first name: its weak surname is followed too
            for (int p = f.start(); p < f.end() && keyCount < MAX_KEYS; ) {
                if (!Chars.isLetter(s[p])) {
                    p++;
                    continue;
                }
                int e = Chars.letterRunEnd(s, p);
                int length = e - p;
                if (length >= MIN_WORD && length <= MAX_WORD && e <= f.end()) {
                    NameForms.foldInto(s, p, e, buf);
                    int keyLength = NameForms.reducedLength(buf, length);
                    int at = indexOf(keys, keyCount, buf, keyLength);
                    boolean lower = Chars.isLowerCase(s[p]);
                    boolean weak = !lower && NameForms.isWeakSurname(buf, length);
                    if (weak && weakFrom < 0) {
                        weakFrom = withFirstName(s, names, f) ? 1 : 0;
                    }
                    // a name is mostly found more than once: its word is read from the lists only the first time
                    if ((at < 0 || lower && !lowerKey[at])
                            && !NOT_KEYS.contains(buf, 0, length)
                            && (nameLike(names, buf, length) || weak && weakFrom == 1)) {
                        if (at < 0) {
                            at = keyCount++;
                            keys[at] = Arrays.copyOf(buf, keyLength);
                        }
                        lowerKey[at] |= lower;
                    }
                }
                p = e;
            }
        }
        int runStart = -1;
        int runEnd = -1;
        for (int m = 0; m < mentionCount; m++) {
            int p = mentions[m * 2];
            int e = mentions[m * 2 + 1];
            int length = e - p;
            NameForms.foldInto(s, p, e, buf);
            int at = indexOf(keys, keyCount, buf, NameForms.reducedLength(buf, length));
            if (at < 0 || Chars.isLowerCase(s[p]) && !lowerKey[at] || names.commonWord(buf, length)) {
                continue; // no found name's word, or an ordinary word shaped as a surname
            }
            if (sentenceStart(s, p) && (names.lookup(buf, length) & NameDictionary.ORDINARY_WORD) != 0) {
                continue; // "Бақыт — ең үлкен байлық" beside a Бақыт named before: the word, as a sentence opens
            }
            if (runStart >= 0 && p == runEnd + 1 && s[runEnd] == ' ') {
                runEnd = e; // "KOWALSKA ANNA": one person
                continue;
            }
            if (runStart >= 0) {
                add(s, names, covered, out, base, found, runStart, runEnd, buf, noCitizen);
            }
            runStart = p;
            runEnd = e;
        }
        if (runStart >= 0) {
            add(s, names, covered, out, base, found, runStart, runEnd, buf, noCitizen);
        }
    }

    /**
     * Adds the mention {@code s[start, end)}: with a surname- or patronymic-shaped word beside it ("Сағындықова
     * Ақбота") and the initials after it, or joined to a name found right beside it ("Ахметжанова" before "Динара
     * Маратқызының").
     */
    private static void add(
            char[] s,
            NameDictionary names,
            BitSet covered,
            List<Finding> out,
            int base,
            int found,
            int start,
            int end,
            char[] buf,
            Guard noCitizen) {
        int before = start >= 2 && s[start - 1] == ' ' ? wordBefore(s, start - 1) : -1;
        if (before >= 0 && !covered.get(before) && shapedAsName(s, names, before, start - 1, start, end, buf)) {
            start = before;
        }
        int after = end + 1 < s.length && s[end] == ' ' ? Chars.letterRunEnd(s, end + 1) : -1;
        if (after > end + 1 && !covered.get(end + 1) && shapedAsName(s, names, end + 1, after, start, end, buf)) {
            end = after;
        }
        end = initialsEnd(s, end);
        if (noCitizen.test(start, end)) {
            return;
        }
        for (int k = base; k < found; k++) {
            Finding f = out.get(k);
            if (f.type() == EntityType.PERSON
                    && (f.end() == start - 1 || f.start() == end + 1)
                    && s[f.end() == start - 1 ? f.end() : end] == ' ') {
                out.set(
                        k,
                        new Finding(
                                EntityType.PERSON,
                                Math.min(start, f.start()),
                                Math.max(end, f.end()),
                                f.score(),
                                f.recognizer()));
                return;
            }
        }
        out.add(new Finding(EntityType.PERSON, start, end, 0.7, "person"));
    }

    /** Start of the letters that end at {@code end}, when they make a word of their own; -1 otherwise. */
    private static int wordBefore(char[] s, int end) {
        int b = Chars.letterRunStart(s, end);
        return b < end && (b == 0 || !Chars.isAlnum(s[b - 1])) ? b : -1;
    }

    /**
     * A capitalised word beside a mention that is part of the name: shaped as a surname or patronymic
     * ("Сағындықова Ақбота"), a listed name, or in capitals beside a mention in capitals ("KOWALSKA ANNA").
     */
    private static boolean shapedAsName(
            char[] s, NameDictionary names, int from, int to, int mention, int mentionEnd, char[] buf) {
        int length = to - from;
        if (length < MIN_WORD || length > MAX_WORD || !Chars.isUpperCase(s[from])) {
            return false;
        }
        NameForms.foldInto(s, from, to, buf);
        return (NameForms.isStrongSurname(buf, length)
                        || NameForms.isPatronymic(buf, length)
                        || (names.lookup(buf, length) & NAME_FLAGS) != 0
                        || to - from > 1
                                && Chars.allUpper(s, from, to)
                                && mentionEnd - mention > 1
                                && Chars.allUpper(s, mention, mentionEnd))
                && !names.commonWord(buf, length);
    }

    /**
     * Whether the finding {@code f} has two words or more and one of them is a first name the lists know: beside it, a
     * word shaped as a weak surname ("Құрманғазин Дәулет") is the surname, and its later mentions are followed
     * ("Құрманғазинге").
     */
    private static boolean withFirstName(char[] s, NameDictionary names, Finding f) {
        char[] buf = new char[MAX_WORD];
        int words = 0;
        boolean firstName = false;
        for (int p = f.start(); p < f.end(); ) {
            if (!Chars.isLetter(s[p])) {
                p++;
                continue;
            }
            int e = Chars.letterRunEnd(s, p);
            words++;
            if (!firstName && e - p >= MIN_WORD && e - p <= MAX_WORD && e <= f.end()) {
                NameForms.foldInto(s, p, e, buf);
                firstName = (names.lookup(buf, e - p) & NameDictionary.FIRST_NAME) != 0;
            }
            p = e;
        }
        return words >= 2 && firstName;
    }

    private static boolean nameLike(NameDictionary names, char[] folded, int length) {
        return (names.lookup(folded, length) & NAME_FLAGS) != 0
                || NameForms.isStrongSurname(folded, length)
                || NameForms.isPatronymic(folded, length);
    }

    /** End of one or two initials after a name ("ШИНА О. Н.", "Цой А.Н."), or {@code end} when none follow. */
    private static int initialsEnd(char[] s, int end) {
        int q = end;
        int r = q < s.length && s[q] == ' ' ? q + 1 : q;
        for (int n = 0; n < 2 && r + 1 < s.length && Chars.isUpperCase(s[r]) && s[r + 1] == '.'; n++) {
            q = r + 2;
            r = q < s.length && s[q] == ' ' ? q + 1 : q;
        }
        return q;
    }

    /** Whether only spaces stand between {@code p} and the text's start or a sentence's end. */
    private static boolean sentenceStart(char[] s, int p) {
        int q = p - 1;
        while (q >= 0 && s[q] == ' ') {
            q--;
        }
        return q < 0 || s[q] == '.' || s[q] == '!' || s[q] == '?';
    }

    /** The first three folded chars at {@code p}, which must be letters. */
    private static long prefix(char[] s, int p) {
        return (long) NameForms.fold(s[p]) << 32 | (long) NameForms.fold(s[p + 1]) << 16 | NameForms.fold(s[p + 2]);
    }

    private static int indexOf(long[] values, int count, long value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static int pair(char first, char second) {
        return (first * 31 + second) & 63;
    }

    private static int indexOf(char[][] keys, int count, char[] word, int length) {
        for (int i = 0; i < count; i++) {
            if (Arrays.equals(keys[i], 0, keys[i].length, word, 0, length)) {
                return i;
            }
        }
        return -1;
    }
}
