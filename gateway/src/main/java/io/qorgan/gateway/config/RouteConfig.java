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
 * @param dialect the API spoken on this route ({@code auto} picks it from the path)
 * @param models the models callers may ask for; empty means any
 * @param protect whether personal data is protected on this route (on unless configured off)
 * @param passUnreadable whether a body the gateway cannot read completely (malformed, compressed,
 *     multipart) may be forwarded as it came; off by default, such bodies are refused
 */
public record RouteConfig(
        String name,
        String pathPrefix,
        String upstream,
        String dialect,
        List<String> models,
        boolean protect,
        boolean passUnreadable) {

    public static final List<String> DIALECTS = List.of("auto", "openai", "anthropic", "ollama");

    public RouteConfig {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(dialect, "dialect");
        name = name == null ? defaultName(pathPrefix) : name;
        models = List.copyOf(models);
    }

    public RouteConfig(String pathPrefix, String upstream, String dialect, List<String> models) {
        this(null, pathPrefix, upstream, dialect, models, true, false);
    }

    public boolean allowsModel(String model) {
        return models.isEmpty() || (model != null && models.contains(model));
    }

    static String defaultName(String prefix) {
        String trimmed = prefix.replaceAll("^/+|/+$", "").replace('/', '-');
        return trimmed.isEmpty() ? "root" : trimmed;
    }
}
