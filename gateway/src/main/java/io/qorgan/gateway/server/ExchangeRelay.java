package io.qorgan.gateway.server;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.qorgan.gateway.identity.Identity;
import io.qorgan.gateway.route.RouteMatch;
import io.qorgan.gateway.upstream.UpstreamClient;
import io.qorgan.gateway.upstream.UpstreamConnection;
import io.qorgan.gateway.upstream.UpstreamFailure;
import io.qorgan.gateway.upstream.UpstreamListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One exchange in flight: takes an upstream connection, sends the request, and streams the
 * answer back to the client piece by piece as it arrives, never buffering it whole.
 *
 * <p>Backpressure: when the client cannot take more, the upstream connection stops reading until
 * the client drains. Failures before the answer starts become 502/503/504 in the API's error
 * shape; a failure mid-answer closes the client connection, the only honest signal left. A stale
 * keep-alive connection that closes before answering is retried once on another connection. If
 * the client goes away, the upstream connection is closed so the upstream stops working for
 * nobody.
 *
 * <p>Runs entirely on the client channel's event loop, which the upstream connection shares.
 */
final class ExchangeRelay implements UpstreamListener, UpstreamClient.AcquireCallback {

    private static final Logger log = LoggerFactory.getLogger(ExchangeRelay.class);

    private final ProxyFrontendHandler frontend;
    private final ChannelHandlerContext ctx;
    private final ProxyRuntime runtime;
    private final FullHttpRequest request;
    private final String requestId;
    private final RouteMatch match;
    private final Identity identity;
    private final boolean clientKeepAlive;
    private final String scheme;
    private final UpstreamClient upstream;
    private final long startNanos = System.nanoTime();

    private UpstreamConnection connection;
    private boolean retried;
    private boolean responseStarted;
    private boolean done;
    private int status;

    ExchangeRelay(ProxyFrontendHandler frontend, ChannelHandlerContext ctx, ProxyRuntime runtime,
            FullHttpRequest request, String requestId, RouteMatch match, Identity identity, boolean clientKeepAlive,
            String scheme) {
        this.frontend = frontend;
        this.ctx = ctx;
        this.runtime = runtime;
        this.request = request;
        this.requestId = requestId;
        this.match = match;
        this.identity = identity;
        this.clientKeepAlive = clientKeepAlive;
        this.scheme = scheme;
        this.upstream = runtime.upstreams().get(match.route().upstream());
    }

    void start() {
        runtime.metrics().exchangeStarted();
        upstream.acquire(ctx.channel().eventLoop(), this, this);
    }

    @Override
    public void acquired(UpstreamConnection conn) {
        if (done) {
            conn.abandon();
            return;
        }
        this.connection = conn;
        conn.writeAndFlush(upstreamRequest());
    }

    private FullHttpRequest upstreamRequest() {
        HttpHeaders headers = request.headers().copy();
        ForwardingHeaders.toUpstream(headers, upstream.config().hostHeader(), ctx.channel().remoteAddress(),
                scheme, requestId, request.content().readableBytes());
        ForwardingHeaders.credentials(headers, runtime.identification().authenticates(), upstream.credential());
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, request.method(), match.upstreamUri(),
                request.content().retainedDuplicate(), headers, io.netty.handler.codec.http.EmptyHttpHeaders.INSTANCE);
    }

    @Override
    public void failed(UpstreamFailure failure) {
        onFailure(failure);
    }

    @Override
    public void onResponseHead(HttpResponse head) {
        if (done) {
            return;
        }
        responseStarted = true;
        status = head.status().code();
        HttpResponse out = new DefaultHttpResponse(HttpVersion.HTTP_1_1, head.status(), head.headers());
        ForwardingHeaders.toClient(out.headers(), requestId);
        if (!out.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            out.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
        HttpUtil.setKeepAlive(out, keepConnection());
        ctx.write(out);
    }

    @Override
    public void onResponseContent(HttpContent content, boolean last) {
        if (done) {
            content.release();
            return;
        }
        if (!last) {
            ctx.write(content);
            if (!ctx.channel().isWritable()) {
                connection.setReading(false);
            }
            return;
        }
        connection.finish();
        boolean keep = keepConnection();
        ctx.writeAndFlush(content).addListener(f -> {
            if (!f.isSuccess()) {
                ctx.channel().close();
            }
        });
        end(keep);
    }

    @Override
    public void onReadComplete() {
        if (!done) {
            ctx.flush();
        }
    }

    void clientWritabilityChanged(boolean writable) {
        if (connection != null && !done) {
            connection.setReading(writable);
        }
    }

    @Override
    public void onFailure(UpstreamFailure failure) {
        if (done) {
            return;
        }
        runtime.metrics().upstreamFailure(upstream.name(), failure.kind().name().toLowerCase(java.util.Locale.ROOT));
        connection = null;
        if (failure.retryable() && !retried) {
            retried = true;
            runtime.metrics().retried(upstream.name());
            upstream.acquire(ctx.channel().eventLoop(), this, this);
            return;
        }
        log.debug("upstream failure request_id={} upstream={} kind={} response_started={}",
                requestId, upstream.name(), failure.kind(), failure.responseStarted());
        if (responseStarted) {
            // Part of the answer is already with the client: cutting the connection is the only signal left.
            end(false);
            ctx.channel().close();
            return;
        }
        GatewayError error = switch (failure.kind()) {
            case TIMEOUT -> GatewayError.upstreamTimeout(upstream.name());
            case CONNECT -> GatewayError.upstreamUnreachable(upstream.name());
            case POOL_EXHAUSTED -> GatewayError.upstreamBusy(upstream.name());
            case CLOSED, PROTOCOL -> GatewayError.upstreamFailed(upstream.name());
        };
        status = error.status().code();
        boolean keep = keepConnection();
        FullHttpResponse response = ErrorResponses.build(ctx.alloc(), error, requestId);
        HttpUtil.setKeepAlive(response, keep);
        ctx.writeAndFlush(response).addListener(keep ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
        end(keep);
    }

    /** The client disconnected before the answer ended. */
    void clientGone() {
        if (done) {
            return;
        }
        runtime.metrics().clientAborted(match.route().pathPrefix());
        if (connection != null) {
            connection.abandon();
            connection = null;
        }
        status = 499;
        end(false);
    }

    private boolean keepConnection() {
        return clientKeepAlive && !runtime.admission().draining();
    }

    private void end(boolean keepConnection) {
        if (done) {
            return;
        }
        done = true;
        request.release();
        runtime.admission().exit();
        long nanos = System.nanoTime() - startNanos;
        runtime.metrics().exchangeFinished(match.route().pathPrefix(), upstream.name(), status, nanos);
        log.debug("exchange request_id={} agency={} caller={} route={} upstream={} status={} micros={}",
                requestId, identity.agency(), identity.caller(), match.route().name(), upstream.name(), status,
                nanos / 1000);
        if (ctx.channel().isActive()) {
            frontend.exchangeEnded(keepConnection);
        }
    }
}
