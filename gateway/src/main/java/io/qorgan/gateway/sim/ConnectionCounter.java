package io.qorgan.gateway.sim;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** Counts accepted and open connections; first in every child pipeline. */
@ChannelHandler.Sharable
final class ConnectionCounter extends ChannelInboundHandlerAdapter {

    private final SimulatorStats stats;

    ConnectionCounter(SimulatorStats stats) {
        this.stats = stats;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        stats.connectionsAccepted.incrementAndGet();
        stats.openConnections.incrementAndGet();
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stats.openConnections.decrementAndGet();
        super.channelInactive(ctx);
    }
}
