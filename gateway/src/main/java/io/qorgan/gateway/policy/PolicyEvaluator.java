package io.qorgan.gateway.policy;

import io.qorgan.gateway.protect.ProtectionSettings;

/**
 * Decides on requests. Implementations are immutable and thread-safe; evaluation is CPU only (no I/O, no locks),
 * linear in the request's text plus a few term look-ups per content rule.
 */
public interface PolicyEvaluator {

    /** The verdict on one request. Never throws for a well-formed input. */
    Verdict evaluate(PolicyInput input);

    /**
     * The protection for requests of {@code agency} to {@code upstream}: {@code base} (the route's protection, with
     * its keys) overlaid with the policy's entity actions for that upstream's class. A type the policy blocks maps to
     * {@code REDACT} (the request is blocked by {@link #evaluate} when the type is present). A policy in shadow mode
     * returns {@code base}.
     *
     * @throws IllegalArgumentException when an operator needs a key {@code base} does not have
     */
    ProtectionSettings protectionFor(String agency, String upstream, ProtectionSettings base);
}
