package io.qorgan.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.route.RouteMatch;
import io.qorgan.gateway.route.Router;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The configuration of real upstreams in {@code docs/upstreams.md} loads, and routes each client where it says. */
class UpstreamsExampleTest {

    private static final Path DOC = Path.of("..", "docs", "upstreams.md");

    private static GatewayConfig load() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(block.find()).as("a ```yaml block in " + DOC).isTrue();
        return ConfigLoader.parse(DOC.toString(), block.group(1));
    }

    @Test
    void parse_upstreamsExample_loadsWithEachServicesKeyHeader() throws IOException {
        GatewayConfig config = load();

        assertThat(config.upstreams()).containsOnlyKeys("openai", "anthropic", "vllm", "ollama");
        UpstreamConfig openai = config.upstreams().get("openai");
        assertThat(openai.baseUrl()).hasToString("https://api.openai.com/v1");
        assertThat(openai.tlsEnabled()).isTrue();
        assertThat(openai.apiKey()).isNotNull();
        assertThat(openai.apiKeyHeader()).isEqualTo("authorization");
        UpstreamConfig anthropic = config.upstreams().get("anthropic");
        assertThat(anthropic.apiKeyHeader()).isEqualTo("x-api-key");
        assertThat(anthropic.apiKey()).isNotNull();
        assertThat(config.upstreams().get("vllm").apiKey()).isNull();
    }

    @Test
    void match_openAiAndAnthropicClientsUnderV1_reachTheirOwnServiceByPrefix() throws IOException {
        Router router = new Router(load());

        assertRoute(router, "/openai/v1/chat/completions", "openai", "/v1/chat/completions");
        assertRoute(router, "/anthropic/v1/messages", "anthropic", "/v1/messages");
        assertRoute(router, "/v1/chat/completions", "vllm", "/v1/chat/completions");
        assertRoute(router, "/api/chat", "ollama", "/api/chat");
    }

    private static void assertRoute(Router router, String path, String upstream, String upstreamPath) {
        RouteMatch match = router.match(path).orElseThrow();
        assertThat(match.route().upstream()).as(path).isEqualTo(upstream);
        assertThat(match.upstreamUri()).as(path).isEqualTo(upstreamPath);
    }
}
