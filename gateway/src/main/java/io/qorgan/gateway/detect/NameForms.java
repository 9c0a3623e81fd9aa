package io.qorgan.gateway.detect;

import java.util.Locale;

/**
 * Morphology of names in Kazakh and Russian: case folding, declension endings, and the suffixes that make a word a
 * surname or a patronymic.
 */
final class NameForms {

    /** Case endings, longest first so "ге" goes before "е". Kazakh endings first: they are longer. */
    private static final String[] ENDINGS = {
        "ның",
        "нің",
        "дың",
        "дің",
        "тың",
        "тің",
        "нан",
        "нен",
        "дан",
        "ден",
        "тан",
        "тен",
        "мен",
        "пен",
        "бен",
        // no "на"/"не" or locative "да"/"та": they would eat the Russian genitive ("Ивана", "Марата")
        "ымен",
        "імен",
        "ына",
        "іне",
        "ға",
        "ге",
        "қа",
        "ке",
        "ны",
        "ні",
        "ды",
        "ді",
        "ты",
        "ті",
        "ым",
        "ім",
        "ыми",
        "ами",
        "ями",
        "ого",
        "его",
        "ому",
        "ему",
        "ой",
        "ей",
        "ою",
        "ею",
        "ом",
        "ем",
        "ым",
        "им",
        "ых",
        "их",
        "ую",
        "а",
        "я",
        "у",
        "ю",
        "е",
        "ы",
        "и",
    };
    /** Endings put back on a stem when looking a declined name up: "Анны" → "анн" → "анна". */
    static final String[] RESTORED_ENDINGS = {"а", "я", "й", "ь"};

    private static final String[] PATRONYMIC_SUFFIXES = {
        "ович", "евич", "овна", "евна", "ична", "ьич", "ұлы", "қызы", "улы", "кызы", "ovich", "evich", "ovna", "evna",
        "uly", "kyzy", "qyzy"
    };
    private static final String[] STRONG_SURNAME_SUFFIXES = {
        "ов", "ев", "ова", "ева", "ский", "цкий", "ская", "цкая", "енко", "ұлы", "қызы", "ov", "ev", "yev", "ova",
        "eva", "yeva", "sky", "skiy", "skaya", "enko", "uly", "kyzy"
    };
    /**
     * -ин/-ина are also ordinary word endings, and so are the stems of suffix-less Kazakh surnames (-бай, -бек...) and
     * the endings of European and Caucasian surnames in Latin letters (Nilsson, Bianchi, Hernandez, Hnatiuk).
     */
    private static final String[] WEAK_SURNAME_SUFFIXES = {
        "ин", "ын", "ина", "ына", "in", "ina", "yn", "yna", "бай", "бек", "ғали", "қали", "гали", "кали", "жан", "хан",
        "sson", "ssen", "elli", "etti", "ucci", "anchi", "ini", "ez", "ski", "ska", "yan", "oglu", "zadeh", "shvili",
        "dze", "poulos", "escu", "ovic", "evic", "iuk", "chuk", "mann", "ssi"
    };
    /** Case endings a surname or patronymic may carry (Russian cases, Kazakh dative/genitive/accusative). */
    private static final String[] SURNAME_CASE_ENDINGS = {
        "ого", "ому", "ыми", "ым", "ом", "ой", "ою", "ых", "им", "ую", "ем", "ның", "нің", "ға", "ге", "қа", "ке", "ны",
        "ні", "на", "нан", "мен", "а", "у", "е", "ы", "ю"
    };

    private static final SuffixSet PATRONYMIC = new SuffixSet(PATRONYMIC_SUFFIXES);
    private static final SuffixSet STRONG_SURNAME = new SuffixSet(STRONG_SURNAME_SUFFIXES);
    private static final SuffixSet WEAK_SURNAME = new SuffixSet(WEAK_SURNAME_SUFFIXES);
    private static final SuffixSet CASE_ENDINGS = new SuffixSet(SURNAME_CASE_ENDINGS);

    private static final SuffixSet ENDING_SET = new SuffixSet(ENDINGS);

    private NameForms() {}

    /** Writes the folded {@code s[start, end)} to the start of {@code into}, which must be long enough. */
    static void foldInto(char[] s, int start, int end, char[] into) {
        for (int i = start; i < end; i++) {
            into[i - start] = fold(s[i]);
        }
    }

