package io.qorgan.gateway.detect;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Arrays;
import java.util.Locale;

/**
 * The canonical key of a found value, so that different spellings of one value share one placeholder: IIN, BIN and
 * card digits only; phones in E.164 (Kazakhstan assumed without a country code); e-mails in lower case; IBANs upper
 * case without separators; names case-folded with Russian and Kazakh declension endings reduced ("Ивановым Иваном"
 * and "Иванов Иван" give one key, as do "Айгүлге" and "Айгүл"); other types trimmed, folded and with runs of
 * spaces collapsed.
 */
public final class Canonical {

    private Canonical() {}

    public static String canonical(EntityType type, CharSequence value) {
        String v = TextView.of(value).text().strip();
        return switch (type) {
            case IIN, BIN, PAYMENT_CARD -> digits(v);
            case PHONE -> phone(v);
            case EMAIL -> v.toLowerCase(Locale.ROOT);
            case IBAN, ID_DOCUMENT -> alnumUpper(v);
            case VEHICLE_PLATE -> plate(v);
            case PERSON -> person(v);
            default -> collapse(v);
        };
    }

    /** The digits of {@code v}, in order, without anything between them. */
    static String digits(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            if (Chars.isDigit(v.charAt(i))) {
                b.append(v.charAt(i));
            }
        }
        return b.toString();
    }

    private static String alnumUpper(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Chars.isAlnum(c)) {
                b.append(Character.toUpperCase(c));
            }
        }
        return b.toString();
    }

    private static String plate(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = Character.toUpperCase(v.charAt(i));
            char latin = VehiclePlateRecognizer.plateLetter(c);
            if (latin != 0) {
                b.append(latin);
            } else if (Chars.isDigit(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String phone(String v) {
        String fast = phoneFast(v);
        return fast != null ? fast : phoneParsed(v);
    }

    /**
     * E.164 of the usual shapes without libphonenumber's parse, which normalises with regular expressions (several
     * microseconds a value), or null for anything else: {@code +7} or {@code 8} (Kazakhstan's trunk prefix) and ten
     * digits starting 3-9, and {@code +} with one of the common country codes below and a national number that
     * starts with 2-7 or 9 (so no national or trunk prefix the parse would strip); separators only spaces, dashes and brackets. For these the
     * parse yields exactly the digits. {@code CanonicalTest} checks the fast path against the parse on random numbers.
     */
    static String phoneFast(String v) {
        int n = v.length();
        boolean plus = n > 0 && v.charAt(0) == '+';
        char[] digits = new char[16];
        int count = 0;
        for (int i = plus ? 1 : 0; i < n; i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                if (count == 15) {
                    return null;
                }
                digits[1 + count++] = c;
            } else if (c != ' ' && c != '-' && c != '(' && c != ')') {
                return null;
            }
        }
        digits[0] = '+';
        if (!plus) {
            if (count != 11 || digits[1] != '8' || digits[2] < '3') {
                return null;
            }
            digits[1] = '7';
            return new String(digits, 0, 12);
        }
        if (digits[1] == '7') {
            return count == 11 && digits[2] >= '3' ? new String(digits, 0, 12) : null; // +7: ten national digits
        }
        int cc = countryCodeLength(digits, count);
        if (cc == 0 || count - cc < 7 || !nationalStart(digits[1 + cc])) {
            return null;
        }
        return new String(digits, 0, 1 + count);
    }

    private static final String[] FAST_COUNTRY_CODES = {
        "1", "7", "33", "39", "44", "49", "81", "82", "86", "90", "374", "375", "380", "971", "992", "993", "994",
        "995", "996", "998"
    };

    private static int countryCodeLength(char[] digits, int count) {
        for (String cc : FAST_COUNTRY_CODES) {
            if (count > cc.length() && Arrays.equals(digits, 1, 1 + cc.length(), cc.toCharArray(), 0, cc.length())) {
                return cc.length();
            }
        }
        return 0;
    }

    private static boolean nationalStart(char c) {
        return c >= '2' && c <= '9' && c != '8';
    }

    static String phoneParsed(String v) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            return util.format(util.parse(v, "KZ"), PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return "+" + digits(v);
        }
    }

    private static String person(String v) {
        StringBuilder b = new StringBuilder(v.length());
        char[] word = new char[v.length()];
        int i = 0;
        while (i < v.length()) {
            if (!Chars.isLetter(v.charAt(i))) {
                i++;
                continue;
            }
            int e = i;
            while (e < v.length() && (Chars.isLetter(v.charAt(e)) || v.charAt(e) == '-')) {
                e++;
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            if (NameForms.foldPlain(v, i, e, word)) {
                b.append(word, 0, NameForms.reducedLength(word, e - i)); // no strings per word
            } else {
                b.append(NameForms.reduce(NameForms.fold(v.substring(i, e))));
            }
            i = e;
        }
        return b.toString();
    }

    /** Folded, each run of {@code \s} (space, tab, line breaks, VT, FF) one space: as a regex would, by hand. */
    static String collapse(String v) {
        String folded = NameForms.fold(v);
        int n = folded.length();
        int i = 0;
        while (i < n
                && !(isRegexSpace(folded.charAt(i))
                        && (folded.charAt(i) != ' ' || i + 1 < n && isRegexSpace(folded.charAt(i + 1))))) {
            i++; // the usual value has single spaces only: kept as it is
        }
        if (i == n) {
            return folded;
        }
        StringBuilder b = new StringBuilder(n).append(folded, 0, i);
        while (i < n) {
            char c = folded.charAt(i++);
            if (isRegexSpace(c)) {
                b.append(' ');
                while (i < n && isRegexSpace(folded.charAt(i))) {
                    i++;
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\013' || c == '\f' || c == '\r';
    }
}
