package io.qorgan.gateway.config;

import java.time.Duration;

/**
 * How a request is sent again to the same upstream when it failed before any of its answer was relayed: a connection
 * refused, reset or timed out, or an answer of 429, 502, 503 or 504.
 *
 * @param attempts tries on this upstream per request, the first included (1: no retry)
 * @param backoff the wait before the first retry; it doubles with each retry, with ±50% jitter
 * @param maxBackoff the longest wait; an upstream's {@code Retry-After} beyond it is not waited for
 * @param budgetRatio retries may add at most this share of the requests sent to the upstream in the last 10 seconds
 * @param budgetMinPerSecond retries allowed a second whatever the traffic, so that a quiet upstream can be retried
 */
public record RetrySettings(
        int attempts, Duration backoff, Duration maxBackoff, double budgetRatio, int budgetMinPerSecond) {

    public static RetrySettings defaults() {
        return new RetrySettings(2, Duration.ofMillis(100), Duration.ofSeconds(2), 0.2, 3);
    }
}
