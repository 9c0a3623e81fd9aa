package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.OpenAIException;
import com.openai.errors.PermissionDeniedException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.SimulatorMode;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.Metrics;
import io.qorgan.gateway.testing.RawHttp;
import io.qorgan.gateway.testing.TestGateways;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A policy's {@code answers: block} withholds answers in which the model produced personal data on its own: a whole
 * answer is refused with 403, a streamed one ends with an error event in its API's shape before the value is sent.
 * The model here is the simulator with a fixed answer that names a person the request never mentioned (synthetic).
 */
@IntegrationTest
class GatewayAnswerPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PHONE = "701 123 45 67";
    private static final String EMAIL = "nurlan.akhmetov@mail.kz";
    private static final String ANSWER = "Хорошо, передам ваш вопрос дальше. Позвоните специалисту по номеру +7 "
            + PHONE + " или напишите на " + EMAIL + ", он ответит в течение дня.";

    @TempDir
    static Path dir;

    private static AiSimulator sim;
    private static Gateway gateway;

    @BeforeAll
    static void start() throws Exception {
        sim = AiSimulator.start(SimulatorSettings.builder()
                .mode(SimulatorMode.FIXED)
                .fixedText(ANSWER)
                .build());
        Files.createDirectories(dir.resolve("policies"));
        Files.writeString(dir.resolve("policies/default.yaml"), """
                version: "answers-1"
                description: answers with personal data the model produced are withheld
                answers: block
                """);
        gateway = Gateway.start(TestGateways.config(
                sim.baseUrl(), "10s", "policies: { directory: \"" + dir.resolve("policies") + "\" }"));
    }

    @AfterAll
    static void stop() {
        gateway.shutdown(Duration.ofSeconds(2));
        sim.close();
    }

    private static RawHttp.Response post(String path, String json) throws Exception {
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            return c.postJson(path, json).readResponse();
        }
    }

    @Test
    void wholeAnswer_refused403_valueNeverSent() throws Exception {
        RawHttp.Response r = post(
                "/v1/chat/completions",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Кому позвонить?\"}]}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(JSON.readTree(r.body()).at("/error/code").asText()).isEqualTo("answers.block");
        assertThat(r.body()).doesNotContain(PHONE).doesNotContain(EMAIL);
    }

    @Test
    void openAiStream_endsWithAnErrorEvent_beforeTheValue_noDone() throws Exception {
        double before = blocked();
        String body = cutStream(
                "/v1/chat/completions",
                "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Кому позвонить?\"}]}",
                "[DONE]");
        assertThat(body).doesNotContain("[REDACTED]").contains("chat.completion.chunk");
        String last = lastEvent(body);
        assertThat(last).startsWith("data: ");
        JsonNode error = JSON.readTree(last.substring("data: ".length())).path("error");
        assertThat(error.path("code").asText()).isEqualTo("answers.block");
        assertThat(error.path("type").asText()).isEqualTo("policy_violation");
        assertThat(blocked()).isEqualTo(before + 1);
    }

    @Test
    void openAiJavaSdk_streamRaisesTheError_wholeAnswerRaisesPermissionDenied() {
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl("http://127.0.0.1:" + gateway.trafficPort() + "/v1")
                .apiKey("sk-test-not-a-real-key")
                .maxRetries(0)
                .timeout(Duration.ofSeconds(20))
                .build();
        try {
            var params = ChatCompletionCreateParams.builder()
                    .model("m")
                    .addUserMessage("Кому позвонить?")
                    .build();
            StringBuilder seen = new StringBuilder();
            assertThatThrownBy(() -> {
                        try (var stream = client.chat().completions().createStreaming(params)) {
                            stream.stream()
                                    .forEach(chunk -> chunk.choices()
                                            .forEach(choice ->
                                                    choice.delta().content().ifPresent(seen::append)));
                        }
                    })
                    .isInstanceOf(OpenAIException.class)
                    .hasMessageContaining("policy withholds");
            assertThat(seen.toString()).doesNotContain(PHONE);
            assertThatThrownBy(() -> client.chat().completions().create(params))
                    .isInstanceOf(PermissionDeniedException.class);
        } finally {
            client.close();
        }
    }

    @Test
    void anthropicStream_endsWithAnErrorEventOfItsShape() throws Exception {
        String body = cutStream(
                "/v1/messages",
                "{\"model\":\"m\",\"max_tokens\":64,\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Кому позвонить?\"}]}",
                "message_stop");
        JsonNode event = namedErrorEvent(body);
        assertThat(event.at("/error/type").asText()).isEqualTo("policy_violation");
    }

    @Test
    void responsesStream_endsWithAnErrorEventOfItsShape() throws Exception {
        String body = cutStream(
                "/v1/responses",
                "{\"model\":\"m\",\"stream\":true,\"input\":\"Кому позвонить?\"}",
                "response.completed");
        assertThat(namedErrorEvent(body).path("code").asText()).isEqualTo("answers.block");
    }

    @Test
    void ollamaStream_endsWithAnErrorLine() throws Exception {
        String body = cutStream(
                "/api/chat",
                "{\"model\":\"m\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Кому позвонить?\"}]}",
                "\"done\":true");
        String[] lines = body.strip().split("\n");
        assertThat(JSON.readTree(lines[lines.length - 1]).path("error").asText())
                .contains("policy withholds");
    }

    @Test
    void keepAlive_theConnectionServesTheNextRequestAfterACutStream() throws Exception {
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            RawHttp.Response cut = c.postJson(
                            "/v1/chat/completions",
                            "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Кому?\"}]}")
                    .readResponse();
            assertThat(cut.body()).contains("answers.block");
            RawHttp.Response next = c.postJson(
                            "/v1/chat/completions",
                            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Кому?\"}]}")
                    .readResponse();
            assertThat(next.status()).isEqualTo(403);
        }
    }

    /** A streamed answer the policy cut: it began (200), never held the value, never reached its end marker. */
    private static String cutStream(String path, String json, String endMarker) throws Exception {
        RawHttp.Response r = post(path, json);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(PHONE).doesNotContain(endMarker);
        return r.body();
    }

    private static double blocked() {
        return Metrics.value(gateway.metrics().scrape(), "qorgan_restoration_failures_total{code=\"answer_blocked\"}");
    }

    /** The stream's last event, which must be {@code event: error} with {@code "type":"error"} data. */
    private static JsonNode namedErrorEvent(String sse) throws Exception {
        String last = lastEvent(sse);
        assertThat(last).startsWith("event: error\ndata: ");
        JsonNode event = JSON.readTree(last.substring("event: error\ndata: ".length()));
        assertThat(event.path("type").asText()).isEqualTo("error");
        return event;
    }

    private static String lastEvent(String sse) {
        String[] events = sse.strip().split("\n\n");
        return events[events.length - 1];
    }
}
