package io.qorgan.gateway.protect;

import java.util.Arrays;

/**
 * Key material for the keyed operators: {@code hashKey} for {@link Operator#HASH} (HMAC-SHA256,
 * any length, 32 bytes recommended) and {@code fpeKey} for {@link Operator#FPE} (AES key of
 * 16, 24 or 32 bytes). Either may be null when its operator is not used. Arrays are copied in and
 * out; {@link #toString()} never shows them.
 */
public record ProtectionKeys(byte[] hashKey, byte[] fpeKey) {

    public static final ProtectionKeys NONE = new ProtectionKeys(null, null);

    public ProtectionKeys {
        hashKey = hashKey == null ? null : hashKey.clone();
        fpeKey = fpeKey == null ? null : fpeKey.clone();
        if (fpeKey != null && fpeKey.length != 16 && fpeKey.length != 24 && fpeKey.length != 32) {
            throw new IllegalArgumentException("fpeKey must be 16, 24 or 32 bytes");
        }
    }

    @Override
    public byte[] hashKey() {
        return hashKey == null ? null : hashKey.clone();
    }

    @Override
    public byte[] fpeKey() {
        return fpeKey == null ? null : fpeKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProtectionKeys k && Arrays.equals(hashKey, k.hashKey) && Arrays.equals(fpeKey, k.fpeKey);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(hashKey) + Arrays.hashCode(fpeKey);
    }

    @Override
    public String toString() {
        return "ProtectionKeys[hashKey=" + (hashKey == null ? "none" : "***") + ", fpeKey="
                + (fpeKey == null ? "none" : "***") + "]";
    }
}
