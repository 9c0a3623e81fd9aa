package io.qorgan.gateway.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-256-GCM through Bouncy Castle's lightweight API: 12-byte nonces, 16-byte tags, associated data bound to the
 * ciphertext. One instance keeps one cipher and is not thread-safe: give each thread its own.
 *
 * <p>The caller owns nonce uniqueness per key; {@link #seal} never picks a nonce itself. Calls with the key of the
 * call before reuse its key schedule and GHASH tables rather than build them again.
 */
public final class AesGcm {

    public static final int KEY_BYTES = 32;
    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;

    private final GCMModeCipher cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
    private byte[] lastKey;

    /** The ciphertext followed by its tag. */
    public byte[] seal(byte[] key, byte[] nonce, byte[] associated, byte[] plaintext) {
        cipher.init(true, parameters(key, nonce, associated));
        byte[] out = new byte[cipher.getOutputSize(plaintext.length)];
        int n = cipher.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            cipher.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
        return out;
    }

    /**
     * The plaintext of {@code sealed} (ciphertext and tag).
     *
     * @throws InvalidCipherTextException when the tag does not match: wrong key, nonce or associated data, or bytes
     *     changed
     */
    public byte[] open(byte[] key, byte[] nonce, byte[] associated, byte[] sealed, int offset, int length)
            throws InvalidCipherTextException {
        if (length < TAG_BYTES) {
            throw new InvalidCipherTextException("shorter than a tag");
        }
        cipher.init(false, parameters(key, nonce, associated));
        byte[] out = new byte[cipher.getOutputSize(length)];
        int n = cipher.processBytes(sealed, offset, length, out, 0);
        cipher.doFinal(out, n);
        return out;
    }

    private AEADParameters parameters(byte[] key, byte[] nonce, byte[] associated) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("GCM nonces here are 12 bytes");
        }
        // a null key tells Bouncy Castle to keep the key it has
        boolean same = lastKey != null && Arrays.equals(lastKey, key);
        lastKey = key.clone();
        return new AEADParameters(same ? null : new KeyParameter(key), TAG_BYTES * 8, nonce, associated);
    }
}
