package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.Metrics;
import io.qorgan.gateway.testing.MisbehavingUpstream;
import io.qorgan.gateway.testing.RawHttp;
import io.qorgan.gateway.testing.TestGateways;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Answers an upstream frames oddly, from a raw socket server: informational answers before the final one (RFC 9110
 * §15.2) are skipped, never relayed as the answer; a protocol switch nobody asked for fails the exchange; an answer
 * whose end the upstream did not frame (a 204 with a body, bytes beyond the length) closes its connection, so the next
 * exchange, possibly another caller's, gets its own answer and not the leftovers.
 */
@IntegrationTest
class GatewayUpstreamFramingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";
    private static final String ANSWER =
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}";

    private final List<AutoCloseable> closeLater = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = closeLater.size() - 1; i >= 0; i--) {
            if (closeLater.get(i) instanceof Gateway g) {
                g.shutdown(Duration.ofSeconds(2));
            } else {
                closeLater.get(i).close();
            }
        }
    }

    private Gateway gateway(MisbehavingUpstream upstream) {
        closeLater.add(upstream);
        Gateway g = Gateway.start(TestGateways.config(upstream.baseUrl(), "5s", ""));
        closeLater.add(g);
        return g;
    }

    private static String ok(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static RawHttp.Response chat(RawHttp client) throws Exception {
        return client.postJson("/v1/chat/completions", CHAT).readResponse();
    }

    @Test
    void interim_100ContinueBeforeTheAnswer_clientGetsTheFinalAnswer() throws Exception {
        Gateway g = gateway(MisbehavingUpstream.always("HTTP/1.1 100 Continue\r\n\r\n" + ok(ANSWER)));
        try (RawHttp c = new RawHttp(g.trafficPort())) {
            RawHttp.Response r = chat(c);
            assertThat(r.status()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).at("/choices/0/message/content").asText())
                    .isEqualTo("ok");
        }
    }

    @Test
    void interim_102Then103EarlyHints_skipped_clientGetsTheFinalAnswerAndNoHintHeaders() throws Exception {
        Gateway g = gateway(MisbehavingUpstream.always("HTTP/1.1 102 Processing\r\n\r\n"
                + "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n" + ok(ANSWER)));
        try (RawHttp c = new RawHttp(g.trafficPort())) {
            RawHttp.Response r = chat(c);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.headers()).doesNotContainKey("link");
            assertThat(r.body()).isEqualTo(ANSWER);
            // the connection goes on: the answer ended where it said
            assertThat(chat(c).status()).isEqualTo(200);
        }
    }

    @Test
    void interim_moreThanTheLimit_502() throws Exception {
        String hints = "HTTP/1.1 103 Early Hints\r\n\r\n".repeat(17);
        Gateway g = gateway(MisbehavingUpstream.always(hints + ok(ANSWER)));
        try (RawHttp c = new RawHttp(g.trafficPort())) {
            RawHttp.Response r = chat(c);
            assertThat(r.status()).isEqualTo(502);
            assertThat(JSON.readTree(r.body()).at("/error/code").asText()).isEqualTo("upstream_failed");
        }
    }

    @Test
    void switchingProtocols_nobodyAsked_502() throws Exception {
        Gateway g = gateway(MisbehavingUpstream.always(
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n\r\n" + ok(ANSWER)));
        try (RawHttp c = new RawHttp(g.trafficPort())) {
            RawHttp.Response r = chat(c);
            assertThat(r.status()).isEqualTo(502);
            assertThat(JSON.readTree(r.body()).at("/error/code").asText()).isEqualTo("upstream_failed");
        }
    }

    @Test
    void noContentWithABody_connectionClosed_nextExchangeGetsItsOwnAnswer() throws Exception {
        MisbehavingUpstream upstream = new MisbehavingUpstream(
                n -> (n == 0 ? "HTTP/1.1 204 No Content\r\n\r\n{\"leftover\":true}" : ok(ANSWER))
                        .getBytes(StandardCharsets.UTF_8));
        Gateway g = gateway(upstream);
        try (RawHttp c = new RawHttp(g.trafficPort())) {
            assertThat(chat(c).status()).isEqualTo(204);
            RawHttp.Response next = chat(c);
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.body()).isEqualTo(ANSWER);
        }
        assertThat(upstream.connections()).isEqualTo(2);
    }

    @Test
    void bytesBeyondTheLength_connectionClosed_nextExchangeGetsItsOwnAnswer() throws Exception {
        MisbehavingUpstream upstream = new MisbehavingUpstream(
                n -> (n == 0 ? ok("{}") + "{\"leftover\":true}" : ok(ANSWER)).getBytes(StandardCharsets.UTF_8));
        Gateway g = gateway(upstream);
        try (RawHttp c = new RawHttp(g.trafficPort())) {
            RawHttp.Response first = chat(c);
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body()).isEqualTo("{}");
            RawHttp.Response next = chat(c);
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.body()).isEqualTo(ANSWER);
        }
        assertThat(upstream.connections()).isEqualTo(2);
    }

    @Test
    void cutStream_hundredsOfEventsQueuedForTheClient_oneLogLineNotOnePerEvent() throws Exception {
        String event = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"a\"}}]}\n\n";
        String chunk = Integer.toHexString(event.length()) + "\r\n" + event + "\r\n";
        // more than the sockets on the way can hold, to a client that reads nothing: cut after the idle timeout
        String answer = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunk.repeat(6 * 1024 * 1024 / chunk.length());
        MisbehavingUpstream upstream = MisbehavingUpstream.always(answer);
        closeLater.add(upstream);
        Gateway g = Gateway.start(TestGateways.config(upstream.baseUrl(), "30s", """
                limits:
                  idleTimeout: 1s
                """));
        closeLater.add(g);
        Path log = Path.of(System.getProperty("qorgan.test.log", "target/test-logs/qorgan-test.log"));
        long before = connectionErrorLines(log);
        String stalled = "qorgan_clients_stalled_total{route=\"v1\"}";

        String stream = "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        try (Socket client = new Socket()) {
            client.setReceiveBufferSize(4096); // a client that reads nothing: the gateway's queue fills up
            client.connect(new InetSocketAddress("127.0.0.1", g.trafficPort()));
            client.getOutputStream()
                    .write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: " + stream.length() + "\r\n\r\n" + stream)
                            .getBytes(StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (Metrics.value(g.metrics().scrape(), stalled) < 1 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Metrics.value(g.metrics().scrape(), stalled))
                    .as("the stream to a client that reads nothing was cut")
                    .isEqualTo(1);
            client.setSoTimeout(20_000);
            client.getInputStream().readAllBytes(); // to the end: the gateway closed the connection
        }
        g.shutdown(Duration.ofSeconds(2)); // its loops are done writing the log

        assertThat(connectionErrorLines(log) - before).isLessThanOrEqualTo(1);
    }

    private static long connectionErrorLines(Path log) throws Exception {
        if (!Files.exists(log)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains("client connection error")).count();
        }
    }
}
