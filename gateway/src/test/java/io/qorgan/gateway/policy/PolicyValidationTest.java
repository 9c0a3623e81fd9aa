package io.qorgan.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyValidationTest {

    @TempDir
    Path tmp;

    private PolicyDir dir;

    @BeforeEach
    void setUp() {
        dir = new PolicyDir(tmp).write("default.yaml", PolicyDir.DEFAULT);
    }

    private PolicyException loadFails() {
        return catchThrowableOfType(PolicyException.class, () -> dir.load());
    }

    private PolicyException agencyFails(String yaml) {
        dir.write("agency-a.yaml", yaml);
        return loadFails();
    }

    /**
     * One mistake in an agency's policy file and what its error must say: the line, column and field when given (null:
     * not pinned) and each text the message contains.
     */
    record Mistake(String name, String yaml, Integer line, Integer column, String field, List<String> says) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Mistake> mistakes() {
        return Stream.of(
                new Mistake(
                        "unknown cache scope, with a suggestion",
                        """
                        agency: a
                        cache:
                          enabled: true
                          scope: callr
                        """,
                        4,
                        null,
                        null,
                        List.of("unknown value `callr`", "did you mean `caller`?")),
                new Mistake("cache ttl of zero", """
                        agency: a
                        cache: {ttl: 0s}
                        """, null, null, null, List.of("ttl", "greater than zero")),
                new Mistake(
                        "unknown key, with a suggestion",
                        """
                        agency: a
                        entites:
                          IIN: block
                        """,
                        2,
                        1,
                        null,
                        List.of("unknown key `entites`", "did you mean `entities`?")),
                new Mistake(
                        "unknown upstream class key, with a suggestion",
                        """
                        agency: a
                        entities:
                          IIN: {onprem: placeholder, externl: block}
                        """,
                        3,
                        null,
                        null,
                        List.of("unknown key `externl`", "did you mean `external`?")),
                new Mistake(
                        "unknown class value, at its line and column",
                        """
                        agency: a
                        upstreams:
                          cloud:
                            class: extrnal
                        """,
                        4,
                        12,
                        "upstreams.cloud.class",
                        List.of("did you mean `external`?")),
                new Mistake(
                        "unknown entity type, names matched exactly",
                        """
                        agency: a
                        entities:
                          default: placeholder
                          Iin: block
                        """,
                        4,
                        null,
                        null,
                        List.of("unknown entity type `Iin`", "did you mean `IIN`?")),
                new Mistake(
                        "unknown action, with a suggestion",
                        """
                        agency: a
                        entities:
                          IIN: {external: blok}
                        """,
                        3,
                        19,
                        "entities.IIN.external",
                        List.of("did you mean `block`?")),
                new Mistake(
                        "a word where a number belongs",
                        """
                        agency: a
                        limits:
                          maxEntities: many
                        """,
                        3,
                        null,
                        "limits.maxEntities",
                        List.of("expected a whole number")),
                new Mistake(
                        "invalid Lucene syntax, at the query",
                        """
                        agency: a
                        rules:
                          - id: r1
                            description: d
                            query: '"для служебного AND ДСП'
                            action: block
                        """,
                        5,
                        12,
                        "rules[0].query",
                        List.of("not a valid query")),
                new Mistake(
                        "a rule id used twice, at the second",
                        """
                        agency: a
                        rules:
                          - id: r1
                            description: d
                            query: a
                            action: flag
                          - id: r1
                            description: d
                            query: b
                            action: block
                        """,
                        7,
                        null,
                        null,
                        List.of("rule id `r1` is used twice (first at rules[0])")),
                new Mistake(
                        "a route to an upstream the policy does not list",
                        """
                        agency: a
                        rules:
                          - id: r1
                            description: d
                            query: a
                            action: {route: locl}
                        """,
                        6,
                        null,
                        null,
                        List.of("routes to `locl`", "did you mean `local`?")),
                new Mistake(
                        "an agency not matching the file name",
                        "agency: b\n",
                        1,
                        null,
                        null,
                        List.of("does not match the file name agency-a.yaml")),
                new Mistake("a rule without a description", """
                        agency: a
                        rules:
                          - id: r1
                            query: a
                            action: block
                        """, 3, null, null, List.of("missing `description`")),
                new Mistake(
                        "invalid YAML, at its line", "agency: a\nrules: [\n", 3, null, null, List.of("not valid YAML")),
                new Mistake(
                        "an invalid value: file, line, column, field and reason",
                        "agency: a\nmode: enforced\n",
                        2,
                        7,
                        "mode",
                        List.of("agency-a.yaml:2:7: mode: unknown value `enforced`: one of enforce, shadow"
                                + " (did you mean `enforce`?)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void load_mistakeInAnAgencyPolicy_isLocatedAndExplained(Mistake m) {
        PolicyException e = agencyFails(m.yaml());

        assertThat(e).as("refused").isNotNull();
        assertThat(e.file()).endsWith("agency-a.yaml");
        if (m.line() != null) {
            assertThat(e.line()).as("line").isEqualTo(m.line());
        }
        if (m.column() != null) {
            assertThat(e.column()).as("column").isEqualTo(m.column());
        }
        if (m.field() != null) {
            assertThat(e.field()).as("field").isEqualTo(m.field());
        }
        for (String text : m.says()) {
            assertThat(e.getMessage()).contains(text);
        }
    }

    @Test
    void load_extendsMissingPolicy_suggestsTheClosest() {
        dir.write("agency-b.yaml", "agency: b\n");
        PolicyException e = agencyFails("""
                agency: a
                extends: defualt
                """);

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(10);
        assertThat(e.getMessage()).contains("no policy `defualt` to extend").contains("did you mean `default`?");
    }

    @Test
    void load_extendsInACircle_fails() {
        dir.write("agency-b.yaml", "agency: b\nextends: a\n");
        PolicyException e = agencyFails("agency: a\nextends: b\n");

        assertThat(e.getMessage()).contains("circle");
    }

    @Test
    void load_upstreamNotInGatewayConfiguration_fails() {
        PolicyException e =
                catchThrowableOfType(PolicyException.class, () -> PolicySet.load(tmp, List.of("local", "openai")));

        assertThat(e.file()).endsWith("default.yaml");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("unknown upstream `cloud`");
    }

    @Test
    void load_misnamedPolicyFile_fails() {
        dir.write("agncy-a.yaml", "agency: a\n");

        assertThat(loadFails().getMessage()).contains("not a policy file name");
    }

    @Test
    void load_withoutDefault_fails() {
        PolicyException e = catchThrowableOfType(PolicyException.class, () -> PolicySet.load(tmp.resolve("none")));
        assertThat(e.getMessage()).contains("not a directory");

        Path empty = tmp.resolve("empty");
        assertThat(empty.toFile().mkdir()).isTrue();
        assertThat(catchThrowableOfType(PolicyException.class, () -> PolicySet.load(empty))
                        .getMessage())
                .contains("default.yaml")
                .contains("missing");
    }
}
