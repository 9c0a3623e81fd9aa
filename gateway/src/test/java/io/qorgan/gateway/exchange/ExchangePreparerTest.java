package io.qorgan.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.config.ProtectionConfig;
import io.qorgan.gateway.config.RouteConfig;
import io.qorgan.gateway.detect.Canonical;
import io.qorgan.gateway.detect.Detector;
import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.identity.AuthMethod;
import io.qorgan.gateway.identity.Identity;
import io.qorgan.gateway.metrics.GatewayMetrics;
import io.qorgan.gateway.policy.PolicySet;
import io.qorgan.gateway.protect.TextScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.shiro.authz.permission.WildcardPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request's way from a complete request to a decision, without sockets: every refusal it can answer, what it
 * forwards, and that personal data is found once per text even when the policy's verdict changes the operators.
 */
class ExchangePreparerTest {

    private static final String IIN = "900515301234";
    private static final String NAME = "Ахметов Нұрлан";

    private static final String POLICY = """
            version: "t"
            description: test default
            upstreams:
              local-llm: {class: onprem, models: ["llama-*"]}
              openai: {class: external}
            entities:
              default: placeholder
              IIN: {onprem: placeholder, external: redact}
            rules:
              - id: medical-record
                description: Medical records are answered by the on-premise model.
                query: 'диагноз*'
                action: {route: local-llm}
                appliesTo: [external]
              - id: marking-dsp
                description: Official-use documents stay inside.
                query: 'ДСП'
                action: block
            """;

    @TempDir
    Path dir;

    private final AtomicInteger scans = new AtomicInteger();
    private final Detector detector = Detector.defaults();
    private final TextScanner counting = text -> {
        scans.incrementAndGet();
        return detector.detect(text);
    };
    private final Protection protection =
            Protection.create(ProtectionConfig.defaults(), counting, Canonical::canonical, new SecureRandom());

    private ExchangePreparer preparer(PolicySet policies) {
        return new ExchangePreparer(
                protection, () -> policies, Set.of("local-llm", "openai"), new GatewayMetrics(), false);
    }

    private PolicySet policies() throws IOException {
        Files.writeString(dir.resolve("default.yaml"), POLICY);
        return PolicySet.load(dir, Set.of("local-llm", "openai"));
    }

    private static Identity caller(String... permissions) {
        return new Identity(
                "health",
                "bot",
                Set.of(),
                Set.of(permissions).stream().map(WildcardPermission::new).collect(Collectors.toSet()),
                AuthMethod.API_KEY,
                "qg_test");
    }

    private static RouteConfig route(String upstream, boolean protect, List<String> models) {
        return new RouteConfig("v1", "/v1", upstream, "auto", models, protect, false);
    }

    private static ExchangeRequest chat(RouteConfig route, String body) {
        return post(route, "/v1/chat/completions", body);
    }

    private static ExchangeRequest responses(RouteConfig route, String body) {
        return post(route, "/v1/responses", body);
    }

