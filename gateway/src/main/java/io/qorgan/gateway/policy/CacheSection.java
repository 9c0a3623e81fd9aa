package io.qorgan.gateway.policy;

import java.time.Duration;
import java.util.List;

/**
 * A policy's {@code cache:} section, inheritance resolved: each setting written somewhere in the policy's chain, or
 * null where the gateway configuration's {@code protection.cache} decides. Values only, no request content: two
 * sections that are equal cache alike, so a reload that changes an agency's section purges that agency's answers.
 *
 * @param enabled whether answers may be cached, or null
 * @param ttl how long, or null
 * @param scope {@code caller} or {@code agency}, or null
 * @param maxEntryBytes the largest answer stored, or null
 * @param routes the routes whose answers may be cached; empty means every route
 */
public record CacheSection(Boolean enabled, Duration ttl, String scope, Long maxEntryBytes, List<String> routes) {

    static final CacheSection UNSET = new CacheSection(null, null, null, null, List.of());

    public CacheSection {
        routes = List.copyOf(routes);
    }

    /** What this section says for a request on {@code route}: off on a route it does not list. */
    Verdict.Cache forRoute(String route) {
        boolean listed = routes.isEmpty() || routes.contains(route);
        return new Verdict.Cache(listed ? enabled : Boolean.FALSE, ttl, scope, maxEntryBytes);
    }
}
