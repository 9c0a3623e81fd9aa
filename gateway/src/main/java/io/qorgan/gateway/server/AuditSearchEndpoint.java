package io.qorgan.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.ssl.SslHandler;
import io.qorgan.gateway.audit.AuditPage;
import io.qorgan.gateway.audit.AuditQuery;
import io.qorgan.gateway.audit.AuditRecord;
import io.qorgan.gateway.audit.AuditTrail;
import io.qorgan.gateway.audit.AuthFailureRecord;
import io.qorgan.gateway.audit.BadQuery;
import io.qorgan.gateway.audit.SearchRecord;
import io.qorgan.gateway.exchange.GatewayError;
import io.qorgan.gateway.identity.Identity;
import io.qorgan.gateway.server.tls.PeerCertificate;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.apache.shiro.authz.Permission;
import org.apache.shiro.authz.permission.WildcardPermission;

/**
 * {@code GET /admin/audit?q=…&from=…&to=…&page=…&size=…} on the admin listener: searches the audit trail for a
 * caller of the identity store holding {@code admin:audit:read}, identified as the traffic listener identifies
 * callers (API key, or client certificate). The search runs on the trail's search thread, never the event loop;
 * the answer is {@code {"total","page","size","records":[…],"request_id"}}, newest first. Every search is itself
 * recorded, allowed or not (a failed authentication as an authentication failure).
 */
final class AuditSearchEndpoint {

    static final String PERMISSION = "admin:audit:read";
    private static final Permission AUDIT_READ = new WildcardPermission(PERMISSION);

    private final ProxyRuntime runtime;

    AuditSearchEndpoint(ProxyRuntime runtime) {
        this.runtime = runtime;
    }

    /** Answers through {@code send}, on the channel's event loop; reads what it needs of {@code request} now. */
    void handle(ChannelHandlerContext ctx, FullHttpRequest request, Consumer<FullHttpResponse> send) {
        AuditTrail trail = runtime.audit();
        String requestId = RequestHead.requestId(request.headers().get(GatewayHeaders.REQUEST_ID), runtime);
        InetAddress client = ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
        if (!trail.searchable()) {
            send.accept(error(
                    ctx,
                    new GatewayError(
                            404,
                            "invalid_request_error",
                            "audit_not_configured",
                            "No audit trail with a search index is configured"),
                    requestId));
            return;
        }
        if (!runtime.identification().authenticates()) {
            runtime.metrics().audit().searched("denied");
            send.accept(error(
                    ctx,
                    new GatewayError(
                            403,
                            "permission_error",
                            "permission_denied",
                            "Searching the audit trail needs callers from an identity store (identity.store)"),
                    requestId));
            return;
        }
        AuditQuery query;
        try {
            query = query(new QueryStringDecoder(request.uri()));
        } catch (IllegalArgumentException e) {
            runtime.metrics().audit().searched("bad_query");
            send.accept(error(ctx, GatewayError.badRequest("invalid_audit_query", e.getMessage()), requestId));
            return;
        }
        runtime.identification().identify(request.headers(), peerCertificate(ctx), ctx.executor(), outcome -> {
            if (outcome.error() != null) {
                trail.record(new AuthFailureRecord(
                        Instant.now(),
                        requestId,
                        client,
                        null,
                        null,
                        outcome.error().code()));
                runtime.metrics().audit().searched("denied");
                send.accept(error(ctx, outcome.error(), requestId));
                return;
            }
            Identity caller = outcome.identity();
            if (!caller.isPermitted(AUDIT_READ)) {
                GatewayError denied = GatewayError.forbidden(PERMISSION);
                trail.record(searched(requestId, caller, client, query, List.of(), 0, denied));
                runtime.metrics().audit().searched("denied");
                send.accept(error(ctx, denied, requestId));
                return;
            }
            trail.search(query)
                    .whenComplete((page, failure) -> ctx.executor().execute(() -> {
                        if (failure == null) {
                            trail.record(searched(requestId, caller, client, query, page.fields(), page.total(), null));
                            runtime.metrics().audit().searched("ok");
                            send.accept(answer(ctx, page, requestId));
                            return;
                        }
                        GatewayError e = failed(failure);
                        trail.record(searched(requestId, caller, client, query, List.of(), 0, e));
                        runtime.metrics()
                                .audit()
                                .searched(e.code().equals("invalid_audit_query") ? "bad_query" : "failed");
                        send.accept(error(ctx, e, requestId));
                    }));
        });
    }

    private static AuditQuery query(QueryStringDecoder decoder) {
        String q = first(decoder, "q");
        Instant from = AuditQuery.time(first(decoder, "from"), false, "from");
        Instant to = AuditQuery.time(first(decoder, "to"), true, "to");
        int page = number(first(decoder, "page"), 1, "page");
        int size = number(first(decoder, "size"), AuditQuery.DEFAULT_SIZE, "size");
        return new AuditQuery(q, from, to, page, size);
    }

    private static String first(QueryStringDecoder decoder, String name) {
        List<String> values = decoder.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static int number(String text, int fallback, String name) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
    }

    private static GatewayError failed(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof BadQuery) {
            return GatewayError.badRequest("invalid_audit_query", cause.getMessage());
        }
        if (cause instanceof RejectedExecutionException) {
            return new GatewayError(
                    503, "server_error", "audit_busy", "Too many audit searches are waiting; retry later");
        }
        return new GatewayError(
                500, "server_error", "audit_search_failed", "The audit search failed; see the gateway's log");
    }

    private static AuditRecord searched(
            String requestId,
            Identity caller,
            InetAddress client,
            AuditQuery query,
            List<String> fields,
            long hits,
            GatewayError error) {
        return new SearchRecord(
                Instant.now(),
                requestId,
                caller.agency(),
                caller.caller(),
                caller.method(),
                client,
                fields,
                query.from(),
                query.to(),
                query.page(),
                hits,
                error == null ? 200 : error.status(),
                error == null ? null : error.code());
    }

    private static FullHttpResponse answer(ChannelHandlerContext ctx, AuditPage page, String requestId) {
        StringBuilder json = new StringBuilder(256 + page.json().size() * 512)
                .append("{\"total\":")
                .append(page.total())
                .append(",\"page\":")
                .append(page.page())
                .append(",\"size\":")
                .append(page.size())
                .append(",\"records\":[");
        for (int i = 0; i < page.json().size(); i++) {
            json.append(i == 0 ? "" : ",").append(page.json().get(i));
        }
        json.append("],\"request_id\":\"").append(requestId).append("\"}");
        ByteBuf body = ctx.alloc().buffer(json.length());
        body.writeCharSequence(json, StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .set(GatewayHeaders.REQUEST_ID, requestId);
        return response;
    }

    private static FullHttpResponse error(ChannelHandlerContext ctx, GatewayError error, String requestId) {
        return ErrorResponses.build(ctx.alloc(), error, requestId);
    }

    private static Optional<X509Certificate> peerCertificate(ChannelHandlerContext ctx) {
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        if (ssl == null && ctx.channel().parent() != null) {
            ssl = ctx.channel().parent().pipeline().get(SslHandler.class);
        }
        return ssl == null ? Optional.empty() : PeerCertificate.of(ssl);
    }
}
