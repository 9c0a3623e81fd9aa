package io.qorgan.gateway.server;

/** A listener could not bind its address (in use, not permitted, no such interface). */
public final class ListenerBindException extends RuntimeException {

    public ListenerBindException(String message) {
        super(message, null, false, false);
    }
}
