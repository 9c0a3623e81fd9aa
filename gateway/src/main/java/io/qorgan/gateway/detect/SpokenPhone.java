package io.qorgan.gateway.detect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Phones said in number words, as call transcripts and voice messages write them: "восемь семьсот один, сто сорок,
 * тридцать три, шестнадцать", "сегіз жеті жүз жетпіс жеті, бес жүз он екі, отыз төрт, тоқсан", "eight seven oh one
 * three three two eight four one six", languages mixed, with pauses and fillers ("э-э", "uh", "…") between.
 *
 * <p>The words are read as a dictating person means them: a hundred takes the tens and units after it in its group,
 * tens take a unit ("сорок пять" is 45), and a comma or a pause ends a group ("двадцать, два" is 20 2). A phone is
 * eleven digits beginning with 8 or 7, ten beginning with 7, or eleven to thirteen after "plus"; it is taken after a
 * phone word shortly before, or without one when it reads as a Kazakh mobile number (8 7… or 7 7…).
 */
final class SpokenPhone {

    private SpokenPhone() {}

    private static final int DIGIT = 0;
    private static final int TEEN = 1;
    private static final int TENS = 2;
    private static final int HUNDRED = 3;
    /** "жүз", "hundred": multiplies the digit before it. */
    private static final int TIMES_HUNDRED = 4;
    /** "double", "triple": says the next digit two or three times. */
    private static final int REPEAT = 5;

    private static final int PLUS = 6;
    /** "э-э", "uh": a filler between groups, which ends a group as a pause does. */
    private static final int FILLER = 7;

    private record Word(int kind, int value) {}

    private static final Map<String, Word> WORDS = words();

    private static Map<String, Word> words() {
        Map<String, Word> m = new HashMap<>();
        for (int d = 0; d < DigitWords.DIGIT_NAMES.length; d++) {
            for (String w : DigitWords.DIGIT_NAMES[d]) {
                m.put(w, new Word(DIGIT, d));
            }
        }
        String[] englishTeens = {
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"
        };
        for (int t = 0; t < englishTeens.length; t++) {
            m.put(DigitWords.RUSSIAN_TEENS[t], new Word(TEEN, 10 + t));
            m.put(englishTeens[t], new Word(TEEN, 10 + t));
        }
        for (int t = 0; t < DigitWords.KAZAKH_TENS.length; t++) {
            m.put(DigitWords.KAZAKH_TENS[t], new Word(TENS, 10 * (t + 1)));
        }
        String[] englishTens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        for (int t = 0; t < englishTens.length; t++) {
            m.put(DigitWords.RUSSIAN_TENS[t], new Word(TENS, 10 * (t + 2)));
            m.put(englishTens[t], new Word(TENS, 10 * (t + 2)));
        }
        for (int h = 0; h < DigitWords.RUSSIAN_HUNDREDS.length; h++) {
            m.put(DigitWords.RUSSIAN_HUNDREDS[h], new Word(HUNDRED, 100 * (h + 1)));
        }
        m.put("жүз", new Word(TIMES_HUNDRED, 100));
        m.put("hundred", new Word(TIMES_HUNDRED, 100));
        m.put("double", new Word(REPEAT, 2));
        m.put("triple", new Word(REPEAT, 3));
        m.put("плюс", new Word(PLUS, 0));
        m.put("plus", new Word(PLUS, 0));
        for (String filler : new String[] {"э", "ээ", "эээ", "эм", "мм", "uh", "um", "er", "erm", "ә", "әә"}) {
            m.put(filler, new Word(FILLER, 0));
        }
        return Map.copyOf(m);
    }

    /** The longest word looked up: "девятнадцать". */
    private static final int LONGEST = 12;
    /** Separators read between two words: spaces, commas, dashes, dots and the ellipsis. */
    private static final int MAX_GAP = 6;
    /** The most words a phone is said in, fillers included. */
    private static final int MAX_WORDS = 24;

    private static final CueSet CUES = new CueSet(
            "тел",
            "номер",
            "нөмір",
            "phone",
            "number",
            "call",
            "звон",
            "байланыс",
            "мобильн",
            "ұялы",
            "контакт",
            "whatsapp",
            "reach me",
            "хабарлас");

    /** Adds a finding for each phone said in words. */
    static void find(TextView view, List<Finding> out) {
        char[] lower = view.lower();
        int[] starts = view.wordStarts();
        int resume = 0;
        for (int k = 0, count = view.wordCount(); k < count; k++) {
            int p = starts[k];
            if (p < resume
                    || p + 1 >= lower.length
                    || !OPENERS.mayBegin(lower[p], lower[p + 1])
                    || !Chars.notAlnumAt(lower, p - 1)) {
                continue;
            }
            int e = p;
            while (e < lower.length && e - p <= LONGEST && Chars.isLetter(lower[e])) {
                e++;
            }
            if (!OPENERS.contains(lower, p, e)) {
                continue; // most words: one probe, no string made
            }
            int end = phone(view, lower, p);
            if (end > 0) {
                out.add(new Finding(EntityType.PHONE, p, end, 0.85, "phone-words"));
                resume = end;
            }
        }
    }

