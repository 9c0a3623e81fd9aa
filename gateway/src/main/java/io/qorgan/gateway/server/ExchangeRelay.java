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
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.qorgan.gateway.cache.CacheQuery;
import io.qorgan.gateway.cache.Lookup;
import io.qorgan.gateway.cache.Ticket;
import io.qorgan.gateway.dialect.Framing;
import io.qorgan.gateway.exchange.ExchangePreparer;
import io.qorgan.gateway.exchange.ExchangeRequest;
import io.qorgan.gateway.exchange.GatewayError;
import io.qorgan.gateway.exchange.Preparation;
import io.qorgan.gateway.exchange.PreparedExchange;
import io.qorgan.gateway.identity.Identity;
import io.qorgan.gateway.policy.Verdict;
import io.qorgan.gateway.protect.ProtectionSettings;
import io.qorgan.gateway.protect.StreamBroken;
import io.qorgan.gateway.quota.Allowance;
import io.qorgan.gateway.quota.UsageMeter;
import io.qorgan.gateway.route.RouteMatch;
import io.qorgan.gateway.route.Router;
import io.qorgan.gateway.upstream.AttemptPlan;
import io.qorgan.gateway.upstream.UpstreamClient;
import io.qorgan.gateway.upstream.UpstreamConnection;
import io.qorgan.gateway.upstream.UpstreamFailure;
import io.qorgan.gateway.upstream.UpstreamListener;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * <p>Between prepare and forward, a protected exchange asks the safe-answer cache: a hit is answered from it and
 * never touches an upstream or its breaker. Otherwise the exchange goes where its {@link AttemptPlan} says: the route's
 * upstreams in order (or drawn by weight), each while its breaker lets calls through. Failures before any of the answer
 * was relayed are retried with the same prepared exchange, or fail over to the next upstream, prepared for it from the
 * first preparation without detecting again (never once a byte of the answer was relayed), and otherwise become
 * 502/503/504 in the API's error shape; a failure mid-answer ends a stream with an error event, or closes the client
 * connection, the only honest signal left. A stale keep-alive connection that closes before answering is retried at
 * once on another connection. If the client goes away, the upstream connection is closed so the upstream stops
 * working for nobody.
 *
 * <p>Backpressure: when the client cannot take more, the upstream connection stops reading until the client drains.
 *
 * <p>Runs on the client channel's event loop, which the upstream connection shares; every field is written there
 * only. A worker that prepares a large body touches none of them: it returns an immutable {@link Preparation}.
 */
final class ExchangeRelay implements UpstreamListener, UpstreamClient.AcquireCallback {

    private static final Logger log = LoggerFactory.getLogger(ExchangeRelay.class);
    private static final String ENTITIES_HEADER = "x-qorgan-entities";
    private static final String POLICY_HEADER = "x-qorgan-policy";
    private static final String CACHE_HEADER = "x-qorgan-cache";
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
    /** The exchange's audit record, written when it ends. */
    private final ExchangeAudit audit;

    private final String requestId;
    private final RouteMatch match;
    private final Identity identity;
    private final boolean clientKeepAlive;
    private final ForwardingHeaders.Client client;
    /** The exchange's place under its agency's limits; released, with the tokens its answer reported, at the end. */
    private final Allowance allowance;
    /** Reads the tokens the answer reports, when a token limit applies; else null. */
    private final UsageMeter meter;

    private final long startNanos = System.nanoTime();

    /** What the prepare stage decided; null until it did. */
    private PreparedExchange prepared;

    private UpstreamClient upstream;
    private String policyVersion;
    private AnswerRestoration restoration;
    private HttpResponse heldHead;
    /** How the answer is framed: a stream (SSE, NDJSON) can end with an error event when it cannot go on. */
    private Framing answerFraming = Framing.NONE;
    /** For a streamed answer: whether what the client got so far ends as its API ends a stream. */
    private StreamEnd streamEnd;
    /** Time spent restoring and scanning this exchange's answer so far. */
    private long answerNanos;

    private UpstreamConnection connection;
    /** The check that cuts a client that takes nothing of its answer; null while none is due. */
    private ScheduledFuture<?> stallCheck;

