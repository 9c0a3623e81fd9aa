package io.qorgan.gateway.quota;

import io.qorgan.gateway.identity.Identity;
import io.qorgan.gateway.metrics.GatewayMetrics;
import io.qorgan.gateway.policy.PolicySet;
import io.qorgan.gateway.policy.UsageLimits;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Fair use between agencies, decided on a request's head before its body is read: the agency's and the caller's
 * exchanges in flight, requests a second and tokens a minute and a day (as their policy's {@code limits} say). Over a
 * limit, a request is refused with the limit it went over and when to try again (the server answers 429
 * {@code rate_limited} with {@code Retry-After}).
 *
 * <p>Where each limit is kept: exchanges in flight on each node ({@code limit / nodes}), since a count in a shared
 * store would need a lease that a crashed node never gives back, and two more round trips an exchange. Request rates
 * and tokens in the fleet's shared store when there is one — one atomic script a request for agency and caller
 * together — and otherwise, or while the store cannot be reached, on each node ({@code limit / nodes}): never without
 * a limit, and never refusing traffic because the store is down.
 *
 * <p>Thread-safe; {@link #admit} calls back on the given executor (the request's event loop) or at once.
 */
public final class FairUse {

    private final Supplier<PolicySet> policies;
    private final NodeLimits node;
    private final SharedCounters shared;
    private final GatewayMetrics metrics;

    /**
     * @param policies the active policy set, or a supplier of null when none is configured (then nothing is limited)
     * @param nodes the gateways of the fleet
     * @param shared the fleet's counters, or null when the nodes share none
     */
    public FairUse(
            Supplier<PolicySet> policies,
            int nodes,
            SharedCounters shared,
            GatewayMetrics metrics,
            LongSupplier millis) {
        this.policies = policies;
        this.node = new NodeLimits(nodes, millis);
        this.shared = shared;
        this.metrics = metrics;
    }

    /** What was decided: admitted with a allowance to release when the exchange ends, or refused. */
    public record Decision(Allowance allowance, Limit limit, long retryAfterSeconds) {
        static final Decision FREE = new Decision(Allowance.FREE, null, 0);

        public boolean admitted() {
            return allowance != null;
        }
    }

    /** Decides for a request of {@code identity}; {@code then} runs on {@code loop}, or at once. */
    public void admit(Identity identity, Executor loop, Consumer<Decision> then) {
        PolicySet set = policies.get();
        UsageLimits limits = set == null ? UsageLimits.NONE : set.usageLimits(identity.agency());
        if (limits.none()) {
            then.accept(Decision.FREE);
            return;
        }
        UsageLimits.Rates agency = limits.agency();
        UsageLimits.Rates caller = limits.caller(identity.caller());
        String agencyKey = identity.agency();
        String callerKey = identity.agency() + "/" + identity.caller();
        NodeLimits.Holder a = agency.any() ? node.holder("agency:" + agencyKey, agency) : null;
        NodeLimits.Holder c = caller.any() ? node.holder("caller:" + callerKey, caller) : null;
        if (a != null && !a.enter()) {
            then.accept(limited(identity.agency(), null, Limit.AGENCY_CONCURRENCY, 1000));
            return;
        }
        if (c != null && !c.enter()) {
            if (a != null) {
                a.exit();
            }
            then.accept(limited(identity.agency(), null, Limit.CALLER_CONCURRENCY, 1000));
            return;
        }
        Allowance allowance =
                new Allowance(this, identity.agency(), agencyKey, callerKey, a, c, agency.tokens() || caller.tokens());
        if (!agency.counted() && !caller.counted()) {
            then.accept(new Decision(allowance, null, 0));
            return;
        }
        if (shared == null || !shared.available()) {
            metrics.quotaDecided("node");
            then.accept(onNode(allowance));
            return;
        }
        metrics.quotaDecided("store");
        shared.admit(agencyKey, agency, callerKey, caller).whenComplete((verdict, failure) -> {
            try {
                loop.execute(() -> {
                    if (failure != null) {
                        metrics.quotaDecided("node"); // the store did not answer: this node's share decides
                        then.accept(onNode(allowance));
                    } else if (verdict.limit() != null) {
                        then.accept(limited(allowance.agency(), allowance, verdict.limit(), verdict.waitMillis()));
                    } else {
                        then.accept(new Decision(allowance, null, 0));
                    }
                });
            } catch (RejectedExecutionException e) {
                allowance.release(); // the loop is shutting down
            }
        });
    }

    /** This node's share of the rates and tokens decides. */
    private Decision onNode(Allowance allowance) {
        NodeLimits.Holder a = allowance.agencyHolder();
        NodeLimits.Holder c = allowance.callerHolder();
        long wait;
        if (a != null && (wait = a.tokensWait(true)) > 0) {
            return limited(allowance.agency(), allowance, Limit.AGENCY_TOKENS_MINUTE, wait);
        }
        if (a != null && (wait = a.tokensWait(false)) > 0) {
            return limited(allowance.agency(), allowance, Limit.AGENCY_TOKENS_DAY, wait);
        }
        if (c != null && (wait = c.tokensWait(true)) > 0) {
            return limited(allowance.agency(), allowance, Limit.CALLER_TOKENS_MINUTE, wait);
        }
        if (c != null && (wait = c.tokensWait(false)) > 0) {
            return limited(allowance.agency(), allowance, Limit.CALLER_TOKENS_DAY, wait);
        }
        if (a != null && (wait = a.takeRequest()) >= 0) {
            return limited(allowance.agency(), allowance, Limit.AGENCY_REQUESTS, wait);
        }
        if (c != null && (wait = c.takeRequest()) >= 0) {
            return limited(allowance.agency(), allowance, Limit.CALLER_REQUESTS, wait);
        }
        return new Decision(allowance, null, 0);
    }

    private Decision limited(String agency, Allowance allowance, Limit limit, long waitMillis) {
        if (allowance != null) {
            allowance.release();
        }
        metrics.rateLimited(agency, limit.label());
        return new Decision(null, limit, Math.max(1, (waitMillis + 999) / 1000));
    }

    /** Counts the tokens an exchange's answer reported: in the shared store, else (or when it fails) on this node. */
    void charge(Allowance allowance, long tokens) {
        metrics.tokens(allowance.agency(), tokens);
        if (shared != null && shared.available()) {
            shared.charge(allowance.agencyKey(), allowance.callerKey(), tokens).whenComplete((ok, failure) -> {
                if (failure != null) {
                    chargeNode(allowance, tokens);
                }
            });
        } else {
            chargeNode(allowance, tokens);
        }
    }

    private static void chargeNode(Allowance allowance, long tokens) {
        if (allowance.agencyHolder() != null) {
            allowance.agencyHolder().charge(tokens);
        }
        if (allowance.callerHolder() != null) {
            allowance.callerHolder().charge(tokens);
        }
    }
}
