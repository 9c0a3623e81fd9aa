package io.qorgan.gateway.protect;

import io.qorgan.gateway.detect.EntityType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Applies an {@link Operator} to one found value. Immutable and thread-safe: the engines that
 * are not (MAC, FF1) are created per call, which costs little next to detection.
 */
final class Operators {

    static final String REDACTED = "[REDACTED]";
    private static final int FPE_MIN_DIGITS = 6; // FF1 with radix 10 needs a domain of at least 10^6
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final byte[] hashKey;
    private final byte[] fpeKey;

    Operators(ProtectionKeys keys) {
        this.hashKey = keys.hashKey();
        this.fpeKey = keys.fpeKey();
    }

    String apply(Operator op, EntityType type, String original, String key, ExchangeVault vault) {
        switch (op) {
            case PLACEHOLDER:
                return vault.placeholder(type, key, original);
            case FPE:
                String encrypted = fpe(type, original);
                if (encrypted == null) {
                    return vault.placeholder(type, key, original); // too few digits to encrypt safely
                }
                vault.note(type, key);
                vault.recordSurrogate(encrypted, original);
                return encrypted;
            case MASK:
                vault.note(type, key);
                return mask(type, original);
            case REDACT:
                vault.note(type, key);
                return REDACTED;
            case HASH:
                vault.note(type, key);
                return "[" + type.name() + "_h:" + hmacHex(type.name() + ":" + key) + "]";
            case KEEP:
            default:
                vault.note(type, key);
                return original;
        }
    }

    private String hmacHex(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hashKey, "HmacSHA256"));
            byte[] digest = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            char[] out = new char[8];
            for (int i = 0; i < 4; i++) {
                out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
                out[2 * i + 1] = HEX[digest[i] & 0xF];
            }
            return new String(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Encrypts the digits in place, keeping every other character; null when there are too few digits. */
    private String fpe(EntityType type, String original) {
        int n = 0;
        for (int i = 0; i < original.length(); i++) {
            if (PlaceholderGrammar.isDigit(original.charAt(i))) {
                n++;
            }
        }
        if (n < FPE_MIN_DIGITS) {
            return null;
        }
        byte[] digits = new byte[n];
        for (int i = 0, k = 0; i < original.length(); i++) {
            if (PlaceholderGrammar.isDigit(original.charAt(i))) {
                digits[k++] = (byte) (original.charAt(i) - '0');
            }
        }
        byte[] enc = new byte[n];
        FPEFF1Engine engine = new FPEFF1Engine();
        engine.init(
                true,
                new FPEParameters(new KeyParameter(fpeKey), 10, type.name().getBytes(StandardCharsets.US_ASCII)));
        engine.processBlock(digits, 0, n, enc, 0);
        StringBuilder sb = new StringBuilder(original.length());
        for (int i = 0, k = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            sb.append(PlaceholderGrammar.isDigit(c) ? (char) ('0' + enc[k++]) : c);
        }
        return sb.toString();
    }

    static String mask(EntityType type, String value) {
        return switch (type) {
            case PHONE -> maskDigits(value, 4, 2);
            case PAYMENT_CARD -> maskDigits(value, 4, 4);
            case IIN, BIN, IBAN -> maskDigits(value, 2, 2);
            case EMAIL -> maskEmail(value);
            default -> maskWords(value);
        };
    }

    // Masks digits except the first `head` and last `tail` of them; separators stay.
    private static String maskDigits(String value, int head, int tail) {
        int total = 0;
        for (int i = 0; i < value.length(); i++) {
            if (PlaceholderGrammar.isDigit(value.charAt(i))) {
                total++;
            }
        }
        if (total <= head + tail) {
            return maskWords(value);
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0, k = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (PlaceholderGrammar.isDigit(c)) {
                sb.append(k < head || k >= total - tail ? c : '*');
                k++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String maskEmail(String value) {
        int at = value.indexOf('@');
        if (at <= 0) {
            return maskWords(value);
        }
        return value.charAt(0) + "*".repeat(at - 1) + value.substring(at);
    }

    // Keeps the first letter or digit of each word, masks the rest.
    private static String maskWords(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        boolean wordStart = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(wordStart ? c : '*');
                wordStart = false;
            } else {
                sb.append(c);
                wordStart = true;
            }
        }
        return sb.toString();
    }
}
