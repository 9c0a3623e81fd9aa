package io.qorgan.gateway.config;

import io.qorgan.gateway.crypto.SecretRef;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * An AI service the gateway forwards to.
 *
 * @param baseUrl scheme, host, port and an optional base path that replaces the route's prefix
 * @param readTimeout the longest silence allowed while waiting for, or reading, an answer
 * @param maxConnections keep-alive connections to this upstream, at most, across all event loops
 * @param apiKey the upstream's own credential, injected by the gateway; null to send none
 * @param apiKeyHeader {@code authorization} (sent as {@code Bearer KEY}) or {@code x-api-key}
 * @param tls TLS settings for an {@code https} base URL
 * @param retry how failed requests are sent again to this upstream
 * @param breaker this upstream's circuit breaker
 */
public record UpstreamConfig(
        String name,
        URI baseUrl,
        Duration connectTimeout,
        Duration readTimeout,
        int maxConnections,
        SecretRef apiKey,
        String apiKeyHeader,
        UpstreamTlsConfig tls,
        RetrySettings retry,
        BreakerSettings breaker) {

    public UpstreamConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        apiKeyHeader = apiKeyHeader == null ? "authorization" : apiKeyHeader;
        tls = tls == null ? UpstreamTlsConfig.systemDefault() : tls;
        retry = retry == null ? RetrySettings.defaults() : retry;
        breaker = breaker == null ? BreakerSettings.defaults() : breaker;
    }

    public UpstreamConfig(String name, URI baseUrl, Duration connectTimeout, Duration readTimeout, int maxConnections) {
        this(name, baseUrl, connectTimeout, readTimeout, maxConnections, null, null, null, null, null);
    }

    public String host() {
        return baseUrl.getHost();
    }

    public boolean tlsEnabled() {
        return "https".equalsIgnoreCase(baseUrl.getScheme());
    }

    public int port() {
        int port = baseUrl.getPort();
        return port > 0 ? port : tlsEnabled() ? 443 : 80;
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
