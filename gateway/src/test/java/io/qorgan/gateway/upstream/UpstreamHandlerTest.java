package io.qorgan.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The read timeout of an upstream connection, driven through an {@link EmbeddedChannel} with a
 * frozen clock: it must hold for every exchange, including those on a reused connection whose
 * timeout check was scheduled by an earlier exchange.
 */
class UpstreamHandlerTest {

    private static final long TIMEOUT_MS = 1000;

    @Test
    void readTimeout_reusedConnection_firesOneTimeoutAfterTheLastRead() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        UpstreamHandler handler = new UpstreamHandler(TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS));
        ch.pipeline().addLast(handler);

        Recorder first = new Recorder();
        handler.attach(first);
        ch.advanceTimeBy(400, TimeUnit.MILLISECONDS);
        ch.writeInbound(
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.EMPTY_BUFFER));
        assertThat(first.ended).isTrue();

        Recorder second = new Recorder();
        ch.advanceTimeBy(300, TimeUnit.MILLISECONDS);
        handler.attach(second); // 700 ms after the first exchange began
        ch.advanceTimeBy(400, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(second.failures).as("only 400 ms of silence so far").isEmpty();

        ch.advanceTimeBy(TIMEOUT_MS - 400, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(second.failures).extracting(UpstreamFailure::kind).containsExactly(UpstreamFailure.Kind.TIMEOUT);
        assertThat(first.failures).isEmpty();
        assertThat(ch.isOpen()).isFalse();
        ch.finishAndReleaseAll();
    }

    @Test
    void readTimeout_idleConnectionAfterExchange_noFailureAndStaysOpen() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        UpstreamHandler handler = new UpstreamHandler(TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS));
        ch.pipeline().addLast(handler);

        Recorder only = new Recorder();
        handler.attach(only);
        ch.writeInbound(
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.EMPTY_BUFFER));
        ch.advanceTimeBy(3 * TIMEOUT_MS, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();

        assertThat(only.failures).isEmpty();
        assertThat(ch.isOpen()).isTrue();
        assertThat(handler.reused()).isTrue();
        ch.finishAndReleaseAll();
    }

    private static final class Recorder implements UpstreamListener {
        final List<UpstreamFailure> failures = new ArrayList<>();
        boolean ended;

        @Override
        public void onResponseHead(HttpResponse head) {}

        @Override
        public void onResponseContent(HttpContent content, boolean last) {
            content.release();
            ended |= last;
        }

        @Override
        public void onReadComplete() {}

        @Override
        public void onFailure(UpstreamFailure failure) {
            failures.add(failure);
        }
    }
}
