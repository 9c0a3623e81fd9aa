package io.qorgan.gateway.audit;

import io.qorgan.gateway.crypto.KeyRing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/** Rebuilds a trail's index from its segments ({@code qorgan audit reindex}): the index holds nothing else. */
public final class AuditIndexer {

    private AuditIndexer() {}

    /**
     * Replaces the index of {@code trail} with one built from every record its segments hold.
     *
     * @return the number of records indexed
     * @throws IOException when a gateway holds the index open, or a record does not decrypt
     */
    public static long rebuild(Path trail, KeyRing ring, AuditReader.Progress progress) throws IOException {
        Path dir = Segments.indexDir(trail);
        Files.createDirectories(dir);
        IndexWriterConfig config = new IndexWriterConfig(new KeywordAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(64);
        IndexFields fields = new IndexFields();
        long[] count = {0};
        long[] last = {0};
        try (FSDirectory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, config)) {
            AuditReader.read(trail, ring, 0, null, null, progress, entry -> {
                writer.addDocument(fields.document(entry.seq(), entry.segment(), entry.offset(), entry.record()));
                count[0]++;
                last[0] = entry.seq();
            });
            writer.setLiveCommitData(AuditIndex.commitData(lastEntry(trail, last[0])));
            writer.commit();
        } catch (LockObtainFailedException e) {
            throw new IOException("the index in " + dir + " is open in a running gateway: stop it first (a running "
                    + "gateway keeps its index up to date itself)");
        }
        return count[0];
    }

    /** The last entry of the trail, so a gateway opened next adds nothing twice. */
    private static long lastEntry(Path trail, long lastRecord) throws IOException {
        long last = lastRecord;
        for (Segments.Segment s : Segments.list(trail)) {
            try (SegmentReader reader = new SegmentReader(s.file())) {
                for (Frame f = reader.next(); f != null; f = reader.next()) {
                    last = Math.max(last, f.seq);
                }
            }
        }
        return last;
    }
}
