package io.qorgan.gateway.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * An identical request's upstream call that a request waits for (single flight). When that call's answer is stored,
 * each waiter is served it as a hit, restored with its own vault. When it is not (an error, personal data the model
 * produced, a cut stream, a client that left), each waiter sends its own request, as it would have without the cache:
 * a waiter never gets an answer or an error that was another request's.
 */
public final class Flight {

    private final AnswerCache cache;
    private final AnswerCache.Request request;
    private final CompletableFuture<SealedAnswer> call;

    Flight(AnswerCache cache, AnswerCache.Request request, CompletableFuture<SealedAnswer> call) {
        this.cache = cache;
        this.request = request;
        this.call = call;
    }

    /**
     * Calls {@code then} on {@code executor} once the call ended, with a {@link Lookup.Hit} or a {@link Lookup.Miss}
     * whose ticket stores this request's own answer.
     */
    public void whenLanded(Executor executor, Consumer<Lookup> then) {
        call.whenComplete((entry, error) -> executor.execute(() -> then.accept(cache.landed(request, entry))));
    }
}