    /** One char folded as {@link #foldInto} folds each. */
    static char fold(char c) {
        char lower = c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Chars.toLowerCase(c);
        return lower == 'ё' ? 'е' : lower;
    }

    /** Lower case, ё as е: the form dictionaries and keys use. */
    static String fold(CharSequence word) {
        String lower = word.toString().toLowerCase(Locale.ROOT);
        return lower.indexOf('ё') >= 0 ? lower.replace('ё', 'е') : lower;
    }

    /**
     * {@link #fold(CharSequence)} of {@code s[from, to)}, made without the copy and the lower-case String in between:
     * for every char but U+0130 (İ, two chars in lower case), U+03A3 (Σ, ς at a word's end) and surrogates (read as
     * code points), String.toLowerCase(Locale.ROOT) is Character.toLowerCase char by char, so those take the String
     * way. {@code NameFormsTest} compares the two.
     */
    static String fold(char[] s, int from, int to) {
        char[] folded = new char[to - from];
        for (int i = from; i < to; i++) {
            char c = s[i];
            if (c == '\u0130' || c == '\u03A3' || Character.isSurrogate(c)) {
                return fold(new String(s, from, to - from));
            }
            char lower = c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Chars.toLowerCase(c);
            folded[i - from] = lower == 'ё' ? 'е' : lower;
        }
        return new String(folded);
    }

    /** Case endings that could end {@code folded[0, length)} (same last letter), in the order of {@link #ENDINGS}; do not modify. */
    static char[][] endingCharsOf(char[] folded, int length) {
        return ENDING_SET.candidates(folded, length);
    }

    /** One stable base form: endings taken off repeatedly while at least three letters remain. */
    static String reduce(String folded) {
        char[] word = folded.toCharArray();
        return new String(word, 0, reducedLength(word, word.length));
    }

    /**
     * Length of the base form of the folded word {@code word[0, length)}: the first ending of {@link #ENDINGS} (in
     * their order) that ends it and leaves three letters is taken off, again and again. Only the endings with the
     * word's last letter are tried, since no other can end it.
     */
    static int reducedLength(char[] word, int length) {
        int cur = length;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (char[] ending : ENDING_SET.candidates(word, cur)) {
                int at = cur - ending.length;
                if (at >= 3 && Chars.startsWith(word, ending, at)) {
                    cur = at;
                    changed = true;
                    break;
                }
            }
        }
        return cur;
    }

    /**
     * {@link #fold(CharSequence)} of {@code s[start, end)} into {@code into}, char by char, when that gives the same
     * (every char below U+0530 except İ and Σ, whose lower case depends on more than the char); false otherwise.
     */
    static boolean foldPlain(CharSequence s, int start, int end, char[] into) {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c >= 0x530 || c == '\u0130' || c == '\u03A3') {
                return false;
            }
            char lower = Chars.toLowerCase(c);
            into[i - start] = lower == 'ё' ? 'е' : lower;
        }
        return true;
    }

    /** Whether the folded word {@code folded[0, length)} is a patronymic (-ович, -қызы...), declined or not. */
    static boolean isPatronymic(char[] folded, int length) {
        return length >= 6 && endsWithSuffix(folded, length, PATRONYMIC, 2);
    }

    static boolean isStrongSurname(char[] folded, int length) {
        return length >= 5 && endsWithSuffix(folded, length, STRONG_SURNAME, 2);
    }

    static boolean isWeakSurname(char[] folded, int length) {
        return length >= 5 && endsWithSuffix(folded, length, WEAK_SURNAME, 2);
    }

    /** The word, or the word without one case ending, ends with a suffix and keeps a stem of {@code minStem} letters. */
    private static boolean endsWithSuffix(char[] word, int length, SuffixSet suffixes, int minStem) {
        if (suffixes.endsWithAny(word, length, minStem)) {
            return true;
        }
        for (char[] ending : CASE_ENDINGS.candidates(word, length)) {
            int at = length - ending.length;
            if (at >= 0 && Chars.startsWith(word, ending, at) && suffixes.endsWithAny(word, at, minStem)) {
                return true;
            }
        }
        return false;
    }
}
