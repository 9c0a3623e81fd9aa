package io.qorgan.gateway.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Who may call: the identity store and how verified keys are cached.
 *
 * @param store the YAML identity store (agencies, callers, roles, key hashes), or null when
 *     callers are not authenticated (quick start; every caller is {@code anonymous})
 * @param cacheTtl how long a verified key is trusted without hashing it again
 * @param hashingThreads threads that verify key hashes, off the event loops
 */
public record IdentityConfig(Path store, Duration cacheTtl, int hashingThreads) {

    public static IdentityConfig anonymous() {
        return new IdentityConfig(null, Duration.ofSeconds(60), 2);
    }

    public boolean enabled() {
        return store != null;
    }
}
