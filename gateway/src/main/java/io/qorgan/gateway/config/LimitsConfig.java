package io.qorgan.gateway.config;

import java.time.Duration;
import java.util.List;

/**
 * Size and time limits that keep memory bounded and stop slow or hostile clients.
 *
 * @param maxRequestBodyBytes larger bodies are refused with 413 before anything is forwarded
 * @param maxHeaderBytes larger header blocks are refused with 431
 * @param idleTimeout a client connection with no exchange in flight and no traffic is closed
 * @param maxConcurrentExchanges beyond this, new requests get 503 at once instead of queueing
 * @param shutdownGrace how long in-flight exchanges may run after shutdown begins
 * @param ioThreads event-loop threads serving connections (default: one per CPU)
 * @param transport the socket transport: one of {@link #TRANSPORTS}; {@code auto} takes the
 *     cheapest the machine offers (io_uring, then epoll, then NIO)
 * @param headerTimeout once the first byte of a request has arrived, its head must be complete within this time
 * @param bodyTimeout once a request is admitted, its whole body must arrive within this time
 * @param minBodyRate after the first seconds of a body, it must keep arriving at least this fast (bytes a second;
 *     0 turns the check off): a slowly dribbled body cannot hold a connection and its memory for long
 * @param maxBufferedBodies the memory all request bodies being read may take together, across connections; a request
 *     that would go beyond it is answered 503 {@code overloaded} before its body is read. 0 (the default) sizes it
 *     from the JVM's limits when the server starts: a quarter of the smaller of heap and direct memory
 */
public record LimitsConfig(
        int maxRequestBodyBytes,
        int maxHeaderBytes,
        Duration idleTimeout,
        int maxConcurrentExchanges,
        Duration shutdownGrace,
        int ioThreads,
        String transport,
        Duration headerTimeout,
        Duration bodyTimeout,
        long minBodyRate,
        long maxBufferedBodies) {

    public static final List<String> TRANSPORTS = List.of("auto", "io_uring", "epoll", "nio");

    public static LimitsConfig defaults() {
        return new LimitsConfig(
                10 * 1024 * 1024,
                16 * 1024,
                Duration.ofSeconds(60),
                10_000,
                Duration.ofSeconds(30),
                Runtime.getRuntime().availableProcessors(),
                "auto",
                Duration.ofSeconds(10),
                Duration.ofSeconds(120),
                8 * 1024,
                0);
    }
}
