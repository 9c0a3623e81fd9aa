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
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.dialect.Dialects;
import io.qorgan.gateway.dialect.ResponsesState;
import io.qorgan.gateway.identity.Identity;
import io.qorgan.gateway.policy.AnswerAction;
import io.qorgan.gateway.policy.PolicyInput;
import io.qorgan.gateway.policy.PolicySet;
import io.qorgan.gateway.policy.RequestTexts;
import io.qorgan.gateway.policy.Verdict;
import io.qorgan.gateway.protect.AnswerScanner;
import io.qorgan.gateway.protect.ExchangeVault;
import io.qorgan.gateway.protect.ProtectionFailed;
import io.qorgan.gateway.protect.ProtectionSettings;
import io.qorgan.gateway.protect.RequestProtector;
import io.qorgan.gateway.protect.StreamBroken;
import io.qorgan.gateway.protect.VaultExpired;
import io.qorgan.gateway.route.RequestModel;
import io.qorgan.gateway.route.RouteMatch;
import io.qorgan.gateway.upstream.UpstreamClient;
import io.qorgan.gateway.upstream.UpstreamConnection;
import io.qorgan.gateway.upstream.UpstreamFailure;
import io.qorgan.gateway.upstream.UpstreamListener;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One exchange in flight: protects the request (personal data to placeholders, on protected
 * routes), takes an upstream connection, sends the request, and streams the answer back piece by
 * piece as it arrives, restoring the originals on the way ({@link AnswerRestoration}).
 *
 * <p>Fail closed: if protection fails, nothing is forwarded and the caller gets the error. A body
 * the gateway cannot read completely is refused unless the route explicitly passes unreadable
 * bodies.
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
    private static final String ENTITIES_HEADER = "x-qorgan-entities";
    private static final String POLICY_HEADER = "x-qorgan-policy";
    /** Bodies from this size on are protected on a worker, so one large body does not stall a loop. */
    static final int OFFLOAD_BYTES = 256 * 1024;

    private final ProxyFrontendHandler frontend;
    private final ChannelHandlerContext ctx;
    private final ProxyRuntime runtime;
    private final FullHttpRequest request;
    private final String requestId;
    private final RouteMatch match;
    private final Identity identity;
    private final boolean clientKeepAlive;
    private final ForwardingHeaders.Client client;
    private UpstreamClient upstream;
    private final long startNanos = System.nanoTime();

    /** The body to forward: the protected one, or null to forward the client's as it came. */
    private byte[] forwardBody;
    /** The target to forward with its path and query protected, or null for {@link RouteMatch#upstreamUri()} as it came. */
    private String forwardTarget;
    /** Client headers whose values protection changed, with all their values as protected; null when none. */
    private Map<String, List<String>> protectedHeaders;

    private ExchangeVault vault;
    private Dialect dialect;
    private boolean storesConversation;
    private String entitiesHeader;
    private AnswerRestoration restoration;
    private AnswerScanner.Action answerAction;
    private boolean blockAnswersWithPersonalData;
    private String policyVersion;
    private HttpResponse heldHead;
    /** Time spent restoring and scanning this exchange's answer so far. */
    private long answerNanos;

    private UpstreamConnection connection;
    private boolean retried;
    private boolean responseStarted;
    private boolean done;
    private int status;

    ExchangeRelay(
            ProxyFrontendHandler frontend,
            ChannelHandlerContext ctx,
            ProxyRuntime runtime,
            FullHttpRequest request,
            String requestId,
            RouteMatch match,
            Identity identity,
            boolean clientKeepAlive,
            ForwardingHeaders.Client client) {
        this.frontend = frontend;
        this.ctx = ctx;
        this.runtime = runtime;
        this.request = request;
        this.requestId = requestId;
        this.match = match;
        this.identity = identity;
        this.clientKeepAlive = clientKeepAlive;
        this.client = client;
        this.upstream = runtime.upstreams().get(match.route().upstream());
    }

    void start() {
        runtime.metrics().exchangeStarted();
        if (!match.route().protect()) {
            forward(judgeUnprotected());
            return;
        }
        String target = match.upstreamUri();
        int q = target.indexOf('?');
        dialect = Dialects.resolve(match.route().dialect(), q < 0 ? target : target.substring(0, q));
        answerAction = runtime.protection().config().answerAction();
        // Everything the protect stage reads of the request is copied here, on the loop: the
        // request may be released (client gone) while a worker protects a large body.
        List<Map.Entry<String, String>> headerTexts = ForwardingHeaders.texts(request.headers());
        if (!request.content().isReadable()) {
            forward(protect(null, null, null, null, headerTexts));
            return;
        }
        byte[] body = ByteBufUtil.getBytes(request.content());
        String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        String encoding = request.headers().get(HttpHeaderNames.CONTENT_ENCODING);
        // the model is read only for the policy; without policies nobody needs a second look at the body
        String model = runtime.policies() == null ? null : RequestModel.of(request.content());
        if (body.length < OFFLOAD_BYTES) {
            forward(protect(body, type, encoding, model, headerTexts));
            return;
        }
        try {
            runtime.workers().execute(() -> {
                GatewayError refused = protect(body, type, encoding, model, headerTexts);
                ctx.executor().execute(() -> forward(refused));
            });
        } catch (RejectedExecutionException e) {
            forward(GatewayError.overloaded());
        }
    }

    /** Forwards, or answers {@code refused} instead; on the event loop. */
    private void forward(GatewayError refused) {
        if (done) {
            return; // the client left while a worker protected the body
        }
        if (refused != null) {
            answerError(refused);
            return;
        }
        upstream.acquire(ctx.channel().eventLoop(), this, this);
    }

    /**
     * The protect stage; returns the error to answer instead of forwarding, or null. CPU only: on
     * the event loop for ordinary bodies, on a worker for large ones, never both at once.
     *
     * <p>Body (null for a bodiless request), target (path and query) and the client's headers are protected into one
     * vault, then policies judge the whole request: its texts, the personal data found in any part, its size. Only
     * then is anything kept for forwarding.
     */
    private GatewayError protect(
            byte[] body, String type, String encoding, String model, List<Map.Entry<String, String>> headerTexts) {
        long start = System.nanoTime();
        try {
            return protectStage(body, type, encoding, model, headerTexts);
        } finally {
            runtime.metrics().requestProtected(System.nanoTime() - start);
        }
    }

    private GatewayError protectStage(
            byte[] body, String type, String encoding, String model, List<Map.Entry<String, String>> headerTexts) {
        Protection protection = runtime.protection();
        ProtectedParts parts;
        try {
            String previousResponse = null;
            if (body != null && dialect == Dialect.OPENAI_RESPONSES) {
                storesConversation = ResponsesState.stores(body);
                previousResponse = ResponsesState.previousResponseId(body).orElse(null);
            }
            PolicySet policies = runtime.policySet();
            if (policies != null) { // upstream, model and size are judged before anything of the body is analysed
                Verdict early = policies.judgeBeforeReading(
                        identity.agency(),
                        match.route().name(),
                        upstream.name(),
                        model,
                        body == null ? 0 : body.length);
                if (early != null) {
                    return obey(policies, early);
                }
            }
            ProtectionSettings settings = settingsFor(policies);
            // the policy reads the texts protection walks over: the body is read once
            RequestTexts.Collector texts = policies == null ? null : new RequestTexts.Collector();
            parts = protectParts(
                    protection.protector(settings), body, type, encoding, previousResponse, headerTexts, texts);
            if (policies != null) {
                Verdict verdict = policies.evaluate(new PolicyInput(
                        identity.agency(),
                        match.route().name(),
                        upstream.name(),
                        model,
                        texts.texts(),
                        parts.vault().counts(),
                        body == null ? 0 : body.length,
                        protection.config().maxTerms()));
                GatewayError refused = obey(policies, verdict);
                if (refused != null) {
                    return refused;
                }
                ProtectionSettings decided = verdict.protection(protection.baseSettings());
                if (!decided.equals(settings)) {
                    parts = protectParts(
                            protection.protector(decided), body, type, encoding, previousResponse, headerTexts, null);
                }
                answerAction = verdict.answers().scannerAction();
                blockAnswersWithPersonalData = verdict.answers() == AnswerAction.BLOCK;
            }
        } catch (VaultExpired e) {
            return GatewayError.badRequest(
                    e.code(),
                    "The conversation this request continues is no longer held by the gateway; start a new one");
        } catch (ProtectionFailed e) {
            return refused(e);
        } catch (RuntimeException e) {
            return failed(e);
        }
        if (parts.bodyPassed()) {
            runtime.metrics().rejected("passed_unreadable");
        }
        forwardBody = parts.body();
        forwardTarget = parts.target();
        protectedHeaders = parts.headers();
        // without a protected body the answer is restored only when the target or headers held something
        if (parts.body() != null || !parts.vault().counts().isEmpty()) {
            vault = parts.vault();
            found(vault);
        }
        return null;
    }

    /**
     * A route without protection has no texts or personal data to judge, but the agency's policy still decides which
     * upstreams and models it may use there, and how large a request may be.
     */
    private GatewayError judgeUnprotected() {
        PolicySet policies = runtime.policySet();
        if (policies == null) {
            return null;
        }
        try {
            return obey(
                    policies,
                    policies.evaluate(new PolicyInput(
                            identity.agency(),
                            match.route().name(),
                            upstream.name(),
                            RequestModel.of(request.content()),
                            List.of(),
                            Map.of(),
                            request.content().readableBytes())));
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    /** Takes a policy's verdict: records it, and answers the error when it blocks (or its reroute is refused). */
    private GatewayError obey(PolicySet policies, Verdict verdict) {
        policyVersion = policies.version();
        runtime.metrics().policyDecision(verdict);
        if (verdict.blocked()) {
            log.debug(
                    "policy blocked request_id={} policy={} rule={}",
                    requestId,
                    verdict.policy(),
                    verdict.blockingRule());
            return GatewayError.policyViolation(verdict.code(), verdict.message());
        }
        return verdict.upstream().equals(upstream.name()) ? null : reroute(verdict.upstream());
    }

    /**
     * A request's parts as protected: the body to forward (null when there is none, or when the route passes an
     * unreadable one as it came), the target with its path and query protected, the changed client headers, and their vault.
     */
    private record ProtectedParts(
            byte[] body, boolean bodyPassed, String target, Map<String, List<String>> headers, ExchangeVault vault) {}

    /**
     * Protects body, target and headers into one vault: the body first, so numbering follows the conversation. Only
     * an unreadable body may be passed on, and only where the route allows it; an undecodable target never is. The
     * texts as they came go to {@code texts} too, when not null: the body's only when it was read.
     */
    private ProtectedParts protectParts(
            RequestProtector protector,
            byte[] body,
            String type,
            String encoding,
            String previousResponse,
            List<Map.Entry<String, String>> headerTexts,
            RequestTexts.Collector texts) {
        // a resumed conversation's vault is a fresh copy on every call, so a second pass numbers as the first did
        ExchangeVault into = previousResponse == null
                ? new ExchangeVault()
                : runtime.protection().conversations().resume(conversationScope(), previousResponse);
        byte[] out = null;
        boolean passed = false;
        if (body != null) {
            try {
                out = protector
                        .protect(
                                body,
                                type,
                                encoding,
                                dialect,
                                into,
                                texts == null ? RequestProtector.NOT_READ : texts::bodyText)
                        .body();
            } catch (ProtectionFailed e) {
                if (!passesUnreadable(e)) {
                    throw e;
                }
                passed = true; // the body goes on as it came; its target and headers are still protected
                if (texts != null) {
                    texts.forgetBody();
                }
            }
        }
        String target = protector.protectTarget(
                match.upstreamUri(),
                into,
                texts == null ? RequestProtector.NOT_READ : (text, site) -> texts.targetText(text));
        if (texts != null) {
            headerTexts.forEach(header -> texts.headerText(header.getValue()));
        }
        return new ProtectedParts(out, passed, target, protectHeaders(protector, headerTexts, into), into);
    }

    /** The client's headers that protection changed, by lower-case name, with all their values as forwarded. */
    private static Map<String, List<String>> protectHeaders(
            RequestProtector protector, List<Map.Entry<String, String>> headerTexts, ExchangeVault into) {
        if (headerTexts.isEmpty()) {
            return null;
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        Set<String> changed = new HashSet<>();
        for (Map.Entry<String, String> header : headerTexts) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            String text = header.getValue();
            String out = protector.protectHeader(name, text, into);
            if (!out.equals(text)) {
                changed.add(name);
            }
            values.computeIfAbsent(name, n -> new ArrayList<>(1)).add(ForwardingHeaders.value(out));
        }
        if (changed.isEmpty()) {
            return null;
        }
        values.keySet().retainAll(changed);
        return values;
    }

    private ProtectionSettings settingsFor(PolicySet policies) {
        ProtectionSettings base = runtime.protection().baseSettings();
        return policies == null ? base : policies.protectionFor(identity.agency(), upstream.name(), base);
    }

    /** Counts what protection found, for the metrics and the caller's entities header. */
    private void found(ExchangeVault protectedVault) {
        if (runtime.protection().config().entitiesHeader()) {
            entitiesHeader = protectedVault.entitiesHeader();
        }
        runtime.metrics().entities("request", protectedVault.counts());
    }

    /** Whether the route lets this unreadable body through as it came. */
    private boolean passesUnreadable(ProtectionFailed e) {
        return e.clientError() && match.route().passUnreadable();
    }

    /** The answer to a request protection refused: unreadable or refused (400), too complex (413) or failed (500). */
    private GatewayError refused(ProtectionFailed e) {
        runtime.metrics().protectionFailed(e.code());
        log.debug("protection refused request_id={} code={}", requestId, e.code());
        if (!e.clientError()) {
            return GatewayError.internal();
        }
        return new GatewayError(
                HttpResponseStatus.valueOf(e.status()), "invalid_request_error", e.code(), e.answerMessage());
    }

    private GatewayError failed(RuntimeException e) {
        runtime.metrics().protectionFailed("protection_failed");
        log.warn(
                "protection failed request_id={} error={}",
                requestId,
                e.getClass().getSimpleName());
        return GatewayError.internal();
    }

    /** A policy rule sent this request to another upstream: the caller must be allowed to use it. */
    private GatewayError reroute(String target) {
        UpstreamClient next = runtime.upstreams().get(target);
        if (next == null) {
            log.warn("policy routes to unknown upstream request_id={}", requestId);
            return GatewayError.internal();
        }
        String permission = "upstream:" + target + ":use";
        if (!identity.isPermitted(permission)) {
            return GatewayError.forbidden(permission);
        }
        upstream = next;
        return null;
    }

    private String conversationScope() {
        return identity.agency() + "/" + identity.caller();
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
        HttpHeaders headers = ForwardingHeaders.upstreamCopy(request.headers());
        if (protectedHeaders != null) {
            protectedHeaders.forEach(headers::set);
        }
        ByteBuf body = forwardBody != null
                ? Unpooled.wrappedBuffer(forwardBody)
                : request.content().retainedDuplicate();
        ForwardingHeaders.toUpstream(headers, upstream.hostHeader(), client, requestId, body.readableBytes());
        ForwardingHeaders.credentials(headers, runtime.identification().authenticates(), upstream.credential());
        // the request line was validated when decoded; the upstream's base path comes from a parsed URI
        String target = forwardTarget != null ? forwardTarget : match.upstreamUri();
        return new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1, request.method(), target, body, headers, EmptyHttpHeaders.INSTANCE, false);
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
        if (entitiesHeader != null && !entitiesHeader.isEmpty()) {
            out.headers().set(ENTITIES_HEADER, entitiesHeader);
        }
        if (policyVersion != null) {
            out.headers().set(POLICY_HEADER, policyVersion);
        }
        if (vault != null) {
            restoration = new AnswerRestoration(runtime.protection(), dialect, vault, answerAction);
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
        ByteBuf piece = content.content();
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
        if (blockAnswersWithPersonalData && heldHead == null && restoration != null && restoration.producedSoFar()) {
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
                && blockAnswersWithPersonalData
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
        ctx.writeAndFlush(end, ctx.voidPromise()); // a failed write reaches the frontend, which closes
        if (restoration != null) {
            runtime.metrics().entities("answer", restoration.produced());
            rememberConversation();
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
                dialect, restoration.framing(), GatewayError.answerWithheld(true), requestId))));
        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        end(keepConnection());
    }

    /** A Responses-API turn the upstream stores: keep its vault so the next turn can continue. */
    private void rememberConversation() {
        if (dialect == Dialect.OPENAI_RESPONSES && storesConversation && status < 300) {
            restoration
                    .responseId()
                    .ifPresent(id -> runtime.protection().conversations().put(conversationScope(), id, vault));
        }
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
        answerError(new GatewayError(HttpResponseStatus.BAD_GATEWAY, "upstream_error", code, why));
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
            retried = true;
            runtime.metrics().retried(upstream.name());
            upstream.acquire(ctx.channel().eventLoop(), this, this);
            return;
        }
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
        answerError(
                switch (failure.kind()) {
                    case TIMEOUT -> GatewayError.upstreamTimeout(upstream.name());
                    case CONNECT -> GatewayError.upstreamUnreachable(upstream.name());
                    case POOL_EXHAUSTED -> GatewayError.upstreamBusy(upstream.name());
                    case CLOSED, PROTOCOL -> GatewayError.upstreamFailed(upstream.name());
                });
    }

    /** Answers with an error of the gateway's own, before any part of an answer was sent. */
    private void answerError(GatewayError error) {
        status = error.status().code();
        boolean keep = keepConnection();
        FullHttpResponse response = ErrorResponses.build(ctx.alloc(), error, requestId);
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
        request.release();
        if (restoration != null) {
            restoration.release();
            runtime.metrics().answerRestored(answerNanos);
        }
        vault = null; // the exchange's originals go with it
        forwardBody = null;
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
