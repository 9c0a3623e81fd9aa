package io.qorgan.gateway.config;

import java.nio.file.Path;
import java.util.List;

/**
 * TLS towards one upstream (YAML under {@code upstreams.NAME.tls}):
 * <pre>
 * trustedCas: /etc/qorgan/tls/upstream-ca.pem   # PEM bundle; absent = the JVM's default trust store
 * clientCertificate: /etc/qorgan/tls/qorgan-client.pem   # optional, with clientPrivateKey
 * clientPrivateKey: /etc/qorgan/tls/qorgan-client-key.pem
 * verifyHostname: true                            # default true; false only for lab setups
 * applicationProtocols: [h2, http/1.1]            # ALPN offer; empty = no ALPN
 * </pre>
 */
public record UpstreamTlsConfig(
        Path trustedCas,
        Path clientCertificate,
        Path clientPrivateKey,
        boolean verifyHostname,
        List<String> applicationProtocols) {

    public UpstreamTlsConfig {
        if ((clientCertificate == null) != (clientPrivateKey == null)) {
            throw new IllegalArgumentException("clientCertificate and clientPrivateKey go together");
        }
        applicationProtocols = applicationProtocols == null ? List.of() : List.copyOf(applicationProtocols);
    }

    /** The JVM's trust store, hostname verification on, no client certificate, no ALPN. */
    public static UpstreamTlsConfig systemDefault() {
        return new UpstreamTlsConfig(null, null, null, true, List.of());
    }

    /** A private trust bundle, hostname verification on. */
    public static UpstreamTlsConfig trusting(Path trustedCas) {
        return new UpstreamTlsConfig(trustedCas, null, null, true, List.of());
    }

    public UpstreamTlsConfig withClientCertificate(Path certificate, Path privateKey) {
        return new UpstreamTlsConfig(trustedCas, certificate, privateKey, verifyHostname, applicationProtocols);
    }

    public UpstreamTlsConfig withVerifyHostname(boolean verify) {
        return new UpstreamTlsConfig(trustedCas, clientCertificate, clientPrivateKey, verify, applicationProtocols);
    }

    public UpstreamTlsConfig withApplicationProtocols(List<String> protocols) {
        return new UpstreamTlsConfig(trustedCas, clientCertificate, clientPrivateKey, verifyHostname, protocols);
    }
}
