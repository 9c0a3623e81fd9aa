package io.qorgan.gateway.audit;

import io.qorgan.gateway.crypto.KeyRing;
import io.qorgan.gateway.crypto.SignatureAlgorithm;
import io.qorgan.gateway.crypto.SigningKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a trail without trusting it: every segment belongs to the same trail and continues the one before; every
 * entry follows the one before (its sequence number, and the digest of the previous entry it carries); every
 * signature verifies, with the pinned public keys when given; a crash's cut is recorded by the segment after it,
 * and segments missing at the start are explained by a retention record in the chain. With the key ring, every
 * record is also decrypted. No key is needed otherwise: the chain and the signatures cover the encrypted bytes.
 *
 * <p>The first problem found ends the check, and names the segment file, the entry's sequence number and its byte
 * offset. What is not a problem but worth knowing (a crash's cut tail, segments deleted by retention, entries not yet
 * covered by a signature) comes back as notes.
 */
public final class AuditVerifier {

    /**
     * @param ok whether the trail is sound
     * @param problem the first problem found, or null
     * @param notes what a reader should know even when sound
     * @param segments segments read
     * @param entries entries verified
     * @param records record entries among them
     * @param signatures signatures verified
     * @param lastSeq the sequence number of the last sound entry
     */
    public record Result(
            boolean ok,
            String problem,
            List<String> notes,
            int segments,
            long entries,
            long records,
            long signatures,
            long lastSeq) {}

    private final Path trail;
    private final List<PublicKey> pinned;
    private final KeyRing ring;
    private final List<String> notes = new ArrayList<>();
    private final Set<String> unpinnedKeys = new LinkedHashSet<>();
    private final List<RetentionRecord> deletions = new ArrayList<>();
    private RecordCipher cipher;
    private long entries;
    private long records;
    private long signatures;
    private int segmentsRead;

    private AuditVerifier(Path trail, List<PublicKey> pinned, KeyRing ring) {
        this.trail = trail;
        this.pinned = List.copyOf(pinned);
        this.ring = ring;
    }

    /**
     * Verifies the trail in {@code trail}.
     *
     * @param pinned the public keys the trail must be signed with; empty to accept the keys its segments name (then
     *     a note lists their fingerprints)
     * @param ring the encryption key ring, to decrypt every record too; null to check without decrypting
     * @throws IOException when a file cannot be read at all
     */
    public static Result verify(Path trail, List<PublicKey> pinned, KeyRing ring) throws IOException {
        return new AuditVerifier(trail, pinned, ring).run();
    }

    /** A short, stable name of a public key: the first 16 hex digits of the SHA-256 of its encoding. */
    public static String fingerprint(PublicKey key) {
        return Frame.hex(Frame.sha256(key.getEncoded())).substring(0, 16);
    }

    private static final class Broken extends Exception {
        Broken(String message) {
            super(message, null, false, false);
        }
    }

