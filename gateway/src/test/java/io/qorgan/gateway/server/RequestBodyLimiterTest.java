package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The body limiter behind a real HTTP/1.1 decoder: whole requests come out as one
 * {@link FullHttpRequest} whether the body arrived with the headers (no aggregation needed) or in
 * pieces (aggregated), and the limit, {@code Expect: 100-continue} and chunked bodies behave as
 * Netty's aggregator makes them.
 */
class RequestBodyLimiterTest {

    private static final int LIMIT = 64;
    private final EmbeddedChannel ch = new EmbeddedChannel(new HttpServerCodec(), new RequestBodyLimiter(LIMIT));

    @AfterEach
    void release() {
        ch.finishAndReleaseAll();
    }

    private void send(String text) {
        ch.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
    }

    private static String post(String body, String extraHeaders) {
        return "POST /v1/chat/completions?x=1 HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\n" + extraHeaders
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private FullHttpRequest readFull() {
        Object msg = ch.readInbound();
        assertThat(msg).isInstanceOf(FullHttpRequest.class);
        return (FullHttpRequest) msg;
    }

    @Test
    void channelRead_bodyWithHeaders_oneFullRequestAsSent() {
        send(post("{\"a\":1}", "x-request-id: r-1\r\n"));
        FullHttpRequest request = readFull();
        try {
            assertThat(request.uri()).isEqualTo("/v1/chat/completions?x=1");
            assertThat(request.method().name()).isEqualTo("POST");
            assertThat(request.headers().get("x-request-id")).isEqualTo("r-1");
            assertThat(request.headers().get("content-length")).isEqualTo("7");
            assertThat(request.content().toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
            assertThat(request.decoderResult().isSuccess()).isTrue();
        } finally {
            request.release();
        }
        assertThat((Object) ch.readInbound()).isNull();
    }

    @Test
    void channelRead_bodyInPieces_aggregatedIntoOneRequest() {
        String whole = post("{\"messages\":[\"hello\"]}", "");
        int cut = whole.length() - 8;
        send(whole.substring(0, cut));
        assertThat((Object) ch.readInbound()).isNull();
        send(whole.substring(cut));
        FullHttpRequest request = readFull();
        try {
            assertThat(request.content().toString(StandardCharsets.UTF_8)).isEqualTo("{\"messages\":[\"hello\"]}");
        } finally {
            request.release();
        }
    }

    @Test
    void channelRead_pipelinedRequests_eachWholeInOrder() {
        send(post("{\"n\":1}", "") + post("", "") + post("{\"n\":3}", ""));
        for (String expected : new String[] {"{\"n\":1}", "", "{\"n\":3}"}) {
            FullHttpRequest request = readFull();
            try {
                assertThat(request.content().toString(StandardCharsets.UTF_8)).isEqualTo(expected);
            } finally {
                request.release();
            }
        }
    }

    @Test
    void channelRead_lengthOverLimit_oversizedRequest() {
        send(post("x".repeat(LIMIT + 1), "x-request-id: big-1\r\n"));
        Object msg = ch.readInbound();
        assertThat(msg).isInstanceOf(OversizedRequest.class);
        assertThat(((OversizedRequest) msg).requestIdHeader()).isEqualTo("big-1");
    }

    @Test
    void channelRead_chunkedBody_aggregatedWithLength() {
        send("POST /v1/x HTTP/1.1\r\nHost: gw\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
        FullHttpRequest request = readFull();
        try {
            assertThat(request.content().toString(StandardCharsets.UTF_8)).isEqualTo("abcde");
            assertThat(request.headers().get("content-length")).isEqualTo("5");
        } finally {
            request.release();
        }
    }

    @Test
    void channelRead_expectContinue_continueAnsweredAndBodyAggregated() {
        String whole = post("{\"a\":2}", "Expect: 100-continue\r\n");
        int bodyStart = whole.indexOf("\r\n\r\n") + 4;
        send(whole.substring(0, bodyStart));
        ByteBuf written = ch.readOutbound();
        try {
            assertThat(written.toString(StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 100 Continue");
        } finally {
            written.release();
        }
        send(whole.substring(bodyStart));
        FullHttpRequest request = readFull();
        try {
            assertThat(request.content().toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":2}");
        } finally {
            request.release();
        }
    }
}
