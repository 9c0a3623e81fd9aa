package io.qorgan.microbench;

import io.qorgan.gateway.cache.AnswerCache;
import io.qorgan.gateway.cache.AnswerSeal;
import io.qorgan.gateway.cache.CacheQuery;
import io.qorgan.gateway.cache.Lookup;
import io.qorgan.gateway.config.CacheConfig;
import io.qorgan.gateway.detect.Canonical;
import io.qorgan.gateway.detect.Detector;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.dialect.RequestFacts;
import io.qorgan.gateway.metrics.GatewayMetrics;
import io.qorgan.gateway.protect.ProtectionSettings;
import io.qorgan.gateway.protect.RequestProtector;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the answer cache costs an exchange, on the load test's 1.9 KB chat body (protected, placeholders in it) and
 * the simulator's 1.1 KB completion:
 * <ul>
 *   <li>{@code key}: the canonical form and SHA-256 key of the protected body (a {@code Cache-Control: no-cache}
 *       look-up, which stops there);</li>
 *   <li>{@code hit}: a whole look-up that hits — key, the atomic find, opening the sealed answer, serving it whole;</li>
 *   <li>{@code hitAsStream}: the same hit served as an SSE stream (whole to stream);</li>
 *   <li>{@code seal} and {@code open}: AES-256-GCM of the stored completion alone, what sealing adds per store and
 *       per hit.</li>
 * </ul>
 *
 * <pre>
 * ./mvnw -q -B -pl microbench -am package -DskipTests
 * java -jar microbench/target/benchmarks.jar CacheBenchmark -f 1 -wi 5 -w 2 -i 5 -r 2
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class CacheBenchmark {

    private AnswerCache cache;
    private AnswerSeal seal;
    private CacheQuery whole;
    private CacheQuery stream;
    private CacheQuery refresh;
    private byte[] completion;
    private byte[] sealed;
    private final byte[] associated = new byte[32];

    @Setup
    public void setUp() {
        Detector detector = Detector.defaults();
        RequestProtector protector =
                RequestProtector.create(detector::detect, Canonical::canonical, ProtectionSettings.defaults());
        byte[] raw = new String(BenchResources.bytes("bench/chat-request.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"temperature\": *[0-9.]+", "\"temperature\": 0")
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = protector
                .protect(raw, "application/json", null, Dialect.OPENAI_CHAT)
                .body();
        completion = BenchResources.bytes("bench/completion.json");
        cache = AnswerCache.create(
                CacheConfig.defaults(), new GatewayMetrics(), System::nanoTime, Runnable::run, new SecureRandom());
        whole = query(body, Map.of());
        stream = query(
                new String(body, StandardCharsets.UTF_8)
                        .replaceFirst("\"stream\": *false", "\"stream\": true")
                        .getBytes(StandardCharsets.UTF_8),
                Map.of());
        refresh = query(body, Map.of("cache-control", "no-cache"));
        Lookup first = cache.lookup(whole);
        if (!(first instanceof Lookup.Miss miss)
                || !miss.ticket().offer(200, "application/json", false, completion, 1_000_000, false)) {
            throw new IllegalStateException("the bench answer should be stored");
        }
        if (!(cache.lookup(stream) instanceof Lookup.Hit)) {
            throw new IllegalStateException("the stream should hit");
        }
        seal = new AnswerSeal(new SecureRandom());
        sealed = seal.seal(associated, completion);
    }

    private static CacheQuery query(byte[] body, Map<String, String> headers) {
        return new CacheQuery(
                "agency",
                "caller",
                "v1",
                "sim",
                Dialect.OPENAI_CHAT,
                "POST",
                "/v1/chat/completions",
                body,
                RequestFacts.read(body),
                true,
                false,
                null,
                headers);
    }

    @Benchmark
    public Lookup key() {
        return cache.lookup(refresh);
    }

    @Benchmark
    public Lookup hit() {
        return cache.lookup(whole);
    }

    @Benchmark
    public Lookup hitAsStream() {
        return cache.lookup(stream);
    }

    @Benchmark
    public byte[] seal() {
        return seal.seal(associated, completion);
    }

    @Benchmark
    public byte[] open() {
        return seal.open(associated, sealed);
    }
}
