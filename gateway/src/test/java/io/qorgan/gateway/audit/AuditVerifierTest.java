package io.qorgan.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.config.AuditConfig;
import io.qorgan.gateway.crypto.SignatureAlgorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way of tampering with a trail is detected, and the first broken entry is named: edited, deleted, reordered,
 * inserted, truncated, a forged signature, a segment of another trail, a key that is not the trail's.
 */
class AuditVerifierTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path tmp;

    private AuditFixtures.Keys keys;
    private Path dir;
    private AuditConfig config;

    @BeforeEach
    void writeTrail() throws Exception {
        keys = AuditFixtures.keys(tmp.resolve("keys"), SignatureAlgorithm.ED25519);
        dir = tmp.resolve("trail");
        config = AuditFixtures.config(dir, keys);
        // two runs: segment 1 sealed, segment 2 sealed; each holds 10 records and signatures
        for (int run = 0; run < 2; run++) {
            try (AuditTrail trail = AuditFixtures.open(config)) {
                for (int i = 0; i < 10; i++) {
                    trail.admit().write(AuditFixtures.exchange(run * 10 + i, T0));
                }
            }
        }
        assertThat(verify().ok()).isTrue();
    }

    private AuditVerifier.Result verify() throws Exception {
        return AuditVerifier.verify(dir, List.of(keys.pair().getPublic()), keys.ring());
    }

    private AuditVerifier.Result verifyWithoutKeys() throws Exception {
        return AuditVerifier.verify(dir, List.of(keys.pair().getPublic()), null);
    }

    private Path segment(int n) throws Exception {
        return Segments.list(dir).get(n - 1).file();
    }

    @Test
    void verify_untouched_soundWithEveryRecordDecrypted() throws Exception {
        AuditVerifier.Result result = verify();
        assertThat(result.ok()).isTrue();
        assertThat(result.records()).isEqualTo(20);
        assertThat(result.segments()).isEqualTo(2);
    }

    @Test
    void verify_recordEditedChecksumFixed_namesTheEditedRecordWithKeysAndTheBrokenLinkWithout() throws Exception {
        SegmentSurgery s = new SegmentSurgery(segment(1));
        SegmentSurgery.Entry third = s.entries.get(3);
        s.flipBit(third, 5, true);

        AuditVerifier.Result withKeys = verify();
        assertThat(withKeys.ok()).isFalse();
        assertThat(withKeys.problem()).startsWith("entry #" + third.seq() + " ").contains("does not decrypt");

        AuditVerifier.Result withoutKeys = verifyWithoutKeys();
        assertThat(withoutKeys.ok()).isFalse();
        assertThat(withoutKeys.problem())
                .startsWith("entry #" + (third.seq() + 1) + " ")
                .contains("does not follow entry #" + third.seq());
    }

    @Test
    void verify_recordEditedChecksumLeft_namesTheDamagedEntry() throws Exception {
        SegmentSurgery s = new SegmentSurgery(segment(1));
        SegmentSurgery.Entry third = s.entries.get(3);
        s.flipBit(third, 5, false);

        AuditVerifier.Result result = verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.problem())
                .contains("byte " + third.offset())
                .contains("after #" + (third.seq() - 1))
                .contains("damaged");
    }

    @Test
    void verify_recordDeleted_namesTheMissingEntry() throws Exception {
        SegmentSurgery s = new SegmentSurgery(segment(1));
        SegmentSurgery.Entry gone = s.entries.get(4);
        s.delete(gone);

        AuditVerifier.Result result = verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.problem()).startsWith("entries #" + gone.seq() + " to #" + gone.seq() + " are missing");
    }

    @Test
    void verify_recordsReordered_namesTheEntryOutOfPlace() throws Exception {
        SegmentSurgery s = new SegmentSurgery(segment(1));
        SegmentSurgery.Entry a = s.entries.get(2);
        SegmentSurgery.Entry b = s.entries.get(3);
        s.swap(a, b);

        AuditVerifier.Result result = verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.problem()).contains("entry #" + b.seq()).contains("missing");
    }

    @Test
    void verify_recordInserted_namesTheInsertedEntry() throws Exception {
        SegmentSurgery s = new SegmentSurgery(segment(1));
        SegmentSurgery.Entry copied = s.entries.get(2);
        s.duplicate(copied);

        AuditVerifier.Result result = verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.problem())
                .startsWith("entry #" + copied.seq() + " (segment 00000001-")
                .contains("reordered or inserted");
    }

    @Test
    void verify_sealedSegmentTruncated_saysEntriesWereRemovedFromItsEnd() throws Exception {
        SegmentSurgery s = new SegmentSurgery(segment(1));
        SegmentSurgery.Entry lastRecord = s.entries.get(s.entries.size() - 3);
        s.truncate(lastRecord.offset());

        AuditVerifier.Result result = verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.problem()).contains("00000001-").contains("truncated");
    }

    @Test
    void verify_sealedSegmentCutInsideAnEntry_saysItWasTruncated() throws Exception {
        SegmentSurgery s = new SegmentSurgery(segment(1));
        SegmentSurgery.Entry lastRecord = s.entries.get(s.entries.size() - 3);
        s.truncate(lastRecord.offset() + 10);

        AuditVerifier.Result result = verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.problem()).contains("truncated");
    }

    @Test
    void verify_signatureForged_namesTheSignature() throws Exception {
        SegmentSurgery s = new SegmentSurgery(segment(2));
        SegmentSurgery.Entry seal = s.first(Frame.SEAL);
        s.flipBit(seal, 3, true);

        AuditVerifier.Result result = verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.problem())
                .startsWith("the signature at entry #" + seal.seq())
                .contains("does not verify");
    }

    @Test
    void verify_trailResignedWithAnotherKey_refusedAgainstThePinnedKey() throws Exception {
        Path other = tmp.resolve("other");
        AuditFixtures.Keys otherKeys = AuditFixtures.keys(tmp.resolve("otherKeys"), SignatureAlgorithm.ED25519);
        try (AuditTrail trail = AuditFixtures.open(AuditFixtures.config(other, otherKeys))) {
            trail.admit().write(AuditFixtures.exchange(1, T0));
        }

        AuditVerifier.Result result =
                AuditVerifier.verify(other, List.of(keys.pair().getPublic()), null);
        assertThat(result.ok()).isFalse();
        assertThat(result.problem()).contains("is signed with key").contains("not one of the trail's keys");
        AuditVerifier.Result unpinned = AuditVerifier.verify(other, List.of(), null);
        assertThat(unpinned.ok()).isTrue();
        assertThat(unpinned.notes())
                .anyMatch(n ->
                        n.contains(AuditVerifier.fingerprint(otherKeys.pair().getPublic())));
    }

    @Test
    void verify_segmentOfAnotherTrail_namesIt() throws Exception {
        Path other = tmp.resolve("other");
        try (AuditTrail trail = AuditFixtures.open(AuditFixtures.config(other, keys))) {
            trail.admit().write(AuditFixtures.exchange(1, T0));
        }
        Path foreign = Segments.list(other).get(0).file();
        Files.copy(foreign, Segments.segmentsDir(dir).resolve("00000003-20261201.seg"));

        AuditVerifier.Result result = verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.problem()).startsWith("segment 00000003-20261201.seg belongs to another trail");
    }

    @Test
    void verify_middleSegmentDeleted_namesTheGap() throws Exception {
        try (AuditTrail trail = AuditFixtures.open(config)) {
            trail.admit().write(AuditFixtures.exchange(99, T0));
        }
        Files.delete(segment(2));

        AuditVerifier.Result result = verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.problem()).startsWith("segments 2 to 2 are missing");
    }

    @Test
    void verify_firstSegmentDeletedByHand_noRetentionRecordExplainsIt() throws Exception {
        Files.delete(segment(1));

        AuditVerifier.Result result = verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.problem()).contains("the segments before it are missing");
    }

    @Test
    void verify_openSegmentTailCutByACrash_soundUpToTheCutAndSaysWhere() throws Exception {
        SegmentSurgery s = new SegmentSurgery(segment(2));
        SegmentSurgery.Entry seal = s.first(Frame.SEAL);
        SegmentSurgery.Entry lastRecord = s.entries.get(s.entries.size() - 3);
        s.truncate(lastRecord.offset() + 7);

        AuditVerifier.Result result = verify();
        assertThat(result.ok()).as(result.problem()).isTrue();
        assertThat(result.notes())
                .anyMatch(n -> n.contains("tail was cut at byte " + lastRecord.offset())
                        && n.contains("after entry #" + (lastRecord.seq() - 1)));
        assertThat(seal.seq()).isGreaterThan(lastRecord.seq());

        // the gateway starts again: the trail goes on in a new segment that records the cut
        try (AuditTrail trail = AuditFixtures.open(config)) {
            trail.admit().write(AuditFixtures.exchange(50, T0));
        }
        AuditVerifier.Result after = verify();
        assertThat(after.ok()).as(after.problem()).isTrue();
        assertThat(after.notes()).anyMatch(n -> n.contains("00000002-") && n.contains("the trail goes on"));
    }

    @Test
    void verify_recoveredSegmentCutFurtherAfterRestart_detected() throws Exception {
        SegmentSurgery s = new SegmentSurgery(segment(2));
        SegmentSurgery.Entry lastRecord = s.entries.get(s.entries.size() - 3);
        s.truncate(lastRecord.offset() + 7);
        try (AuditTrail trail = AuditFixtures.open(config)) {
            trail.admit().write(AuditFixtures.exchange(50, T0));
        }
        SegmentSurgery again = new SegmentSurgery(segment(2));
        again.truncate(again.entries.get(again.entries.size() - 2).offset());

        AuditVerifier.Result result = verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.problem()).contains("00000002-").contains("truncated or changed since");
    }
}
