package io.qorgan.gateway.policy;

import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.protect.Operator;
import io.qorgan.gateway.protect.ProtectionSettings;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The decision on one request, with its reasons. It names rule ids, descriptions and counts, never request text,
 * so it can go into the audit record as it is.
 *
 * <p>A block answers {@code 403 {"error":{"type":"policy_violation","code":code(),"message":message()}}}.
 *
 * @param policyVersion   content hash of the policy set that decided
 * @param policy          the policy that decided: {@code default} or the agency id
 * @param blocked         whether the request must not be forwarded
 * @param blockingRule    the id of the rule that blocked, or null
 * @param blockingMessage that rule's description, or null
 * @param shadowBlock     the id of the first rule that would have blocked had it been enforced, or null
 * @param firedRules      ids of the enforced rules that fired, in evaluation order
 * @param shadowRules     ids of the shadow rules that fired (they change nothing)
 * @param entityCounts    the input's entity counts
 * @param upstream        the upstream to forward to: the input's, or the reroute target
 * @param upstreamClass   that upstream's data class
 * @param reroute         the upstream a rule routed to, or null
 * @param operators       the policy's operator per entity type for {@code upstream} (types it names)
 * @param defaultOperator the policy's operator for other types, or null when the route's protection decides
 * @param answers         what to do with personal data the model produced
 * @param cache           whether the answer may be cached, for how long, for whom: the policy's {@code cache:}
 *                        settings for this route (null ones are left to the configuration's {@code protection.cache})
 */
public record Verdict(
        String policyVersion,
        String policy,
        boolean blocked,
        String blockingRule,
        String blockingMessage,
        String shadowBlock,
        List<String> firedRules,
        List<String> shadowRules,
        Map<EntityType, Integer> entityCounts,
        String upstream,
        DataClass upstreamClass,
        String reroute,
        Map<EntityType, Operator> operators,
        Operator defaultOperator,
        AnswerAction answers,
        Cache cache) {

    /**
     * What the agency's policy says about caching answers on this route; each setting null when the policy does not
     * write it, so the configuration's {@code protection.cache} decides.
     *
     * @param enabled whether answers may be cached (false on a route the policy's {@code cache.routes} leaves out)
     * @param ttl how long a stored answer is served
     * @param scope {@code caller} or {@code agency}: who shares a stored answer
     * @param maxEntryBytes the largest answer stored
     */
    public record Cache(Boolean enabled, Duration ttl, String scope, Long maxEntryBytes) {
        /** The policy says nothing: the configuration decides. */
        public static final Cache UNSET = new Cache(null, null, null, null);
    }

    public Verdict {
        firedRules = List.copyOf(firedRules);
        shadowRules = List.copyOf(shadowRules);
        EnumMap<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
        counts.putAll(entityCounts);
        entityCounts = Collections.unmodifiableMap(counts);
        EnumMap<EntityType, Operator> ops = new EnumMap<>(EntityType.class);
        ops.putAll(operators);
        operators = Collections.unmodifiableMap(ops);
    }

    /** How the request fared: {@code blocked}, {@code shadow_blocked} (a shadow rule would have blocked) or {@code passed}. */
    public String outcome() {
        return blocked ? "blocked" : shadowBlock != null ? "shadow_blocked" : "passed";
    }

    /** The {@code code} of the 403 error: the blocking rule's id (null when not blocked). */
    public String code() {
        return blockingRule;
    }

    /** The {@code message} of the 403 error: the blocking rule's description (null when not blocked). */
    public String message() {
        return blockingMessage;
    }

    /**
     * The protection to apply on the way to {@link #upstream()}: {@code base} (the route's protection, with its keys)
     * overlaid with this policy's operators. A policy in shadow mode leaves {@code base} as it is.
     *
     * @throws IllegalArgumentException when an operator needs a key {@code base} does not have
     */
    public ProtectionSettings protection(ProtectionSettings base) {
        return Overlay.apply(base, operators, defaultOperator);
    }
}
