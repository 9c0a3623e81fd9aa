package io.qorgan.gateway.policy;

import io.qorgan.gateway.protect.Operator;

/** What a policy does with one entity type on one class of upstream: an operator, or block. */
enum EntityAction {
    PLACEHOLDER,
    MASK,
    REDACT,
    HASH,
    FPE,
    KEEP,
    BLOCK;

    /**
     * The operator to apply. {@link #BLOCK} blocks the request when the type is present; should a value of it still
     * reach the protector (counts passed in disagreeing with the detector), it is redacted, never sent.
     */
    Operator operator() {
        return this == BLOCK ? Operator.REDACT : Operator.valueOf(name());
    }
}
