package io.qorgan.gateway.audit;

import io.qorgan.gateway.crypto.KeyRing;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Reads single records where the index says they lie (a segment and the byte offset of the entry), checking the
 * entry's checksum and sequence number and decrypting it: the index keeps no copy of the records. One search's
 * reader, used by one thread; {@link #close} lets the files go.
 */
final class SegmentRecords implements Closeable {

    private final Path trail;
    private final KeyRing ring;
    private Map<Long, Path> files;
    private final Map<Long, FileChannel> open = new HashMap<>();
    private RecordCipher cipher;

    SegmentRecords(Path trail, KeyRing ring) {
        this.trail = trail;
        this.ring = ring;
    }

    /**
     * The JSON of the record at entry {@code seq}, at byte {@code offset} of segment {@code segment}.
     *
     * @throws IOException when the segment is gone (deleted by retention meanwhile), or the entry there is not that
     *     record, is damaged or does not decrypt
     */
    byte[] json(long segment, long offset, long seq) throws IOException {
        FileChannel channel = channel(segment);
        Frame frame = readFrame(channel, offset);
        if (frame == null || frame.seq != seq || (frame.kind != Frame.RECORD && frame.kind != Frame.DELETION)) {
            throw new IOException("the index does not match segment " + segment + " at entry #" + seq
                    + ": run qorgan audit verify, then qorgan audit reindex");
        }
        if (frame.kind == Frame.DELETION) {
            return frame.payload();
        }
        if (cipher == null) {
            Frame start = readFrame(channel, Frame.MAGIC.length);
            if (start == null || start.kind != Frame.START) {
                throw new IOException("segment " + segment + " does not begin with a segment start");
            }
            cipher = new RecordCipher(
                    ring,
                    HexFormat.of().parseHex(SegmentStart.parse(start.payload()).trail()));
        }
        try {
            return cipher.open(segment, frame);
        } catch (IOException e) {
            throw new IOException("segment " + segment + ", entry #" + seq + " " + e.getMessage());
        }
    }

    private FileChannel channel(long segment) throws IOException {
        FileChannel channel = open.get(segment);
        if (channel != null) {
            return channel;
        }
        if (files == null || !files.containsKey(segment)) {
            files = new HashMap<>();
            for (Segments.Segment s : Segments.list(trail)) {
                files.put(s.number(), s.file());
            }
        }
        Path file = files.get(segment);
        if (file == null) {
            throw new IOException("segment " + segment + " is gone (deleted by retention?); search again");
        }
        channel = FileChannel.open(file, StandardOpenOption.READ);
        open.put(segment, channel);
        return channel;
    }

    /** The sound entry at {@code offset}, or null when there is none (cut, damaged). */
    private static Frame readFrame(FileChannel channel, long offset) throws IOException {
        ByteBuffer length = ByteBuffer.allocate(4);
        if (!readFully(channel, length, offset)) {
            return null;
        }
        int n = length.getInt(0);
        if (n < Frame.HEADER_BYTES || n > Frame.MAX_BODY) {
            return null;
        }
        ByteBuffer rest = ByteBuffer.allocate(n + 4);
        if (!readFully(channel, rest, offset + 4)) {
            return null;
        }
        byte[] body = new byte[n];
        rest.get(0, body);
        if (Frame.crc(body) != rest.getInt(n)) {
            return null;
        }
        return new Frame(body);
    }

    private static boolean readFully(FileChannel channel, ByteBuffer into, long at) throws IOException {
        long position = at;
        while (into.hasRemaining()) {
            int n = channel.read(into, position);
            if (n < 0) {
                return false;
            }
            position += n;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        IOException failed = null;
        for (FileChannel c : open.values()) {
            try {
                c.close();
            } catch (IOException e) {
                failed = e;
            }
        }
        open.clear();
        if (failed != null) {
            throw failed;
        }
    }
}
