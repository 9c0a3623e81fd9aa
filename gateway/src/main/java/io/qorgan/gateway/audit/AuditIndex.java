package io.qorgan.gateway.audit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index beside the segments, written by the trail's writer thread only. Searches see new records
 * near-real-time ({@link #searchers()}); a commit records the last sequence number it holds, so after a crash the
 * writer adds what the last commit missed, and removes what it holds of entries the crash cut from the segments.
 */
final class AuditIndex implements Closeable {

    static final String COMMITTED_SEQ = "qorgan.audit.seq";

    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private long lastSeq;

    private AuditIndex(FSDirectory directory, IndexWriter writer) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.lastSeq = committedSeq();
    }

    /** Opens (or creates) the index of {@code trail}; fails when another process holds it. */
    static AuditIndex open(Path trail) throws IOException {
        Path dir = Segments.indexDir(trail);
        Files.createDirectories(dir);
        FSDirectory directory = FSDirectory.open(dir);
        try {
            IndexWriterConfig config = new IndexWriterConfig(new KeywordAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(false)
                    .setRAMBufferSizeMB(32);
            return new AuditIndex(directory, new IndexWriter(directory, config));
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** The last sequence number the last commit holds; 0 for a new index. */
    long committedSeq() {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (e.getKey().equals(COMMITTED_SEQ)) {
                    return Long.parseLong(e.getValue());
                }
            }
        }
        return 0;
    }

    void add(long seq, long segment, AuditRecord record, byte[] json) throws IOException {
        writer.addDocument(IndexFields.document(seq, segment, record, json));
        lastSeq = seq;
    }

    /** Forgets every document from {@code seq} on: entries a crash cut, to be written again. */
    void deleteFrom(long seq) throws IOException {
        writer.deleteDocuments(LongPoint.newRangeQuery(IndexFields.SEQ, seq, Long.MAX_VALUE));
    }

    /** Forgets the documents of segments deleted by retention. */
    void deleteSegmentsThrough(long segment) throws IOException {
        writer.deleteDocuments(LongPoint.newRangeQuery(IndexFields.SEGMENT, Long.MIN_VALUE, segment));
    }

    /** Makes what was added durable, noting {@code seq} as the last entry it covers (all of them on disk). */
    void commit(long seq) throws IOException {
        writer.setLiveCommitData(Map.of(COMMITTED_SEQ, Long.toString(seq)).entrySet());
        writer.commit();
    }

    /** Makes what was added visible to searches. */
    void refresh() throws IOException {
        searchers.maybeRefresh();
    }

    SearcherManager searchers() {
        return searchers;
    }

    long lastSeq() {
        return lastSeq;
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.close();
        } finally {
            directory.close();
        }
    }
}
