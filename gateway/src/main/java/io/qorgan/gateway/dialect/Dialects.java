package io.qorgan.gateway.dialect;

import java.util.List;
import java.util.Locale;

/** Picks the dialect of an exchange from the route's configured dialect and the upstream path. */
public final class Dialects {

    private record Suffix(String suffix, Dialect dialect, String family) {}

    // Longer suffixes first: "/chat/completions" before "/completions", "/api/embeddings" before "/embeddings".
    private static final List<Suffix> SUFFIXES = List.of(
            new Suffix("/chat/completions", Dialect.OPENAI_CHAT, "openai"),
            new Suffix("/api/embeddings", Dialect.OPENAI_EMBEDDINGS, "ollama"),
            new Suffix("/api/embed", Dialect.OPENAI_EMBEDDINGS, "ollama"),
            new Suffix("/api/chat", Dialect.OLLAMA_CHAT, "ollama"),
            new Suffix("/api/generate", Dialect.OLLAMA_GENERATE, "ollama"),
            new Suffix("/completions", Dialect.OPENAI_COMPLETIONS, "openai"),
            new Suffix("/embeddings", Dialect.OPENAI_EMBEDDINGS, "openai"),
            new Suffix("/responses", Dialect.OPENAI_RESPONSES, "openai"),
            new Suffix("/messages", Dialect.ANTHROPIC_MESSAGES, "anthropic"));

    private Dialects() {}

    /**
     * The dialect for an upstream path (query ignored, trailing slash ignored).
     *
     * @param routeDialect {@code auto}, {@code openai}, {@code anthropic} or {@code ollama}
     *     ({@code null} or anything else means {@code auto}). A named family accepts its own
     *     endpoints plus the OpenAI-compatible ones (Anthropic and Ollama both offer those);
     *     {@code openai} does not read {@code /messages} as Anthropic.
     * @return the matching dialect, or {@link Dialect#GENERIC_JSON} when none matches
     */
    public static Dialect resolve(String routeDialect, String upstreamPath) {
        if (upstreamPath == null) {
            return Dialect.GENERIC_JSON;
        }
        String family = routeDialect == null ? "auto" : routeDialect.trim().toLowerCase(Locale.ROOT);
        boolean auto = !family.equals("openai") && !family.equals("anthropic") && !family.equals("ollama");
        String path = upstreamPath;
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        for (Suffix s : SUFFIXES) {
            if (path.endsWith(s.suffix())
                    && (auto || s.family().equals(family) || s.family().equals("openai"))) {
                return s.dialect();
            }
        }
        return Dialect.GENERIC_JSON;
    }
}
