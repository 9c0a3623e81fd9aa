package io.qorgan.gateway.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Aggregates a request body up to the configured limit. An oversized request becomes an
 * {@link OversizedRequest} for the frontend to answer with 413 in the API's error shape; the rest
 * of its body is discarded by the aggregator. Requests are small (bounded) and must be read whole
 * before anything can be forwarded, since the privacy stages need the complete body.
 *
 * <p>The usual request needs no aggregation: its {@code Content-Length} is within the limit and
 * its whole body arrives in the decoder's next message. Such a request is held for one message,
 * and if that message is the last and complete one, the two become one {@code FullHttpRequest}
 * around the body as decoded, without the aggregator's composite buffer. Anything else (no or a
 * too large length, {@code Expect}, transfer codings, a body in several pieces, a decoder
 * failure) goes through {@link HttpObjectAggregator} exactly as before.
 */
final class RequestBodyLimiter extends HttpObjectAggregator {

    private final int maxBodyBytes;
    /** A request whose whole body is expected in the next message, or null. */
    private HttpRequest held;

    private long heldLength;
    /** Whether the aggregator is inside a message it was given the start of. */
    private boolean aggregating;

    RequestBodyLimiter(int maxBodyBytes) {
        super(maxBodyBytes, true);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (held != null) {
            HttpRequest request = held;
            held = null;
            if (msg instanceof LastHttpContent last
                    && !(msg instanceof FullHttpMessage)
                    && last.decoderResult().isSuccess()
                    && last.content().readableBytes() == heldLength) {
                // the body's buffer passes to the full request, which the frontend releases
                ctx.fireChannelRead(new DefaultFullHttpRequest(
                        request.protocolVersion(),
                        request.method(),
                        request.uri(),
                        last.content(),
                        request.headers(),
                        last.trailingHeaders(),
                        false));
                return;
            }
            aggregate(ctx, request); // the body came in pieces: the aggregator takes it from the start
        }
        if (!aggregating && msg instanceof HttpRequest request && !(msg instanceof FullHttpMessage)) {
            long length = wholeBodyLength(request);
            if (length >= 0) {
                held = request;
                heldLength = length;
                return;
            }
        }
        aggregate(ctx, msg);
    }

    private void aggregate(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpMessage && !(msg instanceof FullHttpMessage)) {
            aggregating = true;
        } else if (msg instanceof LastHttpContent) {
            aggregating = false;
        }
        super.channelRead(ctx, msg);
    }

    /** The body length when the request can skip aggregation, else -1. */
    private long wholeBodyLength(HttpRequest request) {
        HttpHeaders headers = request.headers();
        if (!request.decoderResult().isSuccess()
                || headers.contains(HttpHeaderNames.EXPECT)
                || headers.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            return -1;
        }
        long length;
        try {
            length = HttpUtil.getContentLength(request, -1L);
        } catch (NumberFormatException e) {
            return -1;
        }
        return length <= maxBodyBytes ? length : -1;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        if (held != null && !ctx.channel().config().isAutoRead()) {
            ctx.read(); // the rest of the held request is still needed, as the aggregator would ask for it
        }
        super.channelReadComplete(ctx);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        boolean keepAlive = HttpUtil.isKeepAlive(oversized) && !(oversized instanceof FullHttpMessage);
        ctx.fireChannelRead(new OversizedRequest(oversized.headers().get(GatewayHeaders.REQUEST_ID), keepAlive));
    }
}
