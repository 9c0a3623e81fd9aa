package io.qorgan.gateway.upstream;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;

/**
 * The keep-alive connections to one upstream on one event loop: at most {@code max} lent at a
 * time, idle ones reused newest first, and up to {@code maxWaiting} exchanges waiting for one
 * when all are lent.
 *
 * <p>How it runs: {@link #acquire} lends an idle connection that is still open (closed ones are
 * dropped on the way), or connects a new one while fewer than {@code max} are lent; otherwise the
 * exchange waits in line. {@link #release} takes a connection back (idle again if still open) and
 * lends the freed slot to the next in line. A failed connect frees its slot the same way. Since
 * a client connection and the upstream connections serving it share this loop, there is no lock:
 * every method except {@link #close} must be called on the loop. This replaces Netty's
 * {@code FixedChannelPool}, whose promises, listeners and task queue cost more per exchange than
 * the bookkeeping itself.
 */
final class LoopConnections {

    /** What an acquire ends in; called on the loop, possibly before {@link #acquire} returns. */
    interface Lending {
        void lent(Channel channel, UpstreamHandler handler);

        void refused(UpstreamFailure.Kind kind);
    }

    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final int max;
    private final int maxWaiting;
    /** Open connections nobody uses; the newest is lent first. */
    private final ArrayDeque<UpstreamHandler> idle = new ArrayDeque<>();

    private final ArrayDeque<Lending> waiting = new ArrayDeque<>();
    /** Connections lent or being connected for a lending. */
    private int lent;

    private boolean closed;

    /** @param bootstrap bound to {@code loop}, its handler setting up a pipeline ending in an {@link UpstreamHandler} */
    LoopConnections(EventLoop loop, Bootstrap bootstrap, int max, int maxWaiting) {
        this.loop = loop;
        this.bootstrap = bootstrap;
        this.max = max;
        this.maxWaiting = maxWaiting;
    }

    void acquire(Lending lending) {
        if (closed) {
            lending.refused(UpstreamFailure.Kind.POOL_EXHAUSTED);
        } else if (lent < max) {
            lent++;
            lend(lending);
        } else if (waiting.size() < maxWaiting) {
            waiting.add(lending);
        } else {
            lending.refused(UpstreamFailure.Kind.POOL_EXHAUSTED);
        }
    }

    /** Takes a lent connection back: idle again if it is still open, dropped if it was closed. */
    void release(Channel channel, UpstreamHandler handler) {
        lent--;
        if (channel.isActive() && !closed) {
            channel.config().setAutoRead(true);
            idle.addLast(handler);
        } else {
            channel.close();
        }
        lendWaiting();
    }

    /** A slot is taken: lend an idle connection, or connect a new one. */
    private void lend(Lending lending) {
        UpstreamHandler handler;
        while ((handler = idle.pollLast()) != null) {
            Channel channel = handler.channel();
            if (channel.isActive()) {
                lending.lent(channel, handler);
                return;
            }
            channel.close(); // closed by the upstream while idle
        }
        ChannelFuture connect = bootstrap.connect();
        if (connect.isDone()) {
            connected(connect, lending);
        } else {
            connect.addListener(f -> connected(connect, lending));
        }
    }

    private void connected(ChannelFuture connect, Lending lending) {
        if (connect.isSuccess() && !closed) {
            Channel channel = connect.channel();
            lending.lent(channel, channel.pipeline().get(UpstreamHandler.class));
            return;
        }
        if (connect.isSuccess()) {
            connect.channel().close();
        }
        lent--;
        lending.refused(closed ? UpstreamFailure.Kind.POOL_EXHAUSTED : UpstreamFailure.Kind.CONNECT);
        lendWaiting();
    }

    private void lendWaiting() {
        while (lent < max && !waiting.isEmpty()) {
            lent++;
            lend(waiting.poll());
        }
    }

    /** Closes idle connections and refuses waiting exchanges; lent ones close when given back. May be called off the loop. */
    void close() {
        if (loop.inEventLoop()) {
            closeNow();
            return;
        }
        try {
            loop.submit(this::closeNow).awaitUninterruptibly();
        } catch (RejectedExecutionException e) {
            // the loop is already shutting down and closes its channels itself
        }
    }

    private void closeNow() {
        closed = true;
        UpstreamHandler handler;
        while ((handler = idle.poll()) != null) {
            handler.channel().close();
        }
        Lending lending;
        while ((lending = waiting.poll()) != null) {
            lending.refused(UpstreamFailure.Kind.POOL_EXHAUSTED);
        }
    }
}
