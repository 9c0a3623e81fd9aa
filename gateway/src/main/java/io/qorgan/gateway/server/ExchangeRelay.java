package io.qorgan.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.qorgan.gateway.exchange.ExchangePreparer;
import io.qorgan.gateway.exchange.ExchangeRequest;
import io.qorgan.gateway.exchange.GatewayError;
import io.qorgan.gateway.exchange.Preparation;
import io.qorgan.gateway.exchange.PreparedExchange;
import io.qorgan.gateway.identity.Identity;
import io.qorgan.gateway.protect.StreamBroken;
import io.qorgan.gateway.quota.Ticket;
import io.qorgan.gateway.quota.UsageMeter;
import io.qorgan.gateway.route.RouteMatch;
import io.qorgan.gateway.route.Router;
import io.qorgan.gateway.upstream.AttemptPlan;
import io.qorgan.gateway.upstream.UpstreamClient;
import io.qorgan.gateway.upstream.UpstreamConnection;
import io.qorgan.gateway.upstream.UpstreamFailure;
import io.qorgan.gateway.upstream.UpstreamListener;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One exchange in flight, on the server's side: hands the complete request to the {@link ExchangePreparer} (on the
 * event loop, or on a worker for a large body, whose result comes back to the loop), then forwards what it prepared —
 * or answers the error it gave — takes an upstream connection, sends the request, and streams the answer back piece
 * by piece as it arrives, restoring the originals on the way ({@link AnswerRestoration}).
 *
 * <p>Backpressure: when the client cannot take more, the upstream connection stops reading until the client drains.
 * Failures before the answer starts are retried, or fail over to the route's next upstream, as the exchange's
 * {@link AttemptPlan} says (never once a byte of the answer was relayed), and otherwise become 502/503/504 in the API's
 * error shape; a failure mid-answer closes the client connection, the only honest signal left. A stale keep-alive
 * connection that closes before answering is retried at once on another connection. If the client goes away, the
 * upstream connection is closed so the upstream stops working for nobody.
 *
 * <p>Runs on the client channel's event loop, which the upstream connection shares; every field is written there
 * only. A worker that prepares a large body touches none of them: it returns an immutable {@link Preparation}.
 */
final class ExchangeRelay implements UpstreamListener, UpstreamClient.AcquireCallback {

    private static final Logger log = LoggerFactory.getLogger(ExchangeRelay.class);
    private static final String ENTITIES_HEADER = "x-qorgan-entities";
    private static final String POLICY_HEADER = "x-qorgan-policy";
    /** Bodies from this size on are prepared on a worker, so one large body does not stall a loop. */
    static final int OFFLOAD_BYTES = 256 * 1024;

    private final ProxyFrontendHandler frontend;
    private final ChannelHandlerContext ctx;
    private final ProxyRuntime runtime;
    private final HttpRequest head;
    /** The body as the client sent it; owned here, released when the exchange ends. */
    private final ByteBuf body;
    /** The body's share of the memory budget for bodies; given back when the exchange ends. */
    private final BodyBudget.Lease lease;

    private final String requestId;
    private final RouteMatch match;
    private final Identity identity;
    private final boolean clientKeepAlive;
    private final ForwardingHeaders.Client client;
    /** The exchange's place under its agency's limits; released, with the tokens its answer reported, at the end. */
    private final Ticket ticket;
    /** Reads the tokens the answer reports, when a token limit applies; else null. */
    private final UsageMeter meter;

    private final long startNanos = System.nanoTime();

    /** What the prepare stage decided; null until it did. */
    private PreparedExchange prepared;

    private UpstreamClient upstream;
    private String policyVersion;
    private AnswerRestoration restoration;
    private HttpResponse heldHead;
    /** Time spent restoring and scanning this exchange's answer so far. */
    private long answerNanos;

    private UpstreamConnection connection;
    /** Where this exchange may go, and how often; chosen when it starts. */
    private AttemptPlan plan;
    /** The first preparation, from which the exchange is prepared again for another upstream of its route. */
    private Preparation.Ready first;
    /** The error to answer when no upstream is left to try. */
    private GatewayError lastError;

    private ScheduledFuture<?> retryTask;
    private boolean retried;
    private boolean responseStarted;
    private boolean done;
    private int status;

