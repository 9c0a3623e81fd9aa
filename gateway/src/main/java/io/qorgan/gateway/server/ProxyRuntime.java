package io.qorgan.gateway.server;

import io.qorgan.gateway.audit.AuditTrail;
import io.qorgan.gateway.cache.AnswerCache;
import io.qorgan.gateway.config.GatewayConfig;
import io.qorgan.gateway.exchange.ExchangePreparer;
import io.qorgan.gateway.exchange.Protection;
import io.qorgan.gateway.metrics.GatewayMetrics;
import io.qorgan.gateway.policy.PolicySet;
import io.qorgan.gateway.policy.PolicyStore;
import io.qorgan.gateway.quota.FairUse;
import io.qorgan.gateway.route.Router;
import io.qorgan.gateway.upstream.UpstreamClient;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * What every frontend handler needs, built once per configuration and shared read-only across
 * event loops: routes, upstream clients, limits, metrics, the admission gate, caller identification,
 * protection, the policy store ({@code policies} may be null: no policies configured), the
 * bounded workers that prepare large bodies off the event loops, the prepare stage itself, the
 * health of the event loops, the audit trail ({@link AuditTrail#disabled()} when there is none), the answer cache,
 * and fair use between agencies (their limits, decided on the head).
 */
public record ProxyRuntime(
        GatewayConfig config,
        Router router,
        Map<String, UpstreamClient> upstreams,
        GatewayMetrics metrics,
        Admission admission,
        CallerIdentification identification,
        Protection protection,
        PolicyStore policies,
        Executor workers,
        ExchangePreparer preparer,
        LoopHealth loops,
        AuditTrail audit,
        AnswerCache cache,
        FairUse fairUse) {

    /** The active policy set, or null when no policy directory is configured. */
    public PolicySet policySet() {
        return policies == null ? null : policies.current();
    }
}
