package io.qorgan.gateway.protect;

import java.math.BigDecimal;

/**
 * What of a JSON number is scanned for personal data: the digits of its value when that value is a whole number of
 * {@value #MIN_DIGITS} digits or more, written as digits ({@code 871114403172}, also from {@code 8.71114403172E11}).
 * Identifiers are whole numbers; a number with a fraction is a measurement (a probability, an embedding), and one of
 * fewer digits is a count, an index or a token id: no recognizer can find anything in six digits or less
 * ({@code NumberTextTest} checks every such number against the detector), so those cost nothing.
 */
final class NumberText {

    /** The fewest digits in which a recognizer finds something (a phone without its code, say). */
    static final int MIN_DIGITS = 7;

    /** Whole numbers are written out up to this many digits (the longest card has 19); beyond, it is not an id. */
    private static final int MAX_DIGITS = 40;

    private NumberText() {}

    /** The text to scan for {@code literal}, a JSON number; null when it cannot hold personal data. */
    static String scanned(String literal) {
        int digits = 0;
        boolean plain = true;
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c != '-') {
                plain = false; // a fraction or an exponent
            }
        }
        if (plain) {
            return digits >= MIN_DIGITS ? literal : null;
        }
        if (literal.length() > 2 * MAX_DIGITS) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(literal).stripTrailingZeros();
        } catch (NumberFormatException e) {
            return null;
        }
        if (value.scale() > 0 || value.precision() - value.scale() > MAX_DIGITS) {
            return null; // a fraction, or a number far longer than any identifier
        }
        String whole = value.toBigIntegerExact().toString();
        int n = whole.startsWith("-") ? whole.length() - 1 : whole.length();
        return n >= MIN_DIGITS ? whole : null;
    }
}
