package io.qorgan.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.config.CacheConfig;
import io.qorgan.gateway.dialect.BodyRejected;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.dialect.RequestFacts;
import io.qorgan.gateway.metrics.GatewayMetrics;
import io.qorgan.gateway.policy.Verdict;
import io.qorgan.gateway.testing.Metrics;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cache on its own: eligibility, keys and scopes, storing, single flight, expiry, eviction, purges, sealing. */
class AnswerCacheTest {

    static final String BODY = "{\"model\":\"m\",\"temperature\":0,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Summarise the letter to [PERSON_1], phone [PHONE_1].\"}]}";
    static final String ANSWER = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Dear [PERSON_1], we call"
            + " [PHONE_1].\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":7,\"total_tokens\":19}}";

    private final FakeTicker ticker = new FakeTicker();
    private GatewayMetrics metrics = new GatewayMetrics();
    private CacheConfig config = CacheConfig.defaults();
    private AnswerCache cache;

    private AnswerCache cache() {
        if (cache == null) {
            metrics = new GatewayMetrics(); // a cache registers its gauges once per registry
            cache = AnswerCache.create(config, metrics, ticker, Runnable::run, new SecureRandom());
        }
        return cache;
    }

    private static CacheQuery query(String agency, String caller, String body, Map<String, String> headers) {
        return query(agency, caller, body, headers, null, false);
    }

    private static CacheQuery query(
            String agency,
            String caller,
            String body,
            Map<String, String> headers,
            Verdict.Cache policy,
            boolean identifying) {
        return new CacheQuery(
                agency,
                caller,
                "v1",
                "sim",
                Dialect.OPENAI_CHAT,
                "POST",
                "/v1/chat/completions",
                body.getBytes(StandardCharsets.UTF_8),
                facts(body),
                true,
                identifying,
                policy,
                headers);
    }

    /** As the preparer reads them; a body that is not JSON has no facts. */
    private static RequestFacts facts(String body) {
        try {
            return RequestFacts.read(body.getBytes(StandardCharsets.UTF_8));
        } catch (BodyRejected e) {
            return RequestFacts.NOT_JSON;
        }
    }

    private static CacheQuery query(String body) {
        return query("egov", "bot", body, Map.of());
    }

    private static boolean offer(Ticket ticket, String answer) {
        return ticket.offer(200, "application/json", false, answer.getBytes(StandardCharsets.UTF_8), 5_000_000, false);
    }

    /** Stores {@link #ANSWER} for {@code q}: the query must miss first. */
    private void store(CacheQuery q) {
        Lookup miss = cache().lookup(q);
        assertThat(miss).isInstanceOf(Lookup.Miss.class);
        assertThat(offer(((Lookup.Miss) miss).ticket(), ANSWER)).isTrue();
    }

    private String served(Lookup lookup) {
        assertThat(lookup).isInstanceOf(Lookup.Hit.class);
        return new String(((Lookup.Hit) lookup).answer().body(), StandardCharsets.UTF_8);
    }

    @Test
    void lookup_storedAnswer_isServedAsStored() {
        store(query(BODY));

        String served = served(cache().lookup(query(BODY)));

        assertThat(served).isEqualTo(ANSWER);
        String scrape = metrics.scrape();
        assertThat(Metrics.value(scrape, "qorgan_cache_requests_total{outcome=\"stored\",route=\"v1\"}"))
                .isEqualTo(1);
        assertThat(Metrics.value(scrape, "qorgan_cache_requests_total{outcome=\"hit\",route=\"v1\"}"))
                .isEqualTo(1);
        assertThat(Metrics.value(scrape, "qorgan_cache_tokens_saved_total{kind=\"output\"}"))
                .isEqualTo(7);
        assertThat(Metrics.value(scrape, "qorgan_cache_upstream_seconds_saved_total"))
                .isEqualTo(0.005);
    }

    @Test
    void lookup_sameRequestReformatted_hitsTheSameEntry() {
        store(query(BODY));

        String reformatted = "{ \"messages\" : [ { \"content\" : \"Summarise the letter to [PERSON_1], phone"
                + " [PHONE_1].\", \"role\" : \"user\" } ],\n \"temperature\" : 0.0, \"model\" : \"m\" }";
        Lookup again = cache().lookup(query(reformatted));

        assertThat(again).isInstanceOf(Lookup.Hit.class);
    }

    @Test
    void lookup_anotherCallerOfTheAgency_missesWithCallerScope_hitsWithAgencyScope() {
        store(query("egov", "bot", BODY, Map.of()));
        assertThat(cache().lookup(query("egov", "intranet", BODY, Map.of()))).isInstanceOf(Lookup.Miss.class);

        config = new CacheConfig(true, Duration.ofMinutes(10), CacheConfig.Scope.AGENCY, 1 << 20, 1 << 24);
        cache = null;
        store(query("egov", "bot", BODY, Map.of()));
        assertThat(cache().lookup(query("egov", "intranet", BODY, Map.of()))).isInstanceOf(Lookup.Hit.class);
    }

