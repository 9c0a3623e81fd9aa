package io.qorgan.gateway.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.ReferenceCountUtil;
import io.qorgan.gateway.config.ServerTlsConfig;
import io.qorgan.gateway.config.ServerTlsConfig.ClientAuth;
import io.qorgan.gateway.config.UpstreamTlsConfig;
import io.qorgan.gateway.crypto.ExampleCertificates;
import io.qorgan.gateway.identity.CallerAuthenticator;
import io.qorgan.gateway.identity.IdentityStore;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.TestTls;
import io.qorgan.gateway.transport.TlsContexts;
import io.qorgan.gateway.transport.UpstreamTls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Listener TLS with real handshakes: certificates from {@code certs example}, a real Netty server, real clients. */
@IntegrationTest
class ServerTlsTest {

    @TempDir
    Path dir;

    private ExampleCertificates.Result certs;
    private EventLoopGroup clientGroup;

    @BeforeEach
    void setUp() throws IOException {
        certs = new ExampleCertificates(new SecureRandom(), Clock.systemUTC()).write(dir, false);
        clientGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private ServerTlsConfig serverOnly() {
        return ServerTlsConfig.serverOnly(dir.resolve("server.pem"), dir.resolve("server-key.pem"));
    }

    private ServerTlsConfig mtls(ClientAuth mode) {
        return new ServerTlsConfig(
                dir.resolve("server.pem"), dir.resolve("server-key.pem"), mode, dir.resolve("ca.pem"));
    }

    private UpstreamTls client(TlsContexts contexts) throws IOException {
        return contexts.client(UpstreamTlsConfig.trusting(dir.resolve("ca.pem")));
    }

    private UpstreamTls clientWithCertificate(TlsContexts contexts, String name) throws IOException {
        return contexts.client(UpstreamTlsConfig.trusting(dir.resolve("ca.pem"))
                .withClientCertificate(dir.resolve(name + ".pem"), dir.resolve(name + "-key.pem")));
    }

    @ParameterizedTest
    @EnumSource(
            value = SslProvider.class,
            names = {"JDK", "OPENSSL"})
    void handshake_serverOnlyTls_answersWithoutClientCertificate(SslProvider provider) throws Exception {
        TlsContexts contexts = new TlsContexts(provider);
        SslContext server = contexts.server(serverOnly());
        try (TlsTestServer srv = TlsTestServer.start(server::newHandler);
                TlsTestClient c = TlsTestClient.connect(clientGroup, client(contexts), "localhost", srv.port())) {
            assertThat(c.handshakeSucceeded()).isTrue();
            assertThat(c.get("/")).isEqualTo("200 subject=none");
            assertThat(c.serverCertificate().getSubjectX500Principal().getName())
                    .isEqualTo("CN=localhost");
        }
    }

    @Test
    void handshake_jdkHttpClientTrustingExampleCa_gets200() throws Exception {
        SslContext server = TlsContexts.detect().server(serverOnly());
        try (TlsTestServer srv = TlsTestServer.start(server::newHandler)) {
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .sslContext(jdkContext(null, null))
                    .build();

            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + srv.port() + "/"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.sslSession().orElseThrow().getProtocol()).isEqualTo("TLSv1.3");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = SslProvider.class,
            names = {"JDK", "OPENSSL"})
    void handshake_tls11Client_isRefusedAndCountedAsProtocolVersion(SslProvider provider) throws Exception {
        SslContext server = new TlsContexts(provider).server(serverOnly());
        // BoringSSL still speaks TLS 1.1 when asked; the JDK has it disabled by security policy.
        SslContext oldClient = SslContextBuilder.forClient()
                .sslProvider(SslProvider.OPENSSL)
                .protocols("TLSv1.1")
                .trustManager(dir.resolve("ca.pem").toFile())
                .build();
        UpstreamTls tls11 = new UpstreamTls(oldClient, true);
        try (TlsTestServer srv = TlsTestServer.start(server::newHandler);
                TlsTestClient c = TlsTestClient.connect(clientGroup, tls11, "localhost", srv.port())) {
            assertThat(c.handshakeSucceeded()).isFalse();
            assertThat(srv.failures().poll(30, TimeUnit.SECONDS)).isEqualTo(TlsFailureReason.PROTOCOL_VERSION);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = SslProvider.class,
            names = {"JDK", "OPENSSL"})
    void handshake_tls12Client_negotiatesEcdheWithAead(SslProvider provider) throws Exception {
        SslContext server = new TlsContexts(provider).server(serverOnly());
        SslContext tls12 = SslContextBuilder.forClient()
                .sslProvider(SslProvider.OPENSSL)
                .protocols("TLSv1.2")
                .trustManager(dir.resolve("ca.pem").toFile())
                .build();
        try (TlsTestServer srv = TlsTestServer.start(server::newHandler);
                TlsTestClient c =
                        TlsTestClient.connect(clientGroup, new UpstreamTls(tls12, true), "localhost", srv.port())) {
            assertThat(c.get("/")).startsWith("200");
            assertThat(c.session().getProtocol()).isEqualTo("TLSv1.2");
            assertThat(c.session().getCipherSuite()).startsWith("TLS_ECDHE_").containsAnyOf("_GCM_", "CHACHA20");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = SslProvider.class,
            names = {"JDK", "OPENSSL"})
    void handshake_tls12ClientOfferingOnlyCbc_isRefusedAsNoSharedCipher(SslProvider provider) throws Exception {
        SslContext server = new TlsContexts(provider).server(serverOnly());
        SslContext cbcOnly = SslContextBuilder.forClient()
                .sslProvider(SslProvider.OPENSSL)
                .protocols("TLSv1.2")
                .ciphers(List.of("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"))
                .trustManager(dir.resolve("ca.pem").toFile())
                .build();
        try (TlsTestServer srv = TlsTestServer.start(server::newHandler);
                TlsTestClient c =
                        TlsTestClient.connect(clientGroup, new UpstreamTls(cbcOnly, true), "localhost", srv.port())) {
            assertThat(c.handshakeSucceeded()).isFalse();
            assertThat(srv.failures().poll(30, TimeUnit.SECONDS)).isEqualTo(TlsFailureReason.NO_SHARED_CIPHER);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = SslProvider.class,
            names = {"JDK", "OPENSSL"})
    void handshake_mtlsRequiredWithoutClientCertificate_failsAndCountsCertificateRequired(SslProvider provider)
            throws Exception {
        TlsContexts contexts = new TlsContexts(provider);
        SslContext server = contexts.server(mtls(ClientAuth.REQUIRE));
        try (TlsTestServer srv = TlsTestServer.start(server::newHandler);
                TlsTestClient c = TlsTestClient.connect(clientGroup, client(contexts), "localhost", srv.port())) {
            // In TLS 1.3 the client may finish before the server refuses it: the request then fails.
            assertThatThrownBy(() -> {
                        if (!c.handshakeSucceeded()) {
                            throw new IOException("handshake failed");
                        }
                        c.get("/");
                    })
                    .isInstanceOf(IOException.class);
            assertThat(srv.failures().poll(30, TimeUnit.SECONDS)).isEqualTo(TlsFailureReason.CERTIFICATE_REQUIRED);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = SslProvider.class,
            names = {"JDK", "OPENSSL"})
    void handshake_mtlsRequiredWithCertificateFromOtherCa_failsAndCountsUnknownCa(SslProvider provider)
            throws Exception {
        Path other = dir.resolve("other");
        new ExampleCertificates(new SecureRandom(), Clock.systemUTC()).write(other, false);
        TlsContexts contexts = new TlsContexts(provider);
        SslContext server = contexts.server(mtls(ClientAuth.REQUIRE));
        UpstreamTls stranger = contexts.client(UpstreamTlsConfig.trusting(dir.resolve("ca.pem"))
                .withClientCertificate(other.resolve("client-egov.pem"), other.resolve("client-egov-key.pem")));
        try (TlsTestServer srv = TlsTestServer.start(server::newHandler);
                TlsTestClient c = TlsTestClient.connect(clientGroup, stranger, "localhost", srv.port())) {
            assertThatThrownBy(() -> {
                        if (!c.handshakeSucceeded()) {
                            throw new IOException("handshake failed");
                        }
                        c.get("/");
                    })
                    .isInstanceOf(IOException.class);
            assertThat(srv.failures().poll(30, TimeUnit.SECONDS)).isEqualTo(TlsFailureReason.UNKNOWN_CA);
        }
    }

    @Test
    void handshake_mtlsRequiredWithClientCertificates_mapsEachToItsCaller() throws Exception {
        Path store = Files.writeString(dir.resolve("identities.yaml"), """
                agencies:
                  - id: agency-egov
                  - id: agency-health
                roles:
                  chat-user: [route:chat:invoke]
                callers:
                  - id: egov-chatbot
                    agency: agency-egov
                    roles: [chat-user]
                  - id: health-records
                    agency: agency-health
                    roles: [chat-user]
                clientCertificates:
                  - subject: CN=egov-chatbot, O=egov, C=KZ
                    caller: egov-chatbot
                  - san: urn:qorgan:health:health-records
                    caller: health-records
                """);
        CallerAuthenticator authenticator = CallerAuthenticator.create(
                IdentityStore.open(store),
                Clock.systemUTC(),
                Ticker.systemTicker(),
                CallerAuthenticator.CacheSettings.DEFAULT);
        TlsContexts contexts = TlsContexts.detect();
        SslContext server = contexts.server(mtls(ClientAuth.REQUIRE));
        try (TlsTestServer srv = TlsTestServer.start(server::newHandler, authenticator);
                TlsTestClient egov = TlsTestClient.connect(
                        clientGroup, clientWithCertificate(contexts, "client-egov"), "localhost", srv.port());
                TlsTestClient health = TlsTestClient.connect(
                        clientGroup, clientWithCertificate(contexts, "client-health"), "localhost", srv.port())) {
            assertThat(egov.get("/"))
                    .isEqualTo("200 subject=CN=egov-chatbot,O=egov,C=KZ caller=agency-egov/egov-chatbot");
            assertThat(health.get("/")).endsWith("caller=agency-health/health-records");
        }
    }

    @Test
    void handshake_jdkHttpClientWithPkcs12Bundle_isAcceptedUnderMtlsRequired() throws Exception {
        SslContext server = TlsContexts.detect().server(mtls(ClientAuth.REQUIRE));
        try (TlsTestServer srv = TlsTestServer.start(server::newHandler)) {
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .sslContext(jdkContext(
                            dir.resolve("client-health.p12"),
                            certs.p12Passwords().get("client-health")))
                    .build();

            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + srv.port() + "/"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.body()).isEqualTo("subject=CN=health-records,O=health,C=KZ");
        }
    }

    @Test
    void handshake_mtlsOptionalWithoutCertificate_isAcceptedAnonymously() throws Exception {
        TlsContexts contexts = TlsContexts.detect();
        SslContext server = contexts.server(mtls(ClientAuth.OPTIONAL));
        try (TlsTestServer srv = TlsTestServer.start(server::newHandler);
                TlsTestClient anonymous =
                        TlsTestClient.connect(clientGroup, client(contexts), "localhost", srv.port());
                TlsTestClient known = TlsTestClient.connect(
                        clientGroup, clientWithCertificate(contexts, "client-egov"), "localhost", srv.port())) {
            assertThat(anonymous.get("/")).isEqualTo("200 subject=none");
            assertThat(known.get("/")).isEqualTo("200 subject=CN=egov-chatbot,O=egov,C=KZ");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = SslProvider.class,
            names = {"JDK", "OPENSSL"})
    void alpn_clientOffersH2_negotiatesH2(SslProvider provider) throws Exception {
        TlsContexts contexts = new TlsContexts(provider);
        SslContext server = contexts.server(serverOnly());
        UpstreamTls h2 = contexts.client(UpstreamTlsConfig.trusting(dir.resolve("ca.pem"))
                .withApplicationProtocols(List.of(ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1)));
        UpstreamTls http1 = contexts.client(UpstreamTlsConfig.trusting(dir.resolve("ca.pem"))
                .withApplicationProtocols(List.of(ApplicationProtocolNames.HTTP_1_1)));
        try (TlsTestServer srv = TlsTestServer.start(server::newHandler);
                TlsTestClient c2 = TlsTestClient.connect(clientGroup, h2, "localhost", srv.port());
                TlsTestClient c1 = TlsTestClient.connect(clientGroup, http1, "localhost", srv.port())) {
            assertThat(c2.applicationProtocol()).isEqualTo("h2");
            assertThat(c1.applicationProtocol()).isEqualTo("http/1.1");
        }
    }

    @Test
    void server_onlyModernProtocolsAndAeadCiphers_areEnabled() throws Exception {
        for (SslProvider provider : List.of(SslProvider.JDK, SslProvider.OPENSSL)) {
            SslContext server = new TlsContexts(provider).server(serverOnly());
            var engine = server.newEngine(ByteBufAllocator.DEFAULT);
            try {
                // OpenSslEngine lists the SSLv2Hello pseudo-protocol (a hello format, never accepted by BoringSSL).
                assertThat(engine.getEnabledProtocols())
                        .filteredOn(p -> !p.equals("SSLv2Hello"))
                        .containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
                assertThat(engine.getEnabledCipherSuites()).isNotEmpty().allSatisfy(suite -> {
                    assertThat(suite).containsAnyOf("GCM", "CHACHA20");
                    assertThat(suite.startsWith("TLS_AES")
                                    || suite.startsWith("TLS_CHACHA20")
                                    || suite.startsWith("TLS_ECDHE_"))
                            .isTrue();
                });
            } finally {
                ReferenceCountUtil.release(engine);
            }
        }
    }

    @Test
    void detect_tcnativeOnClasspath_choosesOpenSsl() {
        assertThat(TlsContexts.detect().provider())
                .isEqualTo(OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK);
        assertThat(OpenSsl.isAvailable())
                .as("netty-tcnative loads on linux-x86_64")
                .isTrue();
    }

    @Test
    void server_keyOfAnotherCertificate_isRefusedNamingFiles() {
        ServerTlsConfig mismatched =
                ServerTlsConfig.serverOnly(dir.resolve("server.pem"), dir.resolve("client-egov-key.pem"));

        assertThatThrownBy(() -> TlsContexts.detect().server(mismatched))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("client-egov-key.pem")
                .hasMessageContaining("server.pem");
    }

    @Test
    void config_mtlsWithoutTrustedCas_isRefused() {
        assertThatThrownBy(() -> new ServerTlsConfig(
                        dir.resolve("server.pem"), dir.resolve("server-key.pem"), ClientAuth.REQUIRE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trustedClientCas");
    }

    private SSLContext jdkContext(Path p12, String password) throws Exception {
        return TestTls.jdkContext(dir.resolve("ca.pem"), p12, password);
    }
}
