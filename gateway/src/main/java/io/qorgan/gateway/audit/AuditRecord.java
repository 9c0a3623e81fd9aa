package io.qorgan.gateway.audit;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * One entry of the audit trail. Every field of every kind is a time, a count, an enum, an address of a calling
 * system, or an id from the configuration, the identity store or the policies (checked against {@link AuditIds}):
 * no type here can hold request or answer text, a personal value, a placeholder mapping or a key.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ExchangeRecord.class, name = "exchange"),
    @JsonSubTypes.Type(value = AuthFailureRecord.class, name = "auth_failure"),
    @JsonSubTypes.Type(value = ReloadRecord.class, name = "reload"),
    @JsonSubTypes.Type(value = RetentionRecord.class, name = "retention"),
    @JsonSubTypes.Type(value = GapRecord.class, name = "gap"),
    @JsonSubTypes.Type(value = SearchRecord.class, name = "search")
})
public sealed interface AuditRecord
        permits ExchangeRecord, AuthFailureRecord, ReloadRecord, RetentionRecord, GapRecord, SearchRecord {

    /** When it happened (for an exchange: when its request was complete). */
    Instant time();
}
