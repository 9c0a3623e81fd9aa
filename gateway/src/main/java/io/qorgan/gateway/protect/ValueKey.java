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
            case IBAN -> value.toString().replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
            default -> value.toString().trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        };
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
