package io.qorgan.gateway.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jcajce.interfaces.EdDSAPrivateKey;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * Signing keys as PEM text: PKCS#8 private keys ({@code BEGIN PRIVATE KEY}) and X.509 public keys
 * ({@code BEGIN PUBLIC KEY}), Ed25519 or GOST R 34.10-2012, read and written with Bouncy Castle. Error messages
 * never repeat the text they were given: it may be a key.
 */
public final class SigningKeys {

    private SigningKeys() {}

    /** A private key and the public key that goes with it (derived from the private one). */
    public static KeyPair readPrivate(String pem) throws IOException {
        Object object;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            object = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new IOException("not a PEM private key");
        }
        if (!(object instanceof PrivateKeyInfo info)) {
            throw new IOException("expected an unencrypted PKCS#8 private key (BEGIN PRIVATE KEY)");
        }
        try {
            PrivateKey key = new JcaPEMKeyConverter()
                    .setProvider(BouncyCastle.provider())
                    .getPrivateKey(info);
            if (SignatureAlgorithm.ofKey(key).isEmpty()) {
                throw new IOException("the private key is neither Ed25519 nor GOST R 34.10-2012");
            }
            return new KeyPair(publicOf(key), key);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException("not a readable Ed25519 or GOST R 34.10-2012 private key");
        }
    }

    public static PublicKey readPublic(String pem) throws IOException {
        Object object;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            object = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new IOException("not a PEM public key");
        }
        if (!(object instanceof SubjectPublicKeyInfo info)) {
            throw new IOException("expected a public key (BEGIN PUBLIC KEY)");
        }
        try {
            return fromEncoded(info.getEncoded());
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IOException("not a readable Ed25519 or GOST R 34.10-2012 public key");
        }
    }

    /** A public key from its X.509 {@code SubjectPublicKeyInfo} encoding. */
    public static PublicKey fromEncoded(byte[] encoded) throws GeneralSecurityException {
        try {
            return new JcaPEMKeyConverter()
                    .setProvider(BouncyCastle.provider())
                    .getPublicKey(SubjectPublicKeyInfo.getInstance(encoded));
        } catch (PEMException | RuntimeException e) {
            throw new GeneralSecurityException("not a public key encoding");
        }
    }

    public static String privatePem(PrivateKey key) {
        try {
            return pem(new JcaPKCS8Generator(key, null));
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode the private key as PKCS#8", e);
        }
    }

    public static String publicPem(PublicKey key) {
        return pem(key);
    }

    private static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static PublicKey publicOf(PrivateKey key) throws GeneralSecurityException {
        if (key instanceof EdDSAPrivateKey ed) {
            return ed.getPublicKey();
        }
        if (key instanceof ECPrivateKey ec) {
            var spec = ec.getParameters();
            var q = spec.getG().multiply(ec.getD()).normalize();
            return KeyFactory.getInstance(key.getAlgorithm(), BouncyCastle.provider())
                    .generatePublic(new ECPublicKeySpec(q, spec));
        }
        throw new GeneralSecurityException("unsupported key");
    }
}
