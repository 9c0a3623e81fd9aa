package io.qorgan.gateway.transport;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.qorgan.gateway.config.ServerTlsConfig;
import io.qorgan.gateway.config.UpstreamTlsConfig;
import io.qorgan.gateway.crypto.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLException;

/**
 * Builds Netty {@link SslContext}s with one TLS policy: TLS 1.3 and 1.2 only, ECDHE key exchange
 * with AEAD ciphers only, ALPN {@code h2} then {@code http/1.1} on listeners.
 *
 * <p>The provider is OpenSSL (BoringSSL from netty-tcnative) when it loads, else the JDK's;
 * {@link #provider()} says which, for the startup log. Certificate and key files are parsed and
 * checked to belong together before a context is built, so a half-rotated pair (new certificate,
 * old key) is refused with a message naming the files. Building reads files: not on an event loop.
 */
public final class TlsContexts {

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    /** TLS 1.3 suites (all AEAD), then TLS 1.2 ECDHE + AEAD; nothing with CBC, RSA key exchange or SHA-1 MAC. */
    static final List<String> CIPHERS = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    static final ApplicationProtocolConfig SERVER_ALPN = new ApplicationProtocolConfig(
            ApplicationProtocolConfig.Protocol.ALPN,
            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
            ApplicationProtocolNames.HTTP_2,
            ApplicationProtocolNames.HTTP_1_1);

    private final SslProvider provider;

    public TlsContexts(SslProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** OpenSSL when netty-tcnative loads on this platform, the JDK otherwise. */
    public static TlsContexts detect() {
        return new TlsContexts(OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK);
    }

    /** The provider every context of this factory uses. */
    public SslProvider provider() {
        return provider;
    }

    /**
     * A listener's context.
     *
     * @throws IOException naming the file that is missing, unreadable or invalid, or the pair that
     *     does not match
     */
    public SslContext server(ServerTlsConfig config) throws IOException {
        List<X509Certificate> chain = Pem.readCertificates(config.certificate());
        PrivateKey key = Pem.readPrivateKey(config.privateKey());
        requireMatchingPair(chain.get(0), key, config.certificate(), config.privateKey());
        SslContextBuilder builder = SslContextBuilder.forServer(key, chain)
                .sslProvider(provider)
                .protocols(PROTOCOLS)
                .ciphers(CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                .applicationProtocolConfig(SERVER_ALPN)
                .clientAuth(clientAuth(config.clientAuth()));
        if (config.clientAuth() != ServerTlsConfig.ClientAuth.NONE) {
            builder.trustManager(Pem.readCertificates(config.trustedClientCas()));
        }
        return build(builder, config.certificate());
    }

    private static ClientAuth clientAuth(ServerTlsConfig.ClientAuth mode) {
        return switch (mode) {
            case NONE -> ClientAuth.NONE;
            case OPTIONAL -> ClientAuth.OPTIONAL;
            case REQUIRE -> ClientAuth.REQUIRE;
        };
    }

    /** An upstream's context and handler factory. */
    public UpstreamTls client(UpstreamTlsConfig config) throws IOException {
        SslContextBuilder builder = SslContextBuilder.forClient()
                .sslProvider(provider)
                .protocols(PROTOCOLS)
                .ciphers(CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                // Netty 4.2 verifies by default; say it here so the choice is visible and explicit.
                .endpointIdentificationAlgorithm(config.verifyHostname() ? "HTTPS" : null);
        if (config.trustedCas() != null) {
            builder.trustManager(Pem.readCertificates(config.trustedCas()));
        }
        if (config.clientCertificate() != null) {
            List<X509Certificate> chain = Pem.readCertificates(config.clientCertificate());
            PrivateKey key = Pem.readPrivateKey(config.clientPrivateKey());
            requireMatchingPair(chain.get(0), key, config.clientCertificate(), config.clientPrivateKey());
            builder.keyManager(key, chain);
        }
        if (!config.applicationProtocols().isEmpty()) {
            builder.applicationProtocolConfig(new ApplicationProtocolConfig(
                    ApplicationProtocolConfig.Protocol.ALPN,
                    ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                    ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                    config.applicationProtocols()));
        }
        SslContext context = build(builder, config.trustedCas());
        return new UpstreamTls(context, config.verifyHostname());
    }

    private static SslContext build(SslContextBuilder builder, Path file) throws IOException {
        try {
            return builder.build();
        } catch (SSLException | RuntimeException e) {
            throw new IOException(
                    "cannot build TLS context" + (file == null ? "" : " from " + file) + ": "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }

    private static final byte[] PAIR_CHECK_CHALLENGE =
            "qorgan: does this key fit this certificate?".getBytes(StandardCharsets.US_ASCII);

    /** Signs a fixed challenge with the key and verifies it with the certificate: works for RSA and EC alike. */
    static void requireMatchingPair(X509Certificate certificate, PrivateKey key, Path certificateFile, Path keyFile)
            throws IOException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IOException(keyFile + ": unsupported key algorithm " + key.getAlgorithm());
        };
        byte[] challenge = PAIR_CHECK_CHALLENGE;
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // falls through to the mismatch message: the key does not fit the certificate's algorithm
        }
        throw new IOException(keyFile + " is not the private key of the certificate in " + certificateFile);
    }
}
