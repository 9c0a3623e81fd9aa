package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.RecordedRequest;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.Metrics;
import io.qorgan.gateway.testing.RawHttp;
import io.qorgan.gateway.testing.TestGateways;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promise, end to end with the simulator in echo mode: for every API, streamed and not, the
 * AI service receives placeholders only (checked over every byte it recorded), and the client
 * gets every original value back exactly. Canary values are synthetic.
 */
@IntegrationTest
class GatewayProtectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Synthetic people and numbers; check digits valid so the detector must find them. */
    static final String TEXT = "Өтініш беруші Ахметов Нұрлан Серікұлы, ЖСН 900515301234, тел. +7 701 123 45 67, "
            + "email nurlan.akhmetov@mail.kz. Заявитель Иванова Анна Петровна, ИИН 850101456780, проживает: "
            + "г. Алматы, ул. Абая, д. 10, кв. 25. Card 4111 1111 1111 1111, IBAN KZ23 999A 0000 1234 5678. "
            + "Dear Mr. John Smith, your IP 10.20.30.40.";

    static final List<String> CANARIES = List.of(
            "Ахметов",
            "Нұрлан",
            "900515301234",
            "701 123 45 67",
            "nurlan.akhmetov@mail.kz",
            "Иванова",
            "850101456780",
            "Абая, д. 10",
            "4111 1111 1111 1111",
            "KZ23 999A",
            "John Smith",
            "10.20.30.40");

    private static AiSimulator sim;
    private static Gateway gateway;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        sim = AiSimulator.start(
                SimulatorSettings.builder().chunkChars(3).recordLimit(50).build());
        gateway = Gateway.start(TestGateways.config(sim.baseUrl(), "10s", ""));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.shutdown(Duration.ofSeconds(2));
        sim.close();
        Path log = Path.of("target/test-logs/qorgan-test.log");
        if (Files.exists(log)) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            for (String canary : CANARIES) {
                assertThat(text).as("log must not contain a canary value").doesNotContain(canary);
            }
        }
    }

    @BeforeEach
    void clear() {
        sim.clearRecorded();
    }

    @AfterEach
    void upstreamSawNoOriginal() {
        List<RecordedRequest> seen = sim.recordedRequests();
        assertThat(seen).isNotEmpty();
        for (RecordedRequest r : seen) {
            String bytes = new String(r.body(), StandardCharsets.UTF_8) + r.headers() + r.path();
            for (String canary : CANARIES) {
                assertThat(bytes).as("upstream received a canary").doesNotContain(canary);
            }
            assertThat(bytes).contains("[PERSON_1]").contains("[IIN_1]").contains("[IIN_2]");
        }
    }

    /** One API: the request for a text, and how to read the answer text (whole or streamed). */
    record Api(
            String name,
            String path,
            Function<Boolean, ObjectNode> request,
            Function<JsonNode, String> answer,
            Function<JsonNode, String> delta,
            boolean ndjson) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> apis() {
        return Stream.of(
                        new Api(
                                "openai chat",
                                "/v1/chat/completions",
                                stream -> {
                                    ObjectNode r = JSON.createObjectNode()
                                            .put("model", "gpt-4o-mini")
                                            .put("stream", stream);
                                    r.putArray("messages")
                                            .addObject()
                                            .put("role", "system")
                                            .put("content", "Citizen: Ахметов Нұрлан Серікұлы.");
                                    ((ArrayNode) r.get("messages"))
                                            .addObject()
                                            .put("role", "user")
                                            .put("content", TEXT);
                                    return r;
                                },
                                a -> a.at("/choices/0/message/content").asText(),
                                e -> e.at("/choices/0/delta/content").asText(""),
                                false),
                        new Api(
                                "openai responses",
                                "/v1/responses",
                                stream -> JSON.createObjectNode()
                                        .put("model", "gpt-4o-mini")
                                        .put("stream", stream)
                                        .put("store", false)
                                        .put("instructions", "Answer for Иванова Анна Петровна.")
                                        .put("input", TEXT),
                                a -> a.at("/output/0/content/0/text").asText(),
                                e -> "response.output_text.delta"
                                                .equals(e.path("type").asText())
                                        ? e.path("delta").asText()
                                        : "",
                                false),
                        new Api(
                                "openai completions",
                                "/v1/completions",
                                stream -> JSON.createObjectNode()
                                        .put("model", "gpt-3.5-turbo-instruct")
                                        .put("stream", stream)
                                        .put("prompt", TEXT),
                                a -> a.at("/choices/0/text").asText(),
                                e -> e.at("/choices/0/text").asText(""),
                                false),
                        new Api(
                                "anthropic messages",
                                "/v1/messages",
                                stream -> {
                                    ObjectNode r = JSON.createObjectNode()
                                            .put("model", "claude-sonnet-4")
                                            .put("max_tokens", 500)
                                            .put("stream", stream)
                                            .put("system", "Case of Ахметов Нұрлан Серікұлы.");
                                    r.putArray("messages")
                                            .addObject()
                                            .put("role", "user")
                                            .put("content", TEXT);
                                    return r;
                                },
                                a -> a.at("/content/0/text").asText(),
                                e -> "content_block_delta".equals(e.path("type").asText())
                                        ? e.at("/delta/text").asText("")
                                        : "",
                                false),
                        new Api(
                                "ollama chat",
                                "/api/chat",
                                stream -> {
                                    ObjectNode r = JSON.createObjectNode()
                                            .put("model", "llama3")
                                            .put("stream", stream);
                                    r.putArray("messages")
                                            .addObject()
                                            .put("role", "user")
                                            .put("content", TEXT);
                                    return r;
                                },
                                a -> a.at("/message/content").asText(),
                                e -> e.at("/message/content").asText(""),
                                true),
                        new Api(
                                "ollama generate",
                                "/api/generate",
                                stream -> JSON.createObjectNode()
                                        .put("model", "llama3")
                                        .put("stream", stream)
                                        .put("prompt", TEXT),
                                a -> a.path("response").asText(),
                                e -> e.path("response").asText(""),
                                true))
                .flatMap(api -> Stream.of(Arguments.of(api, false), Arguments.of(api, true)));
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.trafficPort() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0}, stream={1}")
    @MethodSource("apis")
    void api_personalDataReplacedUpstream_restoredForClient(Api api, boolean stream) throws Exception {
        HttpResponse<String> r =
                post(api.path(), JSON.writeValueAsString(api.request().apply(stream)));
        assertThat(r.statusCode()).isEqualTo(200);
        String answer;
        if (!stream) {
            answer = api.answer().apply(JSON.readTree(r.body()));
        } else {
            StringBuilder text = new StringBuilder();
            for (String line : r.body().split("\n")) {
                String json = api.ndjson() ? line.trim() : line.startsWith("data: ") ? line.substring(6) : "";
                if (json.isEmpty() || json.equals("[DONE]")) {
                    continue;
                }
                text.append(api.delta().apply(JSON.readTree(json)));
            }
            answer = text.toString();
        }
        assertThat(answer).isEqualTo(TEXT);
        assertThat(r.headers().firstValue("x-qorgan-entities").orElse(""))
                .contains("PERSON=3")
                .contains("IIN=2")
                .contains("PHONE=1")
                .contains("EMAIL=1");
    }

    @Test
    void protectionTime_observedPerExchange_forRequestAndAnswer() throws Exception {
        String request = "qorgan_protection_seconds_count{stage=\"request\"}";
        String answer = "qorgan_protection_seconds_count{stage=\"answer\"}";
        String before = gateway.metrics().scrape();
        ObjectNode req = JSON.createObjectNode().put("model", "m");
        req.putArray("messages").addObject().put("role", "user").put("content", TEXT);
        assertThat(post("/v1/chat/completions", JSON.writeValueAsString(req)).statusCode())
                .isEqualTo(200);
        // the answer is observed when the exchange ends, just after its last bytes went out
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String after = gateway.metrics().scrape();
        while (Metrics.value(after, answer) == Metrics.value(before, answer) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            after = gateway.metrics().scrape();
        }
        assertThat(Metrics.value(after, request)).isEqualTo(Metrics.value(before, request) + 1);
        assertThat(Metrics.value(after, answer)).isEqualTo(Metrics.value(before, answer) + 1);
        assertThat(Metrics.value(after, "qorgan_protection_seconds_sum{stage=\"request\"}"))
                .isGreaterThan(Metrics.value(before, "qorgan_protection_seconds_sum{stage=\"request\"}"));
    }

    @Test
    void conversationResent_earlierTurnsFromFindingsMemo_forwardedAsBefore() throws Exception {
        String hits = "qorgan_findings_memo_hits_total";
        String misses = "qorgan_findings_memo_misses_total";
        ObjectNode first = JSON.createObjectNode().put("model", "gpt-4o-mini");
        first.putArray("messages").addObject().put("role", "user").put("content", TEXT + " Первый вопрос.");
        assertThat(post("/v1/chat/completions", JSON.writeValueAsString(first)).statusCode())
                .isEqualTo(200);
        String before = gateway.metrics().scrape();

        ObjectNode next = first.deepCopy();
        ((ArrayNode) next.get("messages"))
                .addObject()
                .put("role", "assistant")
                .put("content", "Принято. Уточните, пожалуйста, номер обращения и удобное время для звонка.");
        ((ArrayNode) next.get("messages"))
                .addObject()
                .put("role", "user")
                .put("content", "Номер обращения 4471, звоните после обеда в будний день. Спасибо за помощь!");
        HttpResponse<String> r = post("/v1/chat/completions", JSON.writeValueAsString(next));

        assertThat(r.statusCode()).isEqualTo(200);
        String after = gateway.metrics().scrape();
        // the first turn was read once; the second request reads only its two new turns (the answer scan adds its own)
        assertThat(Metrics.value(after, hits)).isGreaterThanOrEqualTo(Metrics.value(before, hits) + 1);
        assertThat(Metrics.value(after, misses)).isGreaterThanOrEqualTo(Metrics.value(before, misses) + 2);
        List<RecordedRequest> seen = sim.recordedRequests();
        assertThat(seen).hasSize(2);
        JsonNode firstSent = JSON.readTree(seen.get(0).body()).at("/messages/0/content");
        JsonNode againSent = JSON.readTree(seen.get(1).body()).at("/messages/0/content");
        assertThat(againSent).isEqualTo(firstSent);
        assertThat(againSent.asText()).contains("[PERSON_1]", "[IIN_1]", "[IIN_2]");
    }

    @Test
    void largeBody_protectedOnWorker_restoredExactly() throws Exception {
        String filler = "Обычный текст без персональных данных, ordinary words only. ".repeat(6000);
        String prompt = TEXT + " " + filler + TEXT;
        assertThat(prompt.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(ExchangeRelay.OFFLOAD_BYTES);
        HttpResponse<String> r = post(
                "/v1/completions",
                JSON.writeValueAsString(JSON.createObjectNode()
                        .put("model", "gpt-3.5-turbo-instruct")
                        .put("prompt", prompt)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).at("/choices/0/text").asText()).isEqualTo(prompt);
    }

    @Test
    void objectKeys_personalDataReplacedUpstream_samePlaceholderAsInText() throws Exception {
        ObjectNode req =
                JSON.createObjectNode().put("model", "gpt-3.5-turbo-instruct").put("prompt", TEXT);
        req.putObject("metadata").put("900515301234", "complainant").put("Ахметов Нұрлан Серікұлы", "applicant");
        HttpResponse<String> r = post("/v1/completions", JSON.writeValueAsString(req));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).at("/choices/0/text").asText()).isEqualTo(TEXT);
        JsonNode upstream = JSON.readTree(sim.recordedRequests().get(0).body());
        assertThat(upstream.path("metadata").fieldNames()).toIterable().containsExactly("[IIN_1]", "[PERSON_1]");
    }

    @Test
    void embeddings_inputProtected() throws Exception {
        HttpResponse<String> r = post(
                "/v1/embeddings",
                JSON.writeValueAsString(JSON.createObjectNode()
                        .put("model", "text-embedding-3-small")
                        .put("input", TEXT)
                        .put("encoding_format", "float")));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).at("/data/0/embedding").size()).isPositive();
    }

    @Test
    void toolCall_argumentsProtectedOutAndRestoredBack_samePlaceholderEverywhere() throws Exception {
        ObjectNode req = JSON.createObjectNode().put("model", "gpt-4o-mini");
        req.putArray("tools")
                .addObject()
                .put("type", "function")
                .putObject("function")
                .put("name", "lookup_citizen")
                .put("description", "Finds a citizen by IIN");
        var messages = req.putArray("messages");
        messages.addObject().put("role", "system").put("content", "The citizen is 900515301234.");
        messages.addObject().put("role", "user").put("content", "Look up 900515301234, please.");
        var assistant = messages.addObject().put("role", "assistant");
        assistant
                .putArray("tool_calls")
                .addObject()
                .put("id", "call_1")
                .put("type", "function")
                .putObject("function")
                .put("name", "lookup_citizen")
                .put("arguments", "{\"iin\":\"900515301234\"}");
        messages.addObject().put("role", "tool").put("tool_call_id", "call_1").put("content", "found");
        messages.addObject().put("role", "user").put("content", TEXT);
        HttpResponse<String> r = post("/v1/chat/completions", JSON.writeValueAsString(req));
        assertThat(r.statusCode()).isEqualTo(200);
        String arguments = JSON.readTree(r.body())
                .at("/choices/0/message/tool_calls/0/function/arguments")
                .asText();
        assertThat(JSON.readTree(arguments).path("text").asText()).isEqualTo(TEXT);
        String sent = sim.recordedRequests().get(0).bodyText();
        // one value, one placeholder: system prompt, user message and tool arguments agree
        assertThat(sent)
                .contains("The citizen is [IIN_1].")
                .contains("Look up [IIN_1], please.")
                .contains("{\\\"iin\\\":\\\"[IIN_1]\\\"}");
    }

    @Test
    void upstreamCutsStreamMidway_clientGetsOnlyWholeValues_noHang() throws Exception {
        try (AiSimulator cutting = AiSimulator.start(SimulatorSettings.builder()
                        .chunkChars(3)
                        .disconnectAfterChunks(20)
                        .build());
                Gateway cutGateway = Gateway.start(TestGateways.config(cutting.baseUrl(), "10s", ""))) {
            ObjectNode req = JSON.createObjectNode().put("model", "m").put("stream", true);
            req.putArray("messages").addObject().put("role", "user").put("content", TEXT);
            try (var c = new RawHttp(cutGateway.trafficPort())) {
                byte[] body = JSON.writeValueAsBytes(req);
                c.send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                + "Content-Length: " + body.length + "\r\n\r\n")
                        .send(body);
                String raw = c.readUntilChunkedEnd();
                StringBuilder text = new StringBuilder();
                for (String line : raw.split("\n")) {
                    if (line.startsWith("data: {")) {
                        text.append(JSON.readTree(line.substring(6))
                                .at("/choices/0/delta/content")
                                .asText(""));
                    }
                }
                String got = text.toString();
                assertThat(raw).doesNotContain("[DONE]");
                // the stream ends with an error event its clients raise, and a proper end of the chunked body
                String[] events = raw.split("\n");
                String lastData = "";
                for (String line : events) {
                    if (line.startsWith("data: ")) {
                        lastData = line.substring(6);
                    }
                }
                assertThat(JSON.readTree(lastData).at("/error/code").asText()).isEqualTo("upstream_failed");
                assertThat(raw).endsWith("0\r\n\r\n");
                assertThat(TEXT).startsWith(got);
                assertThat(got).doesNotContain("[PERSON").doesNotContain("[IIN");
                // a value is either whole in what arrived, or absent: never cut in the middle
                for (String canary : CANARIES) {
                    int at = TEXT.indexOf(canary);
                    if (at < got.length()) {
                        assertThat(got.length())
                                .as("cut inside %s", canary)
                                .isGreaterThanOrEqualTo(at + canary.length());
                    }
                }
            }
            sim.clearRecorded();
            assertThat(post(
                                    "/v1/completions",
                                    JSON.writeValueAsString(JSON.createObjectNode()
                                            .put("model", "m")
                                            .put("prompt", TEXT)))
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void malformedJson_refused400_nothingForwarded() throws Exception {
        HttpResponse<String> r = post("/v1/chat/completions", "{\"model\":\"m\",\"messages\":[{\"content\":\"" + TEXT);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).at("/error/code").asText()).isEqualTo("malformed_json");
        assertThat(r.body()).doesNotContain("900515301234");
        sim.clearRecorded();
        // keep the @AfterEach check meaningful: one protected request must still flow
        assertThat(post(
                                "/v1/completions",
                                JSON.writeValueAsString(JSON.createObjectNode()
                                        .put("model", "m")
                                        .put("prompt", TEXT)))
                        .statusCode())
                .isEqualTo(200);
    }
}
