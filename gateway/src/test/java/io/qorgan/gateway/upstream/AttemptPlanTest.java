package io.qorgan.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.config.GatewayConfig;
import io.qorgan.gateway.config.UpstreamConfig;
import io.qorgan.gateway.identity.AuthMethod;
import io.qorgan.gateway.identity.Identity;
import io.qorgan.gateway.metrics.GatewayMetrics;
import io.qorgan.gateway.testing.Metrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.shiro.authz.permission.WildcardPermission;
import org.junit.jupiter.api.Test;

/** The decisions of one exchange's attempts, without sockets: what is retried, when, where it fails over. */
class AttemptPlanTest {

    private static final HttpHeaders NONE = new DefaultHttpHeaders();

    private final GatewayMetrics metrics = new GatewayMetrics();
    private final AtomicLong clock = new AtomicLong(TimeUnit.SECONDS.toNanos(1000));

    private final GatewayConfig config = ConfigLoader.parse("t.yaml", """
            upstreams:
              a:
                baseUrl: "http://127.0.0.1:1/v1"
                retry: { attempts: 3, backoff: 100ms, maxBackoff: 2s, budget: 10, minPerSecond: 0 }
                breaker: { window: 2, minimumCalls: 2, failureRate: 50, openFor: 1h, halfOpenCalls: 1 }
              b:
                baseUrl: "http://127.0.0.1:2"
              c:
                baseUrl: "http://127.0.0.1:3"
              slow:
                baseUrl: "http://127.0.0.1:4"
                breaker: { window: 4, minimumCalls: 4, failureRate: 100, slowCallRate: 50, slowCall: 1s, openFor: 1h }
            routes:
              - { pathPrefix: /v1, upstreams: [a, b] }
              - { pathPrefix: /w, upstreams: [{name: a, weight: 1}, {name: b, weight: 3}, {name: c, weight: 0}] }
              - { pathPrefix: /p, upstreams: [a, c] }
              - { pathPrefix: /s, upstreams: [slow, b] }
            """);

    private final Map<String, UpstreamGuard> guards = new HashMap<>();

    private UpstreamGuard guard(String name) {
        return guards.computeIfAbsent(name, n -> {
            UpstreamConfig u = config.upstreams().get(n);
            return new UpstreamGuard(u, metrics, clock::get);
        });
    }

    private AttemptPlan plan(int route, Identity identity) {
        List<UpstreamGuard> order = AttemptPlan.order(config.routes().get(route), new SplittableRandom(7)).stream()
                .map(t -> guard(t.upstream()))
                .toList();
        return AttemptPlan.of(config.routes().get(route), order, identity, metrics);
    }

    private static Identity caller(String... permissions) {
        return new Identity(
                "agency",
                "caller",
                Set.of(),
                Set.of(permissions).stream().map(WildcardPermission::new).collect(Collectors.toSet()),
                AuthMethod.API_KEY,
                "qg_test");
    }

    private static final Identity ANYONE = caller("*");

    private static HttpHeaders retryAfter(String value) {
        return new DefaultHttpHeaders().set("retry-after", value);
    }

    @Test
    void answered_503_retriedWithBackoffWithinJitter() {
        AttemptPlan plan = plan(0, ANYONE);
        plan.next();
        for (int i = 0; i < 20; i++) {
            guard("a").countRequest(); // traffic, so that the budget (10%) allows a retry
        }
        plan.sending(clock.get());
        assertThat(plan.answered(503, NONE, clock.get())).isEqualTo(AttemptPlan.Next.RETRY);
        assertThat(plan.delayNanos())
                .isBetween(
                        Duration.ofMillis(50).toNanos(), Duration.ofMillis(150).toNanos());
    }

    @Test
    void answered_okOr500_relayed() {
        AttemptPlan plan = plan(0, ANYONE);
        plan.next();
        plan.sending(clock.get());
        assertThat(plan.answered(200, NONE, clock.get())).isEqualTo(AttemptPlan.Next.GIVE_UP);
        plan.next();
        plan.sending(clock.get());
        assertThat(plan.answered(500, NONE, clock.get())).isEqualTo(AttemptPlan.Next.GIVE_UP);
    }

