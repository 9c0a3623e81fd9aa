package io.qorgan.gateway.audit;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the entries of one segment file in order, and says how the file ends: cleanly after its last entry, cut in
 * the middle of an entry (a write that a crash interrupted), or damaged (an entry whose checksum, length or kind is
 * wrong). Reading stops at the first entry that is not whole and sound.
 */
final class SegmentReader implements Closeable {

    /** How the readable part of a file ended. */
    enum End {
        /** After a whole entry, at the end of the file. */
        CLEAN,
        /** In the middle of an entry: the file is shorter than the entry's length says. */
        PARTIAL,
        /** At an entry whose length, kind or checksum is wrong. */
        DAMAGED,
        /** The file does not start as a segment does. */
        NOT_A_SEGMENT
    }

    private final DataInputStream in;
    private final long size;
    private long offset;
    private long frameOffset = -1;
    private End end;
    private String damage;

    SegmentReader(Path file) throws IOException {
        this.size = Files.size(file);
        InputStream raw = Files.newInputStream(file);
        this.in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        byte[] magic = new byte[Frame.MAGIC.length];
        int n = in.readNBytes(magic, 0, magic.length);
        if (n < magic.length) {
            end = Arrays.equals(Arrays.copyOf(magic, n), Arrays.copyOf(Frame.MAGIC, n))
                    ? End.PARTIAL
                    : End.NOT_A_SEGMENT;
            offset = 0;
        } else if (!Arrays.equals(magic, Frame.MAGIC)) {
            end = End.NOT_A_SEGMENT;
        } else {
            offset = magic.length;
        }
    }

    /** The next sound entry, or null when there is none; then {@link #end()} says why. */
    Frame next() throws IOException {
        if (end != null) {
            return null;
        }
        long remaining = size - offset;
        if (remaining == 0) {
            end = End.CLEAN;
            return null;
        }
        if (remaining < 4) {
            end = End.PARTIAL;
            return null;
        }
        int length = in.readInt();
        if (length < Frame.HEADER_BYTES || length > Frame.MAX_BODY) {
            if (remaining - 4 < Frame.HEADER_BYTES + 4L) {
                end = End.PARTIAL;
            } else {
                end = End.DAMAGED;
                damage = "impossible length " + length;
            }
            return null;
        }
        if (remaining < length + (long) Frame.OVERHEAD) {
            end = End.PARTIAL;
            return null;
        }
        byte[] body = new byte[length];
        try {
            in.readFully(body);
            int crc = in.readInt();
            if (crc != Frame.crc(body)) {
                end = End.DAMAGED;
                damage = "checksum does not match";
                return null;
            }
        } catch (EOFException e) {
            end = End.PARTIAL;
            return null;
        }
        if (!Frame.knownKind(body[0])) {
            end = End.DAMAGED;
            damage = "unknown kind " + body[0];
            return null;
        }
        frameOffset = offset;
        offset += length + Frame.OVERHEAD;
        return new Frame(body);
    }

    /** Where the entry last returned starts in the file. */
    long frameOffset() {
        return frameOffset;
    }

    /** Bytes up to the end of the last sound entry (the magic included). */
    long validBytes() {
        return offset;
    }

    long size() {
        return size;
    }

    /** How reading ended; null before it has. */
    End end() {
        return end;
    }

    /** What was wrong with a damaged entry. */
    String damage() {
        return damage;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
