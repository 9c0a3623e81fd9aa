package io.qorgan.gateway.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A policy file as written, before validation: every field may be missing; unknown keys fail binding. */
record RawPolicy(
        String version,
        String description,
        String agency,
        @JsonProperty("extends") String parent,
        String mode,
        Map<String, RawUpstream> upstreams,
        Map<String, RawActions> entities,
        List<RawRule> rules,
        String answers,
        RawLimits limits,
        RawCache cache) {

    record RawUpstream(@JsonProperty("class") String dataClass, List<String> models) {}

    /** {@code block} (every class) or {@code {onprem: placeholder, external: block}}. */
    record RawActions(String onprem, String external, boolean scalar) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static RawActions all(String action) {
            return new RawActions(action, action, true);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static RawActions perClass(@JsonProperty("onprem") String onprem, @JsonProperty("external") String external) {
            return new RawActions(onprem, external, false);
        }
    }

    record RawRule(
            String id, String description, String query, RawRuleAction action, String mode, List<String> appliesTo) {}

    /** {@code block}, {@code flag} or {@code {route: <upstream>}}. */
    record RawRuleAction(String word, String route) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static RawRuleAction word(String word) {
            return new RawRuleAction(word, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static RawRuleAction route(@JsonProperty("route") String route) {
            return new RawRuleAction(null, route);
        }
    }

    record RawLimits(
            Integer maxEntities,
            String maxRequestBytes,
            Integer requestsPerSecond,
            Integer concurrentExchanges,
            Long tokensPerMinute,
            Long tokensPerDay,
            RawRates perCaller,
            Map<String, RawRates> callers) {}

    record RawRates(Integer requestsPerSecond, Integer concurrentExchanges, Long tokensPerMinute, Long tokensPerDay) {

        /** These values where written, {@code base}'s elsewhere. */
        RawRates over(RawRates base) {
            if (base == null) {
                return this;
            }
            return new RawRates(
                    requestsPerSecond != null ? requestsPerSecond : base.requestsPerSecond,
                    concurrentExchanges != null ? concurrentExchanges : base.concurrentExchanges,
                    tokensPerMinute != null ? tokensPerMinute : base.tokensPerMinute,
                    tokensPerDay != null ? tokensPerDay : base.tokensPerDay);
        }

        UsageLimits.Rates resolved() {
            return new UsageLimits.Rates(
                    requestsPerSecond == null ? 0 : requestsPerSecond,
                    concurrentExchanges == null ? 0 : concurrentExchanges,
                    tokensPerMinute == null ? 0 : tokensPerMinute,
                    tokensPerDay == null ? 0 : tokensPerDay);
        }
    }

    record RawCache(Boolean enabled, String ttl, String scope, String maxEntryBytes, List<String> routes) {}
}