    ExchangeRelay(
            ProxyFrontendHandler frontend,
            ChannelHandlerContext ctx,
            ProxyRuntime runtime,
            HttpRequest head,
            ByteBuf body,
            BodyBudget.Lease lease,
            String requestId,
            RouteMatch match,
            Identity identity,
            boolean clientKeepAlive,
            ForwardingHeaders.Client client,
            Ticket ticket) {
        this.frontend = frontend;
        this.ctx = ctx;
        this.runtime = runtime;
        this.head = head;
        this.body = body;
        this.lease = lease;
        this.requestId = requestId;
        this.match = match;
        this.identity = identity;
        this.clientKeepAlive = clientKeepAlive;
        this.client = client;
        this.ticket = ticket == null ? Ticket.FREE : ticket;
        this.meter = this.ticket.meter();
        this.upstream = runtime.upstreams().get(match.route().upstream());
    }

    void start() {
        runtime.metrics().exchangeStarted();
        if (!chooseFirstUpstream()) {
            return;
        }
        ExchangePreparer preparer = runtime.preparer();
        // Everything the prepare stage reads is copied here, on the loop: the body may be released (client gone)
        // while a worker prepares a large one.
        byte[] bytes = body.isReadable() && preparer.readsBody(match.route()) ? ByteBufUtil.getBytes(body) : null;
        ExchangeRequest request = new ExchangeRequest(
                requestId,
                match.route(),
                upstream.name(),
                identity,
                head.method().name(),
                Router.rebase(match.upstreamUri(), basePath(match.route().upstream()), basePath(upstream.name())),
                match.route().protect() ? ForwardingHeaders.texts(head.headers()) : List.of(),
                head.headers().get(HttpHeaderNames.CONTENT_TYPE),
                head.headers().get(HttpHeaderNames.CONTENT_ENCODING),
                bytes);
        ExchangePreparer.Continuation continuation =
                runtime.protection().conversations().shared() ? preparer.continuation(request) : null;
        if (continuation != null) {
            // the turn it continues may have been stored by another node: fetched from the fleet's store first
            runtime.protection()
                    .conversations()
                    .fetch(continuation.scope(), continuation.previousResponseId())
                    .whenComplete((ok, failure) -> {
                        try {
                            ctx.executor().execute(() -> prepare(request));
                        } catch (RejectedExecutionException e) {
                            // the loop is shutting down; its channels close
                        }
                    });
            return;
        }
        prepare(request);
    }

    /** Prepares on the event loop, or on a worker for a large body. */
    private void prepare(ExchangeRequest request) {
        if (done) {
            return;
        }
        ExchangePreparer preparer = runtime.preparer();
        byte[] bytes = request.body();
        if (bytes == null || bytes.length < OFFLOAD_BYTES) {
            begin(preparer.prepare(request));
            return;
        }
        try {
            runtime.workers().execute(() -> {
                Preparation preparation = preparer.prepare(request);
                ctx.executor().execute(() -> begin(preparation));
            });
        } catch (RejectedExecutionException e) {
            answerError(GatewayError.overloaded());
        }
    }

    /** Forwards what was prepared, or answers the refusal; on the event loop. */
    private void begin(Preparation preparation) {
        if (done) {
            return; // the client left while a worker prepared the body
        }
        if (preparation instanceof Preparation.Refused refused) {
            policyVersion = refused.decision().policyVersion();
            answerError(refused.error());
            return;
        }
        first = (Preparation.Ready) preparation;
        prepared = first.exchange();
        policyVersion = prepared.decision().policyVersion();
        if (!prepared.upstream().equals(upstream.name()) && !reroute(prepared.upstream())) {
            return;
        }
        attempt();
    }

    /**
     * Orders the route's upstreams for this exchange and takes the first whose breaker lets the call through; when
     * every breaker is open, answers 503 {@code upstream_unavailable} at once, before anything is prepared.
     */
    private boolean chooseFirstUpstream() {
        plan = AttemptPlan.forRoute(
                match.route(), runtime.upstreams(), identity, ThreadLocalRandom.current(), runtime.metrics());
        String name = plan.next();
        if (name == null) {
            answerError(GatewayError.upstreamUnavailable(
                    upstream.name(), upstream.guard().retryAfterSeconds()));
            return false;
        }
        upstream = runtime.upstreams().get(name);
        return true;
    }

    /** A policy rule sent the request to another upstream: that one only, if its breaker lets it through. */
    private boolean reroute(String target) {
        plan.release();
        upstream = runtime.upstreams().get(target);
        plan = AttemptPlan.forUpstream(upstream.guard(), runtime.metrics());
        if (plan.next() == null) {
            answerError(
                    GatewayError.upstreamUnavailable(target, upstream.guard().retryAfterSeconds()));
            return false;
        }
        return true;
    }

