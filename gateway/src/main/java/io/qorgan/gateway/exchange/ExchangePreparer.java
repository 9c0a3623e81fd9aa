package io.qorgan.gateway.exchange;

import io.qorgan.gateway.config.RouteConfig;
import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.dialect.BodyRejected;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.dialect.Dialects;
import io.qorgan.gateway.dialect.RequestFacts;
import io.qorgan.gateway.metrics.GatewayMetrics;
import io.qorgan.gateway.policy.AnswerAction;
import io.qorgan.gateway.policy.PolicyInput;
import io.qorgan.gateway.policy.PolicySet;
import io.qorgan.gateway.policy.RequestTexts;
import io.qorgan.gateway.policy.RoleText;
import io.qorgan.gateway.policy.Verdict;
import io.qorgan.gateway.protect.AnswerScanner;
import io.qorgan.gateway.protect.Detections;
import io.qorgan.gateway.protect.ExchangeVault;
import io.qorgan.gateway.protect.ProtectionFailed;
import io.qorgan.gateway.protect.ProtectionSettings;
import io.qorgan.gateway.protect.RequestProtector;
import io.qorgan.gateway.protect.VaultExpired;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request's way from a complete request to a decision: read the body's top level once, judge the route's model
 * allow-list, find personal data once, let the policy judge once, apply the operators it chose, and say what to send
 * where — or which error to answer instead. Plain Java, no sockets: the server hands it an {@link ExchangeRequest} and
 * forwards what it returns.
 *
 * <p>In order:
 *
 * <ol>
 *   <li><b>read</b> — {@link RequestFacts}: the model, stream, store, previous response; a duplicated top-level key is
 *       refused on every route, so the allow-list judges exactly what the upstream will read;
 *   <li><b>allow-list</b> — the route's models: a body without a string {@code model} is refused where a list is set;
 *   <li><b>detect and transform</b> (protected routes) — the body, then the path and query, then the client's headers,
 *       into one vault, with the operators the policy names for this agency and upstream;
 *   <li><b>decide</b> — the policy judges the texts, the personal data found and the size; a block is answered with
 *       its rule id; when its verdict chose other operators (a reroute to another class of upstream), they are applied
 *       to the findings of the first pass: nothing is detected twice.
 * </ol>
 *
 * <p>Fail closed: anything that goes wrong in detection, policy or transformation is a refusal, never a forward.
 * Thread-safe: stateless apart from its shared, thread-safe parts; call it on the event loop for small bodies and on a
 * worker for large ones.
 */
public final class ExchangePreparer {

    private static final Logger log = LoggerFactory.getLogger(ExchangePreparer.class);

    private final Protection protection;
    private final Supplier<PolicySet> policies;
    private final Set<String> upstreams;
    private final GatewayMetrics metrics;
    private final boolean readsPassThroughBodies;

    /**
     * @param policies the active policy set, or a supplier of null when no policies are configured
     * @param upstreams the names of the configured upstreams (a policy may reroute to one of them)
     * @param readsPassThroughBodies whether bodies on unprotected routes are read even when nothing judges their model
     *     (the audit records it)
     */
    public ExchangePreparer(
            Protection protection,
            Supplier<PolicySet> policies,
            Set<String> upstreams,
            GatewayMetrics metrics,
            boolean readsPassThroughBodies) {
        this.protection = protection;
        this.policies = policies;
        this.upstreams = Set.copyOf(upstreams);
        this.metrics = metrics;
        this.readsPassThroughBodies = readsPassThroughBodies;
    }

    /** Whether a request on {@code route} needs its body read: for protection, a model allow-list, policies or audit. */
    public boolean readsBody(RouteConfig route) {
        return needsFacts(route, policies.get());
    }

    /** Prepares one exchange; never throws for anything a request can contain. */
    public Preparation prepare(ExchangeRequest request) {
        return prepare(request, null);
    }

