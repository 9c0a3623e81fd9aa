package io.qorgan.gateway.policy;

import java.util.Map;

/**
 * Fair use of the gateway by one agency and its callers, from the agency's policy ({@code limits}): for the agency as a
 * whole, for each of its callers, and for particular callers. A value of 0 is no limit. Limits hold for the whole fleet
 * of gateways; how each node keeps its share is the fair-use stage's business.
 *
 * @param agency the agency's limits, all its callers together
 * @param perCaller the limits of each caller of the agency
 * @param callers limits of particular callers, by caller id (values they give replace {@code perCaller}'s)
 */
public record UsageLimits(Rates agency, Rates perCaller, Map<String, Rates> callers) {

    public static final UsageLimits NONE = new UsageLimits(Rates.NONE, Rates.NONE, Map.of());

    public UsageLimits {
        callers = Map.copyOf(callers);
    }

    /** The limits of one caller of the agency. */
    public Rates caller(String id) {
        Rates own = callers.get(id);
        return own == null ? perCaller : own.over(perCaller);
    }

    /** Whether nothing is limited. */
    public boolean none() {
        return !agency.any() && !perCaller.any() && callers.isEmpty();
    }

    /**
     * One set of limits; 0 is no limit.
     *
     * @param requestsPerSecond requests a second, on average (a burst of one second's worth is allowed)
     * @param concurrentExchanges exchanges in flight at once
     * @param tokensPerMinute tokens (prompt and completion, as the answers' {@code usage} reports them) in a minute
     * @param tokensPerDay tokens in a day (UTC)
     */
    public record Rates(int requestsPerSecond, int concurrentExchanges, long tokensPerMinute, long tokensPerDay) {

        public static final Rates NONE = new Rates(0, 0, 0, 0);

        public boolean any() {
            return requestsPerSecond > 0 || concurrentExchanges > 0 || tokensPerMinute > 0 || tokensPerDay > 0;
        }

        /** Whether a limit needs counting beyond this node's exchanges in flight: a rate or tokens. */
        public boolean counted() {
            return requestsPerSecond > 0 || tokensPerMinute > 0 || tokensPerDay > 0;
        }

        public boolean tokens() {
            return tokensPerMinute > 0 || tokensPerDay > 0;
        }

        /** These limits where set (above 0), {@code base}'s elsewhere. */
        Rates over(Rates base) {
            return new Rates(
                    requestsPerSecond > 0 ? requestsPerSecond : base.requestsPerSecond,
                    concurrentExchanges > 0 ? concurrentExchanges : base.concurrentExchanges,
                    tokensPerMinute > 0 ? tokensPerMinute : base.tokensPerMinute,
                    tokensPerDay > 0 ? tokensPerDay : base.tokensPerDay);
        }
    }
}
