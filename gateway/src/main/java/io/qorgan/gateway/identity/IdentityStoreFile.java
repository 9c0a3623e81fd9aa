package io.qorgan.gateway.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
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
 * <p>Edits change the file's text only where they must: a new entry is inserted as new lines after
 * the last entry of its list or mapping, a changed value is replaced where it stands. Everything
 * else stays byte for byte: comments (a header, a comment above an entry, an end-of-line comment),
 * blank lines, quoting, flow lists such as {@code roles: [chat-user]}, and every field the edit does
 * not touch, known or not. New content is laid out as the store's writer always did (block style,
 * lists indented with their indicator, minimal quotes). Only when an entry must be added inside a
 * flow collection ({@code apiKeys: []}, {@code roles: {}}) is that one collection rewritten in block
 * style; a comment inside its brackets is then lost, one after them is kept.
 *
 * <p>How: the file is read twice, as a Jackson tree that the edit changes, and as text that
 * SnakeYAML composes into nodes carrying their start and end positions, which say where to insert
 * or replace. Before writing, the new text must read back as the edited tree and pass the checks of
 * a reload; otherwise nothing is written. It is written beside the file then renamed over it, so a
 * watching gateway never reads half a file; an existing file's POSIX permissions are kept, a new
 * one is owner-only. Blocking file I/O; for the CLI, not the request path. Edits are serialised by
 * a {@link StoreLock} held from reading to renaming, so each edit starts from the one before it, even from another
 * process; the new file and its directory are forced to the disk, so a power cut leaves the old store or the new one.
 */
public final class IdentityStoreFile {

    /** A key as listed: no secret, no hash. */
    public record KeyListing(
            String id, String caller, String agency, Instant created, Instant expires, boolean revoked) {}

    /** What {@link #createKey} did. {@code toString} masks the key. */
    public record CreatedKey(
            ApiKeys.NewApiKey key, boolean agencyCreated, boolean callerCreated, List<String> rolesCreated) {}

    /** How long an edit waits for others to finish; each holds the lock for a read and a write, keys are hashed before. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(60);

    private IdentityStoreFile() {}

    /**
     * Generates a key for {@code caller} of {@code agency} and stores its hash. A missing agency or
     * caller is created, the caller with {@code roles}; roles not yet defined are added with no
     * permissions (the result names them). For an existing caller, {@code roles} must be empty or
     * equal to its roles: this command never changes what a caller may do.
     *
     * @throws IllegalArgumentException for a request that contradicts the file (message for the user)
     * @throws IdentityStoreException if the existing file is invalid
     */
    public static CreatedKey createKey(
            Path file, String agency, String caller, List<String> roles, Instant expires, ApiKeys keys, Clock clock)
            throws IOException {
        ApiKeys.NewApiKey fresh = keys.generate(); // hashing is slow: not while others wait for the lock
        try (StoreLock lock = StoreLock.acquire(file, LOCK_WAIT)) {
            return createKeyLocked(file, agency, caller, roles, expires, keys, fresh, clock);
        }
    }

