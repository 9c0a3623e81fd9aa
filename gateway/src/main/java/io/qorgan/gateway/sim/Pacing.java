package io.qorgan.gateway.sim;

/**
 * When the parts of an answer go out: headers after {@code slowHeadersMillis}, the first event
 * (or a whole body) {@code ttftMillis} later, then one event every {@code chunkDelayMillis};
 * streams are cut after {@code disconnectAfterChunks} events when that is above 0.
 */
record Pacing(long slowHeadersMillis, long ttftMillis, long chunkDelayMillis, int disconnectAfterChunks) {

    static Pacing of(SimulatorSettings s) {
        return new Pacing(s.slowHeadersMillis(), s.ttftMillis(), s.chunkDelayMillis(), s.disconnectAfterChunks());
    }
}
