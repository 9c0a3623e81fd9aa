package io.qorgan.gateway.testing;

import io.qorgan.gateway.Gateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What a test started (gateways, simulators, servers), closed after it in reverse order; gateways drain briefly. */
public final class Closing implements AutoCloseable {

    private final List<AutoCloseable> started = new ArrayList<>();

    public <T extends AutoCloseable> T add(T resource) {
        started.add(resource);
        return resource;
    }

    @Override
    public void close() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            AutoCloseable c = started.get(i);
            if (c instanceof Gateway g) {
                g.shutdown(Duration.ofSeconds(2));
            } else {
                c.close();
            }
        }
        started.clear();
    }
}
