package io.qorgan.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void load_unknownCacheScope_pointsToItWithSuggestion() {
        PolicyException e = agencyFails("""
                agency: a
                cache:
                  enabled: true
                  scope: callr
                """);

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("unknown value `callr`").contains("did you mean `caller`?");
    }

    @Test
    void load_cacheTtlZero_isRefused() {
        PolicyException e = agencyFails("""
                agency: a
                cache: {ttl: 0s}
                """);

        assertThat(e.getMessage()).contains("ttl").contains("greater than zero");
    }

    @Test
    void load_unknownKey_pointsToItWithSuggestion() {
        PolicyException e = agencyFails("""
                agency: a
                entites:
                  IIN: block
                """);

        assertThat(e.file()).endsWith("agency-a.yaml");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.getMessage()).contains("unknown key `entites`").contains("did you mean `entities`?");
    }

    @Test
    void load_unknownUpstreamClass_suggestsTheClosest() {
        PolicyException e = agencyFails("""
                agency: a
                entities:
                  IIN: {onprem: placeholder, externl: block}
                """);

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("unknown key `externl`").contains("did you mean `external`?");
    }

    @Test
    void load_unknownClassValue_pointsToLineAndColumn() {
        PolicyException e = agencyFails("""
                agency: a
                upstreams:
                  cloud:
                    class: extrnal
                """);

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(12);
        assertThat(e.field()).isEqualTo("upstreams.cloud.class");
        assertThat(e.getMessage()).contains("did you mean `external`?");
    }

    @Test
    void load_unknownEntityType_namesTheTypesExactly() {
        PolicyException e = agencyFails("""
                agency: a
                entities:
                  default: placeholder
                  Iin: block
                """);

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("unknown entity type `Iin`").contains("did you mean `IIN`?");
    }

    @Test
    void load_unknownAction_suggestsTheClosest() {
        PolicyException e = agencyFails("""
                agency: a
                entities:
                  IIN: {external: blok}
                """);

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(19);
        assertThat(e.field()).isEqualTo("entities.IIN.external");
        assertThat(e.getMessage()).contains("did you mean `block`?");
    }

    @Test
    void load_wrongType_saysWhatWasExpected() {
        PolicyException e = agencyFails("""
                agency: a
                limits:
                  maxEntities: many
                """);

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.field()).isEqualTo("limits.maxEntities");
        assertThat(e.getMessage()).contains("expected a whole number");
    }

    @Test
    void load_invalidLuceneSyntax_pointsToTheQuery() {
        PolicyException e = agencyFails("""
                agency: a
                rules:
                  - id: r1
                    description: d
                    query: '"для служебного AND ДСП'
                    action: block
                """);

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.column()).isEqualTo(12);
        assertThat(e.field()).isEqualTo("rules[0].query");
        assertThat(e.getMessage()).contains("not a valid query");
    }

    @Test
    void load_ruleIdUsedTwice_pointsToTheSecond() {
        PolicyException e = agencyFails("""
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
                """);

        assertThat(e.line()).isEqualTo(7);
        assertThat(e.getMessage()).contains("rule id `r1` is used twice (first at rules[0])");
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
    void load_routeToUpstreamNotListed_fails() {
        PolicyException e = agencyFails("""
                agency: a
                rules:
                  - id: r1
                    description: d
                    query: a
                    action: {route: locl}
                """);

        assertThat(e.line()).isEqualTo(6);
        assertThat(e.getMessage()).contains("routes to `locl`").contains("did you mean `local`?");
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
    void load_agencyFieldNotMatchingFileName_fails() {
        PolicyException e = agencyFails("agency: b\n");

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("does not match the file name agency-a.yaml");
    }

    @Test
    void load_ruleWithoutDescription_fails() {
        PolicyException e = agencyFails("""
                agency: a
                rules:
                  - id: r1
                    query: a
                    action: block
                """);

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("missing `description`");
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

    @Test
    void load_invalidYaml_pointsToTheLine() {
        PolicyException e = agencyFails("agency: a\nrules: [\n");

        assertThat(e.getMessage()).contains("not valid YAML");
        assertThat(e.line()).isGreaterThan(0);
    }

    @Test
    void load_invalidValue_messageHasFileLineColumnFieldAndReason() {
        PolicyException e = agencyFails("agency: a\nmode: enforced\n");

        assertThat(e.getMessage())
                .matches(".*agency-a\\.yaml:2:7: mode: unknown value `enforced`: one of enforce, shadow"
                        + " \\(did you mean `enforce`\\?\\)");
    }
}
