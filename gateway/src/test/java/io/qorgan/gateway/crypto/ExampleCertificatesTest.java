package io.qorgan.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qorgan.gateway.cli.QorganCommand;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExampleCertificatesTest {

    @TempDir
    Path dir;

    private final ExampleCertificates example = new ExampleCertificates(new SecureRandom(), Clock.systemUTC());

    @Test
    void write_emptyDirectory_writesChainThatVerifiesWithServerSansAndClientUsages() throws Exception {
        ExampleCertificates.Result result = example.write(dir, false);

        assertThat(result.files())
                .extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(ExampleCertificates.fileNames());
        X509Certificate ca = Pem.readCertificates(dir.resolve("ca.pem")).get(0);
        X509Certificate server = Pem.readCertificates(dir.resolve("server.pem")).get(0);
        server.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(server.getSubjectAlternativeNames())
                .extracting(san -> (Object) san.get(1))
                .containsExactly("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
        for (ExampleCertificates.SampleClient client : ExampleCertificates.SAMPLE_CLIENTS) {
            X509Certificate certificate =
                    Pem.readCertificates(dir.resolve(client.name() + ".pem")).get(0);
            certificate.verify(ca.getPublicKey());
            assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
            assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo(client.subjectDn());
        }
    }

    @Test
    void write_clientBundle_opensWithPrintedPasswordAndHoldsMatchingKey() throws Exception {
        ExampleCertificates.Result result = example.write(dir, false);

        String password = result.p12Passwords().get("client-egov");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("client-egov.p12"))) {
            store.load(in, password.toCharArray());
        }
        PrivateKey key = (PrivateKey) store.getKey("client-egov", password.toCharArray());
        assertThat(key.getEncoded())
                .isEqualTo(
                        Pem.readPrivateKey(dir.resolve("client-egov-key.pem")).getEncoded());
        assertThat(store.getCertificateChain("client-egov")).hasSize(2);
        assertThat(result.toString()).doesNotContain(password);
    }

    @Test
    void write_existingFilesWithoutForce_refusesAndKeepsThem() throws Exception {
        example.write(dir, false);
        byte[] before = Files.readAllBytes(dir.resolve("ca.pem"));

        assertThatThrownBy(() -> example.write(dir, false))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("--force");
        assertThat(Files.readAllBytes(dir.resolve("ca.pem"))).isEqualTo(before);

        example.write(dir, true);
        assertThat(Files.readAllBytes(dir.resolve("ca.pem"))).isNotEqualTo(before);
    }

    @Test
    void write_privateKeysOwnerOnly_certificatesReadableByAll() throws Exception {
        example.write(dir, false);

        for (String name : List.of("ca-key.pem", "server-key.pem", "client-egov-key.pem", "client-egov.p12")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))))
                    .as(name)
                    .isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca.pem"))))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void certsExampleCommand_twice_printsPasswordsOnceThenRefusesWithoutForce() throws Exception {
        Path out = dir.resolve("certs-example");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine cli = QorganCommand.commandLine();
        cli.setOut(new PrintWriter(stdout));
        cli.setErr(new PrintWriter(stderr));

        int first = cli.execute("certs", "example", "--out", out.toString());

        assertThat(first).isZero();
        Matcher password = Pattern.compile("client-health\\.p12: (\\S+)").matcher(stdout.toString());
        assertThat(password.find()).isTrue();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(out.resolve("client-health.p12"))) {
            store.load(in, password.group(1).toCharArray());
        }

        int second = cli.execute("certs", "example", "--out", out.toString());

        assertThat(second).isEqualTo(1);
        assertThat(stderr.toString())
                .contains("already holds")
                .contains("--force")
                .doesNotContain("Exception");
    }
}
