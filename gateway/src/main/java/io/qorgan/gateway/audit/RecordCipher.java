package io.qorgan.gateway.audit;

import io.qorgan.gateway.crypto.AesGcm;
import io.qorgan.gateway.crypto.Hkdf;
import io.qorgan.gateway.crypto.KeyRing;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * Seals record entries and opens them again. Each segment has its own key per key id, derived with HKDF from the
 * key ring's key, the trail's id and the segment's number; the nonce is the entry's sequence number, unique within
 * a segment, so no nonce repeats under a key however long the trail runs. The entry's header and key id are the
 * associated data: an entry moved elsewhere in the chain does not open. Not thread-safe.
 */
final class RecordCipher {

    private static final byte[] INFO = "qorgan-audit-segment-key".getBytes(StandardCharsets.US_ASCII);

    private final KeyRing ring;
    private final byte[] trailId;
    private final AesGcm gcm = new AesGcm();
    private final Map<String, byte[]> segmentKeys = new HashMap<>();
    private long keysOfSegment = -1;
    /** The current key's id and its bytes, made once per key rather than per record. */
    private String sealingId;

    private byte[] sealingIdBytes;

    RecordCipher(KeyRing ring, byte[] trailId) {
        this.ring = ring;
        this.trailId = trailId.clone();
    }

    /** The body of a record entry: header, key id, sealed JSON. */
    byte[] seal(long segment, long seq, long timeMicros, byte[] prev, byte[] json) {
        String keyId = ring.currentId();
        if (!keyId.equals(sealingId)) {
            sealingId = keyId;
            sealingIdBytes = keyId.getBytes(StandardCharsets.US_ASCII);
        }
        byte[] id = sealingIdBytes;
        byte[] associated = ByteBuffer.allocate(Frame.HEADER_BYTES + 1 + id.length)
                .put(Frame.header(Frame.RECORD, seq, timeMicros, prev))
                .put((byte) id.length)
                .put(id)
                .array();
        byte[] sealed = gcm.seal(key(segment, keyId).orElseThrow(), Frame.nonce(seq), associated, json);
        return ByteBuffer.allocate(associated.length + sealed.length)
                .put(associated)
                .put(sealed)
                .array();
    }

    /** The key id a record entry names, or null when the entry is too short to name one. */
    static String keyId(Frame frame) {
        int n = frame.payloadLength() < 1 ? -1 : frame.body[Frame.HEADER_BYTES] & 0xff;
        if (n < 1 || frame.payloadLength() < 1 + n) {
            return null;
        }
        return new String(frame.body, Frame.HEADER_BYTES + 1, n, StandardCharsets.US_ASCII);
    }

    /**
     * The JSON of a record entry.
     *
     * @throws IOException when the entry names a key the ring does not hold, or does not open (changed bytes, a
     *     wrong key, an entry from another place)
     */
    byte[] open(long segment, Frame frame) throws IOException {
        String keyId = keyId(frame);
        if (keyId == null) {
            throw new IOException("names no key");
        }
        Optional<byte[]> key = key(segment, keyId);
        if (key.isEmpty()) {
            throw new IOException("is encrypted under key `" + keyId + "`, which the key ring does not hold");
        }
        int start = Frame.HEADER_BYTES + 1 + keyId.length();
        byte[] associated = new byte[start];
        System.arraycopy(frame.body, 0, associated, 0, start);
        try {
            return gcm.open(
                    key.get(), Frame.nonce(frame.seq), associated, frame.body, start, frame.body.length - start);
        } catch (InvalidCipherTextException e) {
            throw new IOException("does not decrypt: its bytes were changed, or it was moved");
        }
    }

    private Optional<byte[]> key(long segment, String keyId) {
        if (segment != keysOfSegment) {
            segmentKeys.clear();
            keysOfSegment = segment;
        }
        byte[] key = segmentKeys.get(keyId);
        if (key == null) {
            Optional<byte[]> master = ring.key(keyId);
            if (master.isEmpty()) {
                return Optional.empty();
            }
            byte[] info = ByteBuffer.allocate(INFO.length + 8)
                    .put(INFO)
                    .putLong(segment)
                    .array();
            key = Hkdf.sha256(master.get(), trailId, info, AesGcm.KEY_BYTES);
            segmentKeys.put(keyId, key);
        }
        return Optional.of(key);
    }
}
