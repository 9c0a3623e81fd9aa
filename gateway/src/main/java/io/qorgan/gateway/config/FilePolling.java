package io.qorgan.gateway.config;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Runs a reload check every interval on a scheduler that is never an event loop (the check reads
 * files). A failing check is logged by class name only, so a file's content never reaches a log,
 * and polling goes on.
 */
public final class FilePolling {

    private FilePolling() {}

    /** Cancel the returned future to stop. */
    public static ScheduledFuture<?> every(
            ScheduledExecutorService scheduler, Duration interval, Runnable check, Logger log, String what) {
        long millis = Math.max(1, interval.toMillis());
        return scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        check.run();
                    } catch (RuntimeException e) {
                        log.warn("{} poll failed: {}", what, e.getClass().getSimpleName());
                    }
                },
                millis,
                millis,
                TimeUnit.MILLISECONDS);
    }
}
