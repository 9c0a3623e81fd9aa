package io.qorgan.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.crypto.SignatureAlgorithm;
import io.qorgan.gateway.identity.AuthMethod;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index a running trail keeps, and the one {@code qorgan audit reindex} builds: the same, document by document. */
class AuditIndexerTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void rebuild_afterALiveTrail_holdsExactlyWhatTheLiveIndexHeld() throws Exception {
        AuditFixtures.Keys keys = AuditFixtures.keys(tmp.resolve("keys"), SignatureAlgorithm.ED25519);
        Path dir = tmp.resolve("trail");
        writeTrail(dir, keys);
        Map<Long, SortedSet<String>> live = dump(dir);

        long indexed = AuditIndexer.rebuild(dir, keys.ring(), AuditReader.Progress.NONE);

        assertThat(indexed).isEqualTo(live.size());
        assertThat(dump(dir)).isEqualTo(live);
    }

    @Test
    void open_indexOfAnEarlierFormat_rebuiltFromTheSegments() throws Exception {
        AuditFixtures.Keys keys = AuditFixtures.keys(tmp.resolve("keys"), SignatureAlgorithm.ED25519);
        Path dir = tmp.resolve("trail");
        writeTrail(dir, keys);
        Map<Long, SortedSet<String>> live = dump(dir);
        // what the first version committed: its last entry, no format
        try (FSDirectory d = FSDirectory.open(Segments.indexDir(dir));
                IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new KeywordAnalyzer()))) {
            w.setLiveCommitData(Map.of(AuditIndex.COMMITTED_SEQ, "1000").entrySet());
            w.commit();
        }
        assertThat(AuditSearchFails.of(dir, keys)).contains("qorgan audit reindex");

        try (AuditTrail trail = AuditFixtures.open(AuditFixtures.config(dir, keys))) {
            assertThat(trail.enabled()).isTrue();
        }

        assertThat(dump(dir)).isEqualTo(live);
        assertThat(AuditSearch.search(dir, keys.ring(), AuditQuery.of("type:exchange"))
                        .records())
                .hasSize(40);
    }

    /** Forty exchanges and records of every other kind, over three segments. */
    private static void writeTrail(Path dir, AuditFixtures.Keys keys) throws IOException {
        try (AuditTrail trail = AuditFixtures.open(
                AuditFixtures.settings(dir, keys).segmentMaxBytes(8192).build())) {
            for (int i = 0; i < 40; i++) {
                trail.admit().write(AuditFixtures.exchange(i, T0.plusSeconds(i)));
            }
            trail.record(ReloadRecord.ok(T0, ReloadRecord.Component.POLICY, "sha256-abc"));
            trail.record(new AuthFailureRecord(
                    T0, "req-a", InetAddress.getLoopbackAddress(), AuthMethod.API_KEY, null, "invalid_api_key"));
            trail.record(new SearchRecord(
                    T0,
                    "req-s",
                    "health",
                    "auditor",
                    AuthMethod.API_KEY,
                    null,
                    List.of("agency", "verdict"),
                    null,
                    null,
                    1,
                    3,
                    200,
                    null));
        }
        assertThat(Segments.list(dir)).hasSizeGreaterThan(2);
    }

    /** Every document's terms, points and doc values, by its sequence number. */
    private static Map<Long, SortedSet<String>> dump(Path trail) throws IOException {
        Map<Long, SortedSet<String>> docs = new TreeMap<>();
        try (FSDirectory d = FSDirectory.open(Segments.indexDir(trail));
                DirectoryReader reader = DirectoryReader.open(d)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                LeafReader r = leaf.reader();
                Map<Integer, SortedSet<String>> byDoc = new TreeMap<>();
                for (FieldInfo field : r.getFieldInfos()) {
                    if (field.getIndexOptions() != IndexOptions.NONE) {
                        Terms terms = r.terms(field.name);
                        TermsEnum te = terms.iterator();
                        PostingsEnum postings = null;
                        for (BytesRef term = te.next(); term != null; term = te.next()) {
                            postings = te.postings(postings, PostingsEnum.NONE);
                            for (int doc = postings.nextDoc();
                                    doc != DocIdSetIterator.NO_MORE_DOCS;
                                    doc = postings.nextDoc()) {
                                add(byDoc, doc, field.name + ":" + Term.toString(term));
                            }
                        }
                    }
                    if (field.getDocValuesType() == DocValuesType.NUMERIC) {
                        NumericDocValues values = DocValues.getNumeric(r, field.name);
                        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                            add(byDoc, doc, field.name + "#" + values.longValue());
                        }
                    }
                    if (field.getPointDimensionCount() > 0) {
                        r.getPointValues(field.name).intersect(new PointValues.IntersectVisitor() {
                            @Override
                            public void visit(int docID) {
                                throw new AssertionError("every point is visited with its value");
                            }

                            @Override
                            public void visit(int docID, byte[] packed) {
                                add(byDoc, docID, field.name + "=" + LongPoint.decodeDimension(packed, 0));
                            }

                            @Override
                            public PointValues.Relation compare(byte[] min, byte[] max) {
                                return PointValues.Relation.CELL_CROSSES_QUERY;
                            }
                        });
                    }
                }
                for (Map.Entry<Integer, SortedSet<String>> e : byDoc.entrySet()) {
                    if (r.getLiveDocs() != null && !r.getLiveDocs().get(e.getKey())) {
                        continue;
                    }
                    long seq = e.getValue().stream()
                            .filter(s -> s.startsWith(IndexFields.SEQ + "#"))
                            .mapToLong(s -> Long.parseLong(s.substring(IndexFields.SEQ.length() + 1)))
                            .findFirst()
                            .orElseThrow();
                    assertThat(docs.put(seq, e.getValue()))
                            .as("one document for entry #" + seq)
                            .isNull();
                }
            }
        }
        return docs;
    }

    private static void add(Map<Integer, SortedSet<String>> byDoc, int doc, String what) {
        byDoc.computeIfAbsent(doc, k -> new TreeSet<>()).add(what);
    }

    /** The message of a CLI-side search that cannot run. */
    private static final class AuditSearchFails {
        static String of(Path dir, AuditFixtures.Keys keys) {
            try {
                AuditSearch.search(dir, keys.ring(), AuditQuery.of(""));
                return "";
            } catch (IOException | BadQuery e) {
                return e.getMessage();
            }
        }
    }
}
