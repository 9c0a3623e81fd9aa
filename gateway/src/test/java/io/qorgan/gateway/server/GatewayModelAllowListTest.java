package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model allow-lists judge exactly the model the upstream will serve: a body whose {@code model} is given twice is
 * refused on every route, protected or not, and a body that names no model as a string is refused wherever a list
 * (the route's or the agency policy's) restricts models. Nothing refused reaches the upstream.
 */
@IntegrationTest
class GatewayModelAllowListTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private AiSimulator sim;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        sim = AiSimulator.start(SimulatorSettings.builder().build());
        Files.writeString(dir.resolve("default.yaml"), """
                version: "1"
                description: models named on the policed upstream
                upstreams:
                  open-sim: {class: onprem}
                  policed-sim: {class: onprem, models: ["llama-*"]}
                entities:
                  default: placeholder
                """);
        gateway = Gateway.start(ConfigLoader.parse(
                "test.yaml", """
                listeners:
                  traffic: { host: 127.0.0.1, port: 0 }
                  admin: { host: 127.0.0.1, port: 0 }
                upstreams:
                  open-sim: { baseUrl: "%1$s/v1" }
                  policed-sim: { baseUrl: "%1$s/v1" }
                routes:
                  - { pathPrefix: /open, upstream: open-sim, protect: false, models: [gpt-4o-mini] }
                  - { pathPrefix: /listed, upstream: open-sim, models: [gpt-4o-mini] }
                  - { pathPrefix: /policed, upstream: policed-sim }
                policies:
                  directory: "%2$s"
                """.formatted(sim.baseUrl(), dir.toString().replace("\\", "/"))));
    }

    @AfterEach
    void stop() {
        gateway.shutdown(Duration.ofSeconds(1));
        sim.close();
    }

    private RawHttp.Response post(String path, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            return c.send("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                            + bytes.length + "\r\n\r\n" + body)
                    .readResponse();
        }
    }

    private static String code(RawHttp.Response r) throws Exception {
        JsonNode body = JSON.readTree(r.body());
        return body.path("error").path("code").asText();
    }

    @Test
    void duplicatedModel_unprotectedRoute_refusedNotForwarded() throws Exception {
        // the allow-list read the first model while the upstream would serve the last
        RawHttp.Response r = post("/open/chat/completions", "{\"model\":\"gpt-4o-mini\",\"model\":\"gpt-4o\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(code(r)).isEqualTo("duplicate_key");
        assertThat(sim.recordedRequests()).isEmpty();
    }

    @Test
    void modelThatIsNotAString_routeList_refused() throws Exception {
        for (String body : List.of(
                "{\"messages\":[]}",
                "{\"model\":null}",
                "{\"model\":[\"gpt-4o-mini\"]}",
                "{\"model\":{\"id\":\"gpt-4o-mini\"}}")) {
            RawHttp.Response open = post("/open/chat/completions", body);
            RawHttp.Response listed = post("/listed/chat/completions", body);
            assertThat(open.status()).as(body).isEqualTo(403);
            assertThat(code(open)).isEqualTo("model_not_allowed");
            assertThat(listed.status()).as(body).isEqualTo(403);
        }
        assertThat(sim.recordedRequests()).isEmpty();
    }

    @Test
    void modelThatIsNotAString_policyList_refused() throws Exception {
        for (String body : List.of("{\"messages\":[]}", "{\"model\":null}", "{\"model\":[\"llama-3\"]}")) {
            RawHttp.Response r = post("/policed/chat/completions", body);
            assertThat(r.status()).as(body).isEqualTo(403);
            assertThat(code(r)).isEqualTo("upstreams.modelNotAllowed");
            assertThat(r.headers().get("x-qorgan-policy"))
                    .as("the policy version on a policy's refusal")
                    .isNotBlank();
        }
        assertThat(sim.recordedRequests()).isEmpty();

        RawHttp.Response allowed = post(
                "/policed/chat/completions",
                "{\"model\":\"llama-3\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(sim.recordedRequests()).hasSize(1);
    }
}
