package io.qorgan.gateway.testing;

import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.config.GatewayConfig;

/** Configurations for gateways under test: ephemeral ports on loopback, everything else explicit. */
public final class TestGateways {

    private TestGateways() {}

    /**
     * The simulator at {@code upstreamUrl} as two upstreams: {@code sim} with base path {@code /v1}
     * behind route {@code /v1}, {@code sim-api} (base path {@code /api}) behind the Ollama route
     * {@code /api}, and {@code sim-root} behind {@code /restricted}
     * (models limited). {@code limitsYaml} adds top-level sections.
     */
    public static GatewayConfig config(String upstreamUrl, String readTimeout, String limitsYaml) {
        return ConfigLoader.parse("test.yaml", """
                listeners:
                  traffic: { host: 127.0.0.1, port: 0 }
                  admin: { host: 127.0.0.1, port: 0 }
                upstreams:
                  sim:
                    baseUrl: "%s"
                    connectTimeout: 2s
                    readTimeout: %s
                    maxConnections: 8
                  sim-root:
                    baseUrl: "%s"
                    connectTimeout: 2s
                    readTimeout: %s
                  sim-api:
                    baseUrl: "%s/api"
                    readTimeout: %s
                routes:
                  - { pathPrefix: /v1, upstream: sim, dialect: auto }
                  - { pathPrefix: /api, upstream: sim-api, dialect: ollama }
                  - { pathPrefix: /restricted, upstream: sim-root, models: [allowed-model] }
                %s
                """.formatted(
                upstreamUrl + "/v1", readTimeout, upstreamUrl, readTimeout, upstreamUrl, readTimeout, limitsYaml));
    }
}
