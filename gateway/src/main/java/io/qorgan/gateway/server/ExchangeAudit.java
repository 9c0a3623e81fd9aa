package io.qorgan.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.qorgan.gateway.audit.AuditTrail;
import io.qorgan.gateway.audit.AuditVerdict;
import io.qorgan.gateway.audit.AuthFailureRecord;
import io.qorgan.gateway.audit.CacheOutcome;
import io.qorgan.gateway.audit.EntityCount;
import io.qorgan.gateway.audit.ExchangeRecord;
import io.qorgan.gateway.audit.ExchangeTimes;
import io.qorgan.gateway.config.RouteConfig;
import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.exchange.GatewayError;
import io.qorgan.gateway.exchange.Preparation;
import io.qorgan.gateway.exchange.PreparedExchange;
import io.qorgan.gateway.identity.ApiKeyHeaders;
import io.qorgan.gateway.identity.ApiKeys;
import io.qorgan.gateway.identity.AuthMethod;
import io.qorgan.gateway.identity.Identity;
import io.qorgan.gateway.policy.Verdict;
import io.qorgan.gateway.protect.ProtectionSettings;
import io.qorgan.gateway.route.RouteMatch;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The audit record of one exchange, assembled as the exchange goes: the frontend begins it once the caller is known
 * ({@link #begin}), takes the trail's place for it before the body is read ({@link #admit}), and the relay feeds it
 * small facts — what was prepared, when the upstream was sent the request and answered, how many bytes went out, which
 * error was answered — until {@link #ended} (or a refusal, or the client leaving) writes the one
 * {@link ExchangeRecord}. Authentication failures are recorded at once ({@link #authFailed}).
 *
 * <p>The verdict says what left the gateway: {@code refused} and {@code blocked} mean nothing was forwarded (a policy
 * block, or an answer a policy withheld, is {@code blocked}); {@code forwarded} and {@code shadow_would_block} mean the
 * request went out (or was answered from the cache); {@code failed} means the upstream failed it.
 *
 * <p>Nothing of a request's content is kept: ids (cleaned by the record), counts, times and codes only; the
 * {@code model} is the one the prepare stage read, refused or not. One instance per exchange, used on
 * its event loop only; {@link #NONE} without a trail, whose every method returns at once.
 */
final class ExchangeAudit {

    /** No trail: every call returns at once, nothing is allocated per exchange. */
    static final ExchangeAudit NONE = new ExchangeAudit();

    private static final String CLIENT_CLOSED = "client_closed";
    private static final String CLIENT_STALLED = "client_stalled";
    private static final String UPSTREAM_STATUS = "upstream_status";

    private final boolean on;
    private final ProxyRuntime runtime;
    private final AuditTrail trail;
    private final ExchangeRecord.Builder record;
    private final String route;
    private final long beganNanos;

    private AuditTrail.Admission admission;
    private boolean written;

    private Instant completeAt;
    private long completeNanos;
    private long bytesIn;
    private long bytesOut;
    private String upstream;

    private PreparedExchange.Decision decision;
    /** Prepared to go out: its personal data was replaced as the policy said. */
    private boolean ready;

    private boolean forwarded;
    private String model;

    private long firstSentNanos;
    private long lastSentNanos;
    private long firstByteNanos;
    private long upstreamEndNanos;

    private String errorCode;
    private String errorType;

    private ExchangeAudit() {
        this.on = false;
        this.runtime = null;
        this.trail = null;
        this.record = null;
        this.route = null;
        this.beganNanos = 0;
    }

    private ExchangeAudit(
            ProxyRuntime runtime, String requestId, Identity identity, InetAddress client, RouteConfig route) {
        this.on = true;
        this.runtime = runtime;
        this.trail = runtime.audit();
        this.beganNanos = System.nanoTime();
        this.record = ExchangeRecord.builder()
                .requestId(requestId)
                .caller(identity.agency(), identity.caller(), identity.method())
                .clientAddress(client);
        this.route = route == null ? null : route.name();
        this.upstream = route == null ? null : route.upstream();
    }

    /** The record of an identified request on {@code match}'s route (none: 404), or {@link #NONE} without a trail. */
    static ExchangeAudit begin(
            ProxyRuntime runtime,
            String requestId,
            Identity identity,
            SocketAddress remote,
            Optional<RouteMatch> match) {
        if (!runtime.audit().enabled()) {
            return NONE;
        }
        return new ExchangeAudit(
                runtime,
                requestId,
                identity,
                address(remote),
                match.map(RouteMatch::route).orElse(null));
    }

    /**
     * Records a request refused because its caller could not be identified: the kind of credential presented, the
     * public id of a key only when the key itself was right (expired, revoked) and of a certificate, never a key.
     */
    static void authFailed(
            ProxyRuntime runtime,
            String requestId,
            SocketAddress remote,
            HttpHeaders headers,
            Optional<X509Certificate> certificate,
            GatewayError error) {
        AuditTrail trail = runtime.audit();
        if (!trail.enabled()) {
            return;
        }
        Optional<String> key =
                ApiKeyHeaders.extract(headers.get(HttpHeaderNames.AUTHORIZATION), headers.get("x-api-key"));
        AuthMethod method = null;
        String credential = null;
        if (key.isPresent()) {
            method = AuthMethod.API_KEY;
            credential = knownKeyId(key.get(), error.code());
        } else if (certificate.isPresent()) {
            method = AuthMethod.CLIENT_CERT;
            credential = certificate.get().getSerialNumber().toString(16);
        }
        trail.record(
                new AuthFailureRecord(Instant.now(), requestId, address(remote), method, credential, error.code()));
    }

    /**
     * The public id of a key the store verified as right but refused (expired, revoked); null for a key that did not
     * verify, whose every part is the caller's own text.
     */
    private static String knownKeyId(String key, String code) {
        if (!code.equals("key_expired") && !code.equals("key_revoked")) {
            return null;
        }
        int idEnd = key.indexOf('_', 3);
        String id = idEnd < 0 ? null : key.substring(0, idEnd);
        return ApiKeys.isKeyId(id) ? id : null;
    }

    private static InetAddress address(SocketAddress remote) {
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }

    /**
     * Takes the trail's place for this exchange before anything of it is read or forwarded; false when the trail has
     * no room under {@code onFull: block}: answer 503 {@code audit_unavailable}.
     */
    boolean admit() {
        if (!on) {
            return true;
        }
        admission = trail.admit();
        return admission.admitted();
    }

    /** The request was read whole ({@code bytes} of body) and its exchange begins. */
    void requestRead(long bytes) {
        if (!on) {
            return;
        }
        completeAt = Instant.now();
        completeNanos = System.nanoTime();
        bytesIn = bytes;
    }

    /** Refused by the frontend after identification, before the exchange began. */
    void refused(GatewayError error, long bytesReceived) {
        if (!on || written) {
            return;
        }
        bytesIn = bytesReceived;
        errorCode = error.code();
        errorType = error.type();
        write(error.status(), AuditVerdict.REFUSED, CacheOutcome.NONE, null, 0);
    }

    /** The client left while its request was being read. */
    void clientLeftEarly(long bytesReceived) {
        if (!on || written) {
            return;
        }
        bytesIn = bytesReceived;
        errorCode = CLIENT_CLOSED;
        write(499, AuditVerdict.REFUSED, CacheOutcome.NONE, null, 0);
    }

    /** What the prepare stage decided; may be called again when the exchange is prepared anew for another upstream. */
    void prepared(Preparation preparation) {
        if (!on) {
            return;
        }
        if (preparation instanceof Preparation.Ready r) {
            PreparedExchange exchange = r.exchange();
            decision = exchange.decision();
            ready = true;
            model = exchange.facts().model();
            upstream = exchange.upstream();
            return;
        }
        Preparation.Refused refused = (Preparation.Refused) preparation;
        decision = refused.decision();
        ready = false;
        if (decision.verdict() != null) {
            upstream = decision.verdict().upstream();
        }
        model = refused.model();
    }

    /** The request was handed to an upstream connection (again, on a retry). */
    void sent() {
        if (!on) {
            return;
        }
        long now = System.nanoTime();
        if (!forwarded) {
            forwarded = true;
            firstSentNanos = now;
        }
        lastSentNanos = now;
        firstByteNanos = 0;
    }

    /** The upstream's answer began (its head arrived). */
    void answerStarted() {
        if (on && forwarded && firstByteNanos == 0) {
            firstByteNanos = System.nanoTime();
        }
    }

    /** The last piece of the upstream's answer arrived. */
    void upstreamEnded() {
        if (on && forwarded && upstreamEndNanos == 0) {
            upstreamEndNanos = System.nanoTime();
        }
    }

    /** A piece of the answer's body goes to the client; null for none. */
    void sending(ByteBuf piece) {
        if (on && piece != null) {
            bytesOut += piece.readableBytes();
        }
    }

    /** The gateway answers {@code error} itself, {@code bodyBytes} long, before any part of another answer went out. */
    void errorAnswered(GatewayError error, int bodyBytes) {
        if (!on) {
            return;
        }
        errorCode = error.code();
        errorType = error.type();
        bytesOut = bodyBytes;
    }

    /** The answer under way ends with {@code error} (an error event, or a cut). */
    void cut(GatewayError error) {
        if (!on) {
            return;
        }
        errorCode = error.code();
        errorType = error.type();
    }

    /** The upstream's answer could not be restored ({@code code}): it failed the exchange. */
    void answerBroken(String code) {
        cut(new GatewayError(502, "upstream_error", code, null));
    }

    /** The client left, or took nothing of its answer for too long ({@code stalled}). */
    void clientGone(boolean stalled) {
        if (on && errorCode == null) {
            errorCode = stalled ? CLIENT_STALLED : CLIENT_CLOSED;
        }
    }

    /**
     * The exchange ended: writes its record.
     *
     * @param status the status answered (499 when the client left)
     * @param upstreamName the upstream it went (or would have gone) to
     * @param cache the answer cache's outcome as the relay names it ({@code hit}, {@code miss}, {@code stored},
     *     {@code bypass}), or null when it was not consulted
     * @param restoration the answer's restoration, for the entities the model produced; null when not restored
     * @param answerNanos time spent restoring and scanning the answer
     */
    void ended(int status, String upstreamName, String cache, AnswerRestoration restoration, long answerNanos) {
        if (!on || written) {
            return;
        }
        upstream = upstreamName;
        CacheOutcome outcome = cacheOutcome(cache);
        write(status, verdict(status, outcome), outcome, restoration, answerNanos);
    }

    private AuditVerdict verdict(int status, CacheOutcome cache) {
        if ("policy_violation".equals(errorType)) {
            return AuditVerdict.BLOCKED; // by a rule, or an answer withheld
        }
        if ("upstream_error".equals(errorType)) {
            return AuditVerdict.FAILED;
        }
        if (!forwarded && cache != CacheOutcome.HIT) {
            return AuditVerdict.REFUSED; // answered by the gateway, or the client left, before anything went out
        }
        if (forwarded && cache != CacheOutcome.HIT && status >= 500) {
            if (errorCode == null) {
                errorCode = UPSTREAM_STATUS;
            }
            return AuditVerdict.FAILED;
        }
        Verdict policy = decision == null ? null : decision.verdict();
        return policy != null && policy.shadowBlock() != null
                ? AuditVerdict.SHADOW_WOULD_BLOCK
                : AuditVerdict.FORWARDED;
    }

    private static CacheOutcome cacheOutcome(String cache) {
        if (cache == null) {
            return CacheOutcome.NONE;
        }
        return switch (cache) {
            case "hit" -> CacheOutcome.HIT;
            case "miss" -> CacheOutcome.MISS;
            case "stored" -> CacheOutcome.STORED;
            default -> CacheOutcome.BYPASS;
        };
    }

    private void write(
            int status, AuditVerdict verdict, CacheOutcome cache, AnswerRestoration restoration, long answerNanos) {
        written = true;
        long now = System.nanoTime();
        Verdict policy = decision == null ? null : decision.verdict();
        long start = completeAt == null ? beganNanos : completeNanos;
        long protection = decision == null ? ExchangeTimes.NONE : micros(decision.protectionNanos() + answerNanos);
        record.time(completeAt == null ? Instant.now() : completeAt)
                .route(route, upstream, policy == null ? null : policy.upstreamClass())
                .model(model)
                .verdict(verdict)
                .status(status, errorCode)
                .bytes(bytesIn, bytesOut)
                .cache(cache)
                .times(new ExchangeTimes(
                        micros(now - start),
                        protection,
                        forwarded && firstByteNanos != 0 ? micros(firstByteNanos - lastSentNanos) : ExchangeTimes.NONE,
                        forwarded
                                ? micros((upstreamEndNanos != 0 ? upstreamEndNanos : now) - firstSentNanos)
                                : ExchangeTimes.NONE));
        if (decision != null) {
            record.policyVersion(decision.policyVersion()).entities(entities(decision, policy));
            if (policy != null) {
                record.rules(policy.firedRules(), policy.shadowRules());
            }
        }
        if (restoration != null) {
            record.answerEntities(restoration.produced());
        }
        ExchangeRecord built = record.build();
        if (admission != null) {
            admission.write(built);
        } else {
            trail.record(built); // refused before its place was taken: never refused, a gap when there is no room
        }
    }

    /** The counts by type, with the operator that replaced each type; none for a request refused before that. */
    private Map<EntityType, EntityCount> entities(PreparedExchange.Decision decision, Verdict policy) {
        Map<EntityType, Integer> counts = decision.entityCounts();
        if (counts.isEmpty()) {
            return Map.of();
        }
        ProtectionSettings settings = null;
        if (ready) {
            ProtectionSettings base = runtime.protection().baseSettings();
            try {
                settings = policy == null ? base : policy.protection(base);
            } catch (IllegalArgumentException e) {
                settings = null; // cannot happen for a request that was prepared with them; recorded without
            }
        }
        Map<EntityType, EntityCount> out = new EnumMap<>(EntityType.class);
        for (Map.Entry<EntityType, Integer> e : counts.entrySet()) {
            out.put(e.getKey(), new EntityCount(e.getValue(), settings == null ? null : settings.operator(e.getKey())));
        }
        return out;
    }

    private static long micros(long nanos) {
        return Math.max(0, nanos) / 1000;
    }
}
