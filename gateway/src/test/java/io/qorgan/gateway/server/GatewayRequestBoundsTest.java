package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.identity.ApiKeys;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.Metrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 2: a caller with a key cannot make one request cost the gateway what it likes. The work per request
 * is bounded (strings, nesting, words for content rules) and a request beyond a bound is refused with 413
 * {@code request_too_complex} naming the limit, before anything is forwarded; a policy's size limit is judged before
 * any text is analysed. Identity and policies are on, as in the probe.
 */
@IntegrationTest
class GatewayRequestBoundsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static AiSimulator sim;
    private static Gateway gateway;
    private static ApiKeys.NewApiKey key;
    /** A caller of agency {@code small}, whose policy allows bodies of 2 KB. */
    private static ApiKeys.NewApiKey smallKey;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        sim = AiSimulator.start(SimulatorSettings.builder().build());
        ApiKeys keys = new ApiKeys(new SecureRandom(), ApiKeys.HashCost.FAST_FOR_TESTS);
        key = keys.generate();
        smallKey = keys.generate();
        Files.writeString(
                dir.resolve("identities.yaml"), """
                agencies: [{id: health}, {id: small}]
                roles: {user: ["route:*:invoke", "upstream:*:use"]}
                callers: [{id: clinic-bot, agency: health, roles: [user]}, {id: small-bot, agency: small, roles: [user]}]
                apiKeys:
                  - {id: %s, caller: clinic-bot, hash: "%s", created: 2026-01-01T00:00:00Z}
                  - {id: %s, caller: small-bot, hash: "%s", created: 2026-01-01T00:00:00Z}
                """.formatted(key.id(), key.hash(), smallKey.id(), smallKey.hash()));
        Files.createDirectories(dir.resolve("policies"));
        Files.writeString(dir.resolve("policies/default.yaml"), """
                version: "bounds-1"
                rules:
                  - id: marking-dsp
                    description: Documents for official use only stay inside.
                    query: '"для служебного пользования" OR ДСП'
                    action: block
                """);
        Files.writeString(dir.resolve("policies/agency-small.yaml"), """
                agency: small
                limits: {maxRequestBytes: 2KB}
                """);
        Path config = Files.writeString(dir.resolve("qorgan.yaml"), """
                listeners: { traffic: { host: 127.0.0.1, port: 0 }, admin: { host: 127.0.0.1, port: 0 } }
                identity: { store: identities.yaml }
                policies: { directory: policies }
                protection: { maxDepth: 32, maxTerms: 5000, maxFindings: 50 }
                upstreams:
                  openai: { baseUrl: "%s/v1" }
                routes:
                  - { pathPrefix: /v1, upstream: openai }
                """.formatted(sim.baseUrl()));
        gateway = Gateway.start(ConfigLoader.load(config));
    }

    @AfterAll
    static void stop() {
        gateway.shutdown(Duration.ofSeconds(2));
        sim.close();
    }

    @BeforeEach
    void clear() {
        sim.clearRecorded();
    }

    private HttpResponse<String> post(String path, byte[] body) throws Exception {
        return post(key, path, body);
    }

    private HttpResponse<String> post(ApiKeys.NewApiKey caller, String path, byte[] body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.trafficPort() + path))
                        .header("Authorization", "Bearer " + caller.key())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double refused() {
        return Metrics.value(
                gateway.metrics().scrape(), "qorgan_protection_refused_total{code=\"request_too_complex\"}");
    }

    /** The 413 in the API's error shape, naming the limit and its setting, never content. */
    private static void assertTooComplex(HttpResponse<String> r, String setting) throws Exception {
        assertThat(r.statusCode()).isEqualTo(413);
        JsonNode error = JSON.readTree(r.body());
        assertThat(error.at("/error/code").asText()).isEqualTo("request_too_complex");
        assertThat(error.at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.at("/error/message").asText()).contains(setting);
        assertThat(error.path("request_id").asText()).isNotEmpty();
        assertThat(sim.recordedRequests()).as("nothing was forwarded").isEmpty();
    }

    @Test
    void millionShortStrings_refused413_nothingForwarded() throws Exception {
        StringBuilder json = new StringBuilder(4_000_002).append('[');
        for (int i = 0; i < 1_000_000; i++) {
            json.append(i == 0 ? "\"a\"" : ",\"a\"");
        }
        byte[] body = json.append(']').toString().getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isGreaterThan(4_000_000);
        double before = refused();
        HttpResponse<String> r = post("/v1/chat/completions", body);
        assertTooComplex(r, "protection.maxStrings");
        assertThat(JSON.readTree(r.body()).at("/error/message").asText()).contains("100000");
        assertThat(refused()).isEqualTo(before + 1);
        // the key still works: the gateway did not spend itself on the refused body
        assertThat(post("/v1/chat/completions", chat("Здравствуйте")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void nestingDeeperThanTheLimit_refused413() throws Exception {
        String deep = "[".repeat(40) + "\"x\"" + "]".repeat(40);
        HttpResponse<String> r = post(
                "/v1/chat/completions",
                ("{\"model\":\"m\",\"metadata\":" + deep + "}").getBytes(StandardCharsets.UTF_8));
        assertTooComplex(r, "protection.maxDepth");
    }

    @Test
    void toolArgumentsNestTheirJsonInsideTheBodys_countedTogether() throws Exception {
        // 25 levels inside arguments that sit 5 deep: 30 in all, within 32; 30 inside them is over
        String within = "{\"model\":\"m\",\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\","
                + "\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"" + "[".repeat(25) + "1"
                + "]".repeat(25) + "\"}}]},{\"role\":\"user\",\"content\":\"hi\"}]}";
        assertThat(post("/v1/chat/completions", within.getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(200);
        sim.clearRecorded();
        String over = within.replace("[".repeat(25), "[".repeat(30)).replace("]".repeat(25), "]".repeat(30));
        assertTooComplex(post("/v1/chat/completions", over.getBytes(StandardCharsets.UTF_8)), "protection.maxDepth");
    }

    @Test
    void moreWordsThanContentRulesAnalyse_refused413() throws Exception {
        HttpResponse<String> r = post("/v1/chat/completions", chat("слово ".repeat(6000)));
        assertTooComplex(r, "protection.maxTerms");
    }

    @Test
    void morePersonalDataThanTheLimit_refused413_noValueInTheAnswer() throws Exception {
        StringBuilder phones = new StringBuilder("Обзвонить: ");
        for (int i = 0; i < 60; i++) {
            phones.append(String.format("+7 701 555 %02d %02d, ", i / 10, i % 10 + 10));
        }
        HttpResponse<String> r = post("/v1/chat/completions", chat(phones.toString()));
        assertTooComplex(r, "protection.maxFindings");
        assertThat(r.body()).doesNotContain("701 555");
    }

    @Test
    void policySizeLimit_judgedBeforeAnyTextIsAnalysed() throws Exception {
        // over the agency's 2 KB and over maxTerms: the size decides first, so no word was analysed (else 413)
        HttpResponse<String> r = post(smallKey, "/v1/chat/completions", chat("слово ".repeat(6000)));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(r.body()).at("/error/code").asText()).isEqualTo("limits.maxRequestBytes");
        assertThat(sim.recordedRequests()).isEmpty();
    }

    @Test
    void ordinaryRequest_withinEveryLimit_forwarded() throws Exception {
        HttpResponse<String> r = post("/v1/chat/completions", chat("Справка о составе семьи, пожалуйста."));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(sim.recordedRequests()).hasSize(1);
    }

    private static byte[] chat(String text) throws Exception {
        var req = JSON.createObjectNode().put("model", "m");
        req.putArray("messages").addObject().put("role", "user").put("content", text);
        return JSON.writeValueAsBytes(req);
    }
}
