package io.qorgan.gateway.identity;

import java.util.Optional;

/**
 * The outcome of authenticating one request: {@link Ok} with the identity, or {@link Failed} with
 * a {@link Status} whose {@link Status#code()} goes into the error body
 * ({@code {"error": {"code": "key_expired", ...}}}).
 */
public sealed interface AuthResult {

    /** Why authentication succeeded or failed. All failures answer HTTP 401. */
    enum Status {
        OK("ok"),
        /** No credential presented. */
        MISSING("missing_api_key"),
        /** Malformed, unknown id or wrong secret. */
        UNKNOWN("invalid_api_key"),
        /** A client certificate the TLS handshake verified, but that the identity store maps to no caller. */
        CERTIFICATE_NOT_MAPPED("certificate_not_mapped"),
        /** The key is right but past its expiry. */
        EXPIRED("key_expired"),
        /** The key is right but was revoked. */
        REVOKED("key_revoked");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        /** The machine-readable error code. */
        public String code() {
            return code;
        }
    }

    Status status();

    /** The identity when {@link Status#OK}. */
    default Optional<Identity> identity() {
        return this instanceof Ok ok ? Optional.of(ok.caller()) : Optional.empty();
    }

    record Ok(Identity caller) implements AuthResult {
        @Override
        public Status status() {
            return Status.OK;
        }
    }

    record Failed(Status status) implements AuthResult {
        public Failed {
            if (status == Status.OK) {
                throw new IllegalArgumentException("a failure cannot be OK");
            }
        }
    }

    static AuthResult ok(Identity identity) {
        return new Ok(identity);
    }

    static AuthResult failed(Status status) {
        return new Failed(status);
    }
}
