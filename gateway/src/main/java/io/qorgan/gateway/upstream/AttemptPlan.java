package io.qorgan.gateway.upstream;

import io.netty.handler.codec.http.HttpHeaders;
import io.qorgan.gateway.config.RouteConfig;
import io.qorgan.gateway.identity.Identity;
import io.qorgan.gateway.metrics.GatewayMetrics;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Where one exchange may go and how often: the route's upstreams in the order they are tried (by priority, or the
 * first drawn by weight), each with its breaker, retry settings and budget. The relay asks it, at each turn, whether to
 * send again, fail over to the next upstream, or give up.
 *
 * <p>The rules: an upstream is tried only while its breaker lets the call through (an open one is skipped at once); a
 * request is sent again to the same upstream only when nothing of the answer has arrived — a connection refused, closed
 * or timed out before the answer's head, or an answer of 429, 502, 503 or 504 — at most {@code retry.attempts} times,
 * after an exponential backoff with jitter or the upstream's {@code Retry-After} (when it is not longer than
 * {@code retry.maxBackoff}), and only while its retry budget lasts; then the next upstream is tried, and when none is
 * left the last answer is relayed (or, after a failure, an error answered).
 *
 * <p>One per exchange, used on its event loop only; the guards it names are shared and thread-safe.
 */
public final class AttemptPlan {

    /** What the relay does next. */
    public enum Next {
        /** relay the answer as it came (or, after a failure, answer the error) */
        GIVE_UP,
        /** send the same request to the same upstream after {@link #delayNanos()} */
        RETRY,
        /** try the next upstream of the route ({@link #next()}) */
        FAIL_OVER
    }

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final List<UpstreamGuard> candidates;
    private final GatewayMetrics metrics;
    private int index = -1;
    /** Sends to the current upstream so far, the first included. */
    private int tries;
    /** A breaker permission is held for the current upstream and its outcome not yet told. */
    private boolean holding;

    private long sentAt;
    private long delayNanos;

    private AttemptPlan(List<UpstreamGuard> candidates, GatewayMetrics metrics) {
        this.candidates = candidates;
        this.metrics = metrics;
    }

    /**
     * The upstreams of {@code route} in the order this exchange tries them: as listed, or, on a weighted route, drawn
     * one after another by weight (weight 0 last, as listed). Upstreams the caller may not use are left out.
     */
    public static AttemptPlan forRoute(
            RouteConfig route,
            Map<String, UpstreamClient> upstreams,
            Identity identity,
            RandomGenerator random,
            GatewayMetrics metrics) {
        List<RouteConfig.Target> order = order(route, random);
        List<UpstreamGuard> guards = new ArrayList<>(order.size());
        for (RouteConfig.Target target : order) {
            guards.add(upstreams.get(target.upstream()).guard());
        }
        return of(route, guards, identity, metrics);
    }

    /** The plan over {@code guards}, in that order, without those the caller may not use. */
    static AttemptPlan of(RouteConfig route, List<UpstreamGuard> guards, Identity identity, GatewayMetrics metrics) {
        List<UpstreamGuard> out = new ArrayList<>(guards.size());
        for (UpstreamGuard guard : guards) {
            if (guard.name().equals(route.upstream()) || identity.isPermitted(guard.permission())) {
                out.add(guard); // the route's own upstream was checked with the route
            } else {
                metrics.upstreamSkipped(guard.name(), "permission");
            }
        }
        return new AttemptPlan(out, metrics);
    }

    /** The route's upstreams in the order one exchange tries them. */
    static List<RouteConfig.Target> order(RouteConfig route, RandomGenerator random) {
        return route.weighted() ? drawn(route.targets(), random) : route.targets();
    }

    /** One upstream only: where a policy rule sent the request. */
    public static AttemptPlan forUpstream(UpstreamGuard guard, GatewayMetrics metrics) {
        return new AttemptPlan(List.of(guard), metrics);
    }

    private static List<RouteConfig.Target> drawn(List<RouteConfig.Target> targets, RandomGenerator random) {
        List<RouteConfig.Target> pool = new ArrayList<>();
        List<RouteConfig.Target> zero = new ArrayList<>();
        for (RouteConfig.Target t : targets) {
            (t.weight() > 0 ? pool : zero).add(t);
        }
        List<RouteConfig.Target> out = new ArrayList<>(targets.size());
        while (!pool.isEmpty()) {
            int total = 0;
            for (RouteConfig.Target t : pool) {
                total += t.weight();
            }
            int r = random.nextInt(total);
            int i = 0;
            while (r >= pool.get(i).weight()) {
                r -= pool.get(i).weight();
                i++;
            }
            out.add(pool.remove(i));
        }
        out.addAll(zero);
        return out;
    }

