package io.qorgan.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.crypto.SignatureAlgorithm;
import io.qorgan.gateway.detect.Detector;
import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.detect.Finding;
import io.qorgan.gateway.identity.AuthMethod;
import io.qorgan.gateway.policy.DataClass;
import io.qorgan.gateway.protect.Operator;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No canary value reaches any file of the trail: exchanges full of personal data, on every path a record is made
 * for (plain, stream, blocked, shadow, refused, failed, cache hit, authentication failure, reload, search), go
 * through real detection, their records through the real writer and index, and every file is searched for the
 * values in every form. The scanner itself is shown to find a value wherever one is.
 */
class AuditCanaryTest {

    /** Synthetic people and numbers, check digits valid, as in the gateway's protection test. */
    static final String TEXT = "Өтініш беруші Ахметов Нұрлан Серікұлы, ЖСН 900515301234, тел. +7 701 123 45 67, "
            + "email nurlan.akhmetov@mail.kz. Заявитель Иванова Анна Петровна, ИИН 850101456780, проживает: "
            + "г. Алматы, ул. Абая, д. 10, кв. 25. Card 4111 1111 1111 1111, IBAN KZ23 999A 0000 1234 5678. "
            + "Dear Mr. John Smith, your IP 10.20.30.40.";

    static final List<String> CANARIES = List.of(
            "Ахметов",
            "Нұрлан",
            "900515301234",
            "701 123 45 67",
            "77011234567",
            "nurlan.akhmetov@mail.kz",
            "Иванова",
            "850101456780",
            "Абая, д. 10",
            "4111 1111 1111 1111",
            "4111111111111111",
            "KZ23 999A",
            "John Smith",
            "10.20.30.40");

    @TempDir
    Path tmp;

    @Test
    void trail_everyPathWithCanaryExchanges_noFileHoldsACanaryInAnyForm() throws Exception {
        AuditFixtures.Keys keys = AuditFixtures.keys(tmp.resolve("keys"), SignatureAlgorithm.ED25519);
        Path dir = tmp.resolve("trail");
        Map<EntityType, Integer> counts = counts(Detector.defaults().detect(TEXT));
        assertThat(counts).containsKeys(EntityType.IIN, EntityType.PHONE, EntityType.EMAIL, EntityType.PERSON);

        try (AuditTrail trail = AuditFixtures.open(AuditFixtures.config(dir, keys))) {
            Instant t = Instant.parse("2026-12-01T10:00:00Z");
            write(
                    trail,
                    exchange(t, counts, AuditVerdict.FORWARDED, Operator.PLACEHOLDER, CacheOutcome.STORED, 200, null));
            write(
                    trail,
                    exchange(
                            t,
                            counts,
                            AuditVerdict.FORWARDED,
                            Operator.MASK,
                            CacheOutcome.BYPASS,
                            200,
                            null)); // stream
            write(trail, exchange(t, counts, AuditVerdict.BLOCKED, null, CacheOutcome.NONE, 403, "dsp-external"));
            write(
                    trail,
                    exchange(
                            t,
                            counts,
                            AuditVerdict.SHADOW_WOULD_BLOCK,
                            Operator.PLACEHOLDER,
                            CacheOutcome.MISS,
                            200,
                            null));
            write(trail, exchange(t, counts, AuditVerdict.REFUSED, null, CacheOutcome.NONE, 500, "protection_failed"));
            write(
                    trail,
                    exchange(
                            t,
                            counts,
                            AuditVerdict.FAILED,
                            Operator.PLACEHOLDER,
                            CacheOutcome.MISS,
                            504,
                            "upstream_timeout"));
            write(
                    trail,
                    exchange(t, counts, AuditVerdict.FORWARDED, Operator.PLACEHOLDER, CacheOutcome.HIT, 200, null));
            trail.record(new AuthFailureRecord(
                    t,
                    "req-401",
                    InetAddress.getLoopbackAddress(),
                    AuthMethod.API_KEY,
                    "qg_ab12cd34",
                    "invalid_api_key"));
            trail.record(ReloadRecord.refused(t, ReloadRecord.Component.POLICY, "policy_invalid"));
            trail.record(new SearchRecord(
                    t,
                    "req-s",
                    "agency-audit",
                    "officer",
                    AuthMethod.API_KEY,
                    null,
                    List.of("agency", "any"),
                    null,
                    null,
                    1,
                    3,
                    200,
                    null));
            // a search for a canary: the query's text is not what the trail records
            trail.search(AuditQuery.of("\"" + CANARIES.get(0) + "\"")).join();
        }

        Path log = Path.of(System.getProperty("qorgan.test.log", "target/test-logs/qorgan-test.log"));
        List<String> found =
                AuditFilesScan.scan(dir, keys.ring(), Files.exists(log) ? List.of(log) : List.of(), CANARIES);
        assertThat(found).isEmpty();
    }