    private Result run() throws IOException {
        List<Segments.Segment> segments = Segments.list(trail);
        long lastSeq = 0;
        try {
            if (segments.isEmpty()) {
                throw new Broken("no segment files in " + Segments.segmentsDir(trail));
            }
            byte[] trailId = null;
            Frame previous = null;
            Segments.Segment previousSegment = null;
            Frame headOfTrail = null;
            Frame lastSigned = null;
            for (int i = 0; i < segments.size(); i++) {
                Segments.Segment segment = segments.get(i);
                boolean last = i == segments.size() - 1;
                String name = segment.file().getFileName().toString();
                segmentsRead++;
                try (SegmentReader reader = new SegmentReader(segment.file())) {
                    Frame start = reader.next();
                    if (start == null) {
                        if (reader.end() == SegmentReader.End.NOT_A_SEGMENT) {
                            throw new Broken("segment " + name + " is not an audit segment: it does not begin with "
                                    + "the segment marker");
                        }
                        if (last && reader.validBytes() <= Frame.MAGIC.length) {
                            notes.add("the last segment " + name + " holds no entry: a crash while it was being "
                                    + "started (the gateway removes it when it starts again)");
                            break;
                        }
                        throw new Broken("segment " + name + " holds no readable entry");
                    }
                    if (start.kind != Frame.START) {
                        throw new Broken("segment " + name + ": its first entry (#" + start.seq + ") is a "
                                + start.kindName() + ", not a segment start");
                    }
                    SegmentStart s;
                    try {
                        s = SegmentStart.parse(start.payload());
                    } catch (IOException e) {
                        throw new Broken(
                                "segment " + name + ": its segment start (entry #" + start.seq + ") cannot be read");
                    }
                    byte[] id = parseHex(s.trail(), name);
                    if (trailId == null) {
                        trailId = id;
                        cipher = ring == null ? null : new RecordCipher(ring, trailId);
                    } else if (!Arrays.equals(trailId, id)) {
                        throw new Broken("segment " + name + " belongs to another trail (" + s.trail() + ", not "
                                + Frame.hex(trailId) + ")");
                    }
                    if (s.segment() != segment.number()) {
                        throw new Broken("segment " + name + " says it is segment " + s.segment() + ": it was renamed");
                    }
                    SignatureAlgorithm algorithm = SignatureAlgorithm.byConfigName(s.algorithm())
                            .orElseThrow(() -> new Broken("segment " + name + " names an unknown signature algorithm"));
                    PublicKey key = trustedKey(s, name);
                    if (previous == null) {
                        if (start.seq == 1 && Arrays.equals(start.prev(), Frame.genesis(trailId))) {
                            headOfTrail = null;
                        } else {
                            headOfTrail = start;
                        }
                    } else {
                        checkContinues(previousSegment, previous, segment, start, s);
                    }
                    Frame before = start;
                    boolean sealed = false;
                    entries++;
                    for (Frame f = reader.next(); f != null; f = reader.next()) {
                        String where = "entry #" + f.seq + " (segment " + name + ", byte " + reader.frameOffset() + ")";
                        if (sealed) {
                            throw new Broken(
                                    where + " comes after the seal that closed the segment: it was added " + "later");
                        }
                        if (f.seq != before.seq + 1) {
                            throw new Broken(
                                    f.seq <= before.seq
                                            ? where + " comes after entry #" + before.seq
                                                    + ": entries were reordered or " + "inserted"
                                            : "entries #" + (before.seq + 1) + " to #" + (f.seq - 1)
                                                    + " are missing before " + where + ": they were deleted or moved");
                        }
                        if (!Arrays.equals(f.prev(), Frame.sha256(before.body))) {
                            throw new Broken(where + " does not follow entry #" + before.seq + ": entry #" + before.seq
                                    + " was changed, or " + where + " was put in its place");
                        }
                        switch (f.kind) {
                            case Frame.RECORD -> {
                                records++;
                                checkRecord(segment.number(), f, where);
                            }
                            case Frame.SIGN, Frame.SEAL -> {
                                byte[] header = Arrays.copyOf(f.body, Frame.HEADER_BYTES);
                                byte[] message = Frame.signedMessage(trailId, segment.number(), header);
                                if (!algorithm.verify(key, message, f.payload())) {
                                    throw new Broken("the signature at " + where + " does not verify: it was forged, "
                                            + "or the entries before it were changed");
                                }
                                signatures++;
                                lastSigned = f;
                                sealed = f.kind == Frame.SEAL;
                            }
                            case Frame.DELETION -> deletions.add(deletion(f, where));
                            default -> throw new Broken(where + " is a second segment start inside the segment");
                        }
                        entries++;
                        before = f;
                    }
                    lastSeq = before.seq;
                    checkEnd(reader, segment, before, sealed, last ? null : segments.get(i + 1));
                    if (last && !sealed) {
                        notes.add("the last segment " + name + " is open: the gateway is writing it, or stopped "
                                + "without closing it");
                        long unsigned = before.seq - (lastSigned == null ? 0 : lastSigned.seq);
                        if (unsigned > 0) {
                            notes.add(unsigned + " entries after the last signature (#"
                                    + (lastSigned == null ? 0 : lastSigned.seq) + ") are covered by the chain only, "
                                    + "until the next signature");
                        }
                    }
                    previous = before;
                    previousSegment = segment;
                }
            }
            if (headOfTrail != null) {
                explainDeletion(headOfTrail, segments.get(0));
            }
            if (!unpinnedKeys.isEmpty()) {
                notes.add("signatures were checked with the keys the segments name (" + String.join(", ", unpinnedKeys)
                        + "); pass --public-key to check them against the trail's own key");
            }
            if (ring == null) {
                notes.add("records were not decrypted (no key ring given): the chain and signatures cover their "
                        + "encrypted bytes");
            }
            return new Result(true, null, List.copyOf(notes), segmentsRead, entries, records, signatures, lastSeq);
        } catch (Broken e) {
            return new Result(
                    false, e.getMessage(), List.copyOf(notes), segmentsRead, entries, records, signatures, lastSeq);
        }
    }