    /**
     * The upstream an exchange is prepared for before any is called: the first whose breaker is not open, read without
     * taking a permission (an exchange the answer cache serves asks no breaker), else the first. Null when the caller
     * may use none.
     */
    public String likely() {
        for (UpstreamGuard guard : candidates) {
            if (!guard.open()) {
                return guard.name();
            }
        }
        return candidates.isEmpty() ? null : candidates.get(0).name();
    }

    /**
     * Moves to the next upstream whose breaker lets a call through, taking its permission; those whose breaker is
     * open are passed over. Null when none is left.
     */
    public String next() {
        release();
        while (++index < candidates.size()) {
            UpstreamGuard guard = candidates.get(index);
            if (guard.tryPermit()) {
                holding = true;
                tries = 0;
                return guard.name();
            }
            metrics.upstreamSkipped(guard.name(), "breaker_open");
        }
        return null;
    }

    /** The upstream of the current attempt. */
    public UpstreamGuard current() {
        return candidates.get(index);
    }

    /** Whether an upstream after the current one remains to be tried. */
    public boolean hasNext() {
        return index + 1 < candidates.size();
    }

    /** The request goes out to the current upstream now. */
    public void sending(long nanos) {
        if (tries == 0) {
            current().countRequest();
        }
        tries++;
        sentAt = nanos;
    }

    /** Before a retry goes out: the breaker's permission again; false (and the upstream skipped) when it opened. */
    public boolean permitRetry() {
        UpstreamGuard guard = current();
        if (guard.tryPermit()) {
            holding = true;
            return true;
        }
        metrics.upstreamSkipped(guard.name(), "breaker_open");
        return false;
    }

    /** The head of an answer arrived at {@code nanos}: judged for the breaker, then whether it is relayed. */
    public Next answered(int status, HttpHeaders headers, long nanos) {
        UpstreamGuard guard = current();
        if (holding) {
            holding = false;
            long took = nanos - sentAt;
            if (status == 429) {
                guard.released();
            } else if (status >= 500) {
                guard.answeredWithError(took);
            } else {
                guard.succeeded(took);
            }
        }
        if (status != 429 && status != 502 && status != 503 && status != 504) {
            return Next.GIVE_UP;
        }
        return decide(retryAfterNanos(headers), true);
    }

    /** The attempt failed at {@code nanos} before its answer ended. */
    public Next failed(UpstreamFailure failure, long nanos) {
        if (holding) {
            holding = false;
            if (failure.kind() == UpstreamFailure.Kind.POOL_EXHAUSTED) {
                current().released(); // our own pool is full: nothing is known of the upstream
            } else {
                current().failed(nanos - sentAt, failure.kind());
            }
        }
        if (failure.responseStarted()) {
            return Next.GIVE_UP; // part of the answer came: never sent twice
        }
        return decide(0, failure.kind() != UpstreamFailure.Kind.POOL_EXHAUSTED);
    }

    private Next decide(long retryAfterNanos, boolean sameUpstream) {
        UpstreamGuard guard = current();
        if (sameUpstream
                && tries < guard.retry().attempts()
                && retryAfterNanos <= guard.retry().maxBackoff().toNanos()) {
            if (guard.tryRetry()) {
                delayNanos = Math.max(guard.backoffNanos(tries), retryAfterNanos);
                return Next.RETRY;
            }
            metrics.retryBudgetExhausted(guard.name());
        }
        return hasNext() ? Next.FAIL_OVER : Next.GIVE_UP;
    }

    /** The wait before the retry decided last. */
    public long delayNanos() {
        return delayNanos;
    }

    /** The exchange ended (or its attempt was dropped): a permission still held goes back without an outcome. */
    public void release() {
        if (holding) {
            holding = false;
            current().released();
        }
    }

    /** The upstream's {@code Retry-After}, in whole seconds rounded up, or 0 when it gave none we can read. */
    public static long retryAfterSeconds(HttpHeaders headers) {
        long nanos = retryAfterNanos(headers);
        if (nanos <= 0 || nanos == Long.MAX_VALUE) {
            return 0;
        }
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }

    /** {@code Retry-After} (seconds or an HTTP date) or {@code retry-after-ms}, in nanoseconds; 0 when absent. */
    static long retryAfterNanos(HttpHeaders headers) {
        String ms = headers.get("retry-after-ms");
        if (ms != null) {
            try {
                return TimeUnit.MILLISECONDS.toNanos(Math.max(0, (long) Double.parseDouble(ms.trim())));
            } catch (NumberFormatException e) {
                // fall through to Retry-After
            }
        }
        String value = headers.get("retry-after");
        if (value == null) {
            return 0;
        }
        String v = value.trim();
        try {
            return TimeUnit.SECONDS.toNanos(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                Duration wait = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, HTTP_DATE));
                return Math.max(0, wait.toNanos());
            } catch (DateTimeParseException | ArithmeticException unreadable) {
                return Long.MAX_VALUE; // a wait we cannot read is not one we can honour by retrying
            }
        }
    }
}
