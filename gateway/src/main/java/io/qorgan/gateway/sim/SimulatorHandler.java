package io.qorgan.gateway.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.Future;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the requests of one connection; sits after {@link io.netty.handler.codec.http.HttpServerCodec}
 * and {@link io.netty.handler.codec.http.HttpObjectAggregator} (which answers 413 by itself).
 *
 * <p>For each request: copy it (the aggregated buffer is released when {@code channelRead0}
 * returns, answers may come later), record it, maybe inject a fault, route it, let the responder
 * build the answer, and write it with the configured pacing. {@code /_sim/requests} (GET, DELETE)
 * is the recorder's window and is neither recorded nor faulted.
 *
 * <p>One answer at a time per connection: a request that arrives while an answer is still being
 * written (HTTP pipelining) waits its turn, so answers keep their order. When the connection goes
 * inactive during a stream, that counts as a stream aborted by the client and nothing more is
 * written. Confined to the channel's event loop.
 */
final class SimulatorHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorHandler.class);
    private static final String RECORDS_PATH = "/_sim/requests";

    private final Simulation sim;
    private final ArrayDeque<Incoming> waiting = new ArrayDeque<>();
    private boolean busy;
    private StreamWriter stream;
    private Future<?> delayedReply;

    SimulatorHandler(Simulation sim) {
        this.sim = sim;
    }

    /** A request copied out of Netty's buffers. */
    private record Incoming(
            HttpMethod method, String uri, HttpHeaders headers, byte[] body, boolean keepAlive, boolean malformed) {

        String path() {
            int query = uri.indexOf('?');
            return query < 0 ? uri : uri.substring(0, query);
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        Incoming incoming = new Incoming(
                request.method(),
                request.uri(),
                request.headers().copy(),
                ByteBufUtil.getBytes(request.content()),
                // After a decoding failure the codec drops the rest of the connection's bytes.
                HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess(),
                !request.decoderResult().isSuccess());
        if (busy) {
            waiting.add(incoming);
        } else {
            serve(ctx, incoming);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (stream != null && stream.inProgress()) {
            sim.stats.streamsAbortedByClient.incrementAndGet();
            stream.cancel();
        }
        if (delayedReply != null) {
            delayedReply.cancel(false);
        }
        waiting.clear();
        super.channelInactive(ctx);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (stream != null) {
            stream.writabilityChanged();
        }
        super.channelWritabilityChanged(ctx);
    }

    private void serve(ChannelHandlerContext ctx, Incoming in) {
        busy = true;
        stream = null;
        String path = in.path();
        if (in.malformed()) {
            writeFull(
                    ctx,
                    in,
                    ApiDialect.OPENAI.error(
                            HttpResponseStatus.BAD_REQUEST, "The request could not be decoded as HTTP.", null),
                    0,
                    false);
            return;
        }
        if (path.startsWith("/_sim/")) {
            writeFull(ctx, in, control(in, path), 0, false);
            return;
        }
        sim.recorder.add(new RecordedRequest(in.method().name(), in.uri(), headerMap(in.headers()), in.body()));
        long errorDelay = sim.pacing.slowHeadersMillis();
        Routes.Route route = sim.routes.find(path);
        if (route == null) {
            writeFull(
                    ctx,
                    in,
                    ApiDialect.OPENAI.error(
                            HttpResponseStatus.NOT_FOUND,
                            "Unknown request URL: " + in.method() + " " + path + ".",
                            "not_found"),
                    errorDelay,
                    true);
            return;
        }
        if (!route.method().equals(in.method())) {
            writeFull(
                    ctx,
                    in,
                    route.dialect()
                            .error(
                                    HttpResponseStatus.METHOD_NOT_ALLOWED,
                                    "Only " + route.method() + " is supported on this endpoint.",
                                    "method_not_allowed"),
                    errorDelay,
                    true);
            return;
        }
        int fault = sim.faults.nextFault();
        if (fault != 0) {
            Reply.Full reply = route.dialect().fault(fault);
            if (sim.faultRetryAfterSeconds > 0) {
                reply = reply.withHeader("retry-after", Integer.toString(sim.faultRetryAfterSeconds));
            }
            writeFull(ctx, in, reply, errorDelay, true);
            return;
        }
        Reply reply;
        try {
            ObjectNode body = in.method().equals(HttpMethod.GET) ? Json.object() : Json.parseObject(in.body());
            reply = route.responder().respond(body, in.body().length);
        } catch (BadRequest e) {
            writeFull(
                    ctx,
                    in,
                    route.dialect().error(HttpResponseStatus.BAD_REQUEST, e.getMessage(), e.code()),
                    errorDelay,
                    true);
            return;
        }
        if (reply instanceof Reply.Full full) {
            writeFull(ctx, in, full, sim.pacing.slowHeadersMillis() + sim.pacing.ttftMillis(), true);
        } else {
            writeStream(ctx, in, (Reply.Stream) reply);
        }
    }

    private Reply.Full control(Incoming in, String path) {
        if (!path.equals(RECORDS_PATH)) {
            return ApiDialect.OPENAI.error(
                    HttpResponseStatus.NOT_FOUND,
                    "Unknown request URL: " + in.method() + " " + path + ".",
                    "not_found");
        }
        if (in.method().equals(HttpMethod.GET)) {
            return Reply.json(RequestRecorder.toJson(sim.recorder.snapshot()));
        }
        if (in.method().equals(HttpMethod.DELETE)) {
            sim.recorder.clear();
            return new Reply.Full(HttpResponseStatus.NO_CONTENT, Reply.JSON, new byte[0]);
        }
        return ApiDialect.OPENAI.error(
                HttpResponseStatus.METHOD_NOT_ALLOWED,
                "Only GET and DELETE are supported on this endpoint.",
                "method_not_allowed");
    }

    private void writeFull(
            ChannelHandlerContext ctx, Incoming in, Reply.Full reply, long delayMillis, boolean counted) {
        Runnable write = () -> {
            delayedReply = null;
            boolean ai = counted && reply.status().code() == 200; // a successful AI answer, not an error
            byte[] built = ai && sim.answerBody != null ? sim.answerBody : reply.body();
            boolean gzip = (sim.gzipAnswers || sim.gzipUnlabelled) && built.length > 0;
            byte[] body = gzip ? gzip(built) : built;
            FullHttpResponse response =
                    new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, reply.status(), Unpooled.wrappedBuffer(body));
            HttpHeaders headers = response.headers();
            if (reply.status().code() != HttpResponseStatus.NO_CONTENT.code()) {
                boolean relabel =
                        sim.answerContentType != null && reply.status().code() == 200 && counted;
                headers.set(HttpHeaderNames.CONTENT_TYPE, relabel ? sim.answerContentType : reply.contentType());
                HttpUtil.setContentLength(response, body.length);
            }
            if (gzip && !sim.gzipUnlabelled) {
                headers.set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
            }
            reply.headers().forEach(headers::set);
            headers.set("x-sim-received-bytes", in.body().length);
            HttpUtil.setKeepAlive(response, in.keepAlive());
            if (counted) {
                // Before the write: the client may act on the answer before the write returns.
                sim.stats.requestsServed.incrementAndGet();
            }
            finish(ctx, in, ctx.writeAndFlush(response));
        };
        if (delayMillis > 0) {
            delayedReply = ctx.executor().schedule(write, delayMillis, TimeUnit.MILLISECONDS);
        } else {
            write.run();
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 2 + 32);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void writeStream(ChannelHandlerContext ctx, Incoming in, Reply.Stream reply) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, reply.contentType())
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                .set("x-sim-received-bytes", in.body().length);
        HttpUtil.setTransferEncodingChunked(head, true);
        HttpUtil.setKeepAlive(head, in.keepAlive());
        stream = new StreamWriter(
                ctx,
                sim.pacing,
                head,
                reply.events(),
                sim.stats.requestsServed::incrementAndGet,
                last -> finish(ctx, in, last));
        stream.start();
    }

    /** After the last write of an answer: close, or go on with the next request. */
    private void finish(ChannelHandlerContext ctx, Incoming in, ChannelFuture lastWrite) {
        busy = false;
        if (!in.keepAlive()) {
            lastWrite.addListener(ChannelFutureListener.CLOSE);
            waiting.clear();
            return;
        }
        Incoming next = waiting.poll();
        if (next != null) {
            serve(ctx, next);
        }
    }

    private static Map<String, String> headerMap(HttpHeaders headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : headers) {
            map.merge(h.getKey(), h.getValue(), (a, b) -> a + ", " + b);
        }
        return map;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset by the client is the usual cause; the connection is of no further use. Only the
        // exception's class goes to the log: a message could quote a request body.
        LOG.debug("closing simulator connection after {}", cause.getClass().getName());
        ctx.close();
    }
}
