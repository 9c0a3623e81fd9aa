package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.RecordedRequest;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.RawHttp;
import io.qorgan.gateway.testing.TestGateways;
import io.qorgan.gateway.transport.Transport;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The proxy core against the simulator over real sockets: faithful relaying, streaming, pooling, limits, failures. */
@IntegrationTest
class GatewayProxyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);
    private static final String CHAT = """
            {"model":"gpt-4o-mini","messages":[{"role":"system","content":"Сіз көмекшісіз."},\
            {"role":"user","content":"Сәлем! Привет, how are you? Emoji: 🇰🇿 ok"}]}""";
    private static final String STREAM_CHAT = CHAT.replace("\"messages\"", "\"stream\":true,\"messages\"");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<AutoCloseable> closeLater = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = closeLater.size() - 1; i >= 0; i--) {
            AutoCloseable c = closeLater.get(i);
            if (c instanceof Gateway g) {
                g.shutdown(Duration.ofSeconds(2));
            } else {
                c.close();
            }
        }
    }

    private AiSimulator sim(SimulatorSettings.Builder settings) {
        AiSimulator sim = AiSimulator.start(settings.clock(FIXED).build());
        closeLater.add(sim);
        return sim;
    }

    private Gateway gateway(AiSimulator sim, String readTimeout, String limits) {
        Gateway g = Gateway.start(TestGateways.config(sim.baseUrl(), readTimeout, limits));
        closeLater.add(g);
        return g;
    }

    private HttpResponse<String> post(int port, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void chatCompletion_throughGateway_bodyIdenticalToDirectCall() throws Exception {
        AiSimulator direct = sim(SimulatorSettings.builder());
        AiSimulator behind = sim(SimulatorSettings.builder());
        Gateway gateway = gateway(behind, "5s", "");

        HttpResponse<String> expected = post(direct.port(), "/v1/chat/completions", CHAT);
        HttpResponse<String> actual = post(gateway.trafficPort(), "/v1/chat/completions", CHAT);

        assertThat(actual.statusCode()).isEqualTo(200);
        assertThat(actual.body()).isEqualTo(expected.body());
        assertThat(JSON.readTree(actual.body()).at("/choices/0/message/content").asText())
                .isEqualTo("Сәлем! Привет, how are you? Emoji: 🇰🇿 ok");
        assertThat(actual.headers().firstValue("x-request-id")).isPresent();
    }

    @Test
    void streamedChat_throughGateway_eventsIdenticalToDirectCall() throws Exception {
        AiSimulator direct = sim(SimulatorSettings.builder().chunkChars(3));
        AiSimulator behind = sim(SimulatorSettings.builder().chunkChars(3));
        Gateway gateway = gateway(behind, "5s", "");

        HttpResponse<String> expected = post(direct.port(), "/v1/chat/completions", STREAM_CHAT);
        HttpResponse<String> actual = post(gateway.trafficPort(), "/v1/chat/completions", STREAM_CHAT);

        assertThat(actual.statusCode()).isEqualTo(200);
        assertThat(actual.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        List<String> events = List.of(actual.body().split("\n\n"));
        assertThat(events).isEqualTo(List.of(expected.body().split("\n\n")));
        assertThat(events.size()).isGreaterThan(10);
        assertThat(events.get(events.size() - 1)).isEqualTo("data: [DONE]");
    }

    /** The other tests run on the transport {@code auto} picks; the others must relay the same bytes. */
    @ParameterizedTest
    @ValueSource(strings = {"io_uring", "epoll", "nio"})
    void chatAndStream_overEachTransport_identicalToDirectCall(String transport) throws Exception {
        assumeTrue(Transport.available(transport), transport + " cannot run on this machine");
        AiSimulator direct = sim(SimulatorSettings.builder().chunkChars(3));
        AiSimulator behind = sim(SimulatorSettings.builder().chunkChars(3));
        Gateway gateway = gateway(behind, "5s", "limits: { transport: " + transport + " }");

        for (String body : List.of(CHAT, STREAM_CHAT, CHAT)) {
            HttpResponse<String> expected = post(direct.port(), "/v1/chat/completions", body);
            HttpResponse<String> actual = post(gateway.trafficPort(), "/v1/chat/completions", body);

            assertThat(actual.statusCode()).isEqualTo(200);
            assertThat(actual.body()).isEqualTo(expected.body());
        }
        assertThat(gateway.upstream("sim").connectionsOpened()).isEqualTo(1);
    }

    @Test
    void stream_arrivesEventByEvent_notBufferedWhole() throws Exception {
        // The simulator pauses 300 ms between events; the first event must reach the client
        // while the upstream is still producing the rest.
        AiSimulator behind = sim(SimulatorSettings.builder().chunkChars(2).chunkDelayMillis(300));
        Gateway gateway = gateway(behind, "5s", "");
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            String line = c.postJson("/v1/chat/completions", STREAM_CHAT).firstDataLine();
            assertThat(line).startsWith("data: {");
            assertThat(behind.requestsServed())
                    .as("upstream still streaming when the first event arrived")
                    .isZero();
        }
    }

    @Test
    void request_upstreamReceivesSameBodyAndForwardingHeaders() throws Exception {
        AiSimulator behind = sim(SimulatorSettings.builder());
        Gateway gateway = gateway(behind, "5s", "");
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            RawHttp.Response r = c.send("POST /v1/chat/completions HTTP/1.1\r\nHost: gateway.local\r\n"
                            + "Content-Type: application/json\r\nConnection: keep-alive, X-Drop-Me\r\nX-Drop-Me: 1\r\n"
                            + "Keep-Alive: timeout=5\r\nAccept-Encoding: gzip\r\nx-request-id: trace-42\r\n"
                            + "Content-Length: " + CHAT.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + CHAT)
                    .readResponse();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.headers().get("x-request-id")).isEqualTo("trace-42");
        }
        RecordedRequest seen = behind.recordedRequests().get(0);
        assertThat(seen.bodyText()).isEqualTo(CHAT);
        assertThat(seen.path()).isEqualTo("/v1/chat/completions");
        assertThat(seen.header("x-request-id")).isEqualTo("trace-42");
        assertThat(seen.header("x-forwarded-for")).isEqualTo("127.0.0.1");
        assertThat(seen.header("forwarded")).isEqualTo("for=127.0.0.1;proto=http;host=\"gateway.local\"");
        assertThat(seen.header("host")).isEqualTo("127.0.0.1:" + behind.port());
        assertThat(seen.header("x-drop-me")).isNull();
        assertThat(seen.header("keep-alive")).isNull();
        assertThat(seen.header("accept-encoding")).isEqualTo("identity"); // the gateway reads every answer it relays
    }

    @Test
    void thousandRequests_oneClientConnection_oneUpstreamConnection() throws Exception {
        AiSimulator behind = sim(SimulatorSettings.builder().recordLimit(5));
        Gateway gateway = gateway(behind, "5s", "");
        byte[] body = CHAT.getBytes(StandardCharsets.UTF_8);
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            for (int i = 0; i < 1000; i++) {
                c.send(
                        "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                                + body.length + "\r\n\r\n");
                c.send(body);
                assertThat(c.readResponse().status()).isEqualTo(200);
            }
        }
        assertThat(behind.requestsServed()).isEqualTo(1000);
        assertThat(behind.connectionsAccepted()).isEqualTo(1);
        assertThat(gateway.upstream("sim").connectionsOpened()).isEqualTo(1);
    }

    @Test
    void manyParallelClients_upstreamConnectionsStayWithinPool() throws Exception {
        AiSimulator behind = sim(SimulatorSettings.builder().ttftMillis(20));
        Gateway gateway = gateway(behind, "5s", "");
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            all.add(http.sendAsync(
                    HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + gateway.trafficPort() + "/v1/chat/completions"))
                            .POST(HttpRequest.BodyPublishers.ofString(CHAT))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (var f : all) {
            assertThat(f.get().statusCode()).isEqualTo(200);
        }
        // maxConnections: 8 in the test configuration
        assertThat(behind.connectionsAccepted()).isLessThanOrEqualTo(8);
    }

    @Test
    void bodyJustUnderLimit_passes_justOver_413() throws Exception {
        AiSimulator behind = sim(SimulatorSettings.builder());
        Gateway gateway = gateway(behind, "5s", "limits: { maxRequestBody: 4KB }");
        String prefix = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"";
        String suffix = "\"}]}";
        String under = prefix + "a".repeat(4096 - prefix.length() - suffix.length()) + suffix;
        String over = prefix + "a".repeat(4097 - prefix.length() - suffix.length()) + suffix;
        assertThat(under.length()).isEqualTo(4096);

        HttpResponse<String> ok = post(gateway.trafficPort(), "/v1/chat/completions", under);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(behind.recordedRequests().get(0).body()).hasSize(4096);

        HttpResponse<String> tooLarge = post(gateway.trafficPort(), "/v1/chat/completions", over);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(tooLarge.body()).at("/error/code").asText()).isEqualTo("request_too_large");
        assertThat(behind.requestsServed()).isEqualTo(1);
    }

    @Test
    void upstreamSlowerThanReadTimeout_504() throws Exception {
        AiSimulator behind = sim(SimulatorSettings.builder().slowHeadersMillis(3000));
        Gateway gateway = gateway(behind, "300ms", "");
        HttpResponse<String> r = post(gateway.trafficPort(), "/v1/chat/completions", CHAT);
        assertThat(r.statusCode()).isEqualTo(504);
        JsonNode error = JSON.readTree(r.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("upstream_timeout");
        assertThat(error.path("type").asText()).isEqualTo("upstream_error");
    }

    @Test
    void upstreamErrorStatus_relayedAsIs() throws Exception {
        AiSimulator behind = sim(SimulatorSettings.builder().errorRate(1.0).errorStatus(429));
        AiSimulator direct = sim(SimulatorSettings.builder().errorRate(1.0).errorStatus(429));
        Gateway gateway = gateway(behind, "5s", "");
        HttpResponse<String> expected = post(direct.port(), "/v1/chat/completions", CHAT);
        HttpResponse<String> actual = post(gateway.trafficPort(), "/v1/chat/completions", CHAT);
        assertThat(actual.statusCode()).isEqualTo(429);
        assertThat(actual.body()).isEqualTo(expected.body());
    }

    @Test
    void idleTimeout_closesQuietKeepAliveConnection_neverCutsALongerStream() throws Exception {
        // events 100 ms apart: the stream lasts about two idle timeouts
        AiSimulator behind = sim(SimulatorSettings.builder().chunkChars(2).chunkDelayMillis(100));
        Gateway gateway = gateway(behind, "5s", "limits: { idleTimeout: 1s }");
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            RawHttp.Response streamed =
                    c.postJson("/v1/chat/completions", STREAM_CHAT).readResponse();
            assertThat(streamed.status()).isEqualTo(200);
            assertThat(streamed.body()).endsWith("data: [DONE]\n\n");

            Thread.sleep(300); // quiet, but for less than the timeout since the answer ended
            RawHttp.Response next = c.postJson("/v1/chat/completions", CHAT).readResponse();
            assertThat(next.status()).isEqualTo(200);

            assertThat(c.closedByServer())
                    .as("closed once quiet for the timeout")
                    .isTrue();
        }
    }

    @Test
    void clientAbortsMidStream_upstreamSeesDisconnect() throws Exception {
        AiSimulator behind = sim(SimulatorSettings.builder().chunkChars(1).chunkDelayMillis(50));
        Gateway gateway = gateway(behind, "5s", "");
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            String line = c.postJson("/v1/chat/completions", STREAM_CHAT).firstDataLine();
            assertThat(line).startsWith("data:");
        }
        awaitValue(behind::streamsAbortedByClient, 1);
        awaitValue(() -> gateway.upstream("sim").openConnections(), 0);
        assertThat(gateway.metrics().scrape()).contains("qorgan_client_aborts_total{route=\"v1\"} 1.0");
    }

    /** SDKs close on {@code data: [DONE]}; here the upstream's own end of the answer comes 300 ms after it. */
    @Test
    void clientLeavesOnTheFinalEvent_countedAsSuccessNotAbort() throws Exception {
        AiSimulator behind = sim(SimulatorSettings.builder().chunkChars(8).chunkDelayMillis(300));
        Gateway gateway = gateway(behind, "5s", "");
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            c.postJson("/v1/chat/completions", STREAM_CHAT);
            BufferedReader reader = new BufferedReader(new InputStreamReader(c.input(), StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null && !line.equals("data: [DONE]")) {
                // the events before the final one
            }
            assertThat(line).isEqualTo("data: [DONE]");
        }
        awaitValue(() -> gateway.metrics().scrape().contains("qorgan_exchanges_in_flight 0.0") ? 1 : 0, 1);
        String metrics = gateway.metrics().scrape();
        assertThat(metrics)
                .contains("qorgan_requests_total{route=\"v1\",status=\"200\",upstream=\"sim\"} 1.0")
                .doesNotContain("status=\"499\"")
                .doesNotContain("qorgan_client_aborts_total{route=\"v1\"} 1.0");
    }

    @Test
    void upstreamDisconnectsMidStream_streamEndsWithErrorEvent_connectionStaysUsable() throws Exception {
        AiSimulator behind = sim(SimulatorSettings.builder().chunkChars(1).disconnectAfterChunks(5));
        Gateway gateway = gateway(behind, "5s", "");
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            c.postJson("/v1/chat/completions", STREAM_CHAT);
            String text = c.readUntilChunkedEnd();
            assertThat(text)
                    .startsWith("HTTP/1.1 200")
                    .contains("data: {")
                    .contains("\"code\":\"upstream_failed\"")
                    .doesNotContain("[DONE]")
                    .endsWith("\r\n0\r\n\r\n");
            // the answer ended as HTTP ends one: a client that pooled the connection may send its next request on it
            assertThat(c.postJson("/v1/chat/completions", CHAT).readResponse().status())
                    .isEqualTo(200);
        }
    }

    @Test
    void shutdown_inFlightStreamFinishes_newConnectionsRefused() throws Exception {
        AiSimulator behind = sim(SimulatorSettings.builder().chunkChars(4).chunkDelayMillis(40));
        Gateway gateway = Gateway.start(TestGateways.config(behind.baseUrl(), "5s", ""));
        var inFlight = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.trafficPort() + "/v1/chat/completions"))
                        .POST(HttpRequest.BodyPublishers.ofString(STREAM_CHAT))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        awaitValue(() -> gateway.metrics().scrape().contains("qorgan_exchanges_in_flight 1.0") ? 1 : 0, 1);
        int port = gateway.trafficPort();
        gateway.shutdown(Duration.ofSeconds(10));
        HttpResponse<String> finished = inFlight.get();
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(finished.body()).endsWith("data: [DONE]\n\n");
        assertThat(canConnect(port)).isFalse();
    }

    private static boolean canConnect(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits for an observable to reach a value; fails after a generous deadline (not a timing assertion). */
    static void awaitValue(IntSupplier value, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (value.getAsInt() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(value.getAsInt()).isEqualTo(expected);
    }

    /**
     * The gateway asks upstreams for uncompressed answers; one that compresses anyway cannot be restored or scanned, so a
     * protected exchange refuses it, while an unprotected route passes it as it came.
     */
    @Test
    void upstreamCompressesAnyway_protectedAnswerRefused502_unprotectedPassedAsItCame() throws Exception {
        try (AiSimulator gzipping = AiSimulator.start(
                        SimulatorSettings.builder().gzipAnswers(true).build());
                Gateway g = Gateway.start(TestGateways.config(
                        gzipping.baseUrl(), "10s", "  - { pathPrefix: /plain, upstream: sim, protect: false }"))) {
            ObjectNode req = JSON.createObjectNode().put("model", "m");
            req.putArray("messages").addObject().put("role", "user").put("content", "Сәлем! ЖСН 900515301234");
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Function<String, HttpRequest> post = path -> {
                try {
                    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + g.trafficPort() + path))
                            .header("Content-Type", "application/json")
                            .header("Accept-Encoding", "gzip")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(req)))
                            .build();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };

            HttpResponse<byte[]> refused =
                    client.send(post.apply("/v1/chat/completions"), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(refused.statusCode()).isEqualTo(502);
            assertThat(JSON.readTree(refused.body()).at("/error/code").asText()).isEqualTo("compressed_answer");
            assertThat(gzipping.recordedRequests().get(0).header("accept-encoding"))
                    .isEqualTo("identity");

            HttpResponse<byte[]> passed =
                    client.send(post.apply("/plain/chat/completions"), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(passed.statusCode()).isEqualTo(200);
            assertThat(passed.headers().firstValue("content-encoding")).hasValue("gzip");
            try (var in = new GZIPInputStream(new ByteArrayInputStream(passed.body()))) {
                assertThat(JSON.readTree(in).at("/choices/0/message/content").asText())
                        .isEqualTo("Сәлем! ЖСН 900515301234");
            }
        }
    }
}