    /** The words a phone opens with: 8, 7, 700 or plus. */
    private static final Set<String> OPENER_WORDS = Set.copyOf(WORDS.entrySet().stream()
            .filter(e -> opener(e.getValue()))
            .map(Map.Entry::getKey)
            .toList());

    private static final WordSet OPENERS = new WordSet(OPENER_WORDS);

    private static boolean opener(Word w) {
        return w.kind() == DIGIT && (w.value() == 7 || w.value() == 8)
                || w.kind() == HUNDRED && w.value() == 700
                || w.kind() == PLUS;
    }

    /** End of a phone said in words from {@code p}, or -1. */
    private static int phone(TextView view, char[] lower, int p) {
        StringBuilder digits = new StringBuilder(16);
        boolean plus = false;
        int group = -1; // the value of the group being said, -1 when none
        int width = 0; // how many digits it stands for
        int takes = -1; // the smallest kind it still takes: DIGIT after tens, TEEN after a hundred; -1 nothing
        int repeat = 1;
        int end = -1;
        int q = p;
        for (int words = 0; words < MAX_WORDS && q < lower.length; words++) {
            int e = q;
            while (e < lower.length && e - q <= LONGEST && Chars.isLetter(lower[e])) {
                e++;
            }
            boolean whole = e > q && (e >= lower.length || !Chars.isLetter(lower[e]));
            Word w = whole ? WORDS.get(new String(lower, q, e - q)) : null;
            if (w == null) {
                break;
            }
            if (w.kind() == PLUS) {
                if (words > 0) {
                    break;
                }
                plus = true;
            } else if (w.kind() == FILLER) {
                if (words == 0) {
                    return -1;
                }
            } else if (w.kind() == REPEAT) {
                flush(digits, group, width);
                group = -1;
                takes = -1;
                repeat = w.value();
            } else if (w.kind() == TIMES_HUNDRED) {
                if (group < 0 || width != 1 || group == 0) {
                    break; // "жүз" alone is no digit of a phone
                }
                group *= 100; // "жеті жүз": 700, takes tens and units
                width = 3;
                takes = TEEN;
            } else if (takes >= 0
                    && (w.kind() == DIGIT && w.value() > 0
                            || (w.kind() == TEEN || w.kind() == TENS) && takes == TEEN)) {
                group += w.value();
                takes = w.kind() == TENS ? DIGIT : -1;
            } else {
                flush(digits, group, width);
                group = w.value();
                width = w.kind() == HUNDRED ? 3 : w.kind() == DIGIT ? 1 : 2;
                takes = w.kind() == HUNDRED ? TEEN : w.kind() == TENS ? DIGIT : -1;
                if (w.kind() == DIGIT && repeat > 1) {
                    for (int r = 1; r < repeat; r++) {
                        digits.append((char) ('0' + w.value()));
                    }
                }
                repeat = 1;
                if (w.kind() == TENS && w.value() == 10) {
                    width = 2; // "он" alone is 10
                }
            }
            if (w.kind() != FILLER && w.kind() != PLUS) {
                end = e;
            }
            if (digits.length() + width > 13) {
                return -1;
            }
            q = e;
            int gap = q;
            boolean pause = false;
            while (q < lower.length && q - gap < MAX_GAP && " ,-.…—".indexOf(lower[q]) >= 0) {
                pause |= lower[q] != ' ' && lower[q] != '-';
                q++;
            }
            if (q == gap) {
                break;
            }
            if (pause) {
                takes = -1; // a comma or a pause ends the group: "двадцать, два" is 20 2
            }
        }
        flush(digits, group, width);
        int n = digits.length();
        char first = n > 0 ? digits.charAt(0) : ' ';
        boolean shaped =
                plus ? n >= 11 && n <= 13 : n == 11 && (first == '8' || first == '7') || n == 10 && first == '7';
        if (!shaped || end < 0) {
            return -1;
        }
        boolean mobile = n == 11 && digits.charAt(1) == '7' || n == 10 && first == '7';
        return mobile && !plus || plus || view.anyCue(p - 120, p, CUES) ? end : -1;
    }

    private static void flush(StringBuilder digits, int group, int width) {
        if (group < 0) {
            return;
        }
        String value = Integer.toString(group);
        for (int i = value.length(); i < width; i++) {
            digits.append('0');
        }
        digits.append(value);
    }
}
