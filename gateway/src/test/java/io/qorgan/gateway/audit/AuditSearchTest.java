package io.qorgan.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qorgan.gateway.crypto.SignatureAlgorithm;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searching the index: fields, numbers, periods, newest first, pages, and queries that cannot run. */
class AuditSearchTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final int N = 60;

    @TempDir
    static Path tmp;

    private static Path dir;
    private static AuditFixtures.Keys keys;

    @BeforeAll
    static void writeTrail() throws Exception {
        keys = AuditFixtures.keys(tmp.resolve("keys"), SignatureAlgorithm.ED25519);
        dir = tmp.resolve("trail");
        try (AuditTrail trail = AuditFixtures.open(AuditFixtures.config(dir, keys))) {
            for (int i = 0; i < N; i++) {
                trail.admit().write(AuditFixtures.exchange(i, T0.plusSeconds(60L * i)));
            }
            trail.record(ReloadRecord.ok(T0, ReloadRecord.Component.POLICY, "sha256-new"));
            // near-real-time: the trail's own search sees a record once the writer took it, before any commit
            long seen = 0;
            for (int attempt = 0; attempt < 500 && seen == 0; attempt++) {
                seen = trail.search(AuditQuery.of("type:reload")).join().total();
                Thread.sleep(seen == 0 ? 10 : 0);
            }
            assertThat(seen).isEqualTo(1);
            // and reads it from the segment, which the writer wrote out for the search, synced or not
            assertThat(trail.search(AuditQuery.of("type:reload")).join().records())
                    .containsExactly(ReloadRecord.ok(T0, ReloadRecord.Component.POLICY, "sha256-new"));
        }
    }

    private static AuditPage search(String q) throws Exception {
        return AuditSearch.search(dir, keys.ring(), AuditQuery.of(q));
    }

    private static List<String> requestIds(AuditPage page) {
        return page.records().stream()
                .map(r -> ((ExchangeRecord) r).requestId())
                .toList();
    }

    @Test
    void search_fieldsCombined_onlyMatchingRecords() throws Exception {
        AuditPage page = search("verdict:blocked AND agency:health");

        // exchange(i): blocked when i % 5 == 1, agency health when i % 3 == 0
        long expected =
                IntStream.range(0, N).filter(i -> i % 5 == 1 && i % 3 == 0).count();
        assertThat(page.total()).isEqualTo(expected);
        assertThat(page.records()).allSatisfy(r -> {
            ExchangeRecord e = (ExchangeRecord) r;
            assertThat(e.verdict()).isEqualTo(AuditVerdict.BLOCKED);
            assertThat(e.agency()).isEqualTo("health");
        });
        assertThat(page.fields()).containsExactly("agency", "verdict");
    }

    @Test
    void search_enumValueInUpperCase_matchesAsLowerCase() throws Exception {
        assertThat(search("verdict:SHADOW_WOULD_BLOCK").total())
                .isEqualTo(search("verdict:shadow_would_block").total())
                .isPositive();
    }

    @Test
    void search_entityTypeRuleAndCache_matchWhatTheRecordsHold() throws Exception {
        assertThat(search("entity:iin").total()).isEqualTo(N);
        assertThat(search("answer_entity:phone").total()).isEqualTo(N / 5);
        assertThat(search("rule:shadow-iin").total()).isEqualTo(N / 4);
        assertThat(search("shadow_rule:dsp-external").total()).isZero();
        assertThat(search("cache:hit").total()).isEqualTo(N / 5);
        assertThat(search("operator:iin\\:placeholder").total()).isPositive();
    }

    @Test
    void search_numberRanges_statusAndLatency() throws Exception {
        assertThat(search("status:[500 TO 599]").total()).isEqualTo(N / 5);
        assertThat(search("status:403").total()).isEqualTo(N / 5);
        assertThat(search("latency:[1 TO *]").total()).isEqualTo(N);
        assertThat(search("latency:[2 TO *]").total()).isZero();
    }

    @Test
    void search_bareTerm_matchesAnyField() throws Exception {
        assertThat(search("health-bot").total()).isEqualTo(N / 3);
        assertThat(search("BLOCKED").total()).isEqualTo(N / 5);
    }

    @Test
    void search_requestId_findsThatRecordOnly() throws Exception {
        assertThat(requestIds(search("request_id:req-17"))).containsExactly("req-17");
        assertThat(requestIds(search("req-17"))).containsExactly("req-17");
        assertThat(requestIds(search("request_id:req-17 OR request_id:req-4"))).containsExactly("req-17", "req-4");
        assertThat(search("request_id:req-1").total()).isEqualTo(1);
        assertThat(search("request_id:req-999").total()).isZero();
        assertThat(search("request_id:req-17 AND verdict:blocked").total()).isZero();
    }

    @Test
    void search_partOfARequestId_refusedWithTheReason() {
        for (String q :
                List.of("request_id:req-1*", "request_id:req-?7", "request_id:[req-1 TO req-2]", "request_id:req~")) {
            assertThatThrownBy(() -> search(q))
                    .as(q)
                    .isInstanceOf(BadQuery.class)
                    .hasMessageContaining("whole id only");
        }
    }

    @Test
    void search_period_newestFirstAndPaged() throws Exception {
        Instant from = T0.plusSeconds(60L * 10);
        Instant to = T0.plusSeconds(60L * 40);
        AuditPage first = AuditSearch.search(dir, keys.ring(), new AuditQuery("type:exchange", from, to, 1, 7));
        AuditPage fifth = AuditSearch.search(dir, keys.ring(), new AuditQuery("type:exchange", from, to, 5, 7));

        assertThat(first.total()).isEqualTo(30);
        assertThat(requestIds(first))
                .containsExactly("req-39", "req-38", "req-37", "req-36", "req-35", "req-34", "req-33");
        assertThat(requestIds(fifth)).containsExactly("req-11", "req-10");
        AuditPage beyond = AuditSearch.search(dir, keys.ring(), new AuditQuery("type:exchange", from, to, 6, 7));
        assertThat(beyond.json()).isEmpty();
    }

    @Test
    void search_badQueries_preciseErrorsWithoutTheQueryText() {
        assertThatThrownBy(() -> search("iin_value_900101300123:x"))
                .isInstanceOf(BadQuery.class)
                .hasMessageContaining("field the index does not have")
                .hasMessageNotContaining("900101300123");
        assertThatThrownBy(() -> search("status:abc-900101300123"))
                .isInstanceOf(BadQuery.class)
                .hasMessageContaining("needs a number")
                .hasMessageNotContaining("900101300123");
        assertThatThrownBy(() -> search("agency:(health AND"))
                .isInstanceOf(BadQuery.class)
                .hasMessageContaining("cannot be parsed");
        assertThatThrownBy(() -> new AuditQuery("x", T0, T0, 1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditQuery("x", null, null, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trailSearch_badQuery_completesWithBadQuery() throws Exception {
        Path other = tmp.resolve("other");
        try (AuditTrail trail = AuditFixtures.open(AuditFixtures.config(other, keys))) {
            assertThatThrownBy(() -> trail.search(AuditQuery.of("nofield:x")).join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(BadQuery.class);
        }
    }
}
