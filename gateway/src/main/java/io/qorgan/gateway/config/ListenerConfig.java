package io.qorgan.gateway.config;

import java.util.Objects;

/** One listening socket. Port 0 binds an ephemeral port (tests). */
public record ListenerConfig(String host, int port) {

    public ListenerConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
