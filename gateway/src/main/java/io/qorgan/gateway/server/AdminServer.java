package io.qorgan.gateway.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.qorgan.gateway.config.ListenerConfig;
import java.net.InetSocketAddress;

/** The admin listener, for operations only: health, readiness, metrics. Separate from traffic. */
public final class AdminServer implements AutoCloseable {

    private final Channel serverChannel;

    private AdminServer(ProxyRuntime runtime, EventLoopGroup group, Transport transport, ListenerConfig listener) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec(4096, 8192, 8192))
                                .addLast(new ReadTimeoutHandler(30))
                                .addLast(new HttpObjectAggregator(4096))
                                .addLast(new AdminHandler(runtime, transport));
                    }
                });
        this.serverChannel = TrafficServer.bind(bootstrap, listener);
    }

    public static AdminServer start(ProxyRuntime runtime, EventLoopGroup group, Transport transport,
            ListenerConfig listener) {
        return new AdminServer(runtime, group, transport, listener);
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
    }
}
