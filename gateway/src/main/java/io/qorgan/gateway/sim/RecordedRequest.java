package io.qorgan.gateway.sim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request as the simulator received it: what left the gateway, byte for byte.
 *
 * @param method HTTP method, e.g. {@code POST}
 * @param path the request target as received, query included
 * @param headers header names as sent, in order; repeated headers joined with {@code ", "}
 * @param body the raw body bytes (a copy is returned on each call)
 */
public record RecordedRequest(String method, String path, Map<String, String> headers, byte[] body) {

    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A header by name, case-insensitive; {@code null} when absent. */
    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordedRequest r
                && method.equals(r.method)
                && path.equals(r.path)
                && headers.equals(r.headers)
                && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + ", " + body.length + " body bytes]";
    }
}
