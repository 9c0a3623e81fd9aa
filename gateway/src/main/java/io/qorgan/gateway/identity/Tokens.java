package io.qorgan.gateway.identity;

import java.security.cert.X509Certificate;
import org.apache.shiro.authc.AuthenticationToken;

/** The Shiro authentication tokens our realm understands. */
final class Tokens {

    private Tokens() {}

    /** A presented API key, already split into its public id and the whole key. Masked in toString. */
    record ApiKey(ApiKeys.Parsed parsed) implements AuthenticationToken {
        @Override
        public Object getPrincipal() {
            return parsed.id();
        }

        @Override
        public Object getCredentials() {
            return parsed.key();
        }

        @Override
        public String toString() {
            return "ApiKeyToken[" + parsed.id() + ", ****]";
        }
    }

    /** A client certificate whose chain the TLS handshake has already verified. */
    record ClientCertificate(X509Certificate certificate) implements AuthenticationToken {
        @Override
        public Object getPrincipal() {
            return certificate.getSubjectX500Principal();
        }

        @Override
        public Object getCredentials() {
            return certificate;
        }

        /** Shiro logs failed tokens at debug: a subject may carry a person's name, the serial does not. */
        @Override
        public String toString() {
            return "ClientCertificateToken[serial "
                    + certificate.getSerialNumber().toString(16) + "]";
        }
    }
}
