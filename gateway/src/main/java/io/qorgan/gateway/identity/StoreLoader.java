package io.qorgan.gateway.identity;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.qorgan.gateway.config.YamlBinder;
import io.qorgan.gateway.config.YamlBindingException;
import io.qorgan.gateway.config.YamlLocations;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.apache.shiro.authz.Permission;
import org.apache.shiro.authz.permission.WildcardPermission;

/**
 * Reads and validates the identity store file into a {@link Snapshot}.
 *
 * <p>Binding is {@link YamlBinder}'s, with the configuration's and the policies' words for the same
 * mistakes; errors found afterwards (an unknown role, a duplicate id) are located through the
 * binder's index of the file. Messages name file, line, column and field, never a value that
 * could be secret.
 */
final class StoreLoader {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private static final YamlBinder YAML = YamlBinder.strict();

    /** Reads the store as a tree, for the edits of {@link IdentityStoreFile}; binding goes through {@link #YAML}. */
    static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Path file;
    private final byte[] content;
    /** Where each value of the file stands, once it is bound. */
    private YamlLocations where;

    private StoreLoader(Path file, byte[] content) {
        this.file = file;
        this.content = content;
    }

    static Snapshot load(Path file, byte[] content, long generation) throws IdentityStoreException {
        return new StoreLoader(file, content).load(generation);
    }

    private Snapshot load(long generation) throws IdentityStoreException {
        StoreFile parsed = bind();
        Map<String, Set<Permission>> roles = roles(parsed);
        Set<String> agencies = agencies(parsed);
        Map<String, Snapshot.Caller> callers = callers(parsed, agencies, roles);
        Map<String, Snapshot.Key> keys = keys(parsed, callers);
        Map<String, String> bySubject = new HashMap<>();
        Map<String, String> bySan = new HashMap<>();
        certificates(parsed, callers, bySubject, bySan);
        return new Snapshot(
                generation,
                Map.copyOf(callers),
                Map.copyOf(keys),
                Map.copyOf(bySubject),
                Map.copyOf(bySan),
                Set.copyOf(agencies));
    }

    private StoreFile bind() throws IdentityStoreException {
        try {
            YamlBinder.Bound<StoreFile> bound = YAML.bind(file.toString(), content, StoreFile.class);
            where = bound.locations();
            return bound.orElse(new StoreFile(null, null, null, null, null));
        } catch (YamlBindingException e) {
            throw new IdentityStoreException(file, e.line(), e.column(), e.field(), e.problem());
        }
    }

