package io.qorgan.gateway.config;

import java.util.Objects;

/**
 * One listening socket. Port 0 binds an ephemeral port (tests).
 *
 * @param tls TLS of this listener, or null for plain HTTP
 */
public record ListenerConfig(String host, int port, ServerTlsConfig tls) {

    public ListenerConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public ListenerConfig(String host, int port) {
        this(host, port, null);
    }

    public boolean tlsEnabled() {
        return tls != null;
    }

    /** Where clients reach this listener once bound to {@code boundPort}: {@code https://127.0.0.1:8080}. */
    public String url(int boundPort) {
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return (tlsEnabled() ? "https://" : "http://") + h + ":" + boundPort;
    }
}
