package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.RecordedRequest;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.Closing;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.Metrics;
import io.qorgan.gateway.testing.RawHttp;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures of AI services, with the simulator's fault injection and a second simulator: retries before the first
 * byte (never after), failover to the route's next upstream, circuit breakers that open, half-open and close, the retry
 * budget, and fallbacks the caller's policy does not allow for the data.
 */
@IntegrationTest
class GatewayFailoverTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IIN = "900515301234";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Closing closing = new Closing();

    @TempDir
    Path dir;

    @AfterEach
    void closeAll() throws Exception {
        closing.close();
    }

    private AiSimulator sim(SimulatorSettings.Builder settings) {
        AiSimulator sim = AiSimulator.start(settings.build());
        closing.add(sim);
        return sim;
    }

    /** A simulator whose first {@code failures} requests fail with {@code status}, and no other. */
    private AiSimulator failingFirst(int failures, int status, SimulatorSettings.Builder settings) {
        AtomicInteger left = new AtomicInteger(failures);
        Random faults = new Random() {
            @Override
            public double nextDouble() {
                return left.getAndDecrement() > 0 ? 0.0 : 0.99;
            }
        };
        AiSimulator sim =
                AiSimulator.start(settings.errorRate(0.5).errorStatus(status).build(), faults);
        closing.add(sim);
        return sim;
    }

    /** A simulator that fails (with {@code status}) while {@code failing} is set. */
    private AiSimulator switchable(AtomicBoolean failing, int status) {
        Random faults = new Random() {
            @Override
            public double nextDouble() {
                return failing.get() ? 0.0 : 0.99;
            }
        };
        AiSimulator sim = AiSimulator.start(
                SimulatorSettings.builder().errorRate(0.5).errorStatus(status).build(), faults);
        closing.add(sim);
        return sim;
    }

    private static String deadUrl() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    /** A gateway with upstreams {@code primary} and {@code secondary} (their settings added) and routes below. */
    private Gateway gateway(String primaryUrl, String primary, String secondaryUrl, String more) {
        return gateway(primaryUrl, "5s", primary, secondaryUrl, more);
    }

    /** As above, the primary waiting at most {@code readTimeout} for its answer. */
    private Gateway gateway(String primaryUrl, String readTimeout, String primary, String secondaryUrl, String more) {
        Gateway g = Gateway.start(
                ConfigLoader.parse("test.yaml", """
                listeners:
                  traffic: { host: 127.0.0.1, port: 0 }
                  admin: { host: 127.0.0.1, port: 0 }
                upstreams:
                  primary:
                    baseUrl: "%s/v1"
                    connectTimeout: 1s
                    readTimeout: %s
                    %s
                  secondary:
                    baseUrl: "%s/v1"
                routes:
                  - { pathPrefix: /v1, upstreams: [primary, secondary] }
                  - { pathPrefix: /only, upstream: primary }
                %s
                """.formatted(primaryUrl, readTimeout, primary, secondaryUrl, more)));
        closing.add(g);
        return g;
    }

    /** A chat request at temperature 0: one the safe-answer cache stores and serves. */
    private static String cacheable(String text) throws Exception {
        ObjectNode req = JSON.createObjectNode().put("model", "m").put("temperature", 0);
        req.putArray("messages").addObject().put("role", "user").put("content", text);
        return JSON.writeValueAsString(req);
    }

    private static String cacheOutcome(HttpResponse<?> r) {
        return r.headers().firstValue("x-qorgan-cache").orElse(null);
    }

    private static String chat(String text, boolean stream) throws Exception {
        ObjectNode req = JSON.createObjectNode().put("model", "m");
        if (stream) {
            req.put("stream", true);
        }
        req.putArray("messages").addObject().put("role", "user").put("content", text);
        return JSON.writeValueAsString(req);
    }

    private HttpResponse<String> post(Gateway g, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.trafficPort() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> admin(Gateway g, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.adminPort() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String breaker(Gateway g, String upstream) throws Exception {
        JsonNode all = JSON.readTree(admin(g, "/admin/upstreams").body());
        return all.path("upstreams").path(upstream).path("breaker").asText();
    }

    private static String content(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).at("/choices/0/message/content").asText();
    }

    @Test
    void failover_firstUpstreamRefusesConnections_retriedThenSecondAnswers() throws Exception {
        AiSimulator secondary = sim(SimulatorSettings.builder());
        Gateway g = gateway(deadUrl(), "retry: { attempts: 2, backoff: 10ms }", secondary.baseUrl(), "");

        HttpResponse<String> r = post(g, "/v1/chat/completions", chat("Сәлем", false));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(content(r)).isEqualTo("Сәлем");
        assertThat(secondary.recordedRequests()).hasSize(1);
        String metrics = g.metrics().scrape();
        assertThat(Metrics.value(metrics, "qorgan_upstream_retries_total{upstream=\"primary\"}"))
                .isEqualTo(1);
        assertThat(Metrics.value(metrics, "qorgan_upstream_failovers_total{from=\"primary\",to=\"secondary\"}"))
                .isEqualTo(1);
        assertThat(Metrics.value(metrics, "qorgan_requests_total{route=\"v1\",status=\"200\",upstream=\"secondary\"}"))
                .isEqualTo(1);
    }

    @Test
    void retryAndFailover_sendTheSameProtectedBody_detectedOnce() throws Exception {
        AiSimulator primary = sim(SimulatorSettings.builder().errorRate(1.0).errorStatus(503));
        AiSimulator secondary = sim(SimulatorSettings.builder());
        Gateway g = gateway(primary.baseUrl(), "retry: { attempts: 2, backoff: 10ms }", secondary.baseUrl(), "");

        HttpResponse<String> r = post(g, "/v1/chat/completions", chat("Мой ИИН " + IIN + ", помогите", false));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(content(r)).isEqualTo("Мой ИИН " + IIN + ", помогите"); // restored from the second's answer
        List<RecordedRequest> sent = new ArrayList<>(primary.recordedRequests());
        sent.addAll(secondary.recordedRequests());
        assertThat(sent).hasSize(3);
        String first = new String(sent.get(0).body(), StandardCharsets.UTF_8);
        assertThat(first).contains("[IIN_1]").doesNotContain(IIN);
        for (RecordedRequest each : sent) {
            assertThat(new String(each.body(), StandardCharsets.UTF_8)).isEqualTo(first);
        }
        assertThat(Metrics.value(g.metrics().scrape(), "qorgan_protection_seconds_count{stage=\"request\"}"))
                .as("the request was protected once for three sends")
                .isEqualTo(1);
    }

    @Test
    void streamCutAfterFirstBytes_neverRetriedNorFailedOver() throws Exception {
        AiSimulator primary = sim(SimulatorSettings.builder().chunkChars(1).disconnectAfterChunks(3));
        AiSimulator secondary = sim(SimulatorSettings.builder());
        Gateway g = gateway(primary.baseUrl(), "retry: { attempts: 3, backoff: 10ms }", secondary.baseUrl(), "");

        try (RawHttp c = new RawHttp(g.trafficPort())) {
            c.postJson("/v1/chat/completions", chat("Сәлем, қалыңыз қалай?", true));
            String text = c.readUntilChunkedEnd();
            assertThat(text)
                    .startsWith("HTTP/1.1 200")
                    .contains("data: {")
                    .doesNotContain("[DONE]")
                    .contains("\"code\":\"upstream_failed\""); // the stream ends with an error event
        }
        assertThat(primary.recordedRequests()).hasSize(1);
        assertThat(secondary.recordedRequests()).isEmpty();
    }

    @Test
    void retryAfterLongerThanMaxBackoff_notWaitedFor_failsOver() throws Exception {
        AiSimulator primary =
                sim(SimulatorSettings.builder().errorRate(1.0).errorStatus(429).faultRetryAfterSeconds(30));
        AiSimulator secondary = sim(SimulatorSettings.builder());
        Gateway g = gateway(
                primary.baseUrl(), "retry: { attempts: 3, backoff: 10ms, maxBackoff: 1s }", secondary.baseUrl(), "");

        HttpResponse<String> r = post(g, "/v1/chat/completions", chat("Сәлем", false));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(primary.recordedRequests()).hasSize(1);
        assertThat(secondary.recordedRequests()).hasSize(1);
    }

    @Test
    void lastUpstreamAnswers429_relayedAsItCameWithItsRetryAfter() throws Exception {
        AiSimulator primary =
                sim(SimulatorSettings.builder().errorRate(1.0).errorStatus(429).faultRetryAfterSeconds(30));
        Gateway g = gateway(primary.baseUrl(), "retry: { attempts: 3, backoff: 10ms }", deadUrl(), "");

        HttpResponse<String> r = post(g, "/only/chat/completions", chat("Сәлем", false));

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("retry-after")).hasValue("30");
        assertThat(JSON.readTree(r.body()).at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(primary.recordedRequests()).hasSize(1);
    }

    @Test
    void breaker_opensOnFailures_skipsAtOnce_halfOpens_closes() throws Exception {
        AtomicBoolean failing = new AtomicBoolean(true);
        AiSimulator primary = switchable(failing, 500);
        AiSimulator secondary = sim(SimulatorSettings.builder());
        Gateway g = gateway(
                primary.baseUrl(),
                "retry: { attempts: 1 }\n    breaker: { window: 4, minimumCalls: 4, failureRate: 50, openFor: 300ms,"
                        + " halfOpenCalls: 2 }",
                secondary.baseUrl(),
                "");

        for (int i = 0; i < 4; i++) { // a 500 is relayed as it came: only the breaker counts it
            assertThat(post(g, "/v1/chat/completions", chat("a" + i, false)).statusCode())
                    .isEqualTo(500);
        }
        assertThat(primary.recordedRequests()).hasSize(4);
        assertThat(breaker(g, "primary")).isEqualTo("open");

        HttpResponse<String> skipped = post(g, "/v1/chat/completions", chat("b", false));
        assertThat(skipped.statusCode()).isEqualTo(200);
        assertThat(secondary.recordedRequests()).hasSize(1);
        HttpResponse<String> alone = post(g, "/only/chat/completions", chat("c", false));
        assertThat(alone.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(alone.body()).at("/error/code").asText()).isEqualTo("upstream_unavailable");
        assertThat(alone.headers().firstValue("retry-after")).isPresent();
        assertThat(primary.recordedRequests())
                .as("an open breaker sends nothing")
                .hasSize(4);
        assertThat(Metrics.value(
                        g.metrics().scrape(), "qorgan_upstream_breaker_state{state=\"open\",upstream=\"primary\"}"))
                .isEqualTo(1);

        failing.set(false);
        Thread.sleep(400); // the breaker's openFor passes; the next call is a probe
        assertThat(post(g, "/v1/chat/completions", chat("d", false)).statusCode())
                .isEqualTo(200);
        assertThat(primary.recordedRequests()).hasSize(5);
        assertThat(breaker(g, "primary")).isEqualTo("half_open");
        assertThat(post(g, "/v1/chat/completions", chat("e", false)).statusCode())
                .isEqualTo(200);
        assertThat(primary.recordedRequests()).hasSize(6);
        assertThat(breaker(g, "primary")).isEqualTo("closed");

        String metrics = g.metrics().scrape();
        for (String state : List.of("open", "half_open", "closed")) {
            assertThat(Metrics.value(
                            metrics,
                            "qorgan_upstream_breaker_transitions_total{state=\"" + state + "\",upstream=\"primary\"}"))
                    .as(state)
                    .isEqualTo(1);
        }
        assertThat(JSON.readTree(admin(g, "/readyz").body())
                        .at("/breakers/primary")
                        .asText())
                .isEqualTo("closed");
    }

    @Test
    void retryBudget_capsTheRetriesOfAnOutage() throws Exception {
        AiSimulator primary = sim(SimulatorSettings.builder().errorRate(1.0).errorStatus(503));
        Gateway g = gateway(
                primary.baseUrl(),
                "retry: { attempts: 3, backoff: 1ms, budget: 10, minPerSecond: 0 }\n    breaker: { enabled: false }",
                deadUrl(),
                "");

        int requests = 40;
        for (int i = 0; i < requests; i++) {
            assertThat(post(g, "/only/chat/completions", chat("x" + i, false)).statusCode())
                    .isEqualTo(503);
        }

        // without a budget an outage would take three sends a request: 120
        assertThat(primary.requestsServed()).isGreaterThan(requests).isLessThanOrEqualTo(requests + requests / 10);
        assertThat(Metrics.value(
                        g.metrics().scrape(), "qorgan_upstream_retry_budget_exhausted_total{upstream=\"primary\"}"))
                .isGreaterThan(0);
    }

    @Test
    void externalFallback_neverGetsWhatThePolicyKeepsOnPremise() throws Exception {
        AiSimulator external = sim(SimulatorSettings.builder());
        Files.createDirectories(dir.resolve("policies"));
        Files.writeString(dir.resolve("policies/default.yaml"), """
                upstreams:
                  primary: { class: onprem }
                  secondary: { class: external }
                entities:
                  default: placeholder
                  IIN: { onprem: placeholder, external: block }
                """);
        Gateway g = gateway(
                deadUrl(),
                "retry: { attempts: 1 }",
                external.baseUrl(),
                "policies: { directory: \"" + dir.resolve("policies") + "\" }");

        HttpResponse<String> withIin = post(g, "/v1/chat/completions", chat("ИИН " + IIN, false));

        assertThat(withIin.statusCode()).isEqualTo(502);
        assertThat(JSON.readTree(withIin.body()).at("/error/code").asText()).isEqualTo("upstream_unreachable");
        assertThat(external.recordedRequests()).isEmpty();
        assertThat(Metrics.value(
                        g.metrics().scrape(),
                        "qorgan_upstream_skipped_total{reason=\"policy\",upstream=\"secondary\"}"))
                .isEqualTo(1);

        HttpResponse<String> plain = post(g, "/v1/chat/completions", chat("Сәлем", false));
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(external.recordedRequests()).hasSize(1);
    }

    @Test
    void timeoutBeforeTheHead_retriedThenFailedOver() throws Exception {
        AiSimulator primary = sim(SimulatorSettings.builder().slowHeadersMillis(10_000));
        AiSimulator secondary = sim(SimulatorSettings.builder());
        Gateway g =
                gateway(primary.baseUrl(), "300ms", "retry: { attempts: 2, backoff: 10ms }", secondary.baseUrl(), "");

        HttpResponse<String> r = post(g, "/v1/chat/completions", chat("Сәлем", false));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(content(r)).isEqualTo("Сәлем");
        assertThat(secondary.recordedRequests()).hasSize(1);
        String metrics = g.metrics().scrape();
        assertThat(Metrics.value(metrics, "qorgan_upstream_failures_total{kind=\"timeout\",upstream=\"primary\"}"))
                .as("both sends to the primary timed out before its head")
                .isEqualTo(2);
        assertThat(Metrics.value(metrics, "qorgan_upstream_failovers_total{from=\"primary\",to=\"secondary\"}"))
                .isEqualTo(1);
    }

    @Test
    void retryAfterWithinMaxBackoff_theRetryWaitsAtLeastThatLong() throws Exception {
        AiSimulator primary = failingFirst(1, 429, SimulatorSettings.builder().faultRetryAfterSeconds(1));
        Gateway g = gateway(primary.baseUrl(), "retry: { attempts: 2, backoff: 1ms, maxBackoff: 3s }", deadUrl(), "");

        long start = System.nanoTime();
        HttpResponse<String> r = post(g, "/only/chat/completions", chat("Сәлем", false));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(primary.recordedRequests()).hasSize(2);
        // a lower bound only: the retry is scheduled no sooner than Retry-After (a 1 ms backoff otherwise)
        assertThat(tookMillis).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void cacheHit_whileTheBreakerIsOpen_servedWithoutTouchingUpstreamOrBreaker() throws Exception {
        AtomicBoolean failing = new AtomicBoolean(false);
        AiSimulator primary = switchable(failing, 500);
        Gateway g = gateway(
                primary.baseUrl(),
                "retry: { attempts: 1 }\n    breaker: { window: 4, minimumCalls: 4, failureRate: 50, openFor: 60s }",
                deadUrl(),
                "");
        HttpResponse<String> stored = post(g, "/only/chat/completions", cacheable("Сәлем, кэш"));
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(cacheOutcome(stored)).isEqualTo("stored");

        failing.set(true);
        int calls = 1;
        while (!breaker(g, "primary").equals("open") && calls < 10) {
            assertThat(post(g, "/only/chat/completions", chat("a" + calls, false))
                            .statusCode())
                    .isEqualTo(500);
            calls++;
        }
        assertThat(breaker(g, "primary")).isEqualTo("open");
        JsonNode before = JSON.readTree(admin(g, "/admin/upstreams").body())
                .path("upstreams")
                .path("primary");

        HttpResponse<String> hit = post(g, "/only/chat/completions", cacheable("Сәлем, кэш"));

        assertThat(hit.statusCode()).isEqualTo(200);
        assertThat(cacheOutcome(hit)).isEqualTo("hit");
        assertThat(content(hit)).isEqualTo("Сәлем, кэш");
        assertThat(primary.recordedRequests()).hasSize(calls);
        assertThat(JSON.readTree(admin(g, "/admin/upstreams").body())
                        .path("upstreams")
                        .path("primary"))
                .as("the breaker was not asked: no call refused, none counted")
                .isEqualTo(before);

        HttpResponse<String> miss = post(g, "/only/chat/completions", cacheable("Сәлем, басқа"));
        assertThat(miss.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(miss.body()).at("/error/code").asText()).isEqualTo("upstream_unavailable");
        assertThat(JSON.readTree(admin(g, "/admin/upstreams").body())
                        .at("/upstreams/primary/notPermittedCalls")
                        .asLong())
                .as("a miss asks the breaker, which refuses it")
                .isEqualTo(before.path("notPermittedCalls").asLong() + 1);
    }

    @Test
    void retriedExchange_answerStored_failedOverExchange_answerNotStored() throws Exception {
        AiSimulator primary = failingFirst(1, 503, SimulatorSettings.builder());
        AiSimulator secondary = sim(SimulatorSettings.builder());
        Gateway g = gateway(primary.baseUrl(), "retry: { attempts: 2, backoff: 10ms }", secondary.baseUrl(), "");

        HttpResponse<String> retried = post(g, "/only/chat/completions", cacheable("ИИН " + IIN));
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(cacheOutcome(retried)).isEqualTo("stored");
        assertThat(primary.recordedRequests()).hasSize(2);
        assertThat(primary.recordedRequests().get(1).body())
                .as("the retry sent the same protected request")
                .isEqualTo(primary.recordedRequests().get(0).body());
        HttpResponse<String> again = post(g, "/only/chat/completions", cacheable("ИИН " + IIN));
        assertThat(cacheOutcome(again)).isEqualTo("hit");
        assertThat(content(again)).isEqualTo("ИИН " + IIN);
        assertThat(primary.recordedRequests()).hasSize(2);

        Gateway down = gateway(deadUrl(), "retry: { attempts: 1 }", secondary.baseUrl(), "");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> failedOver = post(down, "/v1/chat/completions", cacheable("Сәлем"));
            assertThat(failedOver.statusCode()).isEqualTo(200);
            assertThat(cacheOutcome(failedOver))
                    .as("the secondary's answer is not stored under the key of the request for the primary")
                    .isEqualTo("miss");
        }
        assertThat(secondary.recordedRequests()).hasSize(2);
    }
}
