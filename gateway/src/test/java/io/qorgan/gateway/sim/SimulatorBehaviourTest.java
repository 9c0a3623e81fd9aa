package io.qorgan.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.transport.Transport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Recording, faults, keep-alive, cut and abandoned streams, pacing and the lifecycle. */
@IntegrationTest
class SimulatorBehaviourTest {

    private static final String CHAT =
            "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"%s\"}]%s}";

    private static String chat(String text, boolean stream) {
        return CHAT.formatted(text, stream ? ",\"stream\":true" : "");
    }

    @Test
    void recordedRequests_afterRequests_returnExactBytesMethodPathAndHeadersNewestLast() {
        // Odd spacing and escapes on purpose: the record must be the bytes sent, not a re-serialisation.
        String first =
                "{ \"model\" : \"m\",\n \"messages\":[{\"role\":\"user\",\"content\":\"ИИН 990101300123 \\u0041 😀\"}] }";
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            SimHttp http = new SimHttp(sim);
            http.post("/v1/chat/completions?trace=1", first);
            http.post("/api/generate", "{\"model\":\"llama3.2\",\"prompt\":\"Сәлем\",\"stream\":false}");

            List<RecordedRequest> records = sim.recordedRequests();
            assertThat(records).hasSize(2);
            RecordedRequest r = records.get(0);
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/v1/chat/completions?trace=1");
            assertThat(r.body()).isEqualTo(first.getBytes(StandardCharsets.UTF_8));
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(records.get(1).path()).isEqualTo("/api/generate");

            JsonNode overHttp = SimHttp.json(http.get("/_sim/requests").body());
            assertThat(overHttp).hasSize(2);
            assertThat(overHttp.get(0).path("method").asText()).isEqualTo("POST");
            assertThat(overHttp.get(0).path("path").asText()).isEqualTo("/v1/chat/completions?trace=1");
            assertThat(overHttp.get(0).path("body").asText()).isEqualTo(first);
            assertThat(overHttp.get(0).at("/headers/content-type").asText()).isEqualTo("application/json");
            assertThat(overHttp.get(1).path("body").asText()).contains("Сәлем");

            assertThat(http.delete("/_sim/requests").statusCode()).isEqualTo(204);
            assertThat(sim.recordedRequests()).isEmpty();
            assertThat(SimHttp.json(http.get("/_sim/requests").body())).isEmpty();
        }
    }

    @Test
    void recordedRequests_moreThanLimit_keepsLatestOnly() {
        try (AiSimulator sim =
                AiSimulator.start(SimulatorSettings.builder().recordLimit(2).build())) {
            SimHttp http = new SimHttp(sim);
            for (int i = 1; i <= 4; i++) {
                http.post("/v1/chat/completions", chat("n" + i, false));
            }

            assertThat(sim.recordedRequests())
                    .extracting(RecordedRequest::bodyText)
                    .containsExactly(chat("n3", false), chat("n4", false));
            sim.clearRecorded();
            assertThat(sim.recordedRequests()).isEmpty();
        }
    }

    @Test
    void anyAnswer_always_carriesReceivedBodySize() {
        String body = chat("Сәлем", false);
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            HttpResponse<String> response = new SimHttp(sim).post("/v1/chat/completions", body);

            assertThat(response.headers().firstValue("x-sim-received-bytes"))
                    .hasValue(String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
            assertThat(sim.requestsServed()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 503})
    void faults_rateOne_answerStatusInEachApisErrorShape(int status) {
        SimulatorSettings settings =
                SimulatorSettings.builder().errorRate(1.0).errorStatus(status).build();
        try (AiSimulator sim = AiSimulator.start(settings)) {
            SimHttp http = new SimHttp(sim);

            HttpResponse<String> openAi = http.post("/v1/chat/completions", chat("x", true));
            assertThat(openAi.statusCode()).isEqualTo(status);
            assertThat(SimHttp.json(openAi.body()).at("/error/message").asText())
                    .isNotEmpty();
            assertThat(SimHttp.json(openAi.body()).at("/error/type").isTextual())
                    .isTrue();

            HttpResponse<String> anthropic = http.post(
                    "/v1/messages",
                    "{\"model\":\"c\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
            assertThat(anthropic.statusCode()).isEqualTo(status);
            assertThat(SimHttp.json(anthropic.body()).path("type").asText()).isEqualTo("error");
            assertThat(SimHttp.json(anthropic.body()).at("/error/type").asText())
                    .isNotEmpty();

            HttpResponse<String> ollama = http.post("/api/chat", "{\"model\":\"l\",\"messages\":[]}");
            assertThat(ollama.statusCode()).isEqualTo(status);
            assertThat(SimHttp.json(ollama.body()).path("error").isTextual()).isTrue();

            assertThat(sim.recordedRequests()).hasSize(3);
        }
    }

    @Test
    void faults_rateZero_neverFail() {
        try (AiSimulator sim =
                AiSimulator.start(SimulatorSettings.builder().errorRate(0.0).build())) {
            SimHttp http = new SimHttp(sim);
            for (int i = 0; i < 5; i++) {
                assertThat(http.post("/v1/chat/completions", chat("x", false)).statusCode())
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void faults_sameSeed_failTheSameRequests() {
        SimulatorSettings settings = SimulatorSettings.builder()
                .errorRate(0.5)
                .errorStatus(503)
                .faultSeed(7)
                .build();
        assertThat(statuses(settings)).isEqualTo(statuses(settings)).contains(200, 503);
    }

    private static List<Integer> statuses(SimulatorSettings settings) {
        try (AiSimulator sim = AiSimulator.start(settings)) {
            SimHttp http = new SimHttp(sim);
            return IntStream.range(0, 20)
                    .mapToObj(i ->
                            http.post("/v1/chat/completions", chat("x", false)).statusCode())
                    .toList();
        }
    }

    @Test
    void unknownRoute_any_returns404InOpenAiShape() {
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            HttpResponse<String> response = new SimHttp(sim).post("/v1/nothing-here", "{}");

            assertThat(response.statusCode()).isEqualTo(404);
            JsonNode error = SimHttp.json(response.body()).path("error");
            assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
            assertThat(error.path("code").asText()).isEqualTo("not_found");
            assertThat(error.path("message").asText()).contains("/v1/nothing-here");
            assertThat(sim.recordedRequests()).hasSize(1);
        }
    }

    @Test
    void chatCompletions_malformedJson_returns400InOpenAiShape() {
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            HttpResponse<String> response = new SimHttp(sim).post("/v1/chat/completions", "{\"model\":");

            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode error = SimHttp.json(response.body()).path("error");
            assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
            assertThat(error.path("message").asText()).isNotEmpty();
        }
    }

    @Test
    void keepAlive_severalRequestsIncludingStreams_useOneConnection() {
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            SimHttp http = new SimHttp(sim);
            http.post("/v1/chat/completions", chat("one", false));
            http.post("/v1/chat/completions", chat("two", true));
            http.post("/api/chat", "{\"model\":\"l\",\"messages\":[{\"role\":\"user\",\"content\":\"three\"}]}");
            http.get("/v1/models");

            assertThat(sim.connectionsAccepted()).isEqualTo(1);
            assertThat(sim.requestsServed()).isEqualTo(4);
        }
    }

    @Test
    void keepAlive_pipelinedRequestsOnRawSocket_answeredInOrderOnOneConnection() throws IOException {
        try (AiSimulator sim = AiSimulator.start(
                        SimulatorSettings.builder().chunkDelayMillis(1).build());
                Socket socket = new Socket("127.0.0.1", sim.port())) {
            SimHttp.writeRawPost(socket, "/v1/chat/completions", chat("first", true));
            SimHttp.writeRawPost(socket, "/v1/chat/completions", chat("second", false));
            String both = SimHttp.readUntil(socket, "\"content\":\"second\"");

            assertThat(both.indexOf("data: [DONE]")).isPositive().isLessThan(both.indexOf("\"content\":\"second\""));
            assertThat(sim.connectionsAccepted()).isEqualTo(1);
        }
    }

    @Test
    void disconnectAfterChunks_streaming_cutsStreamWithoutDone() throws IOException {
        SimulatorSettings settings =
                SimulatorSettings.builder().disconnectAfterChunks(3).build();
        try (AiSimulator sim = AiSimulator.start(settings);
                Socket socket = new Socket("127.0.0.1", sim.port())) {
            SimHttp.writeRawPost(
                    socket, "/v1/chat/completions", chat("a long enough answer to need many chunks", true));
            String received = SimHttp.readToEnd(socket);

            assertThat(received).startsWith("HTTP/1.1 200");
            assertThat(received).contains("transfer-encoding: chunked");
            assertThat(received.split("data: ", -1)).hasSize(4);
            assertThat(received).doesNotContain("[DONE]").doesNotContain("\r\n0\r\n\r\n");
            assertThat(sim.streamsAbortedByClient()).isZero();
        }
    }

    @Test
    void clientClosesMidStream_streamIsCountedAsAbortedAndStopped() throws Exception {
        SimulatorSettings settings =
                SimulatorSettings.builder().chunkDelayMillis(20).chunkChars(1).build();
        try (AiSimulator sim = AiSimulator.start(settings)) {
            try (Socket socket = new Socket("127.0.0.1", sim.port())) {
                SimHttp.writeRawPost(socket, "/v1/chat/completions", chat("x".repeat(500), true));
                assertThat(SimHttp.readUntil(socket, "\n\n")).contains("data: ");
            }

            awaitValue(sim::streamsAbortedByClient, 1);
            awaitValue(sim::openConnections, 0);
            assertThat(sim.requestsServed()).isZero();
        }
    }

    @Test
    void pacing_delaysConfigured_answersStillComplete() {
        SimulatorSettings settings = SimulatorSettings.builder()
                .slowHeadersMillis(5)
                .ttftMillis(5)
                .chunkDelayMillis(1)
                .build();
        try (AiSimulator sim = AiSimulator.start(settings)) {
            SimHttp http = new SimHttp(sim);
            List<SimHttp.Sse> events = SimHttp.sse(
                    http.post("/v1/chat/completions", chat("Сәлем, әлем", true)).body());
            JsonNode whole = SimHttp.json(http.post("/v1/chat/completions", chat("Сәлем, әлем", false))
                    .body());

            assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
            assertThat(whole.at("/choices/0/message/content").asText()).isEqualTo("Сәлем, әлем");
        }
    }

    @Test
    void start_sharedGroupOfTheGatewaysTransport_serves() {
        // io_uring or epoll where the machine has them: the server channel must match the group.
        Transport transport = Transport.select("auto");
        EventLoopGroup group = transport.newGroup(1, "test-shared");
        try (AiSimulator sim = AiSimulator.start(
                SimulatorSettings.builder().eventLoopGroup(group).build())) {
            assertThat(new SimHttp(sim)
                            .post("/v1/chat/completions", chat("hi", false))
                            .statusCode())
                    .as(transport.name())
                    .isEqualTo(200);
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
        }
    }

    @Test
    void start_sharedEventLoopGroup_closesSimulatorButNotGroup() {
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            try (AiSimulator sim = AiSimulator.start(
                    SimulatorSettings.builder().eventLoopGroup(group).build())) {
                assertThat(new SimHttp(sim)
                                .post("/v1/chat/completions", chat("hi", false))
                                .statusCode())
                        .isEqualTo(200);
                assertThat(sim.baseUrl()).isEqualTo("http://127.0.0.1:" + sim.port());
            }
            assertThat(group.isShuttingDown()).isFalse();
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
        }
    }

    @Test
    void start_portInUse_failsWithBindException() {
        try (AiSimulator first = AiSimulator.start(SimulatorSettings.builder().build())) {
            SimulatorSettings same =
                    SimulatorSettings.builder().port(first.port()).build();

            assertThatThrownBy(() -> AiSimulator.start(same))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(BindException.class)
                    .hasMessageContaining("port " + first.port() + " is in use");
        }
    }

    @Test
    void settings_invalidValue_failsNamingIt() {
        assertThatThrownBy(() -> SimulatorSettings.builder().errorRate(1.5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("errorRate");
        assertThatThrownBy(() -> SimulatorSettings.builder().errorStatus(404).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("errorStatus");
    }

    /** Waits (bounded) for a counter that is updated on the event loop after the client acted. */
    private static void awaitValue(IntSupplier counter, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (counter.getAsInt() != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        assertThat(counter.getAsInt()).isEqualTo(expected);
    }

    @Test
    void answerBodyAndType_replaceSuccessfulWholeAnswersOnly() {
        byte[] fixed = "Позвоните: +7 701 555 12 34".getBytes(StandardCharsets.UTF_8);
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder()
                .answerBody(fixed)
                .answerContentType("text/plain; charset=utf-8")
                .build())) {
            SimHttp http = new SimHttp(sim);
            HttpResponse<String> ok = http.post("/v1/chat/completions", chat("hi", false));
            assertThat(ok.body()).isEqualTo("Позвоните: +7 701 555 12 34");
            assertThat(ok.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
            HttpResponse<String> missing = http.post("/v1/nowhere", chat("hi", false));
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("content-type")).hasValue("application/json");
            assertThat(http.post("/v1/chat/completions", chat("hi", true)).body())
                    .as("streams stay streams")
                    .contains("data: ");
        }
    }

    @Test
    void gzipUnlabelled_compressesWithoutContentEncoding() throws Exception {
        try (AiSimulator sim = AiSimulator.start(
                SimulatorSettings.builder().gzipUnlabelled(true).build())) {
            HttpResponse<byte[]> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v1/chat/completions"))
                                    .header("content-type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(chat("hi", false)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.headers().firstValue("content-encoding")).isEmpty();
            assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .contains("chat.completion");
            }
        }
    }
}
