package io.qorgan.gateway.audit;

import io.qorgan.gateway.config.AuditConfig;
import io.qorgan.gateway.crypto.SecretRef;
import io.qorgan.gateway.crypto.SignatureAlgorithm;
import io.qorgan.gateway.metrics.AuditMetrics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A process that writes records as fast as it can until it is killed: {@code DIR RING_FILE SIGNING_FILE}. Prints
 * {@code synced N} after each sync (from the writer thread), N the records on disk so far.
 */
public final class CrashingWriter {

    private CrashingWriter() {}

    public static void main(String[] args) throws Exception {
        AuditConfig config = new AuditConfig(
                Path.of(args[0]),
                SecretRef.parse("file:" + args[1]),
                SecretRef.parse("file:" + args[2]),
                SignatureAlgorithm.ED25519,
                Duration.ofMillis(100),
                AuditConfig.Sync.EVERY_RECORD,
                Duration.ofMillis(10),
                64 * 1024,
                Duration.ofDays(400),
                4096,
                AuditConfig.OnFull.BLOCK,
                true);
        AuditMetrics printSynced = new AuditMetrics() {
            private long synced;

            @Override
            public void written(int records) {
                synced += records;
                System.out.println("synced " + synced);
                System.out.flush();
            }
        };
        AuditTrail trail = AuditTrail.open(config, AuditKeys.resolve(config), printSynced, Clock.systemUTC());
        for (int i = 0; ; ) {
            AuditTrail.Admission a = trail.admit();
            if (!a.admitted()) {
                Thread.onSpinWait();
                continue;
            }
            a.write(AuditFixtures.exchange(i, Instant.now()));
            i++;
        }
    }
}
