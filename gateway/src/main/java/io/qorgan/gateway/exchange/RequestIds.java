package io.qorgan.gateway.exchange;

import java.util.concurrent.ThreadLocalRandom;

/** Request ids: kept from the caller when they look sane, generated otherwise. */
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
     * The caller's id if it is short and made of safe characters (it is echoed in headers and
     * logs), else a fresh one.
     */
    public static String acceptOrGenerate(String fromCaller) {
        if (fromCaller == null || fromCaller.isEmpty() || fromCaller.length() > MAX_LENGTH) {
            return generate();
        }
        for (int i = 0; i < fromCaller.length(); i++) {
            char c = fromCaller.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == ':';
            if (!ok) {
                return generate();
            }
        }
        return fromCaller;
    }
}
