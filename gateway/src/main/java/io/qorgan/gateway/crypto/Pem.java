package io.qorgan.gateway.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObjectGenerator;

/**
 * Reads and writes PEM: X.509 certificates and unencrypted PKCS#8 private keys (RSA or EC).
 *
 * <p>Error messages name the file, never its content.
 */
public final class Pem {

    private Pem() {}

    /** All certificates of a PEM bundle, in file order; fails if there is none. */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certificates = new ArrayList<>();
            for (var certificate : factory.generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new IOException(file + ": no PEM certificate found");
            }
            return List.copyOf(certificates);
        } catch (CertificateException e) {
            throw new IOException(file + ": not a valid PEM certificate bundle", e);
        }
    }

    /** The PKCS#8 private key of a PEM file ({@code -----BEGIN PRIVATE KEY-----}). */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file))) {
            Object object = parser.readObject();
            if (!(object instanceof PrivateKeyInfo info)) {
                // Do not echo what was found: it may be a key in another format.
                throw new IOException(file + ": expected an unencrypted PKCS#8 private key (BEGIN PRIVATE KEY);"
                        + " convert with: openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW");
            }
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a valid PEM private key");
        }
    }

    /** PEM text of certificates, one block each. */
    public static String certificates(List<X509Certificate> certificates) {
        return write(certificates.toArray());
    }

    /** PEM text of a private key as unencrypted PKCS#8. */
    public static String privateKey(PrivateKey key) {
        try {
            return write(new JcaPKCS8Generator(key, null));
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode private key as PKCS#8", e);
        }
    }

    private static String write(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                if (object instanceof PemObjectGenerator generator) {
                    writer.writeObject(generator);
                } else {
                    writer.writeObject(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * Writes beside the target, then renames over it: a reader (or a reloading gateway) never sees
     * half a file. {@code ownerOnly} makes the file readable by its owner only, else readable by all
     * (POSIX file systems).
     */
    public static Path writeAtomically(Path file, byte[] bytes, boolean ownerOnly) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
        try {
            setPermissions(temporary, ownerOnly ? "rw-------" : "rw-r--r--");
            Files.write(temporary, bytes);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return file;
    }

    /** Temporary files start owner-only; certificates are public and must stay readable by others. */
    private static void setPermissions(Path file, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): its ACLs stay as inherited.
        }
    }
}
