package io.qorgan.gateway.cache;

/**
 * One cache entry: the sealed {@link StoredAnswer} and what the cache knows of it in clear — sizes, times and token
 * counts, never text.
 *
 * @param sealed the sealed answer
 * @param upstreamNanos how long the upstream took for it, saved on every hit
 * @param usage its token counts, saved on every hit
 * @param ttlNanos how long it is served
 */
record SealedAnswer(byte[] sealed, long upstreamNanos, Usage usage, long ttlNanos) {

    /** Bytes this entry holds, for the weigher: the sealed answer and a fixed share for the key and the entry. */
    int weight() {
        return sealed.length + 160;
    }
}
