package io.qorgan.gateway.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The YAML file as written, before validation: every field may be missing. Unknown keys fail
 * binding, so a typo never passes silently.
 */
record RawConfig(
        RawListeners listeners,
        RawIdentity identity,
        Map<String, RawUpstream> upstreams,
        List<RawRoute> routes,
        RawProtection protection,
        RawPolicies policies,
        RawLimits limits,
        RawAudit audit,
        RawCache cache,
        RawFleet fleet) {

    /** {@code cache:}, the part of the safe-answer cache that is the process's own: its memory. */
    record RawCache(String maxBytes) {}

    /** {@code protection.cache:}, the defaults an agency's policy may override. */
    record RawCacheDefaults(Boolean enabled, String ttl, String scope, String maxEntryBytes) {}

    record RawAudit(
            String directory,
            String encryptionKey,
            String signingKey,
            String signature,
            String signEvery,
            String sync,
            String syncInterval,
            String segmentMaxBytes,
            String retention,
            Integer queueCapacity,
            String onFull,
            Boolean index) {}

    record RawPolicies(String directory, String reloadInterval) {}

    record RawListeners(RawListener traffic, RawListener admin) {}

    record RawListener(String host, Integer port, RawServerTls tls) {}

    record RawServerTls(String certificate, String privateKey, String clientAuth, String trustedClientCas) {}

    record RawIdentity(String store, String cacheTtl, Integer hashingThreads, Boolean required) {}

    record RawUpstream(
            String baseUrl,
            String connectTimeout,
            String readTimeout,
            Integer maxConnections,
            String apiKey,
            String apiKeyHeader,
            RawUpstreamTls tls,
            RawRetry retry,
            RawBreaker breaker) {}

    record RawRetry(Integer attempts, String backoff, String maxBackoff, Double budget, Integer minPerSecond) {}

    record RawBreaker(
            Boolean enabled,
            Double failureRate,
            Double slowCallRate,
            String slowCall,
            Integer window,
            Integer minimumCalls,
            String openFor,
            Integer halfOpenCalls) {}

    record RawFleet(Integer nodes, RawStore store) {}

    record RawStore(String url, String password, String key, String timeout) {}

    record RawUpstreamTls(
            String trustedCas, String clientCertificate, String clientPrivateKey, Boolean verifyHostname) {}

    record RawRoute(
            String name,
            String pathPrefix,
            String upstream,
            List<RawTarget> upstreams,
            String dialect,
            List<String> models,
            Boolean protect,
            Boolean passUnreadable) {}

    /** {@code name} (in order of priority) or {@code {name: NAME, weight: N}}. */
    record RawTarget(String name, Integer weight) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static RawTarget named(String name) {
            return new RawTarget(name, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static RawTarget weighted(@JsonProperty("name") String name, @JsonProperty("weight") Integer weight) {
            return new RawTarget(name, weight);
        }
    }

    record RawProtection(
            Map<String, String> operators,

            @JsonProperty("default") String fallback,

            String hashKey,
            String fpeKey,
            String answers,
            Boolean entitiesHeader,
            String maxAnswerBody,
            String conversationTtl,
            Integer maxConversations,
            Integer findingsMemo,
            String findingsMemoTtl,
            List<String> detect,
            Double minScore,
            List<String> extraNames,
            Integer maxStrings,
            Integer maxDepth,
            Integer maxTerms,
            Integer maxFindings,
            RawCacheDefaults cache) {}

    record RawLimits(
            String maxRequestBody,
            String maxHeaderSize,
            String idleTimeout,
            Integer maxConcurrentExchanges,
            String shutdownGrace,
            Integer ioThreads,
            String transport,
            String headerTimeout,
            String bodyTimeout,
            String minBodyRate,
            String maxBufferedBodies) {}
}
