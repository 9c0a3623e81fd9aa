package io.qorgan.gateway.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * Records that were not written: under {@code audit.onFull: drop} the queue was full, or a reload or authentication
 * failure found no room. Written as soon as the writer has room again, so nothing is dropped silently.
 *
 * @param dropped how many records were dropped
 * @param from the time of the first record dropped
 * @param to the time of the last record dropped
 */
public record GapRecord(Instant time, long dropped, Instant from, Instant to) implements AuditRecord {

    public GapRecord {
        Objects.requireNonNull(time, "time");
    }
}
