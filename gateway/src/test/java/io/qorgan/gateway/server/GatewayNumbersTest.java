package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.RecordedRequest;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.Metrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 3: personal data in JSON numbers, end to end. A number that is personal data never reaches the
 * AI service as it was: it leaves as a string placeholder where the API takes a string (user, metadata, tool-call
 * arguments and inputs), and the request is refused where the API needs a number (embeddings token arrays,
 * generation parameters). A placeholder that stood for a number comes back as that number in a tool call. Numbers
 * in answers are scanned too: with {@code answers: redact} a number the model produced becomes
 * {@code "[REDACTED]"}, and the answer stays valid JSON. Every value is synthetic (valid check digits).
 */
@IntegrationTest
class GatewayNumbersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IIN = "871114403172";
    private static final String PHONE = "77015551234";
    private static final List<String> CANARIES = List.of(IIN, PHONE, "7015551234", "701 555 12 34");

    /** A completion whose tool call the model filled with a number it produced and a placeholder of a number. */
    private static final String CHAT_ANSWER = """
            {"id":"chatcmpl-fixed","object":"chat.completion","created":1733450000,"model":"m",
             "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
              "tool_calls":[{"id":"call_1","type":"function","function":{"name":"register",
               "arguments":"{\\"iin\\":\\"[IIN_1]\\",\\"phone\\":77015551234,\\"note\\":\\"звонить +7 701 555 12 34\\",\\"copies\\":2}"}}]}}],
             "usage":{"prompt_tokens":5,"completion_tokens":7,"total_tokens":12},
             "metadata":{"callback":77015551234}}
            """;

    /** An Ollama answer whose tool call input is JSON values, not JSON text. */
    private static final String OLLAMA_ANSWER = """
            {"model":"m","created_at":"2026-01-01T00:00:00Z","done":true,"message":{"role":"assistant","content":"",
             "tool_calls":[{"function":{"name":"register","arguments":{"iin":"[IIN_1]","phone":77015551234,"copies":2}}}]}}
            """;

    private static AiSimulator echo;
    private static AiSimulator chatAnswers;
    private static AiSimulator ollamaAnswers;
    private static Gateway gateway;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        echo = AiSimulator.start(SimulatorSettings.builder().build());
        chatAnswers = AiSimulator.start(SimulatorSettings.builder()
                .answerBody(CHAT_ANSWER.getBytes(StandardCharsets.UTF_8))
                .build());
        ollamaAnswers = AiSimulator.start(SimulatorSettings.builder()
                .answerBody(OLLAMA_ANSWER.getBytes(StandardCharsets.UTF_8))
                .build());
        gateway = Gateway.start(ConfigLoader.parse("numbers.yaml", """
                listeners: { traffic: { host: 127.0.0.1, port: 0 }, admin: { host: 127.0.0.1, port: 0 } }
                protection: { answers: redact }
                upstreams:
                  echo: { baseUrl: "%s/v1" }
                  echo-api: { baseUrl: "%s/api" }
                  chat-answers: { baseUrl: "%s/v1" }
                  ollama-answers: { baseUrl: "%s/api" }
                routes:
                  - { pathPrefix: /v1, upstream: echo }
                  - { pathPrefix: /api, upstream: echo-api, dialect: ollama }
                  - { pathPrefix: /answers, upstream: chat-answers }
                  - { pathPrefix: /answers-api, upstream: ollama-answers, dialect: ollama }
                """.formatted(
                        echo.baseUrl(), echo.baseUrl(), chatAnswers.baseUrl(), ollamaAnswers.baseUrl())));
    }

    @AfterAll
    static void stop() {
        gateway.shutdown(Duration.ofSeconds(2));
        echo.close();
        chatAnswers.close();
        ollamaAnswers.close();
    }

    @BeforeEach
    void clear() {
        echo.clearRecorded();
        chatAnswers.clearRecorded();
        ollamaAnswers.clearRecorded();
    }

    @AfterEach
    void upstreamSawNoOriginal() {
        List<RecordedRequest> seen = new ArrayList<>(echo.recordedRequests());
        seen.addAll(chatAnswers.recordedRequests());
        seen.addAll(ollamaAnswers.recordedRequests());
        for (RecordedRequest r : seen) {
            String bytes = r.bodyText() + r.headers() + r.path();
            for (String canary : CANARIES) {
                assertThat(bytes).as("upstream received a canary").doesNotContain(canary);
            }
        }
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.trafficPort() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode sent(AiSimulator sim) throws Exception {
        assertThat(sim.recordedRequests()).hasSize(1);
        return JSON.readTree(sim.recordedRequests().get(0).body());
    }

    @Test
    void userAndMetadataNumbers_leaveAsStringPlaceholders() throws Exception {
        HttpResponse<String> r = post("/v1/chat/completions", """
                {"model":"m","user":871114403172,"metadata":{"phone":77015551234,"copies":2},
                 "messages":[{"role":"user","content":"Здравствуйте"}]}""");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-qorgan-entities").orElse(""))
                .contains("IIN=1")
                .contains("PHONE=1");
        JsonNode sent = sent(echo);
        assertThat(sent.path("user").asText()).isEqualTo("[IIN_1]");
        assertThat(sent.at("/metadata/phone").asText()).isEqualTo("[PHONE_1]");
        assertThat(sent.at("/metadata/copies").isInt())
                .as("an ordinary number stays a number")
                .isTrue();
    }

    @Test
    void embeddingsTokenArrayWithPersonalData_refused400_nothingForwarded() throws Exception {
        double before = Metrics.value(
                gateway.metrics().scrape(), "qorgan_protection_refused_total{code=\"personal_data_in_number\"}");
        HttpResponse<String> r = post("/v1/embeddings", "{\"model\":\"e\",\"input\":[871114403172]}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(r.body());
        assertThat(error.at("/error/code").asText()).isEqualTo("personal_data_in_number");
        assertThat(error.at("/error/message").asText()).doesNotContain(IIN);
        assertThat(echo.recordedRequests()).isEmpty();
        assertThat(Metrics.value(
                        gateway.metrics().scrape(),
                        "qorgan_protection_refused_total{code=\"personal_data_in_number\"}"))
                .isEqualTo(before + 1);
    }

    @Test
    void embeddingsTokenArrays_passByteForByte() throws Exception {
        String body = "{\"model\":\"e\", \"input\":[[1, 2, 3], [40000,12]], \"dimensions\":8}";
        assertThat(post("/v1/embeddings", body).statusCode()).isEqualTo(200);
        assertThat(echo.recordedRequests().get(0).bodyText()).isEqualTo(body);
    }

    @Test
    void apiParameterHoldingPersonalData_refused400() throws Exception {
        HttpResponse<String> r = post(
                "/v1/chat/completions",
                "{\"model\":\"m\",\"seed\":871114403172,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).at("/error/code").asText()).isEqualTo("personal_data_in_number");
    }

    @Test
    void openAiToolCallArgumentsAndResults_numbersProtected() throws Exception {
        HttpResponse<String> r = post("/v1/chat/completions", """
                {"model":"m","messages":[
                 {"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"lookup",
                  "arguments":"{\\"iin\\":871114403172,\\"limit\\":3}"}}]},
                 {"role":"tool","tool_call_id":"c1","content":"{\\"status\\":\\"found\\",\\"phone\\":77015551234}"},
                 {"role":"user","content":"Спасибо"}]}""");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode sent = sent(echo);
        JsonNode arguments = JSON.readTree(
                sent.at("/messages/0/tool_calls/0/function/arguments").asText());
        assertThat(arguments.path("iin").asText()).isEqualTo("[IIN_1]");
        assertThat(arguments.path("limit").isInt()).isTrue();
        assertThat(sent.at("/messages/1/content").asText()).contains("[PHONE_1]");
    }

    @Test
    void anthropicToolUseInputAndResult_numbersProtected() throws Exception {
        HttpResponse<String> r = post("/v1/messages", """
                {"model":"claude","max_tokens":64,"messages":[
                 {"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"lookup","input":{"iin":871114403172}}]},
                 {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"phone 77015551234"},
                  {"type":"text","text":"Спасибо"}]}]}""");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode sent = sent(echo);
        assertThat(sent.at("/messages/0/content/0/input/iin").asText()).isEqualTo("[IIN_1]");
    }

    @Test
    void ollamaToolCallArguments_numbersProtected() throws Exception {
        HttpResponse<String> r = post("/api/chat", """
                {"model":"m","stream":false,"options":{"seed":7},"messages":[
                 {"role":"assistant","tool_calls":[{"function":{"name":"lookup","arguments":{"iin":871114403172}}}]},
                 {"role":"user","content":"Спасибо"}]}""");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode sent = sent(echo);
        assertThat(sent.at("/messages/0/tool_calls/0/function/arguments/iin").asText())
                .isEqualTo("[IIN_1]");
        assertThat(sent.at("/options/seed").asInt()).isEqualTo(7);
    }

    @Test
    void toolCallOfTheAnswer_placeholderOfANumber_restoredAsTheNumber() throws Exception {
        // the echo model calls the tool with {"text": <last user text>}: here the placeholder alone
        HttpResponse<String> r = post("/v1/chat/completions", """
                {"model":"m","metadata":{"iin":871114403172},"tools":[{"type":"function","function":{"name":"lookup"}}],
                 "messages":[{"role":"user","content":"871114403172"}]}""");
        assertThat(r.statusCode()).isEqualTo(200);
        String arguments = JSON.readTree(r.body())
                .at("/choices/0/message/tool_calls/0/function/arguments")
                .asText();
        assertThat(arguments).isEqualTo("{\"text\":871114403172}");
    }

    @Test
    void toolCallOfTheAnswer_placeholderOfAText_restoredAsText() throws Exception {
        HttpResponse<String> r = post("/v1/chat/completions", """
                {"model":"m","tools":[{"type":"function","function":{"name":"lookup"}}],
                 "messages":[{"role":"user","content":"871114403172"}]}""");
        assertThat(r.statusCode()).isEqualTo(200);
        String arguments = JSON.readTree(r.body())
                .at("/choices/0/message/tool_calls/0/function/arguments")
                .asText();
        assertThat(arguments).isEqualTo("{\"text\":\"871114403172\"}");
    }

    @Test
    void answerNumbers_scannedAndRedacted_answerStaysValidJson() throws Exception {
        HttpResponse<String> r = post(
                "/answers/chat/completions",
                "{\"model\":\"m\",\"metadata\":{\"iin\":871114403172},\"messages\":[{\"role\":\"user\",\"content\":\"Зарегистрируйте\"}]}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(PHONE).doesNotContain("701 555 12 34");
        JsonNode answer = JSON.readTree(r.body());
        assertThat(answer.at("/metadata/callback").asText()).isEqualTo("[REDACTED]");
        assertThat(answer.at("/usage/total_tokens").asInt()).isEqualTo(12);
        JsonNode arguments = JSON.readTree(
                answer.at("/choices/0/message/tool_calls/0/function/arguments").asText());
        assertThat(arguments.path("phone").asText()).isEqualTo("[REDACTED]");
        assertThat(arguments.path("note").asText()).isEqualTo("звонить [REDACTED]");
        assertThat(arguments.path("iin").isIntegralNumber()).isTrue();
        assertThat(arguments.path("iin").asText()).isEqualTo(IIN);
        assertThat(arguments.path("copies").asInt()).isEqualTo(2);
    }

    @Test
    void ollamaAnswerToolInput_numberRestoredAsNumber_newOneRedacted() throws Exception {
        HttpResponse<String> r = post("/answers-api/chat", """
                {"model":"m","stream":false,"messages":[
                 {"role":"assistant","tool_calls":[{"function":{"name":"register","arguments":{"iin":871114403172}}}]},
                 {"role":"user","content":"Ещё раз"}]}""");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode arguments = JSON.readTree(r.body()).at("/message/tool_calls/0/function/arguments");
        assertThat(arguments.path("iin").isIntegralNumber()).isTrue();
        assertThat(arguments.path("iin").asText()).isEqualTo(IIN);
        assertThat(arguments.path("phone").asText()).isEqualTo("[REDACTED]");
        assertThat(arguments.path("copies").asInt()).isEqualTo(2);
    }
}
