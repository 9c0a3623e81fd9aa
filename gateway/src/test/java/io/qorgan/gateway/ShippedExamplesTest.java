package io.qorgan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.config.GatewayConfig;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.RecordedRequest;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.Cli;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.TestTls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's examples fit together: {@code qorgan.example.yaml} with its commented identity and TLS blocks
 * turned on, the example policies of {@code policies/}, {@code identities.example.yaml} and the certificates
 * {@code qorgan certs example} writes, as {@code certs-example/README.md} tells. The gateway starts with exactly these
 * files (only its ports and the simulator's address changed) and serves one request for each example agency.
 */
@IntegrationTest
class ShippedExamplesTest {

    private static final Path REPO = Path.of("..");

    /**
     * A commented block that the example tells the reader to turn on: {@code # tls:} (the traffic listener's) or
     * {@code # identity:}, alone on its line; the upstream's {@code # tls:} carries a comment and stays off.
     */
    private static final Pattern BLOCK_START = Pattern.compile("^(\\s*)# (tls|identity):\\s*$");

    private static final Pattern TLS_URL = Pattern.compile("https://(?:localhost|127\\.0\\.0\\.1|\\[::1]):(\\d+)");

    @TempDir
    Path dir;

    private final Cli cli = new Cli();
    private final ObjectMapper json = new ObjectMapper();
    private AiSimulator sim;
    private Gateway gateway;
    private final Map<String, String> p12Passwords = new HashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        sim = AiSimulator.start(SimulatorSettings.builder().build());
    }

    @AfterEach
    void tearDown() {
        if (gateway != null) {
            gateway.shutdown(Duration.ofSeconds(2));
        }
        sim.close();
    }

    @Test
    void exampleConfiguration_allSectionsOn_servesOneRequestPerExampleAgency() throws Exception {
        String example = Files.readString(REPO.resolve("qorgan.example.yaml"), StandardCharsets.UTF_8);
        String enabled = enableCommentedBlocks(example);
        assertThat(enabled).contains("\n  store: identities.yaml").contains("\n      clientAuth: optional");
        Files.writeString(
                dir.resolve("qorgan.yaml"),
                enabled.replace("port: 8080", "port: 0")
                        .replace("port: 8081", "port: 0")
                        .replace("http://127.0.0.1:9000", sim.baseUrl()),
                StandardCharsets.UTF_8);
        copyTree(REPO.resolve("policies"), dir.resolve("policies"));
        Files.copy(REPO.resolve("identities.example.yaml"), dir.resolve("identities.yaml"));
        makeCertificates();
        String akimatKey = createKey("akimat", "akimat-assistant");
        String taxKey = createKey("tax", "tax-assistant");

        gateway = Gateway.start(ConfigLoader.load(dir.resolve("qorgan.yaml")));
        GatewayConfig config = gateway.config();
        assertThat(config.listeners().traffic().tlsEnabled()).isTrue();
        assertThat(config.identity().store()).isNotNull();
        assertThat(config.policies().enabled()).isTrue();

        // egov: no policy of its own, so the default one; its client certificate identifies it.
        HttpResponse<String> egov = send(
                client("client-egov"), "/v1/chat/completions", chat("llama-3.1-8b", "Сәлем, Ахметов Нұрлан!"), null);
        assertServedAndRestored(egov, "Сәлем, Ахметов Нұрлан!", "/v1/chat/completions", "[PERSON_1]");

        // health: an external model with placeholders; its client certificate is mapped by SAN.
        HttpResponse<String> health = send(
                client("client-health"),
                "/openai/v1/chat/completions",
                chat("gpt-4o-mini", "Пациент Иванова Анна Петровна жалуется на кашель."),
                null);
        assertServedAndRestored(
                health, "Пациент Иванова Анна Петровна жалуется на кашель.", "/v1/chat/completions", "[PERSON_1]");

        // akimat: on-premise only, names kept by its policy; an API key identifies it (Ollama route).
        HttpResponse<String> akimat = send(
                client(null),
                "/api/chat",
                "{\"model\":\"llama3.1:8b\",\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":"
                        + "\"Жалоба от Сейткали Айгерим\"}]}",
                akimatKey);
        assertThat(akimat.statusCode()).as(akimat.body()).isEqualTo(200);
        assertThat(akimat.headers().firstValue("X-Qorgan-Policy")).isPresent();
        assertThat(lastSentBody("/api/chat")).contains("Сейткали Айгерим");

        // tax: a shadow policy on the external model; an API key identifies it.
        HttpResponse<String> tax = send(
                client(null), "/openai/v1/chat/completions", chat("gpt-4o", "Налогоплательщик Омаров Ерлан"), taxKey);
        assertServedAndRestored(tax, "Налогоплательщик Омаров Ерлан", "/v1/chat/completions", "[PERSON_1]");

        // the default policy keeps egov on the on-premise model: the external route is refused
        HttpResponse<String> refused =
                send(client("client-egov"), "/openai/v1/chat/completions", chat("gpt-4o", "Сәлем"), null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json.readTree(refused.body()).path("error").path("code").asText())
                .isEqualTo("upstreams.notAllowed");
    }

    @Test
    void certsExampleReadme_usesThePortAndFilesOfTheExamples() throws IOException {
        String readme = Files.readString(REPO.resolve("certs-example/README.md"), StandardCharsets.UTF_8);
        Set<String> ports = new TreeSet<>();
        Matcher m = TLS_URL.matcher(readme);
        while (m.find()) {
            ports.add(m.group(1));
        }
        assertThat(ports)
                .as("ports of the https:// URLs in certs-example/README.md")
                .containsExactly("8080");
        String example =
                enableCommentedBlocks(Files.readString(REPO.resolve("qorgan.example.yaml"), StandardCharsets.UTF_8));
        assertThat(example).contains("    port: 8080\n    tls:\n");
        makeCertificates();
        for (String file : List.of(
                "ca.pem",
                "server.pem",
                "server-key.pem",
                "client-egov.pem",
                "client-egov-key.pem",
                "client-health.p12")) {
            assertThat(readme).contains("certs-example/" + file);
            assertThat(dir.resolve("certs-example").resolve(file)).exists();
        }
        for (String file : List.of("ca.pem", "server.pem", "server-key.pem")) {
            assertThat(example).contains("certs-example/" + file);
        }
    }

    /** Removes the "# " of the lines of each commented {@code tls:} and {@code identity:} block, as the file says. */
    static String enableCommentedBlocks(String yaml) {
        List<String> out = new ArrayList<>();
        String blockIndent = null;
        for (String line : yaml.split("\n", -1)) {
            Matcher start = BLOCK_START.matcher(line);
            if (start.matches()) {
                blockIndent = start.group(1);
                out.add(blockIndent + line.substring(blockIndent.length() + 2));
            } else if (blockIndent != null && line.startsWith(blockIndent + "#   ")) {
                out.add(blockIndent + line.substring(blockIndent.length() + 2));
            } else {
                blockIndent = null;
                out.add(line);
            }
        }
        return String.join("\n", out);
    }

    /** {@code qorgan certs example --out certs-example/}, as certs-example/README.md says, in the test's folder. */
    private void makeCertificates() {
        int code = cli.run(
                "certs", "example", "--out", dir.resolve("certs-example").toString());
        assertThat(code).as(cli.err()).isZero();
        Matcher m = Pattern.compile("(client-[a-z]+)\\.p12: (\\S+)").matcher(cli.out());
        while (m.find()) {
            p12Passwords.put(m.group(1), m.group(2));
        }
        cli.clear();
    }

    /** {@code qorgan keys create}, as identities.example.yaml says; the key is the one line on standard output. */
    private String createKey(String agency, String caller) {
        int code = cli.run(
                "keys",
                "create",
                "--store",
                dir.resolve("identities.yaml").toString(),
                "--agency",
                agency,
                "--caller",
                caller,
                "--roles",
                "chat-user");
        assertThat(code).as(cli.err()).isZero();
        String key = cli.out().strip();
        cli.clear();
        return key;
    }

    private HttpClient client(String certificate) throws Exception {
        Path certs = dir.resolve("certs-example");
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .sslContext(TestTls.jdkContext(
                        certs.resolve("ca.pem"),
                        certificate == null ? null : certs.resolve(certificate + ".p12"),
                        certificate == null ? null : p12Passwords.get(certificate)))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private HttpResponse<String> send(HttpClient client, String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("https://localhost:" + gateway.trafficPort() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String chat(String model, String text) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
    }

    /** 200, the original text back, and the simulator saw the placeholder, not the name. */
    private void assertServedAndRestored(HttpResponse<String> r, String text, String upstreamPath, String placeholder)
            throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Qorgan-Policy")).isPresent();
        JsonNode answer = json.readTree(r.body());
        assertThat(answer.path("choices")
                        .path(0)
                        .path("message")
                        .path("content")
                        .asText())
                .isEqualTo(text);
        String sent = lastSentBody(upstreamPath);
        assertThat(sent).contains(placeholder);
    }

    private String lastSentBody(String path) {
        List<RecordedRequest> seen = sim.recordedRequests().stream()
                .filter(r -> r.path().startsWith(path))
                .toList();
        assertThat(seen).as("requests to " + path).isNotEmpty();
        return new String(seen.get(seen.size() - 1).body(), StandardCharsets.UTF_8);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
