package io.qorgan.gateway.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The clear payload of a segment's first entry.
 *
 * @param trail the trail's id, in hex: every segment of one trail names the same
 * @param segment this segment's number
 * @param algorithm the signature algorithm ({@code ed25519}, {@code gost3410-2012-256})
 * @param publicKey the X.509 encoding of the key that signs this segment, in base64
 * @param recovered what the previous segment's writer did not finish (a crash), or null
 */
record SegmentStart(String trail, long segment, String algorithm, String publicKey, Recovered recovered) {

    /**
     * The previous segment ended without its seal: the entries up to {@code validBytes} are the trail, what follows
     * ({@code size - validBytes} bytes) was cut by a crash.
     */
    record Recovered(long segment, long lastSeq, long validBytes, long size) {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SegmentStart parse(byte[] json) throws IOException {
        SegmentStart s = JSON.readValue(json, SegmentStart.class);
        if (s.trail() == null || s.algorithm() == null || s.publicKey() == null) {
            throw new IOException("incomplete segment start");
        }
        return s;
    }
}
