package io.qorgan.gateway.audit;

import io.qorgan.gateway.crypto.KeyRing;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a trail's records back, decrypted, in the order they were written: for reports, reindexing and tests. It
 * does not check the chain or the signatures ({@link AuditVerifier} does); a segment's cut tail ends that segment.
 */
public final class AuditReader {

    /** Records are written a little after their time; a segment started this much after a period may still hold it. */
    private static final Duration LATE = Duration.ofHours(1);

    /** One record and where it lies: its segment, and the byte offset of its entry there. */
    public record Entry(long segment, long offset, long seq, Instant written, AuditRecord record) {}

    /** Told each segment as reading starts it: for progress on a terminal. */
    public interface Progress {
        Progress NONE = (done, total) -> {};

        void segment(int done, int total);
    }

    /** Receives the records. */
    public interface Sink {
        void accept(Entry entry) throws IOException;
    }

    private AuditReader() {}

    /** Every record of the trail. */
    public static void readAll(Path trail, KeyRing ring, Sink sink) throws IOException {
        read(trail, ring, 0, null, null, Progress.NONE, sink);
    }

    /**
     * The records after sequence number {@code afterSeq} whose segments may hold times in {@code [from, to)} (null:
     * no bound). Segments entirely before {@code from}, or started well after {@code to}, are not decrypted; the
     * caller filters records by time itself.
     *
     * @throws IOException naming the segment and entry when a record does not decrypt or parse
     */
    public static void read(
            Path trail, KeyRing ring, long afterSeq, Instant from, Instant to, Progress progress, Sink sink)
            throws IOException {
        List<Segments.Segment> segments = Segments.list(trail);
        RecordCipher cipher = null;
        for (int i = 0; i < segments.size(); i++) {
            progress.segment(i, segments.size());
            Segments.Segment segment = segments.get(i);
            if (i + 1 < segments.size()) {
                Frame next = firstFrame(segments.get(i + 1).file());
                if (next != null
                        && (next.seq - 1 <= afterSeq
                                || (from != null && next.time().isBefore(from)))) {
                    continue;
                }
            }
            try (SegmentReader reader = new SegmentReader(segment.file())) {
                Frame start = reader.next();
                if (start == null || start.kind != Frame.START) {
                    continue;
                }
                if (to != null && start.time().isAfter(to.plus(LATE))) {
                    break;
                }
                SegmentStart s = SegmentStart.parse(start.payload());
                byte[] trailId = HexFormat.of().parseHex(s.trail());
                if (cipher == null) {
                    cipher = new RecordCipher(ring, trailId);
                }
                for (Frame f = reader.next(); f != null; f = reader.next()) {
                    if (f.seq <= afterSeq || (f.kind != Frame.RECORD && f.kind != Frame.DELETION)) {
                        continue;
                    }
                    byte[] json;
                    try {
                        json = f.kind == Frame.RECORD ? cipher.open(segment.number(), f) : f.payload();
                    } catch (IOException e) {
                        throw new IOException("segment " + segment.file().getFileName() + ", entry #" + f.seq + " "
                                + e.getMessage() + "; run qorgan audit verify");
                    }
                    AuditRecord record;
                    try {
                        record = RecordCodec.read(json);
                    } catch (IOException e) {
                        throw new IOException("segment " + segment.file().getFileName() + ", entry #" + f.seq
                                + " is not a record this version reads");
                    }
                    sink.accept(new Entry(segment.number(), reader.frameOffset(), f.seq, f.time(), record));
                }
            }
        }
        progress.segment(segments.size(), segments.size());
    }

    /** The first entry of a segment file, or null when it has none. */
    static Frame firstFrame(Path file) throws IOException {
        try (SegmentReader reader = new SegmentReader(file)) {
            return reader.next();
        }
    }
}
