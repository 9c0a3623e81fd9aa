package io.qorgan.gateway.upstream;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * The upstream's own API key, resolved once at start from its reference ({@code env:…},
 * {@code file:…}). It is only ever written into request headers; {@code toString} hides it.
 */
public final class UpstreamCredential {

    private final String header;
    private final String value;

    UpstreamCredential(String header, String key) {
        this.header = header;
        this.value = header.equals("authorization") ? "Bearer " + key : key;
    }

    public void applyTo(HttpHeaders headers) {
        headers.set(header, value);
    }

    @Override
    public String toString() {
        return "UpstreamCredential[" + header + ": ****]";
    }
}
