package io.qorgan.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.config.AuditConfig;
import io.qorgan.gateway.crypto.KeyRing;
import io.qorgan.gateway.crypto.SecretRef;
import io.qorgan.gateway.crypto.SignatureAlgorithm;
import io.qorgan.gateway.identity.MutableClock;
import io.qorgan.gateway.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qorgan audit keygen|verify|search|reindex|report} as an officer runs them, on real files. */
class AuditCommandTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path tmp;

    private final Cli cli = new Cli();

    /** A trail written with keys made by {@code qorgan audit keygen}. */
    private Path trailWithKeygenKeys(Path keys, String signature, int records) throws Exception {
        assertThat(cli.run("audit", "keygen", keys.toString(), "--signature", signature))
                .as(cli.err())
                .isZero();
        Path dir = tmp.resolve("trail");
        AuditConfig config = new AuditConfig(
                dir,
                SecretRef.parse("file:" + keys.resolve("audit-encryption.keys")),
                SecretRef.parse("file:" + keys.resolve("audit-signing.key")),
                SignatureAlgorithm.byConfigName(signature).orElseThrow(),
                AuditConfig.DEFAULT_SIGN_EVERY,
                AuditConfig.Sync.INTERVAL,
                AuditConfig.DEFAULT_SYNC_INTERVAL,
                AuditConfig.DEFAULT_SEGMENT_MAX_BYTES,
                AuditConfig.DEFAULT_RETENTION,
                1024,
                AuditConfig.OnFull.BLOCK,
                true);
        // written as they happen: the writer's clock at the records' times
        try (AuditTrail trail = AuditFixtures.open(config, new MutableClock(T0))) {
            for (int i = 0; i < records; i++) {
                trail.admit().write(AuditFixtures.exchange(i, T0.plusSeconds(3600L * i)));
            }
        }
        cli.clear();
        return dir;
    }

    @Test
    void keygen_writesOwnerOnlyKeysPrintsConfigAndNeverOverwrites() throws Exception {
        Path keys = tmp.resolve("keys");

        assertThat(cli.run("audit", "keygen", keys.toString())).isZero();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("audit-encryption.keys"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("audit-signing.key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("audit-signing.pub"))))
                .isEqualTo("rw-r--r--");
        assertThat(cli.out()).contains("encryptionKey: file:").contains("signature: ed25519");
        String ring = Files.readString(keys.resolve("audit-encryption.keys"));
        assertThat(cli.out() + cli.err())
                .doesNotContain(
                        ring.lines().filter(l -> !l.startsWith("#")).findFirst().orElseThrow());

        cli.clear();
        assertThat(cli.run("audit", "keygen", keys.toString())).isEqualTo(1);
        assertThat(cli.err()).contains("exists already");
        assertThat(Files.readString(keys.resolve("audit-encryption.keys"))).isEqualTo(ring);
    }

    @Test
    void keygenRotate_addsAKeyThatBecomesCurrent() throws Exception {
        Path keys = tmp.resolve("keys");
        cli.run("audit", "keygen", keys.toString(), "--key-id", "first");

        assertThat(cli.run("audit", "keygen", keys.toString(), "--rotate", "--key-id", "second"))
                .isZero();

        KeyRing ring = KeyRing.parse(Files.readString(keys.resolve("audit-encryption.keys")));
        assertThat(ring.currentId()).isEqualTo("second");
        assertThat(ring.contains("first")).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("audit-encryption.keys"))))
                .isEqualTo("rw-------");
    }

    @Test
    void verify_gostTrail_okAgainstItsPublicKeyAndBrokenAfterAnEdit() throws Exception {
        Path keys = tmp.resolve("keys");
        Path dir = trailWithKeygenKeys(keys, "gost3410-2012-256", 5);

        int sound = cli.run(
                "audit",
                "verify",
                dir.toString(),
                "--public-key",
                keys.resolve("audit-signing.pub").toString(),
                "--encryption-key",
                "file:" + keys.resolve("audit-encryption.keys"));
        assertThat(sound).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("ok: 1 segments").contains("5 records");

        SegmentSurgery s = new SegmentSurgery(Segments.list(dir).get(0).file());
        s.flipBit(s.entries.get(2), 4, true);
        cli.clear();
        int broken = cli.run(
                "audit",
                "verify",
                dir.toString(),
                "--public-key",
                keys.resolve("audit-signing.pub").toString());
        assertThat(broken).isEqualTo(1);
        assertThat(cli.out()).contains("BROKEN: entry #" + (s.entries.get(2).seq() + 1));
    }

    @Test
    void search_tableAndJsonl_newestFirst_badQueryExit2() throws Exception {
        Path dir = trailWithKeygenKeys(tmp.resolve("keys"), "ed25519", 12);
        String ring = "file:" + tmp.resolve("keys").resolve("audit-encryption.keys");

        assertThat(cli.run("audit", "search", "--encryption-key", ring, dir.toString(), "verdict:blocked"))
                .isZero();
        assertThat(cli.out()).startsWith("TIME").contains("3 records match; page 1 of 1");
        cli.clear();
        assertThat(cli.run(
                        "audit",
                        "search",
                        "--encryption-key",
                        ring,
                        dir.toString(),
                        "type:exchange",
                        "--format",
                        "jsonl",
                        "--size",
                        "3"))
                .isZero();
        assertThat(cli.out().lines()).hasSize(3).first().asString().contains("\"requestId\":\"req-11\"");
        cli.clear();
        assertThat(cli.run(
                        "audit",
                        "search",
                        "--encryption-key",
                        ring,
                        dir.toString(),
                        "type:exchange",
                        "--from",
                        "2026-12-01T15:00:00Z",
                        "--to",
                        "2026-12-01T17:00:00Z",
                        "--format",
                        "jsonl"))
                .isZero();
        assertThat(cli.out().lines()).hasSize(2);
        cli.clear();
        assertThat(cli.run("audit", "search", "--encryption-key", ring, dir.toString(), "nofield:x"))
                .isEqualTo(2);
        assertThat(cli.err()).contains("field the index does not have");
    }

    @Test
    void reindex_lostIndex_rebuiltWithTheSameRecordsQuietInAPipe() throws Exception {
        Path keys = tmp.resolve("keys");
        Path dir = trailWithKeygenKeys(keys, "ed25519", 9);
        KeyRing ring = KeyRing.parse(Files.readString(keys.resolve("audit-encryption.keys")));
        long before = AuditSearch.search(dir, ring, AuditQuery.of("")).total();
        try (var files = Files.walk(dir.resolve("index"))) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
        assertThat(cli.run(
                        "audit",
                        "search",
                        "--encryption-key",
                        "file:" + keys.resolve("audit-encryption.keys"),
                        dir.toString()))
                .isEqualTo(1);
        assertThat(cli.err()).contains("qorgan audit reindex");
        cli.clear();

        assertThat(cli.run(
                        "audit",
                        "reindex",
                        dir.toString(),
                        "--encryption-key",
                        "file:" + keys.resolve("audit-encryption.keys")))
                .as(cli.err())
                .isZero();

        assertThat(cli.out()).contains("indexed 9 records");
        assertThat(cli.err()).doesNotContain("\r").doesNotContain("segment");
        assertThat(AuditSearch.search(dir, ring, AuditQuery.of("")).total()).isEqualTo(before);
        // a gateway opening the trail next adds nothing twice
        try (AuditTrail trail = AuditFixtures.open(new AuditConfig(
                dir,
                SecretRef.parse("file:" + keys.resolve("audit-encryption.keys")),
                SecretRef.parse("file:" + keys.resolve("audit-signing.key")),
                SignatureAlgorithm.ED25519,
                AuditConfig.DEFAULT_SIGN_EVERY,
                AuditConfig.Sync.INTERVAL,
                AuditConfig.DEFAULT_SYNC_INTERVAL,
                AuditConfig.DEFAULT_SEGMENT_MAX_BYTES,
                AuditConfig.DEFAULT_RETENTION,
                64,
                AuditConfig.OnFull.BLOCK,
                true))) {
            assertThat(trail.enabled()).isTrue();
        }
        assertThat(AuditSearch.search(dir, ring, AuditQuery.of("")).total()).isEqualTo(before);
    }

    @Test
    void report_period_selfContainedHtmlWithChartsAndNoNetworkReference() throws Exception {
        Path keys = tmp.resolve("keys");
        Path dir = trailWithKeygenKeys(keys, "ed25519", 40);
        Path out = tmp.resolve("report.html");

        int code = cli.run(
                "audit",
                "report",
                dir.toString(),
                "--from",
                "2026-12-01",
                "--to",
                "2026-12-02",
                "--out",
                out.toString(),
                "--encryption-key",
                "file:" + keys.resolve("audit-encryption.keys"));

        assertThat(code).as(cli.err()).isZero();
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(html.split("<svg", -1).length - 1).isGreaterThanOrEqualTo(6);
        assertThat(html)
                .contains("Requests per day by agency")
                .contains("Personal data sent to AI services")
                .contains("IIN → openai as placeholder")
                .contains("shadow-iin")
                .contains("dsp-external")
                .contains("upstream_timeout")
                .contains("Upstream time the cache hits saved");
        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("src=")
                .doesNotContain("href=\"http")
                .doesNotContain("url(http")
                .doesNotContain("@import");
        assertThat(cli.err()).doesNotContain("\r");
    }

    @Test
    void report_agencyFilter_countsOnlyThatAgency() throws Exception {
        Path keys = tmp.resolve("keys");
        Path dir = trailWithKeygenKeys(keys, "ed25519", 30);
        KeyRing ring = KeyRing.parse(Files.readString(keys.resolve("audit-encryption.keys")));

        AuditReport all = AuditReport.build(dir, ring, T0, T0.plusSeconds(86_400 * 2), null, AuditReader.Progress.NONE);
        AuditReport health =
                AuditReport.build(dir, ring, T0, T0.plusSeconds(86_400 * 2), "health", AuditReader.Progress.NONE);

        assertThat(all.exchanges).isEqualTo(30);
        assertThat(health.exchanges).isEqualTo(10);
        assertThat(all.blocked).isEqualTo(6);
        assertThat(all.shadowByRule).containsKey("shadow-iin");
        assertThat(all.failuresByUpstream.values().stream().flatMap(m -> m.keySet().stream()))
                .contains("upstream_timeout");
        assertThat(all.savedMicros()).isPositive();
    }
}
