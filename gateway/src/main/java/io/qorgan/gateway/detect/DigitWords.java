package io.qorgan.gateway.detect;

import java.util.Arrays;
import java.util.Set;

/**
 * Digits read out one word each, as callers dictate a document's number: Russian, Kazakh and English digit names
 * ("ноль-четыре-два, девять…", "нөл, бір, төрт", "zero one nine"), joined by spaces, commas or dashes.
 */
final class DigitWords {

    /** The names of the digits by value, 0 to 9, in Russian, Kazakh and English. */
    static final String[][] DIGIT_NAMES = {
        {"ноль", "нуль", "нөл", "нөль", "zero", "oh"},
        {"один", "одна", "бір", "one"},
        {"два", "две", "екі", "two"},
        {"три", "үш", "three"},
        {"четыре", "төрт", "four"},
        {"пять", "бес", "five"},
        {"шесть", "алты", "six"},
        {"семь", "жеті", "seven"},
        {"восемь", "сегіз", "eight"},
        {"девять", "тоғыз", "nine"}
    };

    private static final WordSet DIGITS = new WordSet(
            Set.of(Arrays.stream(DIGIT_NAMES).flatMap(Arrays::stream).toArray(String[]::new)));

    private static final int LONGEST = 6;

    private DigitWords() {}

    /** Whether the word {@code lower[from, to)} names a digit. */
    static boolean digit(char[] lower, int from, int to) {
        return to - from >= 2 && to - from <= LONGEST && DIGITS.contains(lower, from, to);
    }

    /**
     * Russian number words people group a long number into when they dictate it ("шестьсот двадцать, триста
     * семнадцать"), by how many digits each stands for: a hundred three, tens and teens two.
     */
    /** The Russian hundreds by value, 100 to 900. */
    static final String[] RUSSIAN_HUNDREDS = {
        "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот"
    };

    /** The Russian tens by value, 20 to 90. */
    static final String[] RUSSIAN_TENS = {
        "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"
    };

    /** The Kazakh tens by value, 10 to 90 ("он" takes a unit as the other tens do: "он екі" is 12). */
    static final String[] KAZAKH_TENS = {"он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"};

    /** The Kazakh ordinals of the units by value, 1st to 9th: "бесінші үй", "алпыс бесінші жылы". */
    static final String[] KAZAKH_UNIT_ORDINALS = {
        "бірінші", "екінші", "үшінші", "төртінші", "бесінші", "алтыншы", "жетінші", "сегізінші", "тоғызыншы"
    };

    /** The Kazakh ordinals of the tens by value, 10th to 90th: "сексенінші жылы". */
    static final String[] KAZAKH_TENS_ORDINALS = {
        "оныншы",
        "жиырмасыншы",
        "отызыншы",
        "қырқыншы",
        "елуінші",
        "алпысыншы",
        "жетпісінші",
        "сексенінші",
        "тоқсаныншы"
    };

    /** The Russian numbers by value, 10 to 19. */
    static final String[] RUSSIAN_TEENS = {
        "десять",
        "одиннадцать",
        "двенадцать",
        "тринадцать",
        "четырнадцать",
        "пятнадцать",
        "шестнадцать",
        "семнадцать",
        "восемнадцать",
        "девятнадцать"
    };

    private static final WordSet HUNDREDS = new WordSet(Set.of(RUSSIAN_HUNDREDS));

    private static final WordSet TENS = new WordSet(Set.of(RUSSIAN_TENS));

    private static final WordSet TEENS = new WordSet(Set.of(RUSSIAN_TEENS));

    /** The longest number word: "четырнадцать". */
    private static final int LONGEST_NUMBER = 12;

    /** What a number word may take after it within its group: nothing, its units, or its tens or teens and units. */
    private static final int TAKES_NOTHING = 0;

    private static final int TAKES_UNITS = 1;
    private static final int TAKES_TENS = 2;

    /**
     * The end of a run of digit words starting at {@code p} in {@code lower} (words joined by at most two of space,
     * comma and dash), standing for exactly {@code count} digits; or -1. The run may not go on with another number
     * word. Digit names count one each; Russian hundreds, tens and teens count their digits, a tens or unit word after
     * them in the same group (no comma between) adding none ("шестьсот двадцать" is three digits, "сорок пять" two).
     */
    static int run(char[] lower, int p, int count) {
        int n = lower.length;
        int q = p;
        int end = -1;
        int digits = 0;
        int takes = TAKES_NOTHING;
        while (true) {
            int wordEnd = q;
            while (wordEnd < n && wordEnd - q <= LONGEST_NUMBER && Chars.isLetter(lower[wordEnd])) {
                wordEnd++;
            }
            int kind = wordEnd == q || wordEnd < n && Chars.isLetter(lower[wordEnd]) ? -1 : kind(lower, q, wordEnd);
            if (kind < 0) {
                return digits == count ? end : -1;
            }
            if (digits == count && !(takes != TAKES_NOTHING && absorbed(kind, takes))) {
                return -1; // a longer run: a phone or another number read out
            }
            if (takes != TAKES_NOTHING && absorbed(kind, takes)) {
                takes = kind == TENS_WORD && takes == TAKES_TENS ? TAKES_UNITS : TAKES_NOTHING;
            } else {
                digits += kind == HUNDRED_WORD ? 3 : kind == TENS_WORD || kind == TEEN_WORD ? 2 : 1;
                takes = kind == HUNDRED_WORD ? TAKES_TENS : kind == TENS_WORD ? TAKES_UNITS : TAKES_NOTHING;
            }
            if (digits > count) {
                return -1;
            }
            end = wordEnd;
            q = wordEnd;
            int gap = 0;
            while (q < n && gap < 3 && (lower[q] == ' ' || lower[q] == ',' || lower[q] == '-')) {
                takes = lower[q] == ',' ? TAKES_NOTHING : takes; // a comma ends the group: "двадцать, пять" is 20 5
                q++;
                gap++;
            }
            if (gap == 0) {
                return digits == count ? end : -1;
            }
        }
    }

    private static final int DIGIT_WORD = 0;
    private static final int ZERO_WORD = 1;
    private static final int TEEN_WORD = 2;
    private static final int TENS_WORD = 3;
    private static final int HUNDRED_WORD = 4;

    /** What the word {@code lower[from, to)} is among the number words, or -1. */
    private static int kind(char[] lower, int from, int to) {
        if (digit(lower, from, to)) {
            char c = lower[from];
            return c == 'н' && (lower[from + 1] == 'о' || lower[from + 1] == 'у') || c == 'z' ? ZERO_WORD : DIGIT_WORD;
        }
        int length = to - from;
        if (length < 3 || length > LONGEST_NUMBER) {
            return -1;
        }
        return HUNDREDS.contains(lower, from, to)
                ? HUNDRED_WORD
                : TENS.contains(lower, from, to) ? TENS_WORD : TEENS.contains(lower, from, to) ? TEEN_WORD : -1;
    }

    /** Whether a word of {@code kind} joins the number before it, which {@code takes} it: "шестьсот двадцать". */
    private static boolean absorbed(int kind, int takes) {
        return kind == DIGIT_WORD || takes == TAKES_TENS && (kind == TENS_WORD || kind == TEEN_WORD);
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
