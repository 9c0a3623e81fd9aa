package io.qorgan.gateway.server;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import io.qorgan.gateway.upstream.UpstreamCredential;
import java.util.List;

/**
 * Header rewriting at the proxy boundary (RFC 9110 §7.6): hop-by-hop headers stay on their hop,
 * the upstream learns who the client was ({@code X-Forwarded-For}, {@code Forwarded}), and both
 * sides see the request id.
 */
final class ForwardingHeaders {

    private static final List<AsciiString> HOP_BY_HOP = List.of(
            HttpHeaderNames.CONNECTION,
            HttpHeaderNames.KEEP_ALIVE,
            AsciiString.cached("proxy-connection"),
            HttpHeaderNames.PROXY_AUTHENTICATE,
            HttpHeaderNames.PROXY_AUTHORIZATION,
            HttpHeaderNames.TE,
            HttpHeaderNames.TRAILER,
            HttpHeaderNames.TRANSFER_ENCODING,
            HttpHeaderNames.UPGRADE);

    private static final AsciiString X_API_KEY = AsciiString.cached("x-api-key");

    private ForwardingHeaders() {
    }

    /** Removes hop-by-hop headers, including those the Connection header names. */
    static void stripHopByHop(HttpHeaders headers) {
        for (String connection : headers.getAll(HttpHeaderNames.CONNECTION)) {
            for (String token : connection.split(",")) {
                String name = token.trim();
                if (!name.isEmpty()) {
                    headers.remove(name);
                }
            }
        }
        for (AsciiString name : HOP_BY_HOP) {
            headers.remove(name);
        }
    }

    /**
     * Prepares the client's headers for the upstream: hop-by-hop removed, Host set to the
     * upstream, forwarding headers appended, the body length fixed, and compression refused
     * because the gateway reads every answer it relays.
     */
    static void toUpstream(HttpHeaders headers, String upstreamHost, SocketAddress client, String scheme,
            String requestId, int contentLength) {
        String originalHost = headers.get(HttpHeaderNames.HOST);
        stripHopByHop(headers);
        headers.set(HttpHeaderNames.HOST, upstreamHost);
        headers.set(GatewayHeaders.REQUEST_ID, requestId);
        headers.remove(HttpHeaderNames.ACCEPT_ENCODING);
        headers.remove(HttpHeaderNames.EXPECT);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, contentLength);
        if (client instanceof InetSocketAddress inet && inet.getAddress() != null) {
            String ip = inet.getAddress().getHostAddress();
            String xff = headers.get(GatewayHeaders.FORWARDED_FOR);
            headers.set(GatewayHeaders.FORWARDED_FOR, xff == null || xff.isBlank() ? ip : xff + ", " + ip);
            headers.set(GatewayHeaders.FORWARDED_PROTO, scheme);
            String node = inet.getAddress() instanceof Inet6Address ? "\"[" + ip + "]\"" : ip;
            StringBuilder fwd = new StringBuilder("for=").append(node).append(";proto=").append(scheme);
            if (originalHost != null && isToken(originalHost)) {
                fwd.append(";host=\"").append(originalHost).append('"');
            }
            String previous = headers.get(GatewayHeaders.FORWARDED);
            headers.set(GatewayHeaders.FORWARDED, previous == null || previous.isBlank()
                    ? fwd.toString() : previous + ", " + fwd);
        }
    }

    /**
     * The caller's credentials stay in the gateway when the gateway authenticates callers or holds
     * the upstream's own key; the upstream's key, if any, is put in their place.
     */
    static void credentials(HttpHeaders headers, boolean gatewayAuthenticates, UpstreamCredential upstreamKey) {
        if (gatewayAuthenticates || upstreamKey != null) {
            headers.remove(HttpHeaderNames.AUTHORIZATION);
            headers.remove(X_API_KEY);
        }
        if (upstreamKey != null) {
            upstreamKey.applyTo(headers);
        }
    }

    /** Prepares the upstream's response headers for the client. */
    static void toClient(HttpHeaders headers, String requestId) {
        stripHopByHop(headers);
        headers.set(GatewayHeaders.REQUEST_ID, requestId);
    }

    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == '"' || c == '\\' || c >= 127) {
                return false;
            }
        }
        return true;
    }
}
