package io.qorgan.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The text form of encryption key rings: the last key encrypts, every key decrypts, errors never show a key. */
class KeyRingTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void parse_linesCommentsAndCommas_lastKeyIsCurrent() {
        String a = KeyRing.newEntry("2026-01", RANDOM);
        String b = KeyRing.newEntry("2026-07", RANDOM);

        KeyRing ring = KeyRing.parse("# keys\n" + a + "\n\n" + b + "\n");
        KeyRing fromEnv = KeyRing.parse(a + "," + b);

        assertThat(ring.currentId()).isEqualTo("2026-07");
        assertThat(ring.contains("2026-01")).isTrue();
        assertThat(ring.current()).isEqualTo(Base64.getDecoder().decode(b.substring(b.indexOf(':') + 1)));
        assertThat(fromEnv.currentId()).isEqualTo("2026-07");
        assertThat(ring.toString()).doesNotContain(b.substring(b.indexOf(':') + 1));
    }

    @Test
    void parse_badEntries_namedByPositionNeverByContent() {
        String shortKey = "k1:" + Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> KeyRing.parse(shortKey))
                .hasMessageContaining("key 1 (k1) has 16 bytes")
                .hasMessageNotContaining(shortKey.substring(3));
        assertThatThrownBy(() -> KeyRing.parse("canary-secret-value"))
                .hasMessageContaining("key 1 is not ID:BASE64")
                .hasMessageNotContaining("canary");
        String k = KeyRing.newEntry("k1", RANDOM);
        assertThatThrownBy(() -> KeyRing.parse(k + "\n" + k)).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> KeyRing.parse("# only a comment\n")).hasMessageContaining("no key");
    }
}
