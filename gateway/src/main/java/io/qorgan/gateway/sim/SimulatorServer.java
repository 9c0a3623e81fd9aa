package io.qorgan.gateway.sim;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.qorgan.gateway.transport.Transport;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Binds the simulator: epoll when available, NIO otherwise; one event-loop group for accepting
 * and serving (owned, or shared and then left running on close). Each connection's pipeline:
 * connection counter, HTTP/1.1 codec, aggregator up to the body limit, simulator handler.
 */
final class SimulatorServer {

    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final Channel channel;
    private final ChannelGroup connections;

    private SimulatorServer(EventLoopGroup group, boolean ownsGroup, Channel channel, ChannelGroup connections) {
        this.group = group;
        this.ownsGroup = ownsGroup;
        this.channel = channel;
        this.connections = connections;
    }

    /**
     * @throws UncheckedIOException with a {@link BindException} cause when the port is in use
     */
    static SimulatorServer bind(SimulatorSettings settings, Simulation sim) {
        boolean ownsGroup = settings.eventLoopGroup() == null;
        EventLoopGroup group = ownsGroup
                ? new MultiThreadIoEventLoopGroup(
                        settings.ioThreads(),
                        new DefaultThreadFactory("qorgan-sim"),
                        Transport.select("auto").ioHandlerFactory())
                : settings.eventLoopGroup();
        ConnectionCounter counter = new ConnectionCounter(sim.stats);
        // Kept so close() can end open connections even when the group is shared and stays up.
        ChannelGroup connections = new DefaultChannelGroup("qorgan-sim", GlobalEventExecutor.INSTANCE);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(Transport.of(group).serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ChannelPipeline p = ch.pipeline();
                        p.addLast("connections", counter);
                        p.addLast("http", new HttpServerCodec());
                        p.addLast("aggregator", new HttpObjectAggregator(settings.maxBodyBytes()));
                        p.addLast("simulator", new SimulatorHandler(sim));
                    }
                });
        try {
            Channel channel =
                    bootstrap.bind(settings.host(), settings.port()).sync().channel();
            return new SimulatorServer(group, ownsGroup, channel, connections);
        } catch (Exception e) {
            if (ownsGroup) {
                group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (e instanceof BindException || String.valueOf(e.getMessage()).contains("Address already in use")) {
                throw new UncheckedIOException(new BindException("port " + settings.port() + " is in use"));
            }
            throw new IllegalStateException(
                    "cannot bind " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Closes the listening socket and the connections, then the owned group; waits for both. */
    void close() {
        channel.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly();
        if (ownsGroup) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
