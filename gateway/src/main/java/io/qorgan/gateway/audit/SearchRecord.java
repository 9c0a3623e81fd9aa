package io.qorgan.gateway.audit;

import io.qorgan.gateway.identity.AuthMethod;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A search of the audit trail through the admin endpoint: who searched, which fields, which period, how many
 * matched. The query text itself is not kept (an officer may type anything into it); its field names are.
 *
 * @param fields the index fields the query named ({@code agency}, {@code verdict}, …; {@code any} for bare terms)
 * @param from the start of the period searched, or null
 * @param to the end of the period searched, or null
 * @param page the page asked for
 * @param hits how many records matched
 * @param status the HTTP status answered
 * @param errorCode the error answered, or null
 */
public record SearchRecord(
        Instant time,
        String requestId,
        String agency,
        String caller,
        AuthMethod authMethod,
        InetAddress clientAddress,
        List<String> fields,
        Instant from,
        Instant to,
        int page,
        long hits,
        int status,
        String errorCode)
        implements AuditRecord {

    public SearchRecord {
        Objects.requireNonNull(time, "time");
        requestId = AuditIds.id(requestId);
        agency = AuditIds.id(agency);
        caller = AuditIds.id(caller);
        fields = AuditIds.ids(fields);
        errorCode = AuditIds.id(errorCode);
    }
}
