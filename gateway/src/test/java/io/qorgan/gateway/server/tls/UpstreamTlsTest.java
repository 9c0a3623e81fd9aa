package io.qorgan.gateway.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslProvider;
import io.qorgan.gateway.config.ServerTlsConfig;
import io.qorgan.gateway.config.UpstreamTlsConfig;
import io.qorgan.gateway.crypto.CertificateAuthority;
import io.qorgan.gateway.crypto.ExampleCertificates;
import io.qorgan.gateway.crypto.Pem;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.transport.TlsContexts;
import io.qorgan.gateway.transport.UpstreamTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The upstream side: private trust bundle and hostname verification. */
@IntegrationTest
class UpstreamTlsTest {

    @TempDir
    Path dir;

    private EventLoopGroup clientGroup;
    private ServerTlsConfig wrongName;

    @BeforeEach
    void setUp() throws Exception {
        new ExampleCertificates(new SecureRandom(), Clock.systemUTC()).write(dir, false);
        clientGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        CertificateAuthority ca = CertificateAuthority.load(
                dir.resolve("ca.pem"), dir.resolve("ca-key.pem"), new SecureRandom(), Clock.systemUTC());
        CertificateAuthority.Issued other =
                ca.issueServer(List.of("llm.other.example"), Duration.ofDays(1), CertificateAuthority.KeyAlgorithm.EC);
        Files.writeString(dir.resolve("other.pem"), Pem.certificates(List.of(other.certificate())));
        Files.writeString(dir.resolve("other-key.pem"), Pem.privateKey(other.privateKey()));
        wrongName = ServerTlsConfig.serverOnly(dir.resolve("other.pem"), dir.resolve("other-key.pem"));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    @ParameterizedTest
    @EnumSource(
            value = SslProvider.class,
            names = {"JDK", "OPENSSL"})
    void newHandler_certificateWithoutRequestedNameInSan_failsHandshake(SslProvider provider) throws Exception {
        TlsContexts contexts = new TlsContexts(provider);
        SslContext server = contexts.server(wrongName);
        UpstreamTls verifying = contexts.client(UpstreamTlsConfig.trusting(dir.resolve("ca.pem")));
        try (TlsTestServer srv = TlsTestServer.start(server::newHandler);
                TlsTestClient c = TlsTestClient.connect(clientGroup, verifying, "localhost", srv.port())) {
            assertThat(verifying.verifiesHostname()).isTrue();
            assertThat(c.handshakeSucceeded()).isFalse();
            assertThat(TlsFailureReason.classify(c.handshakeFailure())).isEqualTo(TlsFailureReason.BAD_CERTIFICATE);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = SslProvider.class,
            names = {"JDK", "OPENSSL"})
    void newHandler_verificationExplicitlyDisabled_acceptsTrustedCertificateWithOtherName(SslProvider provider)
            throws Exception {
        TlsContexts contexts = new TlsContexts(provider);
        SslContext server = contexts.server(wrongName);
        UpstreamTls lax = contexts.client(
                UpstreamTlsConfig.trusting(dir.resolve("ca.pem")).withVerifyHostname(false));
        try (TlsTestServer srv = TlsTestServer.start(server::newHandler);
                TlsTestClient c = TlsTestClient.connect(clientGroup, lax, "localhost", srv.port())) {
            assertThat(c.handshakeSucceeded()).isTrue();
            assertThat(c.get("/")).startsWith("200");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = SslProvider.class,
            names = {"JDK", "OPENSSL"})
    void newHandler_systemDefaultTrust_rejectsPrivateCa(SslProvider provider) throws Exception {
        TlsContexts contexts = new TlsContexts(provider);
        SslContext server =
                contexts.server(ServerTlsConfig.serverOnly(dir.resolve("server.pem"), dir.resolve("server-key.pem")));
        UpstreamTls system = contexts.client(UpstreamTlsConfig.systemDefault());
        try (TlsTestServer srv = TlsTestServer.start(server::newHandler);
                TlsTestClient c = TlsTestClient.connect(clientGroup, system, "localhost", srv.port())) {
            assertThat(c.handshakeSucceeded()).isFalse();
            assertThat(TlsFailureReason.classify(c.handshakeFailure())).isEqualTo(TlsFailureReason.UNKNOWN_CA);
        }
    }
}
