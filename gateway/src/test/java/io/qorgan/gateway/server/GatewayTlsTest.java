package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.crypto.CertificateAuthority;
import io.qorgan.gateway.crypto.ExampleCertificates;
import io.qorgan.gateway.crypto.Pem;
import io.qorgan.gateway.identity.ApiKeys;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.Metrics;
import io.qorgan.gateway.testing.TestTls;
import java.math.BigInteger;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The traffic listener over real TLS with certificates made by {@code qorgan certs example}:
 * HTTP/1.1 and HTTP/2 (ALPN), streaming over HTTP/2, a client certificate as the only credential,
 * and a certificate rotated on disk while connections stay open.
 */
@IntegrationTest
class GatewayTlsTest {

    private static final String CHAT =
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Сәлем, TLS!\"}]}";

    @TempDir
    Path dir;

    private ExampleCertificates.Result certs;
    private AiSimulator sim;
    private Gateway gateway;
    private ApiKeys.NewApiKey key;

    @BeforeEach
    void start() throws Exception {
        certs = new ExampleCertificates(new SecureRandom(), Clock.systemUTC()).write(dir, false);
        sim = AiSimulator.start(SimulatorSettings.builder().chunkChars(2).build());
        key = new ApiKeys(new SecureRandom(), ApiKeys.HashCost.FAST_FOR_TESTS).generate();
        ExampleCertificates.SampleClient egov = ExampleCertificates.SAMPLE_CLIENTS.get(0);
        Files.writeString(dir.resolve("identities.yaml"), """
                agencies: [{id: %s}]
                roles: {chat-user: ["route:*:invoke", "upstream:*:use"]}
                callers: [{id: %s, agency: %s, roles: [chat-user]}]
                apiKeys: [{id: %s, caller: %s, hash: "%s", created: 2026-01-01T00:00:00Z}]
                clientCertificates: [{subject: "%s", caller: %s}]
                """.formatted(
                        egov.agency(),
                        egov.caller(),
                        egov.agency(),
                        key.id(),
                        egov.caller(),
                        key.hash(),
                        egov.subjectDn(),
                        egov.caller()));
        Path config = Files.writeString(dir.resolve("qorgan.yaml"), """
                listeners:
                  traffic:
                    host: 127.0.0.1
                    port: 0
                    tls: { certificate: server.pem, privateKey: server-key.pem, clientAuth: optional, trustedClientCas: ca.pem }
                  admin: { host: 127.0.0.1, port: 0 }
                identity: { store: identities.yaml }
                upstreams:
                  sim: { baseUrl: "%s/v1" }
                routes:
                  - { pathPrefix: /v1, upstream: sim }
                """.formatted(sim.baseUrl()));
        gateway = Gateway.start(ConfigLoader.load(config));
    }

    @AfterEach
    void stop() {
        gateway.shutdown(Duration.ofSeconds(2));
        sim.close();
    }

    private HttpClient client(HttpClient.Version version, Path p12) throws Exception {
        String password = p12 == null
                ? null
                : certs.p12Passwords().get(p12.getFileName().toString().replace(".p12", ""));
        SSLContext ssl = TestTls.jdkContext(dir.resolve("ca.pem"), p12, password);
        return HttpClient.newBuilder().version(version).sslContext(ssl).build();
    }

    private HttpRequest chat(String body, boolean withKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create("https://localhost:" + gateway.trafficPort() + "/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (withKey) {
            b.header("Authorization", "Bearer " + key.key());
        }
        return b.build();
    }

    @Test
    void http2_headersOverTheLimit_431WithTheJsonErrorShape() throws Exception {
        String series = "qorgan_rejected_total{code=\"headers_too_large\"}";
        double before = Metrics.value(gateway.metrics().scrape(), series);
        HttpRequest big = HttpRequest.newBuilder(
                        URI.create("https://localhost:" + gateway.trafficPort() + "/v1/models"))
                .header(
                        "X-Big",
                        "x".repeat(18 * 1024)) // over the 16 KB limit, under the 20 KB that ends the connection
                .build();
        HttpResponse<String> r =
                client(HttpClient.Version.HTTP_2, null).send(big, HttpResponse.BodyHandlers.ofString());
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(r.statusCode()).isEqualTo(431);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertThat(body.at("/error/code").asText()).isEqualTo("headers_too_large");
        assertThat(body.path("request_id").asText())
                .isNotEmpty()
                .isEqualTo(r.headers().firstValue("x-request-id").orElseThrow());
        assertThat(Metrics.value(gateway.metrics().scrape(), series)).isEqualTo(before + 1);
        assertThat(sim.requestsServed()).isZero();
    }

