package io.qorgan.microbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qorgan.gateway.detect.Detector;
import io.qorgan.gateway.detect.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * Detection with every recognizer on, on one thread:
 * <ul>
 *   <li>{@code detectDocument}: throughput on a mixed Kazakh/Russian/English corpus of chat-sized documents (about
 *       2 KB each, 1 MB in all). The {@code bytes} counter is UTF-8 bytes scanned per second: divide by 10^6 for MB/s.</li>
 *   <li>{@code detectLoadBody}: time to detect in the four message contents of the load test's chat body
 *       ({@code bench/chat-request.json}), as the gateway does for one request.</li>
 * </ul>
 *
 * <pre>
 * ./mvnw -q -B -pl microbench -am package -DskipTests
 * java -jar microbench/target/benchmarks.jar DetectorBenchmark -f 1 -wi 3 -w 5 -i 3 -r 5
 * java -jar microbench/target/benchmarks.jar DetectorBenchmark.detectLoadBody -f 1 -wi 3 -w 3 -i 5 -r 3 -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        // a fixed heap, its pages touched at start: resizing made iterations vary by half, and without the touch the
        // first iterations paid the kernel's page faults (±20 % between runs, about 12 % lower)
        jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Threads(1)
public class DetectorBenchmark {

    private static final String[] PARAGRAPHS = {
        "Заявление. Я, Ахметова Динара Сериковна, ИИН 900515301234, проживающая по адресу: г. Астана, ул. Кенесары, "
                + "д. 1, кв. 1, прошу выдать справку о составе семьи. Контактный телефон +7 (701) 123-45-67, "
                + "e-mail d.akhmetova@mail.kz. Пособие прошу перечислить на счет KZ23 999A 0000 1234 5678.\n",
        "Өтініш беруші: Сейітқали Айгерім, ЖСН 850101456780, мекенжайы: Алматы қ., Бостандық ауданы, Сәтбаев көш., "
                + "5-үй. Туған күні 01.01.1985. Ұялы тел. 8 (777) 555-12-34. Арман қаласында тұрады деп жазылған, бірақ "
                + "бұл тек бақыт туралы ән.\n",
        "Hello team, please find the quarterly report attached. Customer John Smith (john.smith@example.com, "
                + "+1 415 555 0132) paid with card 4111 1111 1111 1111 from 192.168.10.24; invoice 2024-118833 is due "
                + "on 15 May 2025. Best regards, Emily Carter, Support.\n",
        "Статистика: в 2024 году обработано 12 450 обращений, из них 3 120 по вопросам пособий, средний срок "
                + "рассмотрения 4,2 дня. ТОО «Асем Групп» (БИН 150340001236) и АО «Kaspi Bank» подписали меморандум. "
                + "Версия системы 4.12.0, сборка 20241105.\n",
        "user: здравствуйте, не могу войти в egov, пароль сбросил, номер заказа 5512338912, ошибка 502 с 10:40. "
                + "agent: уточните, пожалуйста, ваш ИИН и номер удостоверения личности. user: удостоверение личности "
                + "№ 041234567, автомобиль 123 ABC 01.\n",
        "Patient Aidos Nurlanov, date of birth 1990-05-15, referred to cardiology. Hemoglobin 135 g/L, leukocytes "
                + "6.2, ESR 12 mm/h; follow-up in 14 days at 221 Baker Street, Apt 4. Token sk-proj-Ab12Cd34Ef56Gh78Ij90Kl.\n",
    };

    private Detector detector;
    private List<String> documents;
    private long[] utf8Bytes;
    private String[] loadBodyTexts;

    /** Bytes scanned, reported by JMH as a rate; also walks the documents in turn. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Scanned {
        public long bytes;
        int next;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup
    public void setUp() {
        detector = Detector.defaults();
        documents = new ArrayList<>();
        long total = 0;
        int k = 0;
        while (total < 1_000_000) {
            StringBuilder doc = new StringBuilder(2200);
            while (doc.length() < 2000) {
                doc.append(PARAGRAPHS[k++ % PARAGRAPHS.length]);
            }
            String text = doc.toString();
            documents.add(text);
            total += text.getBytes(StandardCharsets.UTF_8).length;
        }
        utf8Bytes = new long[documents.size()];
        for (int i = 0; i < utf8Bytes.length; i++) {
            utf8Bytes[i] = documents.get(i).getBytes(StandardCharsets.UTF_8).length;
        }
        loadBodyTexts = messageContents("bench/chat-request.json");
    }

    private static String[] messageContents(String resource) {
        try {
            List<String> contents = new ArrayList<>();
            for (JsonNode message :
                    new ObjectMapper().readTree(BenchResources.bytes(resource)).get("messages")) {
                contents.add(message.get("content").asText());
            }
            return contents.toArray(new String[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One chat-sized document per operation, the documents in turn. */
    @Benchmark
    public List<Finding> detectDocument(Scanned scanned) {
        int i = scanned.next;
        scanned.next = i + 1 == documents.size() ? 0 : i + 1;
        scanned.bytes += utf8Bytes[i];
        return detector.detect(documents.get(i));
    }

    /** The message contents of one load-test request body, each detected as the gateway does. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void detectLoadBody(Blackhole blackhole) {
        for (String text : loadBodyTexts) {
            blackhole.consume(detector.detect(text));
        }
    }
}
