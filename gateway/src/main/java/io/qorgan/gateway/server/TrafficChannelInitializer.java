package io.qorgan.gateway.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.qorgan.gateway.server.tls.ReloadingServerSslContext;
import io.qorgan.gateway.server.tls.TlsHandshakeFailureHandler;

/**
 * The pipeline of a client connection, in the order a request meets it: TLS (when configured,
 * with ALPN choosing HTTP/2 or HTTP/1.1), HTTP decoding with header limits, idle timeout, the
 * body limit, then the frontend handler. Over HTTP/2 each stream is a child channel with the same
 * stages, seeing HTTP/1.1-style messages.
 */
final class TrafficChannelInitializer extends ChannelInitializer<SocketChannel> {

    private static final int MAX_INITIAL_LINE = 8192;
    private static final int MAX_CHUNK = 64 * 1024;

    private final ProxyRuntime runtime;
    private final ChannelGroup clients;
    private final ReloadingServerSslContext tls;
    private final TlsHandshakeFailureHandler tlsFailures;
    private final RouteAccess routeAccess;

    TrafficChannelInitializer(ProxyRuntime runtime, ChannelGroup clients, ReloadingServerSslContext tls) {
        this.runtime = runtime;
        this.clients = clients;
        this.tls = tls;
        this.tlsFailures = new TlsHandshakeFailureHandler(
                reason -> runtime.metrics().tlsHandshakeFailed("traffic", reason.label()));
        this.routeAccess = new RouteAccess(runtime.config().routes());
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

    private void addHttp1(ChannelPipeline p, String scheme) {
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
        p.addLast("body", new RequestBodyLimiter(runtime.config().limits().maxRequestBodyBytes()));
        p.addLast("proxy", new ProxyFrontendHandler(runtime, routeAccess, scheme));
    }
}
