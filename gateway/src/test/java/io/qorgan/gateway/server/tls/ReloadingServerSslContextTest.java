package io.qorgan.gateway.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.qorgan.gateway.config.ServerTlsConfig;
import io.qorgan.gateway.config.UpstreamTlsConfig;
import io.qorgan.gateway.crypto.CertificateAuthority;
import io.qorgan.gateway.crypto.ExampleCertificates;
import io.qorgan.gateway.crypto.Pem;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.transport.TlsContexts;
import io.qorgan.gateway.transport.UpstreamTls;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificate rotation on disk under a running listener. */
@IntegrationTest
class ReloadingServerSslContextTest {

    @TempDir
    Path dir;

    private EventLoopGroup clientGroup;
    private ServerTlsConfig config;
    private TlsContexts contexts;

    @BeforeEach
    void setUp() throws Exception {
        new ExampleCertificates(new SecureRandom(), Clock.systemUTC()).write(dir, false);
        clientGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        config = ServerTlsConfig.serverOnly(dir.resolve("server.pem"), dir.resolve("server-key.pem"));
        contexts = TlsContexts.detect();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    @Test
    void reloadIfChanged_certificateReplacedOnDisk_newHandshakesSeeNewSerialWhileOpenConnectionKeepsWorking()
            throws Exception {
        ReloadingServerSslContext reloading = ReloadingServerSslContext.open(config, contexts);
        UpstreamTls client = contexts.client(UpstreamTlsConfig.trusting(dir.resolve("ca.pem")));
        try (TlsTestServer srv = TlsTestServer.start(reloading::newHandler);
                TlsTestClient before = TlsTestClient.connect(clientGroup, client, "localhost", srv.port())) {
            assertThat(before.get("/")).startsWith("200");
            BigInteger oldSerial = before.serverCertificate().getSerialNumber();

            CertificateAuthority.Issued renewed = renewServerCertificate();
            Path staged = dir.resolve("staged");
            Files.createDirectories(staged);
            Files.writeString(staged.resolve("server.pem"), Pem.certificates(List.of(renewed.certificate())));
            Files.writeString(staged.resolve("server-key.pem"), Pem.privateKey(renewed.privateKey()));
            Files.move(
                    staged.resolve("server-key.pem"),
                    dir.resolve("server-key.pem"),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Files.move(
                    staged.resolve("server.pem"),
                    dir.resolve("server.pem"),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);

            assertThat(reloading.reloadIfChanged()).isTrue();
            try (TlsTestClient after = TlsTestClient.connect(clientGroup, client, "localhost", srv.port())) {
                assertThat(after.get("/")).startsWith("200");
                assertThat(after.serverCertificate().getSerialNumber())
                        .isEqualTo(renewed.certificate().getSerialNumber())
                        .isNotEqualTo(oldSerial);
            }
            assertThat(before.get("/again")).startsWith("200");
            assertThat(before.serverCertificate().getSerialNumber()).isEqualTo(oldSerial);
        }
    }

    @Test
    void reloadIfChanged_halfRotatedPairThenKey_keepsOldUntilPairMatches() throws Exception {
        ReloadingServerSslContext reloading = ReloadingServerSslContext.open(config, contexts);
        var original = reloading.current();
        CertificateAuthority.Issued renewed = renewServerCertificate();

        Pem.writeAtomically(
                dir.resolve("server.pem"),
                Pem.certificates(List.of(renewed.certificate())).getBytes(StandardCharsets.US_ASCII),
                false);

        assertThat(reloading.reloadIfChanged()).isFalse();
        assertThat(reloading.current()).isSameAs(original);

        Pem.writeAtomically(
                dir.resolve("server-key.pem"),
                Pem.privateKey(renewed.privateKey()).getBytes(StandardCharsets.US_ASCII),
                true);

        assertThat(reloading.reloadIfChanged()).isTrue();
        assertThat(reloading.current()).isNotSameAs(original);
        assertThat(reloading.reloadIfChanged()).isFalse();
    }

    @Test
    void reloadIfChanged_garbageCertificate_keepsServingOldOne() throws Exception {
        ReloadingServerSslContext reloading = ReloadingServerSslContext.open(config, contexts);
        var original = reloading.current();

        Files.writeString(
                dir.resolve("server.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");

        assertThat(reloading.reloadIfChanged()).isFalse();
        assertThat(reloading.current()).isSameAs(original);
    }

    @Test
    void watch_scheduledPoll_picksUpRotationOffTheEventLoop() throws Exception {
        ReloadingServerSslContext reloading = ReloadingServerSslContext.open(config, contexts);
        var original = reloading.current();
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            var polling = reloading.watch(scheduler, Duration.ofMillis(20));
            CertificateAuthority.Issued renewed = renewServerCertificate();
            Pem.writeAtomically(
                    dir.resolve("server-key.pem"),
                    Pem.privateKey(renewed.privateKey()).getBytes(StandardCharsets.US_ASCII),
                    true);
            Pem.writeAtomically(
                    dir.resolve("server.pem"),
                    Pem.certificates(List.of(renewed.certificate())).getBytes(StandardCharsets.US_ASCII),
                    false);

            for (int i = 0; i < 1500 && reloading.current() == original; i++) {
                Thread.sleep(20); // waiting for the poll, not measuring it
            }
            assertThat(reloading.current()).isNotSameAs(original);
            polling.cancel(false);
        } finally {
            scheduler.shutdownNow();
        }
    }

    private CertificateAuthority.Issued renewServerCertificate() throws Exception {
        CertificateAuthority ca = CertificateAuthority.load(
                dir.resolve("ca.pem"), dir.resolve("ca-key.pem"), new SecureRandom(), Clock.systemUTC());
        return ca.issueServer(
                List.of("localhost", "127.0.0.1"), Duration.ofDays(30), CertificateAuthority.KeyAlgorithm.RSA);
    }
}