    private static CreatedKey createKeyLocked(
            Path file,
            String agency,
            String caller,
            List<String> roles,
            Instant expires,
            ApiKeys keys,
            ApiKeys.NewApiKey fresh,
            Clock clock)
            throws IOException {
        StoreTextEdit edit = StoreTextEdit.open(file);
        ObjectNode root = edit.tree();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (expires != null && !expires.isAfter(now)) {
            throw new IllegalArgumentException("--expires must be in the future");
        }
        boolean agencyCreated = indexOf(root.get("agencies"), "id", agency) < 0;
        if (agencyCreated) {
            edit.append("agencies", JsonNodeFactory.instance.objectNode().put("id", agency));
        }
        if (!root.path("roles").isObject()) {
            edit.put(List.of(), "roles", JsonNodeFactory.instance.objectNode());
        }
        List<String> rolesCreated = new ArrayList<>();
        int existing = indexOf(root.get("callers"), "id", caller);
        boolean callerCreated = existing < 0;
        if (!callerCreated) {
            JsonNode found = root.get("callers").get(existing);
            String itsAgency = found.path("agency").asText();
            if (!itsAgency.equals(agency)) {
                throw new IllegalArgumentException(
                        "caller " + caller + " belongs to agency " + itsAgency + ", not " + agency);
            }
            Set<String> itsRoles = new LinkedHashSet<>();
            found.path("roles").forEach(r -> itsRoles.add(r.asText()));
            if (!roles.isEmpty() && !itsRoles.equals(new LinkedHashSet<>(roles))) {
                throw new IllegalArgumentException("caller " + caller + " exists with roles " + itsRoles
                        + "; change roles in the store file, not with keys create");
            }
        } else {
            ObjectNode created =
                    JsonNodeFactory.instance.objectNode().put("id", caller).put("agency", agency);
            ArrayNode roleList = created.putArray("roles");
            roles.forEach(roleList::add);
            edit.append("callers", created);
            for (String role : roles) {
                if (!root.get("roles").has(role)) {
                    edit.put(List.of("roles"), role, JsonNodeFactory.instance.arrayNode());
                    rolesCreated.add(role);
                }
            }
        }
        Set<String> taken = new LinkedHashSet<>();
        root.path("apiKeys").forEach(k -> taken.add(k.path("id").asText()));
        ApiKeys.NewApiKey key = fresh;
        for (int attempt = 0; taken.contains(key.id()); attempt++) {
            if (attempt == 5) {
                throw new IllegalStateException("could not find a free key id");
            }
            key = keys.generate();
        }
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("id", key.id()).put("caller", caller).put("hash", key.hash()).put("created", now.toString());
        if (expires != null) {
            entry.put("expires", expires.toString());
        }
        entry.put("revoked", false);
        edit.append("apiKeys", entry);
        write(file, edit.content());
        return new CreatedKey(key, agencyCreated, callerCreated, List.copyOf(rolesCreated));
    }

    /** Every key of the file, in file order. */
    public static List<KeyListing> listKeys(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        Snapshot snapshot = StoreLoader.load(file, content, 0);
        List<KeyListing> listing = new ArrayList<>();
        JsonNode root = content.length == 0 ? null : StoreLoader.MAPPER.readTree(content);
        for (JsonNode node : root == null ? JsonNodeFactory.instance.arrayNode() : root.path("apiKeys")) {
            Snapshot.Key key = snapshot.keys().get(node.path("id").asText());
            listing.add(new KeyListing(
                    key.id(),
                    key.caller(),
                    snapshot.callers().get(key.caller()).agency(),
                    key.created(),
                    key.expires(),
                    key.revoked()));
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
        try (StoreLock lock = StoreLock.acquire(file, LOCK_WAIT)) {
            return revokeKeyLocked(file, keyId);
        }
    }

    private static boolean revokeKeyLocked(Path file, String keyId) throws IOException {
        StoreTextEdit edit = StoreTextEdit.open(file);
        JsonNode apiKeys = edit.tree().get("apiKeys");
        int index = indexOf(apiKeys, "id", keyId);
        if (index < 0) {
            throw new IllegalArgumentException("no API key " + keyId + " in " + file);
        }
        if (apiKeys.get(index).path("revoked").asBoolean(false)) {
            return false;
        }
        edit.put(List.of("apiKeys", index), "revoked", BooleanNode.TRUE);
        write(file, edit.content());
        return true;
    }

    /** Index of the first mapping in {@code array} whose {@code field} is {@code value}; -1 if none. */
    private static int indexOf(JsonNode array, String field, String value) {
        if (array instanceof ArrayNode) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i) instanceof ObjectNode object
                        && value.equals(object.path(field).asText(null))) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * Writes the new content beside the file, forces it to the disk, renames it over the file and forces the directory,
     * so that after a power cut the store is either the old one or the new one, whole.
     */
    private static void write(Path file, byte[] content) throws IOException {
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
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(absolute.getParent());
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Makes the rename durable. Some platforms (Windows) cannot open a directory; there the rename is as durable as it gets. */
    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // not possible here; the file itself was forced before the rename
        }
    }
}
