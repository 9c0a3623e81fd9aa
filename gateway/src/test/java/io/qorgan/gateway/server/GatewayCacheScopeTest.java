package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.identity.ApiKeys;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whose answers a caller may be served, with real callers from the identity store: the agency is always part of the
 * key; agency scope shares an answer among one agency's callers, caller scope (here by agency b's policy) keeps each
 * caller's own.
 */
@IntegrationTest
class GatewayCacheScopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ApiKeys keys = new ApiKeys(new SecureRandom(), ApiKeys.HashCost.FAST_FOR_TESTS);
    private final HttpClient http = HttpClient.newHttpClient();
    private AiSimulator sim;
    private Gateway gateway;
    private ApiKeys.NewApiKey aBot;
    private ApiKeys.NewApiKey aIntranet;
    private ApiKeys.NewApiKey bBot;
    private ApiKeys.NewApiKey bIntranet;

    @BeforeEach
    void start() throws Exception {
        sim = AiSimulator.start(SimulatorSettings.builder().build());
        aBot = keys.generate();
        aIntranet = keys.generate();
        bBot = keys.generate();
        bIntranet = keys.generate();
        StringBuilder apiKeys = new StringBuilder();
        String[] callers = {"a-bot", "a-intranet", "b-bot", "b-intranet"};
        List<ApiKeys.NewApiKey> all = List.of(aBot, aIntranet, bBot, bIntranet);
        for (int i = 0; i < callers.length; i++) {
            apiKeys.append("  - {id: %s, caller: %s, hash: \"%s\", created: 2026-01-01T00:00:00Z}\n"
                    .formatted(all.get(i).id(), callers[i], all.get(i).hash()));
        }
        Files.writeString(dir.resolve("identities.yaml"), """
                agencies: [{id: a}, {id: b}]
                roles:
                  user: ["route:v1:invoke", "upstream:sim:use"]
                callers:
                  - {id: a-bot, agency: a, roles: [user]}
                  - {id: a-intranet, agency: a, roles: [user]}
                  - {id: b-bot, agency: b, roles: [user]}
                  - {id: b-intranet, agency: b, roles: [user]}
                apiKeys:
                """ + apiKeys);
        Path policies = Files.createDirectory(dir.resolve("policies"));
        Files.writeString(policies.resolve("default.yaml"), "cache: {enabled: true}\n");
        Files.writeString(policies.resolve("agency-b.yaml"), "agency: b\ncache: {scope: caller}\n");
        Path config = Files.writeString(dir.resolve("qorgan.yaml"), """
                listeners:
                  traffic: { host: 127.0.0.1, port: 0 }
                  admin: { host: 127.0.0.1, port: 0 }
                identity:
                  store: identities.yaml
                upstreams:
                  sim: { baseUrl: "%s/v1" }
                routes:
                  - { pathPrefix: /v1, upstream: sim }
                protection:
                  cache: { scope: agency }
                policies:
                  directory: policies
                """.formatted(sim.baseUrl()));
        gateway = Gateway.start(ConfigLoader.load(config));
    }

    @AfterEach
    void stop() {
        gateway.shutdown(Duration.ofSeconds(2));
        sim.close();
    }

    private String ask(ApiKeys.NewApiKey key, String[] citizen) throws Exception {
        String body = GatewayCacheTest.chat(GatewayCacheTest.letter(citizen), 0, false)
                .toString();
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.trafficPort() + "/v1/chat/completions"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + key.key())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).at("/choices/0/message/content").asText())
                .isEqualTo(GatewayCacheTest.letter(citizen));
        return r.headers().firstValue("x-qorgan-cache").orElseThrow();
    }

    @Test
    void answers_neverCrossAgencies_agencyScopeShares_callerScopeKeepsApart() throws Exception {
        String[] one = GatewayCacheTest.CITIZEN_1;
        String[] two = GatewayCacheTest.CITIZEN_2;

        List<String> outcomes = List.of(
                ask(aBot, one), // agency a, scope agency
                ask(aIntranet, two), // the same agency: shared
                ask(bBot, one), // agency b: never a's answer
                ask(bIntranet, two), // agency b's policy: scope caller
                ask(bBot, two));

        assertThat(outcomes).containsExactly("stored", "hit", "stored", "stored", "hit");
        assertThat(sim.requestsServed()).isEqualTo(3);
        assertThat(gateway.cache().figures().keySet()).containsExactly("a", "b");
    }
}
