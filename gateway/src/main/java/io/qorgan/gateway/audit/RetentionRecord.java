package io.qorgan.gateway.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * Whole segments deleted by retention. Written into the chain in clear (it holds numbers and a digest only), so
 * {@code qorgan audit verify} can tell a deletion by retention from a deletion by hand without any key.
 *
 * @param firstSegment the first segment deleted
 * @param lastSegment the last segment deleted
 * @param firstSeq the sequence number of the first entry deleted
 * @param lastSeq the sequence number of the last entry deleted
 * @param from when the first deleted segment was started
 * @param to when the segment after the deleted ones was started: every deleted entry is older
 * @param lastHash the chain digest of the last entry deleted, in hex: the segment that now comes first starts from it
 */
public record RetentionRecord(
        Instant time,
        long firstSegment,
        long lastSegment,
        long firstSeq,
        long lastSeq,
        Instant from,
        Instant to,
        String lastHash)
        implements AuditRecord {

    public RetentionRecord {
        Objects.requireNonNull(time, "time");
        lastHash = AuditIds.id(lastHash);
    }
}
