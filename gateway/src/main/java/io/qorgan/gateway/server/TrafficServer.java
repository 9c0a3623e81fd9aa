package io.qorgan.gateway.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.qorgan.gateway.config.ListenerConfig;
import io.qorgan.gateway.server.tls.ReloadingServerSslContext;
import io.qorgan.gateway.transport.Transport;
import java.net.BindException;
import java.net.InetSocketAddress;

/**
 * The traffic listener: accepts agency systems' connections and gives each the proxy pipeline.
 * Keeps every client connection in a group so shutdown can drain and close them.
 */
public final class TrafficServer implements AutoCloseable {

    private final Channel serverChannel;
    private final ChannelGroup clients = new DefaultChannelGroup("qorgan-clients", GlobalEventExecutor.INSTANCE);

    private TrafficServer(
            ProxyRuntime runtime,
            EventLoopGroup group,
            Transport transport,
            ListenerConfig listener,
            ReloadingServerSslContext tls) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new TrafficChannelInitializer(runtime, clients, tls));
        this.serverChannel = bind(bootstrap, listener);
    }

    /** @param tls the listener's TLS context, or null for plain HTTP */
    public static TrafficServer start(
            ProxyRuntime runtime,
            EventLoopGroup group,
            Transport transport,
            ListenerConfig listener,
            ReloadingServerSslContext tls) {
        return new TrafficServer(runtime, group, transport, listener, tls);
    }

    static Channel bind(ServerBootstrap bootstrap, ListenerConfig listener) {
        try {
            return bootstrap
                    .bind(new InetSocketAddress(listener.host(), listener.port()))
                    .sync()
                    .channel();
        } catch (Exception e) {
            if (e instanceof BindException
                    || e.getCause() instanceof BindException
                    || String.valueOf(e.getMessage()).contains("Address already in use")) {
                throw new ListenerBindException(listener.host() + ":" + listener.port() + " is already in use");
            }
            throw new ListenerBindException("cannot listen on " + listener.host() + ":" + listener.port() + ": "
                    + e.getClass().getSimpleName());
        }
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Stops accepting; open connections stay. A listener whose event loop already died is simply gone. */
    public void stopAccepting() {
        serverChannel.close().awaitUninterruptibly();
    }

    /** Tells every connection that shutdown began: idle ones close now, busy ones after their exchange. */
    public void drain() {
        clients.forEach(ch -> {
            if (!ch.eventLoop().isShuttingDown()) {
                ch.pipeline().fireUserEventTriggered(DrainEvent.INSTANCE);
            }
        });
    }

    public int openConnections() {
        return clients.size();
    }

    @Override
    public void close() {
        stopAccepting();
        clients.close().awaitUninterruptibly();
    }
}
