package io.qorgan.gateway;

/** The gateway cannot start with this configuration; the message says which part and why, without secrets. */
public final class GatewayStartException extends RuntimeException {

    public GatewayStartException(String message) {
        super(message, null, false, false);
    }
}
