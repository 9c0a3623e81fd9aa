package io.qorgan.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.TestGateways;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus rules operations load ({@code ops/prometheus/qorgan-rules.yaml}) against the gateway they watch:
 * every metric they name is one a running gateway exports, and with {@code promtool} at hand the rules pass its
 * check and their unit tests ({@code qorgan-rules.test.yaml}). CI fetches promtool; elsewhere set {@code PROMTOOL}
 * or put it on the PATH.
 */
@IntegrationTest
class AlertRulesTest {

    private static final Path RULES_DIR = Path.of("..", "ops", "prometheus");
    private static final Path RULES = RULES_DIR.resolve("qorgan-rules.yaml");
    private static final Pattern METRIC = Pattern.compile("\\bqorgan_[a-z0-9_]+");

    @Test
    void rules_nameOnlyMetricsARunningGatewayExports() throws Exception {
        Set<String> named = new TreeSet<>();
        for (JsonNode group : new YAMLMapper().readTree(RULES.toFile()).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                Matcher m = METRIC.matcher(rule.path("expr").asText());
                while (m.find()) {
                    named.add(m.group());
                }
            }
        }
        Set<String> exported = new TreeSet<>();
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            Gateway gateway = Gateway.start(TestGateways.config(sim.baseUrl(), "5s", ""));
            try {
                for (MetricSnapshot snapshot : gateway.metrics().registry().scrape()) {
                    String name = snapshot.getMetadata().getPrometheusName();
                    if (snapshot instanceof CounterSnapshot) {
                        exported.add(name + "_total");
                    } else if (snapshot instanceof HistogramSnapshot) {
                        exported.addAll(List.of(name + "_bucket", name + "_sum", name + "_count"));
                    } else {
                        exported.add(name);
                    }
                }
            } finally {
                gateway.shutdown(Duration.ofSeconds(2));
            }
        }
        assertThat(named).as("metrics the rules name").hasSizeGreaterThan(6);
        assertThat(exported).containsAll(named);
    }

    @Test
    void rules_passPromtoolCheckAndTheirUnitTests() throws Exception {
        String promtool = promtool();
        // CI fetches promtool, so only elsewhere may it be missing
        assumeTrue(
                promtool != null || "true".equals(System.getenv("CI")),
                "promtool not found (set PROMTOOL or put it on the PATH)");
        assertThat(promtool).as("promtool, which CI fetches").isNotNull();
        assertThat(run(promtool, "check", "rules", "qorgan-rules.yaml")).contains("SUCCESS");
        assertThat(run(promtool, "test", "rules", "qorgan-rules.test.yaml")).contains("SUCCESS");
    }

    /** promtool's output; fails the test with that output when it exits with an error. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(RULES_DIR.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static String promtool() {
        String configured = System.getenv("PROMTOOL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
