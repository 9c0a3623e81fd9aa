package io.qorgan.gateway.detect;

import java.util.Map;

/** IBAN: length per country (SWIFT IBAN registry) and the ISO 7064 MOD 97-10 check. */
final class IbanValidator {

    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24),
            Map.entry("AE", 23),
            Map.entry("AL", 28),
            Map.entry("AT", 20),
            Map.entry("AZ", 28),
            Map.entry("BA", 20),
            Map.entry("BE", 16),
            Map.entry("BG", 22),
            Map.entry("BH", 22),
            Map.entry("BI", 27),
            Map.entry("BR", 29),
            Map.entry("BY", 28),
            Map.entry("CH", 21),
            Map.entry("CR", 22),
            Map.entry("CY", 28),
            Map.entry("CZ", 24),
            Map.entry("DE", 22),
            Map.entry("DJ", 27),
            Map.entry("DK", 18),
            Map.entry("DO", 28),
            Map.entry("EE", 20),
            Map.entry("EG", 29),
            Map.entry("ES", 24),
            Map.entry("FI", 18),
            Map.entry("FK", 18),
            Map.entry("FO", 18),
            Map.entry("FR", 27),
            Map.entry("GB", 22),
            Map.entry("GE", 22),
            Map.entry("GI", 23),
            Map.entry("GL", 18),
            Map.entry("GR", 27),
            Map.entry("GT", 28),
            Map.entry("HR", 21),
            Map.entry("HU", 28),
            Map.entry("IE", 22),
            Map.entry("IL", 23),
            Map.entry("IQ", 23),
            Map.entry("IS", 26),
            Map.entry("IT", 27),
            Map.entry("JO", 30),
            Map.entry("KW", 30),
            Map.entry("KZ", 20),
            Map.entry("LB", 28),
            Map.entry("LC", 32),
            Map.entry("LI", 21),
            Map.entry("LT", 20),
            Map.entry("LU", 20),
            Map.entry("LV", 21),
            Map.entry("LY", 25),
            Map.entry("MC", 27),
            Map.entry("MD", 24),
            Map.entry("ME", 22),
            Map.entry("MK", 19),
            Map.entry("MN", 20),
            Map.entry("MR", 27),
            Map.entry("MT", 31),
            Map.entry("MU", 30),
            Map.entry("NI", 28),
            Map.entry("NL", 18),
            Map.entry("NO", 15),
            Map.entry("OM", 23),
            Map.entry("PK", 24),
            Map.entry("PL", 28),
            Map.entry("PS", 29),
            Map.entry("PT", 25),
            Map.entry("QA", 29),
            Map.entry("RO", 24),
            Map.entry("RS", 22),
            Map.entry("RU", 33),
            Map.entry("SA", 24),
            Map.entry("SC", 31),
            Map.entry("SD", 18),
            Map.entry("SE", 24),
            Map.entry("SI", 19),
            Map.entry("SK", 24),
            Map.entry("SM", 27),
            Map.entry("SO", 23),
            Map.entry("ST", 25),
            Map.entry("SV", 28),
            Map.entry("TL", 23),
            Map.entry("TN", 24),
            Map.entry("TR", 26),
            Map.entry("UA", 29),
            Map.entry("VA", 22),
            Map.entry("VG", 24),
            Map.entry("XK", 20),
            Map.entry("YE", 30));

    private IbanValidator() {}

    /** Expected length for a country code, or 0 when the country has no IBAN. */
    static int length(CharSequence s, int from) {
        Integer len = LENGTHS.get(s.subSequence(from, from + 2).toString());
        return len == null ? 0 : len;
    }

    /** Whether {@code iban} (upper case, no separators) has its country's length, structure and check digits. */
    static boolean isValid(CharSequence iban) {
        int len = iban.length();
        if (len < 15
                || !Chars.isAsciiUpper(iban.charAt(0))
                || !Chars.isAsciiUpper(iban.charAt(1))
                || length(iban, 0) != len
                || !Chars.isDigit(iban.charAt(2))
                || !Chars.isDigit(iban.charAt(3))) {
            return false;
        }
        for (int i = 4; i < len; i++) {
            char c = iban.charAt(i);
            if (!Chars.isDigit(c) && !Chars.isAsciiUpper(c)) {
                return false;
            }
        }
        if (iban.charAt(0) == 'K' && iban.charAt(1) == 'Z') {
            for (int i = 4; i < 7; i++) {
                if (!Chars.isDigit(iban.charAt(i))) {
                    return false; // Kazakh bank codes are numeric
                }
            }
        }
        return mod97(iban) == 1;
    }

    private static int mod97(CharSequence iban) {
        int len = iban.length();
        long r = 0;
        for (int k = 0; k < len; k++) {
            char c = iban.charAt((k + 4) % len);
            if (Chars.isDigit(c)) {
                r = (r * 10 + (c - '0')) % 97;
            } else {
                r = (r * 100 + (c - 'A' + 10)) % 97;
            }
        }
        return (int) r;
    }
}
