package io.qorgan.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Signing keys through PEM and back, for each algorithm, and signatures that verify only unchanged. */
class SigningKeysTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] MESSAGE = "chain head".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void readPrivate_writtenPem_sameKeyAndItsPublicKeyDerived(SignatureAlgorithm algorithm) throws Exception {
        KeyPair pair = algorithm.generate(RANDOM);

        KeyPair read = SigningKeys.readPrivate(SigningKeys.privatePem(pair.getPrivate()));

        assertThat(read.getPrivate().getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(read.getPublic().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(SigningKeys.readPublic(SigningKeys.publicPem(pair.getPublic()))
                        .getEncoded())
                .isEqualTo(pair.getPublic().getEncoded());
        assertThat(SignatureAlgorithm.ofKey(read.getPrivate())).contains(algorithm);
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void verify_changedMessageOrOtherKey_false(SignatureAlgorithm algorithm) {
        KeyPair pair = algorithm.generate(RANDOM);
        byte[] signature = algorithm.sign(pair.getPrivate(), MESSAGE);

        assertThat(algorithm.verify(pair.getPublic(), MESSAGE, signature)).isTrue();
        byte[] changed = MESSAGE.clone();
        changed[0] ^= 1;
        assertThat(algorithm.verify(pair.getPublic(), changed, signature)).isFalse();
        assertThat(algorithm.verify(algorithm.generate(RANDOM).getPublic(), MESSAGE, signature))
                .isFalse();
        assertThat(algorithm.verify(pair.getPublic(), MESSAGE, new byte[3])).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void readPrivate_notAKey_errorWithoutTheText(SignatureAlgorithm algorithm) {
        String text = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWNhbmFyeS03NzQx\n-----END PRIVATE KEY-----\n";
        assertThatThrownBy(() -> SigningKeys.readPrivate(text))
                .isInstanceOf(IOException.class)
                .hasMessageNotContaining("c2VjcmV0");
        assertThatThrownBy(() -> SigningKeys.readPrivate("secret-canary-7741"))
                .isInstanceOf(IOException.class)
                .hasMessageNotContaining("canary");
    }
}
