package io.qorgan.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String VALID = """
            listeners:
              traffic: { host: 0.0.0.0, port: 9080 }
              admin: { host: 127.0.0.1, port: 9081 }
            upstreams:
              onprem-llm:
                baseUrl: http://10.0.0.5:11434
                connectTimeout: 500ms
                readTimeout: 2m
                maxConnections: 32
              openai:
                baseUrl: https://api.example.test/v1
            routes:
              - pathPrefix: /v1/
                upstream: openai
                dialect: openai
                models: [gpt-4o-mini]
              - pathPrefix: /api
                upstream: onprem-llm
                dialect: ollama
            limits:
              maxRequestBody: 2MB
              maxHeaderSize: 32KB
              idleTimeout: 45s
              maxConcurrentExchanges: 500
              shutdownGrace: 10s
              transport: epoll
            """;

    @Test
    void parse_validFile_bindsEveryField() {
        GatewayConfig c = ConfigLoader.parse("qorgan.yaml", VALID);
        assertThat(c.listeners().traffic()).isEqualTo(new ListenerConfig("0.0.0.0", 9080));
        assertThat(c.listeners().admin().port()).isEqualTo(9081);
        UpstreamConfig onprem = c.upstreams().get("onprem-llm");
        assertThat(onprem.connectTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(onprem.readTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(onprem.maxConnections()).isEqualTo(32);
        assertThat(onprem.port()).isEqualTo(11434);
        UpstreamConfig openai = c.upstreams().get("openai");
        assertThat(openai.tlsEnabled()).isTrue();
        assertThat(openai.port()).isEqualTo(443);
        assertThat(openai.basePath()).isEqualTo("/v1");
        assertThat(openai.connectTimeout()).isEqualTo(ConfigLoader.DEFAULT_CONNECT_TIMEOUT);
        assertThat(c.routes()).hasSize(2);
        assertThat(c.routes().get(0).pathPrefix()).isEqualTo("/v1");
        assertThat(c.routes().get(0).allowsModel("gpt-4o-mini")).isTrue();
        assertThat(c.routes().get(0).allowsModel("gpt-5")).isFalse();
        assertThat(c.routes().get(1).allowsModel("anything")).isTrue();
        assertThat(c.limits().maxRequestBodyBytes()).isEqualTo(2 * 1024 * 1024);
        assertThat(c.limits().maxHeaderBytes()).isEqualTo(32 * 1024);
        assertThat(c.limits().idleTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(c.limits().maxConcurrentExchanges()).isEqualTo(500);
        assertThat(c.limits().shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.limits().transport()).isEqualTo("epoll");
    }

    @Test
    void parse_noTransport_auto() {
        GatewayConfig c = ConfigLoader.parse("qorgan.yaml", VALID.replace("  transport: epoll\n", ""));
        assertThat(c.limits().transport()).isEqualTo("auto");
    }

    @Test
    void parse_unknownTransport_namesFieldAndSuggestion() {
        String yaml = VALID.replace("transport: epoll", "transport: iouring");
        assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", yaml))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(26);
                    assertThat(e.field()).isEqualTo("limits.transport");
                    assertThat(e.getMessage())
                            .contains("unknown transport `iouring`")
                            .contains("did you mean `io_uring`?");
                });
    }

    @Test
    void parse_unknownUpstreamInRoute_namesLineFieldAndSuggestion() {
        String yaml = VALID.replace("upstream: openai", "upstream: opnai");
        assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", yaml))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(14);
                    assertThat(e.field()).isEqualTo("routes[0].upstream");
                    assertThat(e.getMessage())
                            .startsWith("qorgan.yaml:14:")
                            .contains("unknown upstream `opnai`")
                            .contains("did you mean `openai`?");
                });
    }

    @Test
    void parse_unknownKey_namesLineAndSuggestsKnownKey() {
        String yaml = VALID.replace("readTimeout: 2m", "readTimout: 2m");
        assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", yaml))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(8);
                    assertThat(e.getMessage())
                            .contains("unknown key `readTimout`")
                            .contains("did you mean `readTimeout`?");
                });
    }

    @Test
    void parse_badDuration_namesField() {
        String yaml = VALID.replace("idleTimeout: 45s", "idleTimeout: soon");
        assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", yaml))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(23);
                    assertThat(e.field()).isEqualTo("limits.idleTimeout");
                    assertThat(e.getMessage()).contains("expected a duration");
                });
    }

    @Test
    void parse_requestBounds_boundOrDefault() {
        assertThat(ConfigLoader.parse("qorgan.yaml", VALID).protection())
                .extracting(
                        ProtectionConfig::maxStrings,
                        ProtectionConfig::maxDepth,
                        ProtectionConfig::maxTerms,
                        ProtectionConfig::maxFindings)
                .containsExactly(100_000, 64, 2_000_000, 10_000);
        ProtectionConfig p = ConfigLoader.parse(
                        "qorgan.yaml",
                        VALID + "protection: { maxStrings: 5000, maxDepth: 20, maxTerms: 300000, maxFindings: 99 }\n")
                .protection();
        assertThat(p)
                .extracting(ProtectionConfig::maxStrings, ProtectionConfig::maxDepth, ProtectionConfig::maxTerms)
                .containsExactly(5000, 20, 300_000);
    }

    @Test
    void parse_findingsMemo_boundOrDefault() {
        assertThat(ConfigLoader.parse("qorgan.yaml", VALID).protection())
                .extracting(ProtectionConfig::findingsMemo, ProtectionConfig::findingsMemoTtl)
                .containsExactly(20_000, Duration.ofMinutes(10));
        assertThat(ConfigLoader.parse("qorgan.yaml", VALID + "protection: { findingsMemo: 0, findingsMemoTtl: 90s }\n")
                        .protection())
                .extracting(ProtectionConfig::findingsMemo, ProtectionConfig::findingsMemoTtl)
                .containsExactly(0, Duration.ofSeconds(90));
    }

    @Test
    void parse_findingsMemoOutOfRange_namesLineAndField() {
        for (String bound : new String[] {"findingsMemo: -1", "findingsMemoTtl: 0s"}) {
            String yaml = VALID + "protection:\n  " + bound + "\n";
            String field = "protection." + bound.substring(0, bound.indexOf(':'));
            assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", yaml))
                    .isInstanceOfSatisfying(ConfigException.class, e -> {
                        assertThat(e.line()).isEqualTo(28);
                        assertThat(e.field()).isEqualTo(field);
                    });
        }
    }

    @Test
    void parse_requestBoundOutOfRange_namesLineAndField() {
        for (String bound : new String[] {"maxStrings: 0", "maxDepth: 1001", "maxTerms: -1", "maxFindings: 0"}) {
            String yaml = VALID + "protection:\n  " + bound + "\n";
            String field = "protection." + bound.substring(0, bound.indexOf(':'));
            assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", yaml))
                    .isInstanceOfSatisfying(ConfigException.class, e -> {
                        assertThat(e.line()).isEqualTo(28);
                        assertThat(e.field()).isEqualTo(field);
                        assertThat(e.getMessage()).contains("must be between 1 and");
                    });
        }
    }

    @Test
    void parse_wrongType_namesLineAndField() {
        String yaml = VALID.replace("port: 9080", "port: eighty");
        assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", yaml))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).isEqualTo("listeners.traffic.port");
                });
    }

    @Test
    void parse_wrongType_saysWhatKindOfValueInWords() {
        String yaml = VALID.replace("port: 9080", "port: eighty");
        assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", yaml))
                .hasMessage("qorgan.yaml:2:35: listeners.traffic.port: expected a whole number, got `eighty`");
    }

    @Test
    void parse_misspeltKeyOfASection_namesTheKeysLineNotTheNextOne() {
        String yaml = "listners:\n  traffic:\n    port: 8080\n";
        assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", yaml))
                .hasMessage("qorgan.yaml:1:1: listners: unknown key `listners` (did you mean `listeners`?)");
    }

    @Test
    void parse_misspeltNestedKey_namesItsLineAndColumn() {
        String yaml = VALID.replace("readTimeout: 2m", "readTimout: 2m");
        assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", yaml))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(8);
                    assertThat(e.column()).isEqualTo(5);
                });
    }

    @Test
    void parse_swappedLetters_suggestTheKey() {
        String yaml = VALID.replace("    maxConnections: 32\n", "    maxConnections: 32\n    tsl: {}\n");
        assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", yaml))
                .hasMessageContaining("unknown key `tsl` (did you mean `tls`?)");
    }

    @Test
    void parse_emptyFile_saysItIsEmpty() {
        assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", ""))
                .hasMessage("qorgan.yaml: the file is empty: a configuration needs at least `upstreams` and `routes`"
                        + " (qorgan.example.yaml shows every key)");
        assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", "# all commented out\n\n"))
                .hasMessageContaining("the file is empty");
    }

    @Test
    void parse_badIndentation_keepsTheProblemAndItsLine() {
        String yaml = "listeners:\n  traffic:\n    port: 8080\n   admin:\n    port: 8081\n";
        assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", yaml))
                .hasMessage("qorgan.yaml:4:4: not valid YAML: expected <block end>, but found '<block mapping start>'"
                        + " (this line's indentation does not line up with the lines above it)");
    }

    @Test
    void parse_tabIndentation_namesTheLineOfTheTab() {
        assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", "upstreams:\n\ta: 1\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("not valid YAML").contains("TAB");
                });
    }

    @Test
    void parse_unknownDialect_listsKnownOnes() {
        String yaml = VALID.replace("dialect: ollama", "dialect: olama");
        assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", yaml))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo("routes[1].dialect");
                    assertThat(e.getMessage()).contains("did you mean `ollama`?");
                });
    }

    @Test
    void parse_duplicatePrefix_rejected() {
        String yaml = VALID.replace("pathPrefix: /api", "pathPrefix: /v1");
        assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", yaml))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo("routes[1].pathPrefix");
                    assertThat(e.getMessage()).contains("already used by routes[0]");
                });
    }

    @Test
    void parse_badUpstreamUrl_rejected() {
        String yaml = VALID.replace("http://10.0.0.5:11434", "ftp://10.0.0.5");
        assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", yaml))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(6);
                    assertThat(e.field()).isEqualTo("upstreams.onprem-llm.baseUrl");
                });
    }

    @Test
    void parse_noRoutes_rejected() {
        assertThatThrownBy(() -> ConfigLoader.parse("x.yaml", "upstreams:\n  a:\n    baseUrl: http://h:1\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("routes: at least one route is required");
    }

    @Test
    void parse_invalidYaml_reportsLine() {
        assertThatThrownBy(() -> ConfigLoader.parse("x.yaml", "upstreams:\n  a: [unclosed\n"))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.line()).isPositive());
    }

    @Test
    void load_missingFile_saysNotFound(@TempDir Path dir) {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("nope.yaml: file not found");
    }

    @Test
    void load_exampleFileInRepository_isValid() throws Exception {
        Path example = Path.of("..", "qorgan.example.yaml");
        assertThat(Files.exists(example))
                .as("qorgan.example.yaml at the repository root")
                .isTrue();
        GatewayConfig c = ConfigLoader.load(example);
        assertThat(c.routes()).isNotEmpty();
    }

    @Test
    void load_readmesSimplestConfiguration_isValid() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("```yaml\n");
        assertThat(start).as("a ```yaml block in README.md").isPositive();
        String yaml = readme.substring(start + 8, readme.indexOf("```", start + 8));

        GatewayConfig c = ConfigLoader.parse("README.md", yaml);

        assertThat(c.routes())
                .singleElement()
                .satisfies(r -> assertThat(r.protect()).isTrue());
    }

    @Test
    void fromFlags_upstreamWithPath_routesThatPathThrough() {
        GatewayConfig c = ConfigLoader.fromFlags("127.0.0.1", 8080, 8081, "http://127.0.0.1:18080/v1");
        assertThat(c.routes().get(0).pathPrefix()).isEqualTo("/v1");
        assertThat(c.upstreams().get("default").basePath()).isEqualTo("/v1");
    }

    @Test
    void fromFlags_badUrl_isConfigError() {
        assertThatThrownBy(() -> ConfigLoader.fromFlags("127.0.0.1", 8080, 8081, "localhost:9000"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--upstream");
    }

    @Test
    void parse_routeWithUpstreamList_priorityOrderFirstIsTheRoutesUpstream() {
        String yaml = VALID.replace("upstream: openai\n", "upstreams: [onprem-llm, openai]\n");
        RouteConfig route = ConfigLoader.parse("qorgan.yaml", yaml).routes().get(0);
        assertThat(route.upstream()).isEqualTo("onprem-llm");
        assertThat(route.targets()).extracting(RouteConfig.Target::upstream).containsExactly("onprem-llm", "openai");
        assertThat(route.weighted()).isFalse();
        assertThat(route.hasFallbacks()).isTrue();
    }

    @Test
    void parse_routeWithWeights_weighted() {
        String yaml = VALID.replace(
                "upstream: openai\n", "upstreams: [{name: onprem-llm, weight: 3}, {name: openai, weight: 0}]\n");
        RouteConfig route = ConfigLoader.parse("qorgan.yaml", yaml).routes().get(0);
        assertThat(route.weighted()).isTrue();
        assertThat(route.targets())
                .containsExactly(new RouteConfig.Target("onprem-llm", 3), new RouteConfig.Target("openai", 0));
    }

    @Test
    void parse_routeWithUpstreamAndUpstreams_rejected() {
        String yaml = VALID.replace("upstream: openai\n", "upstream: openai\n    upstreams: [openai]\n");
        assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("routes[0].upstreams")
                .hasMessageContaining("not both");
    }

    @Test
    void parse_unknownUpstreamInList_namesItsPlace() {
        String yaml = VALID.replace("upstream: openai\n", "upstreams: [openai, opnai]\n");
        assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", yaml))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo("routes[0].upstreams[1]");
                    assertThat(e.getMessage()).contains("unknown upstream `opnai`");
                });
    }

    @Test
    void parse_retryAndBreaker_bound() {
        String yaml = VALID.replace("    maxConnections: 32\n", """
                    maxConnections: 32
                    retry: { attempts: 3, backoff: 50ms, maxBackoff: 1s, budget: 10, minPerSecond: 1 }
                    breaker: { failureRate: 40, slowCallRate: 80, slowCall: 5s, window: 10, minimumCalls: 5, openFor: 10s, halfOpenCalls: 2 }
                """);
        UpstreamConfig u = ConfigLoader.parse("qorgan.yaml", yaml).upstreams().get("onprem-llm");
        assertThat(u.retry()).isEqualTo(new RetrySettings(3, Duration.ofMillis(50), Duration.ofSeconds(1), 0.1, 1));
        assertThat(u.breaker())
                .isEqualTo(new BreakerSettings(true, 40, 80, Duration.ofSeconds(5), 10, 5, Duration.ofSeconds(10), 2));
        UpstreamConfig defaults =
                ConfigLoader.parse("qorgan.yaml", yaml).upstreams().get("openai");
        assertThat(defaults.retry()).isEqualTo(RetrySettings.defaults());
        assertThat(defaults.breaker()).isEqualTo(BreakerSettings.defaults());
    }

    @Test
    void parse_breakerMinimumCallsAboveWindow_namesField() {
        String yaml = VALID.replace(
                "    maxConnections: 32\n", "    maxConnections: 32\n    breaker: { window: 10, minimumCalls: 20 }\n");
        assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("upstreams.onprem-llm.breaker.minimumCalls");
    }

    @Test
    void parse_fleetWithStore_bound_secretsNotShown() {
        String yaml = VALID + """
                fleet:
                  nodes: 3
                  store: { url: "redis://127.0.0.1:6379/2", password: hunter2, key: "env:QORGAN_FLEET_KEY", timeout: 100ms }
                """;
        FleetConfig fleet = ConfigLoader.parse("qorgan.yaml", yaml).fleet();
        assertThat(fleet.nodes()).isEqualTo(3);
        assertThat(fleet.store().timeout()).isEqualTo(Duration.ofMillis(100));
        assertThat(fleet.store().url().getPath()).isEqualTo("/2");
        assertThat(fleet.toString()).doesNotContain("hunter2");
    }

    @Test
    void parse_fleetStoreWithoutKey_rejected() {
        String yaml = VALID + "fleet: { store: { url: \"redis://127.0.0.1:6379\" } }\n";
        assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("fleet.store.key");
    }

    @Test
    void parse_noFleet_oneNodeNoStore() {
        FleetConfig fleet = ConfigLoader.parse("qorgan.yaml", VALID).fleet();
        assertThat(fleet.nodes()).isEqualTo(1);
        assertThat(fleet.shared()).isFalse();
    }
}