    /** Where this exchange may go, and how often; chosen when it starts. */
    private AttemptPlan plan;
    /** The first preparation, from which the exchange is prepared again for another upstream of its route. */
    private Preparation.Ready first;
    /** The error to answer when no upstream is left to try; null before an attempt failed. */
    private GatewayError lastError;
    /** The next send of a retry, while it waits for its backoff. */
    private ScheduledFuture<?> retryTask;

    private boolean retried;
    private boolean responseStarted;
    private boolean done;
    private int status;

    /** What the answer cache did (hit, miss, stored, bypass), for the header and the audit; null off protected routes. */
    private String cacheOutcome;
    /** Why the cache did not take this exchange, when it bypassed it. */
    private String cacheBypassReason;
    /** A miss's ticket: its answer is offered when complete, or the ticket abandoned when the exchange ends. */
    private Ticket cacheTicket;
    /** A miss's answer as the upstream sent it, for the ticket. */
    private AnswerCapture capture;
    /** The upstream's {@code Content-Type} and when the request was sent, for the ticket. */
    private String answerType;

    private long sentNanos;

    ExchangeRelay(
            ProxyFrontendHandler frontend,
            ChannelHandlerContext ctx,
            ProxyRuntime runtime,
            HttpRequest head,
            ByteBuf body,
            BodyBudget.Lease lease,
            ExchangeAudit audit,
            String requestId,
            RouteMatch match,
            Identity identity,
            boolean clientKeepAlive,
            ForwardingHeaders.Client client,
            Allowance allowance) {
        this.frontend = frontend;
        this.ctx = ctx;
        this.runtime = runtime;
        this.head = head;
        this.body = body;
        this.lease = lease;
        this.audit = audit;
        this.requestId = requestId;
        this.match = match;
        this.identity = identity;
        this.clientKeepAlive = clientKeepAlive;
        this.client = client;
        this.allowance = allowance == null ? Allowance.FREE : allowance;
        this.meter = this.allowance.meter();
        this.upstream = runtime.upstreams().get(match.route().upstream());
    }

    void start() {
        runtime.metrics().exchangeStarted();
        // the route's upstreams in this exchange's order; no breaker is asked before the cache had its say
        plan = AttemptPlan.forRoute(
                match.route(), runtime.upstreams(), identity, ThreadLocalRandom.current(), runtime.metrics());
        String likely = plan.likely();
        if (likely == null) {
            answerError(GatewayError.upstreamUnavailable(
                    upstream.name(), upstream.guard().retryAfterSeconds()));
            return;
        }
        upstream = runtime.upstreams().get(likely);
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
        if (!runtime.protection().conversations().shared()) {
            prepare(request, null);
            return;
        }
        // the turn a Responses request continues may have been stored by another node: fetched from the fleet's
        // store before preparing; the top level read for that is the prepare stage's too
        if (small(request)) {
            fetchThenPrepare(request, preparer.continuation(request));
            return;
        }
        offload(() -> {
            ExchangePreparer.Continuation continuation = preparer.continuation(request);
            ctx.executor().execute(() -> fetchThenPrepare(request, continuation));
        });
    }

    private void fetchThenPrepare(ExchangeRequest request, ExchangePreparer.Continuation continuation) {
        if (continuation == null || !continuation.continues()) {
            prepare(request, continuation);
            return;
        }
        runtime.protection()
                .conversations()
                .fetch(continuation.scope(), continuation.previousResponseId())
                .whenComplete((ok, failure) -> {
                    try {
                        ctx.executor().execute(() -> prepare(request, continuation));
                    } catch (RejectedExecutionException e) {
                        // the loop is shutting down; its channels close
                    }
                });
    }

    /** Prepares on the event loop, or on a worker for a large body; {@code read}: what was read of it already. */
    private void prepare(ExchangeRequest request, ExchangePreparer.Continuation read) {
        if (done) {
            return;
        }
        ExchangePreparer preparer = runtime.preparer();
        if (small(request)) {
            begin(preparer.prepare(request, read));
            return;
        }
        offload(() -> {
            Preparation preparation = preparer.prepare(request, read);
            ctx.executor().execute(() -> begin(preparation));
        });
    }

    /** Whether the request's body is small enough to be read on the event loop. */
    private static boolean small(ExchangeRequest request) {
        return request.bodyBytes() < OFFLOAD_BYTES;
    }

