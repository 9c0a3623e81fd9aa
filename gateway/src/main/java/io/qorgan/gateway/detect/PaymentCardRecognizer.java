package io.qorgan.gateway.detect;

import java.util.List;

/**
 * Card numbers of 13–19 digits, written solid or in groups separated by single spaces or dashes, or dictated as four
 * groups of four parted by commas after a word for a card. Of the groups
 * that follow one another, the longest prefix that ends on a group boundary and validates wins, so three cards
 * in a row stay three findings.
 */
final class PaymentCardRecognizer implements Recognizer {

    private static final String[] CUES = {"карт", "card", "visa", "mastercard", "кәртішке", "pan"};
    private static final CueSet CUES_SET = new CueSet(CUES);

    /**
     * How far before a card dictated in four groups parted by commas a word for a card must stand: the operator's
     * question a line before ("Назовите номер карты.\nКлиент: 4149, 9490, 7777, 0974").
     */
    private static final int DICTATED_CUE_REACH = 100;

    @Override
    public void find(TextView view, List<Finding> out) {
        char[] s = view.chars();
        int n = s.length;
        char[] digits = null; // made at the first digit run: most texts have none, or no card
        int[] groupEnds = null;
        int[] groupDigits = null;
        WordStarts candidates = view.starts();
        int[] starts = candidates.sorted();
        int resume = 0;
        for (int k = candidates.first(WordStarts.NUMBER), last = candidates.end(WordStarts.NUMBER); k < last; k++) {
            int i = starts[k];
            if (i < resume || !Chars.isDigit(s[i]) || !Chars.notAlnumAt(s, i - 1)) {
                continue;
            }
            if (digits == null) {
                digits = new char[19];
                groupEnds = new int[20];
                groupDigits = new int[20];
            }
            int length = 0;
            int groups = 0;
            int p = i;
            char sep = 0;
            while (groups < 20) {
                int run = Chars.digitRun(s, p);
                if (run == 0 || length + run > 19) {
                    break;
                }
                System.arraycopy(s, p, digits, length, run);
                length += run;
                p += run;
                groupEnds[groups] = p;
                groupDigits[groups] = length;
                groups++;
                if (p + 1 < n && (s[p] == ' ' || s[p] == '-') && Chars.isDigit(s[p + 1]) && (sep == 0 || sep == s[p])) {
                    sep = s[p];
                    p++;
                } else if (run == 4
                        && (sep == 0 || sep == ',')
                        && Chars.startsWith(s, ", ", p)
                        && Chars.digitAt(s, p + 2)) {
                    sep = ','; // dictated: "4149, 5201, 3488, 4767"
                    p += 2;
                } else {
                    break;
                }
            }
            int found = -1;
            for (int g = groups - 1; g >= 0; g--) {
                int len = groupDigits[g];
                if (len >= 13
                        && (sep != ',' || g == 3 && len == 16)
                        && Chars.notAlnumAt(s, groupEnds[g])
                        && CardValidator.isValid(new String(digits, 0, len))) {
                    found = g;
                    break;
                }
            }
            if (found >= 0 && sep == ',' && !view.anyCue(i - DICTATED_CUE_REACH, i, CUES_SET)) {
                found = -1; // four numbers in a list, unless a card was asked for just before
            }
            if (found >= 0) {
                int end = groupEnds[found];
                double score = view.anyCue(i - 40, i, CUES_SET) ? 0.99 : 0.95;
                out.add(new Finding(EntityType.PAYMENT_CARD, i, end, score, "card"));
                resume = end;
            }
        }
    }
}
