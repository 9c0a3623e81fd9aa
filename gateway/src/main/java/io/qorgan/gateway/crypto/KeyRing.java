package io.qorgan.gateway.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Named AES-256 keys, so keys can rotate: the last key of the ring encrypts what is written now, and every key
 * stays to decrypt what was written under it.
 *
 * <p>Text form, as {@code qorgan audit keygen} writes it and a {@link SecretRef} resolves it: one key per line (or
 * separated by commas or spaces, for an environment variable), {@code ID:BASE64}, where ID is letters, digits,
 * {@code _}, {@code .} or {@code -}; lines starting with {@code #} are comments. {@code toString} names the ids,
 * never a key.
 */
public final class KeyRing {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

    private final Map<String, byte[]> keys;
    private final String currentId;

    private KeyRing(Map<String, byte[]> keys, String currentId) {
        this.keys = keys;
        this.currentId = currentId;
    }

    /**
     * Parses the text form.
     *
     * @throws IllegalArgumentException naming the entry's position (never its content) when an entry is malformed,
     *     an id repeats, a key is not 32 bytes, or there is no key
     */
    public static KeyRing parse(String text) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        String current = null;
        int entry = 0;
        for (String line : text.split("\n")) {
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            for (String item : SEPARATORS.split(content)) {
                entry++;
                int colon = item.indexOf(':');
                if (colon < 0 || !ID.matcher(item.substring(0, colon)).matches()) {
                    throw new IllegalArgumentException("key " + entry + " is not ID:BASE64");
                }
                String id = item.substring(0, colon);
                byte[] key;
                try {
                    key = Base64.getDecoder().decode(item.substring(colon + 1));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("key " + entry + " (" + id + ") is not valid base64");
                }
                if (key.length != AesGcm.KEY_BYTES) {
                    throw new IllegalArgumentException(
                            "key " + entry + " (" + id + ") has " + key.length + " bytes; AES-256 needs 32");
                }
                if (keys.put(id, key) != null) {
                    throw new IllegalArgumentException("key id " + id + " appears twice");
                }
                current = id;
            }
        }
        if (current == null) {
            throw new IllegalArgumentException("no key: expected lines of ID:BASE64");
        }
        return new KeyRing(Map.copyOf(keys), current);
    }

    /** One line of the text form with a fresh random key. */
    public static String newEntry(String id, SecureRandom random) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a key id is 1 to 64 letters, digits, `_`, `.` or `-`");
        }
        byte[] key = new byte[AesGcm.KEY_BYTES];
        random.nextBytes(key);
        return id + ":" + Base64.getEncoder().encodeToString(key);
    }

    /** The id of the key new data is encrypted under. */
    public String currentId() {
        return currentId;
    }

    public byte[] current() {
        return keys.get(currentId).clone();
    }

    public Optional<byte[]> key(String id) {
        byte[] key = keys.get(id);
        return key == null ? Optional.empty() : Optional.of(key.clone());
    }

    public boolean contains(String id) {
        return keys.containsKey(id);
    }

    @Override
    public String toString() {
        return "KeyRing" + keys.keySet() + " current " + currentId;
    }
}
