package io.qorgan.gateway.detect;

import java.util.List;

/**
 * E-mail addresses found from their {@code @}: the local part is grown to the left and the domain to the right,
 * each stopping at the previous or next {@code @}, so every char is looked at a bounded number of times. Local
 * parts and domains may be Cyrillic (internationalised) or punycode.
 */
final class EmailRecognizer implements Recognizer {

    @Override
    public void find(TextView view, List<Finding> out) {
        char[] s = view.chars();
        int n = s.length;
        int lastEnd = 0;
        WordStarts starts = view.starts();
        int[] ats = starts.ats();
        for (int k = 0, count = starts.atCount(); k < count; k++) {
            int at = ats[k];
            if (at < lastEnd) {
                continue; // inside the last address found
            }
            int start = at;
            while (start > lastEnd && isLocal(s[start - 1])) {
                start--;
            }
            while (start < at && (s[start] == '.' || s[start] == '-')) {
                start++;
            }
            if (start == at || s[at - 1] == '.') {
                continue;
            }
            int end = at + 1;
            while (end < n && isDomain(s[end])) {
                end++;
            }
            while (end > at + 1 && (s[end - 1] == '.' || s[end - 1] == '-')) {
                end--;
            }
            if (validDomain(s, at + 1, end)) {
                out.add(new Finding(EntityType.EMAIL, start, end, 0.99, "email"));
                lastEnd = end;
            }
        }
    }

    /**
     * Whether {@code s[from, to)} is an e-mail address and nothing else, by the same local part and domain this
     * recognizer grows from an {@code @}: "d.pak1987@inbox.kz" is one, the password "Qwe@rty.1" is none.
     */
    static boolean isAddress(char[] s, int from, int to) {
        int at = Chars.indexOf(s, '@', from, to);
        if (at <= from || s[from] == '.' || s[from] == '-' || s[at - 1] == '.') {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (i < at ? !isLocal(s[i]) : i > at && !isDomain(s[i])) {
                return false;
            }
        }
        return validDomain(s, at + 1, to);
    }

    private static boolean isLocal(char c) {
        return Chars.isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\'';
    }

    private static boolean isDomain(char c) {
        return Chars.isAlnum(c) || c == '.' || c == '-';
    }

    /** At least two labels, none empty or edged with a dash, and a top-level label of letters (or punycode). */
    private static boolean validDomain(char[] s, int from, int to) {
        if (to - from < 3) {
            return false;
        }
        int labels = 0;
        int labelStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || s[i] == '.') {
                if (i == labelStart || s[labelStart] == '-' || s[i - 1] == '-') {
                    return false;
                }
                labels++;
                if (i == to) {
                    return labels >= 2 && validTld(s, labelStart, to);
                }
                labelStart = i + 1;
            }
        }
        return false;
    }

    private static boolean validTld(char[] s, int from, int to) {
        if (to - from < 2) {
            return false;
        }
        if (Chars.startsWith(s, "xn--", from)) {
            return true;
        }
        for (int i = from; i < to; i++) {
            if (!Chars.isLetter(s[i])) {
                return false;
            }
        }
        return true;
    }
}
