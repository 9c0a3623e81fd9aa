package io.qorgan.gateway.server;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gate every exchange passes: bounds concurrent exchanges, and closes when shutdown begins
 * so that only exchanges already in flight finish. Thread-safe.
 */
public final class Admission {

    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();

    public Admission(int limit) {
        this.limit = limit;
    }

    /** Takes a slot, or returns false when the gateway is full. */
    public boolean tryEnter() {
        while (true) {
            int n = inFlight.get();
            if (n >= limit) {
                return false;
            }
            if (inFlight.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    public void exit() {
        inFlight.decrementAndGet();
    }

    public int inFlight() {
        return inFlight.get();
    }

    public void startDraining() {
        draining.set(true);
    }

    public boolean draining() {
        return draining.get();
    }
}
