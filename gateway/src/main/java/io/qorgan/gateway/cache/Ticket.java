package io.qorgan.gateway.cache;

import java.util.concurrent.CompletableFuture;

/**
 * A request the cache missed, on its way to the upstream: its answer is offered here once complete, and stored when
 * it is safe. Whoever holds it ends it once, by {@link #offer} or {@link #abandon}; requests waiting for this one
 * (single flight) learn the outcome then. Confined to the exchange's thread.
 */
public final class Ticket {

    private final AnswerCache cache;
    private final AnswerCache.Request request;
    /** The single flight this request leads, or null when it goes alone (a refresh, a waiter whose leader failed). */
    private final CompletableFuture<SealedAnswer> flight;

    private boolean ended;

    Ticket(AnswerCache cache, AnswerCache.Request request, CompletableFuture<SealedAnswer> flight) {
        this.cache = cache;
        this.request = request;
        this.flight = flight;
    }

    /** The largest answer that may be stored: capture no more than this. */
    public int maxBytes() {
        return request.maxEntryBytes();
    }

    /**
     * Offers the answer as the upstream sent it; stored when it is a complete 2xx answer of at most {@link #maxBytes()}
     * in which the model produced no personal data of its own.
     *
     * @param status the upstream's status
     * @param contentType its {@code Content-Type}
     * @param streamed whether {@code body} is a stream's events
     * @param body the answer's bytes as they came (placeholders), or null when they outgrew {@link #maxBytes()}
     * @param upstreamNanos from sending the request to the answer's end
     * @param producedPersonalData whether answer scanning found a value that is not one of the request's own
     * @return whether it was stored
     */
    public boolean offer(
            int status,
            String contentType,
            boolean streamed,
            byte[] body,
            long upstreamNanos,
            boolean producedPersonalData) {
        if (ended) {
            return false;
        }
        ended = true;
        return cache.store(request, flight, status, contentType, streamed, body, upstreamNanos, producedPersonalData);
    }

    /** The exchange ended without a complete answer (upstream failure, client gone): nothing is stored. */
    public void abandon() {
        if (ended) {
            return;
        }
        ended = true;
        cache.abandoned(request, flight);
    }
}
