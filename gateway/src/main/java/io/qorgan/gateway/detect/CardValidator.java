package io.qorgan.gateway.detect;

/** Payment card numbers: Luhn checksum plus the issuer prefixes and lengths the networks publish. */
final class CardValidator {

    private CardValidator() {}

    static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /** Whether a known network issues numbers with this prefix and length. */
    static boolean knownIssuer(CharSequence d) {
        int len = d.length();
        int p1 = d.charAt(0) - '0';
        int p2 = prefix(d, 2);
        int p3 = prefix(d, 3);
        int p4 = prefix(d, 4);
        int p6 = len >= 6 ? prefix(d, 6) : -1;
        if (p1 == 4) {
            return len == 13 || len == 16 || len == 19; // Visa
        }
        if (p2 >= 51 && p2 <= 55 || p4 >= 2221 && p4 <= 2720) {
            return len == 16; // Mastercard
        }
        if (p4 >= 2200 && p4 <= 2204) {
            return len >= 16 && len <= 19; // Mir
        }
        if (p2 == 34 || p2 == 37) {
            return len == 15; // American Express
        }
        if (p3 >= 300 && p3 <= 305 || p2 == 36 || p2 == 38 || p2 == 39) {
            return len >= 14 && len <= 19; // Diners Club
        }
        if (p4 == 6011 || p3 >= 644 && p3 <= 649 || p2 == 65 || p6 >= 622126 && p6 <= 622925) {
            return len >= 16 && len <= 19; // Discover
        }
        if (p4 >= 3528 && p4 <= 3589) {
            return len >= 16 && len <= 19; // JCB
        }
        if (p2 == 62 || p2 == 81) {
            return len >= 16 && len <= 19; // UnionPay
        }
        if (p2 == 50 || p2 >= 56 && p2 <= 69) {
            return len >= 12 && len <= 19; // Maestro and national debit schemes
        }
        if (p1 == 1) {
            return len == 15; // UATP
        }
        if (p4 == 9860 || p4 == 8600) {
            return len == 16; // Humo and Uzcard, Uzbekistan's national cards
        }
        return false;
    }

    private static int prefix(CharSequence d, int n) {
        int v = 0;
        for (int i = 0; i < n && i < d.length(); i++) {
            v = v * 10 + (d.charAt(i) - '0');
        }
        return v;
    }

    static boolean isValid(CharSequence digits) {
        return digits.length() >= 12 && digits.length() <= 19 && knownIssuer(digits) && luhn(digits);
    }
}
