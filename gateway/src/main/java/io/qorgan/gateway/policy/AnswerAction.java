package io.qorgan.gateway.policy;

import io.qorgan.gateway.protect.AnswerScanner;

/** What to do with personal data a model produced on its own in an answer. */
public enum AnswerAction {
    /** Count it only. */
    LEAVE,
    /** Replace it by a masked form. */
    MASK,
    /** Replace it by {@code [REDACTED]}. */
    REDACT,
    /** Refuse the answer. */
    BLOCK;

    /** The answer scanner's action; {@link #BLOCK} scans as {@link AnswerScanner.Action#REDACT} and the caller refuses. */
    public AnswerScanner.Action scannerAction() {
        return switch (this) {
            case LEAVE -> AnswerScanner.Action.LEAVE;
            case MASK -> AnswerScanner.Action.MASK;
            case REDACT, BLOCK -> AnswerScanner.Action.REDACT;
        };
    }
}
