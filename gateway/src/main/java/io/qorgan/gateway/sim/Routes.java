package io.qorgan.gateway.sim;

import io.netty.handler.codec.http.HttpMethod;
import java.util.List;

/**
 * The API routes, matched on the end of the path so that a prefix (e.g. {@code /openai/v1/...})
 * still reaches them. Order matters: longer suffixes first ({@code /chat/completions} before
 * {@code /completions}, {@code /api/embeddings} before {@code /embeddings}).
 */
final class Routes {

    /** One endpoint: its path suffix, method, error shape and responder. */
    record Route(String suffix, HttpMethod method, ApiDialect dialect, Responder responder) {}

    private final List<Route> routes;

    Routes(ReplyContext ctx) {
        routes = List.of(
                new Route("/chat/completions", HttpMethod.POST, ApiDialect.OPENAI, new OpenAiChatResponder(ctx)),
                new Route("/completions", HttpMethod.POST, ApiDialect.OPENAI, new OpenAiCompletionsResponder(ctx)),
                new Route("/responses", HttpMethod.POST, ApiDialect.OPENAI, new OpenAiResponsesResponder(ctx)),
                new Route(
                        "/api/embeddings",
                        HttpMethod.POST,
                        ApiDialect.OLLAMA,
                        new EmbeddingsResponder(EmbeddingsResponder.Kind.OLLAMA_EMBEDDINGS)),
                new Route(
                        "/api/embed",
                        HttpMethod.POST,
                        ApiDialect.OLLAMA,
                        new EmbeddingsResponder(EmbeddingsResponder.Kind.OLLAMA_EMBED)),
                new Route(
                        "/embeddings",
                        HttpMethod.POST,
                        ApiDialect.OPENAI,
                        new EmbeddingsResponder(EmbeddingsResponder.Kind.OPENAI)),
                new Route("/models", HttpMethod.GET, ApiDialect.OPENAI, new ModelsResponder()),
                new Route("/messages", HttpMethod.POST, ApiDialect.ANTHROPIC, new AnthropicResponder(ctx)),
                new Route(
                        "/api/chat",
                        HttpMethod.POST,
                        ApiDialect.OLLAMA,
                        new OllamaResponder(ctx, OllamaResponder.Kind.CHAT)),
                new Route(
                        "/api/generate",
                        HttpMethod.POST,
                        ApiDialect.OLLAMA,
                        new OllamaResponder(ctx, OllamaResponder.Kind.GENERATE)));
    }

    /** The route for a path (without query), or null. */
    Route find(String path) {
        for (Route route : routes) {
            if (path.endsWith(route.suffix())) {
                return route;
            }
        }
        return null;
    }
}
