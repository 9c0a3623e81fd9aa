package io.qorgan.gateway.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small certificate authority for trials and tests: issues server and client certificates with
 * the extensions TLS peers check (key usage, extended key usage, basic constraints, SAN).
 *
 * <p>Keys are EC P-256 (ECDSA with SHA-256) unless {@link KeyAlgorithm#RSA} is asked for.
 * Serial numbers are 128 random bits. Not for production PKI: no revocation, no policies.
 */
public final class CertificateAuthority {

    /** Algorithm of generated key pairs. */
    public enum KeyAlgorithm {
        EC,
        RSA
    }

    /** A certificate with its private key. {@code toString} never shows the key. */
    public record Issued(X509Certificate certificate, PrivateKey privateKey) {
        public Issued {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(privateKey, "privateKey");
        }

        @Override
        public String toString() {
            return "Issued[" + certificate.getSubjectX500Principal().getName() + ", serial "
                    + certificate.getSerialNumber().toString(16) + "]";
        }
    }

    private final Issued ca;
    private final SecureRandom random;
    private final Clock clock;

    private CertificateAuthority(Issued ca, SecureRandom random, Clock clock) {
        this.ca = ca;
        this.random = random;
        this.clock = clock;
    }

    /** A new self-signed CA valid for {@code validity} from now. */
    public static CertificateAuthority create(String subjectDn, Duration validity, SecureRandom random, Clock clock) {
        KeyPair keys = generateKeyPair(KeyAlgorithm.EC, random);
        X500Name subject = x500Name(subjectDn);
        Instant now = clock.instant();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            subject,
                            serial(random),
                            Date.from(now.minus(Duration.ofMinutes(5))),
                            Date.from(now.plus(validity)),
                            subject,
                            keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = sign(builder, keys.getPrivate(), random);
            return new CertificateAuthority(new Issued(certificate, keys.getPrivate()), random, clock);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create CA certificate", e);
        }
    }

    /** An existing CA from its PEM certificate and PKCS#8 key files. */
    public static CertificateAuthority load(Path certificatePem, Path privateKeyPem, SecureRandom random, Clock clock)
            throws IOException {
        X509Certificate certificate = Pem.readCertificates(certificatePem).get(0);
        PrivateKey key = Pem.readPrivateKey(privateKeyPem);
        return new CertificateAuthority(new Issued(certificate, key), random, clock);
    }

    public X509Certificate certificate() {
        return ca.certificate();
    }

    /** The CA's own certificate and key (to write them out). */
    public Issued issued() {
        return ca;
    }

    /**
     * A TLS server certificate. Each name becomes a SAN: an IP literal (v4 or v6) as iPAddress,
     * anything else as dNSName; the first name is also the CN.
     */
    public Issued issueServer(List<String> names, Duration validity, KeyAlgorithm algorithm) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least one name");
        }
        List<GeneralName> sans = new ArrayList<>();
        for (String name : names) {
            sans.add(
                    isIpLiteral(name)
                            ? new GeneralName(GeneralName.iPAddress, name)
                            : new GeneralName(GeneralName.dNSName, name));
        }
        return issue(
                "CN=" + names.get(0),
                sans,
                KeyPurposeId.id_kp_serverAuth,
                KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
                validity,
                algorithm);
    }

    /**
     * A TLS client certificate with subject {@code CN=caller, O=agency} and, when given, a URI SAN
     * (e.g. {@code urn:qorgan:egov:egov-chatbot}) that the identity store can map.
     */
    public Issued issueClient(String subjectDn, List<String> uriSans, Duration validity, KeyAlgorithm algorithm) {
        List<GeneralName> sans = new ArrayList<>();
        for (String uri : uriSans) {
            sans.add(new GeneralName(GeneralName.uniformResourceIdentifier, uri));
        }
        return issue(subjectDn, sans, KeyPurposeId.id_kp_clientAuth, KeyUsage.digitalSignature, validity, algorithm);
    }

    private Issued issue(
            String subjectDn,
            List<GeneralName> sans,
            KeyPurposeId purpose,
            int keyUsage,
            Duration validity,
            KeyAlgorithm algorithm) {
        KeyPair keys = generateKeyPair(algorithm, random);
        Instant now = clock.instant();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            PublicKey publicKey = keys.getPublic();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            ca.certificate(),
                            serial(random),
                            Date.from(now.minus(Duration.ofMinutes(5))),
                            Date.from(now.plus(validity)),
                            x500Name(subjectDn),
                            publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(
                            Extension.keyUsage,
                            true,
                            new KeyUsage(
                                    algorithm == KeyAlgorithm.EC ? keyUsage & ~KeyUsage.keyEncipherment : keyUsage))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey))
                    .addExtension(
                            Extension.authorityKeyIdentifier,
                            false,
                            utils.createAuthorityKeyIdentifier(ca.certificate()));
            if (!sans.isEmpty()) {
                builder.addExtension(
                        Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
            }
            return new Issued(sign(builder, ca.privateKey(), random), keys.getPrivate());
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue certificate for " + subjectDn, e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer, SecureRandom random)
            throws OperatorCreationException, GeneralSecurityException {
        String algorithm = signer.getAlgorithm().startsWith("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        ContentSigner contentSigner =
                new JcaContentSignerBuilder(algorithm).setSecureRandom(random).build(signer);
        return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
    }

    static KeyPair generateKeyPair(KeyAlgorithm algorithm, SecureRandom random) {
        try {
            if (algorithm == KeyAlgorithm.RSA) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048, random);
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate " + algorithm + " key pair", e);
        }
    }

    /** RFC 2253 text as the JDK reads it (most specific RDN first), so subjects print as written. */
    private static X500Name x500Name(String dn) {
        return X500Name.getInstance(new X500Principal(dn).getEncoded());
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(128, random).setBit(127); // positive, fixed length
    }

    private static boolean isIpLiteral(String name) {
        if (name.contains(":")) {
            return true;
        }
        if (!name.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return false;
        }
        try {
            InetAddress.getByName(name); // literal: no lookup happens
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