    @Test
    void http1OverTls_withApiKey_200() throws Exception {
        HttpResponse<String> r =
                client(HttpClient.Version.HTTP_1_1, null).send(chat(CHAT, true), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(r.body()).contains("Сәлем, TLS!");
    }

    @Test
    void http2OverTls_chatAndStream_200() throws Exception {
        HttpClient h2 = client(HttpClient.Version.HTTP_2, null);
        HttpResponse<String> r = h2.send(chat(CHAT, true), HttpResponse.BodyHandlers.ofString());
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Сәлем, TLS!");

        HttpResponse<String> stream = h2.send(
                chat(CHAT.replace("{\"model\"", "{\"stream\":true,\"model\""), true),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stream.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(stream.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        assertThat(stream.body()).endsWith("data: [DONE]\n\n");
        long events = stream.body().lines().filter(l -> l.startsWith("data: {")).count();
        assertThat(events).isGreaterThan(5);
    }

    @Test
    void http2_manyConcurrentStreamsOnOneConnection_allAnswered() throws Exception {
        HttpClient h2 = client(HttpClient.Version.HTTP_2, null);
        var futures = IntStream.range(0, 20)
                .mapToObj(i ->
                        h2.sendAsync(chat(CHAT.replace("TLS", "TLS " + i), true), HttpResponse.BodyHandlers.ofString()))
                .toList();
        for (int i = 0; i < futures.size(); i++) {
            HttpResponse<String> r = futures.get(i).get();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("TLS " + i + "!");
        }
    }

    @Test
    void clientCertificateAlone_authenticatesMappedCaller() throws Exception {
        Path p12 = dir.resolve(ExampleCertificates.SAMPLE_CLIENTS.get(0).name() + ".p12");
        HttpResponse<String> r =
                client(HttpClient.Version.HTTP_2, p12).send(chat(CHAT, false), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        // without certificate and without key: refused
        HttpResponse<String> anonymous =
                client(HttpClient.Version.HTTP_2, null).send(chat(CHAT, false), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void clientCertificateMappedToNoCaller_401CertificateNotMapped() throws Exception {
        Path p12 = dir.resolve(ExampleCertificates.SAMPLE_CLIENTS.get(1).name() + ".p12");
        HttpResponse<String> r =
                client(HttpClient.Version.HTTP_2, p12).send(chat(CHAT, false), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(401);
        JsonNode error = new ObjectMapper().readTree(r.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("certificate_not_mapped");
        assertThat(error.path("message").asText()).contains("mapped to no caller");
        assertThat(sim.requestsServed()).isZero();
    }

    @Test
    void certificateRotatedOnDisk_newHandshakesSeeIt_openConnectionKeepsWorking() throws Exception {
        HttpClient h2 = client(HttpClient.Version.HTTP_2, null);
        assertThat(h2.send(chat(CHAT, true), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
        BigInteger before = serverSerial();

        CertificateAuthority ca = CertificateAuthority.load(
                dir.resolve("ca.pem"), dir.resolve("ca-key.pem"), new SecureRandom(), Clock.systemUTC());
        CertificateAuthority.Issued next = ca.issueServer(
                List.of("localhost", "127.0.0.1"), Duration.ofDays(30), CertificateAuthority.KeyAlgorithm.EC);
        Pem.writeAtomically(
                dir.resolve("server-key.pem"),
                Pem.privateKey(next.privateKey()).getBytes(StandardCharsets.US_ASCII),
                true);
        Pem.writeAtomically(
                dir.resolve("server.pem"),
                Pem.certificates(List.of(next.certificate())).getBytes(StandardCharsets.US_ASCII),
                false);

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        BigInteger after = before;
        while (after.equals(before) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            after = serverSerial();
        }
        assertThat(after).isEqualTo(next.certificate().getSerialNumber());
        // the HTTP/2 connection opened before the rotation still serves
        assertThat(h2.send(chat(CHAT, true), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void plainHttpToTlsPort_handshakeFailureCounted() throws Exception {
        try (Socket s = new Socket("127.0.0.1", gateway.trafficPort())) {
            s.getOutputStream().write("GET /v1/models HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.setSoTimeout(5000);
            assertThat(s.getInputStream().read()).isLessThanOrEqualTo(21); // closed, or a TLS alert record
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!gateway.metrics().scrape().contains("qorgan_tls_handshake_failures_total{listener=\"traffic\"")
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(gateway.metrics().scrape()).contains("qorgan_tls_handshake_failures_total{listener=\"traffic\"");
    }

    @Test
    void upstreamOverTls_trustedCaForwards_untrustedRefused() throws Exception {
        // A second gateway uses this one as its https upstream, with this one's API key.
        Path front = Files.writeString(dir.resolve("front.yaml"), """
                listeners: { traffic: { host: 127.0.0.1, port: 0 }, admin: { host: 127.0.0.1, port: 0 } }
                upstreams:
                  trusted: { baseUrl: "https://localhost:%1$d/v1", apiKey: "%2$s", tls: { trustedCas: ca.pem } }
                  untrusted: { baseUrl: "https://localhost:%1$d/v1", apiKey: "%2$s" }
                routes:
                  - { pathPrefix: /good, upstream: trusted }
                  - { pathPrefix: /bad, upstream: untrusted }
                """.formatted(gateway.trafficPort(), key.key()));
        Gateway frontGateway = Gateway.start(ConfigLoader.load(front));
        try {
            HttpClient plain = HttpClient.newHttpClient();
            HttpResponse<String> good = plain.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://127.0.0.1:" + frontGateway.trafficPort() + "/good/chat/completions"))
                            .POST(HttpRequest.BodyPublishers.ofString(CHAT))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(good.statusCode()).isEqualTo(200);
            assertThat(good.body()).contains("Сәлем, TLS!");
            HttpResponse<String> bad = plain.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://127.0.0.1:" + frontGateway.trafficPort() + "/bad/chat/completions"))
                            .POST(HttpRequest.BodyPublishers.ofString(CHAT))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(502);
        } finally {
            frontGateway.shutdown(Duration.ofSeconds(1));
        }
    }

    private BigInteger serverSerial() throws Exception {
        SSLContext ssl = TestTls.jdkContext(dir.resolve("ca.pem"), null, null);
        try (SSLSocket socket = (SSLSocket) ssl.getSocketFactory().createSocket("127.0.0.1", gateway.trafficPort())) {
            socket.startHandshake();
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
        }
    }
}
