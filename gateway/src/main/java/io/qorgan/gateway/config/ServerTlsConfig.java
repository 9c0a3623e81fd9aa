package io.qorgan.gateway.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * TLS of one listener (YAML under {@code listeners.NAME.tls}):
 * <pre>
 * certificate: /etc/qorgan/tls/server.pem        # PEM chain, leaf first
 * privateKey: /etc/qorgan/tls/server-key.pem     # PEM PKCS#8, RSA or EC
 * clientAuth: none | optional | require          # default none
 * trustedClientCas: /etc/qorgan/tls/clients-ca.pem  # PEM bundle; required unless none
 * </pre>
 */
public record ServerTlsConfig(Path certificate, Path privateKey, ClientAuth clientAuth, Path trustedClientCas) {

    /** Whether a listener asks for client certificates; mapped to the TLS library's setting where contexts are built. */
    public enum ClientAuth {
        NONE,
        OPTIONAL,
        REQUIRE
    }

    public ServerTlsConfig {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        clientAuth = clientAuth == null ? ClientAuth.NONE : clientAuth;
        if (clientAuth != ClientAuth.NONE && trustedClientCas == null) {
            throw new IllegalArgumentException("clientAuth " + clientAuth.name().toLowerCase(Locale.ROOT)
                    + " needs trustedClientCas (PEM bundle of the CAs that sign client certificates)");
        }
    }

    /** Server-only TLS: no client certificates asked for. */
    public static ServerTlsConfig serverOnly(Path certificate, Path privateKey) {
        return new ServerTlsConfig(certificate, privateKey, ClientAuth.NONE, null);
    }

    /** Parses {@code none|optional|require} (any case). */
    public static ClientAuth clientAuth(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> ClientAuth.NONE;
            case "optional" -> ClientAuth.OPTIONAL;
            case "require", "required" -> ClientAuth.REQUIRE;
            default -> throw new IllegalArgumentException("clientAuth must be none, optional or require");
        };
    }
}
