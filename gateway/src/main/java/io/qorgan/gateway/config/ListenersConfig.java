package io.qorgan.gateway.config;

import java.util.Objects;

/** The traffic listener (agency systems) and the admin listener (health, readiness, metrics) are separate. */
public record ListenersConfig(ListenerConfig traffic, ListenerConfig admin) {

    public ListenersConfig {
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(admin, "admin");
    }
}
