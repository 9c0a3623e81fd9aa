package io.qorgan.gateway.transport;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.qorgan.gateway.config.UpstreamTlsConfig;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * TLS towards one upstream: the context plus the rule for each connection's engine.
 *
 * <p>{@link #newHandler} must get the host name the connection is for: it is sent as SNI and, unless
 * verification was disabled in {@link UpstreamTlsConfig}, checked against the certificate's SAN
 * ({@code HTTPS} endpoint identification, RFC 2818). Thread-safe.
 */
public final class UpstreamTls {

    private final SslContext context;
    private final boolean verifyHostname;

    public UpstreamTls(SslContext context, boolean verifyHostname) {
        this.context = context;
        this.verifyHostname = verifyHostname;
    }

    public SslContext context() {
        return context;
    }

    public boolean verifiesHostname() {
        return verifyHostname;
    }

    /** A handler for a new connection to {@code host:port}; put it first in the pipeline. */
    public SslHandler newHandler(ByteBufAllocator allocator, String host, int port) {
        SslHandler handler = context.newHandler(allocator, host, port);
        SSLEngine engine = handler.engine();
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm(verifyHostname ? "HTTPS" : null);
        engine.setSSLParameters(parameters);
        return handler;
    }
}
