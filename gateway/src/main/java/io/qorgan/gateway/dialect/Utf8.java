package io.qorgan.gateway.dialect;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Strict UTF-8 check: no overlong forms, no encoded surrogates, nothing above U+10FFFF. */
public final class Utf8 {

    /**
     * Eight bytes as one long: three times faster than eight byte reads on chat bodies once compiled (the interpreter
     * is slower with it, which only short tests see).
     */
    private static final VarHandle EIGHT_BYTES =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {}

    static boolean isValid(byte[] b) {
        return isValid(b, 0, b.length);
    }

    /** Whether {@code b[from, to)} is strict UTF-8. */
    public static boolean isValid(byte[] b, int from, int to) {
        int i = from;
        int n = to;
        while (i < n) {
            int c = b[i];
            if (c >= 0) {
                i++;
                // ASCII runs, the bulk of JSON, eight bytes a read; tried only after an ASCII byte, so Cyrillic text
                // (two bytes a letter) does not pay for a failed probe at each letter
                while (i + 8 <= n && ((long) EIGHT_BYTES.get(b, i) & HIGH_BITS) == 0) {
                    i += 8;
                }
                continue;
            }
            c &= 0xFF;
            if (c >= 0xC2 && c <= 0xDF) {
                if (i + 1 >= n || (b[i + 1] & 0xC0) != 0x80) {
                    return false;
                }
                i += 2;
                continue;
            }
            int need;
            int min2 = 0x80;
            int max2 = 0xBF;
            if (c >= 0xE0 && c <= 0xEF) {
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
                if ((b[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += need + 1;
        }
        return true;
    }
}
