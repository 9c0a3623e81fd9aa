package io.qorgan.gateway.config;

import java.util.List;
import java.util.Objects;

/**
 * A path prefix and where it goes.
 *
 * @param pathPrefix matched against the request path, longest prefix wins; replaced by the
 *     upstream's base path when forwarding
 * @param dialect the API spoken on this route ({@code auto} picks it from the path)
 * @param models the models callers may ask for; empty means any
 */
public record RouteConfig(String pathPrefix, String upstream, String dialect, List<String> models) {

    public static final List<String> DIALECTS = List.of("auto", "openai", "anthropic", "ollama");

    public RouteConfig {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(dialect, "dialect");
        models = List.copyOf(models);
    }

    public boolean allowsModel(String model) {
        return models.isEmpty() || (model != null && models.contains(model));
    }
}