    private PublicKey trustedKey(SegmentStart s, String name) throws Broken {
        PublicKey key;
        try {
            key = SigningKeys.fromEncoded(Base64.getDecoder().decode(s.publicKey()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Broken("segment " + name + " names a public key that cannot be read");
        }
        if (pinned.isEmpty()) {
            unpinnedKeys.add(fingerprint(key));
            return key;
        }
        Optional<PublicKey> match = pinned.stream()
                .filter(p -> Arrays.equals(p.getEncoded(), key.getEncoded()))
                .findFirst();
        if (match.isEmpty()) {
            throw new Broken("segment " + name + " is signed with key " + fingerprint(key) + ", which is not one of "
                    + "the trail's keys given: it was written or re-signed by someone else");
        }
        return match.get();
    }

    /** Segment {@code next} starts where {@code previous} (the last sound entry of the segment before) ends. */
    private static void checkContinues(
            Segments.Segment previousSegment, Frame previous, Segments.Segment segment, Frame start, SegmentStart s)
            throws Broken {
        String name = segment.file().getFileName().toString();
        String previousName = previousSegment.file().getFileName().toString();
        if (segment.number() != previousSegment.number() + 1) {
            throw new Broken("segments " + (previousSegment.number() + 1) + " to " + (segment.number() - 1)
                    + " are missing between " + previousName + " and " + name + ": they were deleted");
        }
        if (start.seq != previous.seq + 1 || !Arrays.equals(start.prev(), Frame.sha256(previous.body))) {
            throw new Broken("segment " + name + " (entry #" + start.seq + ") does not continue " + previousName
                    + ", which ends with entry #" + previous.seq + ": entries of " + previousName
                    + " were changed or removed");
        }
    }

    /**
     * How a segment ends: sealed at the end of the file, or cut (a crash) exactly where the next segment's start says
     * it was cut; the last segment may also end open, or cut by a crash.
     */
    private void checkEnd(
            SegmentReader reader, Segments.Segment segment, Frame last, boolean sealed, Segments.Segment next)
            throws Broken, IOException {
        String name = segment.file().getFileName().toString();
        SegmentReader.End end = reader.end();
        long at = reader.validBytes();
        String cutWhat = end == SegmentReader.End.DAMAGED
                ? "a damaged entry (" + reader.damage() + ")"
                : (reader.size() - at) + " bytes of an unfinished entry";
        if (next == null) {
            if (end == SegmentReader.End.CLEAN) {
                return;
            }
            if (end == SegmentReader.End.DAMAGED && !zeros(segment.file(), at)) {
                throw new Broken("segment " + name + ", byte " + at + ": the entry after #" + last.seq + " is damaged ("
                        + reader.damage() + "): it was changed");
            }
            notes.add("segment " + name + ": the tail was cut at byte " + at + ", after entry #" + last.seq + " ("
                    + cutWhat + ", a crash while writing); the trail is sound up to entry #" + last.seq);
            return;
        }
        Frame nextStart = AuditReader.firstFrame(next.file());
        SegmentStart.Recovered recovered = null;
        if (nextStart != null && nextStart.kind == Frame.START) {
            try {
                recovered = SegmentStart.parse(nextStart.payload()).recovered();
            } catch (IOException e) {
                recovered = null;
            }
        }
        if (sealed && end == SegmentReader.End.CLEAN) {
            return;
        }
        if (recovered == null) {
            if (end == SegmentReader.End.DAMAGED) {
                throw new Broken("segment " + name + ", byte " + at + ": the entry after #" + last.seq + " is damaged ("
                        + reader.damage() + "): it was changed");
            }
            throw new Broken("segment " + name + " ends after entry #" + last.seq + " at byte " + at + " without its "
                    + "seal, and the next segment does not record a crash: entries were removed from its end "
                    + "(truncated)");
        }
        if (recovered.segment() != segment.number()
                || recovered.lastSeq() != last.seq
                || recovered.validBytes() != at
                || recovered.size() != reader.size()) {
            throw new Broken("segment " + name + " ends after entry #" + last.seq + " at byte " + at + " ("
                    + reader.size() + " bytes in all), but when the gateway restarted after a crash it ended after "
                    + "entry #" + recovered.lastSeq() + " at byte " + recovered.validBytes() + " (" + recovered.size()
                    + " bytes): it was truncated or changed since");
        }
        if (at < reader.size()) {
            notes.add("segment " + name + ": the tail was cut at byte " + at + ", after entry #" + last.seq + " ("
                    + cutWhat + ", a crash while writing); the trail goes on in the next segment");
        } else {
            notes.add("segment " + name + " was not closed (a crash after entry #" + last.seq + "); the trail goes "
                    + "on in the next segment");
        }
    }

    private void checkRecord(long segment, Frame f, String where) throws Broken {
        if (cipher == null) {
            if (RecordCipher.keyId(f) == null) {
                throw new Broken(where + " names no key: it was changed");
            }
            return;
        }
        try {
            RecordCodec.read(cipher.open(segment, f));
        } catch (IOException e) {
            throw new Broken(where + " " + e.getMessage());
        }
    }

    private static RetentionRecord deletion(Frame f, String where) throws Broken {
        try {
            if (RecordCodec.read(f.payload()) instanceof RetentionRecord r) {
                return r;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new Broken(where + " is a retention deletion that cannot be read");
    }

    /** The trail starts later than its first entry: a retention record in the chain must say so. */
    private void explainDeletion(Frame start, Segments.Segment first) throws Broken {
        String head = Frame.hex(start.prev());
        for (RetentionRecord r : deletions) {
            if (r.lastSeq() + 1 == start.seq && head.equals(r.lastHash())) {
                notes.add("segments " + r.firstSegment() + " to " + r.lastSegment() + " (entries #" + r.firstSeq()
                        + " to #" + r.lastSeq() + ", started " + r.from() + " to " + r.to()
                        + ") were deleted by retention on " + r.time());
                return;
            }
        }
        throw new Broken("the trail starts at segment " + first.file().getFileName() + " with entry #" + start.seq
                + ": the segments before it are missing, and no retention record in the trail says they were "
                + "deleted");
    }

    private static byte[] parseHex(String hex, String name) throws Broken {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new Broken("segment " + name + " names a trail id that cannot be read");
        }
    }

    /** Whether the file holds only zero bytes from {@code offset} on: blocks a crash allocated but never wrote. */
    private static boolean zeros(Path file, long offset) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(offset);
            byte[] chunk = new byte[8192];
            for (int n = in.read(chunk); n > 0; n = in.read(chunk)) {
                for (int i = 0; i < n; i++) {
                    if (chunk[i] != 0) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
