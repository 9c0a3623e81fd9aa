package io.qorgan.gateway.crypto;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * One Bouncy Castle provider for the JCA algorithms the JDK lacks (GOST R 34.10-2012 with Streebog), handed to
 * {@code getInstance} calls by object: it is not added to the process-wide provider list, so no other code's choice
 * of provider changes.
 */
public final class BouncyCastle {

    private static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {}

    public static Provider provider() {
        return PROVIDER;
    }
}
