package io.qorgan.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * An AI service the gateway forwards to.
 *
 * @param baseUrl scheme, host, port and an optional base path that replaces the route's prefix
 * @param readTimeout the longest silence allowed while waiting for, or reading, an answer
 * @param maxConnections keep-alive connections to this upstream, at most, across all event loops
 */
public record UpstreamConfig(
        String name,
        URI baseUrl,
        Duration connectTimeout,
        Duration readTimeout,
        int maxConnections) {

    public UpstreamConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
    }

    public String host() {
        return baseUrl.getHost();
    }

    public boolean tls() {
        return "https".equalsIgnoreCase(baseUrl.getScheme());
    }

    public int port() {
        int port = baseUrl.getPort();
        return port > 0 ? port : tls() ? 443 : 80;
    }

    /** The base path without a trailing slash; empty for the root. */
    public String basePath() {
        String path = baseUrl.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The Host header value the upstream expects. */
    public String hostHeader() {
        int port = baseUrl.getPort();
        String host = host().contains(":") ? "[" + host() + "]" : host();
        return port > 0 ? host + ":" + port : host;
    }
}
