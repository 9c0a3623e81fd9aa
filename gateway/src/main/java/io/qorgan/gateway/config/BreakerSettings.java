package io.qorgan.gateway.config;

import java.time.Duration;

/**
 * The circuit breaker of one upstream: over a sliding window of its latest calls it opens when too many failed or were
 * slow; while open, requests skip the upstream at once; after {@code openFor} a few probe calls decide whether it
 * closes again. A call's time is to the head of its answer.
 *
 * @param enabled whether the upstream has a breaker
 * @param failureRatePercent opens when at least this share of the window's calls failed (connection failures, time
 *     outs, 5xx answers)
 * @param slowCallRatePercent opens when at least this share was slower than {@code slowCall}
 * @param slowCall a call whose answer's head took longer is slow
 * @param window the number of latest calls judged
 * @param minimumCalls calls needed in the window before it is judged at all
 * @param openFor how long the breaker stays open before it lets probe calls through
 * @param halfOpenCalls probe calls that decide whether it closes
 */
public record BreakerSettings(
        boolean enabled,
        double failureRatePercent,
        double slowCallRatePercent,
        Duration slowCall,
        int window,
        int minimumCalls,
        Duration openFor,
        int halfOpenCalls) {

    public static BreakerSettings defaults() {
        return new BreakerSettings(true, 50, 100, Duration.ofSeconds(60), 50, 20, Duration.ofSeconds(30), 3);
    }
}
