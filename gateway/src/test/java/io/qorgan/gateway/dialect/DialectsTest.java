package io.qorgan.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DialectsTest {

    @ParameterizedTest
    @CsvSource({
        "auto, /v1/chat/completions, OPENAI_CHAT",
        "auto, /v1/chat/completions?x=1, OPENAI_CHAT",
        "auto, /openai/deployments/gpt/chat/completions/, OPENAI_CHAT",
        "auto, /v1/responses, OPENAI_RESPONSES",
        "auto, /v1/embeddings, OPENAI_EMBEDDINGS",
        "auto, /v1/completions, OPENAI_COMPLETIONS",
        "auto, /v1/messages, ANTHROPIC_MESSAGES",
        "anthropic, /v1/messages, ANTHROPIC_MESSAGES",
        "openai, /v1/threads/t1/messages, GENERIC_JSON",
        "auto, /api/chat, OLLAMA_CHAT",
        "ollama, /api/generate, OLLAMA_GENERATE",
        "ollama, /api/embed, OPENAI_EMBEDDINGS",
        "ollama, /api/embeddings, OPENAI_EMBEDDINGS",
        "ollama, /v1/chat/completions, OPENAI_CHAT",
        "openai, /api/chat, GENERIC_JSON",
        "auto, /v1/audio/speech, GENERIC_JSON",
        "something, /v1/chat/completions, OPENAI_CHAT",
    })
    void resolve_routeAndPath_picksDialect(String route, String path, Dialect expected) {
        assertThat(Dialects.resolve(route, path)).isEqualTo(expected);
    }

    @Test
    void resolve_nullPath_isGeneric() {
        assertThat(Dialects.resolve(null, null)).isEqualTo(Dialect.GENERIC_JSON);
    }

    @Test
    void framing_perDialect_matchesTheApis() {
        assertThat(Dialect.OPENAI_CHAT.framing()).isEqualTo(Framing.SSE);
        assertThat(Dialect.ANTHROPIC_MESSAGES.framing()).isEqualTo(Framing.SSE);
        assertThat(Dialect.OPENAI_RESPONSES.framing()).isEqualTo(Framing.SSE);
        assertThat(Dialect.OPENAI_COMPLETIONS.framing()).isEqualTo(Framing.SSE);
        assertThat(Dialect.OLLAMA_CHAT.framing()).isEqualTo(Framing.NDJSON);
        assertThat(Dialect.OLLAMA_GENERATE.framing()).isEqualTo(Framing.NDJSON);
        assertThat(Dialect.OPENAI_EMBEDDINGS.framing()).isEqualTo(Framing.NONE);
    }
}
