package io.qorgan.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class AesGcmTest {

    private final SecureRandom random = new SecureRandom();
    private final AesGcm gcm = new AesGcm();

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Trails written with Bouncy Castle's GCM stay readable, and the other way round. */
    @Test
    void seal_sameBytesAsBouncyCastle_andOpensWhatItSealed() throws Exception {
        byte[] key = bytes(32);
        byte[] nonce = bytes(12);
        byte[] associated = "segment-7/seq-42".getBytes(StandardCharsets.US_ASCII);
        byte[] plain = bytes(700);

        GCMModeCipher bc = GCMBlockCipher.newInstance(AESEngine.newInstance());
        bc.init(true, new AEADParameters(new KeyParameter(key), 128, nonce, associated));
        byte[] expected = new byte[bc.getOutputSize(plain.length)];
        bc.doFinal(expected, bc.processBytes(plain, 0, plain.length, expected, 0));

        byte[] sealed = gcm.seal(key, nonce, associated, plain);
        assertThat(sealed).isEqualTo(expected);
        assertThat(gcm.open(key, nonce, associated, expected, 0, expected.length))
                .isEqualTo(plain);
    }

    @Test
    void open_changedByteOrOtherAssociatedData_refused() {
        byte[] key = bytes(32);
        byte[] nonce = bytes(12);
        byte[] sealed = gcm.seal(key, nonce, new byte[] {1}, bytes(64));
        byte[] changed = sealed.clone();
        changed[5] ^= 1;
        assertThatThrownBy(() -> gcm.open(key, nonce, new byte[] {1}, changed, 0, changed.length))
                .isInstanceOf(InvalidCipherTextException.class);
        assertThatThrownBy(() -> gcm.open(key, nonce, new byte[] {2}, sealed, 0, sealed.length))
                .isInstanceOf(InvalidCipherTextException.class);
        assertThatThrownBy(() -> gcm.open(bytes(32), nonce, new byte[] {1}, sealed, 0, sealed.length))
                .isInstanceOf(InvalidCipherTextException.class);
    }

    @Test
    void seal_keysChangingBetweenCalls_eachSealedUnderItsOwn() throws Exception {
        byte[] a = bytes(32);
        byte[] b = bytes(32);
        byte[] nonce1 = bytes(12);
        byte[] nonce2 = bytes(12);
        byte[] plain = bytes(32);
        byte[] underA = gcm.seal(a, nonce1, null, plain);
        byte[] underB = gcm.seal(b, nonce2, null, plain);
        assertThat(gcm.open(a, nonce1, null, underA, 0, underA.length)).isEqualTo(plain);
        assertThat(gcm.open(b, nonce2, null, underB, 0, underB.length)).isEqualTo(plain);
    }
}
