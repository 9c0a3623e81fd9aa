package io.qorgan.gateway.audit;

/**
 * Where an exchange's time went, in microseconds; {@link #NONE} (-1) for a part that did not happen (a blocked
 * request has no upstream time; a cache hit has no upstream at all).
 *
 * @param totalMicros from the complete request to the end of the answer
 * @param protectionMicros detection, policies, rewriting, restoration and answer scanning together
 * @param upstreamFirstByteMicros from sending to the upstream to its first answer byte
 * @param upstreamTotalMicros from sending to the upstream to the end of its answer
 */
public record ExchangeTimes(
        long totalMicros, long protectionMicros, long upstreamFirstByteMicros, long upstreamTotalMicros) {

    public static final long NONE = -1;

    /** Nothing measured. */
    public static final ExchangeTimes UNKNOWN = new ExchangeTimes(NONE, NONE, NONE, NONE);

    public ExchangeTimes {
        totalMicros = Math.max(NONE, totalMicros);
        protectionMicros = Math.max(NONE, protectionMicros);
        upstreamFirstByteMicros = Math.max(NONE, upstreamFirstByteMicros);
        upstreamTotalMicros = Math.max(NONE, upstreamTotalMicros);
    }
}
