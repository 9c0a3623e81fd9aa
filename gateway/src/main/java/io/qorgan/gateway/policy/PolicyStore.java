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
 * active one in one atomic swap, and listeners are told. A set that fails to load is rejected: it is counted and its
 * error logged once per distinct content of the files (a broken edit stays broken for many checks), and the last good
 * set stays active. Readers call {@link #current()} once per
 * request and use that set for the whole request.
 */
public final class PolicyStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyStore.class);

    private final Path dir;
    private final AtomicReference<PolicySet> current;
    private final List<Consumer<PolicySet>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong reloads = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    /** The fingerprint of the broken files last rejected; null once a load succeeds. */
    private volatile String rejectedContent;

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
            rejectOnce(e);
            throw e;
        }
        rejectedContent = null;
        PolicySet previous = current.get();
        if (next.version().equals(previous.version()) || !current.compareAndSet(previous, next)) {
            return false;
        }
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

    private void rejectOnce(PolicyException e) {
        String content = PolicyLoader.fingerprint(dir);
        if (!content.equals(rejectedContent)) {
            rejectedContent = content;
            rejected.incrementAndGet();
            LOG.error(
                    "policy change rejected, {} stays active: {}", current.get().version(), e.getMessage());
        }
    }

    private void checkQuietly() {
        try {
            check();
        } catch (PolicyException e) {
            // counted and logged by check()
        } catch (RuntimeException e) {
            rejected.incrementAndGet();
            LOG.error("policy reload failed, {} stays active: {}", current.get().version(), e.toString());
        }
    }

    /** Sets swapped in since start. */
    public long reloads() {
        return reloads.get();
    }

    /** Broken edits: distinct contents of the directory that did not load. */
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
