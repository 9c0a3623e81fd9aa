package io.qorgan.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.qorgan.gateway.config.LimitsConfig;
import io.qorgan.gateway.config.RouteConfig;
import io.qorgan.gateway.exchange.GatewayError;
import io.qorgan.gateway.exchange.RequestIds;
import io.qorgan.gateway.identity.AccessDecision;
import io.qorgan.gateway.identity.Identity;
import io.qorgan.gateway.quota.Allowance;
import io.qorgan.gateway.quota.FairUse;
import io.qorgan.gateway.route.RouteMatch;
import io.qorgan.gateway.server.tls.PeerCertificate;
import java.net.SocketAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frontend handler: last in a client connection's pipeline, after the HTTP codec (and, on HTTP/1.1, the
 * {@link HeadDeadline} and the idle timer). It decides on a request's <em>head</em>, before reading any byte of its
 * body: it identifies the caller ({@link CallerIdentification}, possibly off the loop), routes, checks permissions,
 * admits the exchange against {@code limits.maxConcurrentExchanges} and reserves the body's memory in the
 * {@link BodyBudget}. Only then does it say {@code 100 Continue} to a client that asked, and read the body — within
 * {@code limits.bodyTimeout} and at no less than {@code limits.minBodyRate} — into one buffer, which it hands with the
 * head to an {@link ExchangeRelay}.
 *
 * <p>What it refuses it answers itself, in the API's error shape: bad request 400, expectation 417, headers 431, body
 * 413, timeouts 408, no or bad credentials 401, unknown route 404, missing permission 403, overload 503. A request
 * refused before its body was read gets its answer at once; its connection stays open only when the rest of the body is
 * small enough to read and drop, and is otherwise closed without reading the body (after a short linger, so that the
 * client sees the answer).
 *
 * <p>Pipelined requests wait in a short queue so that answers leave in order; while one waits the connection stops
 * reading. One instance per client connection (or HTTP/2 stream); every method runs on its event loop.
 */