    @Test
    void lookup_anotherAgency_neverHitsEvenWithAgencyScope() {
        Verdict.Cache agencyScope = new Verdict.Cache(true, null, "agency", null);
        store(query("egov", "bot", BODY, Map.of(), agencyScope, false));

        Lookup other = cache().lookup(query("health", "bot", BODY, Map.of(), agencyScope, false));

        assertThat(other).isInstanceOf(Lookup.Miss.class);
    }

    @Test
    void lookup_notEligible_bypassesWithItsReason() {
        Map<String, String> bypass = Map.of("x-qorgan-cache", "bypass");
        Map<String, String> noStore = Map.of("cache-control", "max-age=0, No-Store");
        String warm = BODY.replace("\"temperature\":0", "\"temperature\":0.7");
        Verdict.Cache off = new Verdict.Cache(false, null, null, null);

        assertThat(cache().lookup(query("egov", "bot", BODY, bypass))).isEqualTo(new Lookup.Bypass("directive"));
        assertThat(cache().lookup(query("egov", "bot", BODY, noStore))).isEqualTo(new Lookup.Bypass("no_store"));
        assertThat(cache().lookup(query(warm))).isEqualTo(new Lookup.Bypass("not_deterministic"));
        assertThat(cache().lookup(query("egov", "bot", BODY, Map.of(), off, false)))
                .isEqualTo(new Lookup.Bypass("disabled"));
        assertThat(cache().lookup(query("egov", "bot", BODY, Map.of(), null, true)))
                .isEqualTo(new Lookup.Bypass("identifying_values"));
        assertThat(cache().lookup(query("[1]"))).isEqualTo(new Lookup.Bypass("not_json"));
        assertThat(Metrics.value(
                        metrics.scrape(), "qorgan_cache_bypasses_total{reason=\"not_deterministic\",route=\"v1\"}"))
                .isEqualTo(1);
    }

    @Test
    void lookup_allowDirective_cachesARequestThatIsNotDeterministic() {
        String warm = BODY.replace("\"temperature\":0", "\"temperature\":0.7");
        Map<String, String> allow = Map.of("x-qorgan-cache", "Allow");

        store(query("egov", "bot", warm, allow));

        assertThat(cache().lookup(query("egov", "bot", warm, allow))).isInstanceOf(Lookup.Hit.class);
        assertThat(cache().lookup(query(warm))).isEqualTo(new Lookup.Bypass("not_deterministic"));
    }

    @Test
    void lookup_unknownDirective_isInvalid() {
        assertThat(cache().lookup(query("egov", "bot", BODY, Map.of("x-qorgan-cache", "always"))))
                .isInstanceOf(Lookup.Invalid.class);
    }

    @Test
    void lookup_noCache_forwardsAndStoresAfresh() {
        store(query(BODY));
        Lookup refresh = cache().lookup(query("egov", "bot", BODY, Map.of("cache-control", "no-cache")));

        assertThat(refresh).isInstanceOf(Lookup.Miss.class);
        assertThat(offer(((Lookup.Miss) refresh).ticket(), ANSWER.replace("we call", "we will call")))
                .isTrue();
        assertThat(served(cache().lookup(query(BODY)))).contains("we will call");
    }

    @Test
    void offer_answersThatAreNotSafe_areNotStored() {
        List<Boolean> stored = new ArrayList<>();
        String[] bodies = {BODY, BODY.replace("letter", "note"), BODY.replace("letter", "memo"), BODY.replace("l", "L")
        };
        Ticket error = ((Lookup.Miss) cache().lookup(query(bodies[0]))).ticket();
        stored.add(error.offer(
                500, "application/json", false, "{\"error\":{}}".getBytes(StandardCharsets.UTF_8), 1, false));
        Ticket produced = ((Lookup.Miss) cache().lookup(query(bodies[1]))).ticket();
        stored.add(produced.offer(200, "application/json", false, ANSWER.getBytes(StandardCharsets.UTF_8), 1, true));
        Ticket cut = ((Lookup.Miss) cache().lookup(query(bodies[2]))).ticket();
        stored.add(cut.offer(
                200,
                "text/event-stream",
                true,
                "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Dear\"}}]}\n\n"
                        .getBytes(StandardCharsets.UTF_8),
                1,
                false));
        Ticket tooLarge = ((Lookup.Miss) cache().lookup(query(bodies[3]))).ticket();
        stored.add(tooLarge.offer(200, "application/json", false, null, 1, false));

        assertThat(stored).containsOnly(false);
        for (String body : bodies) {
            assertThat(cache().lookup(query(body))).isInstanceOf(Lookup.Miss.class);
        }
        String scrape = metrics.scrape();
        for (String reason : List.of("status", "personal_data", "incomplete", "too_large")) {
            assertThat(Metrics.value(scrape, "qorgan_cache_not_stored_total{reason=\"" + reason + "\"}"))
                    .as(reason)
                    .isEqualTo(1);
        }
    }

