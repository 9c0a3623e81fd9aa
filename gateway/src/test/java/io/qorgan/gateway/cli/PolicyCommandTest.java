package io.qorgan.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.testing.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCommandTest {

    private static final String DEFAULT = """
            upstreams:
              local: {class: onprem}
              cloud: {class: external}
            entities:
              default: placeholder
            rules:
              - id: marking-dsp
                description: Official-use documents stay inside.
                query: '"для служебного пользования" OR ДСП'
                action: block
                appliesTo: [external]
            """;

    private static final String TESTS = """
            cases:
              - name: dsp to the cloud is blocked
                input: {upstream: cloud, text: "Приказ для служебного пользования"}
                expect: {blocked: true, code: marking-dsp}
              - name: names become placeholders
                input: {upstream: local, text: "Напишите Ахметовой Динаре"}
                expect: {blocked: false, sent: ["Напишите [PERSON_1]"]}
            """;

    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    @BeforeEach
    void setUp() throws IOException {
        write("default.yaml", DEFAULT);
    }

    private int run(String... args) {
        return cli.run(args);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void check_validDirectory_printsPoliciesAndExitsZero() throws IOException {
        write("agency-a.yaml", "agency: a\nmode: shadow\n");

        int code = run("policy", "check", dir.toString());

        assertThat(code).isZero();
        assertThat(cli.out())
                .contains("ok: policies")
                .contains("default: 1 rules")
                .contains("a: 1 rules, shadow");
    }

    @Test
    void check_invalidPolicy_printsOneLineWithPlaceAndExitsOne() throws IOException {
        write("agency-a.yaml", "agency: a\nentities:\n  IIN: {externl: block}\n");

        int code = run("policy", "check", dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(cli.err().strip())
                .matches(
                        "qorgan: .*agency-a\\.yaml:3:\\d+: .*unknown key `externl`.*" + "did you mean `external`\\?\\)")
                .doesNotContain("\n");
    }

    @Test
    void check_upstreamMissingFromGatewayConfig_exitsOne() throws IOException {
        Path config = Files.createDirectories(dir.resolve("conf")).resolve("qorgan.yaml");
        Files.writeString(config, """
                upstreams:
                  local: {baseUrl: "http://127.0.0.1:9000"}
                routes:
                  - {pathPrefix: /v1, upstream: local}
                """, StandardCharsets.UTF_8);

        int code = run("policy", "check", "--config", config.toString(), dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(cli.err()).contains("default.yaml:3:").contains("unknown upstream `cloud`");
    }

    @Test
    void test_passingCases_printsPassAndExitsZero() throws IOException {
        write("default.test.yaml", TESTS);

        int code = run("policy", "test", dir.toString());

        assertThat(code).isZero();
        assertThat(cli.out())
                .contains("PASS default.test.yaml: dsp to the cloud is blocked")
                .contains("PASS default.test.yaml: names become placeholders")
                .contains("2 passed, 0 failed");
    }

    @Test
    void test_failingCase_printsDiffAndExitsOne() throws IOException {
        write("default.test.yaml", TESTS.replace("[\"Напишите [PERSON_1]\"]", "[\"Напишите Ахметовой\"]"));

        int code = run("policy", "test", dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(cli.out())
                .contains("FAIL default.test.yaml: names become placeholders")
                .contains("sent[0] differs at character 9:")
                .contains("expected: Напишите Ахметовой")
                .contains("got:      Напишите [PERSON_1]")
                .contains("1 passed, 1 failed");
    }

    @Test
    void test_noCases_exitsOne() {
        int code = run("policy", "test", dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(cli.err()).contains("no policy test ran");
    }

    @Test
    void test_examplePolicies_exitsZero() {
        int code = run("policy", "test", "../policies");

        assertThat(code).as(cli.out()).isZero();
        assertThat(cli.out()).doesNotContain("FAIL");
    }

    @Test
    void explain_blockedText_printsFindingsRulesAndVerdict() {
        int code = run(
                "policy",
                "explain",
                "--dir",
                dir.toString(),
                "--upstream",
                "cloud",
                "--text",
                "ДСП. Заявитель Ахметова Динара, ИИН 900515301234");

        assertThat(code).isZero();
        assertThat(cli.out())
                .contains("findings:  PERSON 1, IIN 1")
                .contains("«IIN:900515301234»")
                .contains("rules:     marking-dsp")
                .contains("BLOCKED by marking-dsp: Official-use documents stay inside.");
    }

    @Test
    void explain_forwardedText_printsTheTextSent() throws IOException {
        Path sample = dir.resolve("sample.txt");
        Files.writeString(sample, "Заявитель Ахметова Динара, ИИН 900515301234", StandardCharsets.UTF_8);

        int code =
                run("policy", "explain", "--dir", dir.toString(), "--upstream", "local", "--file", sample.toString());

        assertThat(code).isZero();
        assertThat(cli.out()).contains("verdict:   forward to local").contains("Заявитель [PERSON_1], ИИН [IIN_1]");
    }

    @Test
    void explain_withoutText_isAUsageError() {
        int code = run("policy", "explain", "--dir", dir.toString(), "--upstream", "local");

        assertThat(code).isEqualTo(2);
    }

    @Test
    void explain_cacheAllowed_printsTheDurationAsWritten() throws IOException {
        write("agency-a.yaml", "agency: a\ncache:\n  enabled: true\n  ttl: 10m\n");

        int code = run(
                "policy",
                "explain",
                "--dir",
                dir.toString(),
                "--agency",
                "a",
                "--upstream",
                "local",
                "--text",
                "Салем");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("cache: yes, ttl 10m").doesNotContain("PT10M");
    }

    @Test
    void explain_unknownAgency_isAUsageErrorWithASuggestion() throws IOException {
        write("agency-health.yaml", "agency: health\n");

        int code = run(
                "policy",
                "explain",
                "--dir",
                dir.toString(),
                "--agency",
                "helth",
                "--upstream",
                "local",
                "--text",
                "x");

        assertThat(code).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err())
                .contains("no policy for agency `helth` (did you mean `health`?)")
                .contains("agencies with a policy of their own: health");
    }

    @Test
    void explain_misspeltUpstream_isAUsageErrorWithASuggestion() {
        int code = run("policy", "explain", "--dir", dir.toString(), "--upstream", "clod", "--text", "x");

        assertThat(code).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err())
                .contains("unknown upstream `clod` (did you mean `cloud`?)")
                .contains("upstreams the policies name: cloud, local");
    }

    @Test
    void explain_upstreamNotInTheConfiguration_isAUsageError(@TempDir Path elsewhere) throws IOException {
        Path config = elsewhere.resolve("qorgan.yaml");
        Files.writeString(
                config,
                "upstreams:\n  local-llm: {baseUrl: \"http://127.0.0.1:9\"}\nroutes:\n  - {pathPrefix: /v1, upstream: local-llm}\n",
                StandardCharsets.UTF_8);

        int code = run(
                "policy",
                "explain",
                "--dir",
                dir.toString(),
                "--config",
                config.toString(),
                "--upstream",
                "local",
                "--text",
                "x");

        assertThat(code).as(cli.err()).isEqualTo(2);
        assertThat(cli.err()).contains("unknown upstream `local`").contains("local-llm");
    }
}
