package io.qorgan.gateway.config;

import java.util.List;
import java.util.Map;

/**
 * The YAML file as written, before validation: every field may be missing. Unknown keys fail
 * binding, so a typo never passes silently.
 */
record RawConfig(RawListeners listeners, Map<String, RawUpstream> upstreams, List<RawRoute> routes, RawLimits limits) {

    record RawListeners(RawListener traffic, RawListener admin) {
    }

    record RawListener(String host, Integer port) {
    }

    record RawUpstream(String baseUrl, String connectTimeout, String readTimeout, Integer maxConnections) {
    }

    record RawRoute(String pathPrefix, String upstream, String dialect, List<String> models) {
    }

    record RawLimits(
            String maxRequestBody,
            String maxHeaderSize,
            String idleTimeout,
            Integer maxConcurrentExchanges,
            String shutdownGrace) {
    }
}
