package io.qorgan.gateway.upstream;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How many retries an upstream may receive: at most {@code ratio} of the requests sent to it over the last ten
 * seconds, plus {@code minPerSecond} a second whatever the traffic. During an outage every request fails and wants a
 * retry; the budget keeps the extra load to that share instead of multiplying it by the attempts. Resilience4j's retry
 * counts attempts per call only, so the budget across calls is kept here (as Finagle's and Envoy's retry budgets do).
 *
 * <p>Ten one-second slots in a ring; thread-safe (a short lock: every event loop sends to the same upstream).
 */
final class RetryBudget {

    private static final int SLOTS = 10;

    private final double ratio;
    private final int minPerSecond;
    private final LongSupplier nanos;
    private final long[] second = new long[SLOTS];
    private final long[] requests = new long[SLOTS];
    private final long[] retries = new long[SLOTS];

    RetryBudget(double ratio, int minPerSecond, LongSupplier nanos) {
        this.ratio = ratio;
        this.minPerSecond = minPerSecond;
        this.nanos = nanos;
    }

    /** A request sent to the upstream for the first time (not a retry). */
    synchronized void request() {
        requests[slot(now())]++;
    }

    /** Takes one retry from the budget; false when it is spent. */
    synchronized boolean tryRetry() {
        long now = now();
        int current = slot(now);
        long sentRequests = 0;
        long sentRetries = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (second[i] > now - SLOTS) {
                sentRequests += requests[i];
                sentRetries += retries[i];
            }
        }
        if (sentRetries >= (long) minPerSecond * SLOTS + (long) Math.floor(ratio * sentRequests)) {
            return false;
        }
        retries[current]++;
        return true;
    }

    private long now() {
        return TimeUnit.NANOSECONDS.toSeconds(nanos.getAsLong());
    }

    /** The slot of this second, emptied when it last counted an older second. */
    private int slot(long now) {
        int i = (int) Math.floorMod(now, (long) SLOTS);
        if (second[i] != now) {
            second[i] = now;
            requests[i] = 0;
            retries[i] = 0;
        }
        return i;
    }
}
