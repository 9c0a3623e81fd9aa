package io.qorgan.gateway.server;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.qorgan.gateway.exchange.GatewayError;
import io.qorgan.gateway.exchange.RequestIds;
import io.qorgan.gateway.route.RequestTarget;
import java.util.Iterator;

/**
 * The check of a decoded request's head, before the caller is identified or the request routed: what the gateway and
 * an upstream (or another proxy on the way) could read two ways is refused with 400, so that the request the gateway
 * judged is the request the upstream gets. Refused: a path with dot segments, backslashes, encoded slashes or control
 * characters ({@link RequestTarget}); several {@code Host} headers, none on an HTTP/1.1 connection, or one that is not
 * a host (RFC 9112 §3.2); a {@code TE} other than {@code trailers}; a {@code Transfer-Encoding} other than
 * {@code chunked} (a coding the gateway would not undo); several {@code Content-Length} or {@code Content-Type}
 * headers; a {@code Content-Type} or {@code Accept} that is not a media type. Then the headers that must not leave as
 * they came are dropped ({@link ForwardingHeaders#dropUnsafe}). The HTTP decoder already refuses what it cannot frame
 * (conflicting lengths, a length beside chunked); this looks at what it lets through.
 */
final class RequestHead {

    private RequestHead() {}

    /**
     * The caller's request id when it is safe to echo, log and forward ({@link RequestIds#accepted}), else a fresh
     * one; a refused id is counted, never logged.
     */
    static String requestId(String fromCaller, ProxyRuntime runtime) {
        if (fromCaller == null) {
            return RequestIds.generate();
        }
        String accepted = RequestIds.accepted(fromCaller, runtime.protection().scanner());
        if (accepted != null) {
            return accepted;
        }
        runtime.metrics().headerDropped("request_id");
        return RequestIds.generate();
    }

    /**
     * The error to answer instead of going on with {@code request}, or null; when null, the headers that must not
     * reach an upstream are gone from it.
     *
     * @param http2Stream whether the request came on an HTTP/2 stream, where {@code :authority} may stand for Host
     */
    static GatewayError refusal(HttpRequest request, boolean http2Stream, ProxyRuntime runtime) {
        RequestTarget.Problem path = RequestTarget.problem(request.uri());
        if (path != null) {
            return GatewayError.badRequest(
                    "invalid_path",
                    "The request path holds " + path.description()
                            + "; such paths are refused rather than normalised, nothing was forwarded");
        }
        HttpHeaders headers = request.headers();
        int hosts = count(headers, HttpHeaderNames.HOST);
        if (hosts > 1) {
            return malformed("several Host headers");
        }
        if (hosts == 0 && !http2Stream && request.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
            return malformed("no Host header");
        }
        String host = headers.get(HttpHeaderNames.HOST);
        if (host != null && !host.isEmpty() && !HeaderSyntax.isHost(host)) {
            return malformed("a Host header that is not a host name or address");
        }
        if (headers.contains(HttpHeaderNames.TE) && !only(headers, HttpHeaderNames.TE, "trailers")) {
            return malformed("a TE header other than `trailers`");
        }
        if (headers.contains(HttpHeaderNames.TRANSFER_ENCODING)
                && !only(headers, HttpHeaderNames.TRANSFER_ENCODING, "chunked")) {
            return malformed("a Transfer-Encoding other than `chunked`");
        }
        if (count(headers, HttpHeaderNames.CONTENT_LENGTH) > 1) {
            return malformed("several Content-Length headers");
        }
        int types = count(headers, HttpHeaderNames.CONTENT_TYPE);
        if (types > 1
                || types == 1
                        && HeaderSyntax.media(headers.get(HttpHeaderNames.CONTENT_TYPE), false)
                                == HeaderSyntax.INVALID) {
            return malformed("a Content-Type that is not one media type");
        }
        if (headers.contains(HttpHeaderNames.ACCEPT)) {
            for (String accept : headers.getAll(HttpHeaderNames.ACCEPT)) {
                if (HeaderSyntax.media(accept, true) == HeaderSyntax.INVALID) {
                    return malformed("an Accept header that is not a list of media ranges");
                }
            }
        }
        ForwardingHeaders.dropUnsafe(headers, runtime.metrics());
        return null;
    }

    private static GatewayError malformed(String what) {
        return GatewayError.badRequest(
                "malformed_request", "The request has " + what + "; it could be read two ways, nothing was forwarded");
    }

    private static int count(HttpHeaders headers, CharSequence name) {
        int n = 0;
        for (Iterator<String> values = headers.valueStringIterator(name); values.hasNext(); values.next()) {
            n++;
        }
        return n;
    }

    /** Whether the header's values, split at commas, hold exactly one element, {@code element}. */
    private static boolean only(HttpHeaders headers, CharSequence name, String element) {
        int elements = 0;
        for (String value : headers.getAll(name)) {
            for (String part : value.split(",", -1)) {
                String trimmed = part.strip();
                if (!trimmed.isEmpty() && (!trimmed.equalsIgnoreCase(element) || ++elements > 1)) {
                    return false;
                }
            }
        }
        return elements == 1;
    }
}