    /** Sends the prepared request to the plan's current upstream. */
    private void attempt() {
        retryTask = null;
        if (done) {
            return;
        }
        plan.sending(System.nanoTime());
        upstream.acquire(ctx.channel().eventLoop(), this, this);
    }

    /** After an attempt that gave no answer to relay: send again later, or go on to the next upstream. */
    private void afterAttempt(AttemptPlan.Next next, GatewayError error) {
        lastError = error;
        if (next == AttemptPlan.Next.RETRY) {
            runtime.metrics().retried(upstream.name());
            retryTask = ctx.executor().schedule(this::retry, plan.delayNanos(), TimeUnit.NANOSECONDS);
        } else {
            failOver();
        }
    }

    private void retry() {
        retryTask = null;
        if (done) {
            return;
        }
        if (plan.permitRetry()) {
            attempt();
        } else {
            failOver(); // the breaker opened while this request waited
        }
    }

    /**
     * The next upstream of the route whose breaker lets the call through and whose policy allows this request there,
     * prepared for it from the first preparation (on a worker for a large body); the last error when none is left.
     */
    private void failOver() {
        String next = plan.next();
        if (next == null) {
            answerError(lastError);
            return;
        }
        ExchangePreparer preparer = runtime.preparer();
        if (body.readableBytes() < OFFLOAD_BYTES) {
            failedOver(next, preparer.prepareFallback(first, next));
            return;
        }
        Preparation.Ready from = first;
        try {
            runtime.workers().execute(() -> {
                Preparation preparation = preparer.prepareFallback(from, next);
                ctx.executor().execute(() -> failedOver(next, preparation));
            });
        } catch (RejectedExecutionException e) {
            answerError(lastError);
        }
    }

    private void failedOver(String next, Preparation preparation) {
        if (done) {
            return;
        }
        if (preparation instanceof Preparation.Refused refused) {
            log.debug(
                    "fallback refused request_id={} upstream={} code={}",
                    requestId,
                    next,
                    refused.error().code());
            runtime.metrics().upstreamSkipped(next, "policy");
            failOver();
            return;
        }
        runtime.metrics().failedOver(upstream.name(), next);
        prepared = ((Preparation.Ready) preparation).exchange();
        policyVersion = prepared.decision().policyVersion();
        upstream = runtime.upstreams().get(next);
        attempt();
    }

    private String basePath(String upstreamName) {
        return runtime.upstreams().get(upstreamName).config().basePath();
    }

    @Override
    public void acquired(UpstreamConnection conn) {
        if (done) {
            conn.abandon();
            return;
        }
        this.connection = conn;
        conn.send(upstreamRequest());
    }

    private FullHttpRequest upstreamRequest() {
        HttpHeaders headers = ForwardingHeaders.upstreamCopy(head.headers());
        prepared.protectedHeaders().forEach((name, texts) -> headers.set(name, ForwardingHeaders.values(texts)));
        ByteBuf out = prepared.forwardBody() != null
                ? Unpooled.wrappedBuffer(prepared.forwardBody())
                : body.retainedDuplicate();
        ForwardingHeaders.toUpstream(headers, upstream.hostHeader(), client, requestId, out.readableBytes());
        ForwardingHeaders.credentials(headers, runtime.identification().authenticates(), upstream.credential());
        // the request line was validated when decoded; the upstream's base path comes from a parsed URI
        return new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1,
                head.method(),
                Router.rebase(
                        prepared.forwardTarget(),
                        basePath(prepared.request().upstream()),
                        upstream.config().basePath()),
                out,
                headers,
                EmptyHttpHeaders.INSTANCE,
                false);
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
        AttemptPlan.Next next = plan.answered(head.status().code(), head.headers(), System.nanoTime());
        if (next != AttemptPlan.Next.GIVE_UP) {
            dropUpstream(); // nothing of this answer went out: another attempt will answer
            afterAttempt(next, statusError(head.status().code(), AttemptPlan.retryAfterSeconds(head.headers())));
            return;
        }
        responseStarted = true;
        status = head.status().code();
        HttpResponse out = new DefaultHttpResponse(HttpVersion.HTTP_1_1, head.status(), head.headers());
        ForwardingHeaders.toClient(out.headers(), requestId);
        String entities = prepared.decision().entitiesHeader();
        if (entities != null && !entities.isEmpty()) {
            out.headers().set(ENTITIES_HEADER, entities);
        }
        if (policyVersion != null) {
            out.headers().set(POLICY_HEADER, policyVersion);
        }
        if (prepared.restores()) {
            restoration = new AnswerRestoration(
                    runtime.protection(), prepared.dialect(), prepared.vault(), prepared.answerAction());
            AnswerRestoration.Mode mode = restoration.begin(out);
            if (mode == AnswerRestoration.Mode.WHOLE) {
                heldHead = out; // sent with the restored length when the answer is complete
                return;
            }
            if (mode == AnswerRestoration.Mode.COMPRESSED) {
                // asked for identity: an answer that can be neither restored nor scanned is not passed on
                heldHead = out; // nothing of it went out
                answerBroken(
                        "compressed_answer",
                        false,
                        "The upstream compressed its answer although the gateway asked for none; it cannot be restored");
                return;
            }
        }
        if (!out.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            out.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
        HttpUtil.setKeepAlive(out, keepConnection());
        ctx.write(out, ctx.voidPromise());
    }

