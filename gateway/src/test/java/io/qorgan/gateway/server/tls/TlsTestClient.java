package io.qorgan.gateway.server.tls;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslHandler;
import io.qorgan.gateway.transport.UpstreamTls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSession;

/**
 * A real Netty HTTPS client over {@link UpstreamTls}, one connection, for the tests. Responses
 * come back as {@code "200 body"}; a closed connection as an IOException.
 */
final class TlsTestClient implements AutoCloseable {

    private static final String CLOSED = "\u0000closed";

    private final Channel channel;
    private final SslHandler ssl;
    private final BlockingQueue<String> responses = new LinkedBlockingQueue<>();
    private final Throwable handshakeFailure;

    private TlsTestClient(EventLoopGroup group, UpstreamTls tls, String host, int port) throws InterruptedException {
        SslHandler[] handler = new SslHandler[1];
        channel = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        handler[0] = tls.newHandler(ch.alloc(), host, port);
                        ch.pipeline()
                                .addLast(
                                        handler[0],
                                        new HttpClientCodec(),
                                        new HttpObjectAggregator(8192),
                                        new SimpleChannelInboundHandler<FullHttpResponse>() {
                                            @Override
                                            protected void channelRead0(
                                                    ChannelHandlerContext ctx, FullHttpResponse msg) {
                                                responses.add(msg.status().code() + " "
                                                        + msg.content().toString(StandardCharsets.UTF_8));
                                            }

                                            @Override
                                            public void channelInactive(ChannelHandlerContext ctx) {
                                                responses.add(CLOSED);
                                            }

                                            @Override
                                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                                ctx.close();
                                            }
                                        });
                    }
                })
                .connect("127.0.0.1", port)
                .sync()
                .channel();
        ssl = handler[0];
        handshakeFailure = ssl.handshakeFuture().await().cause();
    }

    static TlsTestClient connect(EventLoopGroup group, UpstreamTls tls, String host, int port)
            throws InterruptedException {
        return new TlsTestClient(group, tls, host, port);
    }

    boolean handshakeSucceeded() {
        return handshakeFailure == null;
    }

    Throwable handshakeFailure() {
        return handshakeFailure;
    }

    String applicationProtocol() {
        return ssl.applicationProtocol();
    }

    SSLSession session() {
        return ssl.engine().getSession();
    }

    X509Certificate serverCertificate() throws IOException {
        return (X509Certificate) ssl.engine().getSession().getPeerCertificates()[0];
    }

    /** Sends GET and waits for the answer; IOException if the server closed the connection instead. */
    String get(String path) throws IOException, InterruptedException {
        if (!channel.isActive()) {
            throw new IOException("connection closed");
        }
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
        request.headers().set(HttpHeaderNames.HOST, "localhost");
        channel.writeAndFlush(request);
        String response = responses.poll(30, TimeUnit.SECONDS);
        if (response == null || response.equals(CLOSED)) {
            throw new IOException("connection closed without a response");
        }
        return response;
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }
}
