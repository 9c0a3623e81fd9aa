package io.qorgan.gateway.route;

import io.qorgan.gateway.config.RouteConfig;

/**
 * A request matched to its route.
 *
 * @param upstreamUri the path and query to send upstream: the upstream's base path, then the part
 *     of the request path after the route prefix, then the query as it came
 */
public record RouteMatch(RouteConfig route, String upstreamUri) {}
