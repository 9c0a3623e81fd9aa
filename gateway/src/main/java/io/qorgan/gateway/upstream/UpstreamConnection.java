package io.qorgan.gateway.upstream;

import io.netty.channel.Channel;

/**
 * One upstream connection lent to one exchange. The exchange writes its request, may pause and
 * resume reading for backpressure, and ends by {@link #finish() finishing} (back to the pool) or
 * {@link #abandon() abandoning} it (closed, so the upstream sees the cancellation).
 */
public final class UpstreamConnection {

    private final Channel channel;
    private final UpstreamHandler handler;
    private final LoopConnections pool;
    private boolean returned;

    UpstreamConnection(Channel channel, UpstreamHandler handler, LoopConnections pool) {
        this.channel = channel;
        this.handler = handler;
        this.pool = pool;
    }

    /** Sends the request; a failed write reaches the upstream handler, which reports it to the exchange. */
    public void send(Object msg) {
        handler.send(msg);
    }

    /** Stop or resume reading the answer: the client is slower than the upstream, or caught up. */
    public void setReading(boolean reading) {
        if (!returned) {
            channel.config().setAutoRead(reading);
            handler.paused(!reading);
        }
    }

    public boolean reused() {
        return handler.reused();
    }

    /** The answer ended: back to the pool when keep-alive allows, closed otherwise. */
    public void finish() {
        if (returned) {
            return;
        }
        returned = true;
        if (!handler.reusable()) {
            channel.close();
        }
        pool.release(channel, handler);
    }

    /** The exchange was cancelled or failed: close the connection and hand its slot back. */
    public void abandon() {
        if (returned) {
            return;
        }
        returned = true;
        handler.abandon();
        pool.release(channel, handler);
    }
}
