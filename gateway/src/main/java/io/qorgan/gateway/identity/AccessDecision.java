package io.qorgan.gateway.identity;

import java.util.Optional;

/**
 * The answer to "may this identity do that?": allowed, or denied naming the first missing
 * permission (for the error message and the audit record).
 */
public record AccessDecision(boolean allowed, String missingPermission) {

    private static final AccessDecision ALLOWED = new AccessDecision(true, null);

    public static AccessDecision allow() {
        return ALLOWED;
    }

    public static AccessDecision deny(String missingPermission) {
        return new AccessDecision(false, missingPermission);
    }

    /** The permission that was required but not held; empty when allowed. */
    public Optional<String> missing() {
        return Optional.ofNullable(missingPermission);
    }
}
