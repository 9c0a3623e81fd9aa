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
    private static final CueSet CUES_SET = new CueSet(CUES);
    /**
     * Cues that name the number a phone, unlike "номер", which names any number; each at a word's start ("тел" in
     * "исполнительного" or "заявитель" names nothing).
     */
    private static final CueSet STRONG_CUES_SET = new CueSet(
            "тел",
            "моб",
            "phone",
            "tel",
            "whatsapp",
            "ұялы",
            "call",
            "звон",
            "позвон",
            "байланыс",
            "contact",
            "контакт");
    /** Numbers of other things: a number that is not a Kazakh phone after these is not taken for a foreign one. */
    private static final CueSet OTHER_NUMBER_CUES_SET =
            new CueSet(Lexicons.concat(Lexicons.OTHER_NUMBER_WORDS, new String[] {
                "№",
                "регистрационн",
                "тіркеу",
                "іс ",
                "приказ",
                "бұйрық",
                "case",
                "ref",
                "шарт",
                "өтінім",
                "протокол",
                "нөмірі",
                "заявлени",
                "производств", // исполнительное производство: a case's number, "04-0118-22-0331"
                "конференц", // a meeting's id: "zoom конференции … id 441 882 7731"
                "zoom",
                "meeting id"
            }));
    /** A number followed by these is an amount. */
    private static final String[] CURRENCIES = {
        "тенге", "теңге", "тг", "₸", "kzt", "руб", "usd", "eur", "долл", "евро", "сом", "млн", "тыс", "mln", "$"
    };

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final PhoneValidity validity = new PhoneValidity(util);

    @Override
    public void find(TextView view, List<Finding> out) {
        char[] s = view.chars();
        int n = s.length;
        WordStarts candidates = view.starts();
        int[] starts = candidates.sorted();
        int resume = 0;
        for (int k = candidates.first(WordStarts.NUMBER), last = candidates.end(WordStarts.NUMBER); k < last; k++) {
            int i = starts[k];
            if (i < resume) {
                continue;
            }
            char c = s[i];
            boolean starter = c == '+' || c == '(' || Chars.isDigit(c);
            if (!starter
                    || !Chars.notAlnumAt(s, i - 1)
                    || (c == '+'
                            && !Chars.digitAt(s, i + 1)
                            && !(i + 2 < n && s[i + 1] == ' ' && Chars.isDigit(s[i + 2])))) {
                continue;
            }
            int end = continuesNumber(s, i) ? -1 : scan(s, i);
            if (end > 0 && (amount(view.lower(), end) || cadastral(s, i, end))) {
                end = -1;
            }
            if (end > 0) {
                double score = accept(s, i, end);
                if (score > 0
                        && score < 0.7
                        && (afterNumberSign(s, i)
                                || view.anyCue(i - 35, i, OTHER_NUMBER_CUES_SET)
                                        && !view.anyCueWord(i - 35, i, STRONG_CUES_SET))) {
                    // "Кадастровый номер 21-320-077-118", "№ 05-1123981"; right after "№" whatever word came
                    // before it: "Заявка в Call-центр № 05-2261407"
                    score = 0;
                }
                if (score > 0 && score < 0.85 && view.anyCue(i - 25, i, CUES_SET)) {
                    score += 0.1;
                }
                if (score > 0) {
                    out.add(new Finding(EntityType.PHONE, i, end, score, "phone"));
                    resume = end;
                    continue;
                }
            }
            int local = Chars.isDigit(c) && i > 0 && (s[i - 1] == ' ' || s[i - 1] == ':') ? localNumber(s, i) : -1;
            if (local > 0 && view.anyCueWord(i - LOCAL_CUE_REACH, i, LOCAL_CUES)) {
                out.add(new Finding(EntityType.PHONE, i, local, 0.8, "phone")); // "дом. тел. 21-45-67"
                resume = local;
            }
        }
        SpokenPhone.find(view, out);
    }

    /** Whether "№" stands right before {@code p}, a space between or none. */
    private static boolean afterNumberSign(char[] s, int p) {
        int q = p > 0 && s[p - 1] == ' ' ? p - 2 : p - 1;
        return q >= 0 && s[q] == '№';
    }

    /**
     * Words for a home phone before a city number without its code: a home's line is its people's, where an office's
     * ("Исп. Аймагамбетова Ж., тел. 55-12-40") is the agency's own.
     */
    private static final CueSet LOCAL_CUES =
            new CueSet("дом. тел", "дом.тел", "домашн", "үй тел", "үйдің тел", "home phone", "home tel");

    /** How far before a city number its home-phone words may begin: "домашний телефон: 21-45-67". */
    private static final int LOCAL_CUE_REACH = 22;

    /**
     * End of a city number without its code at {@code p}, as offices and homes give theirs: two or three digits, then
     * two groups of two, parted by dashes ("55-12-34", "255-12-34"), nothing alphanumeric or another group after; or -1.
     */
    private static int localNumber(char[] s, int p) {
        int first = Chars.digitRun(s, p);
        int q = p + first;
        if (first < 2 || first > 3) {
            return -1;
        }
        for (int group = 0; group < 2; group++) {
            if (q + 3 > s.length || s[q] != '-' || Chars.digitRun(s, q + 1) != 2) {
                return -1;
            }
            q += 3;
        }
        boolean goesOn = q + 1 < s.length && (s[q] == '-' || s[q] == '.' || s[q] == '/') && Chars.isDigit(s[q + 1]);
        return Chars.notAlnumAt(s, q) && !goesOn ? q : -1;
    }

    /** Whether a currency word follows {@code end}: "7 701 234 567 тенге" is an amount. */
    private static boolean amount(char[] lower, int end) {
        int p = end;
        while (p < lower.length && p - end < 2 && lower[p] == ' ') {
            p++;
        }
        if (p >= lower.length) {
            return false; // no currency word fits past the end
        }
        char first = lower[p];
        for (char[] c : CURRENCY_CHARS) {
            if (c[0] == first && Chars.startsWith(lower, c, p)) { // after most numbers: one compare a word
                return true;
            }
        }
        return false;
    }

    /** {@link #CURRENCIES} as char arrays: compared after every phone-shaped number. */
    private static final char[][] CURRENCY_CHARS = Chars.arrays(CURRENCIES);

    /** Groups of two, three, three and three digits ("21-320-077-118"): the shape of a Kazakh cadastral number. */
    private static boolean cadastral(char[] s, int start, int end) {
        if (s[start] == '+') {
            return false;
        }
        int p = start;
        int groups = 0;
        while (p < end) {
            int run = Chars.digitRun(s, p);
            if (run != (groups == 0 ? 2 : 3)) {
                return false;
            }
            groups++;
            p += run + 1;
        }
        return groups == 4;
    }

    /** A group right after digits and one separator belongs to a longer number (a card, an IBAN, a case number). */
    private static boolean continuesNumber(char[] s, int i) {
        if (i < 2 || !(s[i - 1] == ' ' || s[i - 1] == '-' || s[i - 1] == '/')) {
            return false;
        }
        // the group before holds a digit ("…1234 5678", "999A 0000"): we are inside a card, IBAN or case number
        for (int p = i - 2; p >= 0 && i - p <= 10 && Chars.isAlnum(s[p]); p--) {
            if (Chars.isDigit(s[p])) {
                return true;
            }
        }
        return false;
    }

    /** End of a phone-shaped run from {@code start}, or -1. */
    private static int scan(char[] s, int start) {
        int n = s.length;
        int p = start;
        int digits = 0;
        int open = 0;
        int lastDigitEnd = -1;
        int seps = 0;
        if (s[p] == '+') {
            p++;
            if (p < n && s[p] == ' ') {
                p++;
            }
        }
        while (p < n && digits <= 15) {
            char c = s[p];
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

    private static boolean balancedBefore(char[] s, int start, int end) {
        int depth = 0;
        for (int i = start; i < end; i++) {
            if (s[i] == '(') {
                depth++;
            } else if (s[i] == ')') {
                depth--;
            }
        }
        return depth == 0;
    }

    /** Score for a candidate, or 0 to reject. */
    private double accept(char[] s, int start, int end) {
        boolean plus = s[start] == '+';
        boolean formatted = false;
        int digits = 0;
        int group = 0;
        int longestGroup = 0;
        char[] digitChars = new char[end - start];
        for (int k = start; k < end; k++) {
            char c = s[k];
            group = Chars.isDigit(c) ? group + 1 : 0;
            longestGroup = Math.max(longestGroup, group);
            if (Chars.isDigit(c)) {
                digitChars[digits++] = c;
            } else if (c != '+') {
                formatted = true;
            }
        }
        String digitsOnly = new String(digitChars, 0, digits);
        if (plus) {
            int cc = international(digitsOnly);
            return cc == 0 ? 0 : cc == 7 ? 0.85 : 0.75;
        }
        char lead = s[start];
        boolean kzShape = digits == 10 && lead == '7'
                || digits == 11 && (lead == '8' || lead == '7')
                || lead == '(' && digits == 10
                || lead == '8' && digits == 11;
        if (!kzShape && !formatted) {
            return 0;
        }
        if (kzShape && validKazakh(digitsOnly)) {
            return formatted ? 0.85 : 0.7;
        }
        if (!formatted || longestGroup > 7) {
            return 0;
        }
        boolean trunkOrBracket = lead == '0' || lead == '(';
        String candidate = Chars.string(s, start, end);
        if (digits < 10 && !trunkOrBracket
                || digits > 12
                || startsWithYear(candidate)
                || lead == '(' && startsWithYear(candidate.substring(1))) { // a date in brackets: "(2019-06-30"
            return 0;
        }
        for (String region : FOREIGN_REGIONS) {
            PhoneNumber number = parse(candidate, region);
            if (number != null && util.isValidNumberForRegion(number, region)) {
                return 0.65;
            }
        }
        return 0;
    }

    /**
     * Country code of a valid number written with {@code +}, or 0. The digits are validated directly rather than parsed:
     * parsing normalises with regular expressions and costs several microseconds per candidate.
     */
    private int international(CharSequence digits) {
        for (int ccLength = 1; ccLength <= 3 && ccLength < digits.length() - 3; ccLength++) {
            int cc = Integer.parseInt(digits, 0, ccLength, 10);
            if (!validity.geographic(cc)) {
                continue;
            }
            return nationalLength(digits, ccLength)
                            && validity.valid(
                                    cc,
                                    digits.subSequence(ccLength, digits.length())
                                            .toString())
                    ? cc
                    : 0;
        }
        return 0;
    }

    /** A Kazakh number: 10 national digits, or 11 with the trunk 8 or the country code 7 in front. */
    private boolean validKazakh(CharSequence digits) {
        int from = digits.length() == 11 ? 1 : 0;
        if (digits.length() - from != 10) {
            return false;
        }
        return validity.validInRegion(digits.subSequence(from, digits.length()).toString(), "KZ");
    }

    /**
     * Whether {@code digits[from, end)} can be a national number. It is then passed to {@link PhoneValidity} as it is:
     * libphonenumber's national significant number of such digits (leading zeros kept) is the same string.
     */
    private static boolean nationalLength(CharSequence digits, int from) {
        int length = digits.length() - from;
        return length >= 4 && length <= 14;
    }

    /** "2024-118833": an invoice or case number that starts with a year, not a phone. */
    private static boolean startsWithYear(String candidate) {
        return candidate.length() > 4
                && (candidate.startsWith("19") || candidate.startsWith("20"))
                && Chars.isDigit(candidate.charAt(2))
                && Chars.isDigit(candidate.charAt(3))
                && !Chars.isDigit(candidate.charAt(4));
    }

    private PhoneNumber parse(String candidate, String region) {
        try {
            return util.parse(candidate, region);
        } catch (NumberParseException e) {
            return null;
        }
    }
}
