package io.qorgan.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The header deadline of an HTTP/1.1 client connection: once the first byte of a request has arrived, its head (request
 * line and headers) must be complete within the configured time, else {@link Timeout#INSTANCE} is fired and the
 * frontend answers 408 and closes. A client that sends a head one byte at a time cannot hold a connection for long.
 *
 * <p>Sits before the HTTP codec, so it sees the bytes as they arrive (after TLS). The frontend tells it when a head was
 * decoded ({@link #headReceived()}), after which the bytes are the body's, and when the request's body ended
 * ({@link #bodyReceived()}), after which the next byte starts the next request's deadline. A quiet keep-alive
 * connection is left to the idle timeout. Every method runs on the connection's event loop.
 */
final class HeadDeadline extends ChannelInboundHandlerAdapter {

    /** Fired when a request's head did not arrive in time. */
    enum Timeout {
        INSTANCE
    }

    private enum State {
        /** Between requests: the next byte starts a head. */
        AWAITING,
        /** A head is arriving; the deadline runs. */
        READING,
        /** A head arrived; what follows is its body. */
        IN_REQUEST
    }

    private final long timeoutNanos;
    private ChannelHandlerContext ctx;
    private State state = State.AWAITING;
    private ScheduledFuture<?> check;

    HeadDeadline(long timeoutMillis) {
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (state == State.AWAITING && msg instanceof ByteBuf bytes && bytes.isReadable()) {
            state = State.READING;
            check = ctx.executor().schedule(this::expired, timeoutNanos, TimeUnit.NANOSECONDS);
        }
        ctx.fireChannelRead(msg);
    }

    /** A request's head was decoded. */
    void headReceived() {
        state = State.IN_REQUEST;
        cancel();
    }

    /** A request's body ended (or it had none): the next byte is the next request's. */
    void bodyReceived() {
        if (state == State.IN_REQUEST) {
            state = State.AWAITING;
        }
    }

    private void expired() {
        check = null;
        if (state == State.READING && ctx.channel().isActive()) {
            ctx.fireUserEventTriggered(Timeout.INSTANCE);
        }
    }

    private void cancel() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }
}
