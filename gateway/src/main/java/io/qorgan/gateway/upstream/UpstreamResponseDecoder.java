package io.qorgan.gateway.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpStatusClass;
import java.util.List;

/**
 * The HTTP/1.1 response decoder of an upstream connection, which speaks only when spoken to. The {@link UpstreamHandler}
 * says when an answer is due ({@link #expect}, with the request's method, since an answer to {@code HEAD} has no body)
 * and when it ended ({@link #answered}). Bytes that arrive while no answer is due (an idle connection talking, or
 * what follows the end of an answer: a 204's body, more than the {@code Content-Length} said) belong to no exchange:
 * the decoder drops them and closes the connection, where Netty's client codec would read them as the start of the
 * next answer and fail the next exchange on it, possibly another caller's. {@link #leftover} tells the handler, at the
 * end of an answer, whether bytes are already waiting behind it.
 */
final class UpstreamResponseDecoder extends HttpResponseDecoder {

    private boolean due;
    private boolean head;

    UpstreamResponseDecoder(HttpDecoderConfig config) {
        super(config);
    }

    /** A request was sent: its answer is due. */
    void expect(HttpMethod method) {
        due = true;
        head = HttpMethod.HEAD.equals(method);
    }

    /** The final answer ended: anything more is out of turn. */
    void answered() {
        due = false;
    }

    /** Bytes received and not yet decoded; read at the end of an answer, they came behind it. */
    int leftover() {
        return actualReadableBytes();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
        if (!due) {
            if (buffer.isReadable()) {
                buffer.skipBytes(buffer.readableBytes());
                ctx.close();
            }
            return;
        }
        super.decode(ctx, buffer, out);
    }

    @Override
    protected boolean isContentAlwaysEmpty(HttpMessage msg) {
        return super.isContentAlwaysEmpty(msg)
                || head && ((HttpResponse) msg).status().codeClass() != HttpStatusClass.INFORMATIONAL;
    }
}
