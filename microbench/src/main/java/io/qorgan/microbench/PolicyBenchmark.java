package io.qorgan.microbench;

import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.policy.PolicyInput;
import io.qorgan.gateway.policy.PolicySet;
import io.qorgan.gateway.policy.RoleText;
import io.qorgan.gateway.policy.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Policy evaluation on a 2 KB chat request (system and user messages, Russian, Kazakh and English) against an
 * agency policy with 200 content rules (words, phrases, proximity, wildcards, boolean combinations, role fields),
 * entity actions and limits. {@code evaluate}: no rule matches (the usual request); {@code evaluateWithMatches}: eight
 * rules match, one a phrase, so the request's {@code MemoryIndex} is built and the undecided queries counted. Target: under 200 µs/op.
 *
 * <pre>
 * ./mvnw -q -B -pl microbench -am package -DskipTests
 * java -jar microbench/target/benchmarks.jar PolicyBenchmark -f 1 -wi 3 -w 2 -i 5 -r 2
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"}) // a fixed heap: resizing made iterations vary by half
@Threads(1)
public class PolicyBenchmark {

    private static final String[] WORDS = {
        "приказ", "протокол", "ведомость", "реестр", "смета", "акт", "справка", "выписка", "заключение", "договор",
        "бұйрық", "хаттама", "анықтама", "келісім", "шешім", "тізілім", "есеп", "қорытынды", "мәлімет", "құжат",
        "invoice", "contract", "payroll", "budget", "roster", "audit", "ledger", "forecast", "tender", "blueprint",
    };

    private static final String TEXT = """
            Здравствуйте! Подготовьте, пожалуйста, краткое письмо для граждан о порядке получения справки о составе \
            семьи через портал электронного правительства. Укажите сроки рассмотрения обращения, перечень \
            документов и способы подачи заявления: через центр обслуживания населения или онлайн. Текст должен \
            быть вежливым и понятным, без канцелярских оборотов, не длиннее одной страницы. \
            Сәлеметсіз бе! Азаматтарға электрондық үкімет порталы арқылы отбасы құрамы туралы анықтама алу тәртібі \
            туралы қысқа хат дайындаңыз. Өтінішті қарау мерзімін, қажетті құжаттар тізбесін және өтініш беру \
            тәсілдерін көрсетіңіз: халыққа қызмет көрсету орталығы арқылы немесе онлайн. \
            Please also add a short English paragraph for foreign residents explaining which documents they need, \
            how long the review takes, and where they can ask questions if something is unclear. Keep the tone \
            friendly and the sentences short; avoid legal jargon and abbreviations wherever possible. \
            Добавьте в конце контактный центр 1414 и ссылку на раздел помощи портала. Спасибо! \
            Соңында 1414 байланыс орталығын және порталдың анықтама бөліміне сілтемені қосыңыз. Рақмет! \
            Финальный вариант согласуйте с отделом по работе с обращениями граждан до конца недели. \
            Ответ подготовьте на двух языках и приложите памятку.""";

    private Path dir;
    private PolicySet policies;
    private PolicyInput input;
    private PolicyInput matching;

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("qorgan-policy-bench");
        Files.writeString(dir.resolve("default.yaml"), """
                upstreams:
                  local-llm: {class: onprem}
                  openai: {class: external, models: ["gpt-4o*"]}
                entities:
                  default: placeholder
                  IIN: {onprem: placeholder, external: block}
                limits: {maxEntities: 50, maxRequestBytes: 1MB}
                """, StandardCharsets.UTF_8);
        StringBuilder rules = new StringBuilder("agency: bench\nrules:\n");
        for (int i = 0; i < 200; i++) {
            String a = "zz" + WORDS[i % WORDS.length];
            String b = WORDS[(i * 7 + 3) % WORDS.length] + "x" + i;
            String query = switch (i % 5) {
                case 0 -> a + " OR " + b;
                case 1 -> "\\\"" + a + " " + b + "\\\"";
                case 2 -> "\\\"" + a + " " + b + "\\\"~3";
                case 3 -> a.substring(0, 5) + "* AND " + b;
                default -> "user:" + a + " AND NOT " + b;
            };
            rules.append("  - id: r")
                    .append(i)
                    .append("\n    description: rule ")
                    .append(i)
                    .append("\n    query: \"")
                    .append(query)
                    .append("\"\n    action: ")
                    .append(i % 3 == 0 ? "flag" : "block")
                    .append("\n    appliesTo: [external]\n");
        }
        Files.writeString(dir.resolve("agency-bench.yaml"), rules.toString(), StandardCharsets.UTF_8);
        policies = PolicySet.load(dir);
        if (policies.ruleCount("bench") < 200) {
            throw new IllegalStateException("expected 200 rules");
        }
        List<RoleText> texts = List.of(
                new RoleText(RoleText.Role.SYSTEM, "Ты помощник государственного органа."), RoleText.user(TEXT));
        int bytes = TEXT.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 2000 || bytes > 2200) {
            throw new IllegalStateException("the sample should be about 2 KB, is " + bytes);
        }
        input = new PolicyInput("bench", "chat", "openai", "gpt-4o", texts, Map.of(EntityType.PERSON, 1), bytes);
        List<RoleText> marked = List.of(texts.get(0), RoleText.user(TEXT + " zzприказ. zzпротокол бұйрықx1"));
        matching = new PolicyInput("bench", "chat", "openai", "gpt-4o", marked, Map.of(EntityType.PERSON, 1), bytes);
        if (policies.evaluate(matching).firedRules().size() != 8) {
            throw new IllegalStateException("expected 8 rules to fire");
        }
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

    /** One request that no rule matches: analysis and each rule's necessary terms; no index is built. */
    @Benchmark
    public Verdict evaluate() {
        return policies.evaluate(input);
    }

    /**
     * One request that 8 of the 200 rules match, one of them a phrase: words are decided on the request's terms,
     * the phrase needs the in-memory index, which is built and the undecided rules counted against it.
     */
    @Benchmark
    public Verdict evaluateWithMatches() {
        return policies.evaluate(matching);
    }
}
