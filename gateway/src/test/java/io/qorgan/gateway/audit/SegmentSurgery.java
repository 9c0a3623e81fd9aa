package io.qorgan.gateway.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What an attacker with write access to the files could do to a segment, entry by entry. */
final class SegmentSurgery {

    /** One entry as it lies in the file. */
    record Entry(int offset, int length, long seq, byte kind) {}

    private final Path file;
    private final byte[] bytes;
    final List<Entry> entries = new ArrayList<>();

    SegmentSurgery(Path file) throws IOException {
        this.file = file;
        this.bytes = Files.readAllBytes(file);
        try (SegmentReader reader = new SegmentReader(file)) {
            for (Frame f = reader.next(); f != null; f = reader.next()) {
                entries.add(new Entry((int) reader.frameOffset(), f.body.length + Frame.OVERHEAD, f.seq, f.kind));
            }
        }
    }

    /** The first entry of {@code kind} after the segment start. */
    Entry first(byte kind) {
        return entries.stream().filter(e -> e.kind() == kind).findFirst().orElseThrow();
    }

    Entry withSeq(long seq) {
        return entries.stream().filter(e -> e.seq() == seq).findFirst().orElseThrow();
    }

    /** Flips one bit of the entry's body at {@code fromEnd} bytes before its end; the checksum fixed or not. */
    void flipBit(Entry e, int fromEnd, boolean fixChecksum) throws IOException {
        byte[] out = bytes.clone();
        int bodyEnd = e.offset() + e.length() - 4;
        out[bodyEnd - fromEnd] ^= 0x01;
        if (fixChecksum) {
            byte[] body = Arrays.copyOfRange(out, e.offset() + 4, bodyEnd);
            ByteBuffer.wrap(out, bodyEnd, 4).putInt(Frame.crc(body));
        }
        Files.write(file, out);
    }

    void delete(Entry e) throws IOException {
        write(cut(bytes, e.offset(), e.length()));
    }

    /** Puts {@code b} before {@code a}; a is before b in the file. */
    void swap(Entry a, Entry b) throws IOException {
        byte[] out = new byte[bytes.length];
        int at = 0;
        at = copy(bytes, 0, a.offset(), out, at);
        at = copy(bytes, b.offset(), b.length(), out, at);
        at = copy(bytes, a.offset() + a.length(), b.offset() - a.offset() - a.length(), out, at);
        at = copy(bytes, a.offset(), a.length(), out, at);
        copy(bytes, b.offset() + b.length(), bytes.length - b.offset() - b.length(), out, at);
        write(out);
    }

    /** Writes a copy of {@code e} right after it. */
    void duplicate(Entry e) throws IOException {
        byte[] out = new byte[bytes.length + e.length()];
        int at = copy(bytes, 0, e.offset() + e.length(), out, 0);
        at = copy(bytes, e.offset(), e.length(), out, at);
        copy(bytes, e.offset() + e.length(), bytes.length - e.offset() - e.length(), out, at);
        write(out);
    }

    /** Keeps the first {@code length} bytes. */
    void truncate(long length) throws IOException {
        write(Arrays.copyOf(bytes, (int) length));
    }

    int size() {
        return bytes.length;
    }

    private void write(byte[] out) throws IOException {
        Files.write(file, out);
    }

    private static byte[] cut(byte[] in, int offset, int length) {
        byte[] out = new byte[in.length - length];
        System.arraycopy(in, 0, out, 0, offset);
        System.arraycopy(in, offset + length, out, offset, in.length - offset - length);
        return out;
    }

    private static int copy(byte[] from, int offset, int length, byte[] to, int at) {
        System.arraycopy(from, offset, to, at, length);
        return at + length;
    }
}
