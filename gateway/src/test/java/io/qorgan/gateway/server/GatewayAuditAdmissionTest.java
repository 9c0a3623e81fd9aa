package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.audit.AuditReader;
import io.qorgan.gateway.audit.ExchangeRecord;
import io.qorgan.gateway.audit.GapRecord;
import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.crypto.KeyRing;
import io.qorgan.gateway.crypto.SignatureAlgorithm;
import io.qorgan.gateway.crypto.SigningKeys;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.SimulatorMode;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.Metrics;
import io.qorgan.gateway.testing.RawHttp;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trail's place for an exchange is taken on the request's head, before anything is read or forwarded: with the
 * smallest queue ({@code queueCapacity: 16}) and exchanges that hold their places, the ones beyond get 503
 * {@code audit_unavailable}, nothing of them reaches the upstream, a metric and a gap record count them; and every way
 * an exchange can end writes its one record and gives its place back, so the small queue never stays full.
 */
@IntegrationTest
class GatewayAuditAdmissionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CAPACITY = 16;
    private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"temperature\":0,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Заявитель Ахметов Нұрлан, ИИН 900515301234.\"}]}";

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<AiSimulator> sims = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private Gateway gateway;
    private KeyRing ring;
    /** Client aborts counted so far. */
    private int aborted;
    /** Requests refused for room while waiting for a place to come back. */
    private int refusedWhileWaiting;

    private Gateway start(String extraPolicyRules, AiSimulator... upstreams) throws Exception {
        String ringText = KeyRing.newEntry("k1", RANDOM);
        ring = KeyRing.parse(ringText);
        Files.writeString(dir.resolve("audit.keys"), ringText);
        Files.writeString(
                dir.resolve("audit-signing.key"),
                SigningKeys.privatePem(
                        SignatureAlgorithm.ED25519.generate(RANDOM).getPrivate()));
        Files.createDirectories(dir.resolve("policies"));
        Files.writeString(dir.resolve("policies/default.yaml"), """
                version: "admission-1"
                upstreams: {fast: {class: onprem}, slow: {class: onprem}, failing: {class: onprem},
                            down: {class: onprem}}
                entities: {default: placeholder}
                rules:
                  - {id: dsp, description: Not for AI., query: 'ДСП', action: block}
                %s""".formatted(extraPolicyRules));
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Path config = Files.writeString(dir.resolve("qorgan.yaml"), """
                listeners:
                  traffic: { host: 127.0.0.1, port: 0 }
                  admin: { host: 127.0.0.1, port: 0 }
                policies: { directory: policies }
                limits: { maxRequestBody: 16KB }
                upstreams:
                  fast: { baseUrl: "%s/v1", maxConnections: 64 }
                  slow: { baseUrl: "%s/v1", maxConnections: 64 }
                  failing: { baseUrl: "%s/v1" }
                  down: { baseUrl: "http://127.0.0.1:%d/v1" }
                routes:
                  - { pathPrefix: /v1, upstream: fast }
                  - { pathPrefix: /slow, upstream: slow }
                  - { pathPrefix: /failing, upstream: failing }
                  - { pathPrefix: /down, upstream: down }
                audit:
                  directory: audit
                  encryptionKey: "file:%s"
                  signingKey: "file:%s"
                  queueCapacity: %d
                  syncInterval: 20ms
                """.formatted(
                        upstreams[0].baseUrl(),
                        upstreams[1].baseUrl(),
                        upstreams[2].baseUrl(),
                        closedPort,
                        dir.resolve("audit.keys"),
                        dir.resolve("audit-signing.key"),
                        CAPACITY));
        gateway = Gateway.start(ConfigLoader.load(config));
        return gateway;
    }

    private AiSimulator sim(SimulatorSettings.Builder settings) {
        AiSimulator sim = AiSimulator.start(settings.ioThreads(1).build());
        sims.add(sim);
        return sim;
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.shutdown(Duration.ofSeconds(2));
        }
        sims.forEach(AiSimulator::close);
    }

    @Test
    void admit_queueFullOfExchangesInFlight_503AuditUnavailableAndNothingForwarded() throws Exception {
        AiSimulator slow = sim(SimulatorSettings.builder().ttftMillis(3000));
        AiSimulator other = sim(SimulatorSettings.builder());
        start("", other, slow, other);
        int requests = CAPACITY + 8;

        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            // not deterministic: each goes to the upstream, none waits for another's answer in the cache
            String body = CHAT.replace("\"temperature\":0", "\"temperature\":0.7");
            inFlight.add(http.sendAsync(request("/slow/chat/completions", body), HttpResponse.BodyHandlers.ofString()));
        }
        int ok = 0;
        int refused = 0;
        for (CompletableFuture<HttpResponse<String>> f : inFlight) {
            HttpResponse<String> r = f.join();
            if (r.statusCode() == 200) {
                ok++;
            } else {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
                assertThat(JSON.readTree(r.body()).at("/error/code").asText()).isEqualTo("audit_unavailable");
                refused++;
            }
        }

        assertThat(ok).isLessThanOrEqualTo(CAPACITY);
        assertThat(refused).isEqualTo(requests - ok).isPositive();
        assertThat(slow.requestsServed()).isEqualTo(ok);
        String metrics = gateway.metrics().scrape();
        assertThat(Metrics.value(metrics, "qorgan_audit_refused_total")).isEqualTo(refused);
        assertThat(Metrics.value(metrics, "qorgan_rejected_total{code=\"audit_unavailable\"}"))
                .isEqualTo(refused);
        assertThat(awaitOk("/v1/chat/completions", CHAT).statusCode()).isEqualTo(200); // the places came back
        gateway.shutdown(Duration.ofSeconds(2));
        gateway = null;
        List<ExchangeRecord> records = new ArrayList<>();
        long[] gaps = {0};
        AuditReader.readAll(dir.resolve("audit"), ring, e -> {
            if (e.record() instanceof ExchangeRecord x) {
                records.add(x);
            } else if (e.record() instanceof GapRecord g) {
                gaps[0] += g.dropped();
            }
        });
        assertThat(records).hasSize(ok + 1);
        // the refused exchanges, counted where their records would be
        assertThat(gaps[0]).isEqualTo(refused + refusedWhileWaiting);
    }

    @Test
    void admit_everyWayAnExchangeEnds_writesOneRecordAndGivesItsPlaceBack() throws Exception {
        AiSimulator fast = sim(SimulatorSettings.builder().mode(SimulatorMode.ECHO));
        AiSimulator slow = sim(SimulatorSettings.builder().ttftMillis(1000));
        AiSimulator failing = sim(SimulatorSettings.builder().errorRate(1.0).errorStatus(500));
        start("", fast, slow, failing);
        Map<String, Integer> answered = new HashMap<>();
        int rounds = CAPACITY + 4; // more than the queue holds: one place kept by any path would show
        String tooLarge = CHAT.replace("ИИН", "x".repeat(17 * 1024));

        for (int i = 0; i < rounds; i++) {
            count(answered, "forwarded", send("/v1/chat/completions", CHAT));
            count(answered, "blocked", send("/v1/chat/completions", CHAT.replace("ИИН", "ДСП ИИН")));
            count(answered, "unreadable", send("/v1/chat/completions", CHAT.substring(0, 40)));
            count(answered, "no-route", send("/nowhere", CHAT));
            count(answered, "upstream-5xx", send("/failing/chat/completions", CHAT));
            count(answered, "unreachable", send("/down/chat/completions", CHAT));
            count(answered, "too-large", sendChunked(tooLarge));
            count(answered, "client-gone", leaveEarly());
        }

        assertThat(answered)
                .containsEntry("forwarded:200", rounds)
                .containsEntry("blocked:403", rounds)
                .containsEntry("unreadable:400", rounds)
                .containsEntry("no-route:404", rounds)
                .containsEntry("upstream-5xx:500", rounds)
                .containsEntry("too-large:413", rounds)
                .containsEntry("client-gone:499", rounds);
        // unreachable: 502, until the upstream's circuit breaker opens and answers 503 without trying
        assertThat(answered.getOrDefault("unreachable:502", 0) + answered.getOrDefault("unreachable:503", 0))
                .isEqualTo(rounds);
        assertThat(awaitOk("/v1/chat/completions", CHAT).statusCode()).isEqualTo(200);
        gateway.shutdown(Duration.ofSeconds(2));
        gateway = null;
        Map<String, Integer> perRequest = new HashMap<>();
        AuditReader.readAll(dir.resolve("audit"), ring, e -> {
            if (e.record() instanceof ExchangeRecord x) {
                perRequest.merge(x.requestId(), 1, Integer::sum);
            }
        });
        assertThat(perRequest).hasSize(ids.get());
        assertThat(perRequest.values()).containsOnly(1);
    }

    private static void count(Map<String, Integer> answered, String path, int status) {
        answered.merge(path + ":" + status, 1, Integer::sum);
    }

    private HttpRequest request(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.trafficPort() + path))
                .header("Content-Type", "application/json")
                .header("X-Request-Id", "req-" + ids.incrementAndGet())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /**
     * The status of {@code body} sent to {@code path}; sent again while the trail has no room for a moment (its writer
     * syncing), so that each path is taken once admitted.
     */
    private int send(String path, String body) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> r = http.send(request(path, body), HttpResponse.BodyHandlers.ofString());
            if (!auditUnavailable(r.statusCode(), r.body()) || attempt == 100) {
                return r.statusCode();
            }
            ids.decrementAndGet(); // refused before its record was made: no record to count
            Thread.sleep(20);
        }
    }

    private static boolean auditUnavailable(int status, String body) {
        return status == 503 && body.contains("audit_unavailable");
    }

    /** Polls until a request is admitted and answered: a place kept for ever would make it wait in vain. */
    private HttpResponse<String> awaitOk(String path, String body) throws Exception {
        HttpResponse<String> r = null;
        for (int attempt = 0; attempt < 250; attempt++) {
            r = http.send(request(path, body), HttpResponse.BodyHandlers.ofString());
            if (!auditUnavailable(r.statusCode(), r.body())) {
                return r;
            }
            ids.decrementAndGet();
            refusedWhileWaiting++;
            Thread.sleep(20);
        }
        return r;
    }

    /** A chunked body past {@code maxRequestBody}: refused while it is read, after its place was taken. */
    private int sendChunked(String text) throws Exception {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; ; attempt++) {
            try (RawHttp c = new RawHttp(gateway.trafficPort())) {
                c.send("POST /v1/chat/completions HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\n"
                        + "X-Request-Id: req-" + ids.incrementAndGet() + "\r\nTransfer-Encoding: chunked\r\n\r\n");
                c.send(Integer.toHexString(body.length) + "\r\n");
                c.send(body);
                c.send("\r\n0\r\n\r\n");
                RawHttp.Response r = c.readResponse();
                if (!auditUnavailable(r.status(), r.body()) || attempt == 100) {
                    return r.status();
                }
                ids.decrementAndGet();
                Thread.sleep(20);
            }
        }
    }

    /**
     * Sends a request to the slow upstream and leaves before its answer (sent again when refused for room); 499 once
     * the gateway counted the client gone.
     */
    private int leaveEarly() throws Exception {
        byte[] body = CHAT.getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < 100; attempt++) {
            try (RawHttp c = new RawHttp(gateway.trafficPort())) {
                c.send("POST /slow/chat/completions HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\n"
                        + "X-Request-Id: req-" + ids.incrementAndGet() + "\r\nContent-Length: " + body.length
                        + "\r\n\r\n");
                c.send(body);
                c.timeout(Duration.ofMillis(100));
                try {
                    RawHttp.Response r = c.readResponse(); // an answer this soon: refused for room
                    assertThat(auditUnavailable(r.status(), r.body()))
                            .as(r.body())
                            .isTrue();
                    ids.decrementAndGet();
                    continue;
                } catch (SocketTimeoutException e) {
                    // with the upstream, which answers after a second: leave now
                }
            }
            String series = "qorgan_client_aborts_total{route=\"slow\"}";
            for (int wait = 0; wait < 250; wait++) {
                if (Metrics.value(gateway.metrics().scrape(), series) >= aborted + 1) {
                    aborted++;
                    return 499;
                }
                Thread.sleep(10);
            }
            return 0;
        }
        return 0;
    }
}
