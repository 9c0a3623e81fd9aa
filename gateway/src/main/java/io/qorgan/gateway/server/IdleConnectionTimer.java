package io.qorgan.gateway.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The idle timeout of an HTTP/1.1 client connection: when nothing was read and no exchange ended for the configured
 * time, it fires {@link IdleStateEvent#ALL_IDLE_STATE_EVENT}, and the frontend closes the connection if no exchange
 * is under way. Netty's {@code IdleStateHandler} would watch writes too, with a listener on every write; here the
 * frontend reports the end of each exchange instead, which is the last write that matters.
 *
 * <p>One check is scheduled at a time; activity only moves a timestamp, and the check reschedules itself for what
 * is left. Every method runs on the connection's event loop.
 */
final class IdleConnectionTimer extends ChannelInboundHandlerAdapter {

    private final long idleNanos;
    private ChannelHandlerContext ctx;
    private long lastActiveNanos;
    private ScheduledFuture<?> check;

    IdleConnectionTimer(long idleMillis) {
        this.idleNanos = TimeUnit.MILLISECONDS.toNanos(idleMillis);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        if (ctx.channel().isActive() && ctx.channel().isRegistered()) {
            start();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        start();
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastActiveNanos = now();
        ctx.fireChannelRead(msg);
    }

    /** An exchange ended: the connection counts as idle from now. */
    void exchangeEnded() {
        lastActiveNanos = now();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stop();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stop();
    }

    private void start() {
        if (check == null) {
            lastActiveNanos = now();
            schedule(idleNanos);
        }
    }

    private void schedule(long delayNanos) {
        check = ctx.executor().schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check() {
        if (!ctx.channel().isOpen()) {
            return;
        }
        long quiet = now() - lastActiveNanos;
        if (quiet < idleNanos) {
            schedule(idleNanos - quiet);
            return;
        }
        schedule(idleNanos); // an exchange under way keeps the connection: look again later
        ctx.fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
    }

    private void stop() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }

    private long now() {
        return ctx.executor().ticker().nanoTime();
    }
}
