package io.qorgan.gateway.server;

import io.qorgan.gateway.config.RouteConfig;
import io.qorgan.gateway.identity.AccessDecision;
import io.qorgan.gateway.identity.Identity;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.shiro.authz.Permission;
import org.apache.shiro.authz.permission.WildcardPermission;

/**
 * The permissions a request on a route needs, {@code route:NAME:invoke} and
 * {@code upstream:NAME:use}, parsed once per configuration rather than on every request.
 * Immutable and shared across event loops; Shiro permissions are only read once built.
 */
final class RouteAccess {

    private final Map<RouteConfig, Required> byRoute = new IdentityHashMap<>();

    RouteAccess(List<RouteConfig> routes) {
        for (RouteConfig route : routes) {
            byRoute.put(route, Required.of(route));
        }
    }

    /**
     * Allowed only if the identity holds both permissions of the route; else names the first one
     * missing, invoking the route before using its upstream (as {@link Identity#check} would).
     */
    AccessDecision check(Identity identity, RouteConfig route) {
        Required required = byRoute.get(route);
        return (required == null ? Required.of(route) : required).check(identity);
    }

    private record Required(String invokeName, Permission invoke, String useName, Permission use) {

        static Required of(RouteConfig route) {
            String invoke = "route:" + route.name() + ":invoke";
            String use = "upstream:" + route.upstream() + ":use";
            return new Required(invoke, new WildcardPermission(invoke), use, new WildcardPermission(use));
        }

        AccessDecision check(Identity identity) {
            if (!identity.isPermitted(invoke)) {
                return AccessDecision.deny(invokeName);
            }
            if (!identity.isPermitted(use)) {
                return AccessDecision.deny(useName);
            }
            return AccessDecision.allow();
        }
    }
}
