package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.Metrics;
import io.qorgan.gateway.testing.RawHttp;
import io.qorgan.gateway.testing.TestGateways;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the gateway answers by itself, before or instead of the upstream: every answer in the AI
 * APIs' error shape with the request id, and a metric for each. The upstream here is a closed
 * port, so nothing can be forwarded by accident.
 */
@IntegrationTest
class GatewayRejectionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Gateway gateway;

    @BeforeAll
    static void start() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        gateway = Gateway.start(TestGateways.config("http://127.0.0.1:" + closedPort, "5s", """
                limits:
                  maxRequestBody: 1KB
                  maxHeaderSize: 2KB
                """));
    }

    @AfterAll
    static void stop() {
        gateway.shutdown(Duration.ofSeconds(1));
    }

    private static void assertErrorShape(RawHttp.Response r, int status, String code) throws Exception {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.headers().get("content-type")).isEqualTo("application/json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("error").path("code").asText()).isEqualTo(code);
        assertThat(body.path("error").path("type").asText()).isNotEmpty();
        assertThat(body.path("error").path("message").asText()).isNotEmpty();
        assertThat(body.path("request_id").asText())
                .isEqualTo(r.headers().get("x-request-id"))
                .isNotEmpty();
    }

    @Test
    void unknownRoute_404WithErrorShape() throws Exception {
        String series = "qorgan_rejected_total{code=\"route_not_found\"}";
        double before = Metrics.value(gateway.metrics().scrape(), series);
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            RawHttp.Response r =
                    c.send("GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertErrorShape(r, 404, "route_not_found");
            // the connection stays usable
            RawHttp.Response again = c.send("GET /nowhere/else HTTP/1.1\r\nHost: x\r\nx-request-id: my-id-1\r\n\r\n")
                    .readResponse();
            assertErrorShape(again, 404, "route_not_found");
            assertThat(again.headers().get("x-request-id")).isEqualTo("my-id-1");
        }
        assertThat(Metrics.value(gateway.metrics().scrape(), series)).isEqualTo(before + 2);
    }

    @Test
    void malformedRequestLine_400AndClosed() throws Exception {
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            RawHttp.Response r = c.send("THIS IS NOT HTTP\r\n\r\n").readResponse();
            assertErrorShape(r, 400, "malformed_request");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void oversizedHeaders_431AndClosed() throws Exception {
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            String big = "x".repeat(4000);
            RawHttp.Response r = c.send("GET /v1/models HTTP/1.1\r\nHost: x\r\nX-Big: " + big + "\r\n\r\n")
                    .readResponse();
            assertErrorShape(r, 431, "headers_too_large");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void bodyOverLimit_413BeforeForwarding() throws Exception {
        String body = "{\"model\":\"m\",\"pad\":\"" + "a".repeat(1100) + "\"}";
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            RawHttp.Response r = c.send(
                            "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: " + body.length() + "\r\n\r\n" + body)
                    .readResponse();
            assertErrorShape(r, 413, "request_too_large");
            // the rest of the body was discarded and the connection still serves
            RawHttp.Response next =
                    c.send("GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertThat(next.status()).isEqualTo(404);
        }
    }

    @Test
    void chunkedBodyOverLimit_413() throws Exception {
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            StringBuilder req = new StringBuilder(
                    "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (int i = 0; i < 3; i++) {
                req.append("200\r\n").append("b".repeat(0x200)).append("\r\n");
            }
            req.append("0\r\n\r\n");
            RawHttp.Response r = c.send(req.toString()).readResponse();
            assertErrorShape(r, 413, "request_too_large");
        }
    }

    @Test
    void modelNotOnAllowList_403() throws Exception {
        String body = "{\"model\":\"other-model\",\"messages\":[]}";
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            RawHttp.Response r = c.send("POST /restricted/chat HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length()
                            + "\r\n\r\n" + body)
                    .readResponse();
            assertErrorShape(r, 403, "model_not_allowed");
        }
    }

    @Test
    void upstreamDown_502() throws Exception {
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            RawHttp.Response r = c.send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: "
                            + body.length() + "\r\n\r\n" + body)
                    .readResponse();
            assertErrorShape(r, 502, "upstream_unreachable");
        }
        assertThat(gateway.metrics().scrape())
                .contains("qorgan_upstream_failures_total{kind=\"connect\",upstream=\"sim\"}");
    }

    @Test
    void pipelinedRequests_answeredInOrder() throws Exception {
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            c.send("GET /a HTTP/1.1\r\nHost: x\r\nx-request-id: first\r\n\r\n"
                    + "GET /b HTTP/1.1\r\nHost: x\r\nx-request-id: second\r\n\r\n"
                    + "GET /c HTTP/1.1\r\nHost: x\r\nx-request-id: third\r\n\r\n");
            assertThat(c.readResponse().headers().get("x-request-id")).isEqualTo("first");
            assertThat(c.readResponse().headers().get("x-request-id")).isEqualTo("second");
            assertThat(c.readResponse().headers().get("x-request-id")).isEqualTo("third");
        }
    }

    @Test
    void admin_healthzOk_readyzNotReadyWhileUpstreamDown_metricsExposed() throws Exception {
        try (RawHttp c = new RawHttp(gateway.adminPort())) {
            RawHttp.Response health =
                    c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertThat(health.status()).isEqualTo(200);
            RawHttp.Response ready =
                    c.send("GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertThat(ready.status()).isEqualTo(503);
            assertThat(JSON.readTree(ready.body()).path("upstreams").path("sim").asText())
                    .isEqualTo("unreachable");
            RawHttp.Response metrics =
                    c.send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).contains("qorgan_exchanges_in_flight");
        }
    }
}
