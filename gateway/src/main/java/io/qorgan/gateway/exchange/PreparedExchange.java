package io.qorgan.gateway.exchange;

import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.dialect.RequestFacts;
import io.qorgan.gateway.policy.Verdict;
import io.qorgan.gateway.protect.AnswerScanner;
import io.qorgan.gateway.protect.ExchangeVault;
import java.util.List;
import java.util.Map;

/**
 * An exchange decided and ready to forward: where it goes, what it sends, and what the answer's way needs (the vault,
 * the dialect, what to do with personal data the model produces). Built by {@link ExchangePreparer} on whichever thread
 * prepared it and handed whole to the connection's event loop, which only reads it.
 *
 * <p>The vault is the only part that holds originals; it lives as long as this exchange.
 *
 * @param request the request as it came
 * @param upstream the upstream to forward to: the route's, or the one a policy rerouted to
 * @param forwardBody the body to send, or null to send the client's body as it came
 * @param forwardTarget the path and query to send, protected; equal to the request's when nothing changed
 * @param protectedHeaders client headers whose values protection changed, all their values as protected; empty when
 *     none
 * @param vault the placeholders to restore in the answer, or null when the answer is not restored
 * @param dialect the API the exchange speaks (from the route and the path; on every route)
 * @param facts the body's top-level fields
 * @param answerAction what happens to personal data the model produced itself
 * @param blockAnswers whether such data withholds the answer (the policy's {@code answers: block})
 * @param conversationScope whose Responses-API conversation this is, when the upstream stores it; else null
 * @param decision what was decided and found, for metrics, headers and the audit record
 */
public record PreparedExchange(
        ExchangeRequest request,
        String upstream,
        byte[] forwardBody,
        String forwardTarget,
        Map<String, List<String>> protectedHeaders,
        ExchangeVault vault,
        Dialect dialect,
        RequestFacts facts,
        AnswerScanner.Action answerAction,
        boolean blockAnswers,
        String conversationScope,
        Decision decision) {

    public PreparedExchange {
        protectedHeaders = protectedHeaders == null ? Map.of() : Map.copyOf(protectedHeaders);
    }

    /** Whether the answer goes through the restore stage. */
    public boolean restores() {
        return vault != null;
    }

    /**
     * What the prepare stage decided and found, without any value: safe for logs, metrics and the audit record.
     *
     * @param verdict the policy's verdict, or null without policies
     * @param policyVersion the content hash of the policy set that decided, or null
     * @param entityCounts distinct personal values found in the request, by type
     * @param entitiesHeader the {@code X-Qorgan-Entities} value, or null when not sent
     * @param passedUnreadable whether the route passed an unreadable body on as it came
     * @param protectionNanos time spent protecting the request
     */
    public record Decision(
            Verdict verdict,
            String policyVersion,
            Map<EntityType, Integer> entityCounts,
            String entitiesHeader,
            boolean passedUnreadable,
            long protectionNanos) {

        public Decision {
            entityCounts = Map.copyOf(entityCounts);
        }

        static Decision none() {
            return new Decision(null, null, Map.of(), null, false, 0);
        }
    }
}
