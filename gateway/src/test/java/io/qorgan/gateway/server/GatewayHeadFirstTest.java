package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.identity.ApiKeys;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.Metrics;
import io.qorgan.gateway.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway decides on a request's head before it reads any byte of the body (issue 14, item 1): a caller without a
 * key, an unknown route or a full gateway is answered at once and its connection closed without the body being read;
 * {@code 100 Continue} comes only after that; the memory for bodies is one budget across connections; a head or body
 * that dribbles in is cut off; and a dead event loop is never a zombie. The attack these replay: connections without
 * a key, each declaring a 9.9 MB body and sending it slowly, exhausted direct memory and left every request hanging.
 */
@IntegrationTest
class GatewayHeadFirstTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @TempDir
    Path dir;

    private final ApiKeys keys = new ApiKeys(new SecureRandom(), ApiKeys.HashCost.FAST_FOR_TESTS);
    private final List<Throwable> fatal = new CopyOnWriteArrayList<>();
    private AiSimulator sim;
    private Gateway gateway;
    private ApiKeys.NewApiKey key;

    private void start(String limits) throws Exception {
        sim = AiSimulator.start(SimulatorSettings.builder().build());
        key = keys.generate();
        Files.writeString(dir.resolve("identities.yaml"), """
                agencies: [{id: agency-egov}]
                roles:
                  chat-user: ["route:v1:invoke", "upstream:llm:use"]
                callers:
                  - {id: egov-chatbot, agency: agency-egov, roles: [chat-user]}
                apiKeys:
                  - {id: %s, caller: egov-chatbot, hash: "%s", created: 2026-01-01T00:00:00Z}
                """.formatted(key.id(), key.hash()));
        Path config = Files.writeString(dir.resolve("qorgan.yaml"), """
                listeners:
                  traffic: { host: 127.0.0.1, port: 0 }
                  admin: { host: 127.0.0.1, port: 0 }
                identity:
                  store: identities.yaml
                upstreams:
                  llm: { baseUrl: "%s/v1" }
                routes:
                  - { pathPrefix: /v1, upstream: llm }
                limits:
                %s
                """.formatted(sim.baseUrl(), limits.indent(2)));
        gateway = Gateway.start(ConfigLoader.load(config), fatal::add);
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.shutdown(Duration.ofSeconds(1));
        }
        if (sim != null) {
            sim.close();
        }
    }

    private static String head(String path, long contentLength, String... headers) {
        StringBuilder s =
                new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n");
        for (String h : headers) {
            s.append(h).append("\r\n");
        }
        return s.append("Content-Length: ")
                .append(contentLength)
                .append("\r\n\r\n")
                .toString();
    }

    private String code(RawHttp.Response r) throws Exception {
        return JSON.readTree(r.body()).path("error").path("code").asText();
    }

    private RawHttp.Response chat(String... headers) throws Exception {
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            return c.send(head("/v1/chat/completions", CHAT.length(), headers) + CHAT)
                    .readResponse();
        }
    }

    @Test
    void noKey_hugeDeclaredBody_401OnTheHeadAndClosedWithoutReadingTheBody() throws Exception {
        start("maxRequestBody: 10MB");
        List<RawHttp> attackers = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                RawHttp c = new RawHttp(gateway.trafficPort()).timeout(Duration.ofSeconds(10));
                attackers.add(c);
                c.send(head("/v1/chat/completions", 9_900_000));
            }
            for (RawHttp c : attackers) {
                RawHttp.Response r = c.readResponse(); // before a single byte of the body was sent
                assertThat(r.status()).isEqualTo(401);
                assertThat(code(r)).isEqualTo("missing_api_key");
                assertThat(r.headers().get("connection")).isEqualTo("close");
                assertThat(c.closedByServer()).isTrue();
            }
        } finally {
            for (RawHttp c : attackers) {
                c.close();
            }
        }
        assertThat(chat("Authorization: Bearer " + key.key()).status()).isEqualTo(200);
        assertThat(sim.recordedRequests()).hasSize(1);
        try (RawHttp admin = new RawHttp(gateway.adminPort())) {
            assertThat(admin.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                            .readResponse()
                            .status())
                    .isEqualTo(200);
        }
        assertThat(fatal).isEmpty();
    }

    @Test
    void expectContinue_withoutKey_finalAnswerAndNoContinue_withKey_continueThenAnswer() throws Exception {
        start("maxRequestBody: 1MB");
        try (RawHttp c = new RawHttp(gateway.trafficPort()).timeout(Duration.ofSeconds(10))) {
            RawHttp.Response r = c.send(head("/v1/chat/completions", CHAT.length(), "Expect: 100-continue"))
                    .readResponse();
            assertThat(r.status()).isEqualTo(401);
            assertThat(c.closedByServer()).isTrue();
        }
        try (RawHttp c = new RawHttp(gateway.trafficPort()).timeout(Duration.ofSeconds(10))) {
            RawHttp.Response continued = c.send(head(
                            "/v1/chat/completions",
                            CHAT.length(),
                            "Expect: 100-continue",
                            "Authorization: Bearer " + key.key()))
                    .readResponse();
            assertThat(continued.status()).isEqualTo(100);
            assertThat(c.send(CHAT).readResponse().status()).isEqualTo(200);
        }
        try (RawHttp c = new RawHttp(gateway.trafficPort()).timeout(Duration.ofSeconds(10))) {
            RawHttp.Response r = c.send(head("/v1/chat/completions", 5, "Expect: something-else"))
                    .readResponse();
            assertThat(r.status()).isEqualTo(417);
        }
    }

    @Test
    void unknownRouteOrTooLarge_answeredOnTheHead_smallBodyDroppedConnectionKept() throws Exception {
        start("maxRequestBody: 1MB");
        String auth = "Authorization: Bearer " + key.key();
        try (RawHttp c = new RawHttp(gateway.trafficPort()).timeout(Duration.ofSeconds(10))) {
            // the head alone is answered; the small body that follows is read and dropped
            RawHttp.Response r = c.send(head("/nowhere", CHAT.length(), auth)).readResponse();
            assertThat(r.status()).isEqualTo(404);
            c.send(CHAT);
            assertThat(c.send(head("/v1/chat/completions", CHAT.length(), auth) + CHAT)
                            .readResponse()
                            .status())
                    .isEqualTo(200);
        }
        try (RawHttp c = new RawHttp(gateway.trafficPort()).timeout(Duration.ofSeconds(10))) {
            RawHttp.Response r =
                    c.send(head("/v1/chat/completions", 5_000_000, auth)).readResponse();
            assertThat(r.status()).isEqualTo(413);
            assertThat(code(r)).isEqualTo("request_too_large");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void bodyBudgetSpent_nextBodyRefused503BeforeItIsRead_andFreedWhenTheFirstEnds() throws Exception {
        start("""
                maxRequestBody: 600KB
                maxBufferedBodies: 700KB
                bodyTimeout: 30s
                """);
        String auth = "Authorization: Bearer " + key.key();
        String body =
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(500_000) + "\"}]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (RawHttp first = new RawHttp(gateway.trafficPort()).timeout(Duration.ofSeconds(20));
                RawHttp second = new RawHttp(gateway.trafficPort()).timeout(Duration.ofSeconds(20))) {
            first.send(head("/v1/chat/completions", bytes.length, auth));
            first.send(Arrays.copyOf(bytes, 1000)); // holds its reservation while it sends slowly
            waitFor(() -> Metrics.value(gateway.metrics().scrape(), "qorgan_body_budget_used_bytes") > 0);

            RawHttp.Response refused = second.send(head("/v1/chat/completions", bytes.length, auth))
                    .readResponse();
            assertThat(refused.status()).isEqualTo(503);
            assertThat(code(refused)).isEqualTo("overloaded");
            assertThat(Metrics.value(gateway.metrics().scrape(), "qorgan_body_budget_refusals_total"))
                    .isEqualTo(1);

            first.send(Arrays.copyOfRange(bytes, 1000, bytes.length));
            assertThat(first.readResponse().status()).isEqualTo(200);
        }
        waitFor(() -> Metrics.value(gateway.metrics().scrape(), "qorgan_body_budget_used_bytes") == 0);
        assertThat(Metrics.value(gateway.metrics().scrape(), "qorgan_body_budget_bytes"))
                .isEqualTo(700 * 1024);
    }

    @Test
    void bodyThatDoesNotArriveInTime_408AndClosed() throws Exception {
        start("""
                bodyTimeout: 1s
                """);
        try (RawHttp c = new RawHttp(gateway.trafficPort()).timeout(Duration.ofSeconds(20))) {
            RawHttp.Response r = c.send(
                            head("/v1/chat/completions", CHAT.length(), "Authorization: Bearer " + key.key())
                                    + CHAT.substring(0, 10))
                    .readResponse();
            assertThat(r.status()).isEqualTo(408);
            assertThat(code(r)).isEqualTo("request_timeout");
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(sim.recordedRequests()).isEmpty();
    }

    @Test
    void bodyBelowTheMinimumRate_408() throws Exception {
        start("""
                bodyTimeout: 8s
                minBodyRate: 1MB/s
                """);
        try (RawHttp c = new RawHttp(gateway.trafficPort()).timeout(Duration.ofSeconds(20))) {
            c.send(head("/v1/chat/completions", 100_000, "Authorization: Bearer " + key.key()));
            c.send("{\"model\":\"m\"");
            RawHttp.Response r = c.readResponse(); // after the rate's grace, long before the timeout
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.body()).contains("bytes a second");
        }
    }

    @Test
    void headThatDribbles_408AndClosed() throws Exception {
        start("""
                headerTimeout: 1s
                """);
        try (RawHttp c = new RawHttp(gateway.trafficPort()).timeout(Duration.ofSeconds(20))) {
            RawHttp.Response r = c.send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nX-Slow: a")
                    .readResponse();
            assertThat(r.status()).isEqualTo(408);
            assertThat(code(r)).isEqualTo("request_timeout");
            assertThat(c.closedByServer()).isTrue();
        }
        // a quiet keep-alive connection is the idle timeout's, not the head deadline's
        try (RawHttp c = new RawHttp(gateway.trafficPort()).timeout(Duration.ofSeconds(20))) {
            assertThat(c.send(head("/v1/chat/completions", CHAT.length(), "Authorization: Bearer " + key.key()) + CHAT)
                            .readResponse()
                            .status())
                    .isEqualTo(200);
            Thread.sleep(1500);
            assertThat(c.send(head("/v1/chat/completions", CHAT.length(), "Authorization: Bearer " + key.key()) + CHAT)
                            .readResponse()
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void deadEventLoop_isFatal_andHealthzSaysSo() throws Exception {
        start("ioThreads: 2");
        try (RawHttp admin = new RawHttp(gateway.adminPort())) {
            assertThat(admin.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                            .readResponse()
                            .status())
                    .isEqualTo(200);
        }

        gateway.trafficLoops().iterator().next().shutdownGracefully(0, 0, TimeUnit.SECONDS);

        waitFor(() -> !fatal.isEmpty());
        assertThat(fatal.get(0)).hasMessageContaining("terminated");
        try (RawHttp admin = new RawHttp(gateway.adminPort())) {
            RawHttp.Response r =
                    admin.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.body()).contains("stalled");
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitFor(Condition condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 20 s");
            }
            Thread.sleep(20);
        }
    }
}
