package io.qorgan.gateway.detect;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;

/**
 * Phone numbers. A hand-written scanner finds candidates (an optional {@code +}, digits in groups separated by
 * single spaces, dashes or brackets, 7–15 digits); libphonenumber decides. Kazakhstan is tried first, then the
 * default regions (US, GB, DE, FR, IL, IN, CA, BR). Unformatted digit runs are accepted only as Kazakh numbers or
 * with a {@code +}, because bare runs are far more often order numbers, IINs and dates.
 */
final class PhoneRecognizer implements Recognizer {

    private static final String[] FOREIGN_REGIONS = {"US", "GB", "DE", "FR", "IL", "IN", "CA", "BR"};
    private static final String[] CUES = {"тел", "моб", "phone", "tel", "whatsapp", "ұялы", "номер", "call", "звон"};

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    @Override
    public void find(TextView view, List<Finding> out) {
        String s = view.text();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            boolean starter = c == '+' || c == '(' || Chars.isDigit(c);
            if (!starter || !Chars.notAlnumAt(s, i - 1) || (c == '+' && !Chars.digitAt(s, i + 1) && !(i + 2 < n
                    && s.charAt(i + 1) == ' ' && Chars.isDigit(s.charAt(i + 2))))) {
                i = Chars.isAlnum(c) ? skipAlnum(s, i) : i + 1;
                continue;
            }
            int end = continuesNumber(s, i) ? -1 : scan(s, i);
            if (end > 0) {
                double score = accept(s, i, end, view.anyCue(i - 25, i, CUES));
                if (score > 0) {
                    out.add(new Finding(EntityType.PHONE, i, end, score, "phone"));
                    i = end;
                    continue;
                }
            }
            i = Chars.isAlnum(c) ? skipAlnum(s, i) : i + 1;
        }
    }

    /** A group right after digits and one separator belongs to a longer number (a card, an IBAN, a case number). */
    private static boolean continuesNumber(String s, int i) {
        return i >= 2 && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '-' || s.charAt(i - 1) == '/')
                && Chars.isDigit(s.charAt(i - 2));
    }

    private static int skipAlnum(String s, int i) {
        int j = i + 1;
        while (j < s.length() && Chars.isAlnum(s.charAt(j))) {
            j++;
        }
        return j;
    }

    /** End of a phone-shaped run from {@code start}, or -1. */
    private static int scan(String s, int start) {
        int n = s.length();
        int p = start;
        int digits = 0;
        int open = 0;
        int lastDigitEnd = -1;
        int seps = 0;
        if (s.charAt(p) == '+') {
            p++;
            if (p < n && s.charAt(p) == ' ') {
                p++;
            }
        }
        while (p < n && digits <= 15) {
            char c = s.charAt(p);
            if (Chars.isDigit(c)) {
                digits++;
                p++;
                lastDigitEnd = p;
                seps = 0;
            } else if (c == '(' && open == 0 && seps < 2) {
                open++;
                seps++;
                p++;
            } else if (c == ')' && open == 1 && seps == 0) {
                open--;
                seps++;
                p++;
            } else if ((c == ' ' || c == '-') && seps < 2 && p + 1 < n && lastDigitEnd > 0) {
                seps++;
                p++;
            } else {
                break;
            }
        }
        if (digits < 7 || digits > 15 || lastDigitEnd < 0 || open != 0 && !balancedBefore(s, start, lastDigitEnd)) {
            return -1;
        }
        if (!Chars.notAlnumAt(s, lastDigitEnd)) {
            return -1;
        }
        return lastDigitEnd;
    }

    private static boolean balancedBefore(String s, int start, int end) {
        int depth = 0;
        for (int i = start; i < end; i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')') {
                depth--;
            }
        }
        return depth == 0;
    }

    /** Score for a candidate, or 0 to reject. */
    private double accept(String s, int start, int end, boolean cue) {
        String candidate = s.substring(start, end);
        boolean plus = candidate.charAt(0) == '+';
        boolean formatted = false;
        int digits = 0;
        int group = 0;
        int longestGroup = 0;
        for (int k = 0; k < candidate.length(); k++) {
            char c = candidate.charAt(k);
            group = Chars.isDigit(c) ? group + 1 : 0;
            longestGroup = Math.max(longestGroup, group);
            if (Chars.isDigit(c)) {
                digits++;
            } else if (c != '+') {
                formatted = true;
            }
        }
        if (plus) {
            PhoneNumber number = parse(candidate, "ZZ");
            if (number != null && util.isValidNumber(number)) {
                return number.getCountryCode() == 7 ? 0.85 : 0.75;
            }
            return 0;
        }
        PhoneNumber kz = parse(candidate, "KZ");
        if (kz != null && kz.getCountryCode() == 7 && util.isValidNumberForRegion(kz, "KZ")
                && (digits == 10 || candidate.charAt(0) == '8' || candidate.charAt(0) == '7' || candidate.charAt(0) == '(')) {
            return formatted || cue ? 0.85 : 0.7;
        }
        if (!formatted || longestGroup > 7) {
            return 0;
        }
        boolean trunkOrBracket = candidate.charAt(0) == '0' || candidate.charAt(0) == '(';
        if (digits < 10 && !trunkOrBracket) {
            return 0;
        }
        for (String region : FOREIGN_REGIONS) {
            PhoneNumber number = parse(candidate, region);
            if (number != null && util.isValidNumberForRegion(number, region)) {
                return cue ? 0.75 : 0.65;
            }
        }
        return 0;
    }

    private PhoneNumber parse(String candidate, String region) {
        try {
            return util.parse(candidate, region);
        } catch (NumberParseException e) {
            return null;
        }
    }
}
