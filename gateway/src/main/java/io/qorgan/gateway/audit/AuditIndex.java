package io.qorgan.gateway.audit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index beside the segments, written by the trail's writer thread only. Searches see new records
 * near-real-time ({@link #searchers()}); a commit records the last sequence number it holds, so after a crash the
 * writer adds what the last commit missed, and removes what it holds of entries the crash cut from the segments.
 */
final class AuditIndex implements Closeable {

    static final String COMMITTED_SEQ = "qorgan.audit.seq";
    /** The commit's note of how its documents are made; an index made otherwise is rebuilt from the segments. */
    static final String FORMAT = "qorgan.audit.index";
    /** 4: request ids as a bucket term and a digest (3 had the id as a term; 2 had points for numbers; 1 stored JSON). */
    static final String FORMAT_VERSION = "4";

    private static final Logger log = LoggerFactory.getLogger(AuditIndex.class);

    private final FSDirectory directory;
    private final IndexWriter writer;
    private final IndexFields fields = new IndexFields();
    private final SearcherManager searchers;
    private long lastSeq;

    private AuditIndex(FSDirectory directory, IndexWriter writer) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.lastSeq = committedSeq();
    }

    /**
     * Opens (or creates) the index of {@code trail}; fails when another process holds it. An index in another
     * format is emptied, to be rebuilt from the segments.
     */
    static AuditIndex open(Path trail) throws IOException {
        Path dir = Segments.indexDir(trail);
        Files.createDirectories(dir);
        FSDirectory directory = FSDirectory.open(dir);
        try {
            IndexWriter writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            if (DirectoryReader.indexExists(directory) && !FORMAT_VERSION.equals(commitData(writer, FORMAT))) {
                log.info("audit index: made by an earlier version; rebuilding it from the segments");
                writer.close();
                writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE));
            }
            return new AuditIndex(directory, writer);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(new KeywordAnalyzer())
                .setOpenMode(mode)
                .setCommitOnClose(false)
                .setRAMBufferSizeMB(32);
    }

    private static String commitData(IndexWriter writer, String key) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (e.getKey().equals(key)) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    /** What a commit notes: the last entry it holds, and the format. */
    static Iterable<Map.Entry<String, String>> commitData(long seq) {
        return Map.of(COMMITTED_SEQ, Long.toString(seq), FORMAT, FORMAT_VERSION).entrySet();
    }

    /** The last sequence number the last commit holds; 0 for a new index. */
    long committedSeq() {
        String seq = commitData(writer, COMMITTED_SEQ);
        return seq == null ? 0 : Long.parseLong(seq);
    }

    void add(long seq, long segment, long offset, AuditRecord record) throws IOException {
        writer.addDocument(fields.document(seq, segment, offset, record));
        lastSeq = seq;
    }

    /** Forgets every document from {@code seq} on: entries a crash cut, to be written again. */
    void deleteFrom(long seq) throws IOException {
        writer.deleteDocuments(NumericDocValuesField.newSlowRangeQuery(IndexFields.SEQ, seq, Long.MAX_VALUE));
    }

    /** Forgets the documents of segments deleted by retention. */
    void deleteSegmentsThrough(long segment) throws IOException {
        writer.deleteDocuments(NumericDocValuesField.newSlowRangeQuery(IndexFields.SEGMENT, Long.MIN_VALUE, segment));
    }

    /** Makes what was added durable, noting {@code seq} as the last entry it covers (all of them on disk). */
    void commit(long seq) throws IOException {
        writer.setLiveCommitData(commitData(seq));
        writer.commit();
    }

    /** Makes what was added visible to searches; by the writer thread only, once the entries are in the file. */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
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
