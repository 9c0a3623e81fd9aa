package io.qorgan.gateway.identity;

import java.util.Optional;

/**
 * Finds the presented API key in request headers: {@code Authorization: Bearer <key>} first, then
 * {@code x-api-key: <key>} (the header Anthropic clients send). Pure string work, no allocation of
 * note: fine on an event loop.
 */
public final class ApiKeyHeaders {

    private ApiKeyHeaders() {}

    /**
     * The key from the two header values (either may be null). Empty when neither carries a
     * credential: the request is then answered {@link AuthResult.Status#MISSING}. A credential in
     * another format (e.g. an upstream's own key) is returned as is, so it ends as UNKNOWN.
     */
    public static Optional<String> extract(String authorization, String xApiKey) {
        Optional<String> bearer = fromAuthorization(authorization);
        return bearer.isPresent() ? bearer : fromApiKeyHeader(xApiKey);
    }

    /** The token of {@code Bearer <token>} (scheme case-insensitive); empty for other schemes. */
    public static Optional<String> fromAuthorization(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (trimmed.length() < 7 || !trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = trimmed.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    public static Optional<String> fromApiKeyHeader(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.trim());
    }
}
