package io.qorgan.gateway.config;

import java.util.List;
import java.util.Objects;

/**
 * A path prefix and where it goes.
 *
 * @param name names the route in permissions ({@code route:NAME:invoke}), metrics and logs;
 *     defaults to the prefix without slashes ({@code /v1} → {@code v1}, {@code /} → {@code root})
 * @param pathPrefix matched against the request path, longest prefix wins; replaced by the
 *     upstream's base path when forwarding
 * @param upstream the first upstream of {@code targets}: the one a request goes to unless it fails or is chosen by
 *     weight
 * @param dialect the API spoken on this route ({@code auto} picks it from the path)
 * @param models the models callers may ask for; empty means any
 * @param protect whether personal data is protected on this route (on unless configured off)
 * @param passUnreadable whether a body the gateway cannot read completely (malformed, compressed,
 *     multipart) may be forwarded as it came; off by default, such bodies are refused
 * @param targets the upstreams of the route, in order of priority; at least one
 * @param weighted whether the first upstream of a request is drawn by the targets' weights rather than taken in order
 */
public record RouteConfig(
        String name,
        String pathPrefix,
        String upstream,
        String dialect,
        List<String> models,
        boolean protect,
        boolean passUnreadable,
        List<Target> targets,
        boolean weighted) {

    public static final List<String> DIALECTS = List.of("auto", "openai", "anthropic", "ollama");

    public RouteConfig {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(dialect, "dialect");
        targets = targets == null || targets.isEmpty()
                ? List.of(new Target(Objects.requireNonNull(upstream, "upstream"), 1))
                : List.copyOf(targets);
        upstream = targets.get(0).upstream();
        name = name == null ? defaultName(pathPrefix) : name;
        models = List.copyOf(models);
    }

    /** A route to one upstream. */
    public RouteConfig(
            String name,
            String pathPrefix,
            String upstream,
            String dialect,
            List<String> models,
            boolean protect,
            boolean passUnreadable) {
        this(name, pathPrefix, upstream, dialect, models, protect, passUnreadable, null, false);
    }

    public RouteConfig(String pathPrefix, String upstream, String dialect, List<String> models) {
        this(null, pathPrefix, upstream, dialect, models, true, false);
    }

    public boolean allowsModel(String model) {
        return models.isEmpty() || (model != null && models.contains(model));
    }

    /** Whether a request may go elsewhere than {@link #upstream()}: the route names more than one upstream. */
    public boolean hasFallbacks() {
        return targets.size() > 1;
    }

    static String defaultName(String prefix) {
        String trimmed = prefix.replaceAll("^/+|/+$", "").replace('/', '-');
        return trimmed.isEmpty() ? "root" : trimmed;
    }

    /**
     * One upstream of a route.
     *
     * @param weight its share when the route is weighted (0: a fallback only, never drawn first)
     */
    public record Target(String upstream, int weight) {
        public Target {
            Objects.requireNonNull(upstream, "upstream");
        }
    }
}
