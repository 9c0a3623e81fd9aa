package io.qorgan.gateway.protect;

import io.qorgan.gateway.dialect.BodyRejected;

/**
 * A request that must not be forwarded. {@link #code()} is stable: a {@link BodyRejected} code
 * ({@code malformed_json}, {@code invalid_utf8}, {@code duplicate_key}, {@code unsupported_encoding},
 * {@code unsupported_content_type}, {@code malformed_path}, {@code malformed_query}) when the body, path or query
 * could not be read — the client's fault — or {@code protection_failed} when detection or transformation failed.
 * The message never contains content, and no cause is chained (causes' messages might).
 */
public final class ProtectionFailed extends RuntimeException {

    private final String code;
    /** What of the request could not be read (body, path, query string); null for an internal failure. */
    private final String part;

    private ProtectionFailed(String code, String message, String part) {
        super(message, null, false, false);
        this.code = code;
        this.part = part;
    }

    static ProtectionFailed of(RuntimeException e) {
        if (e instanceof ProtectionFailed p) {
            return p;
        }
        if (e instanceof BodyRejected r) {
            return new ProtectionFailed(r.code(), r.getMessage(), r.reason().part());
        }
        return new ProtectionFailed(
                "protection_failed",
                "Personal-data protection failed (" + e.getClass().getSimpleName()
                        + "); the request was not forwarded.",
                null);
    }

    public String code() {
        return code;
    }

    /** True when a part of the request was unreadable (answer 400); false for an internal failure (answer 500). */
    public boolean clientError() {
        return part != null;
    }

    /**
     * The part of the request that could not be read ({@code body}, {@code path}, {@code query string}); null when
     * the failure was not the client's.
     */
    public String part() {
        return part;
    }
}