    /** Runs {@code work} on the worker pool; answers 503 when the pool takes no more. */
    private void offload(Runnable work) {
        try {
            runtime.workers().execute(work);
        } catch (RejectedExecutionException e) {
            answerError(GatewayError.overloaded());
        }
    }

    /** Forwards what was prepared, or answers the refusal; on the event loop. */
    private void begin(Preparation preparation) {
        if (done) {
            return; // the client left while a worker prepared the body
        }
        audit.prepared(preparation);
        if (preparation instanceof Preparation.Refused refused) {
            policyVersion = refused.decision().policyVersion();
            if (match.route().protect()) {
                cacheOutcome = "bypass";
                cacheBypassReason = "refused";
                runtime.cache().refused(match.route().name(), identity.agency());
            }
            answerError(refused.error());
            return;
        }
        first = (Preparation.Ready) preparation;
        prepared = first.exchange();
        policyVersion = prepared.decision().policyVersion();
        if (!prepared.upstream().equals(upstream.name())) {
            // a policy rule sent the request to another upstream: that one only
            upstream = runtime.upstreams().get(prepared.upstream());
            plan = AttemptPlan.forUpstream(upstream.guard(), runtime.metrics());
        }
        lookupCache();
    }

    /** The cache did not answer: the exchange goes to the first upstream of its plan whose breaker lets it through. */
    private void forward() {
        sentNanos = System.nanoTime();
        nextUpstream();
    }

    // ---- retries and failover (issue 20): around the send, never after a byte of the answer was relayed ----

    /**
     * Moves to the plan's next upstream whose breaker lets the call through: the one the exchange was prepared for is
     * sent to at once; another is prepared for from the first preparation (on a worker for a large body) and passed over
     * when the caller's policy does not allow this request there. When none is left, answers the last error, or 503
     * {@code upstream_unavailable} at once when no upstream was called.
     */
    private void nextUpstream() {
        String next = plan.next();
        if (next == null) {
            answerError(
                    lastError != null
                            ? lastError
                            : GatewayError.upstreamUnavailable(
                                    upstream.name(), upstream.guard().retryAfterSeconds()));
            return;
        }
        if (next.equals(prepared.upstream())) {
            upstream = runtime.upstreams().get(next);
            attempt();
            return;
        }
        ExchangePreparer preparer = runtime.preparer();
        if (body.readableBytes() < OFFLOAD_BYTES) {
            preparedFor(next, preparer.prepareFallback(first, next));
            return;
        }
        Preparation.Ready from = first;
        try {
            runtime.workers().execute(() -> {
                Preparation preparation = preparer.prepareFallback(from, next);
                ctx.executor().execute(() -> preparedFor(next, preparation));
            });
        } catch (RejectedExecutionException e) {
            answerError(lastError != null ? lastError : GatewayError.overloaded());
        }
    }

    /** The exchange prepared again for {@code next}, another upstream of its route. */
    private void preparedFor(String next, Preparation preparation) {
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
            nextUpstream();
            return;
        }
        if (lastError != null) {
            runtime.metrics().failedOver(upstream.name(), next);
        }
        if (cacheTicket != null) {
            // the answer will be another upstream's, to another request: not one to store under this key
            cacheTicket.abandon();
            cacheTicket = null;
            capture = null;
        }
        audit.prepared(preparation);
        prepared = ((Preparation.Ready) preparation).exchange();
        policyVersion = prepared.decision().policyVersion();
        upstream = runtime.upstreams().get(next);
        attempt();
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

    /** After an attempt that gave no answer to relay: send the same exchange again later, or try the next upstream. */
    private void afterAttempt(AttemptPlan.Next next, GatewayError error) {
        lastError = error;
        if (next == AttemptPlan.Next.RETRY) {
            runtime.metrics().retried(upstream.name());
            retryTask = ctx.executor().schedule(this::retry, plan.delayNanos(), TimeUnit.NANOSECONDS);
        } else {
            nextUpstream();
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
            nextUpstream(); // the breaker opened while this request waited
        }
    }

    private String basePath(String upstreamName) {
        return runtime.upstreams().get(upstreamName).config().basePath();
    }

