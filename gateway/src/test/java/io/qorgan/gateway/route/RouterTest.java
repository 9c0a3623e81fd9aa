package io.qorgan.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final GatewayConfig config = ConfigLoader.parse("t.yaml", """
            upstreams:
              a: { baseUrl: "http://127.0.0.1:1/v1" }
              b: { baseUrl: "http://127.0.0.1:2" }
            routes:
              - { pathPrefix: /v1, upstream: a }
              - { pathPrefix: /v1/embeddings, upstream: b }
              - { pathPrefix: /, upstream: b }
            """);
    private final Router router = new Router(config);

    @Test
    void match_longestPrefixWins() {
        assertThat(router.match("/v1/embeddings").orElseThrow().route().upstream())
                .isEqualTo("b");
        assertThat(router.match("/v1/chat/completions").orElseThrow().route().upstream())
                .isEqualTo("a");
    }

    @Test
    void match_prefixReplacedByUpstreamBasePath_queryKept() {
        assertThat(router.match("/v1/chat/completions?x=1").orElseThrow().upstreamUri())
                .isEqualTo("/v1/chat/completions?x=1");
        assertThat(router.match("/api/chat").orElseThrow().upstreamUri()).isEqualTo("/api/chat");
    }

    @Test
    void match_onlyWholeSegments() {
        assertThat(router.match("/v10/x").orElseThrow().route().pathPrefix()).isEqualTo("/");
    }

    @Test
    void match_noRootRoute_unknownPathIsEmpty() {
        Router narrow = new Router(ConfigLoader.parse("t.yaml", """
                upstreams: { a: { baseUrl: "http://127.0.0.1:1" } }
                routes: [ { pathPrefix: /v1, upstream: a } ]
                """));
        assertThat(narrow.match("/admin")).isEmpty();
        assertThat(narrow.match("*")).isEmpty();
    }

    @Test
    void rebase_targetOfOneUpstreamForAnother_basePathSwapped() {
        assertThat(Router.rebase("/v1/chat/completions?x=1", "/v1", "/openai/v1"))
                .isEqualTo("/openai/v1/chat/completions?x=1");
        assertThat(Router.rebase("/v1/chat", "/v1", "")).isEqualTo("/chat");
        assertThat(Router.rebase("/v1?x=1", "/v1", "")).isEqualTo("/?x=1");
        assertThat(Router.rebase("/chat", "", "/api")).isEqualTo("/api/chat");
        assertThat(Router.rebase("/?x=1", "", "/api")).isEqualTo("/api?x=1");
        assertThat(Router.rebase("/v1/chat", "/v1", "/v1")).isEqualTo("/v1/chat");
    }
}
