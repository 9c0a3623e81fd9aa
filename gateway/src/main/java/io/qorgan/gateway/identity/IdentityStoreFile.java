package io.qorgan.gateway.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Edits the identity store file for {@code qorgan keys}: add a key (creating its agency, caller and
 * roles when missing), list keys, revoke a key.
 *
 * <p>Edits go through Jackson's tree model, so every field the edit does not touch, known or not,
 * is kept; YAML comments are not. The edited content is validated like a reload would before it is
 * written, and written beside the file then renamed over it, so a watching gateway never reads half
 * a file; an existing file's POSIX permissions are kept, a new one is owner-only. Blocking file I/O;
 * for the CLI, not the request path. Not safe against two editors at once.
 */
public final class IdentityStoreFile {

    /** A key as listed: no secret, no hash. */
    public record KeyListing(String id, String caller, String agency, Instant created, Instant expires, boolean revoked) {
    }

    /** What {@link #createKey} did. {@code toString} masks the key. */
    public record CreatedKey(ApiKeys.NewApiKey key, boolean agencyCreated, boolean callerCreated,
            List<String> rolesCreated) {
    }

    private static final YAMLMapper WRITER = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private IdentityStoreFile() {
    }

    /**
     * Generates a key for {@code caller} of {@code agency} and stores its hash. A missing agency or
     * caller is created, the caller with {@code roles}; roles not yet defined are added with no
     * permissions (the result names them). For an existing caller, {@code roles} must be empty or
     * equal to its roles: this command never changes what a caller may do.
     *
     * @throws IllegalArgumentException for a request that contradicts the file (message for the user)
     * @throws IdentityStoreException if the existing file is invalid
     */
    public static CreatedKey createKey(Path file, String agency, String caller, List<String> roles, Instant expires,
            ApiKeys keys, Clock clock) throws IOException {
        ObjectNode root = read(file);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (expires != null && !expires.isAfter(now)) {
            throw new IllegalArgumentException("--expires must be in the future");
        }
        boolean agencyCreated = false;
        ArrayNode agencies = array(root, "agencies");
        if (find(agencies, "id", agency) == null) {
            agencies.addObject().put("id", agency);
            agencyCreated = true;
        }
        List<String> rolesCreated = new ArrayList<>();
        ObjectNode roleMap = root.has("roles") && root.get("roles").isObject()
                ? (ObjectNode) root.get("roles") : root.putObject("roles");
        ArrayNode callers = array(root, "callers");
        ObjectNode existing = find(callers, "id", caller);
        boolean callerCreated = existing == null;
        if (existing != null) {
            String itsAgency = existing.path("agency").asText();
            if (!itsAgency.equals(agency)) {
                throw new IllegalArgumentException("caller " + caller + " belongs to agency " + itsAgency + ", not " + agency);
            }
            Set<String> itsRoles = new LinkedHashSet<>();
            existing.path("roles").forEach(r -> itsRoles.add(r.asText()));
            if (!roles.isEmpty() && !itsRoles.equals(new LinkedHashSet<>(roles))) {
                throw new IllegalArgumentException("caller " + caller + " exists with roles " + itsRoles
                        + "; change roles in the store file, not with keys create");
            }
        } else {
            ObjectNode created = callers.addObject();
            created.put("id", caller).put("agency", agency);
            ArrayNode roleList = created.putArray("roles");
            for (String role : roles) {
                roleList.add(role);
                if (!roleMap.has(role)) {
                    roleMap.putArray(role);
                    rolesCreated.add(role);
                }
            }
        }
        Set<String> taken = new LinkedHashSet<>();
        array(root, "apiKeys").forEach(k -> taken.add(k.path("id").asText()));
        ApiKeys.NewApiKey key = keys.generate();
        for (int attempt = 0; taken.contains(key.id()); attempt++) {
            if (attempt == 5) {
                throw new IllegalStateException("could not find a free key id");
            }
            key = keys.generate();
        }
        ObjectNode entry = array(root, "apiKeys").addObject();
        entry.put("id", key.id()).put("caller", caller).put("hash", key.hash()).put("created", now.toString());
        if (expires != null) {
            entry.put("expires", expires.toString());
        }
        entry.put("revoked", false);
        write(file, root);
        return new CreatedKey(key, agencyCreated, callerCreated, List.copyOf(rolesCreated));
    }

    /** Every key of the file, in file order. */
    public static List<KeyListing> listKeys(Path file) throws IOException {
        Snapshot snapshot = StoreLoader.load(file, Files.readAllBytes(file), 0);
        List<KeyListing> listing = new ArrayList<>();
        for (JsonNode node : array(read(file), "apiKeys")) {
            Snapshot.Key key = snapshot.keys().get(node.path("id").asText());
            listing.add(new KeyListing(key.id(), key.caller(), snapshot.callers().get(key.caller()).agency(),
                    key.created(), key.expires(), key.revoked()));
        }
        return listing;
    }

    /**
     * Marks a key revoked (it stays listed, so its id is never reused by mistake).
     *
     * @return false if it was already revoked
     * @throws IllegalArgumentException if the file has no such key
     */
    public static boolean revokeKey(Path file, String keyId) throws IOException {
        ObjectNode root = read(file);
        ObjectNode key = find(array(root, "apiKeys"), "id", keyId);
        if (key == null) {
            throw new IllegalArgumentException("no API key " + keyId + " in " + file);
        }
        if (key.path("revoked").asBoolean(false)) {
            return false;
        }
        key.put("revoked", true);
        write(file, root);
        return true;
    }

    private static ObjectNode read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return JsonNodeFactory.instance.objectNode();
        }
        byte[] content = Files.readAllBytes(file);
        StoreLoader.load(file, content, 0); // refuse to build on an invalid file
        JsonNode root = content.length == 0 ? null : StoreLoader.MAPPER.readTree(content);
        return root instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    }

    private static ArrayNode array(ObjectNode root, String field) {
        JsonNode node = root.get(field);
        return node instanceof ArrayNode array ? array : root.putArray(field);
    }

    private static ObjectNode find(ArrayNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node instanceof ObjectNode object && value.equals(object.path(field).asText(null))) {
                return object;
            }
        }
        return null;
    }

    private static void write(Path file, ObjectNode root) throws IOException {
        byte[] content = WRITER.writeValueAsBytes(root);
        StoreLoader.load(file, content, 0); // never write what a reload would refuse
        Path absolute = file.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rw-------");
            if (Files.exists(absolute)) {
                try {
                    permissions = Files.getPosixFilePermissions(absolute);
                } catch (UnsupportedOperationException e) {
                    permissions = null;
                }
            }
            if (permissions != null) {
                try {
                    Files.setPosixFilePermissions(temporary, permissions);
                } catch (UnsupportedOperationException e) {
                    // not POSIX: inherited ACLs apply
                }
            }
            Files.write(temporary, content);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
