package io.qorgan.gateway.protect;

import io.qorgan.gateway.detect.EntityType;
import java.util.Locale;

/**
 * The canonical key of a value: two surface forms with the same key are the same value and get
 * the same placeholder. Production passes {@code Canonical::canonical}. Must be thread-safe.
 */
@FunctionalInterface
public interface ValueKey {

    String key(EntityType type, CharSequence value);

    /**
     * A simple key for tests and fallbacks: digits only for numeric types (IIN, BIN, phone, card,
     * IBAN digits and letters), otherwise trimmed, whitespace collapsed and case-folded.
     */
    static ValueKey simple() {
        return (type, value) -> switch (type) {
            case IIN, BIN, PHONE, PAYMENT_CARD -> digitsOnly(value);
            case IBAN -> collapseSpaces(value, false).toUpperCase(Locale.ROOT);
            default -> collapseSpaces(value, true).toLowerCase(Locale.ROOT);
        };
    }

    // Trims; inner whitespace runs become one space (keep) or nothing.
    private static String collapseSpaces(CharSequence value, boolean keep) {
        StringBuilder sb = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = sb.length() > 0;
            } else {
                if (space && keep) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String digitsOnly(CharSequence value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
