package io.qorgan.gateway.detect;

import java.util.List;

/**
 * IIN and BIN: twelve digits standing alone whose check digit is right. Which of the two it is comes from the
 * structure (a birth date and a century/sex digit, or a month and an entity-type digit) and, when both fit, from a
 * cue word before it. Also matches the certificate forms {@code IIN123…} and {@code BIN123…}.
 */
final class IinRecognizer implements Recognizer {

    private static final String[] BIN_CUES = {"бин", "бсн", "bin"};
    private static final CueSet BIN_CUES_SET = new CueSet(BIN_CUES);
    private static final String[] IIN_CUES = {"иин", "жсн", "iin"};
    private static final CueSet IIN_CUES_SET = new CueSet(IIN_CUES);

    @Override
    public void find(TextView view, List<Finding> out) {
        char[] s = view.chars();
        int n = s.length;
        WordStarts candidates = view.starts();
        int[] starts = candidates.sorted();
        for (int k = candidates.first(WordStarts.ADDRESS), last = candidates.end(WordStarts.ADDRESS); k < last; k++) {
            int i = starts[k];
            char c = s[i];
            if ((c == 'I' || c == 'B')
                    && i + 3 < n
                    && (Chars.startsWith(s, "IIN", i) || Chars.startsWith(s, "BIN", i))
                    && Chars.isDigit(s[i + 3])) {
                i += 3; // certificate form IIN123456789012
            } else if (!Chars.isDigit(c)) {
                continue;
            }
            int run = Chars.digitRun(s, i);
            boolean partOfLonger = i >= 2 && (s[i - 1] == '-' || s[i - 1] == '/') && Chars.isDigit(s[i - 2])
                    || i + 13 < n && (s[i + 12] == '-' || s[i + 12] == '/') && Chars.isDigit(s[i + 13]);
            if (run == 12
                    && !partOfLonger
                    && (Chars.notAlnumAt(s, i - 1) || certificatePrefix(s, i))
                    && Chars.notAlnumAt(s, i + 12)
                    && KzIdValidator.isValid(view.text(), i)) {
                classify(view, i, i + 12, view.text().substring(i, i + 12), false, out);
            } else if (run < 12
                    && i + run + 1 < n
                    && (s[i + run] == ' ' || s[i + run] == '-')
                    && Chars.isDigit(s[i + run + 1])
                    && Chars.notAlnumAt(s, i - 1)
                    && !afterDigitGroup(s, i)) { // the cheap test first: most numbers are one group
                int end = grouped(s, i);
                String digits = end > 0 ? Canonical.digits(Chars.string(s, i, end)) : null;
                if (digits != null && KzIdValidator.isValid(digits)) {
                    classify(view, i, end, digits, true, out);
                }
            }
        }
    }

    /**
     * End of twelve digits in groups from {@code p}, each group parted from the next by one space or dash ("900101
     * 300 126", "900101-300126", "9001 0130 0126", read out "9 0 0 1 …") and nothing going on after; or -1. Only
     * after an IIN or BIN word: grouped, twelve digits are as often a phone or an account.
     */
    private static int grouped(char[] s, int p) {
        int digits = 0;
        int q = p;
        while (true) {
            int run = Chars.digitRun(s, q);
            digits += run;
            q += run;
            if (digits >= 12) {
                break;
            }
            if (q + 1 < s.length && (s[q] == ' ' || s[q] == '-') && Chars.isDigit(s[q + 1])) {
                q++;
            } else {
                return -1;
            }
        }
        boolean goesOn = q + 1 < s.length && (s[q] == ' ' || s[q] == '-') && Chars.isDigit(s[q + 1]);
        return digits == 12 && Chars.notAlnumAt(s, q) && !goesOn ? q : -1;
    }

    /** Whether a digit and a space, dash or slash come before {@code i}: a later group of a longer number. */
    private static boolean afterDigitGroup(char[] s, int i) {
        return i >= 2 && (s[i - 1] == ' ' || s[i - 1] == '-' || s[i - 1] == '/') && Chars.isDigit(s[i - 2]);
    }

    private static boolean certificatePrefix(char[] s, int i) {
        return i >= 3
                && Chars.notAlnumAt(s, i - 4)
                && (Chars.startsWith(s, "IIN", i - 3) || Chars.startsWith(s, "BIN", i - 3));
    }

    /**
     * Reports {@code [i, end)}, whose twelve digits are {@code digits}, as an IIN or a BIN; with {@code cueNeeded}
     * (digits in groups), only after an IIN or BIN word.
     */
    private static void classify(TextView view, int i, int end, String digits, boolean cueNeeded, List<Finding> out) {
        boolean binCue = view.anyCue(i - 30, i, BIN_CUES_SET);
        boolean iinCue = view.anyCue(i - 30, i, IIN_CUES_SET);
        if (cueNeeded && !binCue && !iinCue) {
            return;
        }
        boolean iin = KzIdValidator.looksLikeIin(digits, 0);
        boolean bin = KzIdValidator.looksLikeBin(digits, 0);
        EntityType type;
        double score;
        if (bin && (!iin || (binCue && !iinCue))) {
            type = EntityType.BIN;
            score = binCue ? 0.99 : 0.9;
        } else if (iin) {
            type = EntityType.IIN;
            score = iinCue ? 0.99 : 0.93;
        } else {
            // Since 2013 an IIN need not carry the birth date: the check digit alone still makes it likely.
            type = binCue ? EntityType.BIN : EntityType.IIN;
            score = binCue || iinCue ? 0.9 : 0.45;
        }
        out.add(new Finding(type, i, end, score, "iin"));
    }
}