    /**
     * Prepares one exchange whose body's top level {@link #continuation} has read already ({@code read}: its facts,
     * not read again), or not ({@code null}).
     */
    public Preparation prepare(ExchangeRequest request, Continuation read) {
        PolicySet policySet = policies.get();
        RouteConfig route = request.route();
        RequestFacts facts;
        try {
            if (read != null) {
                facts = read.facts();
            } else {
                facts = needsFacts(route, policySet) ? RequestFacts.read(request.body()) : RequestFacts.NOT_JSON;
            }
        } catch (BodyRejected e) {
            return refused(badBody(e.code(), "body"), null, null);
        }
        if (!route.models().isEmpty() && !route.allowsModel(facts.model())) {
            return refused(GatewayError.modelNotAllowed(facts.model()), null, facts);
        }
        if (!route.protect()) {
            return passThrough(request, facts, policySet);
        }
        if (policySet != null) {
            // the upstream, the model and the size are judged before any text of the body is analysed
            Verdict early = policySet.judgeBeforeReading(
                    request.identity().agency(),
                    request.route().name(),
                    request.upstream(),
                    facts.model(),
                    modelMissing(facts),
                    request.bodyBytes());
            if (early != null) {
                GatewayError refused = obey(request, early);
                return refused(
                        refused,
                        new PreparedExchange.Decision(early, policySet.version(), Map.of(), null, false, 0),
                        facts);
            }
        }
        long start = System.nanoTime();
        try {
            return protectAndDecide(request, facts, policySet, start);
        } finally {
            metrics.requestProtected(System.nanoTime() - start);
        }
    }

    /**
     * For a protected Responses route: the body's top level, read once for both this and {@link #prepare(
     * ExchangeRequest, Continuation)}, with the conversation it continues, if any ({@code previous_response_id}):
     * whose it is and the response it follows. Null on other routes and for a body that cannot be read (the prepare
     * stage reads it again and refuses it). As costly as a read of the body's top level: a large body's belongs on a
     * worker.
     */
    public Continuation continuation(ExchangeRequest request) {
        if (!request.route().protect()
                || request.body() == null
                || Dialects.resolve(request.route().dialect(), request.upstreamPath()) != Dialect.OPENAI_RESPONSES) {
            return null;
        }
        try {
            RequestFacts facts = RequestFacts.read(request.body());
            return new Continuation(conversationScope(request), facts.previousResponseId(), facts);
        } catch (BodyRejected e) {
            return null;
        }
    }

    /**
     * A Responses request's top level as read: its conversation's scope (agency and caller), the response it
     * continues (null when it starts a conversation) and its facts.
     */
    public record Continuation(String scope, String previousResponseId, RequestFacts facts) {

        /** Whether the request continues an earlier turn. */
        public boolean continues() {
            return previousResponseId != null;
        }
    }

    private boolean needsFacts(RouteConfig route, PolicySet policySet) {
        return route.protect() || !route.models().isEmpty() || policySet != null || readsPassThroughBodies;
    }

    /**
     * A route without protection has no texts or personal data to judge, but the agency's policy still decides which
     * upstreams and models it may use there, and how large a request may be.
     */
    private Preparation passThrough(ExchangeRequest request, RequestFacts facts, PolicySet policySet) {
        if (policySet == null) {
            return withFallback(
                    ready(
                            request,
                            request.upstream(),
                            facts,
                            null,
                            request.upstreamTarget(),
                            null,
                            null,
                            dialectOf(request),
                            protection.config().answerAction(),
                            false,
                            null,
                            PreparedExchange.Decision.none()),
                    new Fallback(request, facts, null, null, null, null, null));
        }
        Verdict verdict;
        try {
            verdict = policySet.evaluate(policyInput(request, facts, List.of(), Map.of()));
        } catch (ProtectionFailed e) {
            return refused(refusedByProtection(request, e), null, facts);
        } catch (RuntimeException | StackOverflowError e) {
            return refused(failed(request, e), null, facts);
        }
        PreparedExchange.Decision decision =
                new PreparedExchange.Decision(verdict, policySet.version(), Map.of(), null, false, 0);
        GatewayError refused = obey(request, verdict);
        if (refused != null) {
            return refused(refused, decision, facts);
        }
        return withFallback(
                ready(
                        request,
                        verdict.upstream(),
                        facts,
                        null,
                        request.upstreamTarget(),
                        null,
                        null,
                        dialectOf(request),
                        verdict.answers().scannerAction(),
                        false,
                        null,
                        decision),
                new Fallback(request, facts, policySet, null, null, null, null));
    }

