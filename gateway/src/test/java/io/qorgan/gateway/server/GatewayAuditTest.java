package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.audit.AuditQuery;
import io.qorgan.gateway.audit.AuditSearch;
import io.qorgan.gateway.audit.AuditVerifier;
import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.crypto.KeyRing;
import io.qorgan.gateway.crypto.SignatureAlgorithm;
import io.qorgan.gateway.crypto.SigningKeys;
import io.qorgan.gateway.identity.ApiKeys;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.Metrics;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail inside a running gateway: opened from the configuration, reloads of policies and the identity
 * store recorded, searched on the admin listener only by a caller with {@code admin:audit:read}, every search
 * recorded, sealed at shutdown.
 */
@IntegrationTest
class GatewayAuditTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private final ApiKeys keys = new ApiKeys(RANDOM, ApiKeys.HashCost.FAST_FOR_TESTS);
    private final HttpClient http = HttpClient.newHttpClient();
    private AiSimulator sim;
    private Gateway gateway;
    private ApiKeys.NewApiKey officer;
    private ApiKeys.NewApiKey chatbot;
    private KeyPair signing;
    private KeyRing ring;
    private Path trail;
    private Path store;
    private Path policies;

    @BeforeEach
    void start() throws Exception {
        sim = AiSimulator.start(SimulatorSettings.builder().build());
        officer = keys.generate();
        chatbot = keys.generate();
        store = dir.resolve("identities.yaml");
        Files.writeString(store, identities(""));
        String ringText = KeyRing.newEntry("k1", RANDOM);
        ring = KeyRing.parse(ringText);
        Files.writeString(dir.resolve("audit.keys"), ringText);
        signing = SignatureAlgorithm.ED25519.generate(RANDOM);
        Files.writeString(dir.resolve("audit-signing.key"), SigningKeys.privatePem(signing.getPrivate()));
        policies = Files.createDirectories(dir.resolve("policies"));
        Files.writeString(policies.resolve("default.yaml"), policy("1"));
        trail = dir.resolve("audit");
        Path config = Files.writeString(dir.resolve("qorgan.yaml"), """
                listeners:
                  traffic: { host: 127.0.0.1, port: 0 }
                  admin: { host: 127.0.0.1, port: 0 }
                identity:
                  store: identities.yaml
                upstreams:
                  local:
                    baseUrl: "%s/v1"
                routes:
                  - { pathPrefix: /v1, upstream: local }
                policies: { directory: policies, reloadInterval: 100ms }
                audit:
                  directory: audit
                  encryptionKey: "file:%s"
                  signingKey: "file:%s"
                  syncInterval: 50ms
                """.formatted(
                        sim.baseUrl(), dir.resolve("audit.keys"), dir.resolve("audit-signing.key")));
        gateway = Gateway.start(ConfigLoader.load(config));
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.shutdown(Duration.ofSeconds(2));
        }
        sim.close();
    }

    private String identities(String extra) {
        return """
                agencies: [{id: agency-egov}, {id: agency-audit}]
                roles:
                  chat-user: ["route:v1:invoke", "upstream:local:use"]
                  auditor: ["admin:audit:read"]
                callers:
                  - {id: egov-chatbot, agency: agency-egov, roles: [chat-user]}
                  - {id: officer, agency: agency-audit, roles: [auditor]}
                apiKeys:
                  - {id: %s, caller: egov-chatbot, hash: "%s", created: 2026-01-01T00:00:00Z}
                  - {id: %s, caller: officer, hash: "%s", created: 2026-01-01T00:00:00Z}
                %s""".formatted(chatbot.id(), chatbot.hash(), officer.id(), officer.hash(), extra);
    }

    private static String policy(String version) {
        return """
                version: "%s"
                upstreams:
                  local: {class: onprem}
                entities:
                  default: placeholder
                """.formatted(version);
    }

    private HttpResponse<String> search(String key, String query) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.adminPort() + "/admin/audit?" + query));
        if (key != null) {
            b.header("authorization", "Bearer " + key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Searches until {@code query} finds at least {@code n} records: the writer takes records a moment later. */
    private JsonNode awaitSearch(String query, int n) throws Exception {
        JsonNode body = null;
        for (int attempt = 0; attempt < 300; attempt++) {
            HttpResponse<String> r = search(officer.key(), query);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            body = JSON.readTree(r.body());
            if (body.path("total").asLong() >= n) {
                return body;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + n + " records for " + query + ": " + body);
    }

    @Test
    void search_officerWithPermission_findsReloadsOfPoliciesAndIdentityStore() throws Exception {
        Files.writeString(policies.resolve("default.yaml"), policy("2"));
        Files.writeString(store, identities("# edited\n"));

        JsonNode policy = awaitSearch(q("type:reload AND component:policy AND result:ok"), 1);
        JsonNode identity = awaitSearch(q("type:reload AND component:identity"), 1);

        assertThat(policy.path("records").get(0).path("version").asText()).isEqualTo(currentPolicyVersion());
        assertThat(identity.path("records").get(0).path("version").asText()).startsWith("generation-");
    }

    private String currentPolicyVersion() throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.adminPort() + "/admin/policies"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).path("version").asText();
    }

    @Test
    void search_brokenPolicyEdit_recordedAsRefusedReload() throws Exception {
        Files.writeString(policies.resolve("default.yaml"), "version: [broken");

        JsonNode refused = awaitSearch(q("type:reload AND result:refused"), 1);

        assertThat(refused.path("records").get(0).path("errorCode").asText()).isEqualTo("policy_invalid");
    }

    @Test
    void search_brokenIdentityStoreEdit_recordedAsRefusedReload() throws Exception {
        Files.writeString(store, "callers: [ {id: }");

        JsonNode refused = awaitSearch(q("type:reload AND component:identity AND result:refused"), 1);

        assertThat(refused.path("records").get(0).path("errorCode").asText()).isEqualTo("identity_store_invalid");
    }

    @Test
    void search_callerWithoutPermission_403AndTheAttemptRecorded() throws Exception {
        HttpResponse<String> r = search(chatbot.key(), q("type:exchange"));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(r.body()).path("error").path("code").asText()).isEqualTo("permission_denied");
        assertThat(JSON.readTree(r.body()).path("error").path("message").asText())
                .contains("admin:audit:read");
        JsonNode recorded = awaitSearch(q("type:search AND caller:egov-chatbot AND status:403"), 1);
        assertThat(recorded.path("records").get(0).path("errorCode").asText()).isEqualTo("permission_denied");
    }

    @Test
    void search_noKey_401AndRecordedAsAnAuthenticationFailure() throws Exception {
        HttpResponse<String> r = search(null, q("type:exchange"));

        assertThat(r.statusCode()).isEqualTo(401);
        awaitSearch(q("type:auth_failure AND code:missing_api_key"), 1);
    }

    @Test
    void search_everySearch_isItselfRecordedWithoutTheQueryText() throws Exception {
        search(officer.key(), q("agency:agency-egov AND model:\"secret-model-7731\""));

        JsonNode recorded = awaitSearch(q("type:search AND caller:officer AND field:model"), 1);

        JsonNode record = recorded.path("records").get(0);
        assertThat(record.path("fields").toString()).contains("agency").contains("model");
        assertThat(recorded.toString()).doesNotContain("secret-model-7731");
        assertThat(Metrics.value(gateway.metrics().scrape(), "qorgan_audit_searches_total{outcome=\"ok\"}"))
                .isPositive();
    }

    @Test
    void search_badQueryOrPeriod_400WithAPreciseError() throws Exception {
        HttpResponse<String> field = search(officer.key(), q("nofield:x"));
        HttpResponse<String> from = search(officer.key(), "from=yesterday");
        HttpResponse<String> page = search(officer.key(), "page=0");

        assertThat(field.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(field.body()).path("error").path("code").asText())
                .isEqualTo("invalid_audit_query");
        assertThat(JSON.readTree(field.body()).path("error").path("message").asText())
                .contains("field the index does not have");
        assertThat(from.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(from.body()).path("error").path("message").asText())
                .contains("from must be");
        assertThat(page.statusCode()).isEqualTo(400);
    }

    @Test
    void shutdown_sealsTheTrail_verifiesAgainstItsKey() throws Exception {
        Files.writeString(policies.resolve("default.yaml"), policy("3"));
        awaitSearch(q("type:reload"), 1);
        gateway.shutdown(Duration.ofSeconds(2));
        gateway = null;

        AuditVerifier.Result result = AuditVerifier.verify(trail, List.of(signing.getPublic()), ring);
        assertThat(result.ok()).as(result.problem()).isTrue();
        assertThat(result.notes()).noneMatch(n -> n.contains("is open"));
        assertThat(AuditSearch.search(trail, ring, AuditQuery.of("type:reload")).total())
                .isPositive();
    }
}