    @Test
    void answered_retryAfterWithinMaxBackoff_waitsThatLong() {
        AttemptPlan plan = plan(0, ANYONE);
        plan.next();
        for (int i = 0; i < 20; i++) {
            guard("a").countRequest();
        }
        plan.sending(clock.get());
        assertThat(plan.answered(429, retryAfter("1"), clock.get())).isEqualTo(AttemptPlan.Next.RETRY);
        assertThat(plan.delayNanos()).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void answered_retryAfterBeyondMaxBackoff_failsOverInsteadOfWaiting() {
        AttemptPlan plan = plan(0, ANYONE);
        plan.next();
        for (int i = 0; i < 20; i++) {
            guard("a").countRequest();
        }
        plan.sending(clock.get());
        assertThat(plan.answered(429, retryAfter("30"), clock.get())).isEqualTo(AttemptPlan.Next.FAIL_OVER);
        assertThat(plan.next()).isEqualTo("b");
    }

    @Test
    void failed_afterPartOfTheAnswer_neverRetried() {
        AttemptPlan plan = plan(0, ANYONE);
        plan.next();
        plan.sending(clock.get());
        UpstreamFailure cut = new UpstreamFailure(UpstreamFailure.Kind.CLOSED, true, false);
        assertThat(plan.failed(cut, clock.get())).isEqualTo(AttemptPlan.Next.GIVE_UP);
    }

    @Test
    void failed_budgetSpent_failsOverAndCounts() {
        AttemptPlan plan = plan(0, ANYONE); // no traffic yet: 10% of nothing, and no minimum
        plan.next();
        plan.sending(clock.get());
        UpstreamFailure refused = new UpstreamFailure(UpstreamFailure.Kind.CONNECT, false, false);
        assertThat(plan.failed(refused, clock.get())).isEqualTo(AttemptPlan.Next.FAIL_OVER);
        assertThat(Metrics.value(metrics.scrape(), "qorgan_upstream_retry_budget_exhausted_total{upstream=\"a\"}"))
                .isEqualTo(1);
    }

    @Test
    void retries_stopAfterTheConfiguredAttempts() {
        AttemptPlan plan = plan(2, ANYONE);
        plan.next();
        for (int i = 0; i < 100; i++) {
            guard("a").countRequest();
        }
        UpstreamFailure refused = new UpstreamFailure(UpstreamFailure.Kind.TIMEOUT, false, false);
        guard("c"); // c has the default breaker: a's opens after two failures, so keep to the plan's counting
        int retries = 0;
        plan.sending(clock.get());
        while (plan.failed(refused, clock.get()) == AttemptPlan.Next.RETRY) {
            retries++;
            plan.permitRetry();
            plan.sending(clock.get());
        }
        assertThat(retries).isEqualTo(2); // attempts: 3
    }

    @Test
    void breakerOpen_upstreamSkippedAtOnce_noneLeftIsNull() {
        UpstreamGuard a = guard("a");
        for (int i = 0; i < 2; i++) {
            assertThat(a.tryPermit()).isTrue();
            a.failed(1000, UpstreamFailure.Kind.CONNECT);
        }
        assertThat(a.state()).isEqualTo("open");
        AttemptPlan plan = plan(0, ANYONE);
        assertThat(plan.next()).isEqualTo("b");
        assertThat(plan.next()).isNull();
        assertThat(Metrics.value(
                        metrics.scrape(), "qorgan_upstream_skipped_total{reason=\"breaker_open\",upstream=\"a\"}"))
                .isEqualTo(1);
    }

    @Test
    void weightedRoute_drawsByWeight_zeroWeightOnlyAsLastFallback() {
        Map<String, Integer> firsts = new HashMap<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 4000; i++) {
            List<String> order = AttemptPlan.order(config.routes().get(1), random).stream()
                    .map(t -> t.upstream())
                    .toList();
            assertThat(order.get(2)).isEqualTo("c");
            firsts.merge(order.get(0), 1, Integer::sum);
        }
        assertThat(firsts).doesNotContainKey("c");
        assertThat(firsts.get("b") / (double) firsts.get("a")).isBetween(2.5, 3.5);
    }

    @Test
    void fallbackTheCallerMayNotUse_leftOut() {
        AttemptPlan plan = plan(0, caller("route:v1:invoke", "upstream:a:use"));
        assertThat(plan.next()).isEqualTo("a");
        assertThat(plan.hasNext()).isFalse();
    }

    @Test
    void retryAfter_secondsDateAndMilliseconds() {
        assertThat(AttemptPlan.retryAfterNanos(retryAfter("2"))).isEqualTo(TimeUnit.SECONDS.toNanos(2));
        assertThat(AttemptPlan.retryAfterNanos(new DefaultHttpHeaders().set("retry-after-ms", "250")))
                .isEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
        assertThat(AttemptPlan.retryAfterNanos(retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")))
                .isZero(); // in the past
        assertThat(AttemptPlan.retryAfterNanos(retryAfter("soon"))).isEqualTo(Long.MAX_VALUE);
        assertThat(AttemptPlan.retryAfterNanos(NONE)).isZero();
    }

    @Test
    void answered_slowerThanSlowCall_opensTheBreakerOnItsSlowCallRate() {
        for (int i = 0; i < 4; i++) {
            AttemptPlan plan = plan(3, ANYONE);
            assertThat(plan.next()).isEqualTo("slow");
            long sent = clock.get();
            plan.sending(sent);
            long took = i % 2 == 0 ? TimeUnit.MILLISECONDS.toNanos(1500) : TimeUnit.MILLISECONDS.toNanos(10);
            assertThat(plan.answered(200, NONE, sent + took)).isEqualTo(AttemptPlan.Next.GIVE_UP);
        }
        // two of four calls slower than 1 s, none failed: the slow-call rate (50%) opens it
        assertThat(guard("slow").snapshot().slowCallRate()).isEqualTo(50f);
        assertThat(guard("slow").snapshot().failureRate()).isZero();
        assertThat(guard("slow").state()).isEqualTo("open");
        assertThat(plan(3, ANYONE).next()).isEqualTo("b");
    }

    @Test
    void likely_firstUpstreamWhoseBreakerIsNotOpen_readWithoutAPermission() {
        UpstreamGuard a = guard("a");
        assertThat(plan(0, ANYONE).likely()).isEqualTo("a");
        for (int i = 0; i < 2; i++) {
            assertThat(a.tryPermit()).isTrue();
            a.failed(1000, UpstreamFailure.Kind.CONNECT);
        }
        long refused = a.snapshot().notPermittedCalls();

        assertThat(plan(0, ANYONE).likely()).isEqualTo("b");
        assertThat(plan(2, caller("upstream:a:use")).likely())
                .as("every upstream open: the first, for the answer cache to be asked")
                .isEqualTo("a");
        assertThat(a.snapshot().notPermittedCalls()).as("no permission asked").isEqualTo(refused);
        assertThat(Metrics.value(
                        metrics.scrape(), "qorgan_upstream_skipped_total{reason=\"breaker_open\",upstream=\"a\"}"))
                .isZero();
    }
}
