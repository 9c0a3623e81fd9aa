package io.qorgan.gateway.exchange;

import io.qorgan.gateway.config.RouteConfig;
import io.qorgan.gateway.identity.Identity;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request as the server read it, in plain Java: who called, on which route, what it asked for. The server builds
 * it once the body is complete; nothing in it refers to a connection or a buffer.
 *
 * @param requestId the exchange's request id
 * @param route the route the path matched
 * @param upstream the upstream the route names
 * @param identity the caller
 * @param method the HTTP method
 * @param upstreamTarget the path and query to send upstream, as the route mapped them (not yet protected)
 * @param headerTexts the client's own headers that may carry text, name then value decoded as text
 * @param contentType the body's {@code Content-Type}, or null
 * @param contentEncoding the body's {@code Content-Encoding}, or null
 * @param body the body, or null when the request has none; read, never changed
 */
public record ExchangeRequest(
        String requestId,
        RouteConfig route,
        String upstream,
        Identity identity,
        String method,
        String upstreamTarget,
        List<Map.Entry<String, String>> headerTexts,
        String contentType,
        String contentEncoding,
        byte[] body) {

    public ExchangeRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(upstreamTarget, "upstreamTarget");
        headerTexts = List.copyOf(headerTexts);
        body = body == null || body.length == 0 ? null : body;
    }

    /** The body's size in bytes. */
    public int bodyBytes() {
        return body == null ? 0 : body.length;
    }

    /** The upstream path without its query. */
    public String upstreamPath() {
        int q = upstreamTarget.indexOf('?');
        return q < 0 ? upstreamTarget : upstreamTarget.substring(0, q);
    }

    @Override
    public String toString() { // never the body, the target's query or header values
        return "ExchangeRequest[" + requestId + ", route=" + route.name() + ", upstream=" + upstream + ", caller="
                + identity.agency() + "/" + identity.caller() + ", bytes=" + bodyBytes() + "]";
    }
}
