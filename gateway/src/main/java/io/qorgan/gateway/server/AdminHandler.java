package io.qorgan.gateway.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import io.qorgan.gateway.cache.AnswerCache;
import io.qorgan.gateway.exchange.GatewayError;
import io.qorgan.gateway.exchange.RequestIds;
import io.qorgan.gateway.policy.PolicySet;
import io.qorgan.gateway.transport.Transport;
import io.qorgan.gateway.upstream.UpstreamClient;
import io.qorgan.gateway.upstream.UpstreamGuard;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The admin listener's endpoints, for operations: {@code /healthz} (every traffic event loop answers),
 * {@code /readyz} (configuration loaded and every upstream accepts a TCP connection, probed now,
 * without blocking; each upstream's breaker state shown too), {@code /metrics} (Prometheus text),
 * {@code /admin/policies}, {@code /admin/upstreams} (circuit breakers), the audit search
 * {@code /admin/audit} ({@link AuditSearchEndpoint}) and {@code /admin/cache}.
 */
final class AdminHandler extends ChannelInboundHandlerAdapter {

    private static final int PROBE_TIMEOUT_MILLIS = 2000;

    private final ProxyRuntime runtime;
    private final Transport transport;
    private final AuditSearchEndpoint audit;

    AdminHandler(ProxyRuntime runtime, Transport transport) {
        this.runtime = runtime;
        this.transport = transport;
        this.audit = new AuditSearchEndpoint(runtime);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            String path = request.uri();
            int q = path.indexOf('?');
            if (q >= 0) {
                path = path.substring(0, q);
            }
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (request.decoderResult().isFailure()) {
                send(
                        ctx,
                        ErrorResponses.build(
                                ctx.alloc(), GatewayError.badRequest("malformed_request", "Not valid HTTP/1.1"), null),
                        false);
                return;
            }
            if (path.equals("/admin/cache") && request.method().equals(HttpMethod.DELETE)) {
                send(ctx, purgeCache(ctx, request.uri()), keepAlive);
                return;
            }
            if (!request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD)) {
                send(
                        ctx,
                        ErrorResponses.build(
                                ctx.alloc(),
                                new GatewayError(
                                        405,
                                        "invalid_request_error",
                                        "method_not_allowed",
                                        "Admin endpoints answer GET only (and DELETE /admin/cache)"),
                                null),
                        keepAlive);
                return;
            }
            switch (path) {
                case "/healthz" -> send(ctx, health(ctx), keepAlive);
                case "/readyz" -> probeUpstreams(ctx, keepAlive);
                case "/admin/policies" -> send(ctx, policies(ctx), keepAlive);
                case "/admin/audit" -> audit.handle(ctx, request, response -> send(ctx, response, keepAlive));
                case "/admin/cache" -> send(ctx, cache(ctx), keepAlive);
                case "/admin/upstreams" -> send(ctx, upstreams(ctx), keepAlive);
                case "/metrics" ->
                    send(
                            ctx,
                            text(
                                    ctx,
                                    HttpResponseStatus.OK,
                                    "text/plain; version=0.0.4; charset=utf-8",
                                    runtime.metrics().scrape()),
                            keepAlive);
                default ->
                    send(
                            ctx,
                            ErrorResponses.build(
                                    ctx.alloc(),
                                    GatewayError.notFound(request.method().name(), path),
                                    RequestIds.generate()),
                            keepAlive);
            }
        } finally {
            request.release();
        }
    }

    private void probeUpstreams(ChannelHandlerContext ctx, boolean keepAlive) {
        List<UpstreamClient> upstreams = new ArrayList<>(runtime.upstreams().values());
        Map<String, Boolean> results = new TreeMap<>();
        AtomicInteger remaining = new AtomicInteger(upstreams.size());
        for (UpstreamClient upstream : upstreams) {
            int timeout = (int) Math.min(
                    PROBE_TIMEOUT_MILLIS, upstream.config().connectTimeout().toMillis());
            ChannelFuture f = new Bootstrap()
                    .group(ctx.channel().eventLoop())
                    .channel(transport.socketChannel())
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeout)
                    .handler(new ChannelInboundHandlerAdapter())
                    .connect(InetSocketAddress.createUnresolved(
                            upstream.config().host(), upstream.config().port()));
            f.addListener((ChannelFuture done) -> {
                results.put(upstream.name(), done.isSuccess());
                if (done.isSuccess()) {
                    done.channel().close();
                }
                if (remaining.decrementAndGet() == 0) {
                    boolean ready = results.values().stream().allMatch(Boolean::booleanValue)
                            && !runtime.admission().draining();
                    StringBuilder json = new StringBuilder("{\"status\":\"")
                            .append(ready ? "ready" : "not_ready")
                            .append("\",\"config\":\"")
                            .append(jsonEscape(runtime.config().source()))
                            .append("\",\"upstreams\":{");
                    boolean first = true;
                    for (Map.Entry<String, Boolean> e : results.entrySet()) {
                        if (!first) {
                            json.append(',');
                        }
                        first = false;
                        json.append('"')
                                .append(jsonEscape(e.getKey()))
                                .append("\":\"")
                                .append(e.getValue() ? "reachable" : "unreachable")
                                .append('"');
                    }
                    json.append("},\"breakers\":{");
                    first = true;
                    for (UpstreamClient u : new TreeMap<>(runtime.upstreams()).values()) {
                        json.append(first ? "" : ",")
                                .append('"')
                                .append(jsonEscape(u.name()))
                                .append("\":\"")
                                .append(u.guard().state())
                                .append('"');
                        first = false;
                    }
                    json.append("}}");
                    send(
                            ctx,
                            text(
                                    ctx,
                                    ready ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
                                    "application/json",
                                    json.toString()),
                            keepAlive);
                }
            });
        }
    }

    /** 200 while every traffic event loop beats; 503 naming the loops that stalled or died (the node is not alive). */
    private FullHttpResponse health(ChannelHandlerContext ctx) {
        List<Integer> stalled = runtime.loops().stalled();
        if (stalled.isEmpty() && runtime.loops().healthy()) {
            return text(ctx, HttpResponseStatus.OK, "application/json", "{\"status\":\"ok\"}");
        }
        return text(
                ctx,
                HttpResponseStatus.SERVICE_UNAVAILABLE,
                "application/json",
                "{\"status\":\"event loops not answering\",\"stalled\":" + stalled + "}");
    }

    /**
     * Each upstream's circuit breaker: its state, failure and slow-call rates (percent of the window, -1 before enough
     * calls), calls in the window and calls refused while open.
     */
    private FullHttpResponse upstreams(ChannelHandlerContext ctx) {
        StringBuilder json = new StringBuilder("{\"upstreams\":{");
        boolean first = true;
        for (UpstreamClient u : new TreeMap<>(runtime.upstreams()).values()) {
            UpstreamGuard.Snapshot b = u.guard().snapshot();
            json.append(first ? "" : ",")
                    .append('"')
                    .append(jsonEscape(u.name()))
                    .append("\":{\"breaker\":\"")
                    .append(b.state())
                    .append("\",\"failureRate\":")
                    .append(b.failureRate())
                    .append(",\"slowCallRate\":")
                    .append(b.slowCallRate())
                    .append(",\"bufferedCalls\":")
                    .append(b.bufferedCalls())
                    .append(",\"notPermittedCalls\":")
                    .append(b.notPermittedCalls())
                    .append(",\"openConnections\":")
                    .append(u.openConnections())
                    .append('}');
            first = false;
        }
        json.append("}}");
        return text(ctx, HttpResponseStatus.OK, "application/json", json.toString());
    }

    /** The active policy set: its version (content hash), agencies and rule counts. */
    private FullHttpResponse policies(ChannelHandlerContext ctx) {
        if (runtime.policies() == null) {
            return ErrorResponses.build(
                    ctx.alloc(),
                    new GatewayError(
                            404,
                            "invalid_request_error",
                            "policies_not_configured",
                            "No policy directory is configured"),
                    null);
        }
        PolicySet set = runtime.policies().current();
        StringBuilder json = new StringBuilder("{\"version\":\"")
                .append(jsonEscape(set.version()))
                .append("\",\"reloads\":")
                .append(runtime.policies().reloads())
                .append(",\"rejectedReloads\":")
                .append(runtime.policies().rejectedReloads());
        String lastError = runtime.policies().lastError();
        if (lastError != null) { // names the file, line and field of the rejected edit, never request content
            json.append(",\"lastRejected\":\"").append(jsonEscape(lastError)).append('"');
        }
        json.append(",\"agencies\":{");
        boolean first = true;
        for (String agency : set.agencies()) {
            json.append(first ? "" : ",")
                    .append('"')
                    .append(jsonEscape(agency))
                    .append("\":{\"rules\":")
                    .append(set.ruleCount(agency))
                    .append(",\"mode\":\"")
                    .append(set.shadow(agency) ? "shadow" : "enforce")
                    .append("\"}");
            first = false;
        }
        json.append("}}");
        return text(ctx, HttpResponseStatus.OK, "application/json", json.toString());
    }

    /** The answer cache: memory used, and per agency its entries, bytes, outcomes and hit ratio. */
    private FullHttpResponse cache(ChannelHandlerContext ctx) {
        AnswerCache cache = runtime.cache();
        StringBuilder json = new StringBuilder("{\"entries\":")
                .append(cache.size())
                .append(",\"bytes\":")
                .append(cache.bytes())
                .append(",\"maxBytes\":")
                .append(runtime.config().cache().maxBytes())
                .append(",\"agencies\":{");
        boolean first = true;
        for (Map.Entry<String, AnswerCache.Figures> e : cache.figures().entrySet()) {
            AnswerCache.Figures f = e.getValue();
            json.append(first ? "" : ",")
                    .append('"')
                    .append(jsonEscape(e.getKey()))
                    .append("\":{\"entries\":")
                    .append(f.entries())
                    .append(",\"bytes\":")
                    .append(f.bytes())
                    .append(",\"hits\":")
                    .append(f.hits())
                    .append(",\"misses\":")
                    .append(f.misses())
                    .append(",\"stored\":")
                    .append(f.stored())
                    .append(",\"bypassed\":")
                    .append(f.bypassed())
                    .append(",\"hitRatio\":")
                    .append(String.format(Locale.ROOT, "%.4f", f.hitRatio()))
                    .append('}');
            first = false;
        }
        json.append("}}");
        return text(ctx, HttpResponseStatus.OK, "application/json", json.toString());
    }

    /** Purges one agency's answers ({@code ?agency=}) or, without it, every answer. */
    private FullHttpResponse purgeCache(ChannelHandlerContext ctx, String uri) {
        List<String> agency = new QueryStringDecoder(uri).parameters().get("agency");
        if (agency != null && (agency.size() != 1 || agency.get(0).isBlank())) {
            return ErrorResponses.build(
                    ctx.alloc(),
                    GatewayError.badRequest("invalid_agency", "Name one agency: DELETE /admin/cache?agency=<id>"),
                    null);
        }
        String purged = agency == null
                ? "{\"agency\":null,\"purged\":" + runtime.cache().purgeAll() + "}"
                : "{\"agency\":\"" + jsonEscape(agency.get(0)) + "\",\"purged\":"
                        + runtime.cache().purge(agency.get(0)) + "}";
        return text(ctx, HttpResponseStatus.OK, "application/json", purged);
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static FullHttpResponse text(
            ChannelHandlerContext ctx, HttpResponseStatus status, String type, String body) {
        ByteBuf buf = ctx.alloc().buffer(body.length());
        buf.writeCharSequence(body, StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, buf);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, type)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, buf.readableBytes())
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        return response;
    }

    private static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        HttpUtil.setKeepAlive(response, keepAlive);
        ChannelFuture f = ctx.writeAndFlush(response);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
