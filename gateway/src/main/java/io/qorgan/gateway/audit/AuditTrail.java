package io.qorgan.gateway.audit;

import io.qorgan.gateway.config.AuditConfig;
import io.qorgan.gateway.metrics.AuditMetrics;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of one gateway: records go into a bounded queue from any thread without blocking, and one writer
 * thread seals, chains, writes, syncs, signs and indexes them ({@link TrailWriter}).
 *
 * <p>An exchange asks for room before it forwards anything ({@link #admit()}) and writes its record at its end
 * through the {@link Admission} it got, which cannot then fail for lack of room: the slot was reserved. Under
 * {@code onFull: block} an exchange that finds no room is refused (the gateway answers 503
 * {@code audit_unavailable}, nothing forwarded); under {@code onFull: drop} it goes on, and its record is counted
 * and written as part of a {@link GapRecord} once there is room. Reloads, authentication failures and searches are
 * recorded with {@link #record}, which never refuses: without room they become part of a gap too. Nothing is
 * dropped silently.
 *
 * <p>The handoff takes no lock: an exchange reserves its slot with a compare-and-set on a counter (the bound) and
 * puts its record on a lock-free queue, so an event loop never waits for the writer (an {@code ArrayBlockingQueue}'s
 * lock, held by a writer thread the scheduler had descheduled, made event loops wait tens of milliseconds). The writer
 * takes what is queued, then sleeps up to {@link #TICK_NANOS} (less when a sync or signature falls due) unless
 * {@link #WAKE_AT} records (a quarter of a smaller queue) wait: so it works in batches, and an exchange wakes it (a
 * system call) only in a burst, not once per record. A record waits at most a tick before the writer takes it.
 *
 * <p>When a write or sync fails (a full disk), the writer starts a new segment and writes again what was not
 * synced; until it succeeds, {@code block} refuses new exchanges. A trail with no {@code audit:} section
 * ({@link #disabled()}) costs one branch per exchange.
 */
public final class AuditTrail implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    private static final AuditTrail DISABLED = new AuditTrail();
    private static final int BATCH = 1024;
    /** The longest the writer sleeps while records may be waiting. */
    private static final long TICK_NANOS = 10_000_000;
    /** Records queued that wake a sleeping writer before its tick ends (a quarter of a smaller queue). */
    private static final int WAKE_AT = BATCH / 2;

    private static final long RETRY_MILLIS = 1000;
    private static final int SEARCH_QUEUE = 16;
    private static final long SEARCH_WAIT_SECONDS = 10;

    private final AuditConfig config;
    private final AuditKeys keys;
    private final Clock clock;
    private final AuditMetrics metrics;
    private final ConcurrentLinkedQueue<AuditRecord> queue;
    /** Slots taken: records queued, and exchanges admitted that have not written yet. The queue's bound. */
    private final AtomicInteger reserved = new AtomicInteger();
    /** Records in the queue (a {@code ConcurrentLinkedQueue} counts its nodes one by one). */
    private final AtomicInteger queued = new AtomicInteger();

    private final Gaps gaps = new Gaps();
    private final Admission refused;
    private final Admission dropping;
    private final ThreadPoolExecutor searches;
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Searches waiting for the writer to make what it took visible ({@link TrailWriter#publish}). */
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> publishing = new ConcurrentLinkedQueue<>();

    private final Thread writerThread;
    private final int wakeAt;
    /** The writer sleeps, or is about to: a producer that makes the queue reach {@link #wakeAt} wakes it. */
    private volatile boolean sleeping;

    private volatile TrailWriter writer;
    private volatile boolean healthy = true;
    private volatile boolean closing;

    private AuditTrail() {
        this.config = null;
        this.keys = null;
        this.clock = null;
        this.metrics = AuditMetrics.NONE;
        this.queue = null;
        this.refused = Admission.NONE;
        this.dropping = Admission.NONE;
        this.searches = null;
        this.writerThread = null;
        this.wakeAt = 0;
        stopped.countDown();
    }

    private AuditTrail(AuditConfig config, AuditKeys keys, Clock clock, AuditMetrics metrics, TrailWriter writer) {
        this.config = config;
        this.keys = keys;
        this.clock = clock;
        this.metrics = metrics;
        this.writer = writer;
        this.queue = new ConcurrentLinkedQueue<>();
        this.wakeAt = Math.max(1, Math.min(WAKE_AT, config.queueCapacity() / 4));
        this.refused = new Admission(this, Admission.Kind.REFUSED);
        this.dropping = new Admission(this, Admission.Kind.DROPPING);
        this.searches = new ThreadPoolExecutor(
                1,
                1,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(SEARCH_QUEUE),
                r -> daemon(r, "qorgan-audit-search"));
        this.writerThread = daemon(this::run, "qorgan-audit-writer");
        writerThread.start();
    }

    /** No trail: every exchange is admitted, nothing is written. */
    public static AuditTrail disabled() {
        return DISABLED;
    }

    /**
     * Opens the trail of {@code config} (continuing what its directory holds) and starts its writer thread.
     * Blocking: reads the last segment, catches the index up; call it at start.
     *
     * @throws IOException when the directory cannot be written, or what it holds is not a trail this key can continue
     */
    public static AuditTrail open(AuditConfig config, AuditKeys keys, AuditMetrics metrics, Clock clock)
            throws IOException {
        if (!config.enabled()) {
            return DISABLED;
        }
        return new AuditTrail(config, keys, clock, metrics, TrailWriter.open(config, keys, clock, metrics));
    }

    public boolean enabled() {
        return queue != null;
    }

    /** Whether searches can run: the trail is on and keeps an index. */
    public boolean searchable() {
        return enabled() && config.index();
    }

    /** Records waiting for the writer. */
    public int queueDepth() {
        return queue == null ? 0 : Math.max(0, queued.get());
    }

    /**
     * Room for the record of an exchange about to be forwarded; non-blocking. Ask before forwarding, and write
     * through the admission at the end, whatever the end.
     */
    public Admission admit() {
        if (queue == null) {
            return Admission.NONE;
        }
        if (healthy && reserve()) {
            return new Admission(this, Admission.Kind.RESERVED);
        }
        if (config.onFull() == AuditConfig.OnFull.DROP) {
            return dropping;
        }
        metrics.refused();
        return refused;
    }

    /**
     * Records a reload, an authentication failure or a search; non-blocking, never refused: without room the record
     * is counted and becomes part of a gap.
     */
    public void record(AuditRecord record) {
        if (queue == null) {
            return;
        }
        if (reserve()) {
            enqueue(record);
        } else {
            drop(record);
        }
    }

    private boolean reserve() {
        int capacity = config.queueCapacity();
        while (true) {
            int taken = reserved.get();
            if (taken >= capacity) {
                return false;
            }
            if (reserved.compareAndSet(taken, taken + 1)) {
                return true;
            }
        }
    }

    private void enqueue(AuditRecord record) {
        if (closing) {
            reserved.decrementAndGet();
            drop(record);
            return;
        }
        queue.offer(record);
        if (queued.incrementAndGet() >= wakeAt && sleeping) {
            sleeping = false;
            LockSupport.unpark(writerThread);
        }
    }

    private void drop(AuditRecord record) {
        metrics.dropped();
        gaps.add(record.time());
    }

    private void release() {
        reserved.decrementAndGet();
    }

    /**
     * Searches the index, on the trail's search thread; completes with a {@link BadQuery} for a query that cannot
     * run, a {@link RejectedExecutionException} when too many searches wait.
     */
    public CompletableFuture<AuditPage> search(AuditQuery query) {
        if (!searchable()) {
            return CompletableFuture.failedFuture(new IllegalStateException("the audit trail keeps no index"));
        }
        try {
            return CompletableFuture.supplyAsync(() -> searchNow(query), searches);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * On the search thread: has the writer publish what it took (its entries written to the file, the index
     * refreshed), then searches, reading the page's records from the segments.
     */
    private AuditPage searchNow(AuditQuery query) {
        try {
            CompletableFuture<Void> published = new CompletableFuture<>();
            publishing.add(published);
            sleeping = false;
            LockSupport.unpark(writerThread);
            published.get(SEARCH_WAIT_SECONDS, TimeUnit.SECONDS);
            TrailWriter w = writer;
            if (w == null || w.index() == null) {
                throw new IOException("the audit index is being reopened; retry");
            }
            SearcherManager manager = w.index().searchers();
            IndexSearcher searcher = manager.acquire();
            try (SegmentRecords records = new SegmentRecords(config.directory(), keys.encryption())) {
                return AuditSearch.search(searcher, query, records);
            } finally {
                manager.release(searcher);
            }
        } catch (IOException | BadQuery e) {
            throw new CompletionException(e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new CompletionException(new IOException("the audit writer is busy or reopening; retry"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    /** On the writer thread: answers the searches waiting for what it took to be visible. */
    private void publish() {
        if (publishing.isEmpty()) {
            return;
        }
        IOException failed = null;
        try {
            writer.publish();
        } catch (IOException e) {
            failed = e;
        }
        CompletableFuture<Void> f;
        while ((f = publishing.poll()) != null) {
            if (failed == null) {
                f.complete(null);
            } else {
                f.completeExceptionally(failed);
            }
        }
    }

    /** The writer thread: takes batches, writes them, and does what is due in between. */
    private void run() {
        List<AuditRecord> batch = new ArrayList<>(BATCH);
        try {
            while (true) {
                if (batch.isEmpty()) {
                    take(batch);
                }
                int done = 0;
                try {
                    GapRecord gap = gaps.take(clock.instant());
                    if (gap != null) {
                        batch.add(done, gap);
                    }
                    for (; done < batch.size(); done++) {
                        writer.append(batch.get(done));
                    }
                    batch.clear();
                    writer.afterBatch();
                    healthy = true;
                    publish();
                } catch (IOException | RuntimeException e) {
                    batch = recover(e, batch.subList(done, batch.size()));
                    if (batch == null) {
                        return;
                    }
                }
                if (closing && batch.isEmpty() && queue.isEmpty() && !gaps.pending()) {
                    break;
                }
            }
            TrailWriter w = writer;
            writer = null;
            w.close();
        } catch (IOException | RuntimeException e) {
            log.error("audit trail: closing the last segment failed: {}", e.toString());
        } finally {
            stopped.countDown();
        }
    }

    /**
     * Takes what is queued, up to a batch; when less than a burst waits, sleeps first until the tick ends, something
     * falls due, a burst arrives or the trail closes.
     */
    private void take(List<AuditRecord> batch) {
        if (queued.get() < wakeAt && !closing && publishing.isEmpty()) {
            long nanos = Math.min(TICK_NANOS, TimeUnit.MILLISECONDS.toNanos(writer.waitMillis()));
            sleeping = true;
            if (queued.get() < wakeAt
                    && !closing
                    && publishing.isEmpty()) { // checked again: a producer may have missed the flag
                LockSupport.parkNanos(this, nanos);
            }
            sleeping = false;
            if (Thread.interrupted()) {
                closing = true;
            }
        }
        AuditRecord r;
        while (batch.size() < BATCH && (r = queue.poll()) != null) {
            batch.add(r);
        }
        queued.addAndGet(-batch.size());
        reserved.addAndGet(-batch.size());
    }

    /**
     * After a failed write: lets the segment go, and opens the trail again (a new segment continuing from the last
     * sound entry) until that works. Returns what must be written again: the records not synced, then the rest of
     * the batch; null when the trail is closing and cannot be reopened.
     */
    private List<AuditRecord> recover(Exception failure, List<AuditRecord> rest) {
        healthy = false;
        metrics.writeFailed();
        log.error("audit trail: write failed, writing again in a new segment: {}", failure.toString());
        List<TrailWriter.Unsynced> lost = writer.unsynced();
        List<AuditRecord> again = new ArrayList<>(lost.size() + rest.size());
        List<AuditRecord> remaining = new ArrayList<>(rest);
        writer.abandon();
        writer = null;
        for (int attempt = 1; ; attempt++) {
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closing = true;
            }
            try {
                TrailWriter reopened = TrailWriter.open(config, keys, clock, metrics);
                for (TrailWriter.Unsynced u : lost) {
                    if (u.seq() > reopened.seq()) {
                        again.add(u.record());
                    }
                }
                again.addAll(remaining);
                writer = reopened;
                log.info(
                        "audit trail: reopened in segment {}; writing {} records again",
                        reopened.segment(),
                        again.size());
                return again;
            } catch (IOException | RuntimeException e) {
                if (closing && attempt >= 3) {
                    int count = lost.size() + remaining.size() + queued.get();
                    log.error(
                            "audit trail: closing while it cannot be written ({}); {} records not written",
                            e.toString(),
                            count);
                    return null;
                }
                log.error("audit trail: still cannot be written (attempt {}): {}", attempt, e.toString());
            }
        }
    }

    /** Writes what is queued, seals the segment, and stops the writer; blocking. */
    @Override
    public void close() {
        if (queue == null || closing) {
            awaitStop();
            return;
        }
        closing = true;
        LockSupport.unpark(writerThread);
        awaitStop();
        searches.shutdownNow();
    }

    private void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * An exchange's place in the trail, taken before it forwards anything. {@link #write} its record once, at its
     * end; if it never started after all, {@link #release} the place instead.
     */
    public static final class Admission {

        enum Kind {
            /** No trail: admitted, nothing written. */
            NONE,
            /** A slot is reserved: the record will be written. */
            RESERVED,
            /** No room under {@code drop}: admitted; the record becomes part of a gap. */
            DROPPING,
            /** No room under {@code block}: not admitted. */
            REFUSED
        }

        static final Admission NONE = new Admission(null, Kind.NONE);

        private final AuditTrail trail;
        private final Kind kind;
        private boolean used;

        private Admission(AuditTrail trail, Kind kind) {
            this.trail = trail;
            this.kind = kind;
        }

        /** False when the exchange must not go on: answer 503 {@code audit_unavailable}, forward nothing. */
        public boolean admitted() {
            return kind != Kind.REFUSED;
        }

        /** Writes the exchange's record; non-blocking, and never refused for lack of room. */
        public void write(AuditRecord record) {
            switch (kind) {
                case NONE -> {}
                case RESERVED -> {
                    if (used) {
                        throw new IllegalStateException("an admission writes one record");
                    }
                    used = true;
                    trail.enqueue(record);
                }
                case DROPPING, REFUSED -> trail.drop(record);
            }
        }

        /** Gives the place back without writing: for an exchange that ended before it began. */
        public void release() {
            if (kind == Kind.RESERVED && !used) {
                used = true;
                trail.release();
            }
        }
    }

    /** Records dropped since the last gap record: how many, and the span of their times. */
    private static final class Gaps {
        private long count;
        private Instant from;
        private Instant to;

        synchronized void add(Instant time) {
            count++;
            if (from == null || time.isBefore(from)) {
                from = time;
            }
            if (to == null || time.isAfter(to)) {
                to = time;
            }
        }

        synchronized boolean pending() {
            return count > 0;
        }

        synchronized GapRecord take(Instant now) {
            if (count == 0) {
                return null;
            }
            GapRecord gap = new GapRecord(now, count, from, to);
            count = 0;
            from = null;
            to = null;
            return gap;
        }
    }
}
