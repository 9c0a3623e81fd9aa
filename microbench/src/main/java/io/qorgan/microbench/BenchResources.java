package io.qorgan.microbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The benchmarks' bundled inputs: the load test's chat body and the simulator's completion. */
final class BenchResources {

    private BenchResources() {}

    static byte[] bytes(String name) {
        try (InputStream in = BenchResources.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
