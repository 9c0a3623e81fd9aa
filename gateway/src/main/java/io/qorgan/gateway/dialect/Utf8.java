package io.qorgan.gateway.dialect;

/** Strict UTF-8 check: no overlong forms, no encoded surrogates, nothing above U+10FFFF. */
public final class Utf8 {

    private Utf8() {
    }

    static boolean isValid(byte[] b) {
        return isValid(b, 0, b.length);
    }

    /** Whether {@code b[from, to)} is strict UTF-8. */
    public static boolean isValid(byte[] b, int from, int to) {
        int i = from;
        int n = to;
        while (i < n) {
            // ASCII runs, the bulk of JSON, eight bytes a step: a signed byte is negative from 0x80 up.
            while (i + 8 <= n && (b[i] | b[i + 1] | b[i + 2] | b[i + 3] | b[i + 4] | b[i + 5] | b[i + 6] | b[i + 7]) >= 0) {
                i += 8;
            }
            if (i >= n) {
                break;
            }
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min2 = 0x80;
            int max2 = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                if (c == 0xE0) {
                    min2 = 0xA0;
                } else if (c == 0xED) {
                    max2 = 0x9F;
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                if (c == 0xF0) {
                    min2 = 0x90;
                } else if (c == 0xF4) {
                    max2 = 0x8F;
                }
            } else {
                return false;
            }
            if (i + need >= n) {
                return false;
            }
            int b2 = b[i + 1] & 0xFF;
            if (b2 < min2 || b2 > max2) {
                return false;
            }
            for (int k = 2; k <= need; k++) {
                int bk = b[i + k] & 0xFF;
                if (bk < 0x80 || bk > 0xBF) {
                    return false;
                }
            }
            i += need + 1;
        }
        return true;
    }

    /** True when a NUL byte is anywhere in {@code b}. */
    static boolean hasNul(byte[] b) {
        for (byte x : b) {
            if (x == 0) {
                return true;
            }
        }
        return false;
    }
}
