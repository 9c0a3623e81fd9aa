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
                classify(view, i, out);
            }
        }
    }

    private static boolean certificatePrefix(char[] s, int i) {
        return i >= 3
                && Chars.notAlnumAt(s, i - 4)
                && (Chars.startsWith(s, "IIN", i - 3) || Chars.startsWith(s, "BIN", i - 3));
    }

    private static void classify(TextView view, int i, List<Finding> out) {
        char[] s = view.chars();
        boolean iin = KzIdValidator.looksLikeIin(view.text(), i);
        boolean bin = KzIdValidator.looksLikeBin(view.text(), i);
        boolean binCue = view.anyCue(i - 30, i, BIN_CUES_SET);
        boolean iinCue = view.anyCue(i - 30, i, IIN_CUES_SET);
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
        out.add(new Finding(type, i, i + 12, score, "iin"));
    }
}
