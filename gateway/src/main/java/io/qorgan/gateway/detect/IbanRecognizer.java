package io.qorgan.gateway.detect;

import java.util.List;

/**
 * IBANs written solid or in groups separated by single spaces or dashes. The candidate takes exactly the
 * country's length and must end where a group ends, so a longer run of groups is not cut into a false match.
 */
final class IbanRecognizer implements Recognizer {

    @Override
    public void find(TextView view, List<Finding> out) {
        char[] s = view.chars();
        int n = s.length;
        StringBuilder compact = null; // made for the first candidate: most texts have none
        WordStarts candidates = view.starts();
        int[] starts = candidates.sorted();
        int resume = 0;
        for (int k = candidates.first(WordStarts.CAPITAL), end = candidates.end(WordStarts.CAPITAL); k < end; k++) {
            int i = starts[k];
            if (i < resume
                    || i + 4 >= n
                    || !Chars.isAsciiUpper(s[i])
                    || !Chars.isAsciiUpper(s[i + 1])
                    || !Chars.isDigit(s[i + 2])
                    || !Chars.isDigit(s[i + 3])
                    || !Chars.notAlnumAt(s, i - 1)) {
                continue;
            }
            int want = IbanValidator.length(view.text(), i);
            if (want == 0) {
                continue;
            }
            if (compact == null) {
                compact = new StringBuilder(34);
            }
            compact.setLength(0);
            int p = i;
            char sep = 0;
            while (p < n && compact.length() < want) {
                char c = s[p];
                if (Chars.isAsciiAlnum(c)) {
                    compact.append(c);
                    p++;
                } else if ((c == ' ' || c == '-')
                        && (sep == 0 || sep == c)
                        && p + 1 < n
                        && Chars.isAsciiAlnum(s[p + 1])
                        && p > i) {
                    sep = c;
                    p++;
                } else {
                    break;
                }
            }
            if (compact.length() == want && Chars.notAlnumAt(s, p) && IbanValidator.isValid(compact)) {
                out.add(new Finding(EntityType.IBAN, i, p, 0.99, "iban"));
                resume = p;
            }
        }
    }
}
