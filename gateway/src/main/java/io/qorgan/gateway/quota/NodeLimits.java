package io.qorgan.gateway.quota;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.qorgan.gateway.policy.UsageLimits;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * This node's share of each agency's and caller's limits: {@code limit / nodes} of the fleet's. Exchanges in flight
 * are always held here (a Resilience4j bulkhead); request rates (a Resilience4j rate limiter: the fleet's rate every
 * {@code nodes} seconds) and tokens (per minute and per UTC day) are held here when the fleet shares no store, or while
 * it cannot be reached. A policy reload that changes a limit starts a new count.
 *
 * <p>Thread-safe: shared by every event loop.
 */
final class NodeLimits {

    private final int nodes;
    private final LongSupplier millis;
    private final ConcurrentHashMap<String, Holder> holders = new ConcurrentHashMap<>();

    NodeLimits(int nodes, LongSupplier millis) {
        this.nodes = nodes;
        this.millis = millis;
    }

    /** The counters of {@code key} under {@code rates}, new when the rates changed. */
    Holder holder(String key, UsageLimits.Rates rates) {
        Holder h = holders.get(key);
        if (h == null || !h.rates.equals(rates)) {
            Holder fresh = new Holder(key, rates);
            h = holders.compute(key, (k, old) -> old == null || !old.rates.equals(rates) ? fresh : old);
        }
        return h;
    }

    private static int share(long limit, int nodes) {
        return (int) Math.max(1, (limit + nodes - 1) / nodes);
    }

    /** One agency's or caller's counters on this node. */
    final class Holder {
        final UsageLimits.Rates rates;
        private final Bulkhead inFlight;
        private final RateLimiter requests;
        private final TokenWindow minute;
        private final TokenWindow day;

        Holder(String key, UsageLimits.Rates rates) {
            this.rates = rates;
            this.inFlight = rates.concurrentExchanges() == 0
                    ? null
                    : Bulkhead.of(
                            key,
                            BulkheadConfig.custom()
                                    .maxConcurrentCalls(share(rates.concurrentExchanges(), nodes))
                                    .maxWaitDuration(Duration.ZERO)
                                    .build());
            this.requests = rates.requestsPerSecond() == 0
                    ? null
                    : RateLimiter.of(
                            key,
                            RateLimiterConfig.custom()
                                    .limitForPeriod(rates.requestsPerSecond())
                                    .limitRefreshPeriod(Duration.ofSeconds(nodes))
                                    .timeoutDuration(Duration.ZERO)
                                    .build());
            this.minute = rates.tokensPerMinute() == 0
                    ? null
                    : new TokenWindow(TimeUnit.MINUTES.toMillis(1), share(rates.tokensPerMinute(), nodes));
            this.day = rates.tokensPerDay() == 0
                    ? null
                    : new TokenWindow(TimeUnit.DAYS.toMillis(1), share(rates.tokensPerDay(), nodes));
        }

        /** Takes a place for an exchange in flight; false when this node's share is taken. */
        boolean enter() {
            return inFlight == null || inFlight.tryAcquirePermission();
        }

        void exit() {
            if (inFlight != null) {
                inFlight.onComplete();
            }
        }

        /** Milliseconds until the minute's or day's tokens allow a request again, 0 when they do now. */
        long tokensWait(boolean minuteWindow) {
            TokenWindow w = minuteWindow ? minute : day;
            return w == null ? 0 : w.millisUntilFree(millis.getAsLong());
        }

        /** Takes one request from the rate; -1 when taken, else milliseconds until one is free. */
        long takeRequest() {
            if (requests == null || requests.acquirePermission()) {
                return -1;
            }
            long nanos = ((AtomicRateLimiter) requests).getDetailedMetrics().getNanosToWait();
            return Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos));
        }

        void charge(long tokens) {
            long now = millis.getAsLong();
            if (minute != null) {
                minute.add(now, tokens);
            }
            if (day != null) {
                day.add(now, tokens);
            }
        }
    }

    /** Tokens counted in fixed windows (minutes, or UTC days) and their limit on this node. */
    private static final class TokenWindow {
        private final long spanMillis;
        private final long limit;
        private long window = -1;
        private long used;

        TokenWindow(long spanMillis, long limit) {
            this.spanMillis = spanMillis;
            this.limit = limit;
        }

        synchronized void add(long now, long tokens) {
            roll(now);
            used += tokens;
        }

        synchronized long millisUntilFree(long now) {
            roll(now);
            return used < limit ? 0 : (window + 1) * spanMillis - now;
        }

        private void roll(long now) {
            long w = now / spanMillis;
            if (w != window) {
                window = w;
                used = 0;
            }
        }
    }
}
