package io.qorgan.gateway.policy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active {@link PolicySet} of a directory, reloaded when the files change.
 *
 * <p>Every {@code interval}, on the scheduler it is given (never an event loop: a check reads the directory), the
 * store loads the directory; when the content hash differs from the active set's, the new set replaces the whole
 * active one in one atomic swap, and listeners are told. A set that fails to load is rejected: its error is logged
 * once per distinct content, counted, and the last good set stays active. Readers call {@link #current()} once per
 * request and use that set for the whole request.
 */
public final class PolicyStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyStore.class);

    private final Path dir;
    private final AtomicReference<PolicySet> current;
    private final List<Consumer<PolicySet>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> rejectedListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong reloads = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile String lastRejected;
    private volatile ScheduledFuture<?> task;

    private PolicyStore(Path dir, PolicySet initial) {
        this.dir = dir;
        this.current = new AtomicReference<>(initial);
    }

    /**
     * Loads {@code dir} now (on the calling thread) and checks it again every {@code interval} on {@code scheduler}.
     *
     * @throws PolicyException when the directory does not load: a gateway does not start without policies
     */
    public static PolicyStore open(Path dir, ScheduledExecutorService scheduler, Duration interval) {
        Objects.requireNonNull(scheduler, "scheduler");
        PolicyStore store = new PolicyStore(dir, PolicySet.load(dir));
        long ms = Math.max(1, interval.toMillis());
        store.task = scheduler.scheduleWithFixedDelay(store::checkQuietly, ms, ms, TimeUnit.MILLISECONDS);
        return store;
    }

    /** A store that reloads only when {@link #check()} is called (tests, the CLI). */
    public static PolicyStore manual(Path dir) {
        return new PolicyStore(dir, PolicySet.load(dir));
    }

    /** The active set. */
    public PolicySet current() {
        return current.get();
    }

    /** Called with the new set after each swap, on the scheduler's thread; a listener's failure is logged. */
    public void addListener(Consumer<PolicySet> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Called with an error code ({@code policy_invalid}, {@code policy_reload_failed}) when a changed directory is
     * rejected by the watch, once per distinct error, on the scheduler's thread (the audit trail records reloads).
     */
    public void onRejected(Consumer<String> listener) {
        rejectedListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void rejected(String code) {
        for (Consumer<String> l : rejectedListeners) {
            try {
                l.accept(code);
            } catch (RuntimeException e) {
                LOG.warn("policy listener failed: {}", e.toString());
            }
        }
    }

    /**
     * Loads the directory now and swaps it in when it changed.
     *
     * @return true when a new set became active
     * @throws PolicyException when the directory does not load (the active set stays)
     */
    public boolean check() {
        PolicySet next;
        try {
            next = PolicySet.load(dir);
        } catch (PolicyException e) {
            rejected.incrementAndGet();
            throw e;
        }
        PolicySet previous = current.get();
        if (next.version().equals(previous.version()) || !current.compareAndSet(previous, next)) {
            return false;
        }
        lastRejected = null;
        reloads.incrementAndGet();
        LOG.info("policies {} active (was {})", next.version(), previous.version());
        for (Consumer<PolicySet> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("policy listener failed: {}", e.toString());
            }
        }
        return true;
    }

    private void checkQuietly() {
        try {
            check();
        } catch (PolicyException e) {
            String message = e.getMessage();
            if (!message.equals(lastRejected)) {
                lastRejected = message;
                LOG.error(
                        "policy change rejected, {} stays active: {}",
                        current.get().version(),
                        message);
                rejected("policy_invalid");
            }
        } catch (RuntimeException e) {
            rejected.incrementAndGet();
            LOG.error("policy reload failed, {} stays active: {}", current.get().version(), e.toString());
            rejected("policy_reload_failed");
        }
    }

    /** Sets swapped in since start. */
    public long reloads() {
        return reloads.get();
    }

    /** Checks that found a directory that does not load. */
    public long rejectedReloads() {
        return rejected.get();
    }

    /** Stops watching; the active set stays readable. */
    @Override
    public void close() {
        ScheduledFuture<?> t = task;
        if (t != null) {
            t.cancel(false);
        }
    }
}
