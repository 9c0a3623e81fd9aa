package io.qorgan.gateway.dialect;

/**
 * A body (or a request path or query string) the gateway cannot read completely and unambiguously. The message names the reason
 * only; it never contains body content, and no parser exception (whose message might) is chained.
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
        MALFORMED_PATH("malformed_path", "path", "The request path is not valid percent-encoded UTF-8.");

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
        super(reason.message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Stable machine-readable code, e.g. {@code malformed_json}. */
    public String code() {
        return reason.code;
    }
}