    private Map<String, Set<Permission>> roles(StoreFile parsed) throws IdentityStoreException {
        Map<String, Set<Permission>> roles = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> role : parsed.roles().entrySet()) {
            JsonPointer at = JsonPointer.empty().appendProperty("roles").appendProperty(role.getKey());
            requireId(role.getKey(), at, "role name");
            List<String> permissions = role.getValue() == null ? List.of() : role.getValue();
            roles.put(role.getKey(), permissions(permissions, at));
        }
        return roles;
    }

    private Set<Permission> permissions(List<String> permissions, JsonPointer at) throws IdentityStoreException {
        Set<Permission> result = new LinkedHashSet<>();
        for (int i = 0; i < permissions.size(); i++) {
            String permission = permissions.get(i);
            try {
                if (permission == null || permission.isBlank()) {
                    throw new IllegalArgumentException("blank");
                }
                result.add(new WildcardPermission(permission));
            } catch (IllegalArgumentException e) {
                throw error(
                        at.appendIndex(i), "invalid permission (use parts separated by ':', e.g. route:chat:invoke)");
            }
        }
        return result;
    }

    private Set<String> agencies(StoreFile parsed) throws IdentityStoreException {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < parsed.agencies().size(); i++) {
            JsonPointer at = JsonPointer.empty().appendProperty("agencies").appendIndex(i);
            String id = parsed.agencies().get(i).id();
            requireId(id, at.appendProperty("id"), "agency id");
            if (!ids.add(id)) {
                throw error(at.appendProperty("id"), "duplicate agency '" + id + "'");
            }
        }
        return ids;
    }

    private Map<String, Snapshot.Caller> callers(
            StoreFile parsed, Set<String> agencies, Map<String, Set<Permission>> roles) throws IdentityStoreException {
        Map<String, Snapshot.Caller> callers = new HashMap<>();
        for (int i = 0; i < parsed.callers().size(); i++) {
            StoreFile.Caller caller = parsed.callers().get(i);
            JsonPointer at = JsonPointer.empty().appendProperty("callers").appendIndex(i);
            requireId(caller.id(), at.appendProperty("id"), "caller id");
            if (callers.containsKey(caller.id())) {
                throw error(at.appendProperty("id"), "duplicate caller '" + caller.id() + "'");
            }
            if (caller.agency() == null) {
                throw error(at, "missing field 'agency'");
            }
            if (!agencies.contains(caller.agency())) {
                throw error(at.appendProperty("agency"), "unknown agency '" + caller.agency() + "'");
            }
            Set<Permission> granted = new LinkedHashSet<>();
            for (int r = 0; r < caller.roles().size(); r++) {
                Set<Permission> rolePermissions = roles.get(caller.roles().get(r));
                if (rolePermissions == null) {
                    throw error(
                            at.appendProperty("roles").appendIndex(r),
                            "unknown role '" + caller.roles().get(r) + "'");
                }
                granted.addAll(rolePermissions);
            }
            granted.addAll(permissions(caller.permissions(), at.appendProperty("permissions")));
            callers.put(
                    caller.id(),
                    new Snapshot.Caller(caller.id(), caller.agency(), Set.copyOf(caller.roles()), Set.copyOf(granted)));
        }
        return callers;
    }

    private Map<String, Snapshot.Key> keys(StoreFile parsed, Map<String, Snapshot.Caller> callers)
            throws IdentityStoreException {
        Map<String, Snapshot.Key> keys = new HashMap<>();
        for (int i = 0; i < parsed.apiKeys().size(); i++) {
            StoreFile.Key key = parsed.apiKeys().get(i);
            JsonPointer at = JsonPointer.empty().appendProperty("apiKeys").appendIndex(i);
            if (!ApiKeys.isKeyId(key.id())) {
                throw error(at.appendProperty("id"), "key id must look like qg_ab12cd34 (qg_ and 8 of a-z0-9)");
            }
            if (keys.containsKey(key.id())) {
                throw error(at.appendProperty("id"), "duplicate key id '" + key.id() + "'");
            }
            if (key.caller() == null || !callers.containsKey(key.caller())) {
                throw error(
                        key.caller() == null ? at : at.appendProperty("caller"),
                        key.caller() == null ? "missing field 'caller'" : "unknown caller '" + key.caller() + "'");
            }
            if (key.hash() == null) {
                throw error(at, "missing field 'hash'");
            }
            var hash = parseHash(key.hash(), at.appendProperty("hash"));
            if (key.created() == null) {
                throw error(at, "missing field 'created'");
            }
            Instant created = instant(key.created(), at.appendProperty("created"));
            Instant expires = key.expires() == null ? null : instant(key.expires(), at.appendProperty("expires"));
            keys.put(
                    key.id(),
                    new Snapshot.Key(
                            key.id(), key.caller(), hash, created, expires, Boolean.TRUE.equals(key.revoked())));
        }
        return keys;
    }

    private StoredHash parseHash(String hash, JsonPointer at) throws IdentityStoreException {
        try {
            return StoredHash.parse(hash);
        } catch (IllegalArgumentException e) {
            throw error(at, e.getMessage() + "; plaintext keys are never accepted");
        }
    }

    private void certificates(
            StoreFile parsed,
            Map<String, Snapshot.Caller> callers,
            Map<String, String> bySubject,
            Map<String, String> bySan)
            throws IdentityStoreException {
        for (int i = 0; i < parsed.clientCertificates().size(); i++) {
            StoreFile.CertificateMapping mapping = parsed.clientCertificates().get(i);
            JsonPointer at =
                    JsonPointer.empty().appendProperty("clientCertificates").appendIndex(i);
            if ((mapping.subject() == null) == (mapping.san() == null)) {
                throw error(at, "give exactly one of 'subject' or 'san'");
            }
            if (mapping.caller() == null || !callers.containsKey(mapping.caller())) {
                throw error(
                        mapping.caller() == null ? at : at.appendProperty("caller"),
                        mapping.caller() == null
                                ? "missing field 'caller'"
                                : "unknown caller '" + mapping.caller() + "'");
            }
            if (mapping.subject() != null) {
                String canonical;
                try {
                    canonical = canonicalSubject(mapping.subject());
                } catch (IllegalArgumentException e) {
                    throw error(
                            at.appendProperty("subject"), "not a distinguished name (RFC 2253, e.g. CN=app,O=agency)");
                }
                if (bySubject.putIfAbsent(canonical, mapping.caller()) != null) {
                    throw error(at.appendProperty("subject"), "subject mapped twice");
                }
            } else if (bySan.putIfAbsent(mapping.san(), mapping.caller()) != null) {
                throw error(at.appendProperty("san"), "SAN mapped twice");
            }
        }
    }

    static String canonicalSubject(String dn) {
        return new X500Principal(dn).getName(X500Principal.CANONICAL);
    }

    private Instant instant(String value, JsonPointer at) throws IdentityStoreException {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw error(at, "not an ISO-8601 instant (e.g. 2027-01-01T00:00:00Z)");
        }
    }

    private void requireId(String id, JsonPointer at, String what) throws IdentityStoreException {
        if (id == null) {
            throw error(at, "missing " + what);
        }
        if (!ID.matcher(id).matches()) {
            throw error(at, what + " may hold letters, digits, '.', '_' and '-' (at most 64)");
        }
    }

    private IdentityStoreException error(JsonPointer at, String problem) {
        JsonLocation location = where.locate(at.toString());
        return new IdentityStoreException(
                file, Math.max(0, location.getLineNr()), Math.max(0, location.getColumnNr()), fieldName(at), problem);
    }

    /** {@code /callers/2/agency} → {@code callers[2].agency}. */
    static String fieldName(JsonPointer pointer) {
        StringBuilder name = new StringBuilder();
        for (JsonPointer at = pointer; at != null && !at.matches(); at = at.tail()) {
            if (at.getMatchingIndex() >= 0 && name.length() > 0) {
                name.append('[').append(at.getMatchingIndex()).append(']');
            } else {
                if (name.length() > 0) {
                    name.append('.');
                }
                name.append(at.getMatchingProperty());
            }
        }
        return name.toString();
    }
}
