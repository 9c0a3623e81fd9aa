package io.qorgan.gateway.identity;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.apache.shiro.authz.Permission;

/**
 * One validated, immutable state of the identity store. Readers take the current snapshot once per
 * request; a reload replaces it as a whole.
 */
record Snapshot(
        long generation,
        Map<String, Caller> callers,
        Map<String, Key> keys,
        Map<String, String> callerBySubject,
        Map<String, String> callerBySan,
        Set<String> agencies) {

    record Caller(String id, String agency, Set<String> roles, Set<Permission> permissions) {}

    /** A stored key; the hash is parsed once at load so a request only runs Argon2 itself. */
    record Key(String id, String caller, StoredHash hash, Instant created, Instant expires, boolean revoked) {
        boolean expiredAt(Instant now) {
            return expires != null && !now.isBefore(expires);
        }

        @Override
        public String toString() {
            return "Key[" + id + ", caller " + caller + "]";
        }
    }

    static Snapshot empty() {
        return new Snapshot(0, Map.of(), Map.of(), Map.of(), Map.of(), Set.of());
    }
}
