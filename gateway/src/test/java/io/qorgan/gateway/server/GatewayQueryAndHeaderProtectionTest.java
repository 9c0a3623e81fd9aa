package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.RecordedRequest;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.RawHttp;
import io.qorgan.gateway.testing.TestGateways;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The path and query of a request target and the client's own headers are protected like its body: {@code ?user=900515301234}
 * or {@code X-Case-Holder: Ахметов Нұрлан} must not reach the AI service, on bodiless requests too; a query that
 * cannot be decoded is refused; credentials and protocol headers pass untouched. Canary values are synthetic.
 */
@IntegrationTest
class GatewayQueryAndHeaderProtectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IIN = "900515301234";
    private static final String NAME = "Ахметов Нұрлан Серікұлы";

    private static AiSimulator sim;
    private static Gateway gateway;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        sim = AiSimulator.start(SimulatorSettings.builder().recordLimit(20).build());
        gateway = Gateway.start(TestGateways.config(sim.baseUrl(), "10s", ""));
    }

    @AfterAll
    static void stop() {
        gateway.shutdown(Duration.ofSeconds(2));
        sim.close();
    }

    @BeforeEach
    void clear() {
        sim.clearRecorded();
    }

    private HttpResponse<String> send(String target, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.trafficPort() + target))
                .timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            b.headers(headers);
        }
        b = body == null
                ? b.GET()
                : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String upstreamHeader(String name) {
        List<RecordedRequest> seen = sim.recordedRequests();
        assertThat(seen).hasSize(1);
        return seen.get(0).headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static String upstreamTarget() {
        List<RecordedRequest> seen = sim.recordedRequests();
        assertThat(seen).hasSize(1);
        return seen.get(0).path();
    }

    @Test
    void get_personalDataInQuery_replacedUpstream_otherParametersKeepTheirBytes() throws Exception {
        HttpResponse<String> r =
                send("/v1/models?user=" + IIN + "&note=" + form("заявитель " + NAME) + "&limit=%35", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Qorgan-Entities")).hasValue("PERSON=1,IIN=1");
        String target = upstreamTarget();
        String decoded = URLDecoder.decode(target, StandardCharsets.UTF_8);
        assertThat(decoded)
                .doesNotContain(IIN)
                .doesNotContain("Ахметов")
                .doesNotContain("Нұрлан")
                .contains("user=[IIN_1]")
                .contains("note=заявитель [PERSON_1]");
        assertThat(target).endsWith("&limit=%35");
    }

    @Test
    void post_sameValueInBodyAndQuery_onePlaceholder_answerRestored() throws Exception {
        String body = JSON.writeValueAsString(JSON.createObjectNode()
                .put("model", "m")
                .putPOJO("messages", List.of(Map.of("role", "user", "content", "ИИН " + IIN + ", ЖСН 850101456780"))));
        HttpResponse<String> r = send("/v1/chat/completions?user=" + IIN, body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).at("/choices/0/message/content").asText())
                .isEqualTo("ИИН " + IIN + ", ЖСН 850101456780");
        RecordedRequest seen = sim.recordedRequests().get(0);
        assertThat(seen.path()).isEqualTo("/v1/chat/completions?user=%5BIIN_1%5D");
        assertThat(new String(seen.body(), StandardCharsets.UTF_8))
                .contains("ИИН [IIN_1], ЖСН [IIN_2]")
                .doesNotContain(IIN);
    }

    @Test
    void queryWithoutPersonalData_forwardedAsItCame() throws Exception {
        assertThat(send("/v1/models?a=%7E&b=x+y&c", null).statusCode()).isEqualTo(200);
        assertThat(upstreamTarget()).isEqualTo("/v1/models?a=%7E&b=x+y&c");
    }

    @Test
    void undecodableQuery_refused400_nothingForwarded() throws Exception {
        for (String query : List.of("q=%zz", "q=%D0", "user=" + IIN + "%")) {
            // java.net.URI refuses to build such targets: sent over a raw socket
            try (RawHttp raw = new RawHttp(gateway.trafficPort())) {
                RawHttp.Response r = raw.send("GET /v1/models?" + query + " HTTP/1.1\r\nHost: gw\r\n\r\n")
                        .readResponse();
                assertThat(r.status()).as(query).isEqualTo(400);
                assertThat(JSON.readTree(r.body()).at("/error/code").asText()).isEqualTo("malformed_query");
                assertThat(r.body()).doesNotContain(IIN);
            }
        }
        assertThat(sim.recordedRequests()).isEmpty();
    }

    @Test
    void get_personalDataInOwnHeader_replacedUpstream_credentialsAndProtocolHeadersUntouched() throws Exception {
        String key = "Bearer sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34";
        HttpResponse<String> r = send(
                "/v1/models",
                null,
                "X-Case-Holder",
                "IIN " + IIN + ", nurlan.akhmetov@mail.kz",
                "Authorization",
                key,
                "X-Trace",
                "batch 7");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Qorgan-Entities")).hasValue("IIN=1,EMAIL=1");
        assertThat(upstreamHeader("X-Case-Holder")).isEqualTo("IIN [IIN_1], [EMAIL_1]");
        assertThat(upstreamHeader("Authorization")).isEqualTo(key);
        assertThat(upstreamHeader("X-Trace")).isEqualTo("batch 7");
    }

    @Test
    void post_utf8HeaderAndBody_onePlaceholderForOnePerson() throws Exception {
        String body = JSON.writeValueAsString(JSON.createObjectNode()
                .put("model", "m")
                .putPOJO("messages", List.of(Map.of("role", "user", "content", "Заявитель " + NAME + ", ИИН " + IIN))));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // UTF-8 in a header value, as many clients send it: java.net.http refuses, so over a raw socket
        byte[] head = ("POST /v1/chat/completions HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + bytes.length + "\r\nX-Applicant: " + NAME + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        try (RawHttp raw = new RawHttp(gateway.trafficPort())) {
            RawHttp.Response r = raw.send(head).send(bytes).readResponse();
            assertThat(r.status()).isEqualTo(200);
        }
        assertThat(upstreamHeader("X-Applicant")).isEqualTo("[PERSON_1]");
        assertThat(new String(sim.recordedRequests().get(0).body(), StandardCharsets.UTF_8))
                .contains("Заявитель [PERSON_1], ИИН [IIN_1]");
    }

    @Test
    void personalDataInThePath_replacedUpstream_apiPathsAndIdsUntouched_undecodablePathRefused() throws Exception {
        HttpResponse<String> r = send("/v1/citizens/" + IIN + "/" + form(NAME).replace("+", "%20") + "/summary", null);
        assertThat(r.headers().firstValue("X-Qorgan-Entities")).hasValue("PERSON=1,IIN=1");
        assertThat(upstreamTarget()).isEqualTo("/v1/citizens/%5BIIN_1%5D/%5BPERSON_1%5D/summary");
        sim.clearRecorded();

        String ids = "/v1/responses/resp_67cb71b351908190a308f3859487620d06981a8637e6f5b6?include=file-7701234567";
        send(ids, null);
        assertThat(upstreamTarget()).isEqualTo(ids);
        sim.clearRecorded();

        try (RawHttp raw = new RawHttp(gateway.trafficPort())) {
            RawHttp.Response refused =
                    raw.send("GET /v1/models/%zz HTTP/1.1\r\nHost: gw\r\n\r\n").readResponse();
            assertThat(refused.status()).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).at("/error/code").asText()).isEqualTo("malformed_path");
        }
        assertThat(sim.recordedRequests()).isEmpty();
    }

    /** A header the Connection header names stays on the client's hop: not forwarded, so not scanned or counted. */
    @Test
    void headerNamedByConnection_neitherForwardedNorCounted_otherHeadersStillProtected() throws Exception {
        try (RawHttp raw = new RawHttp(gateway.trafficPort())) {
            RawHttp.Response r = raw.send(
                            "GET /v1/models HTTP/1.1\r\nHost: gw\r\nConnection: keep-alive, X-Hop-Note\r\n"
                                    + "X-Hop-Note: ИИН " + IIN + "\r\nX-Case-Holder: " + NAME + "\r\n\r\n")
                    .readResponse();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.headers().get("x-qorgan-entities")).isEqualTo("PERSON=1");
        }
        assertThat(upstreamHeader("X-Hop-Note")).isNull();
        assertThat(upstreamHeader("X-Case-Holder")).isEqualTo("[PERSON_1]");
    }

    /**
     * passUnreadable passes a body the gateway cannot read, with its query and headers still protected; it never lets
     * a bad query carry a readable body out.
     */
    @Test
    void passUnreadableRoute_passesAnUnreadableBodyWithItsHeadersProtected_butRefusesAnUndecodableQuery()
            throws Exception {
        Gateway lenient = Gateway.start(TestGateways.config(
                sim.baseUrl(), "10s", "  - { pathPrefix: /lenient, upstream: sim-root, passUnreadable: true }"));
        try {
            String broken = "{\"model\": \"m\", \"messages\": [{\"content\": \"ИИН " + IIN + "\"";
            byte[] brokenBytes = broken.getBytes(StandardCharsets.UTF_8);
            try (RawHttp raw = new RawHttp(lenient.trafficPort())) {
                raw.send(("POST /lenient/v1/chat/completions?user=" + IIN + " HTTP/1.1\r\nHost: gw\r\n"
                                        + "Content-Type: application/json\r\nX-Case-Holder: IIN " + IIN + "\r\n"
                                        + "Content-Length: " + brokenBytes.length + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII))
                        .send(brokenBytes)
                        .readResponse();
            }
            assertThat(new String(sim.recordedRequests().get(0).body(), StandardCharsets.UTF_8))
                    .isEqualTo(broken);
            assertThat(upstreamHeader("X-Case-Holder")).isEqualTo("IIN [IIN_1]");
            assertThat(upstreamTarget()).isEqualTo("/v1/chat/completions?user=%5BIIN_1%5D");
            sim.clearRecorded();

            byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode()
                    .put("model", "m")
                    .putPOJO("messages", List.of(Map.of("role", "user", "content", "ИИН " + IIN))));
            try (RawHttp raw = new RawHttp(lenient.trafficPort())) {
                RawHttp.Response r = raw.send(("POST /lenient/v1/chat/completions?q=%zz HTTP/1.1\r\nHost: gw\r\n"
                                        + "Content-Type: application/json\r\nContent-Length: " + body.length
                                        + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII))
                        .send(body)
                        .readResponse();
                assertThat(r.status()).isEqualTo(400);
                assertThat(JSON.readTree(r.body()).at("/error/code").asText()).isEqualTo("malformed_query");
            }
            assertThat(sim.recordedRequests()).isEmpty();
        } finally {
            lenient.shutdown(Duration.ofSeconds(2));
        }
    }
}
