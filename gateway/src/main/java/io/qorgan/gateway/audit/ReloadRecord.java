package io.qorgan.gateway.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A reload of something that changes decisions: the policy set, the identity store, a listener's TLS certificate.
 *
 * @param version what became active: the policy set's content hash, the identity store's generation, the
 *     certificate's serial; null when the reload was refused
 * @param errorCode null when the reload took effect, else why it was refused (the last good one stays)
 */
public record ReloadRecord(Instant time, Component component, String version, String errorCode) implements AuditRecord {

    /** What was reloaded. */
    public enum Component {
        POLICY,
        IDENTITY,
        TLS
    }

    public ReloadRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(component, "component");
        version = AuditIds.id(version);
        errorCode = AuditIds.id(errorCode);
    }

    public static ReloadRecord ok(Instant time, Component component, String version) {
        return new ReloadRecord(time, component, version, null);
    }

    public static ReloadRecord refused(Instant time, Component component, String errorCode) {
        return new ReloadRecord(time, component, null, errorCode);
    }

    public boolean succeeded() {
        return errorCode == null;
    }
}
