package io.qorgan.gateway.config;

import io.qorgan.gateway.crypto.SecretRef;
import java.net.URI;
import java.time.Duration;

/**
 * The gateways that serve together behind one load balancer, and the store they share.
 *
 * @param nodes how many gateways run; a node holds {@code limit / nodes} of each agency limit on its own (always for
 *     concurrent exchanges, and for rates and tokens when there is no shared store or it cannot be reached)
 * @param store the shared store (Redis or Valkey), or null when the nodes share nothing
 */
public record FleetConfig(int nodes, Store store) {

    public static FleetConfig single() {
        return new FleetConfig(1, null);
    }

    public boolean shared() {
        return store != null;
    }

    /**
     * A Redis or Valkey server the nodes share: fleet-wide quotas and sealed conversation vaults.
     *
     * @param url {@code redis://host:port} or {@code rediss://} for TLS, with an optional database ({@code /2})
     * @param password the store's password, or null
     * @param key the key every node shares to seal conversation vaults (32 bytes, hex or base64)
     * @param timeout a command slower than this counts as the store being unreachable
     */
    public record Store(URI url, SecretRef password, SecretRef key, Duration timeout) {

        @Override
        public String toString() { // never the password or the key
            return "Store[" + url.getScheme() + "://" + url.getHost() + ":" + url.getPort() + "]";
        }
    }
}
