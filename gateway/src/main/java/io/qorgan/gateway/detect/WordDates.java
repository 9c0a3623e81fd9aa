package io.qorgan.gateway.detect;

import java.util.Set;

/**
 * Dates said in words, as callers dictate a birth date ("Восьмое марта семьдесят второго", "двадцать первое апреля
 * восемьдесят восьмого", "Тоқсан бірінші жылы, жиырма бесінші қаңтар", "The seventh of June, nineteen seventy-six"),
 * read only after a birth cue: a month name with number words around it is a date anywhere, but a birth date only where
 * a cue says so. A day and month in digits without a year ("9 желтоқсан") are not read: a city's or a company's
 * "туған күні" is written so too.
 */
final class WordDates {

    /**
     * Beginnings of number words (cardinal and ordinal, in every case: "восьм" for восьмое, восьмого), Russian,
     * Kazakh and English. A prefix is enough: the run must also hold a month name, which plain words beginning like
     * a number ("пятница", "оның") never bring.
     */
    private static final String[] NUMBER_STEMS = {
        // Russian
        "перв",
        "втор",
        "трет",
        "четв",
        "пят",
        "шест",
        "седьм",
        "восьм",
        "девят",
        "десят",
        "одиннадцат",
        "двенадцат",
        "тринадцат",
        "четырнадцат",
        "пятнадцат",
        "шестнадцат",
        "семнадцат",
        "восемнадцат",
        "девятнадцат",
        "двадцат",
        "тридцат",
        "сорок",
        "пятьдесят",
        "пятидесят",
        "шестьдесят",
        "шестидесят",
        "семьдесят",
        "семидесят",
        "восемьдесят",
        "восьмидесят",
        "девяност",
        "тысяч",
        "девятьсот",
        "двухтысячн",
        "две тысячи",
        // Kazakh
        "бір",
        "екі",
        "үш",
        "төрт",
        "бес",
        "алты",
        "жеті",
        "сегіз",
        "тоғыз",
        "он",
        "жиырма",
        "отыз",
        "қырық",
        "елу",
        "алпыс",
        "жетпіс",
        "сексен",
        "тоқсан",
        "жүз",
        "мың",
        // English
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twent",
        "thirt",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "thousand",
        "hundred"
    };

    /** Words that join the parts of a date in words: "the seventh of June", "жылы", "года". */
    private static final String[] JOINERS = {"the", "of", "and", "жыл", "жылы", "жылғы", "жылдың", "года", "году", "год"
    };

    private static final WordSet JOINER_SET = new WordSet(Set.of(JOINERS));

    private WordDates() {}

    /**
     * End of a date in words starting at {@code p} (a number word, or "the"), or -1: number words, joiners and one
     * month name, separated by spaces, commas and hyphens, with a number word before the month.
     */
    static int end(char[] lower, int p) {
        int n = lower.length;
        int numbersBefore = 0;
        int month = -1;
        int end = -1;
        int q = p;
        while (q < n) {
            int w = q;
            while (w < n && Chars.isLetter(lower[w])) {
                w++;
            }
            if (w == q || w - q > 16) {
                break;
            }
            if (month < 0 && Dates.monthEnd(lower, q) == w) {
                if (numbersBefore == 0) {
                    return -1;
                }
                month = q;
                end = w;
            } else if (number(lower, q, w)) {
                numbersBefore += month < 0 ? 1 : 0;
                end = w;
            } else if (!JOINER_SET.contains(lower, q, w) || q == p && !Chars.startsWith(lower, "the", q)) {
                break;
            }
            int next = w;
            if (next < n && (lower[next] == ',' || lower[next] == '-')) {
                next++;
            }
            if (next >= n || lower[next] != ' ' && lower[next - 1] != '-') {
                break;
            }
            while (next < n && lower[next] == ' ') {
                next++;
            }
            q = next;
        }
        if (month < 0) {
            return -1;
        }
        return end; // a number word before the month; the year's after it, if any, are in
    }

    private static boolean number(char[] lower, int from, int to) {
        for (String stem : NUMBER_STEMS) {
            if (to - from >= stem.length() && Chars.startsWith(lower, stem, from)) {
                return true;
            }
        }
        return false;
    }
}
