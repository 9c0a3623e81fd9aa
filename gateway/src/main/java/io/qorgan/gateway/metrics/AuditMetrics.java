package io.qorgan.gateway.metrics;

/**
 * What the trail reports to monitoring ({@code qorgan_audit_*} in {@code GatewayMetrics}); every method may be
 * called from any thread, the writer's included, and must not block.
 */
public interface AuditMetrics {

    /** Reports nothing: the CLI and tests. */
    AuditMetrics NONE = new AuditMetrics() {};

    /** Records written to a segment. */
    default void written(int records) {}

    /** A record not written because the queue was full (it becomes part of a gap record). */
    default void dropped() {}

    /** An exchange refused because the queue was full under {@code onFull: block}, or the writer is failing. */
    default void refused() {}

    /** One fsync of a segment, and how long it took. */
    default void synced(long nanos) {}

    /** One signature of the chain head, and how long it took. */
    default void signed(long nanos) {}

    /** A write or sync that failed; the writer retries in a new segment. */
    default void writeFailed() {}

    /** A search of the trail, by outcome: {@code ok}, {@code bad_query}, {@code denied}, {@code failed}. */
    default void searched(String outcome) {}
}
