package io.qorgan.gateway.sim;

import java.util.Random;

/** Decides which requests fail. The random source is injected so a seed makes a run repeatable. */
final class FaultInjector {

    private final double rate;
    private final int status;
    private final Random random;

    FaultInjector(double rate, int status, Random random) {
        this.rate = rate;
        this.status = status;
        this.random = random;
    }

    /** The error status this request gets, or 0 when it is answered normally. */
    int nextFault() {
        if (rate <= 0.0) {
            return 0;
        }
        // nextDouble() is in [0, 1): a rate of 1.0 always fails, 0.0 never does.
        return random.nextDouble() < rate ? status : 0;
    }
}