final class ProxyFrontendHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(ProxyFrontendHandler.class);
    private static final int MAX_PIPELINED = 16;
    /** The rest of a refused request's body, up to this size, is read and dropped so the connection stays usable. */
    static final long DISCARD_LIMIT = 64 * 1024;
    /** A connection answered with {@code Connection: close} before its body was read is closed this much later. */
    private static final long LINGER_MILLIS = 500;
    /** A chunked body of unknown length reserves its memory in steps of this size. */
    private static final long CHUNKED_STEP = 64 * 1024;
    /** The first seconds of a body, in which its rate is not judged yet (less when the body timeout is short). */
    private static final long RATE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final ProxyRuntime runtime;
    private final RouteAccess routeAccess;
    private final BodyBudget budget;
    private final String scheme;
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    /** The connection's idle timer and head deadline; null on an HTTP/2 stream, whose connection keeps its own. */
    private IdleConnectionTimer idleTimer;

    private HeadDeadline headDeadline;
    /** The request being identified, admitted or read; null between requests. */
    private Intake intake;
    /** The exchange in flight once its request was read whole. */
    private ExchangeRelay current;
    /** Dropping the rest of a refused request's body, to go on with the next request. */
    private boolean discarding;
    /** Answered with {@code Connection: close}: everything read now is dropped until the connection closes. */
    private boolean closing;
    /** A request's head did not arrive in time while an exchange was in flight: close when it ends. */
    private boolean headTimedOut;
    /** The client as this connection shows it; worked out at the first exchange. */
    private ForwardingHeaders.Client client;

    private boolean clientKnown;
    /** The connection's TLS handler, or null on plain HTTP; looked for at the first request. */
    private SslHandler ssl;

    private boolean sslKnown;
    /** Whether a connection error was logged already. */
    private boolean failed;

    ProxyFrontendHandler(ProxyRuntime runtime, RouteAccess routeAccess, BodyBudget budget, String scheme) {
        this.runtime = runtime;
        this.routeAccess = routeAccess;
        this.budget = budget;
        this.scheme = scheme;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.idleTimer = ctx.pipeline().get(IdleConnectionTimer.class);
        this.headDeadline = ctx.pipeline().get(HeadDeadline.class);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest head) {
            if (headDeadline != null) {
                headDeadline.headReceived();
            }
            if (busy()) {
                queue(msg);
            } else {
                begin(head);
            }
            if (msg instanceof LastHttpContent) { // a whole request in one message (HTTP/2 without a body)
                bodyEnded();
            }
            return;
        }
        if (!(msg instanceof HttpContent content)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        boolean last = msg instanceof LastHttpContent;
        if (!pending.isEmpty()) {
            queue(msg);
        } else if (discarding) {
            content.release();
            if (last) {
                discarding = false;
                next();
            }
        } else if (intake != null && !intake.complete) {
            intake.content(content);
        } else {
            content.release(); // nothing is reading: the rest of a request already answered
        }
        if (last) {
            bodyEnded();
        }
    }

    private void bodyEnded() {
        if (headDeadline != null) {
            headDeadline.bodyReceived();
        }
    }

    private boolean busy() {
        return intake != null || current != null || discarding || !pending.isEmpty();
    }

    /** A pipelined message waits its turn; the connection stops reading while anything waits. */
    private void queue(Object msg) {
        pending.add(msg);
        if (pending.size() >= MAX_PIPELINED || msg instanceof HttpRequest) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    /** A request's head: refuse at once what must be refused, else identify the caller. */
    private void begin(HttpRequest head) {
        String requestId = RequestHead.requestId(head.headers().get(GatewayHeaders.REQUEST_ID), runtime);
        GatewayError error = head.decoderResult().isFailure()
                ? decoderError(head.decoderResult().cause())
                : RequestHead.refusal(head, http2Stream(), runtime);
        if (error != null) {
            ReferenceCountUtil.release(head);
            runtime.metrics().rejected(error.code());
            closeWith(requestId, error);
            return;
        }
        Intake in = new Intake(head, requestId);
        intake = in;
        if (head instanceof FullHttpRequest full) {
            in.content(full); // its body (HTTP/2 sends one only without a body: empty) passes to the intake
            if (intake != in) {
                return; // refused while taking the body in
            }
        }
        LimitsConfig limits = runtime.config().limits();
        if (runtime.admission().draining()) {
            refuse(in, GatewayError.shuttingDown());
        } else if (in.declaredLength > limits.maxRequestBodyBytes()) {
            refuse(in, GatewayError.bodyTooLarge(limits.maxRequestBodyBytes()));
        } else if (in.expectation != null && !in.expectContinue) {
            refuse(in, GatewayError.expectationFailed());
        } else {
            runtime.identification()
                    .identify(head.headers(), peerCertificate(), ctx.executor(), outcome -> identified(in, outcome));
            if (!in.identified && intake == in) {
                in.pausedReading = true; // a key being hashed: read no more of this connection until it is known
                ctx.channel().config().setAutoRead(false);
            }
        }
    }

    /** Routes, authorises and admits an identified request on its head; on the event loop. */
    private void identified(Intake in, CallerIdentification.Outcome outcome) {
        in.identified = true;
        if (intake != in || !ctx.channel().isActive()) {
            return; // the connection ended while the key was verified
        }
        if (in.pausedReading) {
            in.pausedReading = false;
            ctx.channel().config().setAutoRead(true);
        }
        if (outcome.error() != null) {
            ExchangeAudit.authFailed(
                    runtime, in.requestId, remote(), in.head.headers(), peerCertificate(), outcome.error());
            refuse(in, outcome.error());
            return;
        }
        Identity identity = outcome.identity();
        Optional<RouteMatch> match = runtime.router().match(in.head.uri());
        in.audit = ExchangeAudit.begin(runtime, in.requestId, identity, remote(), match);
        if (match.isEmpty()) {
            refuse(in, GatewayError.notFound(in.head.method().name(), in.head.uri()));
            return;
        }
        RouteConfig route = match.get().route();
        AccessDecision access = routeAccess.check(identity, route);
        if (!access.allowed()) {
            log.debug(
                    "forbidden request_id={} caller={} missing={}",
                    in.requestId,
                    identity.caller(),
                    access.missingPermission());
            refuse(in, GatewayError.forbidden(access.missingPermission()));
            return;
        }
        if (!in.audit.admit()) {
            refuse(in, GatewayError.auditUnavailable()); // nothing is read or forwarded that cannot be recorded
            return;
        }
        if (!runtime.admission().tryEnter()) {
            refuse(in, GatewayError.overloaded());
            return;
        }
        in.admitted = true;
        in.match = match.get();
        in.identity = identity;
        fairUse(in);
    }

    /**
     * The agency's and caller's limits, on the head (issue 20): decided at once on this node, or after the fleet's
     * store answered; reading stays paused meanwhile.
     */
    private void fairUse(Intake in) {
        in.deciding = true;
        runtime.fairUse().admit(in.identity, ctx.executor(), decision -> fairUseDecided(in, decision));
        if (in.deciding && intake == in && !in.pausedReading) {
            in.pausedReading = true;
            ctx.channel().config().setAutoRead(false);
        }
    }

    private void fairUseDecided(Intake in, FairUse.Decision decision) {
        in.deciding = false;
        if (intake != in || !ctx.channel().isActive()) {
            if (decision.admitted()) {
                decision.allowance().release(); // the connection ended meanwhile
            }
            return;
        }
        if (in.pausedReading) {
            in.pausedReading = false;
            ctx.channel().config().setAutoRead(true);
        }
        if (!decision.admitted()) {
            refuse(in, GatewayError.rateLimited(decision.limit().words(), decision.retryAfterSeconds()));
            return;
        }
        in.allowance = decision.allowance();
        admitted(in);
    }

    /** Admitted: the body's memory is reserved, and the body read (or the exchange begins at once). */
    private void admitted(Intake in) {
        long reserve = in.declaredLength >= 0 ? in.declaredLength : Math.max(in.received, CHUNKED_STEP);
        in.lease = budget.tryReserve(Math.max(reserve, in.received));
        if (in.lease == null) {
            runtime.metrics().bodyBudgetSpent();
            refuse(in, GatewayError.overloaded());
            return;
        }
        in.ready = true;
        if (in.complete) {
            dispatch(in);
            return;
        }
        if (in.expectContinue) {
            ctx.writeAndFlush(
                    new DefaultFullHttpResponse(
                            HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER),
                    ctx.voidPromise());
            in.continued = true;
        }
        in.startBodyClock();
        next(); // pieces of this body that arrived while it waited its turn
    }

    /** The request was read whole and admitted: its exchange begins. */
    private void dispatch(Intake in) {
        in.stopBodyClock();
        in.audit.requestRead(in.received);
        intake = null;
        ByteBuf body = in.takeBody();
        current = new ExchangeRelay(
                this,
                ctx,
                runtime,
                in.head,
                body,
                in.lease,
                in.audit,
                in.requestId,
                in.match,
                in.identity,
                HttpUtil.isKeepAlive(in.head),
                client(),
                in.allowance);
        in.allowance = null; // the exchange releases it
        current.start();
    }

    /**
     * Answers a request the gateway refuses before its exchange began. When its body is all here (or it has none) the
     * connection goes on; when the rest is small and the client is sending it, it is read and dropped first; otherwise
     * the answer says {@code Connection: close} and the body is never read.
     */
    private void refuse(Intake in, GatewayError error) {
        refuse(in, error, false);
    }

    /** As {@link #refuse(Intake, GatewayError)}; {@code close} closes the connection whatever is left of the body. */
    private void refuse(Intake in, GatewayError error, boolean close) {
        runtime.metrics().rejected(error.code());
        log.debug("rejected request_id={} status={} code={}", in.requestId, error.status(), error.code());
        in.audit.refused(error, in.received);
        in.stopBodyClock();
        if (in.admitted) {
            runtime.admission().exit();
            in.admitted = false;
        }
        if (in.lease != null) {
            in.lease.release();
        }
        if (in.allowance != null) {
            in.allowance.release();
            in.allowance = null;
        }
        if (in.pausedReading) {
            in.pausedReading = false;
            ctx.channel().config().setAutoRead(true);
        }
        boolean bodyRead = in.complete;
        long rest = in.declaredLength < 0 ? -1 : in.declaredLength - in.received;
        in.release();
        intake = null;
        boolean keepAlive =
                !close && HttpUtil.isKeepAlive(in.head) && !runtime.admission().draining();
        if (http2Stream()) {
            FullHttpResponse response = ErrorResponses.build(ctx.alloc(), error, in.requestId);
            if (bodyRead && !close) {
                ctx.writeAndFlush(response);
            } else {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE); // resets the stream
            }
            return;
        }
        if (keepAlive && bodyRead) {
            respond(in.requestId, error, true);
            next();
        } else if (keepAlive && rest >= 0 && rest <= DISCARD_LIMIT && (!in.expectContinue || in.continued)) {
            discarding = true; // the next request begins once the rest of this body has gone by
            respond(in.requestId, error, true);
        } else {
            closeWith(in.requestId, error);
        }
    }

    /** Answers with {@code Connection: close}, drops whatever else arrives, and closes after a short linger. */
    private void closeWith(String requestId, GatewayError error) {
        answered();
        closing = true;
        releasePending();
        FullHttpResponse response = ErrorResponses.build(ctx.alloc(), error, requestId);
        if (http2Stream()) {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        HttpUtil.setKeepAlive(response, false);
        ctx.channel().config().setAutoRead(true); // read and drop, so the client is not reset before it reads
        ctx.writeAndFlush(response).addListener(f -> {
            if (!f.isSuccess()) {
                ctx.close();
            } else {
                ctx.executor().schedule(() -> ctx.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
            }
        });
    }

    private ForwardingHeaders.Client client() {
        if (!clientKnown) {
            client = ForwardingHeaders.Client.of(ctx.channel().remoteAddress(), scheme);
            clientKnown = true;
        }
        return client;
    }

    private SocketAddress remote() {
        return ctx.channel().remoteAddress();
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

    /** Answers by the gateway itself, keeping the connection when {@code keepAlive} and not draining. */
    private void respond(String requestId, GatewayError error, boolean keepAlive) {
        answered();
        FullHttpResponse response = ErrorResponses.build(ctx.alloc(), error, requestId);
        boolean open = keepAlive && !runtime.admission().draining() && !headTimedOut;
        HttpUtil.setKeepAlive(response, open);
        if (open) {
            ctx.writeAndFlush(response, ctx.voidPromise());
        } else {
            closing = true;
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
        if (!keepConnection || runtime.admission().draining() || headTimedOut) {
            closing = true;
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

    /** Goes on with the next pipelined request, or reads on. */
    private void next() {
        while (!closing && !busyWithoutQueue()) {
            Object msg = pending.poll();
            if (msg == null) {
                break;
            }
            if (msg instanceof HttpRequest head) {
                begin(head);
                if (msg instanceof LastHttpContent) {
                    continue;
                }
            } else if (msg instanceof HttpContent content) {
                boolean last = msg instanceof LastHttpContent;
                if (discarding) {
                    content.release();
                    if (last) {
                        discarding = false;
                    }
                } else if (intake != null && !intake.complete) {
                    intake.content(content);
                } else {
                    content.release();
                }
            } else {
                ReferenceCountUtil.release(msg);
            }
        }
        if (pending.isEmpty() && !closing && !ctx.channel().config().isAutoRead()) {
            boolean waitingForKey = intake != null && intake.pausedReading;
            if (!waitingForKey) {
                ctx.channel().config().setAutoRead(true);
            }
        }
    }

    /** Busy with a request whose turn it is: an exchange in flight, or a head waiting for its caller's identity. */
    private boolean busyWithoutQueue() {
        return current != null || (intake != null && (!intake.identified || intake.deciding));
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
        if (evt == HeadDeadline.Timeout.INSTANCE) {
            runtime.metrics().rejected("request_timeout");
            if (current == null && intake == null) {
                closeWith(RequestIds.generate(), GatewayError.requestTimeout("head"));
            } else {
                headTimedOut = true; // the exchange in flight finishes; then the connection closes
            }
            return;
        }
        if ((evt instanceof IdleStateEvent || evt == DrainEvent.INSTANCE)
                && current == null
                && intake == null
                && pending.isEmpty()) {
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
        if (intake != null) {
            Intake in = intake;
            intake = null;
            in.stopBodyClock();
            in.audit.clientLeftEarly(in.received);
            in.release();
            if (in.admitted) {
                runtime.admission().exit();
            }
            if (in.lease != null) {
                in.lease.release();
            }
            if (in.allowance != null) {
                in.allowance.release();
            }
        }
        releasePending();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof VirtualMachineError fatal) {
            runtime.loops().fatal(fatal); // never a zombie: the node stops and is restarted
            return;
        }
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

    /**
     * One request from its head until its exchange begins (or it is refused): who called, where it goes, its body as it
     * arrives and the memory reserved for it, and the clock that bounds how long the body may take.
     */
    private final class Intake {
        final HttpRequest head;
        final String requestId;
        /** The declared {@code Content-Length}, 0 without a body, or -1 when chunked. */
        final long declaredLength;

        final String expectation;
        final boolean expectContinue;
        boolean identified;
        /** Its agency's limits are being decided (possibly by the fleet's store). */
        boolean deciding;
        /** Admitted under every limit, its memory reserved: the exchange begins once the body is complete. */
        boolean ready;

        boolean pausedReading;
        boolean admitted;
        boolean continued;
        boolean complete;
        BodyBudget.Lease lease;
        /** Its audit record, once the caller is known. */
        ExchangeAudit audit = ExchangeAudit.NONE;
        /** Its place under its agency's limits, from admission until the exchange takes it. */
        Allowance allowance;

        RouteMatch match;
        Identity identity;
        long received;
        private ByteBuf first;
        private CompositeByteBuf composite;
        private long bodyStartNanos;
        private ScheduledFuture<?> bodyClock;

        Intake(HttpRequest head, String requestId) {
            this.head = head;
            this.requestId = requestId;
            this.declaredLength = declaredLength(head);
            this.expectation = head.headers().get(HttpHeaderNames.EXPECT);
            this.expectContinue =
                    expectation != null && HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expectation.trim());
            this.complete = declaredLength == 0;
        }

        private static long declaredLength(HttpRequest head) {
            if (HttpUtil.isTransferEncodingChunked(head)) {
                return -1;
            }
            return HttpUtil.getContentLength(head, 0L); // the codec refused malformed and conflicting lengths
        }

        /** A piece of the body; ownership passes here. */
        void content(HttpContent piece) {
            ByteBuf bytes = piece.content();
            boolean last = piece instanceof LastHttpContent;
            if (complete) {
                piece.release(); // a bodiless request's empty end
                return;
            }
            int size = bytes.readableBytes();
            received += size;
            LimitsConfig limits = runtime.config().limits();
            if (received > limits.maxRequestBodyBytes()) {
                piece.release();
                refuse(this, GatewayError.bodyTooLarge(limits.maxRequestBodyBytes()), true);
                return;
            }
            if (lease != null
                    && received > lease.held()
                    && !lease.grow(Math.max(received - lease.held(), CHUNKED_STEP))) {
                piece.release();
                runtime.metrics().bodyBudgetSpent();
                refuse(this, GatewayError.overloaded(), true);
                return;
            }
            if (size == 0) {
                piece.release();
            } else if (first == null) {
                first = bytes;
            } else {
                if (composite == null) {
                    composite = ctx.alloc().compositeBuffer(Integer.MAX_VALUE);
                    composite.addComponent(true, first);
                    first = composite;
                }
                composite.addComponent(true, bytes);
            }
            if (last) {
                complete = true;
                if (ready && intake == this) {
                    dispatch(this);
                }
            }
        }

        /** The body read so far, ownership passing to the caller; an empty buffer for none. */
        ByteBuf takeBody() {
            ByteBuf body = first == null ? Unpooled.EMPTY_BUFFER : first;
            first = null;
            composite = null;
            return body;
        }

        void release() {
            if (first != null) {
                first.release();
                first = null;
                composite = null;
            }
        }

        void startBodyClock() {
            bodyStartNanos = System.nanoTime();
            LimitsConfig limits = runtime.config().limits();
            long every = Math.max(1, Math.min(1000, limits.bodyTimeout().toMillis() / 2));
            bodyClock = ctx.executor().scheduleAtFixedRate(this::checkBody, every, every, TimeUnit.MILLISECONDS);
        }

        void stopBodyClock() {
            if (bodyClock != null) {
                bodyClock.cancel(false);
                bodyClock = null;
            }
        }

        /** The body must arrive within the timeout, and after the first seconds at the minimum rate. */
        private void checkBody() {
            if (intake != this || complete) {
                stopBodyClock();
                return;
            }
            LimitsConfig limits = runtime.config().limits();
            long elapsed = System.nanoTime() - bodyStartNanos;
            if (elapsed >= limits.bodyTimeout().toNanos()) {
                refuse(this, GatewayError.requestTimeout("body"), true);
                return;
            }
            long judged =
                    elapsed - Math.min(RATE_GRACE_NANOS, limits.bodyTimeout().toNanos() / 4);
            if (limits.minBodyRate() > 0
                    && judged > 0
                    && received < limits.minBodyRate() * judged / TimeUnit.SECONDS.toNanos(1)) {
                refuse(this, GatewayError.bodyTooSlow(limits.minBodyRate()), true);
            }
        }
    }
}
