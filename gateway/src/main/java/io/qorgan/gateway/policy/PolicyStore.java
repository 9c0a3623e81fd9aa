package io.qorgan.gateway.policy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
 * store hashes the directory's policy files; only when that content hash differs from the active set's (and from the
 * last rejected content's) does it parse and validate them — with the same checks as at start, the configuration's
 * upstream names included — and a valid new set replaces the whole active one in one atomic swap, and listeners are
 * told. A set that fails to load is rejected once per distinct content: counted, its error logged and kept for
 * {@link #lastError()}, and the last good set stays active. Readers call {@link #current()} once per request and use
 * that set for the whole request.
 */
public final class PolicyStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyStore.class);

    private final Path dir;
    /** The configuration's upstream names every set must stay within, or null when not checked (the CLI). */
    private final Collection<String> knownUpstreams;

    private final AtomicReference<PolicySet> current;
    private final List<Consumer<PolicySet>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> rejectedListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong reloads = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    /** The content hash of the last rejected directory, so the same broken content is judged once. */
    private volatile String rejectedVersion;

    private volatile PolicyException lastRejection;
    private volatile ScheduledFuture<?> task;

    private PolicyStore(Path dir, Collection<String> knownUpstreams) {
        this.dir = dir;
        this.knownUpstreams = knownUpstreams == null ? null : Set.copyOf(knownUpstreams);
        this.current = new AtomicReference<>(load());
    }

    private PolicySet load() {
        return knownUpstreams == null ? PolicySet.load(dir) : PolicySet.load(dir, knownUpstreams);
    }

    /**
     * Loads {@code dir} now (on the calling thread) and checks it again every {@code interval} on {@code scheduler}.
     *
     * @throws PolicyException when the directory does not load: a gateway does not start without policies
     */
    public static PolicyStore open(Path dir, ScheduledExecutorService scheduler, Duration interval) {
        return open(dir, null, scheduler, interval);
    }

    /**
     * As {@link #open(Path, ScheduledExecutorService, Duration)}, every set (the first and each reload) also checked
     * against the configuration's upstream names.
     */
    public static PolicyStore open(
            Path dir, Collection<String> knownUpstreams, ScheduledExecutorService scheduler, Duration interval) {
        Objects.requireNonNull(scheduler, "scheduler");
        PolicyStore store = new PolicyStore(dir, knownUpstreams);
        long ms = Math.max(1, interval.toMillis());
        store.task = scheduler.scheduleWithFixedDelay(store::checkQuietly, ms, ms, TimeUnit.MILLISECONDS);
        return store;
    }

    /** A store that reloads only when {@link #check()} is called (tests, the CLI). */
    public static PolicyStore manual(Path dir) {
        return new PolicyStore(dir, null);
    }

    /** A store that reloads only when {@link #check()} is called, checked against the upstream names. */
    public static PolicyStore manual(Path dir, Collection<String> knownUpstreams) {
        return new PolicyStore(dir, Objects.requireNonNull(knownUpstreams, "knownUpstreams"));
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
        PolicySet previous = current.get();
        String version;
        PolicySet next;
        try {
            version = PolicyLoader.fingerprint(dir);
            if (version.equals(previous.version())) {
                rejectedVersion = null; // a broken edit undone: the active set is the directory again
                lastRejection = null;
                return false;
            }
            PolicyException known = lastRejection;
            if (version.equals(rejectedVersion) && known != null) {
                throw known;
            }
            next = load();
        } catch (PolicyException e) {
            reject(e);
            throw e;
        }
        if (!current.compareAndSet(previous, next)) {
            return false;
        }
        rejectedVersion = null;
        lastRejection = null;
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

    /** Counts and logs a rejected directory, once per distinct content. */
    private void reject(PolicyException e) {
        String version;
        try {
            version = PolicyLoader.fingerprint(dir);
        } catch (PolicyException unreadable) {
            version = "unreadable:" + unreadable.getMessage();
        }
        if (version.equals(rejectedVersion)) {
            return; // the same broken content as at the last check: judged once
        }
        rejectedVersion = version;
        lastRejection = e;
        rejected.incrementAndGet();
        LOG.error("policy change rejected, {} stays active: {}", current.get().version(), e.getMessage());
        rejected("policy_invalid");
    }

    private void checkQuietly() {
        try {
            check();
        } catch (PolicyException e) {
            // counted, logged and told by check, once per distinct content
        } catch (RuntimeException e) {
            rejected.incrementAndGet();
            LOG.error("policy reload failed, {} stays active: {}", current.get().version(), e.toString());
            rejected("policy_reload_failed");
        }
    }

    /** Why the last rejected change of the directory was rejected, or null when the directory is the active set. */
    public String lastError() {
        PolicyException e = lastRejection;
        return e == null ? null : e.getMessage();
    }

    /** Sets swapped in since start. */
    public long reloads() {
        return reloads.get();
    }

    /** Distinct contents of the directory that did not load. */
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
