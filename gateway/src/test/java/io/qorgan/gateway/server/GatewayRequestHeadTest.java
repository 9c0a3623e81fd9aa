package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.RecordedRequest;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.Metrics;
import io.qorgan.gateway.testing.RawHttp;
import io.qorgan.gateway.testing.TestGateways;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the gateway checks in a request's head before identifying or routing it, over raw sockets (an HTTP client would
 * normalise the bytes): paths with dot segments, backslashes or encoded slashes; several or no {@code Host}; a
 * {@code TE} or {@code Transfer-Encoding} it would not honour; media types that do not parse; request ids of an
 * unsafe shape; gateway keys, trace context and forwarding headers on their way upstream. Canary values are
 * synthetic; none may reach the simulator or the log.
 */
@IntegrationTest
class GatewayRequestHeadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IIN = "900515301234";
    private static final String DIGITS_ID = "871114403172";
    private static final String ID_WITH_IIN = "req-" + IIN + "-x";
    private static final String GATEWAY_KEY = "qg_ab12cd34_" + "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0aGF3a2V";
    private static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";

    private static AiSimulator sim;
    private static Gateway gateway;

    @BeforeAll
    static void start() {
        sim = AiSimulator.start(SimulatorSettings.builder().recordLimit(20).build());
        gateway = Gateway.start(TestGateways.config(sim.baseUrl(), "10s", ""));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.shutdown(Duration.ofSeconds(2));
        sim.close();
        Path log = Path.of(System.getProperty("qorgan.test.log", "target/test-logs/qorgan-test.log"));
        if (Files.exists(log)) {
            assertThat(Files.readString(log, StandardCharsets.UTF_8))
                    .as("refused request ids and gateway keys are never logged")
                    .doesNotContain(DIGITS_ID)
                    .doesNotContain(ID_WITH_IIN)
                    .doesNotContain(GATEWAY_KEY);
        }
    }

    @BeforeEach
    void clear() {
        sim.clearRecorded();
    }

    private static RawHttp.Response send(String head) throws Exception {
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            return c.send(head).readResponse();
        }
    }

    private static RawHttp.Response post(String path, String extraHeaders) throws Exception {
        return send("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + extraHeaders
                + "Content-Length: " + CHAT.length() + "\r\n\r\n" + CHAT);
    }

    private static void assertRefused(RawHttp.Response r, String code) throws Exception {
        assertThat(r.status()).isEqualTo(400);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.at("/error/code").asText()).isEqualTo(code);
        assertThat(body.at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(body.path("request_id").asText()).isEqualTo(r.headers().get("x-request-id"));
        assertThat(sim.recordedRequests()).as("nothing forwarded").isEmpty();
    }

    private static RecordedRequest forwarded() {
        List<RecordedRequest> seen = sim.recordedRequests();
        assertThat(seen).hasSize(1);
        return seen.get(0);
    }

    private static double metric(String series) {
        return Metrics.value(gateway.metrics().scrape(), series);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v1/../admin",
                "/v1/./models",
                "/v1/models/..",
                "/v1/%2e%2e/admin",
                "/v1/%2E%2e/admin",
                "/v1/.%2E/admin",
                "/v1/%2e./admin",
                "/v1/%2e/models",
                "/v1/..;jsessionid=1/admin",
                "/v1/%252e%252e/admin",
                "/v1/a%2fb",
                "/v1/a%2F..%2Fb",
                "/v1/a%5cb",
                "/v1\\..\\admin",
                "/v1/a%00b"
            })
    void path_dotSegmentsBackslashesEncodedSlashes_400InvalidPathBeforeRouting(String path) throws Exception {
        assertRefused(send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n"), "invalid_path");
    }

    @Test
    void path_dotsInsideSegmentsAndInTheQuery_forwardedAsTheyCame() throws Exception {
        RawHttp.Response r = send("GET /v1/models/gpt-4.1/a..b/...?next=../x HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(r.status()).isNotEqualTo(400);
        assertThat(forwarded().path()).isEqualTo("/v1/models/gpt-4.1/a..b/...?next=../x");
    }

    @Test
    void path_dotSegmentsOnAnUnprotectedRouteUnderATenantBasePath_refused() throws Exception {
        Gateway tenant = Gateway.start(ConfigLoader.parse("tenant.yaml", """
                listeners:
                  traffic: { host: 127.0.0.1, port: 0 }
                  admin: { host: 127.0.0.1, port: 0 }
                upstreams:
                  tenant-a: { baseUrl: "%s/tenant-a/v1" }
                routes:
                  - { pathPrefix: /v1, upstream: tenant-a, protect: false }
                """.formatted(sim.baseUrl())));
        try (RawHttp c = new RawHttp(tenant.trafficPort())) {
            RawHttp.Response r = c.send("GET /v1/../../tenant-b/v1/models HTTP/1.1\r\nHost: x\r\n\r\n")
                    .readResponse();
            assertRefused(r, "invalid_path");
        } finally {
            tenant.shutdown(Duration.ofSeconds(2));
        }
    }

    @Test
    void host_severalOrNoneOrNotAHost_400MalformedRequest() throws Exception {
        assertRefused(send("GET /v1/models HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"), "malformed_request");
        assertRefused(send("GET /v1/models HTTP/1.1\r\n\r\n"), "malformed_request");
        assertRefused(send("GET /v1/models HTTP/1.1\r\nHost: a/b@c\r\n\r\n"), "malformed_request");
    }

    @Test
    void host_hostNamesAndAddresses_forwarded() throws Exception {
        for (String host : List.of("api.example.kz", "api.example.kz:8443", "10.0.0.1:80", "[::1]:8080")) {
            sim.clearRecorded();
            assertThat(send("GET /v1/models HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
                            .status())
                    .as(host)
                    .isEqualTo(200);
            assertThat(forwarded().path()).isEqualTo("/v1/models");
        }
    }

    @Test
    void te_otherThanTrailers_400() throws Exception {
        assertRefused(post("/v1/chat/completions", "TE: gzip, chunked\r\n"), "malformed_request");
        assertRefused(post("/v1/chat/completions", "TE: trailers, deflate\r\n"), "malformed_request");
        assertThat(post("/v1/chat/completions", "TE: trailers\r\n").status()).isEqualTo(200);
    }

    @Test
    void transferEncoding_aCodingBeforeChunked_400() throws Exception {
        String chunked = Integer.toHexString(CHAT.length()) + "\r\n" + CHAT + "\r\n0\r\n\r\n";
        assertRefused(
                send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: gzip, chunked\r\n\r\n" + chunked),
                "malformed_request");
    }

    @Test
    void mediaTypes_notParsing_400() throws Exception {
        assertRefused(post("/v1/chat/completions", "Accept: text html\r\n"), "malformed_request");
        assertRefused(
                send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: json\r\nContent-Length: "
                        + CHAT.length() + "\r\n\r\n" + CHAT),
                "malformed_request");
    }

    @Test
    void mediaTypes_parametersOtherThanCharsetAndQ_scannedLikeClientHeaders() throws Exception {
        String name = "Ахметов Нұрлан Серікұлы";
        byte[] body = CHAT.getBytes(StandardCharsets.UTF_8);
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            c.send(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
                            + "Content-Type: application/json; charset=utf-8; profile=\"" + name + "\"\r\n"
                            + "Accept: application/json;q=0.9, text/event-stream; user=" + IIN + "\r\n"
                            + "Content-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(c.send(body).readResponse().status()).isEqualTo(200);
        }
        RecordedRequest seen = forwarded();
        String headers =
                new String(seen.headers().toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        assertThat(headers).doesNotContain(IIN).doesNotContain("Ахметов").doesNotContain("Нұрлан");
        assertThat(seen.header("accept")).isEqualTo("application/json;q=0.9, text/event-stream; user=[IIN_1]");
        assertThat(seen.header("content-type")).startsWith("application/json; charset=utf-8; profile=\"[PERSON_");
    }

    @Test
    void requestId_digitsOnlyOrHoldingPersonalData_replacedByAFreshOne_neverForwarded() throws Exception {
        String series = "qorgan_request_headers_dropped_total{reason=\"request_id\"}";
        double before = metric(series);
        for (String unsafe : List.of(DIGITS_ID, ID_WITH_IIN)) {
            sim.clearRecorded();
            RawHttp.Response r = post("/v1/chat/completions", "X-Request-Id: " + unsafe + "\r\n");
            assertThat(r.status()).isEqualTo(200);
            String fresh = r.headers().get("x-request-id");
            assertThat(fresh).matches("[0-9a-f]{32}");
            RecordedRequest seen = forwarded();
            assertThat(seen.header("x-request-id")).isEqualTo(fresh);
            assertThat(seen.headers().toString()).doesNotContain(unsafe).doesNotContain(IIN);
        }
        assertThat(metric(series)).isEqualTo(before + 2);
    }

    @Test
    void requestId_safeShape_keptEndToEnd() throws Exception {
        RawHttp.Response r = post("/v1/chat/completions", "X-Request-Id: trace-7f3a.batch:12\r\n");
        assertThat(r.headers().get("x-request-id")).isEqualTo("trace-7f3a.batch:12");
        assertThat(forwarded().header("x-request-id")).isEqualTo("trace-7f3a.batch:12");
    }

    @Test
    void gatewayKey_inAnyHeader_neverReachesTheUpstream() throws Exception {
        String series = "qorgan_request_headers_dropped_total{reason=\"gateway_key\"}";
        double before = metric(series);
        RawHttp.Response r = post(
                "/v1/chat/completions",
                "Authorization: Bearer " + GATEWAY_KEY + "\r\n" + "x-api-key: " + GATEWAY_KEY + "\r\n" + "api-key: "
                        + GATEWAY_KEY + "\r\n" + "X-Note: the key is " + GATEWAY_KEY + ", keep it\r\n");
        assertThat(r.status()).isEqualTo(200);
        RecordedRequest seen = forwarded();
        assertThat(seen.headers().toString()).doesNotContain(GATEWAY_KEY).doesNotContain("Zm9vYmFy");
        assertThat(seen.header("x-note")).isNull();
        assertThat(metric(series)).isEqualTo(before + 1);
    }

    @Test
    void upstreamKeysOfTheCallerInQuickStart_stillPass() throws Exception {
        post("/v1/chat/completions", "Authorization: Bearer sk-caller-own-key\r\napi-key: azure-caller-key\r\n");
        RecordedRequest seen = forwarded();
        assertThat(seen.header("authorization")).isEqualTo("Bearer sk-caller-own-key");
        assertThat(seen.header("api-key")).isEqualTo("azure-caller-key");
    }

    @Test
    void traceContext_w3cVersion00_passesUnchanged() throws Exception {
        String parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        post(
                "/v1/chat/completions",
                "traceparent: " + parent + "\r\ntracestate: rojo=00f067aa0ba902b7,congo=t61rcWkgMzE\r\n");
        RecordedRequest seen = forwarded();
        assertThat(seen.header("traceparent")).isEqualTo(parent);
        assertThat(seen.header("tracestate")).isEqualTo("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
    }

    @Test
    void traceContext_notW3c_droppedWithItsState() throws Exception {
        double before = metric("qorgan_request_headers_dropped_total{reason=\"traceparent\"}");
        post(
                "/v1/chat/completions",
                "traceparent: 00-" + DIGITS_ID + "-00f067aa0ba902b7-01\r\ntracestate: rojo=00f067aa0ba902b7\r\n");
        RecordedRequest seen = forwarded();
        assertThat(seen.header("traceparent")).isNull();
        assertThat(seen.header("tracestate")).isNull();
        assertThat(metric("qorgan_request_headers_dropped_total{reason=\"traceparent\"}"))
                .isEqualTo(before + 1);

        sim.clearRecorded();
        post(
                "/v1/chat/completions",
                "traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\n"
                        + "tracestate: Customer Name=Ahmetov\r\n");
        assertThat(forwarded().header("tracestate")).isNull();
        assertThat(forwarded().header("traceparent")).isNotNull();
    }

    @Test
    void forwardedHost_hostListPasses_anythingElseDropped() throws Exception {
        post("/v1/chat/completions", "X-Forwarded-Host: api.example.kz:8443, lb.internal\r\n");
        assertThat(forwarded().header("x-forwarded-host")).isEqualTo("api.example.kz:8443, lb.internal");

        sim.clearRecorded();
        post("/v1/chat/completions", "X-Forwarded-Host: " + IIN + "@mail.kz/../x\r\n");
        assertThat(forwarded().header("x-forwarded-host")).isNull();
    }
}
