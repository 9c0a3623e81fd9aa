package io.qorgan.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.dialect.RequestFacts;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalRequestTest {

    private static CanonicalRequest of(Dialect dialect, String json) {
        return CanonicalRequest.of(dialect, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String canonical(Dialect dialect, String json) {
        return new String(of(dialect, json).bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void of_keysInAnyOrderAndWhitespace_giveOneForm() {
        String a = canonical(
                Dialect.OPENAI_CHAT,
                "{ \"model\" : \"m\", \"temperature\": 0,\n \"messages\":[{\"role\":\"user\",\"content\":\"[PERSON_1]\"}]}");
        String b = canonical(
                Dialect.OPENAI_CHAT,
                "{\"messages\":[{\"content\":\"[PERSON_1]\",\"role\":\"user\"}],\"temperature\":0.0,\"model\":\"m\"}");

        assertThat(a).isEqualTo(b);
        assertThat(a)
                .isEqualTo(
                        "{\"messages\":[{\"content\":\"[PERSON_1]\",\"role\":\"user\"}],\"model\":\"m\",\"temperature\":0}");
    }

    @Test
    void of_fieldsThatDoNotChangeTheAnswer_areLeftOutPerDialect() {
        String chat = canonical(
                Dialect.OPENAI_CHAT,
                "{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"user\":\"u-1\","
                        + "\"metadata\":{\"k\":\"v\"},\"safety_identifier\":\"s\",\"prompt_cache_key\":\"p\"}");
        String anthropic = canonical(
                Dialect.ANTHROPIC_MESSAGES, "{\"model\":\"m\",\"stream\":true,\"metadata\":{\"user_id\":\"x\"}}");
        String ollama = canonical(Dialect.OLLAMA_CHAT, "{\"model\":\"m\",\"stream\":false,\"keep_alive\":\"5m\"}");
        String generic = canonical(Dialect.GENERIC_JSON, "{\"model\":\"m\",\"stream\":true,\"user\":\"u\"}");

        assertThat(chat).isEqualTo("{\"model\":\"m\"}");
        assertThat(anthropic).isEqualTo("{\"model\":\"m\"}");
        assertThat(ollama).isEqualTo("{\"model\":\"m\"}");
        assertThat(generic).isEqualTo("{\"model\":\"m\",\"stream\":true,\"user\":\"u\"}");
    }

    @Test
    void of_nestedStreamField_isKept() {
        assertThat(canonical(Dialect.OPENAI_CHAT, "{\"tools\":[{\"stream\":true}]}"))
                .isEqualTo("{\"tools\":[{\"stream\":true}]}");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[1,2]",
                "\"text\"",
                "{\"a\":1,\"a\":2}",
                "{\"a\":{\"b\":1,\"b\":2}}",
                "{\"a\":1} {\"b\":2}",
                "{\"a\":"
            })
    void of_notOneUnambiguousObject_hasNoCanonicalForm(String body) {
        assertThat(of(Dialect.OPENAI_CHAT, body)).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "OPENAI_CHAT|{\"temperature\":0}|true",
                "OPENAI_CHAT|{\"temperature\":0.0}|true",
                "OPENAI_CHAT|{\"temperature\":0.7}|false",
                "OPENAI_CHAT|{}|false",
                "OPENAI_CHAT|{\"temperature\":\"0\"}|false",
                "OPENAI_RESPONSES|{\"temperature\":0}|true",
                "ANTHROPIC_MESSAGES|{}|false",
                "ANTHROPIC_MESSAGES|{\"temperature\":0}|true",
                "OLLAMA_CHAT|{\"temperature\":0}|false",
                "OLLAMA_CHAT|{\"options\":{\"temperature\":0}}|true",
                "OLLAMA_GENERATE|{\"options\":{\"temperature\":0.8}}|false",
                "OPENAI_EMBEDDINGS|{\"input\":\"x\"}|true",
                "GENERIC_JSON|{}|false"
            })
    void deterministic_followsEachApisDefault(Dialect dialect, String body, boolean expected) {
        assertThat(of(dialect, body).deterministic()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "OPENAI_CHAT|{}|false",
                "OPENAI_CHAT|{\"stream\":true}|true",
                "ANTHROPIC_MESSAGES|{\"stream\":true}|true",
                "OLLAMA_CHAT|{}|true",
                "OLLAMA_GENERATE|{\"stream\":false}|false",
                "OPENAI_EMBEDDINGS|{\"stream\":true}|false"
            })
    void wantsStream_followsEachApisDefault(Dialect dialect, String body, boolean expected) {
        assertThat(of(dialect, body).wantsStream()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"store\":false}|false",
                "{}|true",
                "{\"store\":true}|true",
                "{\"store\":false,\"previous_response_id\":\"resp_1\"}|true"
            })
    void upstreamState_responsesStoredOrContinued_isState(String body, boolean expected) {
        assertThat(of(Dialect.OPENAI_RESPONSES, body).upstreamState()).isEqualTo(expected);
        assertThat(of(Dialect.OPENAI_CHAT, body).upstreamState()).isFalse();
    }

    /** Every shape of top-level temperature, in every dialect: the shortcut never disagrees with the canonical form. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"model\":\"m\"}",
                "{\"model\":\"m\",\"temperature\":0}",
                "{\"temperature\":0.0}",
                "{\"temperature\":-0}",
                "{\"temperature\":0e5}",
                "{\"temperature\":1e-400}",
                "{\"temperature\":0.2}",
                "{\"temperature\":1e400}",
                "{\"temperature\":\"0\"}",
                "{\"temperature\":null}",
                "{\"temperature\":[0]}",
                "{\"options\":{\"temperature\":0}}",
                "{\"options\":{\"temperature\":0.7},\"temperature\":0}",
                "{\"store\":false,\"temperature\":0.5}",
                "{\"previous_response_id\":\"resp_1\",\"store\":false}",
                "[{\"temperature\":0.5}]",
                "\"text\""
            })
    void surelySamples_agreesWithTheCanonicalForm(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        RequestFacts facts = RequestFacts.read(body);
        for (Dialect dialect : Dialect.values()) {
            CanonicalRequest canonical = CanonicalRequest.of(dialect, body);
            boolean judgedNotDeterministic =
                    canonical != null && !canonical.upstreamState() && !canonical.deterministic();
            if (CanonicalRequest.surelySamples(dialect, facts)) {
                assertThat(judgedNotDeterministic).as("%s %s", dialect, json).isTrue();
            }
        }
    }

    @Test
    void surelySamples_aChatWithoutTemperatureZero_isToldFromTheFacts() {
        assertThat(CanonicalRequest.surelySamples(Dialect.OPENAI_CHAT, facts("{\"temperature\":0.2}")))
                .isTrue();
        assertThat(CanonicalRequest.surelySamples(Dialect.OPENAI_CHAT, facts("{\"model\":\"m\"}")))
                .isTrue();
        assertThat(CanonicalRequest.surelySamples(Dialect.OPENAI_CHAT, facts("{\"temperature\":0}")))
                .isFalse();
        assertThat(CanonicalRequest.surelySamples(Dialect.OLLAMA_CHAT, facts("{\"temperature\":0.2}")))
                .isFalse();
        assertThat(CanonicalRequest.surelySamples(Dialect.OPENAI_CHAT, RequestFacts.NOT_JSON))
                .isFalse();
    }

    private static RequestFacts facts(String json) {
        return RequestFacts.read(json.getBytes(StandardCharsets.UTF_8));
    }
}
