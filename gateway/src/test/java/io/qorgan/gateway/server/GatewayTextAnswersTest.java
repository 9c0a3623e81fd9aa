package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.RecordedRequest;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.Metrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14, item 8: answers that are not JSON on a protected route. Text answers ({@code text/plain},
 * {@code text/html}, XML) are restored and scanned like JSON ones, so {@code answers: redact} holds there too, in
 * whatever charset they come; binary ones pass as they are; an answer that is not what its head says — gzip without
 * {@code Content-Encoding}, or a JSON type over bytes that are not UTF-8 — is refused with 502, never relayed. The
 * AI services are simulators relabelling their answers, or answering with a fixed body. Values are synthetic.
 */
@IntegrationTest
class GatewayTextAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "Заявитель Ахметов Нұрлан Серікұлы, ИИН 900515301234, тел. +7 701 123 45 67.";
    private static final List<String> CANARIES = List.of("Ахметов", "900515301234", "701 123 45 67");
    private static final String PRODUCED_PHONE = "701 555 12 34";

    private static MultiThreadIoEventLoopGroup group;
    private static final Map<String, AiSimulator> sims = new LinkedHashMap<>();
    private static Gateway gateway;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        sim("plain", b -> b.answerContentType("text/plain; charset=utf-8"));
        sim("html", b -> b.answerContentType("text/html"));
        sim("xml", b -> b.answerContentType("application/xml"));
        sim(
                "phone",
                b -> b.answerContentType("text/plain")
                        .answerBody(("Позвоните специалисту: +7 " + PRODUCED_PHONE + ".")
                                .getBytes(StandardCharsets.UTF_8)));
        sim(
                "cp1251",
                b -> b.answerContentType("text/plain; charset=windows-1251")
                        .answerBody("Ответ для [PERSON_1]: готово.".getBytes(Charset.forName("windows-1251"))));
        sim("gzip", b -> b.gzipUnlabelled(true));
        sim(
                "garbled",
                b -> b.answerBody(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'}));
        sim(
                "octet",
                b -> b.answerContentType("application/octet-stream")
                        .answerBody("[PERSON_1]".getBytes(StandardCharsets.US_ASCII)));
        StringBuilder upstreams = new StringBuilder();
        StringBuilder routes = new StringBuilder();
        sims.forEach((name, sim) -> {
            upstreams
                    .append("  ")
                    .append(name)
                    .append(": { baseUrl: \"")
                    .append(sim.baseUrl())
                    .append("/v1\" }\n");
            routes.append("  - { pathPrefix: /")
                    .append(name)
                    .append(", upstream: ")
                    .append(name)
                    .append(" }\n");
        });
        gateway = Gateway.start(ConfigLoader.parse("text-answers.yaml", """
                listeners: { traffic: { host: 127.0.0.1, port: 0 }, admin: { host: 127.0.0.1, port: 0 } }
                protection: { answers: redact }
                upstreams:
                %sroutes:
                %s""".formatted(upstreams, routes)));
    }

    private static void sim(String name, UnaryOperator<SimulatorSettings.Builder> settings) {
        sims.put(
                name,
                AiSimulator.start(settings.apply(SimulatorSettings.builder().eventLoopGroup(group))
                        .build()));
    }

    @AfterAll
    static void stop() {
        gateway.shutdown(Duration.ofSeconds(2));
        sims.values().forEach(AiSimulator::close);
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }

    @AfterEach
    void upstreamSawNoOriginal() {
        List<RecordedRequest> seen = new ArrayList<>();
        sims.values().forEach(s -> {
            seen.addAll(s.recordedRequests());
            s.clearRecorded();
        });
        for (RecordedRequest r : seen) {
            for (String canary : CANARIES) {
                assertThat(r.bodyText() + r.headers() + r.path()).doesNotContain(canary);
            }
        }
    }

    private HttpResponse<byte[]> chat(String route, String text) throws Exception {
        ObjectNode req = JSON.createObjectNode().put("model", "m");
        req.putArray("messages").addObject().put("role", "user").put("content", text);
        return http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + gateway.trafficPort() + "/" + route + "/chat/completions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(req)))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String utf8(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "html", "xml"})
    void textAnswer_placeholdersRestored(String route) throws Exception {
        HttpResponse<byte[]> r = chat(route, TEXT);
        assertThat(r.statusCode()).isEqualTo(200);
        String body = utf8(r);
        assertThat(body).contains(TEXT).doesNotContain("[PERSON_1]").doesNotContain("[IIN_1]");
        assertThat(r.headers().firstValueAsLong("content-length").orElse(-1)).isEqualTo(r.body().length);
    }

    @Test
    void textAnswer_personalDataTheModelProduced_redacted() throws Exception {
        HttpResponse<byte[]> r = chat("phone", "Кому позвонить?");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(utf8(r)).isEqualTo("Позвоните специалисту: [REDACTED].");
    }

    @Test
    void textAnswerInItsOwnCharset_restoredAndSentOnInUtf8() throws Exception {
        HttpResponse<byte[]> r = chat("cp1251", "Заявление от Ахметов Нұрлан Серікұлы.");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(utf8(r)).isEqualTo("Ответ для Ахметов Нұрлан Серікұлы: готово.");
        assertThat(r.headers().firstValue("content-type").orElse("")).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void gzipWithoutContentEncoding_refused502_neverRelayed() throws Exception {
        double before = Metrics.value(
                gateway.metrics().scrape(), "qorgan_restoration_failures_total{code=\"compressed_answer\"}");
        HttpResponse<byte[]> r = chat("gzip", TEXT);
        assertThat(r.statusCode()).isEqualTo(502);
        JsonNode error = JSON.readTree(r.body());
        assertThat(error.at("/error/code").asText()).isEqualTo("compressed_answer");
        assertThat(error.path("request_id").asText()).isNotEmpty();
        assertThat(Metrics.value(
                        gateway.metrics().scrape(), "qorgan_restoration_failures_total{code=\"compressed_answer\"}"))
                .isEqualTo(before + 1);
    }

    @Test
    void jsonTypeOverBytesThatAreNotUtf8_refused502() throws Exception {
        HttpResponse<byte[]> r = chat("garbled", TEXT);
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(JSON.readTree(r.body()).at("/error/code").asText()).isEqualTo("unreadable_answer");
    }

    @Test
    void binaryAnswer_passesAsItCame() throws Exception {
        HttpResponse<byte[]> r = chat("octet", TEXT);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(utf8(r)).isEqualTo("[PERSON_1]");
    }
}
