package io.qorgan.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qorgan.gateway.config.AuditConfig;
import io.qorgan.gateway.crypto.KeyRing;
import io.qorgan.gateway.crypto.SignatureAlgorithm;
import io.qorgan.gateway.identity.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The trail end to end on real files: write, close, reopen, read back, verify. */
class AuditTrailTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path tmp;

    private static List<AuditRecord> readAll(Path dir, KeyRing ring) throws IOException {
        List<AuditRecord> out = new ArrayList<>();
        AuditReader.readAll(dir, ring, e -> out.add(e.record()));
        return out;
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void write_recordsOfEveryKind_readBackEqualAndTrailVerifies(SignatureAlgorithm algorithm) throws Exception {
        AuditFixtures.Keys keys = AuditFixtures.keys(tmp.resolve("keys"), algorithm);
        Path dir = tmp.resolve("trail");
        List<AuditRecord> written = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            written.add(AuditFixtures.exchange(i, T0.plusSeconds(i)));
        }
        written.add(ReloadRecord.ok(T0, ReloadRecord.Component.POLICY, "sha256-abc"));
        written.add(ReloadRecord.refused(T0, ReloadRecord.Component.IDENTITY, "identity_store_invalid"));
        written.add(new AuthFailureRecord(T0, "req-x", null, null, null, "missing_api_key"));
        try (AuditTrail trail = AuditFixtures.open(AuditFixtures.config(dir, keys))) {
            for (AuditRecord r : written) {
                AuditTrail.Admission a = trail.admit();
                assertThat(a.admitted()).isTrue();
                a.write(r);
            }
        }

        assertThat(readAll(dir, keys.ring())).containsExactlyElementsOf(written);
        AuditVerifier.Result result =
                AuditVerifier.verify(dir, List.of(keys.pair().getPublic()), keys.ring());
        assertThat(result.problem()).isNull();
        assertThat(result.ok()).isTrue();
        assertThat(result.records()).isEqualTo(written.size());
        assertThat(result.signatures()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void open_afterClose_continuesTheChainInANewSegment() throws Exception {
        AuditFixtures.Keys keys = AuditFixtures.keys(tmp.resolve("keys"), SignatureAlgorithm.ED25519);
        Path dir = tmp.resolve("trail");
        AuditConfig config = AuditFixtures.config(dir, keys);
        for (int run = 0; run < 3; run++) {
            try (AuditTrail trail = AuditFixtures.open(config)) {
                for (int i = 0; i < 5; i++) {
                    trail.admit().write(AuditFixtures.exchange(run * 5 + i, T0));
                }
            }
        }

        assertThat(Segments.list(dir)).extracting(Segments.Segment::number).containsExactly(1L, 2L, 3L);
        assertThat(readAll(dir, keys.ring()))
                .extracting(r -> ((ExchangeRecord) r).requestId())
                .containsExactly(
                        "req-0", "req-1", "req-2", "req-3", "req-4", "req-5", "req-6", "req-7", "req-8", "req-9",
                        "req-10", "req-11", "req-12", "req-13", "req-14");
        assertThat(AuditVerifier.verify(dir, List.of(keys.pair().getPublic()), keys.ring())
                        .ok())
                .isTrue();
    }

    @Test
    void write_pastSegmentMaxBytes_rollsToSealedSegmentsThatVerify() throws Exception {
        AuditFixtures.Keys keys = AuditFixtures.keys(tmp.resolve("keys"), SignatureAlgorithm.ED25519);
        Path dir = tmp.resolve("trail");
        AuditConfig config =
                AuditFixtures.settings(dir, keys).segmentMaxBytes(4096).build();
        try (AuditTrail trail = AuditFixtures.open(config)) {
            for (int i = 0; i < 100; i++) {
                trail.admit().write(AuditFixtures.exchange(i, T0));
            }
        }

        assertThat(Segments.list(dir)).hasSizeGreaterThan(3);
        AuditVerifier.Result result =
                AuditVerifier.verify(dir, List.of(keys.pair().getPublic()), keys.ring());
        assertThat(result.ok()).as(result.problem()).isTrue();
        assertThat(result.records()).isEqualTo(100);
        assertThat(readAll(dir, keys.ring())).hasSize(100);
    }

    @Test
    void write_acrossMidnightUtc_startsASegmentForTheNewDay() throws Exception {
        AuditFixtures.Keys keys = AuditFixtures.keys(tmp.resolve("keys"), SignatureAlgorithm.ED25519);
        Path dir = tmp.resolve("trail");
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T23:59:00Z"));
        // every record synced at once: this clock stands still, so an interval would never end
        AuditConfig config = AuditFixtures.settings(dir, keys)
                .sync(AuditConfig.Sync.EVERY_RECORD)
                .build();
        try (AuditTrail trail = AuditFixtures.open(config, clock)) {
            trail.admit().write(AuditFixtures.exchange(1, clock.instant()));
            awaitWritten(dir, keys, 1);
            clock.advance(Duration.ofMinutes(2));
            trail.admit().write(AuditFixtures.exchange(2, clock.instant()));
        }

        assertThat(Segments.list(dir))
                .extracting(s -> s.file().getFileName().toString())
                .containsExactly("00000001-20261201.seg", "00000002-20261202.seg");
        assertThat(AuditVerifier.verify(dir, List.of(), keys.ring()).ok()).isTrue();
    }

    @Test
    void admit_blockWithEverySlotTaken_refusesUntilASlotIsFree() throws Exception {
        AuditFixtures.Keys keys = AuditFixtures.keys(tmp.resolve("keys"), SignatureAlgorithm.ED25519);
        Path dir = tmp.resolve("trail");
        AuditConfig config = AuditFixtures.settings(dir, keys).queueCapacity(2).build();
        try (AuditTrail trail = AuditFixtures.open(config)) {
            AuditTrail.Admission first = trail.admit();
            AuditTrail.Admission second = trail.admit();
            AuditTrail.Admission third = trail.admit();
            assertThat(first.admitted()).isTrue();
            assertThat(second.admitted()).isTrue();
            assertThat(third.admitted()).isFalse();

            second.release();
            AuditTrail.Admission fourth = trail.admit();
            assertThat(fourth.admitted()).isTrue();
            first.write(AuditFixtures.exchange(1, T0));
            fourth.write(AuditFixtures.exchange(4, T0));
            assertThatThrownBy(() -> fourth.write(AuditFixtures.exchange(5, T0)))
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThat(readAll(dir, keys.ring()))
                .extracting(r -> ((ExchangeRecord) r).requestId())
                .containsExactly("req-1", "req-4");
    }

    @Test
    void admit_dropWithEverySlotTaken_admitsAndRecordsTheDropAsAGap() throws Exception {
        AuditFixtures.Keys keys = AuditFixtures.keys(tmp.resolve("keys"), SignatureAlgorithm.ED25519);
        Path dir = tmp.resolve("trail");
        AuditConfig config = AuditFixtures.settings(dir, keys)
                .queueCapacity(1)
                .onFull(AuditConfig.OnFull.DROP)
                .build();
        try (AuditTrail trail = AuditFixtures.open(config)) {
            AuditTrail.Admission held = trail.admit();
            AuditTrail.Admission overflow = trail.admit();
            assertThat(overflow.admitted()).isTrue();
            overflow.write(AuditFixtures.exchange(2, T0.plusSeconds(2)));
            trail.record(ReloadRecord.ok(T0.plusSeconds(3), ReloadRecord.Component.POLICY, "v2"));
            held.write(AuditFixtures.exchange(1, T0.plusSeconds(1)));
        }

        List<AuditRecord> records = readAll(dir, keys.ring());
        assertThat(records).filteredOn(r -> r instanceof ExchangeRecord).hasSize(1);
        assertThat(records)
                .filteredOn(r -> r instanceof GapRecord)
                .singleElement()
                .satisfies(r -> {
                    GapRecord gap = (GapRecord) r;
                    assertThat(gap.dropped()).isEqualTo(2);
                    assertThat(gap.from()).isEqualTo(T0.plusSeconds(2));
                    assertThat(gap.to()).isEqualTo(T0.plusSeconds(3));
                });
    }

    @Test
    void disabled_admitsEveryExchangeAndWritesNothing() {
        AuditTrail trail = AuditTrail.disabled();
        AuditTrail.Admission a = trail.admit();
        assertThat(a.admitted()).isTrue();
        a.write(AuditFixtures.exchange(1, T0));
        a.write(AuditFixtures.exchange(2, T0));
        assertThat(trail.enabled()).isFalse();
        assertThat(trail.queueDepth()).isZero();
    }

    @Test
    void open_rotatedKeyRing_newRecordsUnderTheNewKeyOldOnesStillReadable() throws Exception {
        AuditFixtures.Keys keys = AuditFixtures.keys(tmp.resolve("keys"), SignatureAlgorithm.ED25519, "k1");
        Path dir = tmp.resolve("trail");
        try (AuditTrail trail = AuditFixtures.open(AuditFixtures.config(dir, keys))) {
            trail.admit().write(AuditFixtures.exchange(1, T0));
        }
        String k1 = Files.readString(keys.ringFile()).strip();
        AuditFixtures.Keys rotated = keys.withRing(k1 + "\n" + KeyRing.newEntry("k2", AuditFixtures.RANDOM) + "\n");
        try (AuditTrail trail = AuditFixtures.open(AuditFixtures.config(dir, rotated))) {
            trail.admit().write(AuditFixtures.exchange(2, T0));
        }

        assertThat(readAll(dir, rotated.ring())).hasSize(2);
        AuditVerifier.Result withOldKeyOnly = AuditVerifier.verify(dir, List.of(), keys.ring());
        assertThat(withOldKeyOnly.ok()).isFalse();
        assertThat(withOldKeyOnly.problem()).contains("key `k2`");
        KeyRing newKeyOnly = KeyRing.parse(Files.readString(rotated.ringFile())
                .lines()
                .filter(l -> l.startsWith("k2:"))
                .findFirst()
                .orElseThrow());
        assertThatThrownBy(() -> readAll(dir, newKeyOnly))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("k1");
    }

    @Test
    void retention_segmentsOlderThanRetention_deletedAndTheDeletionExplainedInTheChain() throws Exception {
        AuditFixtures.Keys keys = AuditFixtures.keys(tmp.resolve("keys"), SignatureAlgorithm.ED25519);
        Path dir = tmp.resolve("trail");
        MutableClock clock = new MutableClock(T0);
        AuditConfig config =
                AuditFixtures.settings(dir, keys).retention(Duration.ofDays(2)).build();
        for (int day = 0; day < 5; day++) {
            try (AuditTrail trail = AuditFixtures.open(config, clock)) {
                trail.admit().write(AuditFixtures.exchange(day, clock.instant()));
            }
            clock.advance(Duration.ofDays(1));
        }
        // opened on day 5: segments 1 to 3 (days 0 to 2) hold only records older than two days
        try (AuditTrail trail = AuditFixtures.open(config, clock)) {
            trail.admit().write(AuditFixtures.exchange(5, clock.instant()));
        }

        assertThat(Segments.list(dir)).extracting(Segments.Segment::number).containsExactly(4L, 5L, 6L);
        List<AuditRecord> records = readAll(dir, keys.ring());
        assertThat(records).filteredOn(r -> r instanceof RetentionRecord).isNotEmpty();
        AuditVerifier.Result result =
                AuditVerifier.verify(dir, List.of(keys.pair().getPublic()), keys.ring());
        assertThat(result.ok()).as(result.problem()).isTrue();
        assertThat(result.notes()).anyMatch(n -> n.contains("deleted by retention"));
    }

    @Test
    void write_manyThreadsAtOnce_losesNothingAndKeepsEachProducersOrder() throws Exception {
        AuditFixtures.Keys keys = AuditFixtures.keys(tmp.resolve("keys"), SignatureAlgorithm.ED25519);
        Path dir = tmp.resolve("trail");
        int producers = 8;
        int each = 500;
        // a small queue, so producers also meet a full one and wait for their turn
        AuditConfig config = AuditFixtures.settings(dir, keys).queueCapacity(64).build();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        try (AuditTrail trail = AuditFixtures.open(config)) {
            for (int p = 0; p < producers; p++) {
                int producer = p;
                Thread t = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < each; i++) {
                        AuditTrail.Admission a = trail.admit();
                        while (!a.admitted()) {
                            LockSupport.parkNanos(50_000); // as an exchange would be refused: wait, not spin
                            a = trail.admit();
                        }
                        a.write(new AuthFailureRecord(T0, "p" + producer + "-" + i, null, null, null, "missing"));
                    }
                });
                t.start();
                threads.add(t);
            }
            start.countDown();
            for (Thread t : threads) {
                t.join();
            }
        }

        Map<String, List<Integer>> byProducer = new TreeMap<>();
        for (AuditRecord r : readAll(dir, keys.ring())) {
            String id = ((AuthFailureRecord) r).requestId();
            int dash = id.indexOf('-');
            byProducer
                    .computeIfAbsent(id.substring(0, dash), k -> new ArrayList<>())
                    .add(Integer.parseInt(id.substring(dash + 1)));
        }
        assertThat(byProducer).hasSize(producers);
        List<Integer> inOrder = IntStream.range(0, each).boxed().toList();
        for (Map.Entry<String, List<Integer>> e : byProducer.entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).isEqualTo(inOrder);
        }
    }

    /** Waits until the writer has synced {@code n} records: reads the files, never the writer's state. */
    static void awaitWritten(Path dir, AuditFixtures.Keys keys, int n) throws Exception {
        for (int attempt = 0; attempt < 500; attempt++) {
            if (readAll(dir, keys.ring()).size() >= n) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the writer did not write " + n + " records");
    }
}
