package io.qorgan.gateway.server;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
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

    private static final AsciiString[] HOP_BY_HOP = {
            HttpHeaderNames.CONNECTION,
            HttpHeaderNames.KEEP_ALIVE,
            AsciiString.cached("proxy-connection"),
            HttpHeaderNames.PROXY_AUTHENTICATE,
            HttpHeaderNames.PROXY_AUTHORIZATION,
            HttpHeaderNames.TE,
            HttpHeaderNames.TRAILER,
            HttpHeaderNames.TRANSFER_ENCODING,
            HttpHeaderNames.UPGRADE};

    private static final AsciiString X_API_KEY = AsciiString.cached("x-api-key");

    /**
     * Headers that take names and values as given. Only for the upstream request: what it holds
     * was validated already, by the decoder (the client's headers) or when the gateway made it.
     */
    private static final HttpHeadersFactory UNVALIDATED = DefaultHttpHeadersFactory.headersFactory()
            .withValidation(false);

    private ForwardingHeaders() {
    }

    /**
     * A copy of the client's headers to rewrite for the upstream. The values {@link #toUpstream}
     * and {@link #credentials} add are valid by construction (request ids are checked, addresses
     * and the upstream's host come from parsed addresses, the upstream key is checked at start),
     * so the copy does not check every header a second time.
     */
    static HttpHeaders upstreamCopy(HttpHeaders fromClient) {
        return UNVALIDATED.newHeaders().add(fromClient);
    }

    /** Removes hop-by-hop headers, including those the Connection header names. */
    static void stripHopByHop(HttpHeaders headers) {
        if (headers.contains(HttpHeaderNames.CONNECTION)) {
            List<String> connection = headers.getAll(HttpHeaderNames.CONNECTION);
            for (int i = 0; i < connection.size(); i++) {
                removeNamed(headers, connection.get(i));
            }
        }
        for (AsciiString name : HOP_BY_HOP) {
            headers.remove(name);
        }
    }

    /** Removes every header named in one comma-separated Connection value. */
    private static void removeNamed(HttpHeaders headers, String connection) {
        int start = 0;
        while (start <= connection.length()) {
            int comma = connection.indexOf(',', start);
            int end = comma < 0 ? connection.length() : comma;
            String name = connection.substring(start, end).trim();
            if (!name.isEmpty()) {
                headers.remove(name);
            }
            start = end + 1;
        }
    }

    /**
     * Prepares the client's headers for the upstream: hop-by-hop removed, Host set to the
     * upstream, forwarding headers appended, the body length fixed, and compression refused
     * because the gateway reads every answer it relays.
     *
     * @param client what the connection tells about the client, or null when its address is unknown
     */
    static void toUpstream(HttpHeaders headers, String upstreamHost, Client client, String requestId,
            int contentLength) {
        String originalHost = headers.get(HttpHeaderNames.HOST);
        stripHopByHop(headers);
        headers.set(HttpHeaderNames.HOST, upstreamHost);
        headers.set(GatewayHeaders.REQUEST_ID, requestId);
        headers.remove(HttpHeaderNames.ACCEPT_ENCODING);
        headers.remove(HttpHeaderNames.EXPECT);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, contentLength);
        if (client != null) {
            String xff = headers.get(GatewayHeaders.FORWARDED_FOR);
            headers.set(GatewayHeaders.FORWARDED_FOR, xff == null || xff.isBlank() ? client.ip : xff + ", " + client.ip);
            headers.set(GatewayHeaders.FORWARDED_PROTO, client.scheme);
            String fwd = originalHost != null && isToken(originalHost)
                    ? client.forwarded + ";host=\"" + originalHost + '"' : client.forwarded;
            String previous = headers.get(GatewayHeaders.FORWARDED);
            headers.set(GatewayHeaders.FORWARDED, previous == null || previous.isBlank() ? fwd : previous + ", " + fwd);
        }
    }

    /**
     * The client as one connection shows it, worked out once per connection since it does not
     * change between its requests: its address for {@code X-Forwarded-For}, the scheme, and the
     * start of its {@code Forwarded} element.
     */
    record Client(String ip, String scheme, String forwarded) {

        @Override
        public String toString() {
            return "Client[" + scheme + "]"; // the address is the caller's: never printed
        }

        /** The client behind {@code address}, or null when the address is not an IP address. */
        static Client of(SocketAddress address, String scheme) {
            if (!(address instanceof InetSocketAddress inet) || inet.getAddress() == null) {
                return null;
            }
            String ip = inet.getAddress().getHostAddress();
            String node = inet.getAddress() instanceof Inet6Address ? "\"[" + ip + "]\"" : ip;
            return new Client(ip, scheme, "for=" + node + ";proto=" + scheme);
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
