package io.qorgan.gateway.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * AES-256-GCM: 12-byte nonces, 16-byte tags, associated data bound to the ciphertext. One instance keeps one cipher
 * and is not thread-safe: give each thread its own.
 *
 * <p>Through the JDK's provider, not Bouncy Castle's lightweight API: the JDK's AES and GHASH are compiled to the
 * CPU's AES and carry-less multiply instructions, about ten times faster per audit record than Bouncy Castle's pure
 * Java (measured with {@code AuditWriterBenchmark}); the format is the standard one, so either opens what the other
 * sealed ({@code AesGcmTest}). Bouncy Castle still does the signatures (Ed25519, GOST) and HKDF.
 *
 * <p>The caller owns nonce uniqueness per key; {@link #seal} never picks a nonce itself.
 */
public final class AesGcm {

    public static final int KEY_BYTES = 32;
    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;

    private final Cipher cipher;
    private byte[] lastKey;
    private SecretKeySpec lastSpec;

    public AesGcm() {
        try {
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no AES-GCM", e);
        }
    }

    /** The ciphertext followed by its tag. */
    public byte[] seal(byte[] key, byte[] nonce, byte[] associated, byte[] plaintext) {
        try {
            init(Cipher.ENCRYPT_MODE, key, nonce, associated);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "AES-GCM encryption failed: " + e.getClass().getSimpleName(), e);
        }
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
        try {
            init(Cipher.DECRYPT_MODE, key, nonce, associated);
            return cipher.doFinal(sealed, offset, length);
        } catch (AEADBadTagException e) {
            throw new InvalidCipherTextException("the tag does not match");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "AES-GCM decryption failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private void init(int mode, byte[] key, byte[] nonce, byte[] associated) throws GeneralSecurityException {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("GCM nonces here are 12 bytes");
        }
        if (lastSpec == null || !Arrays.equals(lastKey, key)) {
            lastKey = key.clone();
            lastSpec = new SecretKeySpec(lastKey, "AES");
        }
        cipher.init(mode, lastSpec, new GCMParameterSpec(TAG_BYTES * 8, nonce));
        if (associated != null && associated.length > 0) {
            cipher.updateAAD(associated);
        }
    }
}
