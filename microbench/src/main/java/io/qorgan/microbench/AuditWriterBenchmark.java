package io.qorgan.microbench;

import com.sun.management.OperatingSystemMXBean;
import io.qorgan.gateway.audit.AuditKeys;
import io.qorgan.gateway.audit.AuditTrail;
import io.qorgan.gateway.audit.AuditVerdict;
import io.qorgan.gateway.audit.CacheOutcome;
import io.qorgan.gateway.audit.EntityCount;
import io.qorgan.gateway.audit.ExchangeRecord;
import io.qorgan.gateway.audit.ExchangeTimes;
import io.qorgan.gateway.config.AuditConfig;
import io.qorgan.gateway.crypto.KeyRing;
import io.qorgan.gateway.crypto.SecretRef;
import io.qorgan.gateway.crypto.SignatureAlgorithm;
import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.identity.AuthMethod;
import io.qorgan.gateway.metrics.AuditMetrics;
import io.qorgan.gateway.policy.DataClass;
import io.qorgan.gateway.protect.Operator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The audit writer alone, on a real file system: one producer hands exchange records (each its own, as in a gateway:
 * request ids, times, sizes; agencies, callers, models and verdicts from small sets) to the trail as fast as the
 * trail admits them (parking briefly when it is full), so in steady state the producer runs at the writer's pace (the queue is small, 4096, so a full
 * queue distorts an iteration by well under a second of records). Every record is serialised, sealed with
 * AES-256-GCM, chained, written, indexed (when {@code index}), the chain head signed with Ed25519 every second, and
 * synced per {@code sync}: {@code interval} (every 200 ms) or {@code every-record} (each batch the writer takes is
 * synced before the next: group commit). At the end it prints how many records the writer synced, the writer
 * thread's CPU time per record (its cost, whatever else a shared machine runs) and the bytes on disk per record.
 *
 * <pre>
 * ./mvnw -q -B -pl microbench -am package -DskipTests
 * java -jar microbench/target/benchmarks.jar AuditWriterBenchmark -f 1 -wi 2 -w 5 -i 3 -r 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class AuditWriterBenchmark {

    @Param({"interval", "every-record"})
    public String sync;

    @Param({"true", "false"})
    public boolean index;

    private Path dir;
    private AuditTrail trail;
    private final AtomicLong synced = new AtomicLong();
    private static final String[] AGENCIES = {"agency-health", "agency-justice", "agency-tax", "agency-labour"};
    private static final String[] MODELS = {"gpt-4o-mini", "gpt-4o", "llama3.1:70b"};
    private static final AuditVerdict[] VERDICTS = {
        AuditVerdict.FORWARDED,
        AuditVerdict.FORWARDED,
        AuditVerdict.FORWARDED,
        AuditVerdict.SHADOW_WOULD_BLOCK,
        AuditVerdict.BLOCKED,
        AuditVerdict.FAILED
    };
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private final InetAddress[] clients = new InetAddress[64];
    private long sent;

    /**
     * The {@code n}th exchange: every record differs, as in a gateway (its own request id, time, sizes and times;
     * agencies, callers, clients, models and verdicts from small sets), so the index pays for new terms and points
     * as it does in production, not for one document repeated.
     */
    private ExchangeRecord record(long n) {
        int i = (int) n;
        AuditVerdict verdict = VERDICTS[i % VERDICTS.length];
        return ExchangeRecord.builder()
                .time(START.plusMillis(n / 4))
                .requestId(Long.toHexString(0x5eed_0000_0000_0000L ^ (n * 0x9E3779B97F4A7C15L)) + "-" + n)
                .caller(AGENCIES[i & 3], "caller-" + (i % 29), AuthMethod.API_KEY)
                .clientAddress(clients[i & 63])
                .route("v1", i % 7 == 0 ? "ollama" : "openai", i % 7 == 0 ? DataClass.ONPREM : DataClass.EXTERNAL)
                .model(MODELS[i % 3])
                .verdict(verdict)
                .rules(
                        verdict == AuditVerdict.BLOCKED ? List.of("dsp-never-external") : List.of(),
                        verdict == AuditVerdict.SHADOW_WOULD_BLOCK ? List.of("shadow-iin-external") : List.of())
                .entities(Map.of(
                        EntityType.PERSON, new EntityCount(1 + i % 6, Operator.PLACEHOLDER),
                        EntityType.IIN, new EntityCount(1 + i % 3, Operator.PLACEHOLDER),
                        EntityType.PHONE, new EntityCount(i % 2, Operator.MASK),
                        EntityType.EMAIL, new EntityCount(2, Operator.PLACEHOLDER),
                        EntityType.ADDRESS, new EntityCount(1, Operator.REDACT)))
                .answerEntities(i % 5 == 0 ? Map.of(EntityType.PHONE, 1) : Map.of())
                .policyVersion("3f9a0c1d2e4b5a6978")
                .cache(i % 4 == 0 ? CacheOutcome.HIT : CacheOutcome.STORED)
                .status(verdict == AuditVerdict.BLOCKED ? 403 : verdict == AuditVerdict.FAILED ? 502 : 200, null)
                .bytes(1500 + i % 1200, 900 + (i * 7) % 2000)
                .times(new ExchangeTimes(2000 + (i * 13) % 9000, 100 + i % 90, 700 + i % 500, 1800 + (i * 13) % 8000))
                .build();
    }

    @Setup(Level.Trial)
    public void open() throws IOException {
        for (int i = 0; i < clients.length; i++) {
            clients[i] = InetAddress.getByAddress(new byte[] {10, 20, (byte) (i >> 4), (byte) (1 + i)});
        }
        dir = Files.createTempDirectory("qorgan-audit-bench");
        SecureRandom random = new SecureRandom();
        AuditKeys keys = new AuditKeys(
                KeyRing.parse(KeyRing.newEntry("k1", random)),
                SignatureAlgorithm.ED25519.generate(random),
                SignatureAlgorithm.ED25519);
        AuditConfig config = new AuditConfig(
                dir,
                SecretRef.parse("env:QORGAN_AUDIT_KEYS"),
                SecretRef.parse("env:QORGAN_AUDIT_SIGNING_KEY"),
                SignatureAlgorithm.ED25519,
                Duration.ofSeconds(1),
                sync.equals("every-record") ? AuditConfig.Sync.EVERY_RECORD : AuditConfig.Sync.INTERVAL,
                Duration.ofMillis(200),
                AuditConfig.DEFAULT_SEGMENT_MAX_BYTES,
                AuditConfig.DEFAULT_RETENTION,
                4096,
                AuditConfig.OnFull.BLOCK,
                index);
        AuditMetrics count = new AuditMetrics() {
            @Override
            public void written(int records) {
                synced.addAndGet(records);
            }
        };
        trail = AuditTrail.open(config, keys, count, Clock.systemUTC());
    }

    private long iterationCpu;
    private long iterationOthersCpu;
    private long iterationSynced;
    private long iterationStart;

    @Setup(Level.Iteration)
    public void startIteration() {
        iterationCpu = writerCpuNanos();
        iterationOthersCpu = othersCpuNanos();
        iterationSynced = synced.get();
        iterationStart = System.nanoTime();
    }

    /**
     * The writer's own figures for the iteration: records synced per second, and CPU per record, of the writer thread
     * and of the whole process but the producer (the writer, Lucene's merges, the garbage collector, the compiler).
     */
    @TearDown(Level.Iteration)
    public void endIteration() {
        long n = Math.max(1, synced.get() - iterationSynced);
        double seconds = (System.nanoTime() - iterationStart) / 1e9;
        System.out.printf(
                " [writer: %.0f records/s synced, %.1f us CPU per record; all but the producer %.1f us] ",
                n / seconds,
                (writerCpuNanos() - iterationCpu) / 1000.0 / n,
                (othersCpuNanos() - iterationOthersCpu) / 1000.0 / n);
    }

    /** CPU time of the process so far but the calling (producer) thread's: what the trail costs in all. */
    private static long othersCpuNanos() {
        long process = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return process - ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    @Benchmark
    public void write() {
        AuditTrail.Admission a = trail.admit();
        while (!a.admitted()) {
            // the queue is full: wait for the writer without taking its core (an event loop would answer 503)
            LockSupport.parkNanos(20_000);
            a = trail.admit();
        }
        a.write(record(sent++));
    }

    /** CPU time of the writer thread so far: its cost, whatever else the machine runs. */
    private static long writerCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals("qorgan-audit-writer")) {
                return threads.getThreadCpuTime(info.getThreadId());
            }
        }
        return 0;
    }

    private static long size(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        long cpu = writerCpuNanos();
        trail.close();
        long segments = size(dir.resolve("segments"));
        long index = size(dir.resolve("index"));
        long n = Math.max(1, synced.get());
        System.out.printf(
                "records synced by the writer: %d; writer CPU per record: %.1f us; on disk per record: %d bytes of "
                        + "segment, %d bytes of index%n",
                synced.get(), cpu / 1000.0 / n, segments / n, index / n);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
