package io.qorgan.gateway.audit;

import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.identity.AuthMethod;
import io.qorgan.gateway.policy.DataClass;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One exchange, whatever its end: forwarded, blocked, shadow-would-block, refused by protection, or failed upstream.
 * Built once at the end of the exchange ({@link #builder()}) and handed to {@link AuditTrail.Admission#write}.
 *
 * @param time when the request was complete
 * @param requestId the exchange's request id
 * @param agency the caller's agency (identity store), or {@code anonymous}
 * @param caller the caller's id
 * @param authMethod how the caller authenticated
 * @param clientAddress the address of the calling system, or null when unknown
 * @param route the route's name
 * @param upstream the upstream the request went (or would have gone) to
 * @param upstreamClass that upstream's class in the policy (on-premise or external), or null without policies
 * @param model the body's {@code model}, or null
 * @param verdict how the exchange ended
 * @param enforcedRules ids of the enforced policy rules that fired
 * @param shadowRules ids of the shadow rules that fired (they changed nothing)
 * @param entities personal data found in the request, by type: how many, and the operator applied
 * @param answerEntities personal data the model produced in its answer, by type
 * @param policyVersion the content hash of the policy set that decided, or null without policies
 * @param cache what the answer cache did
 * @param status the HTTP status answered
 * @param errorCode the error code answered (a gateway code, or a blocking rule's id), or null
 * @param bytesIn request body bytes received
 * @param bytesOut answer body bytes sent
 * @param times where the time went
 */
public record ExchangeRecord(
        Instant time,
        String requestId,
        String agency,
        String caller,
        AuthMethod authMethod,
        InetAddress clientAddress,
        String route,
        String upstream,
        DataClass upstreamClass,
        String model,
        AuditVerdict verdict,
        List<String> enforcedRules,
        List<String> shadowRules,
        Map<EntityType, EntityCount> entities,
        Map<EntityType, Integer> answerEntities,
        String policyVersion,
        CacheOutcome cache,
        int status,
        String errorCode,
        long bytesIn,
        long bytesOut,
        ExchangeTimes times)
        implements AuditRecord {

    public ExchangeRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(verdict, "verdict");
        requestId = AuditIds.id(requestId);
        agency = AuditIds.id(agency);
        caller = AuditIds.id(caller);
        route = AuditIds.id(route);
        upstream = AuditIds.id(upstream);
        model = AuditIds.id(model);
        enforcedRules = AuditIds.ids(enforcedRules);
        shadowRules = AuditIds.ids(shadowRules);
        entities = copy(entities);
        answerEntities = copy(answerEntities);
        policyVersion = AuditIds.id(policyVersion);
        cache = cache == null ? CacheOutcome.NONE : cache;
        errorCode = AuditIds.id(errorCode);
        times = times == null ? ExchangeTimes.UNKNOWN : times;
    }

    private static <V> Map<EntityType, V> copy(Map<EntityType, V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new EnumMap<>(map));
    }

    /** A builder, for the end of an exchange: fields not set are null, empty, zero or unknown. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects an exchange's fields; not thread-safe, used by one exchange. */
    public static final class Builder {
        private Instant time;
        private String requestId;
        private String agency;
        private String caller;
        private AuthMethod authMethod;
        private InetAddress clientAddress;
        private String route;
        private String upstream;
        private DataClass upstreamClass;
        private String model;
        private AuditVerdict verdict;
        private List<String> enforcedRules = List.of();
        private List<String> shadowRules = List.of();
        private Map<EntityType, EntityCount> entities = Map.of();
        private Map<EntityType, Integer> answerEntities = Map.of();
        private String policyVersion;
        private CacheOutcome cache = CacheOutcome.NONE;
        private int status;
        private String errorCode;
        private long bytesIn;
        private long bytesOut;
        private ExchangeTimes times = ExchangeTimes.UNKNOWN;

        private Builder() {}

        public Builder time(Instant time) {
            this.time = time;
            return this;
        }

        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder caller(String agency, String caller, AuthMethod method) {
            this.agency = agency;
            this.caller = caller;
            this.authMethod = method;
            return this;
        }

        public Builder clientAddress(InetAddress clientAddress) {
            this.clientAddress = clientAddress;
            return this;
        }

        public Builder route(String route, String upstream, DataClass upstreamClass) {
            this.route = route;
            this.upstream = upstream;
            this.upstreamClass = upstreamClass;
            return this;
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder verdict(AuditVerdict verdict) {
            this.verdict = verdict;
            return this;
        }

        public Builder rules(List<String> enforced, List<String> shadow) {
            this.enforcedRules = enforced;
            this.shadowRules = shadow;
            return this;
        }

        public Builder entities(Map<EntityType, EntityCount> entities) {
            this.entities = entities;
            return this;
        }

        public Builder answerEntities(Map<EntityType, Integer> answerEntities) {
            this.answerEntities = answerEntities;
            return this;
        }

        public Builder policyVersion(String policyVersion) {
            this.policyVersion = policyVersion;
            return this;
        }

        public Builder cache(CacheOutcome cache) {
            this.cache = cache;
            return this;
        }

        public Builder status(int status, String errorCode) {
            this.status = status;
            this.errorCode = errorCode;
            return this;
        }

        public Builder bytes(long in, long out) {
            this.bytesIn = in;
            this.bytesOut = out;
            return this;
        }

        public Builder times(ExchangeTimes times) {
            this.times = times;
            return this;
        }

        public ExchangeRecord build() {
            return new ExchangeRecord(
                    time,
                    requestId,
                    agency,
                    caller,
                    authMethod,
                    clientAddress,
                    route,
                    upstream,
                    upstreamClass,
                    model,
                    verdict,
                    enforcedRules,
                    shadowRules,
                    entities,
                    answerEntities,
                    policyVersion,
                    cache,
                    status,
                    errorCode,
                    bytesIn,
                    bytesOut,
                    times);
        }
    }
}
