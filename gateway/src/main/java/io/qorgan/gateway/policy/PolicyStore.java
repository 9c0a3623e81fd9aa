package io.qorgan.gateway.policy;

import io.qorgan.gateway.config.Reloader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * The active {@link PolicySet} of a directory, reloaded when the files change.
 *
 * <p>Reloading is a {@link Reloader}'s. Every {@code interval}, on the scheduler it is given (never an event loop: a
 * check reads the directory), the store hashes the directory's policy files; only when that content hash differs from
 * the active set's (and from the last rejected content's) does it parse and validate them — with the same checks as at
 * start, the configuration's upstream names included — and a valid new set replaces the whole active one in one atomic
 * swap, and listeners are told. A set that fails to load is rejected once per distinct content: counted, its error
 * logged and kept for {@link #lastError()}, and the last good set stays active. Readers call {@link #current()} once
 * per request and use that set for the whole request.
 */
public final class PolicyStore implements AutoCloseable {

    private final Reloader<PolicySet> reloader;

    private PolicyStore(Path dir, Collection<String> knownUpstreams) {
        Collection<String> upstreams = knownUpstreams == null ? null : Set.copyOf(knownUpstreams);
        Reloader.Source<PolicySet, PolicyException> source = new Reloader.Source<>() {
            @Override
            public String hash() {
                return PolicyLoader.fingerprint(dir);
            }

            @Override
            public PolicySet load(PolicySet previous) {
                return upstreams == null ? PolicySet.load(dir) : PolicySet.load(dir, upstreams);
            }
        };
        this.reloader = Reloader.open(
                Reloader.Naming.<PolicySet>of("policies", set -> "version " + set.version())
                        // a policy error names file, line and field, never request content
                        .explainedBy(e -> e instanceof PolicyException ? e.getMessage() : e.toString())
                        .codedBy(e -> e instanceof PolicyException ? "policy_invalid" : "policy_reload_failed"),
                source);
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
        store.reloader.watch(scheduler, interval);
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
        return reloader.current();
    }

    /** The reloads of this store: counts by outcome, the last rejected change's error. */
    public Reloader<?> reloader() {
        return reloader;
    }

    /** Called with the new set after each swap, on the scheduler's thread; a listener's failure is logged. */
    public void addListener(Consumer<PolicySet> listener) {
        reloader.onReload(listener);
    }

    /**
     * Called with an error code ({@code policy_invalid}, {@code policy_reload_failed}) when a changed directory is
     * rejected by the watch, once per distinct error, on the scheduler's thread (the audit trail records reloads).
     */
    public void onRejected(Consumer<String> listener) {
        reloader.onRejected(listener);
    }

    /**
     * Loads the directory now and swaps it in when it changed.
     *
     * @return true when a new set became active
     * @throws PolicyException when the directory does not load (the active set stays)
     */
    public boolean check() {
        Reloader.Outcome outcome = reloader.check();
        if (outcome == Reloader.Outcome.RELOADED) {
            return true;
        }
        if (outcome == Reloader.Outcome.UNCHANGED) {
            return false;
        }
        Exception e = reloader.lastError();
        if (e instanceof RuntimeException r) {
            throw r;
        }
        throw new IllegalStateException(e);
    }

    /** Why the last rejected change of the directory was rejected, or null when the directory is the active set. */
    public String lastError() {
        return reloader.lastErrorMessage();
    }

    /** Sets swapped in since start. */
    public long reloads() {
        return reloader.count(Reloader.Outcome.RELOADED);
    }

    /** Distinct contents of the directory that did not load. */
    public long rejectedReloads() {
        return reloader.count(Reloader.Outcome.REJECTED) + reloader.count(Reloader.Outcome.UNREADABLE);
    }

    /** Stops watching; the active set stays readable. */
    @Override
    public void close() {
        reloader.close();
    }
}
