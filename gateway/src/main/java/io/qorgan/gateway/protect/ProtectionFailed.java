package io.qorgan.gateway.protect;

import io.qorgan.gateway.dialect.BodyRejected;

/**
 * A request that must not be forwarded. {@link #code()} is stable: a {@link BodyRejected} code
 * ({@code malformed_json}, {@code invalid_utf8}, {@code duplicate_key}, {@code unsupported_encoding},
 * {@code unsupported_content_type}, {@code malformed_query}) when the body or query could not be read — the client's fault — or
 * {@code protection_failed} when detection or transformation failed. The message never
 * contains content, and no cause is chained (causes' messages might).
 */
public final class ProtectionFailed extends RuntimeException {

    private final String code;
    private final boolean clientError;

    private ProtectionFailed(String code, String message, boolean clientError) {
        super(message, null, false, false);
        this.code = code;
        this.clientError = clientError;
    }

    static ProtectionFailed of(RuntimeException e) {
        if (e instanceof ProtectionFailed p) {
            return p;
        }
        if (e instanceof BodyRejected r) {
            return new ProtectionFailed(r.code(), r.getMessage(), true);
        }
        return new ProtectionFailed("protection_failed",
                "Personal-data protection failed (" + e.getClass().getSimpleName() + "); the request was not forwarded.",
                false);
    }

    public String code() {
        return code;
    }

    /** True when the body itself was unreadable (answer 400); false for an internal failure (answer 500). */
    public boolean clientError() {
        return clientError;
    }
}
