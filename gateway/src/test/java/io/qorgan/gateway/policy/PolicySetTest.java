package io.qorgan.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.protect.Operator;
import io.qorgan.gateway.protect.ProtectionFailed;
import io.qorgan.gateway.protect.ProtectionKeys;
import io.qorgan.gateway.protect.ProtectionSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicySetTest {

    private static final ProtectionSettings BASE = new ProtectionSettings(
            Map.of(EntityType.EMAIL, Operator.MASK),
            Operator.PLACEHOLDER,
            new ProtectionKeys(new byte[32], new byte[16]));

    @TempDir
    Path tmp;

    private PolicyDir dir;

    @BeforeEach
    void setUp() {
        dir = new PolicyDir(tmp).write("default.yaml", PolicyDir.DEFAULT);
    }

    private static PolicyInput input(String agency, String upstream, String text, Map<EntityType, Integer> counts) {
        return new PolicyInput(agency, "chat", upstream, List.of(RoleText.user(text)), counts, text.length());
    }

    @Test
    void evaluate_agencyWithoutPolicy_usesDefault() {
        Verdict v = dir.load().evaluate(input("nobody", "cloud", "Привет", Map.of()));

        assertThat(v.policy()).isEqualTo("default");
        assertThat(v.blocked()).isFalse();
        assertThat(v.upstreamClass()).isEqualTo(DataClass.EXTERNAL);
    }

    @Test
    void evaluate_agencyExtendingDefault_inheritsRulesAndOverridesEntityActions() {
        dir.write("agency-a.yaml", """
                agency: a
                extends: default
                entities:
                  IIN: {external: hash}
                rules:
                  - id: complaint
                    description: complaints are flagged
                    query: жалоба
                    action: flag
                """);
        PolicySet set = dir.load();

        Verdict dsp = set.evaluate(input("a", "cloud", "приказ ДСП", Map.of()));
        Verdict iin = set.evaluate(input("a", "cloud", "жалоба", Map.of(EntityType.IIN, 1)));

        assertThat(dsp.blocked()).isTrue();
        assertThat(dsp.code()).isEqualTo("marking-dsp");
        assertThat(dsp.message()).isEqualTo("Official-use documents stay inside.");
        assertThat(iin.blocked()).isFalse();
        assertThat(iin.firedRules()).containsExactly("complaint");
        assertThat(iin.operators()).containsEntry(EntityType.IIN, Operator.HASH);
        assertThat(set.evaluate(input(null, "cloud", "x", Map.of(EntityType.IIN, 1)))
                        .code())
                .isEqualTo("entities.IIN");
    }

    @Test
    void evaluate_agencyRuleWithInheritedId_replacesTheInheritedRule() {
        dir.write("agency-a.yaml", """
                agency: a
                rules:
                  - id: marking-dsp
                    description: now only flagged
                    query: ДСП
                    action: flag
                """);

        Verdict v = dir.load().evaluate(input("a", "cloud", "приказ ДСП", Map.of()));

        assertThat(v.blocked()).isFalse();
        assertThat(v.firedRules()).containsExactly("marking-dsp");
        assertThat(dir.load().ruleCount("a")).isEqualTo(1);
    }

    @Test
    void evaluate_agencyWithUpstreams_replacesTheInheritedList() {
        dir.write("agency-a.yaml", """
                agency: a
                upstreams:
                  local: {class: onprem}
                """);

        Verdict v = dir.load().evaluate(input("a", "cloud", "Привет", Map.of()));

        assertThat(v.blocked()).isTrue();
        assertThat(v.code()).isEqualTo("upstreams.notAllowed");
    }

    @ParameterizedTest
    @CsvSource({
        "placeholder, onprem, local, PLACEHOLDER",
        "placeholder, external, cloud, PLACEHOLDER",
        "mask, onprem, local, MASK",
        "mask, external, cloud, MASK",
        "redact, onprem, local, REDACT",
        "redact, external, cloud, REDACT",
        "hash, onprem, local, HASH",
        "hash, external, cloud, HASH",
        "fpe, onprem, local, FPE",
        "fpe, external, cloud, FPE",
        "keep, onprem, local, KEEP",
        "keep, external, cloud, KEEP",
    })
    void protectionFor_actionForTypeAndClass_isThatOperatorThereOnly(
            String action, String dataClass, String upstream, Operator expected) {
        String other = dataClass.equals("onprem") ? "external" : "onprem";
        String otherUpstream = upstream.equals("local") ? "cloud" : "local";
        dir.write(
                "agency-a.yaml",
                "agency: a\nentities:\n  PHONE: {" + dataClass + ": " + action + ", " + other + ": redact}\n");
        PolicySet set = dir.load();

        ProtectionSettings here = set.protectionFor("a", upstream, BASE);
        ProtectionSettings there = set.protectionFor("a", otherUpstream, BASE);
        Verdict v = set.evaluate(input("a", upstream, "x", Map.of(EntityType.PHONE, 2)));

        assertThat(here.operator(EntityType.PHONE)).isEqualTo(expected);
        assertThat(there.operator(EntityType.PHONE)).isEqualTo(Operator.REDACT);
        assertThat(v.blocked()).isFalse();
        assertThat(v.protection(BASE).operator(EntityType.PHONE)).isEqualTo(expected);
        assertThat(here.keys()).isEqualTo(BASE.keys());
    }

    @ParameterizedTest
    @CsvSource({"onprem, local, cloud", "external, cloud, local"})
    void evaluate_blockForTypeAndClass_blocksWhenPresentOnThatClassOnly(
            String dataClass, String upstream, String otherUpstream) {
        dir.write("agency-a.yaml", "agency: a\nentities:\n  PHONE: {" + dataClass + ": block}\n");
        PolicySet set = dir.load();

        Verdict present = set.evaluate(input("a", upstream, "x", Map.of(EntityType.PHONE, 1)));
        Verdict absent = set.evaluate(input("a", upstream, "x", Map.of(EntityType.EMAIL, 1)));
        Verdict elsewhere = set.evaluate(input("a", otherUpstream, "x", Map.of(EntityType.PHONE, 1)));

        assertThat(present.blocked()).isTrue();
        assertThat(present.code()).isEqualTo("entities.PHONE");
        assertThat(present.message()).contains("PHONE").contains(dataClass);
        assertThat(absent.blocked()).isFalse();
        assertThat(elsewhere.blocked()).isFalse();
        assertThat(set.protectionFor("a", upstream, BASE).operator(EntityType.PHONE))
                .isEqualTo(Operator.REDACT);
    }

    @Test
    void protectionFor_policyWithoutDefault_overridesOnlyListedTypes() {
        dir.write("default.yaml", """
                entities:
                  IIN: redact
                """);

        ProtectionSettings s = dir.load().protectionFor(null, "any", BASE);

        assertThat(s.operator(EntityType.IIN)).isEqualTo(Operator.REDACT);
        assertThat(s.operator(EntityType.EMAIL)).isEqualTo(Operator.MASK);
        assertThat(s.fallback()).isEqualTo(Operator.PLACEHOLDER);
    }

    @Test
    void protectionFor_policyWithDefault_decidesEveryType() {
        dir.write("default.yaml", """
                entities:
                  default: redact
                  IIN: placeholder
                """);

        ProtectionSettings s = dir.load().protectionFor(null, "any", BASE);

        assertThat(s.operator(EntityType.IIN)).isEqualTo(Operator.PLACEHOLDER);
        assertThat(s.operator(EntityType.EMAIL)).isEqualTo(Operator.REDACT);
    }

    @Test
    void evaluate_policyInShadowMode_recordsWouldBeBlockButDoesNotBlock() {
        dir.write("agency-s.yaml", """
                agency: s
                mode: shadow
                """);
        PolicySet set = dir.load();

        Verdict v = set.evaluate(input("s", "cloud", "приказ для служебного пользования", Map.of(EntityType.IIN, 1)));

        assertThat(v.blocked()).isFalse();
        assertThat(v.code()).isNull();
        assertThat(v.shadowBlock()).isEqualTo("marking-dsp");
        assertThat(v.shadowRules()).containsExactly("marking-dsp", "entities.IIN");
        assertThat(v.firedRules()).isEmpty();
        assertThat(v.protection(BASE)).isEqualTo(BASE);
        assertThat(set.protectionFor("s", "cloud", BASE)).isEqualTo(BASE);
    }

    @Test
    void evaluate_ruleInShadowMode_isRecordedApartAndDoesNotBlock() {
        dir.write("agency-a.yaml", """
                agency: a
                rules:
                  - id: confidential
                    description: confidential documents
                    query: confidential
                    action: block
                    mode: shadow
                """);

        Verdict v = dir.load().evaluate(input("a", "cloud", "CONFIDENTIAL memo about ДСП", Map.of()));

        assertThat(v.blocked()).isTrue();
        assertThat(v.code()).isEqualTo("marking-dsp");
        assertThat(v.firedRules()).containsExactly("marking-dsp");
        assertThat(v.shadowRules()).containsExactly("confidential");
    }

    @Test
    void evaluate_routeRule_reroutesAndJudgesTheTargetsClass() {
        dir.write("agency-a.yaml", """
                agency: a
                rules:
                  - id: medical
                    description: medical records stay on-premise
                    query: диагноз
                    action: {route: local}
                    appliesTo: [external]
                """);
        PolicySet set = dir.load();

        Verdict v = set.evaluate(input("a", "cloud", "Диагноз: гипертония. ДСП", Map.of(EntityType.IIN, 1)));

        assertThat(v.reroute()).isEqualTo("local");
        assertThat(v.upstream()).isEqualTo("local");
        assertThat(v.upstreamClass()).isEqualTo(DataClass.ONPREM);
        assertThat(v.blocked()).isFalse(); // marking-dsp and IIN block only on external upstreams
        assertThat(v.firedRules()).containsExactly("medical");
        assertThat(v.protection(BASE).operator(EntityType.IIN)).isEqualTo(Operator.PLACEHOLDER);
    }

    @Test
    void evaluate_overLimits_blocksLargeBodiesAndBulkPersonalData() {
        dir.write("agency-a.yaml", """
                agency: a
                limits:
                  maxEntities: 3
                  maxRequestBytes: 1KB
                """);
        PolicySet set = dir.load();

        Verdict many = set.evaluate(input("a", "local", "x", Map.of(EntityType.PERSON, 2, EntityType.PHONE, 2)));
        Verdict three = set.evaluate(input("a", "local", "x", Map.of(EntityType.PERSON, 2, EntityType.PHONE, 1)));
        Verdict large = set.evaluate(new PolicyInput("a", "chat", "local", List.of(), Map.of(), 1025));

        assertThat(many.code()).isEqualTo("limits.maxEntities");
        assertThat(three.blocked()).isFalse();
        assertThat(large.code()).isEqualTo("limits.maxRequestBytes");
    }

    @Test
    void usageLimits_inheritedPerValue_callersOverridePerCaller() {
        dir.write("default.yaml", PolicyDir.DEFAULT + """
                limits:
                  requestsPerSecond: 100
                  tokensPerDay: 1000000
                  perCaller: { requestsPerSecond: 10, concurrentExchanges: 4 }
                """);
        dir.write("agency-a.yaml", """
                agency: a
                limits:
                  requestsPerSecond: 20
                  concurrentExchanges: 8
                  perCaller: { tokensPerMinute: 5000 }
                  callers:
                    batch-job: { requestsPerSecond: 2, concurrentExchanges: 1 }
                """);
        PolicySet set = dir.load();

        UsageLimits a = set.usageLimits("a");
        assertThat(a.agency()).isEqualTo(new UsageLimits.Rates(20, 8, 0, 1_000_000));
        assertThat(a.caller("chat-bot")).isEqualTo(new UsageLimits.Rates(10, 4, 5000, 0));
        assertThat(a.caller("batch-job")).isEqualTo(new UsageLimits.Rates(2, 1, 5000, 0));
        assertThat(set.usageLimits("nobody").agency()).isEqualTo(new UsageLimits.Rates(100, 0, 0, 1_000_000));
    }

    @Test
    void usageLimits_noneWritten_none() {
        assertThat(dir.load().usageLimits("a").none()).isTrue();
    }

    @Test
    void usageLimits_negative_namesFileAndField() {
        dir.write("agency-a.yaml", """
                agency: a
                limits:
                  perCaller: { requestsPerSecond: -1 }
                """);
        assertThatThrownBy(dir::load)
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("agency-a.yaml:3:")
                .hasMessageContaining("limits.perCaller.requestsPerSecond");
    }

    @Test
    void judgeBeforeReading_overTheSizeOrOnAnUpstreamNotAllowed_blocks_otherwiseLeavesItToEvaluate() {
        dir.write("agency-a.yaml", """
                agency: a
                limits: {maxRequestBytes: 1KB}
                """);
        dir.write("agency-s.yaml", """
                agency: s
                mode: shadow
                limits: {maxRequestBytes: 1KB}
                """);
        PolicySet set = dir.load();

        Verdict large = set.judgeBeforeReading("a", "chat", "local", null, false, 1025);
        assertThat(large.blocked()).isTrue();
        assertThat(large.code()).isEqualTo("limits.maxRequestBytes");
        assertThat(large.policyVersion()).isEqualTo(set.version());
        assertThat(set.judgeBeforeReading("a", "chat", "local", null, false, 1024))
                .isNull();
        assertThat(set.judgeBeforeReading(null, "chat", "cloud", "o3", false, 1).code())
                .isEqualTo("upstreams.modelNotAllowed");
        assertThat(set.judgeBeforeReading("s", "chat", "local", null, false, 1025))
                .as("shadow mode blocks nothing")
                .isNull();
    }

    @Test
    void evaluate_textsWithMoreWordsThanTheInputAllows_refusedTooComplex() {
        PolicySet set = dir.load();
        PolicyInput in = new PolicyInput(
                null, "chat", "local", null, false, List.of(RoleText.user("раз два три")), Map.of(), 20, 2);
        assertThatThrownBy(() -> set.evaluate(in))
                .isInstanceOfSatisfying(
                        ProtectionFailed.class, e -> assertThat(e.code()).isEqualTo("request_too_complex"));
    }

    @Test
    void evaluate_modelNotListed_isBlocked() {
        PolicySet set = dir.load();

        Verdict wrong = set.evaluate(new PolicyInput(null, "chat", "cloud", "o3", List.of(), Map.of(), 1));
        Verdict right = set.evaluate(new PolicyInput(null, "chat", "cloud", "gpt-4o-mini", List.of(), Map.of(), 1));

        assertThat(wrong.code()).isEqualTo("upstreams.modelNotAllowed");
        assertThat(right.blocked()).isFalse();
    }

    @Test
    void evaluate_answersAndCacheSet_comeFromThePolicy() {
        dir.write("agency-a.yaml", """
                agency: a
                answers: mask
                cache: {enabled: true, ttl: 5m, scope: agency, maxEntryBytes: 64KB, routes: [chat]}
                """);
        PolicySet set = dir.load();

        Verdict chat = set.evaluate(input("a", "local", "x", Map.of()));
        Verdict other = set.evaluate(new PolicyInput("a", "embed", "local", List.of(), Map.of(), 1));

        assertThat(chat.answers()).isEqualTo(AnswerAction.MASK);
        assertThat(chat.cache()).isEqualTo(new Verdict.Cache(true, Duration.ofMinutes(5), "agency", 65536L));
        assertThat(other.cache().enabled()).isFalse();
        assertThat(set.evaluate(input(null, "local", "x", Map.of())).cache()).isEqualTo(Verdict.Cache.UNSET);
    }

    @Test
    void cacheSection_agencyOverridesSomeSettings_inheritsTheRest() {
        dir.write("default.yaml", "cache: {enabled: false, ttl: 1m, scope: caller}\n");
        dir.write("agency-a.yaml", "agency: a\ncache: {enabled: true}\n");
        PolicySet set = dir.load();

        assertThat(set.cacheSection("a"))
                .isEqualTo(new CacheSection(true, Duration.ofMinutes(1), "caller", null, List.of()));
        assertThat(set.cacheSection("unknown").enabled()).isFalse();
    }

    @Test
    void version_filesChanged_isANewContentHash() {
        String before = dir.load().version();
        String again = dir.load().version();
        dir.write("agency-a.yaml", "agency: a\n");
        String after = dir.load().version();

        assertThat(before).isEqualTo(again).hasSize(16);
        assertThat(after).isNotEqualTo(before);
        assertThat(dir.load().evaluate(input(null, "local", "x", Map.of())).policyVersion())
                .isEqualTo(after);
    }

    @Test
    void load_testFilesAndOtherFiles_areNotPolicies() {
        dir.write("default.test.yaml", "cases: []\n").write("README.md", "# notes\n");

        assertThat(dir.load().agencies()).isEmpty();
    }

    @Test
    void operatorsUsed_severalPolicies_listsTheirOperators() {
        dir.write("agency-a.yaml", "agency: a\nentities:\n  PHONE: hash\n");

        assertThat(dir.load().operatorsUsed())
                .contains(Operator.HASH, Operator.PLACEHOLDER, Operator.REDACT)
                .doesNotContain(Operator.FPE);
    }

    @Test
    void evaluate_fromManyThreads_givesTheSameVerdictsAsOneThread() {
        PolicySet set = dir.load();
        List<PolicyInput> inputs = IntStream.range(0, 400)
                .mapToObj(i -> input(
                        i % 2 == 0 ? null : "x",
                        i % 3 == 0 ? "cloud" : "local",
                        i % 5 == 0 ? "приказ ДСП номер " + i : "обычный текст " + i,
                        i % 7 == 0 ? Map.of(EntityType.IIN, 1) : Map.of()))
                .toList();
        List<Verdict> sequential = inputs.stream().map(set::evaluate).toList();

        List<Verdict> parallel = inputs.parallelStream().map(set::evaluate).toList();

        assertThat(parallel).isEqualTo(sequential);
        assertThat(sequential).filteredOn(Verdict::blocked).isNotEmpty();
    }

    @Test
    void toString_verdictOnSensitiveText_holdsNoRequestText() {
        String text = "Совершенно особый текст ДСП 900515301234";

        Verdict v = dir.load().evaluate(input(null, "cloud", text, Map.of(EntityType.IIN, 1)));

        assertThat(v.toString().toLowerCase(Locale.ROOT))
                .doesNotContain("особый")
                .doesNotContain("900515301234");
    }
}
