package io.qorgan.gateway.sim;

import java.util.concurrent.atomic.AtomicInteger;

/** Counters that tests read to see what the simulator went through. Thread-safe. */
final class SimulatorStats {

    final AtomicInteger connectionsAccepted = new AtomicInteger();
    final AtomicInteger openConnections = new AtomicInteger();
    final AtomicInteger streamsAbortedByClient = new AtomicInteger();
    final AtomicInteger requestsServed = new AtomicInteger();
}
