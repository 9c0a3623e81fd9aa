package io.qorgan.gateway.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of a client connection, in the order a request meets it: HTTP/1.1 decoding with
 * header limits, idle timeout, the body limit, then the frontend handler.
 */
final class TrafficChannelInitializer extends ChannelInitializer<SocketChannel> {

    private static final int MAX_INITIAL_LINE = 8192;
    private static final int MAX_CHUNK = 64 * 1024;

    private final ProxyRuntime runtime;
    private final io.netty.channel.group.ChannelGroup clients;

    TrafficChannelInitializer(ProxyRuntime runtime, io.netty.channel.group.ChannelGroup clients) {
        this.runtime = runtime;
        this.clients = clients;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        clients.add(ch);
        ChannelPipeline p = ch.pipeline();
        addHttp1(p);
        addTimeouts(p);
        addStages(p);
    }

    private void addHttp1(ChannelPipeline p) {
        p.addLast("http", new HttpServerCodec(MAX_INITIAL_LINE, runtime.config().limits().maxHeaderBytes(), MAX_CHUNK));
    }

    private void addTimeouts(ChannelPipeline p) {
        long idle = runtime.config().limits().idleTimeout().toMillis();
        p.addLast("idle", new IdleStateHandler(0, 0, idle, TimeUnit.MILLISECONDS));
    }

    private void addStages(ChannelPipeline p) {
        p.addLast("body", new RequestBodyLimiter(runtime.config().limits().maxRequestBodyBytes()));
        p.addLast("proxy", new ProxyFrontendHandler(runtime, "http"));
    }
}
