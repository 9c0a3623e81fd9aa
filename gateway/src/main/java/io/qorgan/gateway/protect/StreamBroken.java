package io.qorgan.gateway.protect;

/**
 * An answer stream that cannot be restored safely: truncated mid-event, an event that is not
 * valid JSON or UTF-8, or an event too large. Nothing of the broken event has been emitted; the
 * caller ends the stream to its client. The message names the reason only, never content.
 */
public final class StreamBroken extends RuntimeException {

    private final String code;

    StreamBroken(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** Stable code: {@code truncated}, {@code malformed_event}, {@code invalid_utf8}, {@code event_too_large}. */
    public String code() {
        return code;
    }
}
