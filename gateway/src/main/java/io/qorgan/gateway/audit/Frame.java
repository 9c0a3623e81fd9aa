package io.qorgan.gateway.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * One entry of a segment file, as it lies on disk: {@code u32 length, body, u32 CRC-32C of the body}. The body is
 * {@code u8 kind, u64 seq, i64 time (µs since the epoch), 32 bytes: the SHA-256 of the previous entry's body,
 * payload}. So every entry carries the digest of the one before it (the chain), its place in the trail (seq, which
 * goes up by one from entry to entry across segments), and its kind:
 *
 * <ul>
 *   <li>{@link #START} opens a segment; payload: JSON naming the trail, the segment, the signature algorithm and
 *       public key, and what recovery cut off the segment before, if anything;
 *   <li>{@link #RECORD} one record; payload: {@code u8 n, key id (n bytes), AES-256-GCM ciphertext and tag} of the
 *       record's JSON, under a per-segment key derived from the named key, the header bound as associated data;
 *   <li>{@link #SIGN} a signature of the chain head; payload: the signature;
 *   <li>{@link #SEAL} the same, closing the segment: nothing follows it;
 *   <li>{@link #DELETION} a {@link RetentionRecord}, as JSON in clear.
 * </ul>
 */
final class Frame {

    static final byte START = 1;
    static final byte RECORD = 2;
    static final byte SIGN = 3;
    static final byte SEAL = 4;
    static final byte DELETION = 5;

    static final int HASH_BYTES = 32;
    /** kind, seq, time, prev. */
    static final int HEADER_BYTES = 1 + 8 + 8 + HASH_BYTES;
    /** The length prefix and the CRC around a body. */
    static final int OVERHEAD = 8;
    /** No body is larger; a length above it is damage, not a frame. */
    static final int MAX_BODY = 16 * 1024 * 1024;

    /** The first bytes of every segment file. */
    static final byte[] MAGIC = "QAUDIT01".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] GENESIS_LABEL = "qorgan-audit-genesis".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SIGNATURE_LABEL = "qorgan-audit-signature-1".getBytes(StandardCharsets.US_ASCII);

    final byte kind;
    final long seq;
    final long timeMicros;
    final byte[] body;

    Frame(byte[] body) {
        this.body = body;
        ByteBuffer b = ByteBuffer.wrap(body);
        this.kind = b.get();
        this.seq = b.getLong();
        this.timeMicros = b.getLong();
    }

    byte[] prev() {
        byte[] prev = new byte[HASH_BYTES];
        System.arraycopy(body, 17, prev, 0, HASH_BYTES);
        return prev;
    }

    int payloadLength() {
        return body.length - HEADER_BYTES;
    }

    byte[] payload() {
        byte[] p = new byte[payloadLength()];
        System.arraycopy(body, HEADER_BYTES, p, 0, p.length);
        return p;
    }

    Instant time() {
        return micros(timeMicros);
    }

    String kindName() {
        return kindName(kind);
    }

    static String kindName(byte kind) {
        return switch (kind) {
            case START -> "segment start";
            case RECORD -> "record";
            case SIGN -> "signature";
            case SEAL -> "seal";
            case DELETION -> "retention deletion";
            default -> "unknown entry (kind " + kind + ")";
        };
    }

    static boolean knownKind(byte kind) {
        return kind >= START && kind <= DELETION;
    }

    /** A body's header: what every entry starts with. */
    static byte[] header(byte kind, long seq, long timeMicros, byte[] prev) {
        return ByteBuffer.allocate(HEADER_BYTES)
                .put(kind)
                .putLong(seq)
                .putLong(timeMicros)
                .put(prev)
                .array();
    }

    /** The bytes written to disk for {@code body}. */
    static byte[] framed(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return ByteBuffer.allocate(body.length + OVERHEAD)
                .putInt(body.length)
                .put(body)
                .putInt((int) crc.getValue())
                .array();
    }

    static int crc(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return (int) crc.getValue();
    }

    static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the first entry of a trail points back to. */
    static byte[] genesis(byte[] trailId) {
        MessageDigest d = digest();
        d.update(GENESIS_LABEL);
        d.update(trailId);
        return d.digest();
    }

    /**
     * What a {@link #SIGN} or {@link #SEAL} entry signs: a label, the trail, the segment, and the entry's own
     * header, which holds the chain head (the digest of the entry before).
     */
    static byte[] signedMessage(byte[] trailId, long segment, byte[] header) {
        return ByteBuffer.allocate(SIGNATURE_LABEL.length + trailId.length + 8 + header.length)
                .put(SIGNATURE_LABEL)
                .put(trailId)
                .putLong(segment)
                .put(header)
                .array();
    }

    /** The 12-byte GCM nonce of a record: four zero bytes and its seq, unique under its segment's key. */
    static byte[] nonce(long seq) {
        return ByteBuffer.allocate(12).putInt(0).putLong(seq).array();
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
