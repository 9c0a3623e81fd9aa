package io.qorgan.gateway.crypto;

import io.qorgan.gateway.crypto.CertificateAuthority.Issued;
import io.qorgan.gateway.crypto.CertificateAuthority.KeyAlgorithm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a complete trial PKI into a directory: a CA, a server certificate for {@code localhost},
 * {@code 127.0.0.1} and {@code ::1}, and one client certificate per sample agency, as PEM (certificates
 * and PKCS#8 keys) plus a PKCS#12 bundle per client protected by a random password.
 *
 * <p>Files written ({@code NAME} is each entry of {@link #SAMPLE_CLIENTS}):
 * {@code ca.pem, ca-key.pem, server.pem, server-key.pem, NAME.pem, NAME-key.pem, NAME.p12}.
 * Private key files are made owner-readable only where the file system allows it.
 */
public final class ExampleCertificates {

    /** Sample client: file name stem, certificate subject, and the caller/agency it stands for. */
    public record SampleClient(String name, String agency, String caller) {
        public String subjectDn() {
            return "CN=" + caller + ",O=" + agency + ",C=KZ";
        }

        public String uriSan() {
            return "urn:qorgan:" + agency + ":" + caller;
        }
    }

    public static final List<SampleClient> SAMPLE_CLIENTS = List.of(
            new SampleClient("client-egov", "egov", "egov-chatbot"),
            new SampleClient("client-health", "health", "health-records"));

    static final List<String> SERVER_NAMES = List.of("localhost", "127.0.0.1", "::1");

    /**
     * What was written. {@code p12Passwords} (client name → password) must be shown to the user
     * once and not kept; {@code toString} masks them.
     */
    public record Result(Path directory, List<Path> files, Map<String, String> p12Passwords) {
        public Result {
            files = List.copyOf(files);
            p12Passwords = Collections.unmodifiableMap(new LinkedHashMap<>(p12Passwords));
        }

        @Override
        public String toString() {
            return "Result[" + directory + ", " + files.size() + " files, p12 passwords ****]";
        }
    }

    private final SecureRandom random;
    private final Clock clock;

    public ExampleCertificates(SecureRandom random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** Names of all files {@link #write} produces. */
    public static List<String> fileNames() {
        List<String> names = new ArrayList<>(List.of("ca.pem", "ca-key.pem", "server.pem", "server-key.pem"));
        for (SampleClient client : SAMPLE_CLIENTS) {
            names.addAll(List.of(client.name() + ".pem", client.name() + "-key.pem", client.name() + ".p12"));
        }
        return names;
    }

    /**
     * Generates and writes everything.
     *
     * @throws FileAlreadyExistsException if any target file exists and {@code force} is false; then
     *     nothing is written
     */
    public Result write(Path directory, boolean force) throws IOException {
        Files.createDirectories(directory);
        if (!force) {
            List<String> existing = fileNames().stream()
                    .filter(n -> Files.exists(directory.resolve(n)))
                    .toList();
            if (!existing.isEmpty()) {
                throw new FileAlreadyExistsException(
                        directory + " already holds " + String.join(", ", existing) + " (use --force to overwrite)");
            }
        }
        CertificateAuthority ca = CertificateAuthority.create(
                "CN=Qorgan Example CA,O=Qorgan trial,C=KZ", Duration.ofDays(3650), random, clock);
        List<Path> files = new ArrayList<>();
        files.add(writePublic(directory.resolve("ca.pem"), Pem.certificates(List.of(ca.certificate()))));
        files.add(writeSecret(
                directory.resolve("ca-key.pem"),
                Pem.privateKey(ca.issued().privateKey()).getBytes(StandardCharsets.US_ASCII)));

        Issued server = ca.issueServer(SERVER_NAMES, Duration.ofDays(825), KeyAlgorithm.EC);
        files.addAll(writePair(directory, "server", server));

        Map<String, String> passwords = new LinkedHashMap<>();
        for (SampleClient client : SAMPLE_CLIENTS) {
            Issued issued =
                    ca.issueClient(client.subjectDn(), List.of(client.uriSan()), Duration.ofDays(825), KeyAlgorithm.EC);
            files.addAll(writePair(directory, client.name(), issued));
            String password = randomPassword();
            files.add(writeSecret(
                    directory.resolve(client.name() + ".p12"),
                    pkcs12(client.name(), issued, ca.certificate(), password.toCharArray())));
            passwords.put(client.name(), password);
        }
        return new Result(directory, files, passwords);
    }

    private static List<Path> writePair(Path directory, String stem, Issued issued) throws IOException {
        return List.of(
                writePublic(directory.resolve(stem + ".pem"), Pem.certificates(List.of(issued.certificate()))),
                writeSecret(
                        directory.resolve(stem + "-key.pem"),
                        Pem.privateKey(issued.privateKey()).getBytes(StandardCharsets.US_ASCII)));
    }

    /** 24 letters and digits (143 bits): nothing a shell or a "-option" parser would trip on. */
    private String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    private static byte[] pkcs12(String alias, Issued issued, X509Certificate caCertificate, char[] password)
            throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(
                    alias, issued.privateKey(), password, new Certificate[] {issued.certificate(), caCertificate});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot build PKCS#12 bundle for " + alias, e);
        }
    }

    private static Path writePublic(Path file, String text) throws IOException {
        return Pem.writeAtomically(file, text.getBytes(StandardCharsets.US_ASCII), false);
    }

    private static Path writeSecret(Path file, byte[] bytes) throws IOException {
        return Pem.writeAtomically(file, bytes, true);
    }
}
