package io.qorgan.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current snapshot of something read from files — the identity store, a listener's TLS certificate, the policies —
 * and its reload when the files change. One of these stands behind each hot-reloaded thing, so all of them detect
 * changes, keep their last good snapshot, count and log the same way.
 *
 * <p>How a {@link #check()} goes: the {@link Source} hashes the content first; a hash equal to the current snapshot's
 * means nothing changed (and an error left by a broken edit since undone is cleared). A hash equal to the last
 * rejected content's is not loaded again: that content was judged once. Otherwise the source loads the new content;
 * success swaps the whole snapshot in one volatile write and tells the reload listeners, failure keeps the last good
 * snapshot, keeps the error for {@link #lastError()} (the admin endpoints show it) and tells the rejection listeners
 * once per distinct content. Readers call {@link #current()} once and use what they got for the whole request.
 *
 * <p>Checks are serialised; {@link #watch} runs them on a scheduler that must not be an event loop, since a check
 * reads files. Listeners run on the checking thread; a listener's failure is logged by class name and the others still
 * run. Log lines carry {@code what}, the snapshot's description and the error's explanation, both given by the owner
 * so that no secret or file content reaches a log. Thread-safe.
 *
 * @param <T> the snapshot: immutable, swapped whole
 */
public final class Reloader<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Reloader.class);

    /**
     * What a reloader watches: a hash of the content, and a load of a snapshot from it.
     *
     * @param <E> what the source throws for content it cannot use
     */
    public interface Source<T, E extends Exception> {

        /** A hash of the content as it is now, from its bytes, without parsing them. */
        String hash() throws E;

        /**
         * A snapshot of the content as it was hashed last; {@code previous} is null for the first.
         *
         * @throws E when the content cannot be used: the previous snapshot stays
         */
        T load(T previous) throws E;
    }

    /** How a check ended; the last three are counted in {@link #count}. */
    public enum Outcome {
        /** The content is the current snapshot's. */
        UNCHANGED,
        /** New content was loaded and swapped in. */
        RELOADED,
        /** New content did not load; the last good snapshot stays. */
        REJECTED,
        /** The content could not be read to be hashed; the last good snapshot stays. */
        UNREADABLE;

        /** The outcome as a metric label value. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How the owner names its snapshots and errors in logs, metrics and the admin endpoints. */
    public record Naming<T>(
            String what,
            Function<? super T, String> describe,
            Function<Exception, String> explain,
            Function<Exception, String> code) {

        public Naming {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(describe, "describe");
            Objects.requireNonNull(explain, "explain");
            Objects.requireNonNull(code, "code");
        }

        /**
         * {@code what} in logs and the {@code what} label of {@code qorgan_reloads_total}; errors explained by their
         * class name only and coded {@code <what>_reload_rejected}.
         */
        public static <T> Naming<T> of(String what, Function<? super T, String> describe) {
            return new Naming<>(what, describe, e -> e.getClass().getSimpleName(), e -> what + "_reload_rejected");
        }

        /** The same naming, with error messages an owner knows to be safe to show (located, no values). */
        public Naming<T> explainedBy(Function<Exception, String> explain) {
            return new Naming<>(what, describe, explain, code);
        }

        /** The same naming, with the error code rejection listeners are told (the audit trail records it). */
        public Naming<T> codedBy(Function<Exception, String> code) {
            return new Naming<>(what, describe, explain, code);
        }
    }

    private record Current<T>(T value, String hash, long generation) {}

    private final Naming<T> naming;
    private final Source<T, ?> source;
    private final List<Consumer<? super T>> reloadListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> rejectionListeners = new CopyOnWriteArrayList<>();
    private final Map<Outcome, AtomicLong> counts = new ConcurrentHashMap<>();

    private volatile Current<T> current;
    /** The hash of the last rejected content (or a key for an unreadable one): each is judged once. */
    private volatile String rejected;

    private volatile Exception lastError;
    private volatile ScheduledFuture<?> task;

    private Reloader(Naming<T> naming, Source<T, ?> source, Current<T> first) {
        this.naming = naming;
        this.source = source;
        this.current = first;
        for (Outcome o : Outcome.values()) {
            counts.put(o, new AtomicLong());
        }
    }

    /**
     * Hashes and loads the first snapshot on the calling thread.
     *
     * @throws E when the content cannot be used: a thing that does not load at start does not start
     */
    public static <T, E extends Exception> Reloader<T> open(Naming<T> naming, Source<T, E> source) throws E {
        String hash = source.hash();
        T first = Objects.requireNonNull(source.load(null), "the first snapshot");
        return new Reloader<>(naming, source, new Current<>(first, hash, 1));
    }

    /** The snapshot in use now. */
    public T current() {
        return current.value();
    }

    /** The hash of the content the current snapshot was loaded from. */
    public String hash() {
        return current.hash();
    }

    /** 1 for the snapshot loaded at start, one more for each reload. */
    public long generation() {
        return current.generation();
    }

    /** What this reloader keeps, as in its log lines and metric label. */
    public String what() {
        return naming.what();
    }

    /** Checks that ended in {@code outcome} since start ({@link Outcome#UNCHANGED} is not counted). */
    public long count(Outcome outcome) {
        return counts.get(outcome).get();
    }

    /** Why the last changed content was not taken, or null when the current snapshot is the content on disk. */
    public Exception lastError() {
        return lastError;
    }

    /** {@link #lastError()} as the owner explains it (safe to show), or null. */
    public String lastErrorMessage() {
        Exception e = lastError;
        return e == null ? null : naming.explain().apply(e);
    }

    /** Called with each new snapshot after it is swapped in, on the checking thread. */
    public void onReload(Consumer<? super T> listener) {
        reloadListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Called with the error code of each distinct rejected content, on the checking thread. */
    public void onRejected(Consumer<String> listener) {
        rejectionListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Hashes the content and, when it changed, loads and swaps it in. Blocking: reads files. */
    public synchronized Outcome check() {
        Current<T> now = current;
        String hash;
        try {
            hash = source.hash();
        } catch (Exception e) {
            return refuse("unreadable:" + e.getClass().getName() + ":" + e.getMessage(), e, Outcome.UNREADABLE);
        }
        if (hash.equals(now.hash())) {
            rejected = null; // a broken edit undone: the snapshot is the content again
            lastError = null;
            return Outcome.UNCHANGED;
        }
        if (hash.equals(rejected)) {
            return Outcome.REJECTED;
        }
        T next;
        try {
            next = Objects.requireNonNull(source.load(now.value()), "a snapshot");
        } catch (Exception e) {
            return refuse(hash, e, Outcome.REJECTED);
        }
        Current<T> loaded = new Current<>(next, hash, now.generation() + 1);
        current = loaded;
        rejected = null;
        lastError = null;
        counts.get(Outcome.RELOADED).incrementAndGet();
        log.info("{} reloaded (generation {}): {}", naming.what(), loaded.generation(), describe(next));
        for (Consumer<? super T> listener : reloadListeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                log.warn(
                        "{} reload listener failed: {}",
                        naming.what(),
                        e.getClass().getSimpleName());
            }
        }
        return Outcome.RELOADED;
    }

    private Outcome refuse(String key, Exception e, Outcome outcome) {
        if (key.equals(rejected)) {
            return outcome; // judged at an earlier check
        }
        rejected = key;
        lastError = e;
        counts.get(outcome).incrementAndGet();
        log.warn(
                "{} not reloaded ({}), keeping generation {}: {}",
                naming.what(),
                outcome.label(),
                current.generation(),
                naming.explain().apply(e));
        String code = naming.code().apply(e);
        for (Consumer<String> listener : rejectionListeners) {
            try {
                listener.accept(code);
            } catch (RuntimeException ex) {
                log.warn(
                        "{} rejection listener failed: {}",
                        naming.what(),
                        ex.getClass().getSimpleName());
            }
        }
        return outcome;
    }

    private String describe(T value) {
        try {
            return naming.describe().apply(value);
        } catch (RuntimeException e) {
            return "(" + e.getClass().getSimpleName() + ")";
        }
    }

    /** Checks every {@code interval} on {@code scheduler}, never an event loop; cancel the future (or close) to stop. */
    public ScheduledFuture<?> watch(ScheduledExecutorService scheduler, Duration interval) {
        ScheduledFuture<?> t = FilePolling.every(scheduler, interval, this::check, log, naming.what());
        task = t;
        return t;
    }

    /** Stops watching; the current snapshot stays readable. */
    @Override
    public void close() {
        ScheduledFuture<?> t = task;
        if (t != null) {
            t.cancel(false);
        }
    }
}
