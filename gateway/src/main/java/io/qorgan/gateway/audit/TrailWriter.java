package io.qorgan.gateway.audit;

import io.qorgan.gateway.config.AuditConfig;
import io.qorgan.gateway.metrics.AuditMetrics;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends to a trail: the chain (sequence numbers and digests), the segment files (rolled by size and UTC day, each
 * closed by a signed seal), signatures of the chain head every {@code signEvery}, syncs as configured, retention,
 * and the index. Used by one thread only, the trail's writer.
 *
 * <p>Opening continues the trail found in the directory: it reads the last segment up to its last sound entry and
 * starts a new segment that goes on from there; when that segment was not sealed (a crash), the new segment's start
 * says how many bytes of it are the trail and how many were cut.
 */
final class TrailWriter implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(TrailWriter.class);
    private static final Duration INDEX_COMMIT_EVERY = Duration.ofSeconds(30);
    private static final Duration RETENTION_EVERY = Duration.ofHours(1);
    /** Appended bytes are written to the file at the next sync, or once this many are waiting. */
    private static final int FLUSH_BYTES = 256 * 1024;
    /** The longest the writer thread waits without looking at the clock (day change, retention). */
    private static final long MAX_WAIT_MILLIS = 1000;

    /** A record appended but not yet synced: written again after a failure. */
    record Unsynced(long seq, AuditRecord record) {}

    private final Path dir;
    private final AuditConfig config;
    private final AuditKeys keys;
    private final Clock clock;
    private final AuditMetrics metrics;
    private final byte[] trailId;
    private final String publicKey;
    private final RecordCipher cipher;
    private final AuditIndex index;
    private final MessageDigest sha = Frame.digest();
    private final Buffer buffer = new Buffer();
    private final List<Unsynced> unsynced = new ArrayList<>();

    private long seq;
    private byte[] head;
    private long segment;
    private LocalDate segmentDay;
    private FileChannel channel;
    private long segmentSize;
    private boolean dataUnsynced;
    private boolean entriesUnsigned;
    private long lastSyncMillis;
    private long lastSignMillis;
    private long lastCommitMillis;
    private long lastRetentionMillis;
    private long committedSeq;

    private TrailWriter(
            Path dir,
            AuditConfig config,
            AuditKeys keys,
            Clock clock,
            AuditMetrics metrics,
            byte[] trailId,
            long seq,
            byte[] head,
            AuditIndex index) {
        this.dir = dir;
        this.config = config;
        this.keys = keys;
        this.clock = clock;
        this.metrics = metrics;
        this.trailId = trailId;
        this.publicKey =
                Base64.getEncoder().encodeToString(keys.signing().getPublic().getEncoded());
        this.cipher = new RecordCipher(keys.encryption(), trailId);
        this.seq = seq;
        this.head = head;
        this.index = index;
    }

    /** Continues the trail in {@code config.directory()}, or starts one there. */
    static TrailWriter open(AuditConfig config, AuditKeys keys, Clock clock, AuditMetrics metrics) throws IOException {
        Path dir = config.directory();
        createPrivateDirectory(dir);
        createPrivateDirectory(Segments.segmentsDir(dir));
        Recovery found = recover(dir);
        byte[] trailId;
        long seq;
        byte[] head;
        long next;
        if (found == null) {
            trailId = new byte[16];
            new SecureRandom().nextBytes(trailId);
            seq = 0;
            head = Frame.genesis(trailId);
            next = 1;
        } else {
            trailId = found.trailId;
            seq = found.lastSeq;
            head = found.head;
            next = found.segment + 1;
            if (found.recovered != null) {
                log.warn(
                        "audit segment {} was not closed (the gateway stopped without closing it): the trail goes on "
                                + "after its entry #{}; {} bytes after it were cut",
                        found.segment,
                        found.lastSeq,
                        found.recovered.size() - found.recovered.validBytes());
            }
        }
        AuditIndex index = null;
        TrailWriter writer = null;
        try {
            if (config.index()) {
                index = AuditIndex.open(dir);
            }
            writer = new TrailWriter(dir, config, keys, clock, metrics, trailId, seq, head, index);
            if (index != null) {
                writer.catchUpIndex();
            }
            writer.openSegment(next, found == null ? null : found.recovered);
            writer.retention();
            return writer;
        } catch (IOException | RuntimeException e) {
            if (writer != null) {
                writer.abandon();
            } else if (index != null) {
                index.close();
            }
            throw e;
        }
    }

    /** Where the trail found on disk ends. */
    private record Recovery(
            byte[] trailId, long segment, long lastSeq, byte[] head, SegmentStart.Recovered recovered) {}

    private static Recovery recover(Path dir) throws IOException {
        List<Segments.Segment> segments = new ArrayList<>(Segments.list(dir));
        while (!segments.isEmpty()) {
            Segments.Segment last = segments.get(segments.size() - 1);
            try (SegmentReader reader = new SegmentReader(last.file())) {
                Frame first = reader.next();
                if (first == null || first.kind != Frame.START) {
                    if (first == null
                            && reader.validBytes() <= Frame.MAGIC.length
                            && reader.end() != null
                            && reader.end() != SegmentReader.End.NOT_A_SEGMENT
                            && reader.end() != SegmentReader.End.DAMAGED) {
                        // a crash while the segment was being started: it holds no entry at all
                        log.warn("removing audit segment {}: a crash left it without a single entry", last.file());
                        Files.delete(last.file());
                        segments.remove(segments.size() - 1);
                        continue;
                    }
                    throw new IOException("audit segment " + last.file() + " does not begin with a segment start; "
                            + "run qorgan audit verify");
                }
                SegmentStart start = SegmentStart.parse(first.payload());
                if (start.segment() != last.number()) {
                    throw new IOException("audit segment " + last.file() + " says it is segment " + start.segment()
                            + "; run qorgan audit verify");
                }
                Frame lastFrame = first;
                for (Frame f = reader.next(); f != null; f = reader.next()) {
                    lastFrame = f;
                }
                boolean sealed = lastFrame.kind == Frame.SEAL && reader.end() == SegmentReader.End.CLEAN;
                SegmentStart.Recovered recovered = sealed
                        ? null
                        : new SegmentStart.Recovered(last.number(), lastFrame.seq, reader.validBytes(), reader.size());
                return new Recovery(
                        HexFormat.of().parseHex(start.trail()),
                        last.number(),
                        lastFrame.seq,
                        Frame.sha256(lastFrame.body),
                        recovered);
            }
        }
        return null;
    }

    /** Brings the index up to the segments: removes what a crash cut, adds what the last commit missed. */
    private void catchUpIndex() throws IOException {
        long committed = index.committedSeq();
        long from = Math.min(committed, seq);
        index.deleteFrom(from + 1);
        long[] added = {0};
        AuditReader.read(dir, keys.encryption(), from, null, null, AuditReader.Progress.NONE, entry -> {
            index.add(entry.seq(), entry.segment(), entry.offset(), entry.record());
            added[0]++;
        });
        index.commit(seq);
        committedSeq = seq;
        if (added[0] > 0) {
            log.info("audit index: {} records added that its last commit did not hold", added[0]);
        }
    }

    private void openSegment(long number, SegmentStart.Recovered recovered) throws IOException {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Path file = Segments.file(dir, number, day);
        try {
            channel = FileChannel.open(
                    file,
                    Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(
                    "audit segment " + number + " exists already: is another gateway writing " + dir + "?");
        }
        segment = number;
        segmentDay = day;
        segmentSize = 0;
        buffer.write(Frame.MAGIC);
        segmentSize += Frame.MAGIC.length;
        SegmentStart start =
                new SegmentStart(Frame.hex(trailId), number, keys.algorithm().configName(), publicKey, recovered);
        appendFrame(concat(Frame.header(Frame.START, seq + 1, Frame.micros(now), head), start.toJson()));
        sync();
        syncDirectory(Segments.segmentsDir(dir));
        lastSignMillis = clock.millis();
        entriesUnsigned = false;
    }

    /** Adds one record to the chain (written to the file by {@link #afterBatch}). */
    void append(AuditRecord record) throws IOException {
        if (segmentSize >= config.segmentMaxBytes()) {
            roll();
        }
        long now = Frame.micros(clock.instant());
        byte[] json = RecordCodec.write(record);
        byte[] body = record instanceof RetentionRecord
                ? concat(Frame.header(Frame.DELETION, seq + 1, now, head), json)
                : cipher.seal(segment, seq + 1, now, head, json);
        long offset = segmentSize;
        appendFrame(body);
        unsynced.add(new Unsynced(seq, record));
        if (index != null) {
            index.add(seq, segment, offset, record);
        }
    }

    private void appendFrame(byte[] body) {
        buffer.write(Frame.framed(body));
        seq++;
        head = sha.digest(body);
        segmentSize += body.length + Frame.OVERHEAD;
        dataUnsynced = true;
        entriesUnsigned = true;
    }

    /**
     * Does whatever is due after a batch: a sync (which writes what was appended), a signature, a new segment, an
     * index commit, retention.
     */
    void afterBatch() throws IOException {
        long now = clock.millis();
        if (dataUnsynced
                && (config.sync() == AuditConfig.Sync.EVERY_RECORD
                        || now - lastSyncMillis >= config.syncInterval().toMillis())) {
            sync();
        } else if (buffer.size() >= FLUSH_BYTES) {
            // between syncs, written in large pieces: one system call per batch cost more than the rest
            flush();
        }
        if (entriesUnsigned && now - lastSignMillis >= config.signEvery().toMillis()) {
            sign(Frame.SIGN);
            sync();
        }
        if (segmentSize >= config.segmentMaxBytes()
                || !LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).equals(segmentDay)) {
            roll();
        }
        if (index != null
                && committedSeq < seq
                && !dataUnsynced
                && now - lastCommitMillis >= INDEX_COMMIT_EVERY.toMillis()) {
            index.commit(seq);
            committedSeq = seq;
            lastCommitMillis = now;
        }
        if (now - lastRetentionMillis >= RETENTION_EVERY.toMillis()) {
            retention();
        }
    }

    /** How long the writer thread may wait for records before {@link #afterBatch} has something due. */
    long waitMillis() {
        long now = clock.millis();
        long wait = MAX_WAIT_MILLIS;
        if (dataUnsynced) {
            wait = Math.min(wait, lastSyncMillis + config.syncInterval().toMillis() - now);
        }
        if (entriesUnsigned) {
            wait = Math.min(wait, lastSignMillis + config.signEvery().toMillis() - now);
        }
        return Math.max(1, wait);
    }

    private void sign(byte kind) {
        long started = System.nanoTime();
        byte[] header = Frame.header(kind, seq + 1, Frame.micros(clock.instant()), head);
        byte[] signature =
                keys.algorithm().sign(keys.signing().getPrivate(), Frame.signedMessage(trailId, segment, header));
        appendFrame(concat(header, signature));
        entriesUnsigned = false;
        lastSignMillis = clock.millis();
        metrics.signed(System.nanoTime() - started);
    }

    private void flush() throws IOException {
        if (buffer.size() == 0) {
            return;
        }
        ByteBuffer bytes = buffer.view();
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        buffer.reset();
    }

    private void sync() throws IOException {
        flush();
        long started = System.nanoTime();
        channel.force(false);
        metrics.synced(System.nanoTime() - started);
        metrics.written(unsynced.size());
        unsynced.clear();
        dataUnsynced = false;
        lastSyncMillis = clock.millis();
    }

    /** Seals this segment and starts the next one. */
    private void roll() throws IOException {
        sign(Frame.SEAL);
        sync();
        channel.close();
        channel = null;
        openSegment(segment + 1, null);
    }

    /**
     * Deletes the oldest segments whose every record is older than {@code retention} (never the segment being
     * written): first it records the deletion in the chain and syncs, then it deletes, so a crash in between leaves
     * segments the record calls deleted, never deleted segments no record explains.
     */
    void retention() throws IOException {
        lastRetentionMillis = clock.millis();
        Instant cutoff = clock.instant().minus(config.retention());
        List<Segments.Segment> segments = Segments.list(dir);
        int delete = 0;
        while (delete + 1 < segments.size() && segments.get(delete + 1).number() <= segment) {
            Frame nextStart = AuditReader.firstFrame(segments.get(delete + 1).file());
            if (nextStart == null
                    || nextStart.kind != Frame.START
                    || nextStart.time().isAfter(cutoff)) {
                break;
            }
            delete++;
        }
        if (delete == 0) {
            return;
        }
        Frame firstStart = AuditReader.firstFrame(segments.get(0).file());
        Frame keptStart = AuditReader.firstFrame(segments.get(delete).file());
        long first = segments.get(0).number();
        long last = segments.get(delete - 1).number();
        append(new RetentionRecord(
                clock.instant(),
                first,
                last,
                firstStart == null ? -1 : firstStart.seq,
                keptStart.seq - 1,
                firstStart == null ? null : firstStart.time(),
                keptStart.time(),
                Frame.hex(keptStart.prev())));
        sync();
        for (int i = 0; i < delete; i++) {
            Files.delete(segments.get(i).file());
        }
        syncDirectory(Segments.segmentsDir(dir));
        if (index != null) {
            index.deleteSegmentsThrough(last);
        }
        log.info("audit retention: deleted segments {} to {} (older than {})", first, last, config.retention());
    }

    /**
     * Writes what was appended to the file (not synced) and lets searches see every record indexed so far: a search
     * reads the records it finds from the file, so it may see no record whose entry is still in this writer's buffer.
     */
    void publish() throws IOException {
        flush();
        if (index != null) {
            index.refresh();
        }
    }

    /** Records appended since the last sync: what must be written again if this writer fails. */
    List<Unsynced> unsynced() {
        return List.copyOf(unsynced);
    }

    AuditIndex index() {
        return index;
    }

    long seq() {
        return seq;
    }

    long segment() {
        return segment;
    }

    /** Seals the segment, syncs, commits the index. */
    @Override
    public void close() throws IOException {
        if (channel == null) {
            abandon();
            return;
        }
        try {
            flush();
            sign(Frame.SEAL);
            sync();
            channel.close();
            channel = null;
            if (index != null) {
                index.commit(seq);
            }
        } finally {
            abandon();
        }
    }

    /** Lets go of the files without sealing: after a failure, or when closing failed. */
    void abandon() {
        buffer.reset();
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            log.debug("closing an abandoned audit segment: {}", e.toString());
        }
        channel = null;
        try {
            if (index != null) {
                index.close();
            }
        } catch (IOException | RuntimeException e) {
            log.debug("closing the audit index: {}", e.toString());
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }

    /** Makes a new or deleted file's name durable, not only its content. */
    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some file systems cannot open a directory for syncing; the data itself is synced
            log.debug("cannot sync directory {}: {}", dir, e.toString());
        }
    }

    /** The frames not yet written, readable in place. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(1 << 16);
        }

        ByteBuffer view() {
            return ByteBuffer.wrap(buf, 0, count);
        }

        @Override
        public void write(byte[] bytes) {
            write(bytes, 0, bytes.length);
        }
    }
}
