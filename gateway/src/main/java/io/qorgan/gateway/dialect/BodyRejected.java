package io.qorgan.gateway.dialect;

/**
 * A body (or a request path or query string) the gateway cannot read completely and unambiguously, or will not read
 * further: too deep, too many strings, or personal data in a number where the API needs a number. The message names
 * the reason (and the limit) only; it never contains body content, and no parser exception (whose message might) is
 * chained.
 */
public final class BodyRejected extends RuntimeException {

    /** Why a body was refused; {@link #code()} is stable and goes into the error answer. */
    public enum Reason {
        MALFORMED_JSON("malformed_json", "body", "The body is not one complete, well-formed JSON value."),
        INVALID_UTF8("invalid_utf8", "body", "The body is not valid UTF-8."),
        DUPLICATE_KEY("duplicate_key", "body", "A JSON object in the body has the same key twice."),
        UNSUPPORTED_ENCODING("unsupported_encoding", "body", "Compressed or encoded bodies are not accepted."),
        UNSUPPORTED_CONTENT_TYPE("unsupported_content_type", "body", "This content type cannot be inspected."),
        MALFORMED_QUERY("malformed_query", "query string", "The query string is not valid percent-encoded UTF-8."),
        MALFORMED_PATH("malformed_path", "path", "The request path is not valid percent-encoded UTF-8."),
        /** More nesting or more strings than {@link ReadLimits} allow: the work per request is bounded. */
        TOO_COMPLEX("request_too_complex", "body", "The body is more complex than the gateway reads."),
        /** A number holding personal data where the API needs a number, so a placeholder string cannot stand in. */
        PERSONAL_DATA_IN_NUMBER(
                "personal_data_in_number",
                "body",
                "A number in the body holds personal data where the API needs a number, so it cannot be replaced by "
                        + "a placeholder.");

        private final String code;
        private final String part;
        private final String message;

        Reason(String code, String part, String message) {
            this.code = code;
            this.part = part;
            this.message = message;
        }

        public String code() {
            return code;
        }

        /** The part of the request that could not be read: body, path or query string. */
        public String part() {
            return part;
        }
    }

    private final Reason reason;

    public BodyRejected(Reason reason) {
        this(reason, reason.message);
    }

    private BodyRejected(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** The body nests deeper than {@code max} objects and arrays ({@code protection.maxDepth}). */
    static BodyRejected tooDeep(int max) {
        return new BodyRejected(
                Reason.TOO_COMPLEX,
                "The body nests objects and arrays deeper than " + max + " levels (protection.maxDepth).");
    }

    /** The body holds more than {@code max} strings and object keys ({@code protection.maxStrings}). */
    static BodyRejected tooManyStrings(int max) {
        return new BodyRejected(
                Reason.TOO_COMPLEX,
                "The body holds more than " + max + " strings and object keys (protection.maxStrings).");
    }

    public Reason reason() {
        return reason;
    }

    /** Stable machine-readable code, e.g. {@code malformed_json}. */
    public String code() {
        return reason.code;
    }
}
