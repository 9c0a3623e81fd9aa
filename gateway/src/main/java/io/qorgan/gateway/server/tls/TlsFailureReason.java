package io.qorgan.gateway.server.tls;

import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.util.Locale;

/**
 * Why a TLS handshake failed, as a small fixed set fit for a metric label.
 *
 * <p>The JDK and OpenSSL (BoringSSL) report failures as exceptions with different messages; both
 * are mapped here by cause type first, then by the alert or error names in the messages.
 */
public enum TlsFailureReason {
    UNKNOWN_CA("unknown_ca"),
    CERTIFICATE_REQUIRED("certificate_required"),
    CERTIFICATE_EXPIRED("certificate_expired"),
    BAD_CERTIFICATE("bad_certificate"),
    PROTOCOL_VERSION("protocol_version"),
    NO_SHARED_CIPHER("no_shared_cipher"),
    HANDSHAKE_TIMEOUT("handshake_timeout"),
    NOT_TLS("not_tls"),
    OTHER("other");

    private final String label;

    TlsFailureReason(String label) {
        this.label = label;
    }

    /** The metric label value, e.g. {@code unknown_ca}. */
    public String label() {
        return label;
    }

    /** Classifies a handshake failure cause. Never returns null. */
    public static TlsFailureReason classify(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SslHandshakeTimeoutException) {
                return HANDSHAKE_TIMEOUT;
            }
            if (t instanceof NotSslRecordException) {
                return NOT_TLS;
            }
            if (t instanceof CertificateExpiredException) {
                return CERTIFICATE_EXPIRED;
            }
            if (t instanceof CertPathValidatorException cpve) {
                if (cpve.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                        || cpve.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                    return CERTIFICATE_EXPIRED;
                }
                if (cpve.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
                    return BAD_CERTIFICATE;
                }
            }
            if (t.getMessage() != null) {
                messages.append(t.getMessage()).append('\n');
            }
        }
        return classifyMessage(messages.toString().toLowerCase(Locale.ROOT));
    }

    private static TlsFailureReason classifyMessage(String m) {
        if (m.contains("certificate_required")
                || m.contains("empty client certificate chain")
                || m.contains("peer_did_not_return_a_certificate")
                || m.contains("certificate required")) {
            return CERTIFICATE_REQUIRED;
        }
        if (m.contains("protocol_version")
                || m.contains("unsupported_protocol")
                || m.contains("no appropriate protocol")
                || m.contains("wrong_version_number")
                || m.contains("is not enabled or supported")
                || m.contains("protocol version")) {
            return PROTOCOL_VERSION;
        }
        if (m.contains("certificate_expired") || m.contains("certificate expired") || m.contains("notafter")) {
            return CERTIFICATE_EXPIRED;
        }
        if (m.contains("unknown_ca")
                || m.contains("unknown ca")
                || m.contains("pkix path building failed")
                || m.contains("unable to find valid certification path")
                || m.contains("does not chain with any of the trust anchors")
                || m.contains("certificate_verify_failed")
                || m.contains("unable to get local issuer")) {
            return UNKNOWN_CA;
        }
        if (m.contains("no_shared_cipher")
                || m.contains("no cipher suites in common")
                || m.contains("handshake_failure_on_client_hello")
                || m.contains("no_cipher_match")) {
            return NO_SHARED_CIPHER;
        }
        if (m.contains("bad_certificate")
                || m.contains("bad certificate")
                || m.contains("certificate_unknown")
                || m.contains("no subject alternative")
                || m.contains("no name matching")
                || m.contains("doesn't match any of the subject alternative names")
                || m.contains("unsupported_certificate")) {
            return BAD_CERTIFICATE;
        }
        return OTHER;
    }
}
