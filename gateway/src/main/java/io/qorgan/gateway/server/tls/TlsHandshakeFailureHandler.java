package io.qorgan.gateway.server.tls;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.util.Objects;

/**
 * Counts failed TLS handshakes by reason.
 *
 * <p>Place it right after the {@code SslHandler}. It watches for the
 * {@link SslHandshakeCompletionEvent} that the {@code SslHandler} fires, calls the listener with a
 * {@link TlsFailureReason} when the handshake failed, and passes every event on unchanged. It
 * answers nothing by itself and closes nothing (the {@code SslHandler} already closes a failed
 * connection). Stateless and {@link ChannelHandler.Sharable}: one instance serves a listener.
 */
@ChannelHandler.Sharable
public final class TlsHandshakeFailureHandler extends ChannelInboundHandlerAdapter {

    /** Receives one call per failed handshake, on the channel's event loop: keep it cheap. */
    @FunctionalInterface
    public interface Listener {
        void onHandshakeFailure(TlsFailureReason reason);
    }

    private final Listener listener;

    public TlsHandshakeFailureHandler(Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent completion && !completion.isSuccess()) {
            listener.onHandshakeFailure(TlsFailureReason.classify(completion.cause()));
        }
        super.userEventTriggered(ctx, event);
    }
}
