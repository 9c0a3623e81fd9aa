package io.qorgan.gateway.server;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the traffic event loops are alive, and what happens when one dies.
 *
 * <p>Each loop stamps a heartbeat every quarter second; {@link #healthy()} (and so {@code /healthz}, served by the
 * admin listener's own loop) says no when one has not stamped for two seconds — a loop blocked, or dead. A loop that
 * terminates while the gateway runs (an {@link Error} escaped it, as an {@code OutOfMemoryError} in the socket receive
 * path does) and a {@link VirtualMachineError} caught on a connection are {@linkplain #fatal fatal}: the node logs it
 * and stops with a non-zero exit, so that systemd or Kubernetes restarts it, instead of listening on as a zombie that
 * answers nobody. Thread-safe.
 */
public final class LoopHealth {

    private static final Logger log = LoggerFactory.getLogger(LoopHealth.class);
    private static final long BEAT_MILLIS = 250;
    static final long STALE_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** The exit status of a node stopped by a fatal error (EX_SOFTWARE). */
    public static final int FATAL_EXIT = 70;

    private final List<EventExecutor> loops = new ArrayList<>();
    private final AtomicLongArray beats;
    private final Consumer<Throwable> onFatal;
    private final LongSupplier nanoClock;
    private final AtomicBoolean failed = new AtomicBoolean();
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private volatile boolean stopping;

    /**
     * @param onFatal what a fatal error does after it is logged: stop the process (the default of {@link #halting})
     *     or, in tests, record it
     */
    public LoopHealth(EventLoopGroup group, Consumer<Throwable> onFatal, LongSupplier nanoClock) {
        group.forEach(loops::add);
        this.beats = new AtomicLongArray(loops.size());
        this.onFatal = onFatal;
        this.nanoClock = nanoClock;
    }

    /** Logs a fatal error's kind and halts the JVM with {@link #FATAL_EXIT}: no shutdown hook can hang on a dead loop. */
    public static Consumer<Throwable> halting() {
        return cause -> Runtime.getRuntime().halt(FATAL_EXIT);
    }

    /** Starts the heartbeats and watches every loop's termination. */
    public void start() {
        long now = nanoClock.getAsLong();
        for (int i = 0; i < loops.size(); i++) {
            int index = i;
            EventExecutor loop = loops.get(i);
            beats.set(i, now);
            tasks.add(loop.scheduleAtFixedRate(
                    () -> beats.set(index, nanoClock.getAsLong()), 0, BEAT_MILLIS, TimeUnit.MILLISECONDS));
            loop.terminationFuture().addListener(f -> {
                if (!stopping) {
                    fatal(new IllegalStateException("event loop " + index + " terminated while the gateway runs"));
                }
            });
        }
    }

    /** Whether every loop stamped its heartbeat lately and none died. */
    public boolean healthy() {
        return stalled().isEmpty() && !failed.get();
    }

    /** The indexes of loops that have not stamped their heartbeat for two seconds. */
    public List<Integer> stalled() {
        long now = nanoClock.getAsLong();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < beats.length(); i++) {
            if (now - beats.get(i) > STALE_NANOS || loops.get(i).isShutdown()) {
                out.add(i);
            }
        }
        return out;
    }

    /** A fatal error: logged once (its kind only, never a message that could hold data), then {@code onFatal}. */
    public void fatal(Throwable cause) {
        if (stopping || !failed.compareAndSet(false, true)) {
            return;
        }
        log.error(
                "fatal: {} on {}; stopping the node (exit {}) so that it is restarted",
                cause.getClass().getName(),
                Thread.currentThread().getName(),
                FATAL_EXIT);
        onFatal.accept(cause);
    }

    /** The gateway is shutting down: loops ending now are not fatal. */
    public void stop() {
        stopping = true;
        tasks.forEach(t -> t.cancel(false));
    }
}
