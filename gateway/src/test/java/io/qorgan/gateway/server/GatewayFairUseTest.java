package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.identity.ApiKeys;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.Closing;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.Metrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fair use between agencies on one node: requests a second, exchanges in flight and tokens per agency and caller, from
 * the agencies' policies; 429 {@code rate_limited} with {@code Retry-After} on the head, nothing forwarded.
 */
@IntegrationTest
class GatewayFairUseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Сәлем\"}]}";

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Closing closing = new Closing();
    private final ApiKeys keys = new ApiKeys(new SecureRandom(), ApiKeys.HashCost.FAST_FOR_TESTS);
    private ApiKeys.NewApiKey bot;
    private ApiKeys.NewApiKey batch;
    private ApiKeys.NewApiKey other;

    @AfterEach
    void closeAll() throws Exception {
        closing.close();
    }

    /** Agency {@code health} with callers {@code bot} and {@code batch}, agency {@code tax} with {@code other}. */
    private Gateway gateway(AiSimulator sim, int nodes, String healthLimits) throws Exception {
        bot = keys.generate();
        batch = keys.generate();
        other = keys.generate();
        Files.writeString(dir.resolve("identities.yaml"), """
                agencies: [{id: health}, {id: tax}]
                roles: {user: ["route:*:invoke", "upstream:*:use"]}
                callers:
                  - {id: bot, agency: health, roles: [user]}
                  - {id: batch, agency: health, roles: [user]}
                  - {id: other, agency: tax, roles: [user]}
                apiKeys:
                  - {id: %s, caller: bot, hash: "%s", created: 2026-01-01T00:00:00Z}
                  - {id: %s, caller: batch, hash: "%s", created: 2026-01-01T00:00:00Z}
                  - {id: %s, caller: other, hash: "%s", created: 2026-01-01T00:00:00Z}
                """.formatted(
                        bot.id(), bot.hash(), batch.id(), batch.hash(), other.id(), other.hash()));
        Files.createDirectories(dir.resolve("policies"));
        Files.writeString(dir.resolve("policies/default.yaml"), "description: no limits by default\n");
        Files.writeString(dir.resolve("policies/agency-health.yaml"), "agency: health\nlimits:\n" + healthLimits);
        Path config = Files.writeString(dir.resolve("qorgan.yaml"), """
                listeners: { traffic: { host: 127.0.0.1, port: 0 }, admin: { host: 127.0.0.1, port: 0 } }
                identity: { store: identities.yaml }
                policies: { directory: policies }
                upstreams:
                  sim: { baseUrl: "%s/v1" }
                routes:
                  - { pathPrefix: /v1, upstream: sim }
                fleet: { nodes: %d }
                """.formatted(sim.baseUrl(), nodes));
        Gateway g = Gateway.start(ConfigLoader.load(config));
        closing.add(g);
        return g;
    }

    private AiSimulator sim(SimulatorSettings.Builder settings) {
        AiSimulator sim = AiSimulator.start(settings.build());
        closing.add(sim);
        return sim;
    }

    private HttpRequest request(Gateway g, ApiKeys.NewApiKey key, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.trafficPort() + "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key.key())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private HttpResponse<String> post(Gateway g, ApiKeys.NewApiKey key) throws Exception {
        return http.send(request(g, key, CHAT), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRateLimited(HttpResponse<String> r, String words) throws Exception {
        assertThat(r.statusCode()).isEqualTo(429);
        JsonNode error = JSON.readTree(r.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(error.path("code").asText()).isEqualTo("rate_limited");
        assertThat(error.path("message").asText()).contains(words);
        assertThat(JSON.readTree(r.body()).path("request_id").asText()).isNotEmpty();
        assertThat(Long.parseLong(r.headers().firstValue("retry-after").orElseThrow()))
                .isPositive();
    }

    @Test
    void requestsPerSecond_nodeShareOfTheFleetsRate_thenRateLimitedWithRetryAfter() throws Exception {
        AiSimulator sim = sim(SimulatorSettings.builder());
        // 3 a second for the fleet of 60 nodes: this node allows 3 in 60 s, so the test does not race a second
        Gateway g = gateway(sim, 60, "  requestsPerSecond: 3\n");

        for (int i = 0; i < 3; i++) {
            assertThat(post(g, bot).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> over = post(g, batch);
        assertRateLimited(over, "requests a second of the agency");
        assertThat(Long.parseLong(over.headers().firstValue("retry-after").orElseThrow()))
                .isLessThanOrEqualTo(60);
        assertThat(sim.requestsServed()).isEqualTo(3);
        assertThat(post(g, other).statusCode())
                .as("another agency is not limited")
                .isEqualTo(200);
        assertThat(Metrics.value(
                        g.metrics().scrape(), "qorgan_rate_limited_total{agency=\"health\",limit=\"agency_requests\"}"))
                .isEqualTo(1);
    }

    @Test
    void perCaller_oneCallerLimited_theOtherGoesOn() throws Exception {
        AiSimulator sim = sim(SimulatorSettings.builder());
        Gateway g = gateway(
                sim, 60, "  perCaller: { requestsPerSecond: 1 }\n  callers: { batch: { requestsPerSecond: 2 } }\n");

        assertThat(post(g, bot).statusCode()).isEqualTo(200);
        assertRateLimited(post(g, bot), "requests a second of the caller");
        assertThat(post(g, batch).statusCode()).isEqualTo(200);
        assertThat(post(g, batch).statusCode()).isEqualTo(200);
        assertRateLimited(post(g, batch), "requests a second of the caller");
    }

    @Test
    void concurrentExchanges_overTheAgencysShare_refusedAtOnce_thenFreeAgain() throws Exception {
        AiSimulator sim = sim(SimulatorSettings.builder().slowHeadersMillis(1500));
        Gateway g = gateway(sim, 1, "  concurrentExchanges: 2\n");

        CompletableFuture<HttpResponse<String>> first =
                http.sendAsync(request(g, bot, CHAT), HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> second =
                http.sendAsync(request(g, batch, CHAT), HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Metrics.value(g.metrics().scrape(), "qorgan_exchanges_in_flight") < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        HttpResponse<String> third = post(g, bot);
        assertRateLimited(third, "exchanges in flight of the agency");
        assertThat(first.get().statusCode()).isEqualTo(200);
        assertThat(second.get().statusCode()).isEqualTo(200);
        assertThat(post(g, bot).statusCode()).as("places given back").isEqualTo(200);
        assertThat(sim.requestsServed()).isEqualTo(3);
    }

    @Test
    void tokensPerMinute_countedFromTheAnswersUsage_thenRateLimited() throws Exception {
        AiSimulator sim = sim(SimulatorSettings.builder());
        Gateway g = gateway(sim, 1, "  perCaller: { tokensPerMinute: 5 }\n");

        HttpResponse<String> first = post(g, bot);
        assertThat(first.statusCode()).isEqualTo(200);
        long used = JSON.readTree(first.body()).at("/usage/total_tokens").asLong();
        assertThat(used).isGreaterThanOrEqualTo(5);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (Metrics.value(g.metrics().scrape(), "qorgan_tokens_total{agency=\"health\"}") < used
                && System.nanoTime() < deadline) {
            Thread.sleep(10); // counted when the exchange ends, just after its answer went out
        }
        assertThat(Metrics.value(g.metrics().scrape(), "qorgan_tokens_total{agency=\"health\"}"))
                .isEqualTo(used);
        HttpResponse<String> over = post(g, bot);
        assertRateLimited(over, "tokens a minute of the caller");
        assertThat(Long.parseLong(over.headers().firstValue("retry-after").orElseThrow()))
                .isLessThanOrEqualTo(60);
        assertThat(post(g, batch).statusCode())
                .as("the other caller has its own tokens")
                .isEqualTo(200);
        assertThat(sim.requestsServed()).isEqualTo(2);
    }
}