    /** The API a request speaks, from its route's dialect and its path; every route has one, protected or not. */
    private static Dialect dialectOf(ExchangeRequest request) {
        return Dialects.resolve(request.route().dialect(), request.upstreamPath());
    }

    private Preparation protectAndDecide(ExchangeRequest request, RequestFacts facts, PolicySet policySet, long start) {
        Dialect dialect = dialectOf(request);
        boolean responses = dialect == Dialect.OPENAI_RESPONSES && request.body() != null;
        String previousResponse = responses ? facts.previousResponseId() : null;
        ProtectionSettings base = protection.baseSettings();
        ProtectionSettings settings = policySet == null
                ? base
                : policySet.protectionFor(request.identity().agency(), request.upstream(), base);
        Detections detections = policySet == null ? null : new Detections();
        Verdict verdict = null;
        Parts parts;
        // the policy reads the texts protection walks over: the body is read once
        RequestTexts.Collector texts = policySet == null ? null : new RequestTexts.Collector();
        try {
            parts = protectParts(protection.protector(settings), request, previousResponse, texts, detections);
            if (policySet != null) {
                verdict = policySet.evaluate(
                        policyInput(request, facts, texts.texts(), parts.vault().counts()));
                GatewayError refused = obey(request, verdict);
                if (refused != null) {
                    return refused(refused, decision(verdict, policySet, parts, start, false), facts);
                }
                ProtectionSettings decided = verdict.protection(base);
                if (!decided.equals(settings)) {
                    parts = protectParts(
                            protection.protector(decided), request, previousResponse, null, detections.replay());
                    settings = decided;
                }
            }
        } catch (VaultExpired e) {
            return refused(
                    GatewayError.badRequest(
                            e.code(),
                            "The conversation this request continues is no longer held by the gateway;"
                                    + " start a new one"),
                    null,
                    facts);
        } catch (ProtectionFailed e) {
            return refused(refusedByProtection(request, e), null, facts);
        } catch (RuntimeException | StackOverflowError e) {
            return refused(failed(request, e), null, facts);
        }
        if (parts.bodyPassed()) {
            metrics.rejected("passed_unreadable");
        }
        // without a protected body the answer is restored only when the target or headers held something
        boolean restores = parts.body() != null || !parts.vault().counts().isEmpty();
        ExchangeVault vault = restores ? parts.vault() : null;
        if (restores) {
            metrics.entities("request", vault.counts());
        }
        AnswerScanner.Action answerAction = verdict == null
                ? protection.config().answerAction()
                : verdict.answers().scannerAction();
        boolean blockAnswers = verdict != null && verdict.answers() == AnswerAction.BLOCK;
        String scope = responses && facts.stores() ? conversationScope(request) : null;
        return withFallback(
                ready(
                        request,
                        verdict == null ? request.upstream() : verdict.upstream(),
                        facts,
                        parts.body(),
                        parts.target(),
                        parts.headers(),
                        vault,
                        dialect,
                        answerAction,
                        blockAnswers,
                        scope,
                        decision(verdict, policySet, parts, start, parts.bodyPassed())),
                new Fallback(
                        request,
                        facts,
                        policySet,
                        texts == null ? null : texts.texts(),
                        detections,
                        settings,
                        previousResponse));
    }

    /** Keeps what another upstream of the route would need, when the route has another. */
    private static Preparation withFallback(Preparation ready, Fallback fallback) {
        PreparedExchange exchange = ((Preparation.Ready) ready).exchange();
        return exchange.request().route().hasFallbacks() ? new Preparation.Ready(exchange, fallback) : ready;
    }

