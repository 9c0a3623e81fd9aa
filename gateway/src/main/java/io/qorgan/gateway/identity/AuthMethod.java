package io.qorgan.gateway.identity;

/** How a caller proved who it is. */
public enum AuthMethod {
    /** {@code Authorization: Bearer qg_…} or {@code x-api-key: qg_…}. */
    API_KEY,
    /** A client certificate verified in the TLS handshake (mTLS). */
    CLIENT_CERT,
    /** No identity store is configured: every caller is the same anonymous one, with every permission. */
    ANONYMOUS
}
