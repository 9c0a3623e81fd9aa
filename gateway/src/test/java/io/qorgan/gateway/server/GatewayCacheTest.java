package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.cache.AnswerCache;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.SimulatorMode;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.Metrics;
import io.qorgan.gateway.testing.TestGateways;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The safe-answer cache end to end, with the simulator in echo mode counting the upstream calls: one AI call for
 * identical protected requests, each caller's own values restored, whole answers served as streams and the other way
 * round, what is never stored, single flight, and purges.
 */
@IntegrationTest
class GatewayCacheTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One template, two citizens (synthetic; check digits valid so the detector finds them). */
    static final String TEMPLATE = "Заявитель %s, ИИН %s, тел. %s. Подготовьте ответ на обращение.";

    static final String[] CITIZEN_1 = {"Ахметов Нұрлан Серікұлы", "900515301234", "+7 701 123 45 67"};
    static final String[] CITIZEN_2 = {"Иванова Анна Петровна", "850101456780", "+7 702 987 65 43"};

    static String letter(String[] citizen) {
        return TEMPLATE.formatted((Object[]) citizen);
    }

    private static AiSimulator sim;
    private static Gateway gateway;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        sim = AiSimulator.start(SimulatorSettings.builder()
                .chunkChars(5)
                .clock(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC))
                .build());
        gateway = Gateway.start(TestGateways.config(sim.baseUrl(), "10s", ""));
    }

    @AfterAll
    static void stop() {
        gateway.shutdown(Duration.ofSeconds(2));
        sim.close();
    }

    @BeforeEach
    void empty() {
        gateway.cache().purgeAll();
    }

    static ObjectNode chat(String text, double temperature, boolean stream) {
        ObjectNode r = JSON.createObjectNode().put("model", "gpt-4o-mini").put("temperature", temperature);
        r.put("stream", stream);
        if (stream) {
            r.putObject("stream_options").put("include_usage", true);
        }
        r.putArray("messages").addObject().put("role", "user").put("content", text);
        return r;
    }

    private HttpResponse<String> post(Gateway g, String path, JsonNode body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.trafficPort() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, JsonNode body, String... headers) throws Exception {
        return post(gateway, path, body, headers);
    }

    private static String cache(HttpResponse<?> r) {
        return r.headers().firstValue("x-qorgan-cache").orElse(null);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static String admin(Gateway g, String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.adminPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @Test
    void twoCitizens_sameTemplate_oneUpstreamCall_eachGetsOwnValues() throws Exception {
        int before = sim.requestsServed();

        HttpResponse<String> first = post("/v1/chat/completions", chat(letter(CITIZEN_1), 0, false));
        HttpResponse<String> second = post("/v1/chat/completions", chat(letter(CITIZEN_2), 0, false));

        assertThat(sim.requestsServed() - before).isEqualTo(1);
        assertThat(cache(first)).isEqualTo("stored");
        assertThat(cache(second)).isEqualTo("hit");
        assertThat(json(first).at("/choices/0/message/content").asText()).isEqualTo(letter(CITIZEN_1));
        assertThat(json(second).at("/choices/0/message/content").asText()).isEqualTo(letter(CITIZEN_2));
        for (String value : CITIZEN_1) {
            assertThat(second.body()).doesNotContain(value);
        }
        // what an uncached exchange of the second citizen returns, but for the upstream's own answer id
        HttpResponse<String> uncached =
                post("/v1/chat/completions", chat(letter(CITIZEN_2), 0, false), "X-Qorgan-Cache", "bypass");
        assertThat(cache(uncached)).isEqualTo("bypass");
        ObjectNode hit = (ObjectNode) json(second);
        ObjectNode direct = (ObjectNode) json(uncached);
        hit.remove("id");
        direct.remove("id");
        assertThat(hit).isEqualTo(direct);
        assertThat(second.headers().firstValue("content-length")).isPresent();
        assertThat(second.headers().firstValue("x-qorgan-entities"))
                .isEqualTo(first.headers().firstValue("x-qorgan-entities"));
    }

    @Test
    void storedEntries_holdNoPersonalValue_inKeyOrAnswer() throws Exception {
        post("/v1/chat/completions", chat(letter(CITIZEN_1), 0, false));
        post("/v1/chat/completions", chat(letter(CITIZEN_2), 0, true));

        List<AnswerCache.Inspected> entries = gateway.cache().inspect();

        assertThat(entries).isNotEmpty();
        for (AnswerCache.Inspected e : entries) {
            String opened = new String(e.opened(), StandardCharsets.UTF_8);
            String sealed = new String(e.sealed(), StandardCharsets.ISO_8859_1);
            assertThat(opened).contains("[PERSON_1]").contains("[IIN_1]");
            assertThat(sealed).doesNotContain("[PERSON_1]").doesNotContain("Заявитель".substring(0, 3));
            for (String canary :
                    Stream.concat(Stream.of(CITIZEN_1), Stream.of(CITIZEN_2)).toList()) {
                assertThat(opened).doesNotContain(canary).doesNotContain(canary.substring(0, 6));
                assertThat(e.key().toString() + e.key().digestHex()).doesNotContain(canary);
            }
        }
    }

    @Test
    void notSafeOrNotAsked_isNotStored() throws Exception {
        int before = sim.requestsServed();
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            outcomes.add(cache(
                    post("/v1/chat/completions", chat(letter(CITIZEN_1), 0, false), "Cache-Control", "no-store")));
            outcomes.add(
                    cache(post("/v1/chat/completions", chat(letter(CITIZEN_1), 0, false), "X-Qorgan-Cache", "bypass")));
            outcomes.add(cache(post("/v1/chat/completions", chat(letter(CITIZEN_1), 0.7, false))));
            // an error answer: the simulator refuses a chat without messages
            outcomes.add(cache(post(
                    "/v1/chat/completions",
                    JSON.createObjectNode().put("model", "m").put("temperature", 0))));
        }

        assertThat(sim.requestsServed() - before).isEqualTo(8);
        assertThat(outcomes)
                .containsExactly("bypass", "bypass", "bypass", "miss", "bypass", "bypass", "bypass", "miss");
        assertThat(gateway.cache().size()).isZero();
        String metrics = admin(gateway, "GET", "/metrics");
        assertThat(Metrics.value(metrics, "qorgan_cache_bypasses_total{reason=\"not_deterministic\",route=\"v1\"}"))
                .isGreaterThanOrEqualTo(2);
        assertThat(Metrics.value(metrics, "qorgan_cache_not_stored_total{reason=\"status\"}"))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void invalidDirective_isRefusedWithItsCode_nothingForwarded() throws Exception {
        int before = sim.requestsServed();

        HttpResponse<String> r =
                post("/v1/chat/completions", chat(letter(CITIZEN_1), 0, false), "X-Qorgan-Cache", "forever");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("invalid_cache_directive");
        assertThat(json(r).path("request_id").asText()).isNotEmpty();
        assertThat(cache(r)).isEqualTo("bypass");
        assertThat(sim.requestsServed()).isEqualTo(before);
    }

    @Test
    void modelProducedAPhoneOfItsOwn_answerIsNotStored() throws Exception {
        try (AiSimulator fixed = AiSimulator.start(SimulatorSettings.builder()
                .mode(SimulatorMode.FIXED)
                .fixedText("Позвоните в центр по номеру +7 701 555 12 34.")
                .build())) {
            Gateway g = Gateway.start(TestGateways.config(fixed.baseUrl(), "10s", ""));
            try {
                HttpResponse<String> first = post(g, "/v1/chat/completions", chat(letter(CITIZEN_1), 0, false));
                HttpResponse<String> second = post(g, "/v1/chat/completions", chat(letter(CITIZEN_1), 0, false));

                assertThat(first.body()).contains("+7 701 555 12 34");
                assertThat(cache(first)).isEqualTo("miss");
                assertThat(cache(second)).isEqualTo("miss");
                assertThat(fixed.requestsServed()).isEqualTo(2);
                assertThat(g.cache().size()).isZero();
            } finally {
                g.shutdown(Duration.ofSeconds(2));
            }
        }
    }

    @Test
    void fiftyConcurrentIdenticalRequests_oneUpstreamCall_fiftyCorrectAnswers() throws Exception {
        try (AiSimulator slow =
                AiSimulator.start(SimulatorSettings.builder().ttftMillis(500).build())) {
            Gateway g = Gateway.start(TestGateways.config(slow.baseUrl(), "10s", ""));
            try {
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                String body = chat(letter(CITIZEN_1), 0, false).toString();
                List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    calls.add(client.sendAsync(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + g.trafficPort() + "/v1/chat/completions"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
                }
                List<String> outcomes = new ArrayList<>();
                for (CompletableFuture<HttpResponse<String>> call : calls) {
                    HttpResponse<String> r = call.get();
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(json(r).at("/choices/0/message/content").asText())
                            .isEqualTo(letter(CITIZEN_1));
                    outcomes.add(cache(r));
                }

                assertThat(slow.requestsServed()).isEqualTo(1);
                assertThat(outcomes).containsOnly("stored", "hit").containsOnlyOnce("stored");
            } finally {
                g.shutdown(Duration.ofSeconds(2));
            }
        }
    }

    /** One API: a request for a text, whole or streamed, deterministic; how to read the answer's text. */
    record Api(
            String name,
            String path,
            Function<String, Function<Boolean, ObjectNode>> request,
            Function<JsonNode, String> whole,
            Function<JsonNode, String> delta,
            boolean ndjson) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Api> apis() {
        return Stream.of(
                new Api(
                        "openai chat",
                        "/v1/chat/completions",
                        text -> stream -> chat(text, 0, stream),
                        a -> a.at("/choices/0/message/content").asText(),
                        e -> e.at("/choices/0/delta/content").asText(""),
                        false),
                new Api(
                        "openai responses",
                        "/v1/responses",
                        text -> stream -> JSON.createObjectNode()
                                .put("model", "gpt-4o-mini")
                                .put("temperature", 0)
                                .put("store", false)
                                .put("stream", stream)
                                .put("input", text),
                        a -> a.at("/output/0/content/0/text").asText(),
                        e -> "response.output_text.delta".equals(e.path("type").asText())
                                ? e.path("delta").asText()
                                : "",
                        false),
                new Api(
                        "openai completions",
                        "/v1/completions",
                        text -> stream -> {
                            ObjectNode r = JSON.createObjectNode()
                                    .put("model", "gpt-3.5-turbo-instruct")
                                    .put("temperature", 0)
                                    .put("stream", stream)
                                    .put("prompt", text);
                            if (stream) {
                                r.putObject("stream_options").put("include_usage", true);
                            }
                            return r;
                        },
                        a -> a.at("/choices/0/text").asText(),
                        e -> e.at("/choices/0/text").asText(""),
                        false),
                new Api(
                        "anthropic messages",
                        "/v1/messages",
                        text -> stream -> {
                            ObjectNode r = JSON.createObjectNode()
                                    .put("model", "claude-sonnet-4")
                                    .put("max_tokens", 500)
                                    .put("temperature", 0)
                                    .put("stream", stream);
                            r.putArray("messages")
                                    .addObject()
                                    .put("role", "user")
                                    .put("content", text);
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
                        text -> stream -> {
                            ObjectNode r = JSON.createObjectNode()
                                    .put("model", "llama3")
                                    .put("stream", stream);
                            r.putObject("options").put("temperature", 0);
                            r.putArray("messages")
                                    .addObject()
                                    .put("role", "user")
                                    .put("content", text);
                            return r;
                        },
                        a -> a.at("/message/content").asText(),
                        e -> e.at("/message/content").asText(""),
                        true),
                new Api(
                        "ollama generate",
                        "/api/generate",
                        text -> stream -> {
                            ObjectNode r = JSON.createObjectNode()
                                    .put("model", "llama3")
                                    .put("stream", stream)
                                    .put("prompt", text);
                            r.putObject("options").put("temperature", 0);
                            return r;
                        },
                        a -> a.path("response").asText(),
                        e -> e.path("response").asText(""),
                        true));
    }

    /** The text of a streamed answer, its events read as the API's clients read them. */
    private static String streamed(Api api, String body) throws Exception {
        StringBuilder text = new StringBuilder();
        for (String line : body.split("\n")) {
            String json = api.ndjson() ? line.trim() : line.startsWith("data: ") ? line.substring(6) : "";
            if (json.isEmpty() || json.equals("[DONE]")) {
                continue;
            }
            text.append(api.delta().apply(JSON.readTree(json)));
        }
        return text.toString();
    }

    @ParameterizedTest
    @MethodSource("apis")
    void wholeAnswerStored_servedAsStream_streamStored_servedWhole(Api api) throws Exception {
        int before = sim.requestsServed();
        String letter2 = letter(CITIZEN_2).replace("ответ", "краткий ответ");

        HttpResponse<String> whole =
                post(api.path(), api.request().apply(letter(CITIZEN_1)).apply(false));
        HttpResponse<String> asStream =
                post(api.path(), api.request().apply(letter(CITIZEN_2)).apply(true));
        HttpResponse<String> stream = post(
                api.path(),
                api.request()
                        .apply(letter(CITIZEN_1).replace("ответ", "краткий ответ"))
                        .apply(true));
        HttpResponse<String> asWhole =
                post(api.path(), api.request().apply(letter2).apply(false));

        assertThat(sim.requestsServed() - before).isEqualTo(2);
        assertThat(List.of(cache(whole), cache(asStream), cache(stream), cache(asWhole)))
                .containsExactly("stored", "hit", "miss", "hit");
        assertThat(api.whole().apply(json(whole))).isEqualTo(letter(CITIZEN_1));
        assertThat(asStream.headers().firstValue("content-type").orElse(""))
                .contains(api.ndjson() ? "ndjson" : "event-stream");
        assertThat(streamed(api, asStream.body())).isEqualTo(letter(CITIZEN_2));
        assertThat(asWhole.headers().firstValue("content-type").orElse("")).contains("json");
        assertThat(api.whole().apply(json(asWhole))).isEqualTo(letter2);
        assertThat(asStream.body() + asWhole.body())
                .doesNotContain(CITIZEN_1[0])
                .doesNotContain("[PERSON_1]");
    }

    @Test
    void streamStoredWithoutUsage_isNotServedToACallerWhoNeedsUsage() throws Exception {
        int before = sim.requestsServed();
        ObjectNode stream = chat(letter(CITIZEN_1), 0, true);
        stream.remove("stream_options");

        HttpResponse<String> first = post("/v1/chat/completions", stream);
        HttpResponse<String> sameStream = post("/v1/chat/completions", stream);
        HttpResponse<String> whole = post("/v1/chat/completions", chat(letter(CITIZEN_1), 0, false));
        HttpResponse<String> wholeAgain = post("/v1/chat/completions", chat(letter(CITIZEN_2), 0, false));

        assertThat(List.of(cache(first), cache(sameStream), cache(whole), cache(wholeAgain)))
                .containsExactly("miss", "hit", "stored", "hit");
        assertThat(sim.requestsServed() - before).isEqualTo(2);
        assertThat(json(wholeAgain).at("/usage/completion_tokens").asInt()).isPositive();
    }

    @Test
    void admin_showsFiguresPerAgency_andPurgesOneAgency() throws Exception {
        post("/v1/chat/completions", chat(letter(CITIZEN_1), 0, false));
        post("/v1/chat/completions", chat(letter(CITIZEN_2), 0, false));

        JsonNode figures = JSON.readTree(admin(gateway, "GET", "/admin/cache"));
        JsonNode purged = JSON.readTree(admin(gateway, "DELETE", "/admin/cache?agency=anonymous"));
        JsonNode after = JSON.readTree(admin(gateway, "GET", "/admin/cache"));

        assertThat(figures.path("entries").asLong()).isEqualTo(1);
        assertThat(figures.at("/agencies/anonymous/entries").asLong()).isEqualTo(1);
        assertThat(figures.at("/agencies/anonymous/hits").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(figures.at("/agencies/anonymous/hitRatio").asDouble()).isGreaterThan(0);
        assertThat(purged.path("purged").asInt()).isEqualTo(1);
        assertThat(after.at("/agencies/anonymous/entries").asLong()).isZero();
        assertThat(cache(post("/v1/chat/completions", chat(letter(CITIZEN_2), 0, false))))
                .isEqualTo("stored");
    }

    @Test
    void policyReload_changingAnAgencysCacheSection_purgesIt(@TempDir Path dir) throws Exception {
        Path policies = Files.createDirectory(dir.resolve("policies"));
        Files.writeString(policies.resolve("default.yaml"), "cache: {enabled: true, ttl: 10m}\n");
        Gateway g = Gateway.start(TestGateways.config(
                sim.baseUrl(), "10s", "policies: {directory: \"" + policies + "\", reloadInterval: 100ms}"));
        try {
            assertThat(cache(post(g, "/v1/chat/completions", chat(letter(CITIZEN_1), 0, false))))
                    .isEqualTo("stored");
            assertThat(g.cache().size()).isEqualTo(1);

            Files.writeString(policies.resolve("default.yaml"), "cache: {enabled: true, ttl: 5m}\n");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (g.cache().size() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            assertThat(g.cache().size()).isZero();
            assertThat(cache(post(g, "/v1/chat/completions", chat(letter(CITIZEN_2), 0, false))))
                    .isEqualTo("stored");
        } finally {
            g.shutdown(Duration.ofSeconds(2));
        }
    }

    @Test
    void policyTurnsCachingOff_forItsAgency() throws Exception {
        Path policies = Files.createTempDirectory("qorgan-cache-policies");
        Files.writeString(policies.resolve("default.yaml"), "cache: {enabled: false}\n");
        Gateway g =
                Gateway.start(TestGateways.config(sim.baseUrl(), "10s", "policies: {directory: \"" + policies + "\"}"));
        try {
            assertThat(cache(post(g, "/v1/chat/completions", chat(letter(CITIZEN_1), 0, false))))
                    .isEqualTo("bypass");
            assertThat(g.cache().size()).isZero();
        } finally {
            g.shutdown(Duration.ofSeconds(2));
        }
    }
}
