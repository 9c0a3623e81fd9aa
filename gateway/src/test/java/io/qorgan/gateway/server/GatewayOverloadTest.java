package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.Metrics;
import io.qorgan.gateway.testing.RawHttp;
import io.qorgan.gateway.testing.TestGateways;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An overloaded node: with every exchange slot held by a slow upstream, a burst of several thousand requests is
 * answered 503 {@code overloaded} on each head, without waiting for a slot and without forwarding anything, while the
 * admin listener (an event loop of its own) keeps answering {@code /healthz} and {@code /metrics}.
 */
@IntegrationTest
class GatewayOverloadTest {

    private static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Сәлем\"}]}";
    private static final int HELD = 16;
    private static final int BURST = 4000;
    private static final int CLIENTS = 4;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void burstAtAFullNode_fast503s_adminAnswersThroughout() throws Exception {
        try (AiSimulator slow = AiSimulator.start(
                SimulatorSettings.builder().slowHeadersMillis(30_000).build())) {
            Gateway g = Gateway.start(
                    TestGateways.config(slow.baseUrl(), "60s", "limits: { maxConcurrentExchanges: " + HELD + " }"));
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
            try {
                for (int i = 0; i < HELD; i++) {
                    http.sendAsync(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + g.trafficPort() + "/v1/chat/completions"))
                                    .POST(HttpRequest.BodyPublishers.ofString(CHAT))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (Metrics.value(g.metrics().scrape(), "qorgan_exchanges_in_flight") < HELD
                        && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(Metrics.value(g.metrics().scrape(), "qorgan_exchanges_in_flight"))
                        .isEqualTo(HELD);

                AtomicBoolean bursting = new AtomicBoolean(true);
                Map<Integer, AtomicInteger> adminStatuses = new ConcurrentHashMap<>();
                // latencies, for the numbers printed at the end (docs/resilience.md); nothing asserts on them
                Queue<Long> adminMicros = new ConcurrentLinkedQueue<>();
                Queue<Long> refusedMicros = new ConcurrentLinkedQueue<>();
                Future<?> admin = pool.submit(() -> {
                    while (bursting.get()) {
                        for (String path : List.of("/healthz", "/metrics")) {
                            long sent = System.nanoTime();
                            int status = http.send(
                                            HttpRequest.newBuilder(
                                                            URI.create("http://127.0.0.1:" + g.adminPort() + path))
                                                    .timeout(Duration.ofSeconds(5))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode();
                            adminMicros.add((System.nanoTime() - sent) / 1000);
                            adminStatuses
                                    .computeIfAbsent(status, s -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                    }
                    return null;
                });
                Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
                List<Future<?>> clients = new ArrayList<>();
                long burstStart = System.nanoTime();
                for (int c = 0; c < CLIENTS; c++) {
                    clients.add(pool.submit(() -> {
                        RawHttp conn = null;
                        try {
                            for (int i = 0; i < BURST / CLIENTS; i++) {
                                if (conn == null) {
                                    conn = new RawHttp(g.trafficPort());
                                }
                                long sent = System.nanoTime();
                                RawHttp.Response r = conn.postJson("/v1/chat/completions", CHAT)
                                        .readResponse();
                                refusedMicros.add((System.nanoTime() - sent) / 1000);
                                String code = r.status() + " " + r.body().replaceAll(".*\"code\":\"([^\"]*)\".*", "$1");
                                answers.computeIfAbsent(code, k -> new AtomicInteger())
                                        .incrementAndGet();
                                if ("close".equalsIgnoreCase(r.headers().get("connection"))) {
                                    conn.close();
                                    conn = null;
                                }
                            }
                        } finally {
                            if (conn != null) {
                                conn.close();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> client : clients) {
                    client.get(120, TimeUnit.SECONDS);
                }
                long burstMillis = (System.nanoTime() - burstStart) / 1_000_000;
                bursting.set(false);
                admin.get(30, TimeUnit.SECONDS);
                System.out.printf(
                        "burst: %d requests in %d ms (%d clients), 503 p50 %d µs p99 %d µs max %d µs;"
                                + " admin /healthz+/metrics: %d answered, p50 %d µs p99 %d µs max %d µs%n",
                        BURST,
                        burstMillis,
                        CLIENTS,
                        percentile(refusedMicros, 50),
                        percentile(refusedMicros, 99),
                        percentile(refusedMicros, 100),
                        adminMicros.size(),
                        percentile(adminMicros, 50),
                        percentile(adminMicros, 99),
                        percentile(adminMicros, 100));

                assertThat(answers).containsOnlyKeys("503 overloaded");
                assertThat(answers.get("503 overloaded").get()).isEqualTo(BURST);
                assertThat(Metrics.value(g.metrics().scrape(), "qorgan_exchanges_in_flight"))
                        .as("the burst was answered while the held exchanges still waited: none waited for a slot")
                        .isEqualTo(HELD);
                assertThat(adminStatuses).containsOnlyKeys(200);
                assertThat(adminStatuses.get(200).get()).isGreaterThanOrEqualTo(2);
                assertThat(Metrics.value(g.metrics().scrape(), "qorgan_rejected_total{code=\"overloaded\"}"))
                        .isEqualTo(BURST);
                assertThat(slow.recordedRequests())
                        .as("nothing of the burst forwarded (the held ones wait for the upstream's 8 connections)")
                        .hasSizeLessThanOrEqualTo(HELD);
            } finally {
                pool.shutdownNow();
                g.shutdown(Duration.ofSeconds(1));
            }
        }
    }

    private static long percentile(Queue<Long> micros, int p) {
        List<Long> sorted = new ArrayList<>(micros);
        if (sorted.isEmpty()) {
            return -1;
        }
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
    }
}
