package io.qorgan.gateway.quota;

import io.qorgan.gateway.policy.UsageLimits;
import java.util.concurrent.CompletionStage;

/**
 * Counters every gateway of a fleet shares (a Redis or Valkey store): request rates as token buckets and tokens per
 * minute and day, checked and taken atomically for an agency and its caller together. Implementations never block the
 * caller; when the store cannot answer, the stage completes exceptionally and the node decides on its own share.
 */
public interface SharedCounters {

    /** Whether the store is believed reachable; when not, nodes decide alone without asking it. */
    boolean available();

    /**
     * Checks the agency's and the caller's request rates and tokens, and takes one request from each rate when both
     * allow it. {@code agencyKey} and {@code callerKey} name the counters (ids, never personal data).
     */
    CompletionStage<Verdict> admit(
            String agencyKey, UsageLimits.Rates agency, String callerKey, UsageLimits.Rates caller);

    /** Adds {@code tokens} to the agency's and the caller's counters of this minute and day. */
    CompletionStage<Void> charge(String agencyKey, String callerKey, long tokens);

    /**
     * The store's answer.
     *
     * @param limit the limit the request went over, or null when admitted
     * @param waitMillis how long until it would be admitted
     */
    record Verdict(Limit limit, long waitMillis) {
        public static final Verdict ADMITTED = new Verdict(null, 0);
    }
}
