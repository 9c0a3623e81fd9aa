package io.qorgan.gateway.protect;

import io.qorgan.gateway.dialect.BodyRejected;

/**
 * A request that must not be forwarded. {@link #code()} is stable: a {@link BodyRejected} code
 * ({@code malformed_json}, {@code invalid_utf8}, {@code duplicate_key}, {@code unsupported_encoding},
 * {@code unsupported_content_type}, {@code malformed_path}, {@code malformed_query}) when the body, path or query
 * could not be read — the client's fault — {@code request_too_complex} when the request is more than the gateway
 * analyses (answer 413), {@code personal_data_in_number} when a number the API needs holds personal data, or
 * {@code protection_failed} when detection or transformation failed. The message never contains content, and no
 * cause is chained (causes' messages might).
 */
public final class ProtectionFailed extends RuntimeException {

    /** The code of a request more complex than the gateway analyses. */
    public static final String TOO_COMPLEX = "request_too_complex";

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

    /**
     * A request with more of something than the gateway analyses; {@code what} names the limit and its setting
     * ("more than 2000000 words for content rules (protection.maxTerms)"), never content.
     */
    public static ProtectionFailed tooComplex(String what) {
        return new ProtectionFailed(TOO_COMPLEX, "The request has " + what + ".", "body");
    }

    public String code() {
        return code;
    }

    /** True when the request was refused for what it holds (answer 4xx); false for an internal failure (answer 500). */
    public boolean clientError() {
        return part != null;
    }

    /** The status to answer: 413 for a request too complex, 400 for another client error, 500 otherwise. */
    public int status() {
        if (!clientError()) {
            return 500;
        }
        return code.equals(TOO_COMPLEX) ? 413 : 400;
    }

    /**
     * The message for the caller: what was refused and why (the limit and its setting for a request too complex),
     * and that nothing was forwarded; never content.
     */
    public String answerMessage() {
        if (code.equals(TOO_COMPLEX) || code.equals(BodyRejected.Reason.PERSONAL_DATA_IN_NUMBER.code())) {
            return getMessage() + " Nothing was forwarded.";
        }
        return "The request " + part + " cannot be read completely and unambiguously (" + code
                + "); nothing was forwarded";
    }

    /**
     * The part of the request that could not be read ({@code body}, {@code path}, {@code query string}); null when
     * the failure was not the client's.
     */
    public String part() {
        return part;
    }
}
