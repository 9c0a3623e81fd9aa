package io.qorgan.gateway.crypto;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The signatures the gateway makes, through Bouncy Castle: Ed25519 (RFC 8032), or GOST R 34.10-2012 with 256-bit
 * keys on the TC26 parameter set A and the Streebog-256 hash (GOST R 34.11-2012), the national option.
 */
public enum SignatureAlgorithm {
    ED25519("ed25519", "Ed25519", "Ed25519", null),
    GOST3410_2012_256(
            "gost3410-2012-256",
            "ECGOST3410-2012",
            "GOST3411-2012-256WITHECGOST3410-2012-256",
            "Tc26-Gost-3410-12-256-paramSetA");

    private final String configName;
    private final String keyAlgorithm;
    private final String signatureAlgorithm;
    private final String curve;

    SignatureAlgorithm(String configName, String keyAlgorithm, String signatureAlgorithm, String curve) {
        this.configName = configName;
        this.keyAlgorithm = keyAlgorithm;
        this.signatureAlgorithm = signatureAlgorithm;
        this.curve = curve;
    }

    /** The name written in configuration and on the command line: {@code ed25519}, {@code gost3410-2012-256}. */
    public String configName() {
        return configName;
    }

    public static List<String> configNames() {
        return Arrays.stream(values()).map(SignatureAlgorithm::configName).toList();
    }

    public static Optional<SignatureAlgorithm> byConfigName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.configName.equals(n)).findFirst();
    }

    /** The algorithm of a key read from a file, by the key's JCA algorithm name. */
    public static Optional<SignatureAlgorithm> ofKey(Key key) {
        String name = key.getAlgorithm();
        if (name.equalsIgnoreCase("Ed25519") || name.equalsIgnoreCase("EdDSA")) {
            return Optional.of(ED25519);
        }
        if (name.toUpperCase(Locale.ROOT).startsWith("ECGOST3410-2012")) {
            return Optional.of(GOST3410_2012_256);
        }
        return Optional.empty();
    }

    public KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm, BouncyCastle.provider());
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve), random);
            } else {
                generator.initialize(255, random);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + configName + " key pair", e);
        }
    }

    public byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance(signatureAlgorithm, BouncyCastle.provider());
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + configName, e);
        }
    }

    /** False for a wrong signature, and for one that is not even well-formed. */
    public boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(signatureAlgorithm, BouncyCastle.provider());
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
