package io.qorgan.gateway.audit;

import io.qorgan.gateway.identity.AuthMethod;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * A request refused because its caller could not be authenticated (HTTP 401).
 *
 * @param requestId the request's id
 * @param clientAddress the address of the calling system, or null when unknown
 * @param method the kind of credential presented, or null when there was none
 * @param credentialId the public id of the API key presented ({@code qg_…}) or the certificate's serial in hex, when
 *     known; never the key
 * @param errorCode {@code missing_api_key}, {@code invalid_api_key}, {@code key_expired}, {@code key_revoked}, …
 */
public record AuthFailureRecord(
        Instant time,
        String requestId,
        InetAddress clientAddress,
        AuthMethod method,
        String credentialId,
        String errorCode)
        implements AuditRecord {

    public AuthFailureRecord {
        Objects.requireNonNull(time, "time");
        requestId = AuditIds.id(requestId);
        credentialId = AuditIds.id(credentialId);
        errorCode = AuditIds.id(Objects.requireNonNull(errorCode, "errorCode"));
    }
}
