package io.qorgan.gateway.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One memory budget for every request body being read, across all connections and event loops. A request is admitted
 * only when its declared length (or, for a chunked body, each next step of it) fits in what is left; otherwise it is
 * answered 503 {@code overloaded} before its body is read. Without it, enough slow uploads of large bodies exhaust the
 * direct memory the event loops read into, and the gateway stops answering anyone.
 *
 * <p>A {@link Lease} holds the bytes of one request until the exchange ends. Thread-safe, lock-free.
 */
final class BodyBudget {

    private final long limit;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    BodyBudget(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limit = limit;
    }

    /** A lease of {@code bytes}, or null when the budget cannot give them now. */
    Lease tryReserve(long bytes) {
        Lease lease = new Lease();
        return lease.grow(bytes) ? lease : null;
    }

    long limit() {
        return limit;
    }

    long used() {
        return used.get();
    }

    /** Requests turned away because the budget was spent. */
    long refused() {
        return refused.get();
    }

    private boolean take(long bytes) {
        while (true) {
            long now = used.get();
            if (now + bytes > limit) {
                refused.incrementAndGet();
                return false;
            }
            if (used.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    /** The bytes one request holds; released once, when its exchange ends (or it is refused). */
    final class Lease {
        private long held;
        private boolean released;

        /** Holds {@code more} bytes too; false (holding what it held) when the budget is spent. */
        boolean grow(long more) {
            if (released) {
                throw new IllegalStateException("lease already released");
            }
            if (more <= 0) {
                return true;
            }
            if (!take(more)) {
                return false;
            }
            held += more;
            return true;
        }

        long held() {
            return held;
        }

        /** Gives the bytes back; later calls do nothing. */
        void release() {
            if (!released) {
                released = true;
                used.addAndGet(-held);
                held = 0;
            }
        }
    }
}
