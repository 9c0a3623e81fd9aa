package io.qorgan.gateway.audit;

/** How an exchange ended, as the audit trail records it. */
public enum AuditVerdict {
    /** Sent to the upstream (protected as the policy said) and answered. */
    FORWARDED,
    /** An enforced policy rule refused it; nothing was forwarded. */
    BLOCKED,
    /** Forwarded, but a shadow rule would have blocked it had it been enforced. */
    SHADOW_WOULD_BLOCK,
    /** Refused by the gateway before forwarding: protection failed, the body was unreadable, a limit or permission. */
    REFUSED,
    /** Forwarded, and the upstream failed: unreachable, timed out, closed, or sent an answer that could not be restored. */
    FAILED
}
