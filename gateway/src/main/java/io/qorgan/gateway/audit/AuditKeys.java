package io.qorgan.gateway.audit;

import io.qorgan.gateway.config.AuditConfig;
import io.qorgan.gateway.crypto.KeyRing;
import io.qorgan.gateway.crypto.SignatureAlgorithm;
import io.qorgan.gateway.crypto.SigningKeys;
import java.io.IOException;
import java.security.KeyPair;
import java.util.Objects;

/**
 * The keys a trail is written with: the encryption key ring (the last key encrypts new records; all of them read old
 * ones) and the signing key pair. {@code toString} shows key ids and the algorithm, never a key.
 */
public record AuditKeys(KeyRing encryption, KeyPair signing, SignatureAlgorithm algorithm) {

    public AuditKeys {
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(signing, "signing");
        Objects.requireNonNull(algorithm, "algorithm");
        SignatureAlgorithm actual = SignatureAlgorithm.ofKey(signing.getPrivate())
                .orElseThrow(() -> new IllegalArgumentException("the signing key is of no supported algorithm"));
        if (actual != algorithm) {
            throw new IllegalArgumentException("the signing key is a " + actual.configName() + " key, but the trail is "
                    + "to be signed with " + algorithm.configName());
        }
    }

    /**
     * Reads the keys the configuration names (files, environment variables). Blocking: call it at start.
     *
     * @throws IOException naming the setting and the reference, never a key's content
     */
    public static AuditKeys resolve(AuditConfig config) throws IOException {
        KeyRing ring;
        try {
            ring = KeyRing.parse(config.encryptionKey().resolve());
        } catch (IllegalArgumentException e) {
            throw new IOException("audit.encryptionKey (" + config.encryptionKey() + "): " + e.getMessage());
        } catch (IOException e) {
            throw new IOException("audit.encryptionKey: " + e.getMessage());
        }
        KeyPair pair;
        try {
            pair = SigningKeys.readPrivate(config.signingKey().resolve());
        } catch (IOException e) {
            throw new IOException("audit.signingKey (" + config.signingKey() + "): " + e.getMessage());
        }
        try {
            return new AuditKeys(ring, pair, config.signature());
        } catch (IllegalArgumentException e) {
            throw new IOException("audit.signingKey (" + config.signingKey() + "): " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "AuditKeys[" + encryption + ", " + algorithm.configName() + "]";
    }
}
