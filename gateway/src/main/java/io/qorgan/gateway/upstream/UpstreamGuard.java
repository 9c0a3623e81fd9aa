package io.qorgan.gateway.upstream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.qorgan.gateway.config.BreakerSettings;
import io.qorgan.gateway.config.RetrySettings;
import io.qorgan.gateway.config.UpstreamConfig;
import io.qorgan.gateway.metrics.GatewayMetrics;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.shiro.authz.Permission;
import org.apache.shiro.authz.permission.WildcardPermission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What protects one upstream, and the rest of the gateway from it: its circuit breaker (Resilience4j, a count-based
 * sliding window of failures and slow calls, half-open probes), its retry budget, and how long to wait before a retry
 * (Resilience4j's exponential backoff with jitter). One per upstream, shared by every event loop; thread-safe.
 *
 * <p>A call is judged when the head of its answer arrives (or it fails before): a failure is a connection that could
 * not be made, closed or timed out, or an answer of 500 and above; a 429 is neither a failure nor a success (the
 * upstream is well, only busy); a call slower than the breaker's {@code slowCall} is slow.
 */
public final class UpstreamGuard {

    private static final Logger log = LoggerFactory.getLogger(UpstreamGuard.class);

    private final String name;
    private final RetrySettings retry;
    private final CircuitBreaker breaker;
    private final RetryBudget budget;
    private final IntervalFunction backoff;
    private final Permission permission;
    private final String basePath;
    private final Duration openFor;

    UpstreamGuard(UpstreamConfig config, GatewayMetrics metrics, LongSupplier nanos) {
        this.name = config.name();
        this.retry = config.retry();
        this.budget = new RetryBudget(retry.budgetRatio(), retry.budgetMinPerSecond(), nanos);
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(retry.backoff(), 2.0, 0.5, retry.maxBackoff());
        this.permission = new WildcardPermission("upstream:" + name + ":use");
        this.basePath = config.basePath();
        BreakerSettings b = config.breaker();
        this.openFor = b.openFor();
        this.breaker = b.enabled() ? breaker(config, b, metrics) : null;
    }

    public static UpstreamGuard create(UpstreamConfig config, GatewayMetrics metrics) {
        return new UpstreamGuard(config, metrics, System::nanoTime);
    }

    private static CircuitBreaker breaker(UpstreamConfig config, BreakerSettings b, GatewayMetrics metrics) {
        CircuitBreakerConfig settings = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(b.window())
                .minimumNumberOfCalls(b.minimumCalls())
                .failureRateThreshold((float) b.failureRatePercent())
                .slowCallRateThreshold((float) b.slowCallRatePercent())
                .slowCallDurationThreshold(b.slowCall())
                .waitDurationInOpenState(b.openFor())
                .permittedNumberOfCallsInHalfOpenState(b.halfOpenCalls())
                // a probe whose outcome never came back must not hold the breaker half-open for ever
                .maxWaitDurationInHalfOpenState(
                        config.connectTimeout().plus(config.readTimeout()).plusSeconds(5))
                .writableStackTraceEnabled(false)
                .build();
        CircuitBreaker breaker = CircuitBreaker.of(config.name(), settings);
        breaker.getEventPublisher().onStateTransition(e -> {
            String to = stateName(e.getStateTransition().getToState());
            metrics.breakerTransition(config.name(), to);
            log.info(
                    "circuit breaker of upstream {}: {} -> {}",
                    config.name(),
                    stateName(e.getStateTransition().getFromState()),
                    to);
        });
        return breaker;
    }

    public String name() {
        return name;
    }

    /** The upstream's base path, for a request forwarded to it from another upstream's target. */
    public String basePath() {
        return basePath;
    }

    Permission permission() {
        return permission;
    }

    RetrySettings retry() {
        return retry;
    }

    /** {@code closed}, {@code open}, {@code half_open} (or {@code disabled}, {@code forced_open}...). */
    public String state() {
        return breaker == null ? "disabled" : stateName(breaker.getState());
    }

    /** The breaker's counts, for the admin endpoint: failure and slow-call rates in percent (-1 before judged). */
    public Snapshot snapshot() {
        if (breaker == null) {
            return new Snapshot("disabled", -1, -1, 0, 0);
        }
        CircuitBreaker.Metrics m = breaker.getMetrics();
        return new Snapshot(
                state(),
                m.getFailureRate(),
                m.getSlowCallRate(),
                m.getNumberOfBufferedCalls(),
                m.getNumberOfNotPermittedCalls());
    }

    /** Seconds a caller should wait before an open breaker lets calls through again; at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, openFor.toSeconds());
    }

    /** Whether the breaker refuses calls now, as far as its state says; no permission is taken. */
    boolean open() {
        if (breaker == null) {
            return false;
        }
        CircuitBreaker.State state = breaker.getState();
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
    }

    /** Takes a permission to call; false while the breaker is open (or its half-open probes are taken). */
    boolean tryPermit() {
        return breaker == null || breaker.tryAcquirePermission();
    }

    void succeeded(long nanos) {
        if (breaker != null) {
            breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
        }
    }

    void failed(long nanos, UpstreamFailure.Kind kind) {
        if (breaker != null) {
            breaker.onError(nanos, TimeUnit.NANOSECONDS, Failed.of(kind));
        }
    }

    /** The upstream answered with a server error (500 and above). */
    void answeredWithError(long nanos) {
        if (breaker != null) {
            breaker.onError(nanos, TimeUnit.NANOSECONDS, Failed.SERVER_ERROR);
        }
    }

    /** A permission given back without an outcome: the call was not judged (a 429, a cancelled exchange). */
    void released() {
        if (breaker != null) {
            breaker.releasePermission();
        }
    }

    void countRequest() {
        budget.request();
    }

    boolean tryRetry() {
        return budget.tryRetry();
    }

    /** The wait before retry number {@code retry} (1 for the first). */
    long backoffNanos(int retry) {
        return TimeUnit.MILLISECONDS.toNanos(backoff.apply(retry));
    }

    static String stateName(CircuitBreaker.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A breaker's state and counts.
     *
     * @param failureRate percent of failed calls in the window, or -1 while too few calls were seen
     * @param slowCallRate percent of slow calls in the window, or -1 while too few calls were seen
     */
    public record Snapshot(
            String state, float failureRate, float slowCallRate, int bufferedCalls, long notPermittedCalls) {}

    /** The failure a breaker records, one per kind, without a stack trace: never anything of a request. */
    private static final class Failed extends RuntimeException {
        private static final Failed[] BY_KIND = new Failed[UpstreamFailure.Kind.values().length];
        static final Failed SERVER_ERROR = new Failed("SERVER_ERROR");

        static {
            for (UpstreamFailure.Kind kind : UpstreamFailure.Kind.values()) {
                BY_KIND[kind.ordinal()] = new Failed(kind.name());
            }
        }

        private Failed(String what) {
            super(what, null, false, false);
        }

        static Failed of(UpstreamFailure.Kind kind) {
            return BY_KIND[kind.ordinal()];
        }
    }
}
