package io.qorgan.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.apache.shiro.crypto.hash.DefaultHashService;
import org.apache.shiro.crypto.hash.Hash;
import org.apache.shiro.crypto.hash.HashRequest;
import org.apache.shiro.crypto.hash.format.Shiro2CryptFormat;
import org.apache.shiro.lang.util.SimpleByteSource;

/**
 * An Argon2id hash in Shiro's crypt format, {@code $shiro2$argon2id$v=19$t=2,m=19456,p=1$SALT$HASH},
 * computed by Shiro's {@link DefaultHashService} (Bouncy Castle's Argon2 underneath).
 *
 * <p>Verification recomputes with the stored salt and cost and compares in constant time
 * ({@link MessageDigest#isEqual}); Shiro's own {@code matchesPassword} uses {@code equals}.
 * {@code toString} shows the cost only.
 */
record StoredHash(int version, int iterations, int memoryKib, int parallelism, byte[] salt, byte[] hash) {

    private static final DefaultHashService HASHES = new DefaultHashService();
    private static final Shiro2CryptFormat FORMAT = new Shiro2CryptFormat();

    /** Computes the hash of {@code key}. Blocking: runs Argon2. */
    static String compute(String key, byte[] salt, ApiKeys.HashCost cost) {
        Hash hash = HASHES.computeHash(
                request(key, 19, cost.iterations(), cost.memoryKib(), cost.parallelism(), salt, 256));
        return FORMAT.format(hash);
    }

    /** Parses and checks a crypt string; throws IllegalArgumentException without echoing it. */
    static StoredHash parse(String crypt) {
        String[] parts = crypt.split("\\$");
        if (parts.length != 7
                || !parts[0].isEmpty()
                || !parts[1].equals("shiro2")
                || !parts[2].equals("argon2id")
                || !parts[3].startsWith("v=")) {
            throw new IllegalArgumentException("not an Argon2id hash in Shiro crypt format ($shiro2$argon2id$...)");
        }
        try {
            FORMAT.parse(crypt); // Shiro's own validation of the same string
            int version = Integer.parseInt(parts[3].substring(2));
            int iterations = -1;
            int memory = -1;
            int parallelism = -1;
            for (String parameter : parts[4].split(",")) {
                String[] kv = parameter.split("=", 2);
                int value = Integer.parseInt(kv[1]);
                switch (kv[0]) {
                    case "t" -> iterations = value;
                    case "m" -> memory = value;
                    case "p" -> parallelism = value;
                    default -> throw new IllegalArgumentException("unknown Argon2 parameter");
                }
            }
            byte[] salt = Base64.getDecoder().decode(parts[5]);
            byte[] hash = Base64.getDecoder().decode(parts[6]);
            if (iterations < 1 || memory < 8 || parallelism < 1 || salt.length < 8 || hash.length < 16) {
                throw new IllegalArgumentException("Argon2 parameters out of range");
            }
            return new StoredHash(version, iterations, memory, parallelism, salt, hash);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an Argon2id hash in Shiro crypt format ($shiro2$argon2id$...)");
        }
    }

    /** True if {@code key} hashes to this. Blocking: runs Argon2 at the stored cost. */
    boolean matches(String key) {
        Hash candidate =
                HASHES.computeHash(request(key, version, iterations, memoryKib, parallelism, salt, hash.length * 8));
        return MessageDigest.isEqual(candidate.getBytes(), hash);
    }

    private static HashRequest request(
            String key, int version, int iterations, int memoryKib, int parallelism, byte[] salt, int outputBits) {
        // Shiro's Argon2 provider reads its parameters as strings.
        return new HashRequest.Builder()
                .setAlgorithmName("argon2id")
                .setSource(new SimpleByteSource(key.getBytes(StandardCharsets.UTF_8)))
                .addParameter("Argon2.version", Integer.toString(version))
                .addParameter("Argon2.salt", Base64.getEncoder().encodeToString(salt))
                .addParameter("Argon2.iterations", Integer.toString(iterations))
                .addParameter("Argon2.memoryKib", Integer.toString(memoryKib))
                .addParameter("Argon2.parallelism", Integer.toString(parallelism))
                .addParameter("Argon2.outputLength", Integer.toString(outputBits))
                .build();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredHash that
                && MessageDigest.isEqual(hash, that.hash)
                && MessageDigest.isEqual(salt, that.salt);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return "StoredHash[argon2id t=" + iterations + ",m=" + memoryKib + ",p=" + parallelism + "]";
    }
}