    // ---- the safe-answer cache (issue 17): between decide/transform and forward ----

    /** What the answer cache did with this exchange: hit, miss, stored or bypass; null on an unprotected route. */
    String cacheOutcome() {
        return cacheOutcome;
    }

    /** Why the cache bypassed this exchange, or null. */
    String cacheBypassReason() {
        return cacheBypassReason;
    }

    /**
     * Asks the cache about a prepared exchange on a protected route: a hit is answered here, without the upstream; a
     * large body's key is worked out on a worker, like its preparation.
     */
    private void lookupCache() {
        if (!match.route().protect()) {
            forward();
            return;
        }
        CacheQuery query = cacheQuery();
        if (query.body() == null || query.body().length < OFFLOAD_BYTES) {
            cacheLooked(runtime.cache().lookup(query));
            return;
        }
        try {
            runtime.workers().execute(() -> {
                Lookup lookup = runtime.cache().lookup(query);
                ctx.executor().execute(() -> cacheLooked(lookup));
            });
        } catch (RejectedExecutionException e) {
            runtime.metrics().cacheRequest(match.route().name(), "bypass");
            runtime.metrics().cacheBypassed(match.route().name(), "busy");
            cacheLooked(new Lookup.Bypass("busy"));
        }
    }

    private CacheQuery cacheQuery() {
        Map<String, String> headers = new HashMap<>();
        for (String name : CacheQuery.HEADERS) {
            List<String> values = head.headers().getAll(name);
            if (!values.isEmpty()) {
                headers.put(name, String.join(",", values));
            }
        }
        PreparedExchange.Decision decision = prepared.decision();
        Verdict verdict = decision.verdict();
        ProtectionSettings base = runtime.protection().baseSettings();
        // the operators the request went out with: prepared with them already, so they apply without error
        ProtectionSettings settings = verdict == null ? base : verdict.protection(base);
        return new CacheQuery(
                identity.agency(),
                identity.caller(),
                match.route().name(),
                prepared.upstream(),
                prepared.dialect(),
                head.method().name(),
                prepared.forwardTarget(),
                prepared.forwardBody(),
                prepared.facts(),
                !decision.passedUnreadable(),
                CacheQuery.identifying(settings, decision.entityCounts().keySet()),
                verdict == null ? null : verdict.cache(),
                headers);
    }

    /** Acts on what the cache said; on the event loop. */
    private void cacheLooked(Lookup lookup) {
        if (done) {
            if (lookup instanceof Lookup.Miss miss) {
                miss.ticket().abandon(); // the client left while the key was worked out or while waiting
            }
            return;
        }
        if (lookup instanceof Lookup.Hit hit) {
            cacheOutcome = "hit";
            serveCached(hit.answer());
        } else if (lookup instanceof Lookup.Miss miss) {
            cacheOutcome = "miss";
            cacheTicket = miss.ticket();
            capture = new AnswerCapture(cacheTicket.maxBytes());
            forward();
        } else if (lookup instanceof Lookup.Wait wait) {
            wait.flight().whenLanded(ctx.executor(), this::cacheLooked);
        } else if (lookup instanceof Lookup.Invalid invalid) {
            cacheOutcome = "bypass";
            cacheBypassReason = "invalid_directive";
            answerError(GatewayError.badRequest("invalid_cache_directive", invalid.message()));
        } else {
            cacheOutcome = "bypass";
            cacheBypassReason = ((Lookup.Bypass) lookup).reason();
            forward();
        }
    }