    /**
     * What preparing an exchange for another upstream of its route needs, kept from its first preparation: the request
     * as it came, the policy set that judged it, the texts it judged and the personal data found in them. Opaque to
     * the server; used by one thread at a time.
     */
    public static final class Fallback {
        private final ExchangeRequest request;
        private final RequestFacts facts;
        private final PolicySet policySet;
        private final List<RoleText> texts;
        private final Detections detections;
        private final ProtectionSettings settings;
        private final String previousResponse;

        private Fallback(
                ExchangeRequest request,
                RequestFacts facts,
                PolicySet policySet,
                List<RoleText> texts,
                Detections detections,
                ProtectionSettings settings,
                String previousResponse) {
            this.request = request;
            this.facts = facts;
            this.policySet = policySet;
            this.texts = texts;
            this.detections = detections;
            this.settings = settings;
            this.previousResponse = previousResponse;
        }
    }

    /**
     * The exchange {@code first} prepared again for {@code upstream}, another upstream of its route, without detecting
     * a second time: the policy judges the same texts and findings for that upstream; when it refuses them there (a
     * class of upstream the data may not go to, a rule that blocks or sends them elsewhere), the answer is a refusal and
     * the upstream must not be used. When the policy chose other operators for that upstream's class, they are applied
     * to the findings of the first pass; otherwise the protected request is the same, byte for byte. The target keeps
     * the first upstream's base path (the server maps it). Never throws for anything a request can contain.
     */
    public Preparation prepareFallback(Preparation.Ready first, String upstream) {
        Fallback f = first.fallback();
        PreparedExchange done = first.exchange();
        if (f == null || !upstreams.contains(upstream)) {
            return refused(GatewayError.internal(), null, done.facts());
        }
        if (f.policySet == null) {
            return new Preparation.Ready(
                    sentTo(done, upstream, done.answerAction(), done.blockAnswers(), done.decision()), f);
        }
        try {
            Verdict verdict = f.policySet.evaluate(new PolicyInput(
                    f.request.identity().agency(),
                    f.request.route().name(),
                    upstream,
                    f.facts.model(),
                    modelMissing(f.facts),
                    f.texts == null ? List.of() : f.texts,
                    done.decision().entityCounts(),
                    f.request.bodyBytes(),
                    protection.config().maxTerms()));
            metrics.policyDecision(verdict.policy(), verdict.outcome(), verdict.firedRules(), verdict.shadowRules());
            if (verdict.blocked()) {
                return refused(GatewayError.policyViolation(verdict.code(), verdict.message()), null, f.facts);
            }
            if (!verdict.upstream().equals(upstream)) {
                return refused(GatewayError.forbidden("upstream:" + upstream + ":use"), null, f.facts);
            }
            PreparedExchange.Decision decision = new PreparedExchange.Decision(
                    verdict,
                    f.policySet.version(),
                    done.decision().entityCounts(),
                    done.decision().entitiesHeader(),
                    done.decision().passedUnreadable(),
                    done.decision().protectionNanos());
            AnswerScanner.Action answerAction = verdict.answers().scannerAction();
            if (!f.request.route().protect()) {
                return new Preparation.Ready(sentTo(done, upstream, answerAction, false, decision), f);
            }
            boolean blockAnswers = verdict.answers() == AnswerAction.BLOCK;
            ProtectionSettings decided = verdict.protection(protection.baseSettings());
            if (decided.equals(f.settings)) {
                return new Preparation.Ready(sentTo(done, upstream, answerAction, blockAnswers, decision), f);
            }
            Parts parts = protectParts(
                    protection.protector(decided), f.request, f.previousResponse, null, f.detections.replay());
            boolean restores = parts.body() != null || !parts.vault().counts().isEmpty();
            return new Preparation.Ready(
                    new PreparedExchange(
                            f.request,
                            upstream,
                            parts.body(),
                            parts.target(),
                            parts.headers(),
                            restores ? parts.vault() : null,
                            done.dialect(),
                            f.facts,
                            answerAction,
                            blockAnswers,
                            done.conversationScope(),
                            decision),
                    f);
        } catch (VaultExpired | ProtectionFailed e) {
            return refused(GatewayError.internal(), null, f.facts); // the first pass read all of it: not expected
        } catch (RuntimeException | StackOverflowError e) {
            return refused(failed(f.request, e), null, f.facts);
        }
    }

