package io.qorgan.gateway.audit;

import io.qorgan.gateway.config.AuditConfig;
import io.qorgan.gateway.crypto.KeyRing;
import io.qorgan.gateway.crypto.SecretRef;
import io.qorgan.gateway.crypto.SignatureAlgorithm;
import io.qorgan.gateway.crypto.SigningKeys;
import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.identity.AuthMethod;
import io.qorgan.gateway.metrics.AuditMetrics;
import io.qorgan.gateway.policy.DataClass;
import io.qorgan.gateway.protect.Operator;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Keys, settings and records for tests of the trail: real key files, real directories. */
final class AuditFixtures {

    static final SecureRandom RANDOM = new SecureRandom();

    private AuditFixtures() {}

    /** Key files in {@code keysDir}: a ring with {@code keyIds} (the last one current) and a signing key. */
    static Keys keys(Path keysDir, SignatureAlgorithm algorithm, String... keyIds) throws IOException {
        Files.createDirectories(keysDir);
        StringBuilder ring = new StringBuilder();
        for (String id : keyIds.length == 0 ? new String[] {"k1"} : keyIds) {
            ring.append(KeyRing.newEntry(id, RANDOM)).append('\n');
        }
        Path ringFile = Files.writeString(keysDir.resolve("audit-encryption.keys"), ring);
        KeyPair pair = algorithm.generate(RANDOM);
        Path signing =
                Files.writeString(keysDir.resolve("audit-signing.key"), SigningKeys.privatePem(pair.getPrivate()));
        Path publicKey =
                Files.writeString(keysDir.resolve("audit-signing.pub"), SigningKeys.publicPem(pair.getPublic()));
        return new Keys(ringFile, signing, publicKey, algorithm, KeyRing.parse(ring.toString()), pair);
    }

    /** Key files, and what they hold. */
    record Keys(
            Path ringFile,
            Path signingFile,
            Path publicFile,
            SignatureAlgorithm algorithm,
            KeyRing ring,
            KeyPair pair) {

        AuditKeys auditKeys() {
            return new AuditKeys(ring, pair, algorithm);
        }

        /** The same signing key, with {@code ringText} as the encryption key ring. */
        Keys withRing(String ringText) throws IOException {
            Files.writeString(ringFile, ringText);
            return new Keys(ringFile, signingFile, publicFile, algorithm, KeyRing.parse(ringText), pair);
        }
    }

    static AuditConfig config(Path dir, Keys keys) {
        return settings(dir, keys).build();
    }

    static Settings settings(Path dir, Keys keys) {
        return new Settings(dir, keys);
    }

    /** An {@link AuditConfig} with changes from the defaults. */
    static final class Settings {
        Path dir;
        Keys keys;
        Duration signEvery = AuditConfig.DEFAULT_SIGN_EVERY;
        AuditConfig.Sync sync = AuditConfig.Sync.INTERVAL;
        Duration syncInterval = Duration.ofMillis(50);
        long segmentMaxBytes = AuditConfig.DEFAULT_SEGMENT_MAX_BYTES;
        Duration retention = AuditConfig.DEFAULT_RETENTION;
        int queueCapacity = 1024;
        AuditConfig.OnFull onFull = AuditConfig.OnFull.BLOCK;
        boolean index = true;

        Settings(Path dir, Keys keys) {
            this.dir = dir;
            this.keys = keys;
        }

        Settings signEvery(Duration d) {
            signEvery = d;
            return this;
        }

        Settings sync(AuditConfig.Sync s) {
            sync = s;
            return this;
        }

        Settings segmentMaxBytes(long n) {
            segmentMaxBytes = n;
            return this;
        }

        Settings retention(Duration d) {
            retention = d;
            return this;
        }

        Settings queueCapacity(int n) {
            queueCapacity = n;
            return this;
        }

        Settings onFull(AuditConfig.OnFull o) {
            onFull = o;
            return this;
        }

        Settings index(boolean on) {
            index = on;
            return this;
        }

        AuditConfig build() {
            return new AuditConfig(
                    dir,
                    SecretRef.parse("file:" + keys.ringFile()),
                    SecretRef.parse("file:" + keys.signingFile()),
                    keys.algorithm(),
                    signEvery,
                    sync,
                    syncInterval,
                    segmentMaxBytes,
                    retention,
                    queueCapacity,
                    onFull,
                    index);
        }
    }

    static AuditTrail open(AuditConfig config, Clock clock) throws IOException {
        return AuditTrail.open(config, AuditKeys.resolve(config), AuditMetrics.NONE, clock);
    }

    static AuditTrail open(AuditConfig config) throws IOException {
        return open(config, Clock.systemUTC());
    }

    /** The {@code i}th of a varied stream of exchanges: agencies, verdicts, entities, rules and caches change with i. */
    static ExchangeRecord exchange(int i, Instant time) {
        AuditVerdict[] verdicts = AuditVerdict.values();
        AuditVerdict verdict = verdicts[i % verdicts.length];
        boolean blocked = verdict == AuditVerdict.BLOCKED;
        return ExchangeRecord.builder()
                .time(time)
                .requestId("req-" + i)
                .caller(i % 3 == 0 ? "health" : "egov", i % 3 == 0 ? "health-bot" : "egov-chatbot", AuthMethod.API_KEY)
                .clientAddress(InetAddress.getLoopbackAddress())
                .route("v1", i % 2 == 0 ? "openai" : "local-llm", i % 2 == 0 ? DataClass.EXTERNAL : DataClass.ONPREM)
                .model(i % 2 == 0 ? "gpt-4o-mini" : "llama3.1:8b")
                .verdict(verdict)
                .rules(blocked ? List.of("dsp-external") : List.of(), i % 4 == 0 ? List.of("shadow-iin") : List.of())
                .entities(Map.of(
                        EntityType.IIN,
                        new EntityCount(1 + i % 3, blocked ? null : Operator.PLACEHOLDER),
                        EntityType.PERSON,
                        new EntityCount(2, blocked ? null : Operator.PLACEHOLDER)))
                .answerEntities(i % 5 == 0 ? Map.of(EntityType.PHONE, 1) : Map.of())
                .policyVersion("sha256-0123abcd")
                .cache(CacheOutcome.values()[i % CacheOutcome.values().length])
                .status(
                        blocked ? 403 : verdict == AuditVerdict.FAILED ? 502 : 200,
                        blocked ? "dsp-external" : verdict == AuditVerdict.FAILED ? "upstream_timeout" : null)
                .bytes(2048 + i, 512 + i)
                .times(new ExchangeTimes(1500 + i, 120, blocked ? -1 : 900, blocked ? -1 : 1300))
                .build();
    }
}