    /** A hit: the stored answer goes through the restore stage as an upstream's would, with this exchange's vault. */
    private void serveCached(Lookup.Served answer) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(answer.status()));
        head.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, answer.contentType())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
        onResponseHead(head);
        if (!done) {
            onResponseContent(new DefaultLastHttpContent(Unpooled.wrappedBuffer(answer.body())), true);
        }
    }

    /** A miss's answer ended whole: offered to the cache, which stores it when it is safe. */
    private void offerToCache() {
        if (cacheTicket == null) {
            return;
        }
        AnswerRestoration.Mode mode = restoration == null ? AnswerRestoration.Mode.PASS : restoration.mode();
        if (mode != AnswerRestoration.Mode.WHOLE && mode != AnswerRestoration.Mode.STREAM) {
            cacheTicket.abandon(); // an answer the restore stage passes as it is: nothing the cache could restore
            return;
        }
        boolean stored = cacheTicket.offer(
                status,
                answerType,
                mode == AnswerRestoration.Mode.STREAM,
                capture.bytes(),
                System.nanoTime() - sentNanos,
                !restoration.produced().isEmpty());
        cacheOutcome = stored ? "stored" : "miss";
    }

    @Override
    public void acquired(UpstreamConnection conn) {
        if (done) {
            conn.abandon();
            return;
        }
        this.connection = conn;
        audit.sent();
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
        if (connection != null) { // null for a cached answer, which no upstream or breaker sees
            AttemptPlan.Next next = plan.answered(head.status().code(), head.headers(), System.nanoTime());
            if (next != AttemptPlan.Next.GIVE_UP) {
                dropUpstream(); // nothing of this answer went out: another attempt will answer
                afterAttempt(next, statusError(head.status().code(), AttemptPlan.retryAfterSeconds(head.headers())));
                return;
            }
        }
        responseStarted = true;
        status = head.status().code();
        answerFraming = Framing.ofContentType(head.headers().get(HttpHeaderNames.CONTENT_TYPE));
        streamEnd = StreamEnd.of(answerFraming);
        answerType = head.headers().get(HttpHeaderNames.CONTENT_TYPE);
        audit.answerStarted();
        HttpResponse out = new DefaultHttpResponse(HttpVersion.HTTP_1_1, head.status(), head.headers());
        ForwardingHeaders.toClient(out.headers(), requestId);
        if (cacheOutcome != null) {
            out.headers().set(CACHE_HEADER, cacheOutcome); // a whole answer's is set again when it is complete
        }
        String entities = prepared.decision().entitiesHeader();
        if (entities != null && !entities.isEmpty()) {
            out.headers().set(ENTITIES_HEADER, entities);
        }
        if (policyVersion != null) {
            out.headers().set(POLICY_HEADER, policyVersion);
        }
        if (prepared.restores()) {
            restoration = new AnswerRestoration(
                    runtime.protection(),
                    prepared.dialect(),
                    prepared.vault(),
                    prepared.answerAction(),
                    !"hit".equals(cacheOutcome)); // a cached answer was scanned when stored
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
        if (meter != null && connection != null) { // a cached answer cost no tokens
            meter.scan(content.content().nioBuffer());
        }
        ByteBuf piece = content.content();
        if (capture != null) {
            capture.add(piece);
        }
        if (last) {
            audit.upstreamEnded();
        }
        if (restoration != null) {
            long start = System.nanoTime();
            try {
                piece = restoration.content(ctx.alloc(), content.content(), last);
            } catch (AnswerRestoration.AnswerRefused e) {
                answerBroken(e.code(), false, e.getMessage());
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
        audit.sending(piece);
        if (!last) {
            if (piece != null) {
                if (streamEnd != null) {
                    streamEnd.written(piece);
                }
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
            if (connection != null) { // null for a cached answer
                connection.finish();
            }
            offerToCache(); // not stored: it holds personal data of the model's own
            heldHead = null;
            answerError(GatewayError.answerWithheld(false));
            return;
        }
        if (connection != null) { // null for a cached answer
            connection.finish();
        }
        boolean keep = keepConnection();
        offerToCache();
        if (heldHead != null) {
            if (cacheOutcome != null) {
                heldHead.headers().set(CACHE_HEADER, cacheOutcome);
            }
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
        audit.cut(GatewayError.answerWithheld(true));
        dropUpstream();
        ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(ErrorResponses.streamEvent(
                prepared.dialect(), restoration.framing(), GatewayError.answerWithheld(true), requestId))));
        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        end(keepConnection());
    }

    /**
     * A Responses-API turn the upstream stores: keep its vault so the next turn can continue; done when the fleet's
     * store holds it too (null when there is nothing to keep).
     */
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

    /**
     * A streamed answer cannot go on (the upstream failed, or sent an event that cannot be read or restored): what was
     * sent stays sent, nothing partial of the rest goes out, and the stream ends with an error event its clients raise
     * — in the framing and shape of its API — before the connection is closed. An answer that is not a stream can only
     * be cut.
     */
    private void endStreamWithError(GatewayError error) {
        audit.cut(error);
        dropUpstream();
        status = status == 0 ? error.status() : status;
        if (answerFraming == Framing.NONE || !ctx.channel().isActive()) {
            end(false);
            ctx.channel().close();
            return;
        }
        ctx.write(
                new DefaultHttpContent(Unpooled.wrappedBuffer(
                        ErrorResponses.streamEvent(prepared.dialect(), answerFraming, error, requestId))),
                ctx.voidPromise());
        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT, ctx.voidPromise());
        // the answer ended as HTTP ends one, so the connection stays usable: a client may already have pooled it
        end(keepConnection());
    }

    /** The answer cannot be restored: nothing partial of it may reach the client. */
    private void answerBroken(String code, boolean midStream) {
        answerBroken(code, midStream, "The upstream's answer could not be restored (" + code + ")");
    }

    /** As {@link #answerBroken(String, boolean)}, saying {@code why} when the client can still get an answer. */
    private void answerBroken(String code, boolean midStream, String why) {
        runtime.metrics().restorationFailed(code);
        audit.answerBroken(code);
        log.debug("answer not restorable request_id={} code={}", requestId, code);
        if (midStream && heldHead == null) {
            endStreamWithError(new GatewayError(502, "upstream_error", code, why));
            return;
        }
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
        if (!writable && stallCheck == null && !done) {
            stallCheck = ctx.executor()
                    .schedule(
                            this::checkStalled,
                            runtime.config().limits().idleTimeout().toNanos(),
                            TimeUnit.NANOSECONDS);
        }
    }

    /**
     * While the client takes nothing of its answer the upstream is not read (backpressure), and its silence does not
     * count as the upstream's; but a client that takes nothing for {@code limits.idleTimeout} would hold the exchange,
     * its buffers and an upstream connection for ever. It is cut.
     */
    private void checkStalled() {
        stallCheck = null;
        if (done || ctx.channel().isWritable()) {
            return;
        }
        runtime.metrics().clientStalled(match.route().name());
        audit.clientGone(true);
        log.debug(
                "client stalled request_id={} route={}",
                requestId,
                match.route().name());
        dropUpstream();
        status = 499;
        end(false);
        ctx.channel().close();
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
        GatewayError error = switch (failure.kind()) {
            case TIMEOUT -> GatewayError.upstreamTimeout(upstream.name());
            case CONNECT -> GatewayError.upstreamUnreachable(upstream.name());
            case POOL_EXHAUSTED -> GatewayError.upstreamBusy(upstream.name());
            case CLOSED, PROTOCOL -> GatewayError.upstreamFailed(upstream.name());
        };
        if (responseStarted && heldHead == null) {
            // Part of the answer is already with the client: a stream ends with an error event, else it is cut.
            endStreamWithError(error);
            return;
        }
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
        audit.errorAnswered(error, response.content().readableBytes());
        if (policyVersion != null) {
            response.headers().set(POLICY_HEADER, policyVersion);
        }
        if (match.route().protect()) {
            response.headers().set(CACHE_HEADER, cacheOutcome == null ? "bypass" : cacheOutcome);
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
        if (streamEnd != null && streamEnd.ended() && status < 300) {
            // SDKs leave on the stream's final event, often before the upstream's own end arrives: a whole answer
            dropUpstream();
            end(false);
            return;
        }
        runtime.metrics().clientAborted(match.route().name());
        audit.clientGone(false);
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
        allowance.release(meter == null ? 0 : meter.tokens());
        if (retryTask != null) {
            retryTask.cancel(false);
            retryTask = null;
        }
        if (stallCheck != null) {
            stallCheck.cancel(false);
            stallCheck = null;
        }
        if (cacheTicket != null) {
            cacheTicket.abandon(); // no-op once its answer was offered; lets waiting requests go on their own
        }
        body.release();
        lease.release();
        if (restoration != null) {
            restoration.release();
            runtime.metrics().answerRestored(answerNanos);
        }
        prepared = null; // the exchange's originals go with it
        runtime.admission().exit();
        audit.ended(status, upstream.name(), cacheOutcome, restoration, answerNanos);
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
