package io.qorgan.gateway.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * API keys: their format, generation and Argon2id hashing.
 *
 * <p>A key reads {@code qg_<id>_<secret>}: {@code id} is 8 characters of {@code [a-z0-9]}, public,
 * shown in listings as {@code qg_<id>} and used to find the one hash to check (no scan over all
 * hashes); {@code secret} is 32 random bytes in unpadded base64url (43 characters). The store keeps
 * only the Argon2id hash of the whole key, in Shiro's crypt format
 * ({@code $shiro2$argon2id$v=19$t=..,m=..,p=..$salt$hash}). Generation uses the injected
 * {@link SecureRandom}. Hashing and {@link #verify} are deliberately slow (tens of milliseconds):
 * never call them on an event loop.
 */
public final class ApiKeys {

    static final String PREFIX = "qg_";
    static final int ID_LENGTH = 8;
    static final int SECRET_BYTES = 32;
    private static final int SECRET_LENGTH = 43; // base64url of 32 bytes, no padding
    private static final int KEY_LENGTH = PREFIX.length() + ID_LENGTH + 1 + SECRET_LENGTH;
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    /**
     * Argon2id cost. {@link #RECOMMENDED} follows the OWASP minimum (19 MiB, 2 passes, 1 lane);
     * tests use {@link #FAST_FOR_TESTS}. The parameters travel inside each hash, so a cost change
     * applies to new keys while old ones keep verifying.
     */
    public record HashCost(int iterations, int memoryKib, int parallelism) {
        public static final HashCost RECOMMENDED = new HashCost(2, 19 * 1024, 1);
        public static final HashCost FAST_FOR_TESTS = new HashCost(1, 256, 1);

        public HashCost {
            if (iterations < 1 || memoryKib < 8 * parallelism || parallelism < 1) {
                throw new IllegalArgumentException("invalid Argon2 cost");
            }
        }
    }

    /** The parts of a well-formed presented key. {@code toString} hides the secret. */
    record Parsed(String id, String key) {
        @Override
        public String toString() {
            return "Parsed[" + id + ", ****]";
        }
    }

    /**
     * A newly made key: {@link #key()} is shown to the user once and then forgotten; only
     * {@link #hash()} is stored. {@code toString} masks the key.
     */
    public record NewApiKey(String id, String key, String hash) {
        @Override
        public String toString() {
            return "NewApiKey[" + id + ", ****]";
        }
    }

    private final SecureRandom random;
    private final HashCost cost;

    public ApiKeys(SecureRandom random, HashCost cost) {
        this.random = Objects.requireNonNull(random, "random");
        this.cost = Objects.requireNonNull(cost, "cost");
    }

    /** A fresh key and its hash. Blocking (hashes). */
    public NewApiKey generate() {
        StringBuilder id = new StringBuilder(PREFIX);
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
        }
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String key = id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new NewApiKey(id.toString(), key, hash(key));
    }

    /** Argon2id hash of a presented key in Shiro's crypt format. Blocking. */
    public String hash(String key) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return StoredHash.compute(key, salt, cost);
    }

    /** The id and key if {@code presented} has the key format; empty otherwise. Cheap. */
    static Optional<Parsed> parse(String presented) {
        if (presented == null || presented.length() != KEY_LENGTH || !isKeyAt(presented, 0)) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(presented.substring(0, PREFIX.length() + ID_LENGTH), presented));
    }

    /**
     * Whether a gateway key stands anywhere in {@code text}, for keeping the gateway's own credentials from an
     * upstream: a header value that quotes one, in whatever words around it. Cheap, allocates nothing.
     */
    public static boolean appearsIn(CharSequence text) {
        for (int i = 0; i + KEY_LENGTH <= text.length(); i++) {
            if (isKeyAt(text, i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the {@link #KEY_LENGTH} chars from {@code at} have the key format; the caller checks there are as many. */
    private static boolean isKeyAt(CharSequence s, int at) {
        for (int i = 0; i < PREFIX.length(); i++) {
            if (s.charAt(at + i) != PREFIX.charAt(i)) {
                return false;
            }
        }
        if (s.charAt(at + PREFIX.length() + ID_LENGTH) != '_') {
            return false;
        }
        for (int i = at + PREFIX.length(); i < at + PREFIX.length() + ID_LENGTH; i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        for (int i = at + PREFIX.length() + ID_LENGTH + 1; i < at + KEY_LENGTH; i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** True for a public key id such as {@code qg_ab12cd34}. */
    public static boolean isKeyId(String id) {
        return id != null && id.matches("qg_[a-z0-9]{8}");
    }
}
