package io.qorgan.gateway.server.tls;

import io.netty.handler.ssl.SslHandler;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/** The verified client certificate of a TLS connection, if the client presented one. */
public final class PeerCertificate {

    private PeerCertificate() {}

    /** The leaf certificate of the peer of a handshaken {@code SslHandler}. */
    public static Optional<X509Certificate> of(SslHandler handler) {
        return of(handler.engine().getSession());
    }

    public static Optional<X509Certificate> of(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate leaf) {
                return Optional.of(leaf);
            }
            return Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty(); // no client certificate (clientAuth none or optional)
        }
    }
}
