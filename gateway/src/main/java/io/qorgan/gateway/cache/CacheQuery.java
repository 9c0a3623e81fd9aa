package io.qorgan.gateway.cache;

import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.dialect.RequestFacts;
import io.qorgan.gateway.policy.Verdict;
import io.qorgan.gateway.protect.Operator;
import io.qorgan.gateway.protect.ProtectionSettings;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One protected request as the cache judges it: who asked, where it goes, and what goes there — the body, path and
 * query as protected, never as the caller wrote them.
 *
 * @param agency the caller's agency
 * @param caller the caller's id within the agency
 * @param route the route's name
 * @param upstream the upstream the request goes to (after a policy's reroute)
 * @param dialect the API the request speaks
 * @param method the HTTP method
 * @param target the path and query as forwarded, protected
 * @param body the body as forwarded, protected; null when there is none
 * @param facts the body's top-level fields as the preparer read them ({@link RequestFacts#NOT_JSON} when it did not):
 *     protection changes none the cache reads from them, so a request that surely samples is let by before its
 *     canonical form is worked out
 * @param bodyRead whether the body was read and protected (false: a route passed an unreadable one on as it came)
 * @param identifying whether a value found in the request went out as something that still identifies the person:
 *     the value ({@code keep}), part of it ({@code mask}) or a stable pseudonym ({@code hash}, {@code fpe}); such a
 *     request and its answer are never cached
 * @param policy what the agency's policy says about caching on this route, or null without policies
 * @param headers the request headers the cache reads ({@link #HEADERS}), by lower-case name
 */
public record CacheQuery(
        String agency,
        String caller,
        String route,
        String upstream,
        Dialect dialect,
        String method,
        String target,
        byte[] body,
        RequestFacts facts,
        boolean bodyRead,
        boolean identifying,
        Verdict.Cache policy,
        Map<String, String> headers) {

    /** The caller's own directive: {@code allow} (cache a request that is not deterministic) or {@code bypass}. */
    public static final String DIRECTIVE = "x-qorgan-cache";

    /**
     * The request headers the cache reads: the caller's directives, and the API versions and betas that change what an
     * answer looks like (so they are part of the key).
     */
    public static final List<String> HEADERS =
            List.of(DIRECTIVE, "cache-control", "anthropic-version", "anthropic-beta", "openai-beta");

    public CacheQuery {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(facts, "facts");
        headers = Map.copyOf(headers);
    }

    /**
     * Whether a type found in a request went out as something that identifies the person: every operator but
     * {@code placeholder} (numbered per exchange, the same for every citizen) and {@code redact} does.
     */
    public static boolean identifying(ProtectionSettings settings, Set<EntityType> found) {
        for (EntityType type : found) {
            Operator op = settings.operator(type);
            if (op != Operator.PLACEHOLDER && op != Operator.REDACT) {
                return true;
            }
        }
        return false;
    }

    String header(String name) {
        return headers.get(name);
    }

    @Override
    public String toString() { // never the body or the target's query
        return "CacheQuery[" + agency + "/" + caller + ", route=" + route + ", upstream=" + upstream + ", " + dialect
                + "]";
    }
}