    @Test
    void scan_valuesPresentInEachForm_foundEverywhere() throws Exception {
        AuditFixtures.Keys keys = AuditFixtures.keys(tmp.resolve("keys"), SignatureAlgorithm.ED25519);
        Path dir = tmp.resolve("trail");
        try (AuditTrail trail = AuditFixtures.open(AuditFixtures.config(dir, keys))) {
            // an id-shaped value does pass into a record: the scanner must see it in records and index
            trail.admit()
                    .write(ExchangeRecord.builder()
                            .time(Instant.now())
                            .verdict(AuditVerdict.FORWARDED)
                            .model("canary-model-4417")
                            .build());
        }
        Path leaky = Files.createDirectories(tmp.resolve("logs")).resolve("leaky.log");
        Files.write(leaky, "x Нұрланқызы y".getBytes(StandardCharsets.UTF_16LE));
        Path escaped = tmp.resolve("logs/escaped.json");
        Files.writeString(
                escaped, "{\"n\":\"\\u041d\\u04b1\\u0440\\u043b\\u0430\\u043d\\u049b\\u044b\\u0437\\u044b\"}");

        List<String> found = AuditFilesScan.scan(
                dir, keys.ring(), List.of(leaky, escaped), List.of("canary-model-4417", "Нұрланқызы"));

        assertThat(found).anyMatch(f -> f.contains("(decrypted) holds canary-model-4417"));
        assertThat(found).anyMatch(f -> f.startsWith("index term model:canary-model-4417"));
        // the index keeps no copy of the record: a search reads it from its segment
        assertThat(found).noneMatch(f -> f.startsWith("index stored field"));
        assertThat(found).anyMatch(f -> f.contains("leaky.log holds Нұрланқызы as UTF-16LE"));
        assertThat(found).anyMatch(f -> f.contains("escaped.json holds Нұрланқызы as JSON escapes"));
        assertThat(found).noneMatch(f -> f.contains(".seg holds"));
    }

    private static void write(AuditTrail trail, ExchangeRecord record) {
        AuditTrail.Admission a = trail.admit();
        assertThat(a.admitted()).isTrue();
        a.write(record);
    }

    private static Map<EntityType, Integer> counts(List<Finding> findings) {
        Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
        for (Finding f : findings) {
            counts.merge(f.type(), 1, Integer::sum);
        }
        return counts;
    }

    private static ExchangeRecord exchange(
            Instant t,
            Map<EntityType, Integer> counts,
            AuditVerdict verdict,
            Operator operator,
            CacheOutcome cache,
            int status,
            String code) {
        Map<EntityType, EntityCount> entities = new EnumMap<>(EntityType.class);
        counts.forEach((type, n) -> entities.put(type, new EntityCount(n, operator)));
        return ExchangeRecord.builder()
                .time(t)
                .requestId("req-" + verdict.name().toLowerCase())
                .caller("health", "health-bot", AuthMethod.API_KEY)
                .clientAddress(InetAddress.getLoopbackAddress())
                .route("v1", "openai", DataClass.EXTERNAL)
                .model("gpt-4o-mini")
                .verdict(verdict)
                .rules(code != null && code.startsWith("dsp") ? List.of(code) : List.of(), List.of("shadow-iin"))
                .entities(entities)
                .answerEntities(Map.of(EntityType.PHONE, 1))
                .policyVersion("sha256-0123abcd")
                .cache(cache)
                .status(status, code)
                .bytes(TEXT.length(), 100)
                .times(new ExchangeTimes(2000, 150, 800, 1600))
                .build();
    }
}
