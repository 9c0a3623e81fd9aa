package io.qorgan.gateway.sim;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.Future;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes one streamed answer with its pacing: the response head (chunked), one
 * {@link DefaultHttpContent} per event, flushed each, then {@link LastHttpContent}.
 *
 * <p>Every step runs on the channel's event loop; pauses are {@code schedule(...)}d there, never
 * slept. {@link #cancel()} (the client went away) stops it before the next step. With
 * {@code disconnectAfterChunks} the writer closes the connection itself after that many events,
 * so the client sees a truncated stream. A client that reads slowly is respected: while the
 * channel is not writable the next event waits for {@link #writabilityChanged()}, so a stream
 * to a slow reader does not pile up in memory. Not thread-safe: confined to the event loop.
 */
final class StreamWriter {

    private final ChannelHandlerContext ctx;
    private final Pacing pacing;
    private final HttpResponse head;
    private final List<byte[]> events;
    private final Runnable beforeLastWrite;
    private final Consumer<ChannelFuture> onComplete;
    private boolean finished;
    private Future<?> next;
    private int parkedAt = -1;

    /**
     * @param beforeLastWrite called just before the end of the stream is written (so that a count
     *     is up to date by the time the client has the whole answer)
     * @param onComplete called with the future of the last write when the whole stream was
     *     written; neither is called when the stream was cut or cancelled
     */
    StreamWriter(
            ChannelHandlerContext ctx,
            Pacing pacing,
            HttpResponse head,
            List<byte[]> events,
            Runnable beforeLastWrite,
            Consumer<ChannelFuture> onComplete) {
        this.ctx = ctx;
        this.pacing = pacing;
        this.head = head;
        this.events = events;
        this.beforeLastWrite = beforeLastWrite;
        this.onComplete = onComplete;
    }

    void start() {
        later(pacing.slowHeadersMillis(), this::writeHead);
    }

    /** True from start until the last event was written, the writer cut the stream, or cancel. */
    boolean inProgress() {
        return !finished;
    }

    /** Stops writing; nothing more is scheduled. */
    void cancel() {
        finished = true;
        if (next != null) {
            next.cancel(false);
        }
    }

    /** Called by the handler when the channel's writability changed: resumes a parked stream. */
    void writabilityChanged() {
        if (parkedAt >= 0 && ctx.channel().isWritable()) {
            int index = parkedAt;
            parkedAt = -1;
            writeEvent(index);
        }
    }

    private void writeHead() {
        if (finished) {
            return;
        }
        ctx.writeAndFlush(head);
        later(pacing.ttftMillis(), () -> writeEvent(0));
    }

    private void writeEvent(int index) {
        if (finished) {
            return;
        }
        if (index == events.size()) {
            finished = true;
            beforeLastWrite.run();
            onComplete.accept(ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
            return;
        }
        if (!ctx.channel().isWritable()) {
            parkedAt = index;
            return;
        }
        ChannelFuture written = ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(events.get(index))));
        int count = index + 1;
        if (pacing.disconnectAfterChunks() > 0 && count >= pacing.disconnectAfterChunks()) {
            // The simulated fault: the server drops the connection mid-stream. Not a client abort.
            finished = true;
            written.addListener(ChannelFutureListener.CLOSE);
            return;
        }
        later(pacing.chunkDelayMillis(), () -> writeEvent(count));
    }

    private void later(long millis, Runnable step) {
        if (millis > 0) {
            next = ctx.executor().schedule(step, millis, TimeUnit.MILLISECONDS);
        } else {
            // Through the queue, not a direct call: a close can be noticed between two events.
            ctx.executor().execute(step);
        }
    }
}
