package io.qorgan.microbench;

import io.qorgan.gateway.detect.Canonical;
import io.qorgan.gateway.detect.Detector;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.dialect.ReadLimits;
import io.qorgan.gateway.policy.PolicyInput;
import io.qorgan.gateway.policy.PolicySet;
import io.qorgan.gateway.policy.RequestTexts;
import io.qorgan.gateway.policy.Verdict;
import io.qorgan.gateway.protect.ExchangeVault;
import io.qorgan.gateway.protect.ProtectedRequest;
import io.qorgan.gateway.protect.ProtectionFailed;
import io.qorgan.gateway.protect.ProtectionSettings;
import io.qorgan.gateway.protect.RequestProtector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * The protect stage of one exchange as the gateway runs it on a protected route with policies (protection with the
 * policy's texts read along, then the policy's verdict with one content rule), on hostile bodies of issue 14: a 4 MB
 * array of a million one-letter strings ({@code strings}), the most such strings a body may hold
 * ({@code strings-within-limit}, {@link ReadLimits#DEFAULTS}), and a million-word text in one string ({@code words}).
 * What matters is time and allocation per operation: run with {@code -prof gc}.
 *
 * <pre>
 * ./mvnw -q -B -pl microbench -am package -DskipTests
 * java -jar microbench/target/benchmarks.jar HostileBodyBenchmark -f 1 -wi 2 -w 5 -i 3 -r 5 -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
public class HostileBodyBenchmark {

    @Param({"strings", "strings-within-limit", "words", "phones"})
    public String body;

    private Path dir;
    private PolicySet policies;
    private RequestProtector protector;
    private byte[] bytes;

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("qorgan-hostile-bench");
        Files.writeString(dir.resolve("default.yaml"), """
                rules:
                  - id: marking-dsp
                    description: documents for official use only stay inside
                    query: '"для служебного пользования" OR ДСП'
                    action: block
                """, StandardCharsets.UTF_8);
        policies = PolicySet.load(dir);
        protector = RequestProtector.create(
                Detector.defaults()::detect, Canonical::canonical, ProtectionSettings.defaults());
        StringBuilder json = new StringBuilder(4_200_000);
        if (body.startsWith("strings")) {
            int n = body.equals("strings") ? 1_000_000 : ReadLimits.DEFAULTS.maxStrings() - 1;
            json.append('[');
            for (int i = 0; i < n; i++) {
                json.append(i == 0 ? "\"a\"" : ",\"a\"");
            }
            json.append(']');
        } else if (body.equals("phones")) {
            json.append("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"");
            for (int i = 0; i < 200_000; i++) {
                json.append(String.format("+7 701 %03d %02d %02d, ", i / 10_000, i / 100 % 100, i % 100));
            }
            json.append("\"}]}");
        } else {
            json.append("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"");
            json.append("a ".repeat(1_000_000));
            json.append("\"}]}");
        }
        bytes = json.toString().getBytes(StandardCharsets.UTF_8);
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Protection, then the policy: what {@code ExchangeRelay.protectStage} does; a refusal is an outcome too. */
    @Benchmark
    public Object protectAndJudge() {
        RequestTexts.Collector texts = new RequestTexts.Collector();
        try {
            ProtectedRequest found = protector.protect(
                    bytes, "application/json", null, Dialect.OPENAI_CHAT, new ExchangeVault(), texts::bodyText);
            Verdict verdict = policies.evaluate(
                    new PolicyInput("a", "v1", "openai", "m", texts.texts(), found.counts(), bytes.length));
            return verdict;
        } catch (ProtectionFailed e) {
            return e.code();
        }
    }
}
