package io.qorgan.gateway.upstream;

/**
 * Why an exchange with an upstream ended badly.
 *
 * @param kind what happened
 * @param responseStarted whether any part of the answer had reached the gateway
 * @param reusedConnection whether the connection had served an exchange before (a stale
 *     keep-alive connection closed by the upstream is worth one retry)
 */
public record UpstreamFailure(Kind kind, boolean responseStarted, boolean reusedConnection) {

    public enum Kind {
        /** no connection could be made */
        CONNECT,
        /** the connection closed or reset before the answer ended */
        CLOSED,
        /** the upstream was silent for longer than its read timeout */
        TIMEOUT,
        /** the answer could not be parsed as HTTP */
        PROTOCOL,
        /** every connection of the pool is busy and the wait queue is full */
        POOL_EXHAUSTED
    }

    /** A request can be sent again only when nothing of the answer came back and the connection was an old one. */
    public boolean retryable() {
        return kind == Kind.CLOSED && !responseStarted && reusedConnection;
    }
}
