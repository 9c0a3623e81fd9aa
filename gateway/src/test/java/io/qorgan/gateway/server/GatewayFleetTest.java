package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.fleet.FleetStore;
import io.qorgan.gateway.identity.ApiKeys;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.RecordedRequest;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.Closing;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.Metrics;
import io.qorgan.gateway.testing.RedisServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Three gateway nodes on loopback sharing one real Redis: fleet-wide limits, the degradation when the store stops,
 * and a Responses-API conversation stored through one node and continued through another — with nothing of a
 * citizen's data in the store.
 */
@IntegrationTest
class GatewayFleetTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CANARY_IIN = "900515301234";
    private static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Сәлем\"}]}";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Closing closing = new Closing();
    private final ApiKeys keys = new ApiKeys(new SecureRandom(), ApiKeys.HashCost.FAST_FOR_TESTS);
    private RedisServer redis;
    /** What the fleet store logs, to see the degradation said once, and its end. */
    private final ListAppender<ILoggingEvent> storeLog = new ListAppender<>();

    private final Logger storeLogger = (Logger) LoggerFactory.getLogger(FleetStore.class);
    private AiSimulator sim;
    private ApiKeys.NewApiKey bot;
    private ApiKeys.NewApiKey other;

    @BeforeEach
    void start() throws Exception {
        storeLog.start();
        storeLogger.addAppender(storeLog);
        redis = RedisServer.start();
        closing.add(redis);
        sim = AiSimulator.start(SimulatorSettings.builder().build());
        closing.add(sim);
        bot = keys.generate();
        other = keys.generate();
        Files.writeString(
                dir.resolve("identities.yaml"), """
                agencies: [{id: health}, {id: tax}]
                roles: {user: ["route:*:invoke", "upstream:*:use"]}
                callers:
                  - {id: bot, agency: health, roles: [user]}
                  - {id: other, agency: tax, roles: [user]}
                apiKeys:
                  - {id: %s, caller: bot, hash: "%s", created: 2026-01-01T00:00:00Z}
                  - {id: %s, caller: other, hash: "%s", created: 2026-01-01T00:00:00Z}
                """.formatted(bot.id(), bot.hash(), other.id(), other.hash()));
        Files.createDirectories(dir.resolve("policies"));
        Files.writeString(dir.resolve("policies/default.yaml"), "description: no limits by default\n");
    }

    @AfterEach
    void closeAll() throws Exception {
        closing.close();
        storeLogger.detachAppender(storeLog);
    }

    /** {@code count} nodes of a fleet of three sharing the test's Redis; the health agency limited as given. */
    private List<Gateway> nodes(int count, String healthLimits) throws Exception {
        Files.writeString(dir.resolve("policies/agency-health.yaml"), "agency: health\nlimits:\n" + healthLimits);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path config = Files.writeString(dir.resolve("qorgan.yaml"), """
                listeners: { traffic: { host: 127.0.0.1, port: 0 }, admin: { host: 127.0.0.1, port: 0 } }
                identity: { store: identities.yaml }
                policies: { directory: policies }
                upstreams:
                  sim: { baseUrl: "%s/v1" }
                routes:
                  - { pathPrefix: /v1, upstream: sim }
                fleet:
                  nodes: 3
                  store: { url: "%s", key: "%s", timeout: 200ms }
                """.formatted(
                        sim.baseUrl(), redis.url(), HexFormat.of().formatHex(key)));
        List<Gateway> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Gateway g = Gateway.start(ConfigLoader.load(config));
            closing.add(g);
            nodes.add(g);
        }
        for (Gateway g : nodes) {
            awaitMetric(() -> Metrics.value(g.metrics().scrape(), "qorgan_fleet_store_up"), 1);
        }
        return nodes;
    }

    /** What the fleet store logged so far (appended to under the appender's lock). */
    private List<ILoggingEvent> logged() {
        synchronized (storeLog) {
            return List.copyOf(storeLog.list);
        }
    }

    private HttpResponse<String> post(Gateway g, ApiKeys.NewApiKey key, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.trafficPort() + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + key.key())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitMetric(DoubleSupplier value, double expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (value.getAsDouble() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(value.getAsDouble()).isEqualTo(expected);
    }

    /**
     * The tolerance stated in docs/resilience.md: over any stretch of T seconds the fleet admits at most the bucket's
     * burst (one second's worth) plus rate × T, and one request more for the rounding of the store's clock.
     */
    @Test
    void requestsPerSecond_heldForTheFleet_acrossThreeNodes() throws Exception {
        int rate = 5;
        List<Gateway> nodes = nodes(3, "  requestsPerSecond: " + rate + "\n");
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger limited = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(3);
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(2500);
        List<Future<?>> runs = new ArrayList<>();
        for (Gateway node : nodes) {
            runs.add(clients.submit(() -> {
                for (int i = 0; i < 400 && System.nanoTime() < end; i++) {
                    int status = post(node, bot, "/v1/chat/completions", CHAT).statusCode();
                    (status == 200 ? admitted : status == 429 ? limited : other).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get(30, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        clients.shutdownNow();
        int bound = (int) (rate + rate * seconds) + 1;
        System.out.printf(
                "fleet of 3, %d a second: %d admitted, %d limited in %.2f s (bound %d)%n",
                rate, admitted.get(), limited.get(), seconds, bound);

        assertThat(other.get()).isZero();
        assertThat(limited.get()).isPositive();
        assertThat(admitted.get()).isGreaterThanOrEqualTo(rate).isLessThanOrEqualTo(bound);
        assertThat(sim.requestsServed()).isEqualTo(admitted.get());
        for (Gateway node : nodes) {
            assertThat(Metrics.value(node.metrics().scrape(), "qorgan_quota_decisions_total{where=\"store\"}"))
                    .isPositive();
        }
    }

    @Test
    void storeStopped_eachNodeKeepsItsShare_trafficGoesOn_thenFleetWideAgain() throws Exception {
        int rate = 3;
        long start = System.nanoTime(); // before this node's rate limiter for the agency exists
        Gateway node = nodes(1, "  requestsPerSecond: " + rate + "\n").get(0);
        assertThat(post(node, bot, "/v1/chat/completions", CHAT).statusCode()).isEqualTo(200);

        synchronized (storeLog) { // a first connection may have failed on a busy machine: said then, and retried
            storeLog.list.clear();
        }
        redis.stop();
        int requests = 30;
        int admitted = 0;
        int limited = 0;
        for (int i = 0; i < requests; i++) {
            int status = post(node, bot, "/v1/chat/completions", CHAT).statusCode();
            assertThat(status).as("never an error because the store is down").isIn(200, 429);
            admitted += status == 200 ? 1 : 0;
            limited += status == 429 ? 1 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // this node's share of 3 a second in a fleet of 3: 3 requests in each period of 3 seconds, of which the
        // requests' stretch touches at most ceil(seconds / 3) + 1
        int share = rate * ((int) Math.ceil(seconds / 3) + 1);
        assertThat(admitted).isBetween(1, share);
        assertThat(limited).as("never unlimited while the store is down").isEqualTo(requests - admitted);
        assertThat(limited).isPositive();
        assertThat(post(node, other, "/v1/chat/completions", CHAT).statusCode())
                .as("an agency without limits is not stopped")
                .isEqualTo(200);
        String metrics = node.metrics().scrape();
        assertThat(Metrics.value(metrics, "qorgan_fleet_store_up")).isZero();
        assertThat(Metrics.value(metrics, "qorgan_quota_decisions_total{where=\"node\"}"))
                .isGreaterThanOrEqualTo(requests);
        assertThat(Metrics.value(metrics, "qorgan_fleet_store_failures_total{op=\"admit\"}")
                        + Metrics.value(metrics, "qorgan_fleet_store_failures_total{op=\"connection\"}"))
                .as("a failed command, or the connection seen closed")
                .isPositive();
        assertThat(logged())
                .filteredOn(e -> e.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage)
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .startsWith("fleet store unreachable")
                .contains("each node now keeps its share");

        redis.startAgain();
        awaitMetric(() -> Metrics.value(node.metrics().scrape(), "qorgan_fleet_store_up"), 1);
        double before = Metrics.value(node.metrics().scrape(), "qorgan_quota_decisions_total{where=\"store\"}");
        post(node, bot, "/v1/chat/completions", CHAT);
        assertThat(Metrics.value(node.metrics().scrape(), "qorgan_quota_decisions_total{where=\"store\"}"))
                .isEqualTo(before + 1);
        assertThat(logged())
                .extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.startsWith("fleet store reachable again"));
    }

    @Test
    void responsesConversation_storedViaNodeA_continuesOnNodeB_storeHoldsNoCanary() throws Exception {
        List<Gateway> nodes = nodes(2, "  tokensPerDay: 1000000\n");
        Gateway a = nodes.get(0);
        Gateway b = nodes.get(1);

        HttpResponse<String> first = post(
                a, bot, "/v1/responses", "{\"model\":\"m\",\"store\":true,\"input\":\"Менің ЖСН " + CANARY_IIN + "\"}");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains(CANARY_IIN);
        String id = JSON.readTree(first.body()).path("id").asText();

        HttpResponse<String> next = post(
                b,
                bot,
                "/v1/responses",
                "{\"model\":\"m\",\"previous_response_id\":\"" + id + "\",\"input\":\"Тағы да " + CANARY_IIN + "\"}");

        assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
        assertThat(next.body()).contains(CANARY_IIN);
        List<RecordedRequest> sent = sim.recordedRequests();
        String second = new String(sent.get(sent.size() - 1).body(), StandardCharsets.UTF_8);
        assertThat(second).contains("[IIN_1]").doesNotContain(CANARY_IIN); // the numbering node A began

        Map<String, byte[]> stored = redis.dump();
        assertThat(stored.keySet()).anyMatch(k -> k.startsWith("qorgan:conv:"));
        assertThat(stored.keySet()).anyMatch(k -> k.startsWith("qorgan:{health}:tokens"));
        for (Map.Entry<String, byte[]> e : stored.entrySet()) {
            String value = new String(e.getValue(), StandardCharsets.ISO_8859_1);
            for (String secret : List.of(CANARY_IIN, "IIN_1", id, "bot")) {
                assertThat(e.getKey()).doesNotContain(secret.equals("bot") ? "health/bot" : secret);
                if (!secret.equals("bot")) {
                    assertThat(value).as(e.getKey()).doesNotContain(secret);
                }
            }
        }
    }

    @Test
    void conversationOfAnotherCaller_notContinued() throws Exception {
        List<Gateway> nodes = nodes(2, "  tokensPerDay: 1000000\n");
        HttpResponse<String> first =
                post(nodes.get(0), bot, "/v1/responses", "{\"model\":\"m\",\"input\":\"ЖСН " + CANARY_IIN + "\"}");
        String id = JSON.readTree(first.body()).path("id").asText();

        HttpResponse<String> stolen =
                post(nodes.get(1), other, "/v1/responses", "{\"model\":\"m\",\"previous_response_id\":\"" + id + "\"}");

        assertThat(stolen.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(stolen.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("conversation_expired");
    }
}
