package io.qorgan.gateway.audit;

/** What the safe-answer cache did for an exchange. */
public enum CacheOutcome {
    /** Answered from the cache; the upstream was not called. */
    HIT,
    /** Looked up, not found; the upstream answered and the answer was not stored. */
    MISS,
    /** Looked up, not found; the upstream's answer was stored. */
    STORED,
    /** The policy or the request (a stream, a tool call) kept the cache out of it. */
    BYPASS,
    /** No cache is configured, or the exchange ended before it was consulted. */
    NONE
}
