package io.qorgan.gateway.server.tls;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslHandler;
import io.qorgan.gateway.identity.AuthResult;
import io.qorgan.gateway.identity.CallerAuthenticator;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A minimal real HTTPS server for the tests: TLS from the code under test, then HTTP/1.1 answering
 * every request 200 with the peer certificate's subject and, given an authenticator, the caller it
 * maps to. Handshake failures land in {@link #failures()}.
 */
final class TlsTestServer implements AutoCloseable {

    private final EventLoopGroup group;
    private final Channel channel;
    private final BlockingQueue<TlsFailureReason> failures = new LinkedBlockingQueue<>();

    private TlsTestServer(Function<ByteBufAllocator, SslHandler> tls, CallerAuthenticator authenticator)
            throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        TlsHandshakeFailureHandler failureCounter = new TlsHandshakeFailureHandler(failures::add);
        channel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("tls", tls.apply(ch.alloc()));
                        ch.pipeline().addLast("tlsFailures", failureCounter);
                        ch.pipeline()
                                .addLast(
                                        new HttpServerCodec(),
                                        new HttpObjectAggregator(8192),
                                        new PeerEchoHandler(authenticator));
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
    }

    static TlsTestServer start(Function<ByteBufAllocator, SslHandler> tls) throws InterruptedException {
        return new TlsTestServer(tls, null);
    }

    static TlsTestServer start(Function<ByteBufAllocator, SslHandler> tls, CallerAuthenticator authenticator)
            throws InterruptedException {
        return new TlsTestServer(tls, authenticator);
    }

    int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    BlockingQueue<TlsFailureReason> failures() {
        return failures;
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static final class PeerEchoHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final CallerAuthenticator authenticator;

        PeerEchoHandler(CallerAuthenticator authenticator) {
            this.authenticator = authenticator;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            Optional<X509Certificate> peer = PeerCertificate.of(ctx.pipeline().get(SslHandler.class));
            StringBuilder body = new StringBuilder("subject=")
                    .append(peer.map(c -> c.getSubjectX500Principal().getName()).orElse("none"));
            if (authenticator != null && peer.isPresent()) {
                AuthResult result = authenticator.authenticate(peer.get());
                body.append(" caller=")
                        .append(result.identity()
                                .map(i -> i.agency() + "/" + i.caller())
                                .orElse(result.status().code()));
            }
            FullHttpResponse response = new DefaultFullHttpResponse(
                    request.protocolVersion(),
                    HttpResponseStatus.OK,
                    Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, "text/plain")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            ctx.writeAndFlush(response);
        }
    }
}