    /** The same protected request, for another upstream, with what that upstream's verdict says of answers. */
    private static PreparedExchange sentTo(
            PreparedExchange p,
            String upstream,
            AnswerScanner.Action answerAction,
            boolean blockAnswers,
            PreparedExchange.Decision decision) {
        return new PreparedExchange(
                p.request(),
                upstream,
                p.forwardBody(),
                p.forwardTarget(),
                p.protectedHeaders(),
                p.vault(),
                p.dialect(),
                p.facts(),
                answerAction,
                blockAnswers,
                p.conversationScope(),
                decision);
    }

    private PreparedExchange.Decision decision(
            Verdict verdict, PolicySet policySet, Parts parts, long start, boolean passed) {
        Map<EntityType, Integer> counts = parts.vault().counts();
        String header = protection.config().entitiesHeader() && !counts.isEmpty()
                ? parts.vault().entitiesHeader()
                : null;
        return new PreparedExchange.Decision(
                verdict,
                policySet == null ? null : policySet.version(),
                counts,
                header,
                passed,
                System.nanoTime() - start);
    }

    private PolicyInput policyInput(
            ExchangeRequest request, RequestFacts facts, List<RoleText> texts, Map<EntityType, Integer> counts) {
        return new PolicyInput(
                request.identity().agency(),
                request.route().name(),
                request.upstream(),
                facts.model(),
                modelMissing(facts),
                texts,
                counts,
                request.bodyBytes(),
                protection.config().maxTerms());
    }

    /** A body that should name a model and does not: a policy that restricts models refuses it. */
    private static boolean modelMissing(RequestFacts facts) {
        return facts.modelField() != RequestFacts.ModelField.STRING
                && facts.modelField() != RequestFacts.ModelField.NO_BODY;
    }

    /** Takes a policy's verdict: counts it, and gives the error to answer when it blocks (or its reroute is refused). */
    private GatewayError obey(ExchangeRequest request, Verdict verdict) {
        metrics.policyDecision(verdict.policy(), verdict.outcome(), verdict.firedRules(), verdict.shadowRules());
        if (verdict.blocked()) {
            log.debug(
                    "policy blocked request_id={} policy={} rule={}",
                    request.requestId(),
                    verdict.policy(),
                    verdict.blockingRule());
            return GatewayError.policyViolation(verdict.code(), verdict.message());
        }
        return verdict.upstream().equals(request.upstream()) ? null : reroute(request, verdict.upstream());
    }

    /** A policy rule sent this request to another upstream: it must exist, and the caller must be allowed to use it. */
    private GatewayError reroute(ExchangeRequest request, String target) {
        if (!upstreams.contains(target)) {
            log.warn("policy routes to unknown upstream request_id={}", request.requestId());
            return GatewayError.internal();
        }
        String permission = "upstream:" + target + ":use";
        return request.identity().isPermitted(permission) ? null : GatewayError.forbidden(permission);
    }

    /**
     * A request's parts as protected: the body to forward (null when there is none, or when the route passes an
     * unreadable one as it came), the target with its path and query protected, the changed client headers, and their
     * vault.
     */
    private record Parts(
            byte[] body, boolean bodyPassed, String target, Map<String, List<String>> headers, ExchangeVault vault) {}

