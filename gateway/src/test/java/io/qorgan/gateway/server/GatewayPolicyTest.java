package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.identity.ApiKeys;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.Metrics;
import io.qorgan.gateway.testing.RawHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security officers' policies in the request path: content rules block before anything leaves,
 * route to the on-premise model, entity actions per upstream class, shadow mode, the policy
 * version on answers and at the admin listener, and a broken edit that keeps the last good set.
 */
@IntegrationTest
class GatewayPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private AiSimulator onprem;
    private AiSimulator external;
    private Gateway gateway;
    private ApiKeys.NewApiKey healthKey;
    private final HttpClient http = HttpClient.newHttpClient();

    private static final String POLICY_DEFAULT = """
            version: "t-1"
            description: test default
            upstreams:
              local-llm: { class: onprem }
              openai: { class: external }
            entities:
              default: placeholder
              IIN: {onprem: placeholder, external: block}
            rules:
              - id: marking-dsp
                description: Documents for official use only may not leave the perimeter.
                query: '"для служебного пользования" OR ДСП OR "қызмет бабында пайдалану үшін"'
                action: block
                appliesTo: [external]
              - id: medical-record
                description: Medical records are answered by the on-premise model.
                query: 'диагноз* OR "medical record"'
                action: {route: local-llm}
                appliesTo: [external]
              - id: confidential-en
                description: English confidentiality markings, observed first.
                query: 'confidential'
                action: block
                mode: shadow
                appliesTo: [external]
            answers: leave
            """;

    @BeforeEach
    void start() throws Exception {
        onprem = AiSimulator.start(SimulatorSettings.builder().build());
        external = AiSimulator.start(SimulatorSettings.builder().build());
        healthKey = new ApiKeys(new SecureRandom(), ApiKeys.HashCost.FAST_FOR_TESTS).generate();
        Files.createDirectories(dir.resolve("policies"));
        Files.writeString(dir.resolve("policies/default.yaml"), POLICY_DEFAULT);
        Files.writeString(dir.resolve("identities.yaml"), """
                agencies: [{id: health}]
                roles: {user: ["route:*:invoke", "upstream:*:use"]}
                callers: [{id: clinic-bot, agency: health, roles: [user]}]
                apiKeys: [{id: %s, caller: clinic-bot, hash: "%s", created: 2026-01-01T00:00:00Z}]
                """.formatted(healthKey.id(), healthKey.hash()));
        Path config = Files.writeString(
                dir.resolve("qorgan.yaml"), """
                listeners: { traffic: { host: 127.0.0.1, port: 0 }, admin: { host: 127.0.0.1, port: 0 } }
                identity: { store: identities.yaml }
                policies: { directory: policies, reloadInterval: 200ms }
                upstreams:
                  openai: { baseUrl: "%s/v1" }
                  local-llm: { baseUrl: "%s/v1" }
                  archive: { baseUrl: "%s/v1" }
                routes:
                  - { pathPrefix: /v1, upstream: openai }
                  - { pathPrefix: /lenient, upstream: openai, passUnreadable: true }
                  - { pathPrefix: /archive, upstream: archive }
                  - { pathPrefix: /plain-archive, upstream: archive, protect: false }
                  - { pathPrefix: /plain, upstream: openai, protect: false }
                """.formatted(external.baseUrl(), onprem.baseUrl(), external.baseUrl()));
        gateway = Gateway.start(ConfigLoader.load(config));
    }

    @AfterEach
    void stop() {
        gateway.shutdown(Duration.ofSeconds(2));
        onprem.close();
        external.close();
    }

    private HttpResponse<String> chat(String text) throws Exception {
        ObjectNode req = JSON.createObjectNode().put("model", "gpt-4o-mini");
        req.putArray("messages").addObject().put("role", "user").put("content", text);
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.trafficPort() + "/v1/chat/completions"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + healthKey.key())
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(req)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode error(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("error");
    }

    private static JsonNode error(RawHttp.Response r) throws Exception {
        return JSON.readTree(r.body()).path("error");
    }

    /** A request as bytes on the wire, with the health agency's key; {@code head} holds extra header lines. */
    private RawHttp.Response raw(String method, String target, String head, byte[] body) throws Exception {
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            c.send(method + " " + target + " HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer " + healthKey.key() + "\r\n"
                    + head
                    + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                    + "\r\n");
            if (body != null) {
                c.send(body);
            }
            return c.readResponse();
        }
    }

    /** A 403 policy violation whose code is {@code code}. */
    private static void assertRefused(RawHttp.Response r, String code) throws Exception {
        assertThat(r.status()).isEqualTo(403);
        assertThat(error(r).path("code").asText()).isEqualTo(code);
    }

    private static byte[] chatBody(String text) throws Exception {
        ObjectNode req = JSON.createObjectNode().put("model", "gpt-4o-mini");
        req.putArray("messages").addObject().put("role", "user").put("content", text);
        return JSON.writeValueAsBytes(req);
    }

    @Test
    void dspMarkedDocument_toExternal_403PolicyViolation_nothingForwarded() throws Exception {
        HttpResponse<String> r = chat("Приказ (для служебного пользования): перечень объектов охраны.");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(error(r).path("type").asText()).isEqualTo("policy_violation");
        assertThat(error(r).path("code").asText()).isEqualTo("marking-dsp");
        assertThat(r.headers().firstValue("x-qorgan-policy"))
                .as("a block names the policy version that decided it, like every other answer")
                .isPresent();
        assertThat(error(r).path("message").asText())
                .isEqualTo("Documents for official use only may not leave the perimeter.");
        assertThat(r.body()).doesNotContain("перечень");
        assertThat(external.requestsServed()).isZero();
        assertThat(onprem.requestsServed()).isZero();
        assertThat(Metrics.value(
                        gateway.metrics().scrape(),
                        "qorgan_policy_decisions_total{outcome=\"blocked\",policy=\"default\"}"))
                .isEqualTo(1);
    }

    @Test
    void inflectedMarking_stillBlocked() throws Exception {
        HttpResponse<String> r = chat("Документ для служебное пользование, не распространять.");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(error(r).path("code").asText()).isEqualTo("marking-dsp");
    }

    @Test
    void iinToExternal_blockedByEntityAction() throws Exception {
        HttpResponse<String> r = chat("Проверьте ИИН 900515301234, пожалуйста.");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(error(r).path("code").asText()).isEqualTo("entities.IIN");
        assertThat(external.requestsServed()).isZero();
    }

    @Test
    void medicalRecord_reroutedToOnPremise_withPlaceholders() throws Exception {
        HttpResponse<String> r = chat("Пациент Ахметов Нұрлан Серікұлы, ЖСН 900515301234, диагноз: гипертония.");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).at("/choices/0/message/content").asText())
                .contains("Ахметов Нұрлан Серікұлы")
                .contains("900515301234");
        assertThat(external.requestsServed()).isZero();
        assertThat(onprem.requestsServed()).isEqualTo(1);
        assertThat(onprem.recordedRequests().get(0).bodyText())
                .contains("[IIN_1]")
                .doesNotContain("900515301234");
    }

    @Test
    void shadowRule_forwardsButCounts_policyVersionOnAnswer() throws Exception {
        HttpResponse<String> r = chat("This memo is confidential, please summarise it.");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(external.requestsServed()).isEqualTo(1);
        assertThat(r.headers().firstValue("x-qorgan-policy")).isPresent();
        String scrape = gateway.metrics().scrape();
        assertThat(Metrics.value(scrape, "qorgan_policy_rules_fired_total{mode=\"shadow\",rule=\"confidential-en\"}"))
                .isEqualTo(1);
        assertThat(Metrics.value(
                        scrape, "qorgan_policy_decisions_total{outcome=\"shadow_blocked\",policy=\"default\"}"))
                .isEqualTo(1);
    }

    @Test
    void brokenEditDuringTraffic_keepsLastGoodPolicy_validEditTakesOver() throws Exception {
        String before = chat("Сәлем!").headers().firstValue("x-qorgan-policy").orElseThrow();
        Files.writeString(
                dir.resolve("policies/default.yaml"),
                POLICY_DEFAULT.replace("action: block\n    appliesTo", "action: blok\n    appliesTo"));
        for (int i = 0; i < 10; i++) {
            Thread.sleep(100);
            assertThat(chat("Приказ ДСП").statusCode()).isEqualTo(403); // still the old, good set
        }
        assertThat(chat("Сәлем!").headers().firstValue("x-qorgan-policy")).contains(before);
        Files.writeString(
                dir.resolve("policies/default.yaml"),
                POLICY_DEFAULT.replace("t-1", "t-2").replace("query: 'confidential'", "query: 'zzz'"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String after = before;
        while (after.equals(before) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            after = chat("Сәлем!").headers().firstValue("x-qorgan-policy").orElseThrow();
        }
        assertThat(after).isNotEqualTo(before);
        try (var c = new RawHttp(gateway.adminPort())) {
            var admin =
                    c.send("GET /admin/policies HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertThat(admin.status()).isEqualTo(200);
            JsonNode body = JSON.readTree(admin.body());
            assertThat(body.path("version").asText()).isEqualTo(after);
            assertThat(body.path("rejectedReloads").asLong()).isPositive();
        }
    }

    // The query and the client's headers are part of the request policies judge, bodiless requests included.

    @Test
    void getWithIinInItsQuery_toExternal_blockedByEntityAction_nothingForwarded() throws Exception {
        RawHttp.Response r = raw("GET", "/v1/models?user=900515301234", "", null);
        assertRefused(r, "entities.IIN");
        assertThat(r.body()).doesNotContain("900515301234");
        assertThat(external.requestsServed()).isZero();
    }

    @Test
    void getToAnUpstreamThePolicyDoesNotList_refused_listedOnePasses() throws Exception {
        RawHttp.Response refused = raw("GET", "/archive/models", "", null);
        assertRefused(refused, "upstreams.notAllowed");
        assertThat(external.requestsServed()).isZero();

        RawHttp.Response listed = raw("GET", "/v1/models", "", null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.headers()).containsKey("x-qorgan-policy");
        assertThat(external.requestsServed()).isEqualTo(1);
    }

    @Test
    void medicalRecordNamedInAQuery_getReroutedToOnPremise() throws Exception {
        RawHttp.Response r = raw(
                "GET", "/v1/models?topic=" + URLEncoder.encode("диагноз пациента", StandardCharsets.UTF_8), "", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(external.requestsServed()).isZero();
        assertThat(onprem.requestsServed()).isEqualTo(1);
    }

    @Test
    void markingInAClientHeader_ofAHarmlessChat_blocked() throws Exception {
        RawHttp.Response r = raw("POST", "/v1/chat/completions", "X-Document-Class: ДСП\r\n", chatBody("Сәлем!"));
        assertRefused(r, "marking-dsp");
        assertThat(external.requestsServed()).isZero();
    }

    @Test
    void iinOnlyInTheQuery_ofAHarmlessChat_blocked() throws Exception {
        RawHttp.Response r = raw("POST", "/v1/chat/completions?user=900515301234", "", chatBody("Сәлем!"));
        assertRefused(r, "entities.IIN");
        assertThat(external.requestsServed()).isZero();
    }

    @Test
    void passedUnreadableBody_isStillJudgedByItsQueryAndHeaders() throws Exception {
        byte[] broken = "{\"model\": \"gpt-4o-mini\", \"messages\": [".getBytes(StandardCharsets.UTF_8);
        RawHttp.Response blocked = raw("POST", "/lenient/chat/completions?user=900515301234", "", broken);
        assertRefused(blocked, "entities.IIN");
        RawHttp.Response marked = raw("POST", "/lenient/chat/completions", "X-Document-Class: ДСП\r\n", broken);
        assertRefused(marked, "marking-dsp");
        assertThat(external.requestsServed()).isZero();

        raw("POST", "/lenient/chat/completions", "", broken);
        assertThat(external.requestsServed()).isEqualTo(1);
        assertThat(external.recordedRequests().get(0).body()).isEqualTo(broken);
        assertThat(Metrics.value(
                        gateway.metrics().scrape(),
                        "qorgan_policy_decisions_total{outcome=\"blocked\",policy=\"default\"}"))
                .isEqualTo(2);
    }

    @Test
    void unprotectedRoute_stillOnlyToTheUpstreamsThePolicyLists() throws Exception {
        RawHttp.Response refused = raw("POST", "/plain-archive/chat/completions", "", chatBody("Сәлем!"));
        assertRefused(refused, "upstreams.notAllowed");
        assertThat(external.requestsServed()).isZero();

        RawHttp.Response listed = raw("POST", "/plain/chat/completions", "", chatBody("Сәлем!"));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.headers()).containsKey("x-qorgan-policy");
        assertThat(external.requestsServed()).isEqualTo(1);
    }
}
