package io.qorgan.gateway.route;

import io.qorgan.gateway.config.GatewayConfig;
import io.qorgan.gateway.config.RouteConfig;
import io.qorgan.gateway.config.UpstreamConfig;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Longest-prefix routing on whole path segments: {@code /v1} matches {@code /v1} and
 * {@code /v1/chat/completions} but not {@code /v10}. Immutable; built once per configuration.
 */
public final class Router {

    private final List<RouteConfig> routes;
    private final GatewayConfig config;

    public Router(GatewayConfig config) {
        this.config = config;
        this.routes = config.routes().stream()
                .sorted(Comparator.comparingInt((RouteConfig r) -> r.pathPrefix().length()).reversed())
                .toList();
    }

    /** The route for a request URI (path and optional query), or empty when none matches. */
    public Optional<RouteMatch> match(String uri) {
        int q = uri.indexOf('?');
        String path = q >= 0 ? uri.substring(0, q) : uri;
        String query = q >= 0 ? uri.substring(q) : "";
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        for (RouteConfig route : routes) {
            String prefix = route.pathPrefix();
            String rest;
            if (prefix.equals("/")) {
                rest = path;
            } else if (path.startsWith(prefix)
                    && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                rest = path.substring(prefix.length());
            } else {
                continue;
            }
            UpstreamConfig upstream = config.upstreams().get(route.upstream());
            String target = upstream.basePath() + rest;
            if (target.isEmpty()) {
                target = "/";
            }
            return Optional.of(new RouteMatch(route, target + query));
        }
        return Optional.empty();
    }
}
