package io.qorgan.gateway.sim;

/** A request the API would refuse with 400; the handler answers it in the route's error shape. */
final class BadRequest extends RuntimeException {

    private final String code;

    BadRequest(String message, String code) {
        super(message, null, false, false);
        this.code = code;
    }

    /** OpenAI's error code, e.g. {@code missing_required_parameter}; may be null. */
    String code() {
        return code;
    }
}
