package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.identity.ApiKeys;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.RecordedRequest;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may call, end to end: API keys from the identity store, permissions per route and upstream
 * checked before anything is forwarded, the caller's key kept in the gateway and the upstream's
 * own key injected.
 */
@IntegrationTest
class GatewayIdentityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @TempDir
    Path dir;

    private final ApiKeys keys = new ApiKeys(new SecureRandom(), ApiKeys.HashCost.FAST_FOR_TESTS);
    private final HttpClient http = HttpClient.newHttpClient();
    private AiSimulator sim;
    private Gateway gateway;
    private ApiKeys.NewApiKey chatKey;
    private ApiKeys.NewApiKey onpremOnlyKey;
    private ApiKeys.NewApiKey expiredKey;

    @BeforeEach
    void start() throws Exception {
        sim = AiSimulator.start(SimulatorSettings.builder().build());
        chatKey = keys.generate();
        onpremOnlyKey = keys.generate();
        expiredKey = keys.generate();
        Files.writeString(dir.resolve("identities.yaml"), """
                agencies: [{id: agency-egov}]
                roles:
                  chat-user: ["route:v1:invoke", "upstream:external-llm:use"]
                  onprem-user: ["route:v1:invoke", "upstream:onprem-llm:use"]
                callers:
                  - {id: egov-chatbot, agency: agency-egov, roles: [chat-user]}
                  - {id: egov-intranet, agency: agency-egov, roles: [onprem-user]}
                apiKeys:
                  - {id: %s, caller: egov-chatbot, hash: "%s", created: 2026-01-01T00:00:00Z}
                  - {id: %s, caller: egov-intranet, hash: "%s", created: 2026-01-01T00:00:00Z}
                  - {id: %s, caller: egov-chatbot, hash: "%s", created: 2025-01-01T00:00:00Z, expires: 2025-06-01T00:00:00Z}
                """.formatted(
                        chatKey.id(),
                        chatKey.hash(),
                        onpremOnlyKey.id(),
                        onpremOnlyKey.hash(),
                        expiredKey.id(),
                        expiredKey.hash()));
        Path config = Files.writeString(dir.resolve("qorgan.yaml"), """
                listeners:
                  traffic: { host: 127.0.0.1, port: 0 }
                  admin: { host: 127.0.0.1, port: 0 }
                identity:
                  store: identities.yaml
                  cacheTtl: 30s
                upstreams:
                  external-llm:
                    baseUrl: "%s/v1"
                    apiKey: sk-upstream-secret-0042
                routes:
                  - { pathPrefix: /v1, upstream: external-llm }
                """.formatted(sim.baseUrl()));
        gateway = Gateway.start(ConfigLoader.load(config));
    }

    @Test
    void start_upstreamKeyAHeaderCannotCarry_refusedAtStartWithoutTheKey(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("upstream.key"), "sk-broken-7731\r\nX-Injected: yes");
        Path config = Files.writeString(dir.resolve("qorgan.yaml"), """
                listeners:
                  traffic: { host: 127.0.0.1, port: 0 }
                  admin: { host: 127.0.0.1, port: 0 }
                upstreams:
                  external-llm:
                    baseUrl: "%s/v1"
                    apiKey: "file:%s"
                routes:
                  - { pathPrefix: /v1, upstream: external-llm }
                """.formatted(sim.baseUrl(), key));
        assertThatThrownBy(() -> Gateway.start(ConfigLoader.load(config)).shutdown(Duration.ofSeconds(1)))
                .hasMessageContaining("external-llm")
                .hasMessageContaining("apiKey holds characters a header cannot carry")
                .hasMessageNotContaining("sk-broken-7731");
    }

    @AfterEach
    void stop() {
        gateway.shutdown(Duration.ofSeconds(2));
        sim.close();
    }

    private HttpResponse<String> post(String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + gateway.trafficPort() + "/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(CHAT));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode error(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("error");
    }

    @Test
    void noKey_401WithWwwAuthenticate_nothingForwarded() throws Exception {
        HttpResponse<String> r = post();
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("www-authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(error(r).path("code").asText()).isEqualTo("missing_api_key");
        assertThat(sim.requestsServed()).isZero();
    }

    @Test
    void unknownKey_401() throws Exception {
        HttpResponse<String> r =
                post("Authorization", "Bearer " + keys.generate().key());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(error(r).path("code").asText()).isEqualTo("invalid_api_key");
        assertThat(sim.requestsServed()).isZero();
    }

    @Test
    void expiredKey_401KeyExpired() throws Exception {
        HttpResponse<String> r = post("Authorization", "Bearer " + expiredKey.key());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(error(r).path("code").asText()).isEqualTo("key_expired");
    }

    @Test
    void validKey_forwarded_upstreamSeesItsOwnKeyNeverTheCallers() throws Exception {
        HttpResponse<String> first = post("Authorization", "Bearer " + chatKey.key());
        HttpResponse<String> second = post("x-api-key", chatKey.key()); // Anthropic-style header, now cached
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        for (RecordedRequest seen : sim.recordedRequests()) {
            assertThat(seen.header("authorization")).isEqualTo("Bearer sk-upstream-secret-0042");
            assertThat(seen.header("x-api-key")).isNull();
            assertThat(seen.headers().toString()).doesNotContain(chatKey.key());
        }
        assertThat(sim.requestsServed()).isEqualTo(2);
    }

    @Test
    void callerWithoutUpstreamPermission_403NamingPermission_nothingForwarded() throws Exception {
        HttpResponse<String> r = post("Authorization", "Bearer " + onpremOnlyKey.key());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(error(r).path("code").asText()).isEqualTo("permission_denied");
        assertThat(error(r).path("message").asText()).contains("upstream:external-llm:use");
        assertThat(sim.requestsServed()).isZero();
    }

    @Test
    void keyRevokedInStore_stopsWorkingAfterReload() throws Exception {
        assertThat(post("Authorization", "Bearer " + chatKey.key()).statusCode())
                .isEqualTo(200);
        Path store = dir.resolve("identities.yaml");
        String text = Files.readString(store);
        Files.writeString(
                store, text.replace("created: 2026-01-01T00:00:00Z}", "created: 2026-01-01T00:00:00Z, revoked: true}"));
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int status = 200;
        while (status == 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = post("Authorization", "Bearer " + chatKey.key()).statusCode();
        }
        assertThat(status).isEqualTo(401);
    }
}
