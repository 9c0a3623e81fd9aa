package io.qorgan.gateway.route;

import io.qorgan.gateway.config.GatewayConfig;
import io.qorgan.gateway.config.RouteConfig;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Longest-prefix routing on whole path segments: {@code /v1} matches {@code /v1} and
 * {@code /v1/chat/completions} but not {@code /v10}. Immutable; built once per configuration.
 */
public final class Router {

    /** Routes, longest prefix first, each with its upstream's base path worked out once. */
    private final List<Entry> routes;

    public Router(GatewayConfig config) {
        this.routes = config.routes().stream()
                .sorted(Comparator.comparingInt(
                                (RouteConfig r) -> r.pathPrefix().length())
                        .reversed())
                .map(r -> new Entry(r, config.upstreams().get(r.upstream()).basePath()))
                .toList();
    }

    /** The route for a request URI (path and optional query), or empty when none matches. */
    public Optional<RouteMatch> match(String uri) {
        int q = uri.indexOf('?');
        int pathEnd = q >= 0 ? q : uri.length();
        if (!uri.startsWith("/")) {
            return Optional.empty();
        }
        for (Entry entry : routes) {
            String prefix = entry.route.pathPrefix();
            int restStart;
            if (prefix.equals("/")) {
                restStart = 0;
            } else if (pathEnd >= prefix.length()
                    && uri.startsWith(prefix)
                    && (pathEnd == prefix.length() || uri.charAt(prefix.length()) == '/')) {
                restStart = prefix.length();
            } else {
                continue;
            }
            // the rest of the path, then the query as it came
            String rest = uri.substring(restStart);
            boolean noPath = restStart == pathEnd;
            String target = entry.basePath.isEmpty() && noPath ? "/" + rest : entry.basePath + rest;
            return Optional.of(new RouteMatch(entry.route, target));
        }
        return Optional.empty();
    }

    /**
     * A target mapped for one upstream, mapped for another: its base path {@code fromBase} replaced by {@code toBase}
     * (a request that fails over to an upstream with another base path). The target as given when it does not start
     * with {@code fromBase}.
     */
    public static String rebase(String target, String fromBase, String toBase) {
        if (fromBase.equals(toBase)) {
            return target;
        }
        String rest;
        if (fromBase.isEmpty()) {
            rest = target.equals("/") || target.startsWith("/?") ? target.substring(1) : target;
        } else if (target.startsWith(fromBase)) {
            rest = target.substring(fromBase.length());
        } else {
            return target;
        }
        if (toBase.isEmpty()) {
            return rest.isEmpty() || rest.startsWith("?") ? "/" + rest : rest;
        }
        return toBase + rest;
    }

    private record Entry(RouteConfig route, String basePath) {}
}
