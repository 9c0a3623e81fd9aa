package io.qorgan.gateway.upstream;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The backend handler: last in an upstream connection's pipeline, after the HTTP client codec.
 * It relays one exchange at a time to the {@link UpstreamListener} attached to it, watches the
 * read timeout (the longest silence while an exchange is attached), and reports failures. Between
 * exchanges the connection sits in its pool with no listener; anything the upstream sends then is
 * dropped and the connection closed, since an idle HTTP/1.1 connection must be silent.
 */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {

    private final long readTimeoutNanos;
    private ChannelHandlerContext ctx;
    private UpstreamListener listener;
    private boolean responseStarted;
    private boolean keepAlive;
    private int exchangesServed;
    private long lastReadNanos;
    private ScheduledFuture<?> timeoutTask;

    UpstreamHandler(long readTimeoutNanos) {
        this.readTimeoutNanos = readTimeoutNanos;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** Starts an exchange on this connection. Must be called on the connection's event loop. */
    void attach(UpstreamListener listener) {
        this.listener = listener;
        this.responseStarted = false;
        this.keepAlive = true;
        this.lastReadNanos = ctx.executor().ticker().nanoTime();
        if (timeoutTask == null) {
            scheduleTimeout(readTimeoutNanos);
        }
        // else the check of an earlier exchange is still due, at the latest one read timeout from now;
        // it sees the fresh lastReadNanos and waits for the rest of the timeout
    }

    Channel channel() {
        return ctx.channel();
    }

    boolean reused() {
        return exchangesServed > 0;
    }

    /** Whether the connection may go back to its pool after the exchange that just ended. */
    boolean reusable() {
        return keepAlive && ctx.channel().isActive();
    }

    /**
     * Stops relaying without closing: used when the exchange ended normally. The timeout check
     * stays scheduled: the next exchange on this connection reuses it, and if none comes it ends
     * quietly. Scheduling and cancelling a task for every exchange cost more than the check.
     */
    private void detach() {
        listener = null;
        exchangesServed++;
    }

    /** The client went away: the connection is closed so the upstream sees the cancellation. */
    void abandon() {
        listener = null;
        cancelTimeout();
        ctx.channel().close();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        UpstreamListener l = listener;
        if (l == null) {
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        lastReadNanos = ctx.executor().ticker().nanoTime();
        HttpObject obj = (HttpObject) msg;
        if (obj.decoderResult().isFailure()) {
            ReferenceCountUtil.release(msg);
            fail(UpstreamFailure.Kind.PROTOCOL);
            return;
        }
        if (msg instanceof HttpResponse head) {
            if (head.status().equals(HttpResponseStatus.CONTINUE)) {
                ReferenceCountUtil.release(msg);
                return;
            }
            responseStarted = true;
            keepAlive = HttpUtil.isKeepAlive(head);
            l.onResponseHead(head);
        }
        if (msg instanceof HttpContent content) {
            boolean last = content instanceof LastHttpContent;
            if (last) {
                detach();
            }
            l.onResponseContent(content, last);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        UpstreamListener l = listener;
        if (l != null) {
            l.onReadComplete();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (listener != null) {
            fail(UpstreamFailure.Kind.CLOSED);
        }
        cancelTimeout();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (listener != null) {
            fail(cause instanceof DecoderException ? UpstreamFailure.Kind.PROTOCOL : UpstreamFailure.Kind.CLOSED);
        } else {
            ctx.close();
        }
    }

    private void fail(UpstreamFailure.Kind kind) {
        UpstreamListener l = listener;
        listener = null;
        cancelTimeout();
        ctx.channel().close();
        if (l != null) {
            l.onFailure(new UpstreamFailure(kind, responseStarted, exchangesServed > 0));
        }
    }

    private void scheduleTimeout(long delayNanos) {
        cancelTimeout();
        timeoutTask = ctx.executor().schedule(this::checkTimeout, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void checkTimeout() {
        timeoutTask = null;
        if (listener == null) {
            return;
        }
        long idle = ctx.executor().ticker().nanoTime() - lastReadNanos;
        if (idle >= readTimeoutNanos) {
            fail(UpstreamFailure.Kind.TIMEOUT);
        } else {
            scheduleTimeout(readTimeoutNanos - idle);
        }
    }

    private void cancelTimeout() {
        if (timeoutTask != null) {
            timeoutTask.cancel(false);
            timeoutTask = null;
        }
    }
}
