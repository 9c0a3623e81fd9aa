package io.qorgan.gateway.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http2.Http2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2ConnectionEncoder;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.codec.http2.HttpConversionUtil;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.qorgan.gateway.exchange.GatewayError;
import io.qorgan.gateway.exchange.RequestIds;
import io.qorgan.gateway.server.tls.ReloadingServerSslContext;
import io.qorgan.gateway.server.tls.TlsHandshakeFailureHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * TLS and protocol selection shared by the listeners: the TLS handler (from the reloading
 * context, so a rotated certificate serves new connections), handshake failure counting, ALPN,
 * and for HTTP/2 a frame codec whose streams become child channels speaking HTTP/1.1-style
 * messages, so that the stages behind it are the same for both protocols. Headers over the limit are answered by the
 * codec itself, before a stream's stages see anything: with 431 and the JSON error, as over HTTP/1.1.
 */
final class HttpProtocols {

    private HttpProtocols() {}

    /**
     * @param http1 adds HTTP/1.1 handlers to a connection's pipeline, given the scheme
     * @param streamStages adds the request stages to an HTTP/2 stream's pipeline, given the scheme
     * @param headersTooLarge counts an HTTP/2 request answered 431 by the codec
     */
    static void addTlsWithAlpn(
            ChannelPipeline p,
            ReloadingServerSslContext tls,
            TlsHandshakeFailureHandler failures,
            int maxHeaderBytes,
            long idleMillis,
            BiConsumer<ChannelPipeline, String> http1,
            BiConsumer<ChannelPipeline, String> streamStages,
            Runnable headersTooLarge) {
        p.addLast("tls", tls.newHandler(p.channel().alloc()));
        p.addLast("tls-failures", failures);
        p.addLast("alpn", new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
            @Override
            protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
                if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                    addHttp2(ctx.pipeline(), maxHeaderBytes, idleMillis, streamStages, headersTooLarge);
                } else {
                    http1.accept(ctx.pipeline(), "https");
                }
            }
        });
    }

    private static void addHttp2(
            ChannelPipeline p,
            int maxHeaderBytes,
            long idleMillis,
            BiConsumer<ChannelPipeline, String> streamStages,
            Runnable headersTooLarge) {
        Http2FrameCodec codec = new JsonErrorCodecBuilder(headersTooLarge)
                .initialSettings(Http2Settings.defaultSettings()
                        .maxHeaderListSize(maxHeaderBytes)
                        .maxConcurrentStreams(256))
                .build();
        p.addLast("h2", codec);
        p.addLast("idle", new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS));
        p.addLast("h2-idle", new Http2IdleCloser(codec));
        p.addLast("h2-streams", new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel stream) {
                stream.pipeline().addLast("h2-http", new Http2StreamFrameToHttpObjectCodec(true));
                streamStages.accept(stream.pipeline(), "https");
            }
        }));
    }

    /** Builds the server's frame codec as {@code Http2FrameCodecBuilder.forServer()} would, answering 431 in JSON. */
    private static final class JsonErrorCodecBuilder extends Http2FrameCodecBuilder {
        private final Runnable headersTooLarge;

        JsonErrorCodecBuilder(Runnable headersTooLarge) {
            this.headersTooLarge = headersTooLarge;
            server(true);
            gracefulShutdownTimeoutMillis(0);
        }

        @Override
        protected Http2FrameCodec build(
                Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder, Http2Settings initialSettings) {
            Http2FrameCodec codec = new JsonErrorCodec(
                    encoder, decoder, initialSettings, decoupleCloseAndGoAway(), flushPreface(), headersTooLarge);
            codec.gracefulShutdownTimeoutMillis(gracefulShutdownTimeoutMillis());
            return codec;
        }
    }

    /**
     * Netty answers a request whose headers exceed the limit with a bare 431 before any stream channel exists; this
     * one sends the gateway's JSON error with it (under a fresh request id: the request's headers were never read).
     * The codec resets the stream after this answer, as it did before.
     */
    private static final class JsonErrorCodec extends Http2FrameCodec {
        private final Runnable headersTooLarge;

        JsonErrorCodec(
                Http2ConnectionEncoder encoder,
                Http2ConnectionDecoder decoder,
                Http2Settings initialSettings,
                boolean decoupleCloseAndGoAway,
                boolean flushPreface,
                Runnable headersTooLarge) {
            super(encoder, decoder, initialSettings, decoupleCloseAndGoAway, flushPreface);
            this.headersTooLarge = headersTooLarge;
        }

        @Override
        protected void handleServerHeaderDecodeSizeError(ChannelHandlerContext ctx, Http2Stream stream) {
            headersTooLarge.run();
            FullHttpResponse response =
                    ErrorResponses.build(ctx.alloc(), GatewayError.headersTooLarge(), RequestIds.generate());
            try {
                Http2Headers headers = HttpConversionUtil.toHttp2Headers(response, false);
                encoder().writeHeaders(ctx, stream.id(), headers, 0, false, ctx.newPromise());
                encoder().writeData(ctx, stream.id(), response.content().retain(), 0, true, ctx.newPromise());
                // written now, before the reset that follows would drop what flow control still holds
                encoder().flowController().writePendingBytes();
            } catch (Http2Exception e) {
                // the stream is reset right after this; the client sees the reset
            } finally {
                response.release();
            }
        }
    }

    /** Closes an idle HTTP/2 connection that has no stream open, and on drain. */
    private static final class Http2IdleCloser extends ChannelInboundHandlerAdapter {
        private final Http2FrameCodec codec;

        Http2IdleCloser(Http2FrameCodec codec) {
            this.codec = codec;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if ((evt instanceof IdleStateEvent || evt == DrainEvent.INSTANCE)
                    && codec.connection().numActiveStreams() == 0) {
                ctx.channel().close();
                return;
            }
            super.userEventTriggered(ctx, evt);
        }
    }
}
