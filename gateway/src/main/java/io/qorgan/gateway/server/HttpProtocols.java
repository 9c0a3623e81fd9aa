package io.qorgan.gateway.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.qorgan.gateway.server.tls.ReloadingServerSslContext;
import io.qorgan.gateway.server.tls.TlsHandshakeFailureHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * TLS and protocol selection shared by the listeners: the TLS handler (from the reloading
 * context, so a rotated certificate serves new connections), handshake failure counting, ALPN,
 * and for HTTP/2 a frame codec whose streams become child channels speaking HTTP/1.1-style
 * messages, so that the stages behind it are the same for both protocols.
 */
final class HttpProtocols {

    private HttpProtocols() {}

    /**
     * @param http1 adds HTTP/1.1 handlers to a connection's pipeline, given the scheme
     * @param streamStages adds the request stages to an HTTP/2 stream's pipeline, given the scheme
     */
    static void addTlsWithAlpn(
            ChannelPipeline p,
            ReloadingServerSslContext tls,
            TlsHandshakeFailureHandler failures,
            int maxHeaderBytes,
            long idleMillis,
            BiConsumer<ChannelPipeline, String> http1,
            BiConsumer<ChannelPipeline, String> streamStages) {
        p.addLast("tls", tls.newHandler(p.channel().alloc()));
        p.addLast("tls-failures", failures);
        p.addLast("alpn", new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
            @Override
            protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
                if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                    addHttp2(ctx.pipeline(), maxHeaderBytes, idleMillis, streamStages);
                } else {
                    http1.accept(ctx.pipeline(), "https");
                }
            }
        });
    }

    private static void addHttp2(
            ChannelPipeline p, int maxHeaderBytes, long idleMillis, BiConsumer<ChannelPipeline, String> streamStages) {
        Http2FrameCodec codec = Http2FrameCodecBuilder.forServer()
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
