package io.qorgan.gateway.cache;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Where one answer is kept: the agency (for purges and per-agency figures; an agency id is the gateway's own
 * vocabulary, not personal data) and the SHA-256 digest of the scope, route, upstream, endpoint and the protected body
 * in canonical form. It holds no personal data by construction: the body it digests already carries placeholders.
 */
public final class CacheKey {

    private final String agency;
    private final byte[] digest;
    private final int hash;

    CacheKey(String agency, byte[] digest) {
        this.agency = Objects.requireNonNull(agency, "agency");
        this.digest = digest.clone();
        this.hash = 31 * agency.hashCode() + Arrays.hashCode(digest);
    }

    public String agency() {
        return agency;
    }

    /** The digest as hex, for inspection. */
    public String digestHex() {
        return HexFormat.of().formatHex(digest);
    }

    byte[] digest() {
        return digest.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacheKey k && k.hash == hash && k.agency.equals(agency) && Arrays.equals(k.digest, digest);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "CacheKey[" + agency + ", " + digestHex().substring(0, 12) + "]";
    }
}
