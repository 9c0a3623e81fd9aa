package io.qorgan.gateway.upstream;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The backend handler: last in an upstream connection's pipeline, after the request encoder and the
 * {@link UpstreamResponseDecoder}. It relays one exchange at a time to the {@link UpstreamListener} attached to it,
 * watches the read timeout (the longest silence while an exchange is attached), and reports failures. Between
 * exchanges the connection sits in its pool with no listener; anything the upstream sends then is
 * dropped and the connection closed, since an idle HTTP/1.1 connection must be silent.
 *
 * <p>Informational answers (RFC 9110 §15.2: {@code 100 Continue}, {@code 102 Processing}, {@code 103 Early Hints} and
 * any other 1xx but 101) come before the final answer and are skipped: the gateway sent the whole request, so a 100
 * is for it, and the caller gets one answer, the final one. A {@code 101 Switching Protocols} that nobody asked for,
 * or more than {@value #MAX_INTERIM} informational answers, is a protocol failure. A connection is given back to its
 * pool only when the end of its answer was framed by the answer itself: not after a 204 or 304 or an answer to
 * {@code HEAD}, which end with their head whatever follows (a body sent anyway would be read as the next answer),
 * nor when bytes are already waiting behind the answer.
 */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {

    /** Informational answers one exchange may get before its final answer. */
    static final int MAX_INTERIM = 16;

    private final long readTimeoutNanos;
    private final UpstreamResponseDecoder decoder;
    private ChannelHandlerContext ctx;
    private UpstreamListener listener;
    private boolean responseStarted;
    private boolean keepAlive;
    private boolean headRequest;
    /** Informational answers so far in this exchange. */
    private int interim;
    /** Inside an informational answer, whose (empty) end is skipped with it. */
    private boolean inInterim;

    private int exchangesServed;
    private long lastReadNanos;
    /** Reading stopped by the relay (backpressure from a slow client). */
    private boolean paused;

    private ScheduledFuture<?> timeoutTask;

    UpstreamHandler(long readTimeoutNanos, UpstreamResponseDecoder decoder) {
        this.readTimeoutNanos = readTimeoutNanos;
        this.decoder = decoder;
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
        this.interim = 0;
        this.inInterim = false;
        this.lastReadNanos = ctx.executor().ticker().nanoTime();
        this.paused = false;
        if (timeoutTask == null) {
            scheduleTimeout(readTimeoutNanos);
        }
        // else the check of an earlier exchange is still due, at the latest one read timeout from now;
        // it sees the fresh lastReadNanos and waits for the rest of the timeout
    }

    Channel channel() {
        return ctx.channel();
    }

    /** Sends the attached exchange's request; a failed write reaches {@link #exceptionCaught}. */
    void send(Object msg) {
        if (msg instanceof HttpRequest request) {
            headRequest = HttpMethod.HEAD.equals(request.method());
            decoder.expect(request.method());
        }
        ctx.channel().writeAndFlush(msg, ctx.channel().voidPromise());
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
        decoder.answered();
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
        if (!(msg instanceof HttpObject obj) || obj.decoderResult().isFailure()) {
            ReferenceCountUtil.release(msg); // not HTTP: the decoder passes raw bytes after a protocol switch
            fail(UpstreamFailure.Kind.PROTOCOL);
            return;
        }
        if (msg instanceof HttpResponse head) {
            if (head.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                ReferenceCountUtil.release(msg);
                if (head.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code() || ++interim > MAX_INTERIM) {
                    fail(UpstreamFailure.Kind.PROTOCOL);
                } else {
                    inInterim = !(msg instanceof LastHttpContent);
                }
                return;
            }
            responseStarted = true;
            keepAlive = HttpUtil.isKeepAlive(head) && framedByItself(head);
            l.onResponseHead(head);
        }
        if (msg instanceof HttpContent content) {
            if (inInterim) {
                inInterim = !(content instanceof LastHttpContent);
                content.release();
                return;
            }
            boolean last = content instanceof LastHttpContent;
            if (last) {
                keepAlive &= decoder.leftover() == 0;
                detach();
            }
            l.onResponseContent(content, last);
        }
    }

    /** Whether the answer's own framing (a length, chunks) says where it ends, as for all but 204, 304 and HEAD. */
    private boolean framedByItself(HttpResponse head) {
        int code = head.status().code();
        return !headRequest
                && code != HttpResponseStatus.NO_CONTENT.code()
                && code != HttpResponseStatus.NOT_MODIFIED.code();
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

    /**
     * The relay stopped (or resumed) reading this connection because its client cannot take more: while paused, the
     * upstream's silence is the gateway's doing, not the upstream's, so the read timeout does not count it.
     */
    void paused(boolean paused) {
        this.paused = paused;
        if (!paused) {
            lastReadNanos = ctx.executor().ticker().nanoTime();
        }
    }

    private void checkTimeout() {
        timeoutTask = null;
        if (listener == null) {
            return;
        }
        if (paused) {
            scheduleTimeout(readTimeoutNanos); // a slow client is not a silent upstream: look again later
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
