package io.qorgan.gateway.identity;

import java.util.Objects;
import java.util.Set;
import org.apache.shiro.authz.Permission;
import org.apache.shiro.authz.permission.WildcardPermission;

/**
 * Who is calling, as the gateway carries it with the exchange: immutable and safe to share across
 * threads and to log ({@code toString} shows ids, roles and permissions, never a credential).
 *
 * @param agency the tenant the caller belongs to
 * @param caller the caller's id, unique in the identity store
 * @param roles role names from the store
 * @param permissions every permission granted, through roles or directly (Shiro wildcard syntax)
 * @param method how the caller authenticated
 * @param credentialId the API key's public id ({@code qg_ab12cd34}) or the client certificate's
 *     serial number in hex
 */
public record Identity(
        String agency,
        String caller,
        Set<String> roles,
        Set<Permission> permissions,
        AuthMethod method,
        String credentialId) {

    public Identity {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(caller, "caller");
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(credentialId, "credentialId");
    }

    /** True if any held permission implies {@code permission} (e.g. {@code route:chat:invoke}). */
    public boolean isPermitted(String permission) {
        return isPermitted(new WildcardPermission(permission));
    }

    public boolean isPermitted(Permission permission) {
        for (Permission held : permissions) {
            if (held.implies(permission)) {
                return true;
            }
        }
        return false;
    }

    /** Allowed only if every one of {@code required} is permitted; else names the first one missing. */
    public AccessDecision check(String... required) {
        for (String permission : required) {
            if (!isPermitted(permission)) {
                return AccessDecision.deny(permission);
            }
        }
        return AccessDecision.allow();
    }
}
