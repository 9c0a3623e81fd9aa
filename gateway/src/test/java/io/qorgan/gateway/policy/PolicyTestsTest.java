package io.qorgan.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.qorgan.gateway.detect.Detector;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTestsTest {

    private static final Detector DETECTOR = Detector.defaults();

    @TempDir
    Path tmp;

    private PolicyDir dir;

    @BeforeEach
    void setUp() {
        dir = new PolicyDir(tmp).write("default.yaml", PolicyDir.DEFAULT);
    }

    @Test
    void run_examplePolicies_allCasesPass() {
        PolicyTests.Report report = PolicyTests.run(Path.of("../policies"), DETECTOR);

        assertThat(report.results()).isNotEmpty();
        assertThat(report.results())
                .allSatisfy(r -> assertThat(r.differences())
                        .as(r.file() + ": " + r.name())
                        .isEmpty());
        assertThat(report.ok()).isTrue();
    }

    @Test
    void run_caseWithExpectedSentText_comparesTheProtectedText() {
        dir.write("a.test.yaml", """
                cases:
                  - name: placeholders on the way out
                    input:
                      upstream: local
                      text: "Позвоните Ахметовой Динаре: +7 701 123 45 67"
                    expect:
                      blocked: false
                      entities: {PERSON: 1, PHONE: 1}
                      sent: ["Позвоните [PERSON_1]: [PHONE_1]"]
                """);

        PolicyTests.Report report = PolicyTests.run(tmp, DETECTOR);

        assertThat(report.results())
                .singleElement()
                .satisfies(r -> assertThat(r.passed()).isTrue());
    }

    @Test
    void run_wrongExpectations_reportsEachDifference() {
        dir.write("a.test.yaml", """
                cases:
                  - name: wrong on purpose
                    input:
                      upstream: cloud
                      messages:
                        - {role: system, text: "Документ ДСП"}
                    expect:
                      blocked: false
                      rules: [other]
                """);

        PolicyTests.CaseResult r = PolicyTests.run(tmp, DETECTOR).results().get(0);

        assertThat(r.passed()).isFalse();
        assertThat(r.differences())
                .containsExactly(
                        "blocked: expected false, got true (by marking-dsp)",
                        "rules: expected [other], got [marking-dsp]; missing [other]; unexpected [marking-dsp]");
    }

    @Test
    void run_noTestFiles_reportIsNotOk() {
        assertThat(PolicyTests.run(tmp, DETECTOR).ok()).isFalse();
    }

    @Test
    void run_invalidCase_pointsToIt() {
        dir.write("a.test.yaml", """
                cases:
                  - name: unknown agency
                    input:
                      agency: nobdy
                      upstream: local
                      text: x
                    expect:
                      blocked: false
                """);

        PolicyException e = catchThrowableOfType(PolicyException.class, () -> PolicyTests.run(tmp, DETECTOR));

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("no policy for agency `nobdy`");
    }

    @Test
    void run_bodyInADialect_isReadWithRoles() {
        dir.write("a.test.yaml", """
                cases:
                  - name: user-only rule does not fire on a system prompt
                    input:
                      upstream: local
                      dialect: openai_chat
                      body: '{"messages":[{"role":"system","content":"пароль"},{"role":"user","content":"привет"}]}'
                    expect:
                      blocked: false
                      rules: []
                      sent: ["пароль", "привет"]
                """);
        dir.write("default.yaml", PolicyDir.DEFAULT.replace("rules:", """
                rules:
                  - id: user-password
                    description: d
                    query: user:пароль
                    action: block"""));

        assertThat(PolicyTests.run(tmp, DETECTOR).ok()).isTrue();
    }
}
