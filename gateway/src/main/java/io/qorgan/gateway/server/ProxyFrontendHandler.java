package io.qorgan.gateway.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.qorgan.gateway.config.RouteConfig;
import io.qorgan.gateway.identity.AccessDecision;
import io.qorgan.gateway.identity.Identity;
import io.qorgan.gateway.route.RequestModel;
import io.qorgan.gateway.route.RouteMatch;
import io.qorgan.gateway.server.tls.PeerCertificate;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frontend handler: last in a client connection's pipeline, after the HTTP codec, the idle
 * timer and the {@link RequestBodyLimiter}. It takes one complete request at a time, answers by
 * itself what it must refuse (bad request 400, headers 431, body 413, no or bad credentials 401,
 * unknown route 404, missing permission or model not allowed 403, overload 503), identifies the
 * caller first ({@link CallerIdentification}, possibly off the loop), and hands the rest to an
 * {@link ExchangeRelay}, which forwards it
 * and streams the answer back. Pipelined requests wait in a short queue so answers leave in
 * order; when the queue is full the connection stops reading.
 *
 * <p>One instance per client connection; every method runs on that connection's event loop.
 */
final class ProxyFrontendHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(ProxyFrontendHandler.class);
    private static final int MAX_PIPELINED = 16;

    private final ProxyRuntime runtime;
    private final RouteAccess routeAccess;
    private final String scheme;
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    /** The connection's idle timer; null on an HTTP/2 stream, whose connection keeps its own. */
    private IdleConnectionTimer idleTimer;

    private ExchangeRelay current;
    private boolean identifying;
    /** The client as this connection shows it; worked out at the first exchange. */
    private ForwardingHeaders.Client client;

    private boolean clientKnown;
    /** The connection's TLS handler, or null on plain HTTP; looked for at the first request. */
    private SslHandler ssl;

    private boolean sslKnown;
    /** Whether a connection error was logged already. */
    private boolean failed;

    ProxyFrontendHandler(ProxyRuntime runtime, RouteAccess routeAccess, String scheme) {
        this.runtime = runtime;
        this.routeAccess = routeAccess;
        this.scheme = scheme;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.idleTimer = ctx.pipeline().get(IdleConnectionTimer.class);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest) && !(msg instanceof OversizedRequest)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (current != null || identifying || !pending.isEmpty()) {
            pending.add(msg);
            if (pending.size() >= MAX_PIPELINED) {
                ctx.channel().config().setAutoRead(false);
            }
            return;
        }
        handle(msg);
    }

    private void handle(Object msg) {
        if (msg instanceof OversizedRequest o) {
            runtime.metrics().rejected("request_too_large");
            respond(
                    RequestHead.requestId(o.requestIdHeader(), runtime),
                    GatewayError.bodyTooLarge(runtime.config().limits().maxRequestBodyBytes()),
                    o.keepAlive());
            return;
        }
        FullHttpRequest request = (FullHttpRequest) msg;
        String requestId = RequestHead.requestId(request.headers().get(GatewayHeaders.REQUEST_ID), runtime);
        GatewayError refused = request.decoderResult().isFailure()
                ? decoderError(request.decoderResult().cause())
                : RequestHead.refusal(request, http2Stream(), runtime);
        if (refused != null) {
            request.release();
            reject(requestId, refused, false);
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (runtime.admission().draining()) {
            request.release();
            reject(requestId, GatewayError.shuttingDown(), false);
            return;
        }
        identifying = true;
        runtime.identification()
                .identify(
                        request.headers(),
                        peerCertificate(),
                        ctx.executor(),
                        outcome -> identified(request, requestId, keepAlive, outcome));
    }

    /** Route, authorise and admit an identified request; runs on the event loop. */
    private void identified(
            FullHttpRequest request, String requestId, boolean keepAlive, CallerIdentification.Outcome outcome) {
        identifying = false;
        if (!ctx.channel().isActive()) {
            request.release();
            return;
        }
        if (outcome.error() != null) {
            request.release();
            reject(requestId, outcome.error(), keepAlive);
            return;
        }
        Identity identity = outcome.identity();
        Optional<RouteMatch> match = runtime.router().match(request.uri());
        if (match.isEmpty()) {
            String method = request.method().name();
            String uri = request.uri();
            request.release();
            reject(requestId, GatewayError.notFound(method, uri), keepAlive);
            return;
        }
        RouteConfig route = match.get().route();
        AccessDecision access = routeAccess.check(identity, route);
        if (!access.allowed()) {
            request.release();
            log.debug(
                    "forbidden request_id={} caller={} missing={}",
                    requestId,
                    identity.caller(),
                    access.missingPermission());
            reject(requestId, GatewayError.forbidden(access.missingPermission()), keepAlive);
            return;
        }
        if (!route.models().isEmpty()) {
            String model = RequestModel.of(request.content());
            if (!route.allowsModel(model)) {
                request.release();
                reject(requestId, GatewayError.modelNotAllowed(model), keepAlive);
                return;
            }
        }
        if (!runtime.admission().tryEnter()) {
            request.release();
            reject(requestId, GatewayError.overloaded(), keepAlive);
            return;
        }
        current = new ExchangeRelay(this, ctx, runtime, request, requestId, match.get(), identity, keepAlive, client());
        current.start();
    }

    private ForwardingHeaders.Client client() {
        if (!clientKnown) {
            client = ForwardingHeaders.Client.of(ctx.channel().remoteAddress(), scheme);
            clientKnown = true;
        }
        return client;
    }

    /** The client certificate of this connection (or of the HTTP/2 connection carrying this stream). */
    private Optional<X509Certificate> peerCertificate() {
        if (!sslKnown) {
            // TLS is set up when the connection is, so the handler is looked for once, not per request
            ssl = ctx.pipeline().get(SslHandler.class);
            if (ssl == null && ctx.channel().parent() != null) {
                ssl = ctx.channel().parent().pipeline().get(SslHandler.class);
            }
            sslKnown = true;
        }
        return ssl == null ? Optional.empty() : PeerCertificate.of(ssl);
    }

    private static GatewayError decoderError(Throwable cause) {
        if (cause instanceof TooLongHttpHeaderException) {
            return GatewayError.headersTooLarge();
        }
        if (cause instanceof TooLongHttpLineException) {
            return GatewayError.uriTooLong();
        }
        if (cause instanceof TooLongFrameException) {
            return GatewayError.headersTooLarge();
        }
        return GatewayError.badRequest("malformed_request", "The request line or headers are not valid HTTP/1.1");
    }

    private void reject(String requestId, GatewayError error, boolean keepAlive) {
        runtime.metrics().rejected(error.code());
        log.debug(
                "rejected request_id={} status={} code={}",
                requestId,
                error.status().code(),
                error.code());
        respond(requestId, error, keepAlive);
    }

    /** Answers by the gateway itself, then goes on with the next pipelined request or closes. */
    private void respond(String requestId, GatewayError error, boolean keepAlive) {
        answered();
        FullHttpResponse response = ErrorResponses.build(ctx.alloc(), error, requestId);
        if (http2Stream()) {
            ctx.writeAndFlush(response);
            return;
        }
        boolean open = keepAlive && !runtime.admission().draining();
        HttpUtil.setKeepAlive(response, open);
        if (open) {
            ctx.writeAndFlush(response);
            next();
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Called by the relay when its exchange has ended and the answer is written. */
    void exchangeEnded(boolean keepConnection) {
        current = null;
        answered();
        if (http2Stream()) {
            return; // the stream ended with its answer; the connection carries others
        }
        if (!keepConnection || runtime.admission().draining()) {
            releasePending();
            // closes once everything written before is flushed
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        next();
    }

    /** The idle timeout counts from the end of the last answer, not from the request that asked for it. */
    private void answered() {
        if (idleTimer != null) {
            idleTimer.exchangeEnded();
        }
    }

    private void next() {
        Object msg = pending.poll();
        if (msg != null) {
            handle(msg);
        } else if (!ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private boolean http2Stream() {
        return ctx.channel() instanceof Http2StreamChannel;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (current != null) {
            current.clientWritabilityChanged(ctx.channel().isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if ((evt instanceof IdleStateEvent || evt == DrainEvent.INSTANCE) && current == null && pending.isEmpty()) {
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (current != null) {
            ExchangeRelay relay = current;
            current = null;
            relay.clientGone();
        }
        releasePending();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Socket errors (reset by peer) are ordinary; never log request content. A closed connection fails every
        // write still queued on it, each with its own exception (hundreds in a cut stream): one line tells it.
        if (!failed) {
            failed = true;
            log.debug("client connection error: {}", cause.getClass().getSimpleName());
        }
        ctx.close();
    }

    private void releasePending() {
        Object msg;
        while ((msg = pending.poll()) != null) {
            ReferenceCountUtil.release(msg);
        }
    }
}