    /**
     * Protects body, target and headers into one vault: the body first, so numbering follows the conversation. Only
     * an unreadable body may be passed on, and only where the route allows it; an undecodable target never is. The
     * texts as they came go to {@code texts} too, when not null: the body's only when it was read.
     */
    private Parts protectParts(
            RequestProtector protector,
            ExchangeRequest request,
            String previousResponse,
            RequestTexts.Collector texts,
            Detections detections) {
        // a resumed conversation's vault is a fresh copy on every call, so a second pass numbers as the first did
        ExchangeVault into = previousResponse == null
                ? new ExchangeVault()
                : protection.conversations().resume(conversationScope(request), previousResponse);
        byte[] out = null;
        boolean passed = false;
        if (request.body() != null) {
            try {
                out = protector
                        .protect(
                                request.body(),
                                request.contentType(),
                                request.contentEncoding(),
                                dialectOf(request),
                                into,
                                texts == null ? RequestProtector.NOT_READ : texts::bodyText,
                                detections)
                        .body();
            } catch (ProtectionFailed e) {
                if (!(e.clientError() && request.route().passUnreadable())) {
                    throw e;
                }
                passed = true; // the body goes on as it came; its target and headers are still protected
                if (texts != null) {
                    texts.forgetBody();
                }
            }
        }
        String target = protector.protectTarget(
                request.upstreamTarget(),
                into,
                texts == null ? RequestProtector.NOT_READ : (text, site) -> texts.targetText(text),
                detections);
        if (texts != null) {
            request.headerTexts().forEach(header -> texts.headerText(header.getValue()));
        }
        return new Parts(out, passed, target, protectHeaders(protector, request.headerTexts(), into, detections), into);
    }

    /** The client's headers that protection changed, by lower-case name, with all their values as forwarded. */
    private static Map<String, List<String>> protectHeaders(
            RequestProtector protector,
            List<Map.Entry<String, String>> headerTexts,
            ExchangeVault into,
            Detections detections) {
        if (headerTexts.isEmpty()) {
            return null;
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        Set<String> changed = new HashSet<>();
        for (Map.Entry<String, String> header : headerTexts) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            String text = header.getValue();
            String out = protector.protectHeader(name, text, into, detections);
            if (!out.equals(text)) {
                changed.add(name);
            }
            values.computeIfAbsent(name, n -> new ArrayList<>(1)).add(out);
        }
        if (changed.isEmpty()) {
            return null;
        }
        values.keySet().retainAll(changed);
        return values;
    }

    /** The answer to a request protection refused: unreadable (400) or failed (500). */
    private GatewayError refusedByProtection(ExchangeRequest request, ProtectionFailed e) {
        metrics.protectionFailed(e.code());
        log.debug("protection refused request_id={} code={}", request.requestId(), e.code());
        if (!e.clientError()) {
            return GatewayError.internal();
        }
        return new GatewayError(e.status(), "invalid_request_error", e.code(), e.answerMessage());
    }

    private static GatewayError badBody(String code, String part) {
        return GatewayError.badRequest(
                code,
                "The request " + part + " cannot be read completely and unambiguously (" + code
                        + "); nothing was forwarded");
    }

    /** A failure in detection, policy or transformation; a deep input's stack overflow too: refused, never a crash. */
    private GatewayError failed(ExchangeRequest request, Throwable e) {
        metrics.protectionFailed("protection_failed");
        log.warn(
                "protection failed request_id={} error={}",
                request.requestId(),
                e.getClass().getSimpleName());
        return GatewayError.internal();
    }

    private static String conversationScope(ExchangeRequest request) {
        return request.identity().agency() + "/" + request.identity().caller();
    }

    /** A refusal; {@code facts} are what was read of the body, null when it could not be read. */
    private static Preparation refused(GatewayError error, PreparedExchange.Decision decision, RequestFacts facts) {
        return new Preparation.Refused(
                error,
                decision == null ? PreparedExchange.Decision.none() : decision,
                facts == null ? null : facts.model());
    }

    private static Preparation ready(
            ExchangeRequest request,
            String upstream,
            RequestFacts facts,
            byte[] body,
            String target,
            Map<String, List<String>> headers,
            ExchangeVault vault,
            Dialect dialect,
            AnswerScanner.Action answerAction,
            boolean blockAnswers,
            String conversationScope,
            PreparedExchange.Decision decision) {
        return new Preparation.Ready(new PreparedExchange(
                request,
                upstream,
                body,
                target,
                headers,
                vault,
                dialect,
                facts,
                answerAction,
                blockAnswers,
                conversationScope,
                decision));
    }
}
