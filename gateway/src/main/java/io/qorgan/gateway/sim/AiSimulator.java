package io.qorgan.gateway.sim;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Random;

/**
 * A stand-in AI service: answers OpenAI (chat completions, Responses, legacy completions,
 * embeddings, models), Anthropic (messages) and Ollama (chat, generate, embed) requests in their
 * JSON and streaming shapes, and records exactly what it received.
 *
 * <pre>{@code
 * try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
 *     // point the gateway's upstream at sim.baseUrl() + "/v1", send, then
 *     sim.recordedRequests(); // what left the gateway, byte for byte
 * }
 * }</pre>
 *
 * <p>Also served over HTTP: {@code GET /_sim/requests} (the records as JSON) and
 * {@code DELETE /_sim/requests} (clear). Every answer carries {@code x-sim-received-bytes}, the
 * size of the request body. Thread-safe: the counters and the records may be read from any thread.
 */
public final class AiSimulator implements AutoCloseable {

    private final SimulatorSettings settings;
    private final Simulation sim;
    private final SimulatorServer server;

    private AiSimulator(SimulatorSettings settings, Simulation sim, SimulatorServer server) {
        this.settings = settings;
        this.sim = sim;
        this.server = server;
    }

    /**
     * Binds and starts serving; returns once the port is bound.
     *
     * @throws UncheckedIOException with a {@link java.net.BindException} cause when the port is in use
     */
    public static AiSimulator start(SimulatorSettings settings) {
        return start(settings, new Random(settings.faultSeed()));
    }

    /** As {@link #start(SimulatorSettings)}, with the random source that decides which requests fail. */
    public static AiSimulator start(SimulatorSettings settings, Random faultRandom) {
        Simulation sim = new Simulation(settings, faultRandom);
        return new AiSimulator(settings, sim, SimulatorServer.bind(settings, sim));
    }

    public SimulatorSettings settings() {
        return settings;
    }

    /** The bound port (the chosen one when the settings said 0). */
    public int port() {
        return server.localAddress().getPort();
    }

    /** E.g. {@code http://127.0.0.1:41234}, without a trailing slash; a wildcard host is given as loopback. */
    public String baseUrl() {
        InetSocketAddress address = server.localAddress();
        InetAddress ip = address.getAddress();
        String host = ip.isAnyLocalAddress() ? "127.0.0.1" : ip.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + address.getPort();
    }

    /** The latest requests received (up to the record limit), oldest first. */
    public List<RecordedRequest> recordedRequests() {
        return sim.recorder.snapshot();
    }

    public void clearRecorded() {
        sim.recorder.clear();
    }

    /** TCP connections accepted since start. */
    public int connectionsAccepted() {
        return sim.stats.connectionsAccepted.get();
    }

    /** TCP connections open now. */
    public int openConnections() {
        return sim.stats.openConnections.get();
    }

    /** Streamed answers whose connection closed before the stream was complete (not counting {@code disconnectAfterChunks} cuts). */
    public int streamsAbortedByClient() {
        return sim.stats.streamsAbortedByClient.get();
    }

    /** Requests answered completely, errors included; {@code /_sim/} requests not counted. */
    public int requestsServed() {
        return sim.stats.requestsServed.get();
    }

    /** Stops listening, closes open connections and, if it owns it, shuts the event-loop group down; waits. */
    @Override
    public void close() {
        server.close();
    }
}
