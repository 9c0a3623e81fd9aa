package io.qorgan.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qorgan.gateway.crypto.SecretRef;
import io.qorgan.gateway.crypto.SignatureAlgorithm;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code audit:} section: defaults, every setting, and errors that name file, line and field. */
class AuditConfigTest {

    private static final String BASE = """
            upstreams:
              sim: { baseUrl: "http://127.0.0.1:9" }
            routes:
              - { pathPrefix: /v1, upstream: sim }
            """;

    private static GatewayConfig parse(String audit) {
        return ConfigLoader.parse("/etc/qorgan/qorgan.yaml", BASE + audit);
    }

    @Test
    void parse_noAuditSection_noTrail() {
        assertThat(parse("").audit().enabled()).isFalse();
    }

    @Test
    void parse_minimalSection_defaultsForTheRest() {
        AuditConfig a = parse("""
                audit:
                  directory: audit
                  encryptionKey: file:/etc/qorgan/audit-encryption.keys
                  signingKey: env:QORGAN_AUDIT_SIGNING_KEY
                """).audit();

        assertThat(a.enabled()).isTrue();
        assertThat(a.directory()).isEqualTo(Path.of("/etc/qorgan/audit"));
        assertThat(a.encryptionKey()).isEqualTo(SecretRef.parse("file:/etc/qorgan/audit-encryption.keys"));
        assertThat(a.signature()).isEqualTo(SignatureAlgorithm.ED25519);
        assertThat(a.signEvery()).isEqualTo(Duration.ofSeconds(10));
        assertThat(a.sync()).isEqualTo(AuditConfig.Sync.INTERVAL);
        assertThat(a.syncInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(a.segmentMaxBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(a.retention()).isEqualTo(Duration.ofDays(400));
        assertThat(a.queueCapacity()).isEqualTo(65536);
        assertThat(a.onFull()).isEqualTo(AuditConfig.OnFull.BLOCK);
        assertThat(a.index()).isTrue();
    }

    @Test
    void parse_everySetting_bound() {
        AuditConfig a = parse("""
                audit:
                  directory: /var/lib/qorgan/audit
                  encryptionKey: env:KEYS
                  signingKey: file:/k
                  signature: gost3410-2012-256
                  signEvery: 30s
                  sync: every-record
                  syncInterval: 1s
                  segmentMaxBytes: 16MB
                  retention: 90d
                  queueCapacity: 1024
                  onFull: drop
                  index: false
                """).audit();

        assertThat(a.signature()).isEqualTo(SignatureAlgorithm.GOST3410_2012_256);
        assertThat(a.signEvery()).isEqualTo(Duration.ofSeconds(30));
        assertThat(a.sync()).isEqualTo(AuditConfig.Sync.EVERY_RECORD);
        assertThat(a.syncInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(a.segmentMaxBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(a.retention()).isEqualTo(Duration.ofDays(90));
        assertThat(a.queueCapacity()).isEqualTo(1024);
        assertThat(a.onFull()).isEqualTo(AuditConfig.OnFull.DROP);
        assertThat(a.index()).isFalse();
    }

    @Test
    void parse_missingKeys_namesTheField() {
        assertThatThrownBy(() -> parse("""
                        audit:
                          directory: audit
                          signingKey: file:/k
                        """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("qorgan.yaml")
                .hasMessageContaining("audit.encryptionKey")
                .hasMessageContaining("never written unencrypted");
    }

    @Test
    void parse_badValues_nameLineFieldAndSuggestion() {
        assertThatThrownBy(() -> parse("""
                        audit:
                          directory: audit
                          encryptionKey: env:K
                          signingKey: env:S
                          signature: ed2551
                        """))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(9);
                    assertThat(e.field()).isEqualTo("audit.signature");
                })
                .hasMessageContaining("did you mean `ed25519`");
        assertThatThrownBy(() -> parse("""
                        audit:
                          directory: audit
                          encryptionKey: env:K
                          signingKey: env:S
                          onFull: drops
                        """))
                .hasMessageContaining("audit.onFull")
                .hasMessageContaining("block or drop");
        assertThatThrownBy(() -> parse("""
                        audit:
                          directory: audit
                          encryptionKey: env:K
                          signingKey: env:S
                          retention: 12h
                        """))
                .hasMessageContaining("audit.retention")
                .hasMessageContaining("at least 1d");
        assertThatThrownBy(() -> parse("""
                        audit:
                          directory: audit
                          encryptionKey: env:K
                          signingKey: env:S
                          sync: always
                        """))
                .hasMessageContaining("audit.sync")
                .hasMessageContaining("every-record or interval");
        assertThatThrownBy(() -> parse("""
                        audit:
                          directory: audit
                          encryptionKey: env:K
                          signingKey: env:S
                          retension: 30d
                        """))
                .hasMessageContaining("unknown key `retension`")
                .hasMessageContaining("retention");
    }
}
