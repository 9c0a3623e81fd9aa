package io.qorgan.gateway.protect;

/**
 * A conversation turn refers to a response whose vault is unknown or expired: its placeholders
 * cannot be restored, so the turn is refused rather than sent in clear. The message never
 * contains the response id.
 */
public final class VaultExpired extends RuntimeException {

    VaultExpired() {
        super("The conversation's protection state has expired; start a new conversation.", null, false, false);
    }

    public String code() {
        return "conversation_expired";
    }
}
