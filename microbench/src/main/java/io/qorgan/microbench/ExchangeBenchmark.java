package io.qorgan.microbench;

import com.github.benmanes.caffeine.cache.Ticker;
import io.qorgan.gateway.cache.AnswerCache;
import io.qorgan.gateway.cache.CacheQuery;
import io.qorgan.gateway.cache.Lookup;
import io.qorgan.gateway.config.CacheConfig;
import io.qorgan.gateway.config.ProtectionConfig;
import io.qorgan.gateway.config.RouteConfig;
import io.qorgan.gateway.detect.Canonical;
import io.qorgan.gateway.detect.Detector;
import io.qorgan.gateway.exchange.ExchangePreparer;
import io.qorgan.gateway.exchange.ExchangeRequest;
import io.qorgan.gateway.exchange.Preparation;
import io.qorgan.gateway.exchange.PreparedExchange;
import io.qorgan.gateway.exchange.Protection;
import io.qorgan.gateway.identity.AuthMethod;
import io.qorgan.gateway.identity.Identity;
import io.qorgan.gateway.metrics.GatewayMetrics;
import io.qorgan.gateway.protect.AnswerScanner;
import io.qorgan.gateway.protect.FindingsMemo;
import io.qorgan.gateway.protect.TextRestorer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * One protected JSON exchange's own work, as {@code qorgan serve --upstream} does it for the load test, without the
 * sockets and HTTP around it: {@link ExchangePreparer#prepare} (top-level facts, protection of the 1.9 KB chat body),
 * the answer cache's look-up (a bypass: the body samples at temperature 0.2), and the restoration and scan of the
 * simulator's 1.1 KB completion. What {@code loadtest/run-bench.sh} pays per exchange on top of the bare proxy, minus
 * the aggregation of bodies; the JSON speed target of issue 16 is mostly this.
 *
 * <pre>
 * ./mvnw -q -B -pl microbench -am package -DskipTests
 * java -jar microbench/target/benchmarks.jar ExchangeBenchmark -f 1 -wi 5 -w 2 -i 5 -r 2
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
public class ExchangeBenchmark {

    private ExchangePreparer preparer;
    private Protection protection;
    private AnswerCache cache;
    private ExchangeRequest request;
    private byte[] completion;
    private ExchangePreparer rememberingPreparer;
    private Protection remembering;
    private byte[] bodyBefore;
    private byte[] bodyAfter;
    private long turn;

    @Setup
    public void setUp() {
        Detector detector = Detector.defaults();
        SecureRandom random = new SecureRandom();
        GatewayMetrics metrics = new GatewayMetrics();
        protection = Protection.create(ProtectionConfig.defaults(), detector::detect, Canonical::canonical, random);
        preparer = new ExchangePreparer(protection, () -> null, Set.of("default"), metrics, false);
        cache = AnswerCache.create(CacheConfig.defaults(), metrics, System::nanoTime, Runnable::run, random);
        RouteConfig route = new RouteConfig("default", "/", "default", "auto", List.of(), true, false);
        Identity caller = new Identity("anonymous", "anonymous", Set.of(), Set.of(), AuthMethod.ANONYMOUS, "-");
        request = new ExchangeRequest(
                "bench-1",
                route,
                "default",
                caller,
                "POST",
                "/v1/chat/completions",
                List.of(),
                "application/json",
                null,
                BenchResources.bytes("bench/chat-request.json"));
        completion = BenchResources.bytes("bench/completion.json");
        remembering = Protection.create(
                ProtectionConfig.defaults(),
                FindingsMemo.around(detector::detect, 20_000, Duration.ofMinutes(10), Ticker.systemTicker(), random),
                Canonical::canonical,
                random);
        rememberingPreparer = new ExchangePreparer(remembering, () -> null, Set.of("default"), metrics, false);
        String body = new String(request.body(), StandardCharsets.UTF_8);
        int at = body.indexOf("77-1045");
        bodyBefore = body.substring(0, at).getBytes(StandardCharsets.UTF_8);
        bodyAfter = body.substring(at + "77-1045".length()).getBytes(StandardCharsets.UTF_8);
        if (!(exchange().counts().isEmpty() && lookup(ready()) instanceof Lookup.Bypass)) {
            throw new IllegalStateException("the bench exchange should be forwarded and its answer hold nothing new");
        }
    }

    @Benchmark
    public AnswerScanner.ScannedAnswer exchange() {
        PreparedExchange e = ready();
        lookup(e);
        return protection
                .answerScanner(e.answerAction())
                .restoreAndScan(completion, e.dialect(), TextRestorer.of(e.vault()));
    }

    @Benchmark
    public AnswerScanner.ScannedAnswer nextTurn() {
        ExchangeRequest next = new ExchangeRequest(
                request.requestId(),
                request.route(),
                request.upstream(),
                request.identity(),
                request.method(),
                request.upstreamTarget(),
                request.headerTexts(),
                request.contentType(),
                request.contentEncoding(),
                nextBody());
        if (!(rememberingPreparer.prepare(next) instanceof Preparation.Ready ready)) {
            throw new IllegalStateException("the bench request should be forwarded");
        }
        PreparedExchange e = ready.exchange();
        lookup(e);
        return remembering
                .answerScanner(e.answerAction())
                .restoreAndScan(completion, e.dialect(), TextRestorer.of(e.vault()));
    }

    /** The body with the next order number in its last message, spliced in bytes so the benchmark costs little. */
    private byte[] nextBody() {
        byte[] number = Long.toString(++turn).getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[bodyBefore.length + number.length + bodyAfter.length];
        System.arraycopy(bodyBefore, 0, body, 0, bodyBefore.length);
        System.arraycopy(number, 0, body, bodyBefore.length, number.length);
        System.arraycopy(bodyAfter, 0, body, bodyBefore.length + number.length, bodyAfter.length);
        return body;
    }

    private PreparedExchange ready() {
        if (!(preparer.prepare(request) instanceof Preparation.Ready ready)) {
            throw new IllegalStateException("the bench request should be forwarded");
        }
        return ready.exchange();
    }

    private Lookup lookup(PreparedExchange e) {
        return cache.lookup(new CacheQuery(
                "anonymous",
                "anonymous",
                "default",
                e.upstream(),
                e.dialect(),
                "POST",
                e.forwardTarget(),
                e.forwardBody(),
                e.facts(),
                true,
                false,
                null,
                Map.of()));
    }
}
