package io.qorgan.gateway.server;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.util.AsciiString;
import io.qorgan.gateway.dialect.Utf8;
import io.qorgan.gateway.identity.ApiKeys;
import io.qorgan.gateway.metrics.GatewayMetrics;
import io.qorgan.gateway.upstream.UpstreamCredential;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

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
        HttpHeaderNames.UPGRADE
    };

    private static final AsciiString X_API_KEY = AsciiString.cached("x-api-key");
    /** The credential header of Azure OpenAI's clients; the gateway reads no key from it. */
    private static final AsciiString API_KEY = AsciiString.cached("api-key");

    private static final AsciiString[] CREDENTIALS = {HttpHeaderNames.AUTHORIZATION, X_API_KEY, API_KEY};

    private static final AsciiString TRACEPARENT = AsciiString.cached("traceparent");
    private static final AsciiString TRACESTATE = AsciiString.cached("tracestate");
    private static final AsciiString X_FORWARDED_HOST = AsciiString.cached("x-forwarded-host");

    /**
     * Headers whose values are protocol, credentials or the gateway's own, never a text: every other header a client
     * sends (its own {@code X-Case-Holder}, say) is scanned for personal data like the body. Hop-by-hop headers, and
     * those a Connection header names, never leave the gateway, so they are not scanned either.
     */
    private static final Set<String> NOT_TEXT = notText();

    private static Set<String> notText() {
        Set<String> names = new HashSet<>(Set.of(
                "host",
                "content-length",
                "content-type",
                "content-encoding",
                "expect",
                "accept",
                "accept-encoding",
                "authorization",
                "x-api-key",
                "api-key",
                "cookie",
                "x-request-id",
                "x-forwarded-for",
                "x-forwarded-proto",
                "forwarded"));
        for (AsciiString name : HOP_BY_HOP) {
            names.add(name.toString());
        }
        return Set.copyOf(names);
    }

    /**
     * Headers that take names and values as given. Only for the upstream request: what it holds
     * was validated already, by the decoder (the client's headers) or when the gateway made it.
     */
    private static final HttpHeadersFactory UNVALIDATED =
            DefaultHttpHeadersFactory.headersFactory().withValidation(false);

    private ForwardingHeaders() {}

    /**
     * A copy of the client's headers to rewrite for the upstream. The values {@link #toUpstream}
     * and {@link #credentials} add are valid by construction (request ids are checked, addresses
     * and the upstream's host come from parsed addresses, the upstream key is checked at start),
     * so the copy does not check every header a second time.
     */
    static HttpHeaders upstreamCopy(HttpHeaders fromClient) {
        return UNVALIDATED.newHeaders().add(fromClient);
    }

    /** The client's headers that may carry personal data, as texts: name, then value decoded by {@link #text}. */
    static List<Map.Entry<String, String>> texts(HttpHeaders fromClient) {
        List<Map.Entry<String, String>> out = null;
        Set<String> hopByHop = connectionNamed(fromClient);
        for (Map.Entry<String, String> header : fromClient) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if ((!NOT_TEXT.contains(name) || freeParameters(name, header.getValue())) && !hopByHop.contains(name)) {
                if (out == null) {
                    out = new ArrayList<>();
                }
                out.add(Map.entry(header.getKey(), text(header.getValue())));
            }
        }
        return out == null ? List.of() : out;
    }

    /**
     * Whether a media type header carries parameters other than {@code charset} and {@code q}: their values could be any
     * text, so the header is scanned like a client's own. The request head was checked, so the value parses.
     */
    private static boolean freeParameters(String name, String value) {
        return (name.equals("content-type") || name.equals("accept"))
                && HeaderSyntax.media(value, name.equals("accept")) == HeaderSyntax.FREE_PARAMETERS;
    }

    /**
     * Removes what a client sent that must not reach an upstream as it came, before anything reads the headers: a
     * gateway key in any header but the two the gateway reads keys from (it is the gateway's credential, never an AI
     * service's), a {@code traceparent} that is not W3C version 00 (with its {@code tracestate}, which means nothing
     * without it), a {@code tracestate} that is not W3C's, and an {@code X-Forwarded-Host} that is not a list of hosts.
     * Tracing and forwarding headers are best-effort, so what does not parse is dropped rather than refused; what
     * parses is still scanned as a client header. Each drop is counted by its reason.
     */
    static void dropUnsafe(HttpHeaders headers, GatewayMetrics metrics) {
        List<String> carryingKeys = null;
        Iterator<Map.Entry<CharSequence, CharSequence>> all = headers.iteratorCharSequence();
        while (all.hasNext()) {
            Map.Entry<CharSequence, CharSequence> header = all.next();
            CharSequence name = header.getKey();
            if (ApiKeys.appearsIn(header.getValue())
                    && !HttpHeaderNames.AUTHORIZATION.contentEqualsIgnoreCase(name)
                    && !X_API_KEY.contentEqualsIgnoreCase(name)) {
                if (carryingKeys == null) {
                    carryingKeys = new ArrayList<>(1);
                }
                carryingKeys.add(name.toString());
            }
        }
        if (carryingKeys != null) {
            carryingKeys.forEach(headers::remove);
            metrics.headerDropped("gateway_key");
        }
        if (headers.contains(TRACEPARENT)
                && (headers.getAll(TRACEPARENT).size() > 1 || !HeaderSyntax.isTraceparent(headers.get(TRACEPARENT)))) {
            headers.remove(TRACEPARENT);
            metrics.headerDropped("traceparent");
        }
        if (headers.contains(TRACESTATE)
                && (!headers.contains(TRACEPARENT) || !all(headers, TRACESTATE, HeaderSyntax::isTracestate))) {
            headers.remove(TRACESTATE);
            metrics.headerDropped("tracestate");
        }
        if (headers.contains(X_FORWARDED_HOST) && !all(headers, X_FORWARDED_HOST, HeaderSyntax::isHostList)) {
            headers.remove(X_FORWARDED_HOST);
            metrics.headerDropped("x_forwarded_host");
        }
    }

    /** Whether every value of the header passes {@code check}. */
    private static boolean all(HttpHeaders headers, AsciiString name, Predicate<String> check) {
        for (String value : headers.getAll(name)) {
            if (!check.test(value)) {
                return false;
            }
        }
        return true;
    }

    /** A header value as text: the decoder keeps each byte as one char, so UTF-8 sent as it is gets decoded here. */
    static String text(String value) {
        byte[] bytes = bytes(value);
        return bytes == null || !Utf8.isValid(bytes, 0, bytes.length)
                ? value
                : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Texts back as header values, see {@link #value}. */
    static List<String> values(List<String> texts) {
        List<String> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(value(text));
        }
        return out;
    }

    /** A text back as a header value: its UTF-8 bytes, one char each. */
    static String value(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** The bytes of a value with chars from U+0080 to U+00FF, or null when it has none (or has chars above). */
    private static byte[] bytes(String value) {
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return null;
            }
            high |= c >= 0x80;
        }
        return high ? value.getBytes(StandardCharsets.ISO_8859_1) : null;
    }

    /** Removes hop-by-hop headers, including those the Connection header names. */
    static void stripHopByHop(HttpHeaders headers) {
        for (String name : connectionNamed(headers)) {
            headers.remove(name);
        }
        for (AsciiString name : HOP_BY_HOP) {
            headers.remove(name);
        }
    }

    /**
     * The header names, lower case, that the Connection headers list (headers of this hop only). The options
     * {@code keep-alive} and {@code close}, which every pooled answer carries, name no header to remove (Keep-Alive is
     * hop-by-hop anyway), so the usual value gives the empty set without building one.
     */
    private static Set<String> connectionNamed(HttpHeaders headers) {
        Set<String> names = Set.of();
        for (String value : headers.getAll(HttpHeaderNames.CONNECTION)) {
            for (String name : value.split(",")) {
                String trimmed = name.trim();
                boolean option = trimmed.equalsIgnoreCase("keep-alive") || trimmed.equalsIgnoreCase("close");
                if (!trimmed.isEmpty() && !option) {
                    if (names.isEmpty()) {
                        names = new HashSet<>();
                    }
                    names.add(trimmed.toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    /**
     * Prepares the client's headers for the upstream: hop-by-hop removed, Host set to the
     * upstream, forwarding headers appended, the body length fixed, and compression refused
     * because the gateway reads every answer it relays.
     *
     * @param client what the connection tells about the client, or null when its address is unknown
     */
    static void toUpstream(
            HttpHeaders headers, String upstreamHost, Client client, String requestId, int contentLength) {
        String originalHost = headers.get(HttpHeaderNames.HOST);
        stripHopByHop(headers);
        headers.set(HttpHeaderNames.HOST, upstreamHost);
        headers.set(GatewayHeaders.REQUEST_ID, requestId);
        headers.set(HttpHeaderNames.ACCEPT_ENCODING, HttpHeaderValues.IDENTITY); // no header would allow any coding
        headers.remove(HttpHeaderNames.EXPECT);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, contentLength);
        if (client != null) {
            String xff = headers.get(GatewayHeaders.FORWARDED_FOR);
            headers.set(
                    GatewayHeaders.FORWARDED_FOR, xff == null || xff.isBlank() ? client.ip : xff + ", " + client.ip);
            headers.set(GatewayHeaders.FORWARDED_PROTO, client.scheme);
            String fwd = originalHost != null && isToken(originalHost)
                    ? client.forwarded + ";host=\"" + originalHost + '"'
                    : client.forwarded;
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
     * the upstream's own key; the upstream's key, if any, is put in their place. Without either (the quick start),
     * the caller's own credentials pass, but never a gateway key.
     */
    static void credentials(HttpHeaders headers, boolean gatewayAuthenticates, UpstreamCredential upstreamKey) {
        for (AsciiString name : CREDENTIALS) {
            if (gatewayAuthenticates || upstreamKey != null) {
                headers.remove(name);
            } else {
                String value = headers.get(name);
                if (value != null && ApiKeys.appearsIn(value)) {
                    headers.remove(name);
                }
            }
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
