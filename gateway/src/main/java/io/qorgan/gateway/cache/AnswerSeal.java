package io.qorgan.gateway.cache;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals stored answers in memory with AES-256-GCM under a key made at start and never written anywhere, so a heap dump
 * or a swapped page shows no answer text; the entry's key digest is the associated data, so a sealed answer opens only
 * under the key it was stored for. Each seal has a fresh random 96-bit nonce. Thread-safe (a cipher per call).
 */
public final class AnswerSeal {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** What sealing adds to an answer: the nonce and the tag. */
    static final int OVERHEAD = IV_BYTES + TAG_BITS / 8;

    private final SecretKey key;
    private final SecureRandom random;

    public AnswerSeal(SecureRandom random) {
        this.random = random;
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        this.key = new SecretKeySpec(raw, "AES");
        Arrays.fill(raw, (byte) 0);
    }

    /** The nonce, then the ciphertext with its tag. */
    public byte[] seal(byte[] associated, byte[] plain) {
        byte[] out = new byte[IV_BYTES + plain.length + TAG_BITS / 8];
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        System.arraycopy(iv, 0, out, 0, IV_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, out, 0, IV_BYTES));
            cipher.updateAAD(associated);
            cipher.doFinal(plain, 0, plain.length, out, IV_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "answer sealing failed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The plaintext of a sealed answer.
     *
     * @throws IllegalStateException when it does not open under this process's key and {@code associated}
     */
    public byte[] open(byte[] associated, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(associated);
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("sealed answer does not open under its key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "answer opening failed: " + e.getClass().getSimpleName());
        }
    }
}