    @Override
    public void onResponseContent(HttpContent content, boolean last) {
        if (done) {
            content.release();
            return;
        }
        if (meter != null) {
            meter.scan(content.content().nioBuffer());
        }
        ByteBuf piece = content.content();
        if (restoration != null) {
            long start = System.nanoTime();
            try {
                piece = restoration.content(ctx.alloc(), content.content(), last);
            } catch (AnswerRestoration.AnswerTooLarge e) {
                answerBroken("answer_too_large", false);
                return;
            } catch (StreamBroken e) {
                answerBroken(e.code(), true);
                return;
            } catch (RuntimeException e) {
                log.warn(
                        "restoration failed request_id={} error={}",
                        requestId,
                        e.getClass().getSimpleName());
                answerBroken("restoration_failed", restoration.mode() == AnswerRestoration.Mode.STREAM);
                return;
            } finally {
                answerNanos += System.nanoTime() - start;
            }
        }
        if (prepared.blockAnswers() && heldHead == null && restoration != null && restoration.producedSoFar()) {
            if (piece != null) {
                piece.release();
            }
            cutStream();
            return;
        }
        if (!last) {
            if (piece != null) {
                ctx.write(restoration == null ? content : new DefaultHttpContent(piece), ctx.voidPromise());
            }
            if (!ctx.channel().isWritable()) {
                connection.setReading(false);
            }
            return;
        }
        if (heldHead != null
                && prepared.blockAnswers()
                && !restoration.produced().isEmpty()) {
            // the policy refuses answers in which the model produced personal data on its own
            piece.release();
            runtime.metrics().restorationFailed("answer_blocked");
            connection.finish();
            heldHead = null;
            answerError(GatewayError.answerWithheld(false));
            return;
        }
        connection.finish();
        boolean keep = keepConnection();
        if (heldHead != null) {
            heldHead.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, piece.readableBytes());
            heldHead.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
            HttpUtil.setKeepAlive(heldHead, keep);
            ctx.write(heldHead, ctx.voidPromise());
        }
        LastHttpContent end = restoration == null
                ? (LastHttpContent) content
                : piece == null ? new DefaultLastHttpContent() : new DefaultLastHttpContent(piece);
        CompletionStage<Void> kept = restoration == null ? null : rememberConversation();
        if (kept != null && !kept.toCompletableFuture().isDone()) {
            // any node may be asked for the next turn once the client has this answer: the fleet's store holds it first
            kept.whenComplete((ok, failure) -> {
                try {
                    ctx.executor().execute(() -> finishAnswer(end, keep, failure));
                } catch (RejectedExecutionException e) {
                    end.release(); // the loop is shutting down
                }
            });
            return;
        }
        finishAnswer(end, keep, null);
    }

    /** The answer's last piece goes out and the exchange ends. */
    private void finishAnswer(LastHttpContent end, boolean keep, Throwable notKept) {
        if (done) {
            end.release(); // the client left while the conversation was being stored
            return;
        }
        if (notKept != null) {
            log.warn(
                    "conversation kept on this node only request_id={} error={}",
                    requestId,
                    notKept.getClass().getSimpleName());
        }
        ctx.writeAndFlush(end, ctx.voidPromise()); // a failed write reaches the frontend, which closes
        if (restoration != null) {
            runtime.metrics().entities("answer", restoration.produced());
        }
        end(keep);
    }

    /**
     * The policy withholds answers in which the model produced personal data on its own, and a streamed one is already
     * under way: the piece that held the value is dropped (the value was never sent), the upstream is let go, and the
     * stream ends with an error event its clients raise.
     */
    private void cutStream() {
        runtime.metrics().restorationFailed("answer_blocked");
        dropUpstream();
        ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(ErrorResponses.streamEvent(
                prepared.dialect(), restoration.framing(), GatewayError.answerWithheld(true), requestId))));
        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        end(keepConnection());
    }

    /** A Responses-API turn the upstream stores: keep its vault so the next turn can continue. */
    private CompletionStage<Void> rememberConversation() {
        if (prepared.conversationScope() != null && status < 300) {
            Optional<String> id = restoration.responseId();
            if (id.isPresent()) {
                return runtime.protection()
                        .conversations()
                        .put(prepared.conversationScope(), id.get(), prepared.vault());
            }
        }
        return null;
    }

    /** The answer cannot be restored: nothing partial of it may reach the client. */
    private void answerBroken(String code, boolean midStream) {
        answerBroken(code, midStream, "The upstream's answer could not be restored (" + code + ")");
    }

    /** As {@link #answerBroken(String, boolean)}, saying {@code why} when the client can still get an answer. */
    private void answerBroken(String code, boolean midStream, String why) {
        runtime.metrics().restorationFailed(code);
        log.debug("answer not restorable request_id={} code={}", requestId, code);
        dropUpstream();
        if (midStream || heldHead == null) {
            end(false);
            ctx.channel().close();
            return;
        }
        heldHead = null;
        answerError(new GatewayError(502, "upstream_error", code, why));
    }

    /** Lets the upstream connection go before its answer ended: it is closed, the upstream stops working for us. */
    private void dropUpstream() {
        if (connection != null) {
            connection.abandon();
            connection = null;
        }
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
        runtime.metrics().upstreamFailure(upstream.name(), failure.kind().name().toLowerCase(Locale.ROOT));
        connection = null;
        if (failure.retryable() && !retried) {
            retried = true; // a stale keep-alive connection: the same attempt on a fresh one
            runtime.metrics().retried(upstream.name());
            upstream.acquire(ctx.channel().eventLoop(), this, this);
            return;
        }
        AttemptPlan.Next next = plan.failed(failure, System.nanoTime());
        log.debug(
                "upstream failure request_id={} upstream={} kind={} response_started={}",
                requestId,
                upstream.name(),
                failure.kind(),
                failure.responseStarted());
        if (responseStarted && heldHead == null) {
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
        if (next == AttemptPlan.Next.GIVE_UP) {
            answerError(error);
        } else {
            afterAttempt(next, error);
        }
    }

    /** What to answer for a dropped 429/502/503/504 when no other attempt can be made after it. */
    private GatewayError statusError(int status, long retryAfterSeconds) {
        return switch (status) {
            case 429 -> GatewayError.upstreamRateLimited(upstream.name(), retryAfterSeconds);
            case 503 -> GatewayError.upstreamUnavailable(upstream.name(), retryAfterSeconds);
            case 504 -> GatewayError.upstreamTimeout(upstream.name());
            default -> GatewayError.upstreamFailed(upstream.name());
        };
    }

    /** Answers with an error of the gateway's own, before any part of an answer was sent. */
    private void answerError(GatewayError error) {
        status = error.status();
        boolean keep = keepConnection();
        FullHttpResponse response = ErrorResponses.build(ctx.alloc(), error, requestId);
        if (policyVersion != null) {
            response.headers().set(POLICY_HEADER, policyVersion);
        }
        HttpUtil.setKeepAlive(response, keep);
        ctx.writeAndFlush(response)
                .addListener(keep ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
        end(keep);
    }

    /** The client disconnected before the answer ended. */
    void clientGone() {
        if (done) {
            return;
        }
        runtime.metrics().clientAborted(match.route().name());
        dropUpstream();
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
        if (plan != null) {
            plan.release();
        }
        ticket.release(meter == null ? 0 : meter.tokens());
        if (retryTask != null) {
            retryTask.cancel(false);
        }
        body.release();
        lease.release();
        if (restoration != null) {
            restoration.release();
            runtime.metrics().answerRestored(answerNanos);
        }
        prepared = null; // the exchange's originals go with it
        runtime.admission().exit();
        long nanos = System.nanoTime() - startNanos;
        runtime.metrics().exchangeFinished(match.route().name(), upstream.name(), status, nanos);
        if (log.isDebugEnabled()) { // the hot path: no argument array or boxing unless asked for
            log.debug(
                    "exchange request_id={} agency={} caller={} route={} upstream={} status={} micros={}",
                    requestId,
                    identity.agency(),
                    identity.caller(),
                    match.route().name(),
                    upstream.name(),
                    status,
                    nanos / 1000);
        }
        if (ctx.channel().isActive()) {
            frontend.exchangeEnded(keepConnection);
        }
    }
}
