package io.qorgan.gateway.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.qorgan.gateway.config.ListenerConfig;
import io.qorgan.gateway.server.tls.ReloadingServerSslContext;
import io.qorgan.gateway.server.tls.TlsHandshakeFailureHandler;
import io.qorgan.gateway.transport.Transport;
import java.net.InetSocketAddress;

/** The admin listener, for operations only: health, readiness, metrics. Separate from traffic. */
public final class AdminServer implements AutoCloseable {

    private final Channel serverChannel;

    private AdminServer(
            ProxyRuntime runtime,
            EventLoopGroup group,
            Transport transport,
            ListenerConfig listener,
            ReloadingServerSslContext tls) {
        TlsHandshakeFailureHandler failures =
                new TlsHandshakeFailureHandler(reason -> runtime.metrics().tlsHandshakeFailed("admin", reason.label()));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tls == null) {
                            addHttp1(ch.pipeline(), "http");
                        } else {
                            HttpProtocols.addTlsWithAlpn(
                                    ch.pipeline(),
                                    tls,
                                    failures,
                                    8192,
                                    30_000,
                                    this::addHttp1,
                                    this::addStages,
                                    () -> {});
                        }
                    }

                    private void addHttp1(ChannelPipeline p, String scheme) {
                        p.addLast(new HttpServerCodec(4096, 8192, 8192)).addLast(new ReadTimeoutHandler(30));
                        addStages(p, scheme);
                    }

                    private void addStages(ChannelPipeline p, String scheme) {
                        p.addLast(new HttpObjectAggregator(4096)).addLast(new AdminHandler(runtime, transport));
                    }
                });
        this.serverChannel = TrafficServer.bind(bootstrap, listener);
    }

    /** @param tls the listener's TLS context, or null for plain HTTP */
    public static AdminServer start(
            ProxyRuntime runtime,
            EventLoopGroup group,
            Transport transport,
            ListenerConfig listener,
            ReloadingServerSslContext tls) {
        return new AdminServer(runtime, group, transport, listener, tls);
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
    }
}
