package io.qorgan.gateway.detect;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Locale;

/**
 * The canonical key of a found value, so that different spellings of one value share one placeholder: IIN, BIN and
 * card digits only; phones in E.164 (Kazakhstan assumed without a country code); e-mails in lower case; IBANs upper
 * case without separators; names case-folded with Russian and Kazakh declension endings reduced ("Ивановым Иваном"
 * and "Иванов Иван" give one key, as do "Айгүлге" and "Айгүл"); other types trimmed, folded and with runs of
 * spaces collapsed.
 */
public final class Canonical {

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private Canonical() {
    }

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

    private static String digits(String v) {
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
     * microseconds a value): {@code +7} and ten digits, and {@code 8} and ten digits, separated by spaces, dashes and
     * brackets only. Null for anything else. {@code CanonicalTest} checks it against the parse on random numbers.
     */
    static String phoneFast(String v) {
        int n = v.length();
        boolean plus = n > 0 && v.charAt(0) == '+';
        char[] digits = new char[12];
        int count = 0;
        for (int i = plus ? 1 : 0; i < n; i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                if (count == 11) {
                    return null;
                }
                digits[1 + count++] = c;
            } else if (c != ' ' && c != '-' && c != '(' && c != ')') {
                return null;
            }
        }
        if (count != 11 || !(plus ? digits[1] == '7' : digits[1] == '8') || digits[2] < '3') {
            return null;
        }
        digits[0] = '+';
        digits[1] = '7';
        return new String(digits);
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
            b.append(NameForms.reduce(NameForms.fold(v.substring(i, e))));
            i = e;
        }
        return b.toString();
    }

    private static String collapse(String v) {
        return SPACES.matcher(NameForms.fold(v)).replaceAll(" ");
    }
}
