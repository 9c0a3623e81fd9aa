package io.qorgan.gateway.exchange;

import io.qorgan.gateway.detect.Finding;
import io.qorgan.gateway.protect.TextScanner;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids: kept from the caller when they are of a safe shape and hold no personal data, generated otherwise. */
public final class RequestIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int MAX_LENGTH = 128;

    private RequestIds() {}

    /** A fresh id, 32 hex characters; unique enough for tracing, not a secret. */
    public static String generate() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        char[] out = new char[32];
        long a = r.nextLong();
        long b = r.nextLong();
        for (int i = 0; i < 16; i++) {
            out[i] = HEX[(int) (a >>> (60 - 4 * i)) & 0xf];
            out[16 + i] = HEX[(int) (b >>> (60 - 4 * i)) & 0xf];
        }
        return new String(out);
    }

    /**
     * The caller's id when it may be echoed to the caller, logged and sent upstream; null when it must be replaced by a
     * fresh one. Accepted: 1 to 128 characters of {@code A-Z a-z 0-9 - _ . :}, at least one of them a letter (an id of
     * digits and separators only has the shape of a citizen's number: an IIN, a phone), in which {@code scanner} finds
     * no personal data. A scanner failure refuses the id: fail closed.
     */
    public static String accepted(String fromCaller, TextScanner scanner) {
        if (fromCaller == null || fromCaller.isEmpty() || fromCaller.length() > MAX_LENGTH) {
            return null;
        }
        boolean letter = false;
        for (int i = 0; i < fromCaller.length(); i++) {
            char c = fromCaller.charAt(i);
            boolean isLetter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            boolean ok = isLetter || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok) {
                return null;
            }
            letter |= isLetter;
        }
        if (!letter) {
            return null;
        }
        try {
            List<Finding> findings = scanner.scan(fromCaller);
            return findings == null || findings.isEmpty() ? fromCaller : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
