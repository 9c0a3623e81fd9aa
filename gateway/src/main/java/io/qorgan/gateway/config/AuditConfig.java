package io.qorgan.gateway.config;

import io.qorgan.gateway.crypto.SecretRef;
import io.qorgan.gateway.crypto.SignatureAlgorithm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The audit trail: where it lives, its keys, how often it is synced and signed, how segments roll and how long
 * they are kept, and what happens when the writer cannot keep up.
 *
 * @param directory the trail's directory (segments and index), or null when there is no trail
 * @param encryptionKey the key ring that encrypts records ({@code ID:BASE64} lines; the last one encrypts)
 * @param signingKey the PKCS#8 PEM private key that signs chain heads
 * @param signature the signature algorithm, which the signing key must be a key of
 * @param signEvery how often the chain head is signed while records come in (and always when a segment closes)
 * @param sync {@link Sync#EVERY_RECORD}: every batch the writer takes is on disk before it takes the next;
 *     {@link Sync#INTERVAL}: written data is synced every {@code syncInterval}
 * @param syncInterval see {@code sync}
 * @param segmentMaxBytes a segment is closed and a new one started past this size (and at each new UTC day)
 * @param retention whole segments older than this are deleted, and the deletion recorded in the chain
 * @param queueCapacity records that may wait for the writer
 * @param onFull {@link OnFull#BLOCK}: no room, no exchange (503 {@code audit_unavailable}); {@link OnFull#DROP}:
 *     the exchange goes on and the record is counted and recorded as part of a gap
 * @param index whether a Lucene index for search is kept beside the segments
 */
public record AuditConfig(
        Path directory,
        SecretRef encryptionKey,
        SecretRef signingKey,
        SignatureAlgorithm signature,
        Duration signEvery,
        Sync sync,
        Duration syncInterval,
        long segmentMaxBytes,
        Duration retention,
        int queueCapacity,
        OnFull onFull,
        boolean index) {

    /** When written records reach the disk. */
    public enum Sync {
        EVERY_RECORD("every-record"),
        INTERVAL("interval");

        private final String configName;

        Sync(String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }
    }

    /** What a full queue does to the exchange that finds it full. */
    public enum OnFull {
        BLOCK,
        DROP
    }

    public static final Duration DEFAULT_SIGN_EVERY = Duration.ofSeconds(10);
    public static final Duration DEFAULT_SYNC_INTERVAL = Duration.ofMillis(200);
    public static final long DEFAULT_SEGMENT_MAX_BYTES = 64L * 1024 * 1024;
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(400);
    public static final int DEFAULT_QUEUE_CAPACITY = 65536;

    public AuditConfig {
        if (directory != null) {
            Objects.requireNonNull(encryptionKey, "encryptionKey");
            Objects.requireNonNull(signingKey, "signingKey");
            Objects.requireNonNull(signature, "signature");
            Objects.requireNonNull(signEvery, "signEvery");
            Objects.requireNonNull(sync, "sync");
            Objects.requireNonNull(syncInterval, "syncInterval");
            Objects.requireNonNull(retention, "retention");
            Objects.requireNonNull(onFull, "onFull");
        }
    }

    /** No audit trail. */
    public static AuditConfig none() {
        return defaults(null, null, null);
    }

    /** A trail in {@code directory} with every other setting at its default. */
    public static AuditConfig defaults(Path directory, SecretRef encryptionKey, SecretRef signingKey) {
        return new AuditConfig(
                directory,
                encryptionKey,
                signingKey,
                SignatureAlgorithm.ED25519,
                DEFAULT_SIGN_EVERY,
                Sync.INTERVAL,
                DEFAULT_SYNC_INTERVAL,
                DEFAULT_SEGMENT_MAX_BYTES,
                DEFAULT_RETENTION,
                DEFAULT_QUEUE_CAPACITY,
                OnFull.BLOCK,
                true);
    }

    public boolean enabled() {
        return directory != null;
    }
}
