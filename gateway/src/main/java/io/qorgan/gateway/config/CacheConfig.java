package io.qorgan.gateway.config;

import java.time.Duration;
import java.util.Locale;

/**
 * The safe-answer cache: the defaults of {@code protection.cache} (an agency's policy may override each) and the
 * memory of {@code cache.maxBytes} that all cached answers share, sealed.
 *
 * @param enabled whether deterministic answers on protected routes are cached where no policy says otherwise
 * @param ttl how long a stored answer is served
 * @param scope who shares a stored answer: the same caller only, or every caller of the agency
 * @param maxEntryBytes the largest answer (as the upstream sent it) that is stored
 * @param maxBytes the memory for every stored answer together; the least used go first when it is full
 */
public record CacheConfig(boolean enabled, Duration ttl, Scope scope, long maxEntryBytes, long maxBytes) {

    /** Who shares a stored answer. An agency is always part of the key: no scope reaches across agencies. */
    public enum Scope {
        CALLER,
        AGENCY;

        /** {@code caller} or {@code agency}, as written in configuration and policies. */
        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CacheConfig {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("cache ttl must be positive");
        }
        if (maxEntryBytes < 1 || maxBytes < 0) {
            throw new IllegalArgumentException("cache sizes must be positive");
        }
    }

    /** On, ten minutes, per caller, answers up to 1 MB, 64 MB in all. */
    public static CacheConfig defaults() {
        return new CacheConfig(true, Duration.ofMinutes(10), Scope.CALLER, 1024 * 1024, 64L * 1024 * 1024);
    }
}
