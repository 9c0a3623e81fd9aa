package io.qorgan.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.qorgan.gateway.identity.IdentityStore;
import io.qorgan.gateway.identity.IdentityStoreException;
import io.qorgan.gateway.policy.PolicyException;
import io.qorgan.gateway.policy.PolicySet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same five slips in the configuration, a policy and the identity store: each loader names the same line and
 * field and says the same words, because all three bind through {@link YamlBinder}. In every case the slip is on line
 * 4.
 */
class YamlMistakesTest {

    @TempDir
    Path dir;

    enum Loader {
        CONFIG,
        POLICY,
        IDENTITY
    }

    /** One slip written into one kind of file, and what its reader must say. */
    record Slip(String mistake, Loader loader, String yaml, String field, String problem) {
        @Override
        public String toString() {
            return mistake + " in " + loader.name().toLowerCase();
        }
    }

    private static final String UNKNOWN = "unknown key `%s` (did you mean `%s`?)";
    private static final String NOT_A_BOOLEAN = "expected true or false, got `maybe`";
    private static final String NOT_A_MAP = "expected a map (`key: value` lines)";
    private static final String INDENTED = "not valid YAML: expected <block end>, but found '<block mapping start>'"
            + " (this line's indentation does not line up with the lines above it)";
    private static final String TWICE = "key `%s` appears twice (the second would silently replace the first)";

    static Stream<Arguments> slips() {
        List<Slip> slips = new ArrayList<>();
        String misspelt = "a misspelt key";
        slips.add(new Slip(
                misspelt,
                Loader.CONFIG,
                "upstreams:\n  local:\n    baseUrl: http://127.0.0.1:9000\n    readTimout: 5s\n",
                "upstreams.local.readTimout",
                UNKNOWN.formatted("readTimout", "readTimeout")));
        slips.add(new Slip(
                misspelt,
                Loader.POLICY,
                "upstreams:\n  local:\n    class: onprem\n    modles: [gpt-4o]\n",
                "upstreams.local.modles",
                UNKNOWN.formatted("modles", "models")));
        slips.add(new Slip(
                misspelt,
                Loader.IDENTITY,
                "callers:\n  - id: bot\n    agency: egov\n    rolez: [chat-user]\n",
                "callers[0].rolez",
                UNKNOWN.formatted("rolez", "roles")));

        String word = "a word where true or false belongs";
        slips.add(new Slip(
                word,
                Loader.CONFIG,
                "routes:\n  - pathPrefix: /v1\n    upstream: local\n    protect: maybe\n",
                "routes[0].protect",
                NOT_A_BOOLEAN));
        slips.add(new Slip(
                word,
                Loader.POLICY,
                "cache:\n  ttl: 1h\n  scope: caller\n  enabled: maybe\n",
                "cache.enabled",
                NOT_A_BOOLEAN));
        slips.add(new Slip(
                word,
                Loader.IDENTITY,
                "apiKeys:\n  - id: qg_ab12cd34\n    caller: bot\n    revoked: maybe\n",
                "apiKeys[0].revoked",
                NOT_A_BOOLEAN));

        String list = "a list where a map belongs";
        slips.add(new Slip(
                list,
                Loader.CONFIG,
                "upstreams:\n  local:\n    baseUrl: http://127.0.0.1:9000\n    tls: [a, b]\n",
                "upstreams.local.tls",
                NOT_A_MAP));
        slips.add(new Slip(
                list, Loader.POLICY, "upstreams:\n  local:\n    class: onprem\nlimits: [a, b]\n", "limits", NOT_A_MAP));
        slips.add(new Slip(
                list, Loader.IDENTITY, "agencies:\n  - id: egov\ncallers: []\nroles: [a, b]\n", "roles", NOT_A_MAP));

        String indented = "a key indented one space short";
        slips.add(new Slip(
                indented,
                Loader.CONFIG,
                "listeners:\n  traffic:\n    port: 8080\n   admin:\n    port: 8081\n",
                "",
                INDENTED));
        slips.add(new Slip(
                indented,
                Loader.POLICY,
                "upstreams:\n  local:\n    class: onprem\n   cloud:\n    class: external\n",
                "",
                INDENTED));
        slips.add(new Slip(
                indented,
                Loader.IDENTITY,
                "roles:\n  chat-user:\n    - route:chat:invoke\n   auditor:\n    - admin:audit:read\n",
                "",
                INDENTED));

        String twice = "a key written twice";
        slips.add(new Slip(
                twice,
                Loader.CONFIG,
                "upstreams:\n  local:\n    baseUrl: http://127.0.0.1:9000\n    baseUrl: http://127.0.0.1:9001\n",
                "upstreams.local.baseUrl",
                TWICE.formatted("baseUrl")));
        slips.add(new Slip(
                twice,
                Loader.POLICY,
                "upstreams:\n  local:\n    class: onprem\n    class: external\n",
                "upstreams.local.class",
                TWICE.formatted("class")));
        slips.add(new Slip(
                twice,
                Loader.IDENTITY,
                "agencies:\n  - id: egov\n    name: e-Gov\n    name: Electronic government\n",
                "agencies[0].name",
                TWICE.formatted("name")));
        return slips.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("slips")
    void load_slip_namesLineFieldAndTheSameProblem(Slip slip) throws IOException {
        Located error = load(slip);

        assertThat(error.line()).as("line").isEqualTo(4);
        assertThat(error.column()).as("column").isPositive();
        assertThat(error.field()).as("field").isEqualTo(slip.field());
        assertThat(error.message())
                .isEqualTo(ConfigException.format(error.file(), 4, error.column(), slip.field(), slip.problem()));
    }

    private record Located(String file, int line, int column, String field, String message) {}

    private Located load(Slip slip) throws IOException {
        switch (slip.loader()) {
            case CONFIG -> {
                ConfigException e =
                        (ConfigException) catchThrowable(() -> ConfigLoader.parse("qorgan.yaml", slip.yaml()));
                assertThat(e).isExactlyInstanceOf(ConfigException.class);
                return new Located(e.file(), e.line(), e.column(), nullToEmpty(e.field()), e.getMessage());
            }
            case POLICY -> {
                Path file = Files.writeString(dir.resolve("default.yaml"), slip.yaml(), StandardCharsets.UTF_8);
                Throwable t = catchThrowable(() -> PolicySet.load(dir));
                assertThat(t).isInstanceOf(PolicyException.class);
                PolicyException e = (PolicyException) t;
                assertThat(e.file()).isEqualTo(file.toString());
                return new Located(e.file(), e.line(), e.column(), nullToEmpty(e.field()), e.getMessage());
            }
            case IDENTITY -> {
                Path file = Files.writeString(dir.resolve("identities.yaml"), slip.yaml(), StandardCharsets.UTF_8);
                Throwable t = catchThrowable(() -> IdentityStore.open(file));
                assertThat(t).isInstanceOf(IdentityStoreException.class);
                IdentityStoreException e = (IdentityStoreException) t;
                return new Located(file.toString(), e.line(), e.column(), e.field(), e.getMessage());
            }
        }
        throw new AssertionError(slip.loader());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
