package io.qorgan.gateway.detect;

import java.time.YearMonth;

/** Check digit and structure of Kazakh IIN and BIN numbers (12 digits, same mod-11 algorithm for both). */
final class KzIdValidator {

    private static final int[] FIRST = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] SECOND = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private KzIdValidator() {}

    /** The check digit for the first 11 digits at {@code from}, or -1 when no valid number exists for them. */
    static int checkDigit(CharSequence s, int from) {
        int r = weighted(s, from, FIRST);
        if (r == 10) {
            r = weighted(s, from, SECOND);
        }
        return r == 10 ? -1 : r;
    }

    private static int weighted(CharSequence s, int from, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (s.charAt(from + i) - '0') * weights[i];
        }
        return sum % 11;
    }

    /** Twelve digits at {@code from} whose last digit is the right check digit. */
    static boolean isValid(CharSequence s, int from) {
        if (from + 12 > s.length()) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (!Chars.isDigit(s.charAt(from + i))) {
                return false;
            }
        }
        int check = checkDigit(s, from);
        return check >= 0 && check == s.charAt(from + 11) - '0';
    }

    static boolean isValid(CharSequence twelveDigits) {
        return twelveDigits.length() == 12 && isValid(twelveDigits, 0);
    }

    /** Digits 1–6 form a real date YYMMDD and digit 7 is a century/sex code 1–6. */
    static boolean looksLikeIin(CharSequence s, int from) {
        int yy = num(s, from, 2);
        int mm = num(s, from + 2, 2);
        int dd = num(s, from + 4, 2);
        int c = s.charAt(from + 6) - '0';
        if (c < 1 || c > 6 || mm < 1 || mm > 12 || dd < 1) {
            return false;
        }
        int year = (c <= 2 ? 1800 : c <= 4 ? 1900 : 2000) + yy;
        return dd <= YearMonth.of(year, mm).lengthOfMonth();
    }

    /** Digits 3–4 a month, digit 5 a BIN entity type (4, 5, 6) and digit 6 a unit code (0–3). */
    static boolean looksLikeBin(CharSequence s, int from) {
        int mm = num(s, from + 2, 2);
        char type = s.charAt(from + 4);
        char unit = s.charAt(from + 5);
        return mm >= 1 && mm <= 12 && type >= '4' && type <= '6' && unit >= '0' && unit <= '3';
    }

    private static int num(CharSequence s, int from, int len) {
        int v = 0;
        for (int i = 0; i < len; i++) {
            v = v * 10 + (s.charAt(from + i) - '0');
        }
        return v;
    }
}