    @Test
    void lookup_identicalRequestInFlight_waitsAndIsServedItsAnswer() {
        Lookup first = cache().lookup(query(BODY));
        Lookup second = cache().lookup(query(BODY));
        List<Lookup> landed = new ArrayList<>();

        assertThat(second).isInstanceOf(Lookup.Wait.class);
        ((Lookup.Wait) second).flight().whenLanded(Runnable::run, landed::add);
        assertThat(landed).isEmpty();
        offer(((Lookup.Miss) first).ticket(), ANSWER);

        assertThat(landed).hasSize(1);
        assertThat(served(landed.get(0))).isEqualTo(ANSWER);
    }

    @Test
    void lookup_leaderGaveUp_waiterGoesOnItsOwnAndMayStore() {
        Lookup first = cache().lookup(query(BODY));
        Lookup second = cache().lookup(query(BODY));
        List<Lookup> landed = new ArrayList<>();
        ((Lookup.Wait) second).flight().whenLanded(Runnable::run, landed::add);

        ((Lookup.Miss) first).ticket().abandon();

        assertThat(landed).singleElement().isInstanceOf(Lookup.Miss.class);
        assertThat(offer(((Lookup.Miss) landed.get(0)).ticket(), ANSWER)).isTrue();
        assertThat(cache().lookup(query(BODY))).isInstanceOf(Lookup.Hit.class);
    }

    @Test
    void lookup_afterTtl_missesAndCountsTheExpiry() {
        store(query("egov", "bot", BODY, Map.of(), new Verdict.Cache(true, Duration.ofMinutes(2), null, null), false));

        ticker.advance(Duration.ofSeconds(119));
        assertThat(cache().lookup(query(BODY))).isInstanceOf(Lookup.Hit.class);
        ticker.advance(Duration.ofSeconds(2));
        assertThat(cache().lookup(query(BODY))).isInstanceOf(Lookup.Miss.class);
        cache().cleanUp();

        assertThat(Metrics.value(metrics.scrape(), "qorgan_cache_evictions_total{cause=\"expired\"}"))
                .isEqualTo(1);
    }

    @Test
    void store_beyondMaxBytes_evictsByWeight() {
        store(query(BODY.replace("letter", "letter 0")));
        long entry = cache().bytes(); // one sealed answer with its share of the entry
        config =
                new CacheConfig(true, Duration.ofMinutes(10), CacheConfig.Scope.CALLER, 1 << 20, 3 * entry + entry / 2);
        cache = null;
        for (int i = 0; i < 6; i++) {
            store(query(BODY.replace("letter", "letter " + i)));
        }
        cache().cleanUp();

        assertThat(cache().bytes()).isLessThanOrEqualTo(3 * entry + entry / 2);
        assertThat(cache().size()).isBetween(1L, 3L);
        assertThat(Metrics.value(metrics.scrape(), "qorgan_cache_evictions_total{cause=\"size\"}"))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void purge_oneAgency_leavesTheOthers() {
        store(query("egov", "bot", BODY, Map.of()));
        store(query("health", "bot", BODY, Map.of()));

        int purged = cache().purge("egov");

        assertThat(purged).isEqualTo(1);
        assertThat(cache().lookup(query("egov", "bot", BODY, Map.of()))).isInstanceOf(Lookup.Miss.class);
        assertThat(cache().lookup(query("health", "bot", BODY, Map.of()))).isInstanceOf(Lookup.Hit.class);
        assertThat(cache().figures().get("health").hitRatio()).isEqualTo(0.5);
    }

    @Test
    void purge_whileInFlight_answerIsNotStored() {
        Lookup first = cache().lookup(query(BODY));

        cache().purge("egov");
        offer(((Lookup.Miss) first).ticket(), ANSWER);

        assertThat(cache().lookup(query(BODY))).isInstanceOf(Lookup.Miss.class);
    }

    @Test
    void inspect_keysAndSealedEntries_holdNoAnswerText() {
        store(query(BODY));

        List<AnswerCache.Inspected> entries = cache().inspect();

        assertThat(entries).hasSize(1);
        AnswerCache.Inspected e = entries.get(0);
        assertThat(e.key().digestHex()).hasSize(64);
        assertThat(new String(e.opened(), StandardCharsets.UTF_8)).isEqualTo(ANSWER);
        String sealed = new String(e.sealed(), StandardCharsets.ISO_8859_1);
        assertThat(sealed).doesNotContain("[PERSON_1]").doesNotContain("Dear").doesNotContain("chat.completion");
    }

    @Test
    void lookup_headersThatShapeTheAnswer_arePartOfTheKey() {
        Map<String, String> beta = new HashMap<>();
        beta.put("openai-beta", "assistants=v2");
        store(query(BODY));

        assertThat(cache().lookup(query("egov", "bot", BODY, beta))).isInstanceOf(Lookup.Miss.class);
    }
}