    private static ExchangeRequest post(RouteConfig route, String path, String body) {
        return new ExchangeRequest(
                "req-1",
                route,
                route.upstream(),
                caller("*"),
                "POST",
                path,
                List.of(),
                "application/json",
                null,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static String message(String text) {
        return "{\"model\":\"llama-3\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
    }

    private static GatewayError refusal(Preparation p) {
        assertThat(p).isInstanceOf(Preparation.Refused.class);
        return ((Preparation.Refused) p).error();
    }

    private static PreparedExchange ready(Preparation p) {
        assertThat(p).isInstanceOf(Preparation.Ready.class);
        return ((Preparation.Ready) p).exchange();
    }

    @Test
    void prepare_duplicatedModelOnUnprotectedRoute_refusedBeforeTheAllowList() {
        // the first model is allowed; an upstream reading the last would serve the other one
        RouteConfig route = route("openai", false, List.of("gpt-4o-mini"));
        Preparation p = preparer(null).prepare(chat(route, "{\"model\":\"gpt-4o-mini\",\"model\":\"gpt-4o\"}"));

        GatewayError error = refusal(p);
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.code()).isEqualTo("duplicate_key");
    }

    @Test
    void prepare_modelAbsentNullArrayOrObject_refusedWhereTheRouteListsModels() {
        RouteConfig route = route("openai", true, List.of("gpt-4o"));
        for (String body : List.of(
                "{\"messages\":[]}",
                "{\"model\":null}",
                "{\"model\":[\"gpt-4o\"]}",
                "{\"model\":{\"name\":\"gpt-4o\"}}",
                "[\"gpt-4o\"]",
                "not json")) {
            GatewayError error = refusal(preparer(null).prepare(chat(route, body)));
            assertThat(error.code()).as(body).isEqualTo("model_not_allowed");
            assertThat(error.status()).isEqualTo(403);
        }
        assertThat(ready(preparer(null).prepare(chat(route, "{\"model\":\"gpt-4o\"}")))
                        .facts()
                        .model())
                .isEqualTo("gpt-4o");
    }

    @Test
    void prepare_modelMissingWherePolicyListsModels_refusedByThePolicy() throws IOException {
        RouteConfig route = route("local-llm", true, List.of());
        PolicySet policies = policies();

        GatewayError error = refusal(preparer(policies).prepare(chat(route, "{\"model\":7,\"messages\":[]}")));

        assertThat(error.code()).isEqualTo("upstreams.modelNotAllowed");
        assertThat(ready(preparer(policies).prepare(chat(route, message("салем"))))
                        .upstream())
                .isEqualTo("local-llm");
    }

    @Test
    void prepare_protectedRoute_forwardsPlaceholdersAndKeepsTheVault() {
        RouteConfig route = route("local-llm", true, List.of());
        PreparedExchange ready =
                ready(preparer(null).prepare(chat(route, message("Заявитель " + NAME + ", ИИН " + IIN))));

        String sent = new String(ready.forwardBody(), StandardCharsets.UTF_8);
        assertThat(sent).doesNotContain(IIN).doesNotContain("Ахметов").contains("[IIN_1]");
        assertThat(ready.vault().restore(EntityType.IIN, 1)).contains(IIN);
        assertThat(ready.dialect()).isEqualTo(Dialect.OPENAI_CHAT);
        assertThat(ready.decision().entityCounts()).containsEntry(EntityType.IIN, 1);
        assertThat(ready.decision().entitiesHeader()).contains("IIN=1");
    }

    @Test
    void prepare_unprotectedRouteWithoutJudges_forwardsTheBodyAsItCameUnread() {
        RouteConfig route = route("openai", false, List.of());
        PreparedExchange ready = ready(preparer(null).prepare(chat(route, message("ИИН " + IIN))));

        assertThat(ready.forwardBody()).isNull(); // the client's own bytes go on
        assertThat(ready.vault()).isNull();
        assertThat(scans).hasValue(0);
    }

    @Test
    void prepare_policyReroutesToAnotherClass_operatorsChangeButEachTextIsScannedOnce() throws IOException {
        // on the external upstream IIN is redacted; the medical rule reroutes to on-premise, where it is a placeholder
        RouteConfig route = route("openai", true, List.of());
        ExchangeRequest request = new ExchangeRequest(
                "req-2",
                route,
                "openai",
                caller("*"),
                "POST",
                "/v1/chat/completions?case=" + IIN,
                List.of(Map.entry("X-Case-Holder", NAME)),
                "application/json",
                null,
                message("диагноз пациента, ИИН " + IIN).getBytes(StandardCharsets.UTF_8));

        PreparedExchange ready = ready(preparer(policies()).prepare(request));

        assertThat(ready.upstream()).isEqualTo("local-llm");
        assertThat(new String(ready.forwardBody(), StandardCharsets.UTF_8)).contains("[IIN_1]");
        assertThat(ready.forwardTarget()).isEqualTo("/v1/chat/completions?case=%5BIIN_1%5D");
        assertThat(ready.protectedHeaders()).containsKey("x-case-holder");
        // the body's strings, the query's name and value, the header: each scanned once, not again after the reroute
        int texts = scans.get();
        scans.set(0);
        preparer(null).prepare(request);
        assertThat(texts).isEqualTo(scans.get());
    }

    @Test
    void prepare_rerouteToAnUpstreamTheCallerMayNotUse_forbidden() throws IOException {
        RouteConfig route = route("openai", true, List.of());
        ExchangeRequest request = new ExchangeRequest(
                "req-3",
                route,
                "openai",
                caller("route:*", "upstream:openai:use"),
                "POST",
                "/v1/chat/completions",
                List.of(),
                "application/json",
                null,
                message("диагноз").getBytes(StandardCharsets.UTF_8));

        GatewayError error = refusal(preparer(policies()).prepare(request));

        assertThat(error.code()).isEqualTo("permission_denied");
        assertThat(error.message()).contains("upstream:local-llm:use");
    }

    @Test
    void prepare_policyBlock_refusedWithTheRuleAndTheDecisionForTheAudit() throws IOException {
        RouteConfig route = route("local-llm", true, List.of());

        Preparation p = preparer(policies()).prepare(chat(route, message("ДСП, ИИН " + IIN)));

        GatewayError error = refusal(p);
        assertThat(error.status()).isEqualTo(403);
        assertThat(error.code()).isEqualTo("marking-dsp");
        PreparedExchange.Decision decision = ((Preparation.Refused) p).decision();
        assertThat(decision.verdict().blockingRule()).isEqualTo("marking-dsp");
        assertThat(decision.policyVersion()).isNotBlank();
        assertThat(decision.entityCounts()).containsEntry(EntityType.IIN, 1);
        assertThat(((Preparation.Refused) p).model()).isEqualTo("llama-3");
    }

    @Test
    void prepare_refusals_carryTheModelReadOnlyWhenTheBodyWasRead() throws IOException {
        RouteConfig route = route("local-llm", true, List.of());
        ExchangePreparer preparer = preparer(policies());

        // a body of any size: the audit record takes the model from here, never by reading the body again
        String large = "ДСП " + "а".repeat(300 * 1024);
        Preparation blocked = preparer.prepare(chat(route, message(large)));
        Preparation unreadable = preparer(null).prepare(chat(route, "{\"model\":\"llama-3\",\"messages\":["));

        assertThat(refusal(blocked).status()).isEqualTo(403);
        assertThat(((Preparation.Refused) blocked).model()).isEqualTo("llama-3");
        assertThat(refusal(unreadable).status()).isEqualTo(400);
        assertThat(((Preparation.Refused) unreadable).model()).isNull();
    }

    @Test
    void prepare_malformedBody_refusedUnlessTheRoutePassesUnreadable() {
        RouteConfig strict = route("local-llm", true, List.of());
        RouteConfig lenient = new RouteConfig("v1", "/v1", "local-llm", "auto", List.of(), true, true);

        assertThat(refusal(preparer(null).prepare(chat(strict, "{\"messages\":[")))
                        .code())
                .isEqualTo("malformed_json");
        PreparedExchange passed = ready(preparer(null).prepare(chat(lenient, "{\"messages\":[")));
        assertThat(passed.forwardBody()).isNull();
        assertThat(passed.decision().passedUnreadable()).isTrue();
    }

    @Test
    void prepare_scannerFails_refusedAsInternalNothingForwarded() {
        Protection failing = Protection.create(
                ProtectionConfig.defaults(),
                text -> {
                    throw new IllegalStateException("boom");
                },
                Canonical::canonical,
                new SecureRandom());
        ExchangePreparer preparer =
                new ExchangePreparer(failing, () -> null, Set.of("local-llm"), new GatewayMetrics(), false);

        GatewayError error = refusal(preparer.prepare(chat(route("local-llm", true, List.of()), message("hello"))));

        assertThat(error.status()).isEqualTo(500);
        assertThat(error.code()).isEqualTo("internal_error");
    }

    @Test
    void prepare_responsesTurnThatStores_keepsAConversationScope() {
        RouteConfig route = route("local-llm", true, List.of());
        ExchangeRequest stored = responses(route, "{\"model\":\"m\",\"input\":\"hi\"}");
        ExchangeRequest notStored = responses(route, "{\"model\":\"m\",\"input\":\"hi\",\"store\":false}");

        assertThat(ready(preparer(null).prepare(stored)).conversationScope()).isEqualTo("health/bot");
        assertThat(ready(preparer(null).prepare(notStored)).conversationScope()).isNull();
    }

    @Test
    void continuation_responsesBody_readOnceForTheFetchAndThePrepareStage() {
        RouteConfig route = route("local-llm", true, List.of());
        ExchangePreparer preparer = preparer(null);
        ExchangeRequest continuing =
                responses(route, "{\"model\":\"m\",\"input\":\"ИИН " + IIN + "\",\"previous_response_id\":\"resp_9\"}");
        ExchangeRequest starting = responses(route, "{\"model\":\"m\",\"input\":\"ИИН " + IIN + "\"}");
        ExchangeRequest unreadable = responses(route, "{\"model\":");

        ExchangePreparer.Continuation c = preparer.continuation(continuing);
        ExchangePreparer.Continuation s = preparer.continuation(starting);

        assertThat(c.continues()).isTrue();
        assertThat(c.previousResponseId()).isEqualTo("resp_9");
        assertThat(c.scope()).isEqualTo("health/bot");
        assertThat(s.continues()).isFalse();
        assertThat(s.facts().model()).isEqualTo("m");
        assertThat(preparer.continuation(unreadable).continues()).isFalse();
        assertThat(preparer.continuation(chat(route, message("hi")))).isNull(); // not a Responses route
        // what the prepare stage makes of the facts read for the continuation is what it makes of the body
        assertThat(body(ready(preparer.prepare(starting, s)))).isEqualTo(body(ready(preparer.prepare(starting))));
        assertThat(refusal(preparer.prepare(unreadable, preparer.continuation(unreadable)))
                        .code())
                .isEqualTo(refusal(preparer.prepare(unreadable)).code())
                .isEqualTo("malformed_json");
    }

    private static RouteConfig failover(String... upstreams) {
        List<RouteConfig.Target> targets =
                Arrays.stream(upstreams).map(u -> new RouteConfig.Target(u, 1)).toList();
        return new RouteConfig("v1", "/v1", upstreams[0], "auto", List.of(), true, false, targets, false);
    }

    private static String body(PreparedExchange p) {
        return new String(p.forwardBody(), StandardCharsets.UTF_8);
    }

    @Test
    void prepareFallback_otherClassOtherOperators_appliedToTheFirstFindings_detectedOnce() throws IOException {
        ExchangePreparer preparer = preparer(policies());
        Preparation first = preparer.prepare(chat(failover("local-llm", "openai"), message(NAME + ", ИИН " + IIN)));
        assertThat(body(ready(first))).contains("[IIN_1]").contains("[PERSON_1]");
        int scansOfTheFirstPass = scans.get();

        Preparation fallback = preparer.prepareFallback((Preparation.Ready) first, "openai");

        PreparedExchange external = ready(fallback);
        assertThat(external.upstream()).isEqualTo("openai");
        assertThat(body(external)).contains("[REDACTED]").contains("[PERSON_1]").doesNotContain(IIN);
        assertThat(scans.get()).as("no second detection").isEqualTo(scansOfTheFirstPass);
        assertThat(external.vault()).isNotNull();
    }

    @Test
    void prepareFallback_policyBlocksTheDataThere_refused() throws IOException {
        Files.writeString(dir.resolve("default.yaml"), """
                upstreams:
                  local-llm: {class: onprem}
                  openai: {class: external}
                entities:
                  IIN: {onprem: placeholder, external: block}
                """);
        ExchangePreparer preparer = preparer(PolicySet.load(dir, Set.of("local-llm", "openai")));
        Preparation first = preparer.prepare(chat(failover("local-llm", "openai"), message("ИИН " + IIN)));

        GatewayError error = refusal(preparer.prepareFallback((Preparation.Ready) first, "openai"));

        assertThat(error.code()).isEqualTo("entities.IIN");
    }

    @Test
    void prepareFallback_noPolicies_theSameProtectedBytes() {
        ExchangePreparer preparer = preparer(null);
        Preparation first = preparer.prepare(chat(failover("local-llm", "openai"), message("ИИН " + IIN)));

        PreparedExchange again = ready(preparer.prepareFallback((Preparation.Ready) first, "openai"));

        assertThat(again.forwardBody()).isSameAs(ready(first).forwardBody());
        assertThat(again.vault()).isSameAs(ready(first).vault());
        assertThat(again.upstream()).isEqualTo("openai");
    }

    @Test
    void prepare_routeWithOneUpstream_keepsNothingForAFallback() {
        Preparation p = preparer(null).prepare(chat(route("local-llm", true, List.of()), message("Сәлем")));

        assertThat(((Preparation.Ready) p).fallback()).isNull();
    }
}
