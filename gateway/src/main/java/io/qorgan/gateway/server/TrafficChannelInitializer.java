package io.qorgan.gateway.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.internal.PlatformDependent;
import io.qorgan.gateway.config.LimitsConfig;
import io.qorgan.gateway.exchange.GatewayError;
import io.qorgan.gateway.server.tls.ReloadingServerSslContext;
import io.qorgan.gateway.server.tls.TlsHandshakeFailureHandler;

/**
 * The pipeline of a client connection, in the order a request meets it: TLS (when configured, with ALPN choosing
 * HTTP/2 or HTTP/1.1), the head deadline, HTTP decoding with header limits, the idle timeout, then the frontend
 * handler, which decides on each request's head and reads its body within the limits and the memory budget for bodies
 * shared by all connections of this listener. Over HTTP/2 each stream is a child channel with the same frontend,
 * seeing HTTP/1.1-style messages.
 */
final class TrafficChannelInitializer extends ChannelInitializer<SocketChannel> {

    private static final int MAX_INITIAL_LINE = 8192;
    private static final int MAX_CHUNK = 64 * 1024;

    private final ProxyRuntime runtime;
    private final ChannelGroup clients;
    private final ReloadingServerSslContext tls;
    private final TlsHandshakeFailureHandler tlsFailures;
    private final RouteAccess routeAccess;
    private final BodyBudget bodyBudget;

    TrafficChannelInitializer(ProxyRuntime runtime, ChannelGroup clients, ReloadingServerSslContext tls) {
        this.runtime = runtime;
        this.clients = clients;
        this.tls = tls;
        this.tlsFailures = new TlsHandshakeFailureHandler(
                reason -> runtime.metrics().tlsHandshakeFailed("traffic", reason.label()));
        this.routeAccess = new RouteAccess(runtime.config().routes());
        this.bodyBudget = new BodyBudget(bodyBudget(runtime.config().limits()));
        runtime.metrics()
                .gauge(
                        "qorgan_body_budget_bytes",
                        "Memory for request bodies being read: the limit (limits.maxBufferedBodies)",
                        bodyBudget::limit);
        runtime.metrics()
                .gauge(
                        "qorgan_body_budget_used_bytes",
                        "Memory for request bodies being read: reserved by requests now",
                        bodyBudget::used);
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        clients.add(ch);
        if (tls == null) {
            addHttp1(ch.pipeline(), "http");
        } else {
            HttpProtocols.addTlsWithAlpn(
                    ch.pipeline(),
                    tls,
                    tlsFailures,
                    runtime.config().limits().maxHeaderBytes(),
                    runtime.config().limits().idleTimeout().toMillis(),
                    this::addHttp1,
                    this::addStages,
                    () -> runtime.metrics()
                            .rejected(GatewayError.headersTooLarge().code()));
        }
    }

    /**
     * {@code limits.maxBufferedBodies}, or when not set a quarter of the smaller of the heap and the direct memory this
     * JVM may use (bodies are read into direct buffers, then copied to the heap to be protected); never less than one
     * largest request.
     */
    static long bodyBudget(LimitsConfig limits) {
        if (limits.maxBufferedBodies() > 0) {
            return limits.maxBufferedBodies();
        }
        long heap = Runtime.getRuntime().maxMemory();
        long direct = PlatformDependent.maxDirectMemory();
        long smaller = direct > 0 ? Math.min(heap, direct) : heap;
        return Math.max(limits.maxRequestBodyBytes(), smaller / 4);
    }

    private void addHttp1(ChannelPipeline p, String scheme) {
        p.addLast(
                "head-deadline",
                new HeadDeadline(runtime.config().limits().headerTimeout().toMillis()));
        p.addLast(
                "http",
                new HttpServerCodec(MAX_INITIAL_LINE, runtime.config().limits().maxHeaderBytes(), MAX_CHUNK));
        addTimeouts(p);
        addStages(p, scheme);
    }

    private void addTimeouts(ChannelPipeline p) {
        long idle = runtime.config().limits().idleTimeout().toMillis();
        p.addLast("idle", new IdleConnectionTimer(idle));
    }

    private void addStages(ChannelPipeline p, String scheme) {
        p.addLast("proxy", new ProxyFrontendHandler(runtime, routeAccess, bodyBudget, scheme));
    }
}
