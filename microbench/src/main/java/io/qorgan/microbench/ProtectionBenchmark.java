package io.qorgan.microbench;

import io.qorgan.gateway.detect.Canonical;
import io.qorgan.gateway.detect.Detector;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.protect.AnswerScanner;
import io.qorgan.gateway.protect.EventStreamRestorer;
import io.qorgan.gateway.protect.ExchangeVault;
import io.qorgan.gateway.protect.ProtectedRequest;
import io.qorgan.gateway.protect.ProtectionSettings;
import io.qorgan.gateway.protect.RequestProtector;
import io.qorgan.gateway.protect.TextRestorer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The protection hot path as the gateway runs it for one exchange, wired as in production
 * ({@code Detector::detect}, {@code Canonical::canonical}, default operators, answer action LEAVE):
 * <ul>
 *   <li>{@code protectRequest}: {@link RequestProtector#protect} on the load test's 1.9 KB chat body;</li>
 *   <li>{@code restoreAndScanAnswer}: {@link AnswerScanner#restoreAndScan} (restoration and scan in one walk)
 *       on the simulator's completion (no placeholders), with the vault of {@code protectRequest};</li>
 *   <li>{@code restoreAndScanAnswerWithPlaceholders}: the same completion with three placeholders in it;</li>
 *   <li>{@code restoreStream}: an OpenAI chat SSE stream of about 100 events (a few tokens each, placeholders
 *       split across events), fed as it would arrive, with the answer-scan session.</li>
 * </ul>
 *
 * <pre>
 * ./mvnw -q -B -pl microbench -am package -DskipTests
 * java -jar microbench/target/benchmarks.jar ProtectionBenchmark -f 1 -wi 5 -w 3 -i 5 -r 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"}) // a fixed heap: resizing made iterations vary by half
@Threads(1)
public class ProtectionBenchmark {

    private RequestProtector protector;
    private AnswerScanner answerScanner;
    private byte[] request;
    private byte[] completion;
    private byte[] completionWithPlaceholders;
    private byte[][] streamChunks;
    private ExchangeVault vault;

    @Setup
    public void setUp() {
        Detector detector = Detector.defaults();
        protector = RequestProtector.create(detector::detect, Canonical::canonical, ProtectionSettings.defaults());
        answerScanner = AnswerScanner.create(detector::detect, Canonical::canonical, AnswerScanner.Action.LEAVE);
        request = BenchResources.bytes("bench/chat-request.json");
        completion = BenchResources.bytes("bench/completion.json");
        String answer = new String(completion, StandardCharsets.UTF_8);
        completionWithPlaceholders = answer.replace("for the customer:", "for [PERSON_1]:")
                .replace("to the address on file", "to [EMAIL_1] and [PHONE_1]")
                .getBytes(StandardCharsets.UTF_8);
        vault = protector
                .protect(request, "application/json", null, Dialect.OPENAI_CHAT)
                .vault();
        if (vault.isEmpty()) {
            throw new IllegalStateException("the bench request should hold personal data");
        }
        streamChunks = stream();
    }

    @Benchmark
    public ProtectedRequest protectRequest() {
        return protector.protect(request, "application/json", null, Dialect.OPENAI_CHAT);
    }

    @Benchmark
    public AnswerScanner.ScannedAnswer restoreAndScanAnswer() {
        return answerScanner.restoreAndScan(completion, Dialect.OPENAI_CHAT, TextRestorer.of(vault));
    }

    @Benchmark
    public AnswerScanner.ScannedAnswer restoreAndScanAnswerWithPlaceholders() {
        return answerScanner.restoreAndScan(completionWithPlaceholders, Dialect.OPENAI_CHAT, TextRestorer.of(vault));
    }

    @Benchmark
    public void restoreStream(Blackhole bh) {
        EventStreamRestorer r = EventStreamRestorer.forDialect(
                Dialect.OPENAI_CHAT, TextRestorer.of(vault), answerScanner.session(vault));
        for (byte[] chunk : streamChunks) {
            bh.consume(r.feed(chunk));
        }
        bh.consume(r.finish());
    }

    /** About 100 SSE events of a few tokens each, two or three events per network chunk. */
    private static byte[][] stream() {
        String text = "Hello [PERSON_1], thanks for writing. I will send the confirmation to [EMAIL_1] and call "
                + "you at [PHONE_1] if anything is unclear. Краткое резюме: заявка получена, возврат будет оформлен "
                + "в течение пяти рабочих дней, подтверждение придёт на [EMAIL_1]. [PERSON_2] will review it "
                + "tomorrow; the ticket number is 5512338912. Let me know if you want a more formal tone.";
        StringBuilder all = new StringBuilder();
        String head = "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1732700000,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{";
        all.append(head).append("\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n");
        int events = 1;
        for (int i = 0; i < text.length(); ) {
            int n = Math.min(text.length() - i, 3 + (i * 7) % 3);
            String piece = text.substring(i, i + n);
            all.append(head)
                    .append("\"content\":\"")
                    .append(piece.replace("\"", "\\\""))
                    .append("\"},\"finish_reason\":null}]}\n\n");
            i += n;
            events++;
        }
        all.append(head).append("},\"finish_reason\":\"stop\"}]}\n\n").append("data: [DONE]\n\n");
        byte[] bytes = all.toString().getBytes(StandardCharsets.UTF_8);
        int chunkSize = Math.max(1, bytes.length / ((events + 2) / 3));
        int count = (bytes.length + chunkSize - 1) / chunkSize;
        byte[][] chunks = new byte[count][];
        for (int k = 0; k < count; k++) {
            int from = k * chunkSize;
            chunks[k] = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + chunkSize));
        }
        return chunks;
    }
}
