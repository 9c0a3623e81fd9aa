import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Java trust store of the Debian base image: every CA certificate under a folder (Debian's ca-certificates),
 * written as the JKS file Debian's ca-certificates-java would have made. Run with java TrustStore.java DIR OUT.
 */
public final class TrustStore {
    public static void main(String[] args) throws Exception {
        KeyStore store = KeyStore.getInstance("JKS");
        store.load(null, null);
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
            files = walk.filter(p -> p.toString().endsWith(".crt")).sorted().toList();
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                X509Certificate ca = (X509Certificate) x509.generateCertificate(in);
                store.setCertificateEntry(file.getFileName().toString().replace(".crt", ""), ca);
            }
        }
        if (store.size() == 0) {
            throw new IllegalStateException("no CA certificates under " + args[0]);
        }
        try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
            store.store(out, "changeit".toCharArray());
        }
        System.out.println("trust store: " + store.size() + " CA certificates");
    }
}
