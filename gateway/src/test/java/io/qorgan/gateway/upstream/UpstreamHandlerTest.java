package io.qorgan.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An upstream connection's handler and decoder, driven through an {@link EmbeddedChannel}: the read timeout (with a
 * frozen clock) must hold for every exchange, including those on a reused connection whose timeout check was scheduled
 * by an earlier exchange; bytes out of turn close the connection; an answer framed by its request is not reused.
 */
class UpstreamHandlerTest {

    private static final long TIMEOUT_MS = 1000;

    @Test
    void readTimeout_reusedConnection_firesOneTimeoutAfterTheLastRead() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        UpstreamHandler handler = handler(ch);

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
    void readTimeout_pausedForASlowClient_notCountedUntilReadingResumes() {
        // a slow client stops the relay reading the upstream: that silence is the gateway's, not the upstream's
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        UpstreamHandler handler = handler(ch);
        Recorder exchange = new Recorder();
        handler.attach(exchange);

        handler.paused(true);
        ch.advanceTimeBy(3 * TIMEOUT_MS, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(exchange.failures).as("paused three read timeouts long").isEmpty();

        handler.paused(false);
        ch.advanceTimeBy(TIMEOUT_MS / 2, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(exchange.failures).isEmpty();
        ch.advanceTimeBy(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(exchange.failures).extracting(UpstreamFailure::kind).containsExactly(UpstreamFailure.Kind.TIMEOUT);
        ch.finishAndReleaseAll();
    }

    @Test
    void readTimeout_idleConnectionAfterExchange_noFailureAndStaysOpen() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        UpstreamHandler handler = handler(ch);

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

    @Test
    void idleConnection_bytesOutOfTurn_closedBeforeAnyoneReadsThemAsAnAnswer() {
        EmbeddedChannel ch = new EmbeddedChannel();
        UpstreamHandler handler = handler(ch);
        Recorder only = new Recorder();
        handler.attach(only);
        handler.send(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/v1/models"));
        ch.writeInbound(ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        assertThat(only.ended).isTrue();
        assertThat(handler.reusable()).isTrue();

        ch.writeInbound(ascii("HTTP/1.1 2")); // not even a whole line, while no answer is due
        assertThat(ch.isOpen()).isFalse();
        assertThat(only.failures).isEmpty();
        ch.finishAndReleaseAll();
    }

    @Test
    void answerToHead_lengthWithoutBody_endsWithItsHeadAndIsNotReused() {
        EmbeddedChannel ch = new EmbeddedChannel();
        UpstreamHandler handler = handler(ch);
        Recorder only = new Recorder();
        handler.attach(only);
        handler.send(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.HEAD, "/v1/models"));
        ch.writeInbound(ascii("HTTP/1.1 200 OK\r\nContent-Length: 120\r\n\r\n"));
        assertThat(only.ended).isTrue();
        assertThat(handler.reusable()).isFalse();
        ch.finishAndReleaseAll();
    }

    private static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }

    /** The decoder and the handler, as an upstream connection's pipeline ends. */
    private static UpstreamHandler handler(EmbeddedChannel ch) {
        UpstreamResponseDecoder decoder = new UpstreamResponseDecoder(new HttpDecoderConfig());
        UpstreamHandler handler = new UpstreamHandler(TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS), decoder);
        ch.pipeline().addLast(decoder, handler);
        return handler;
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
