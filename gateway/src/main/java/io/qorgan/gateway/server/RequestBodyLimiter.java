package io.qorgan.gateway.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Aggregates a request body up to the configured limit. An oversized request becomes an
 * {@link OversizedRequest} for the frontend to answer with 413 in the API's error shape; the rest
 * of its body is discarded by the aggregator. Requests are small (bounded) and must be read whole
 * before anything can be forwarded, since the privacy stages need the complete body.
 */
final class RequestBodyLimiter extends HttpObjectAggregator {

    RequestBodyLimiter(int maxBodyBytes) {
        super(maxBodyBytes, true);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        boolean keepAlive = HttpUtil.isKeepAlive(oversized) && !(oversized instanceof io.netty.handler.codec.http.FullHttpMessage);
        ctx.fireChannelRead(new OversizedRequest(oversized.headers().get(GatewayHeaders.REQUEST_ID), keepAlive));
    }
}
