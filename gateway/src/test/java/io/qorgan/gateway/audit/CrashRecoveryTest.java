package io.qorgan.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.crypto.SignatureAlgorithm;
import io.qorgan.gateway.testing.IntegrationTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill -9} under load: the trail goes on in a new segment, and verifies up to the cut. */
@IntegrationTest
class CrashRecoveryTest {

    @TempDir
    Path tmp;

    @Test
    void open_afterKill9UnderLoad_continuesInANewSegmentAndVerifies() throws Exception {
        AuditFixtures.Keys keys = AuditFixtures.keys(tmp.resolve("keys"), SignatureAlgorithm.ED25519);
        Path dir = tmp.resolve("trail");
        Process writer = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingWriter.class.getName(),
                        dir.toString(),
                        keys.ringFile().toString(),
                        keys.signingFile().toString())
                .redirectErrorStream(true)
                .start();
        long synced = 0;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (synced < 2000 && (line = out.readLine()) != null) {
                if (line.startsWith("synced ")) {
                    synced = Long.parseLong(line.substring(7));
                }
            }
            assertThat(synced).as("the writer process got under way").isGreaterThanOrEqualTo(2000);
        } finally {
            writer.destroyForcibly(); // SIGKILL: no shutdown hook, no seal
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        List<Segments.Segment> beforeRestart = Segments.list(dir);
        // a kill while a segment was being started leaves it without a single entry: the restart removes it
        long lastStarted = 0;
        Segments.Segment lastStartedSegment = null;
        for (Segments.Segment segment : beforeRestart) {
            if (AuditReader.firstFrame(segment.file()) != null && segment.number() > lastStarted) {
                lastStarted = segment.number();
                lastStartedSegment = segment;
            }
        }
        // the kill may also fall just after a seal, before the next segment's first entry: nothing was cut then
        boolean cut = !endsWithSeal(lastStartedSegment);

        try (AuditTrail trail = AuditFixtures.open(AuditFixtures.config(dir, keys))) {
            trail.admit().write(AuditFixtures.exchange(999_999, Instant.now()));
        }

        List<Segments.Segment> afterRestart = Segments.list(dir);
        assertThat(afterRestart.get(afterRestart.size() - 1).number()).isEqualTo(lastStarted + 1);
        AuditVerifier.Result result =
                AuditVerifier.verify(dir, List.of(keys.pair().getPublic()), keys.ring());
        assertThat(result.ok()).as(result.problem()).isTrue();
        if (cut) {
            assertThat(result.notes()).anyMatch(n -> n.contains("the trail goes on in the next segment"));
        }
        List<String> ids = new ArrayList<>();
        AuditReader.readAll(dir, keys.ring(), e -> ids.add(((ExchangeRecord) e.record()).requestId()));
        assertThat(ids.size() - 1L)
                .as("every record synced before the kill is there")
                .isGreaterThanOrEqualTo(synced);
        for (int i = 0; i < ids.size() - 1; i++) {
            assertThat(ids.get(i))
                    .as("records up to the cut, in order, none missing")
                    .isEqualTo("req-" + i);
        }
        assertThat(ids.get(ids.size() - 1)).isEqualTo("req-999999");
        // the index was caught up with the segments: it holds each surviving record once
        assertThat(AuditSearch.search(dir, keys.ring(), AuditQuery.of("type:exchange"))
                        .total())
                .isEqualTo(ids.size());
    }

    private static boolean endsWithSeal(Segments.Segment segment) throws IOException {
        Frame last = null;
        try (SegmentReader reader = new SegmentReader(segment.file())) {
            for (Frame f = reader.next(); f != null; f = reader.next()) {
                last = f;
            }
            return last != null && last.kind == Frame.SEAL && reader.end() == SegmentReader.End.CLEAN;
        }
    }
}
