package io.qorgan.gateway.audit;

import io.qorgan.gateway.crypto.KeyRing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * Searches the trail's index: Lucene's classic query syntax over the fields {@link IndexFields} writes (exact
 * values; enum values in any case; numbers and ranges for {@code status}, {@code latency} in ms, {@code bytes_in},
 * {@code bytes_out}), bare terms against every field, a period, newest first, a page at a time. The page's records
 * are read from the segments, where the index says they lie, and decrypted: the index holds no copy of them.
 */
public final class AuditSearch {

    private static final Sort NEWEST_FIRST = new Sort(
            new SortField(IndexFields.TIME, SortField.Type.LONG, true),
            new SortField(IndexFields.SEQ, SortField.Type.LONG, true));

    private AuditSearch() {}

    /**
     * Searches the index of the trail in {@code trail} as its last commit left it (a running gateway commits at
     * least every 30 s), and reads the page's records with {@code ring}; safe while a gateway writes the trail.
     */
    public static AuditPage search(Path trail, KeyRing ring, AuditQuery query) throws IOException, BadQuery {
        try (FSDirectory dir = FSDirectory.open(Segments.indexDir(trail));
                DirectoryReader reader = DirectoryReader.open(dir);
                SegmentRecords records = new SegmentRecords(trail, ring)) {
            if (!AuditIndex.FORMAT_VERSION.equals(
                    reader.getIndexCommit().getUserData().get(AuditIndex.FORMAT))) {
                throw new IOException("the index in " + Segments.indexDir(trail) + " was built by an earlier "
                        + "version: run qorgan audit reindex (a gateway rebuilds it when it starts)");
            }
            return search(new IndexSearcher(reader), query, records);
        } catch (IndexNotFoundException e) {
            throw new IOException("no index in " + Segments.indexDir(trail) + ": run qorgan audit reindex");
        }
    }

    static AuditPage search(IndexSearcher searcher, AuditQuery query, SegmentRecords records)
            throws IOException, BadQuery {
        Parsed parsed = parse(query.text());
        List<String> fields = parsed.fields();
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(parsed.query(), BooleanClause.Occur.MUST);
        if (query.from() != null || query.to() != null) {
            long from = query.from() == null ? Long.MIN_VALUE : query.from().toEpochMilli();
            long to = query.to() == null ? Long.MAX_VALUE : query.to().toEpochMilli() - 1;
            b.add(LongPoint.newRangeQuery(IndexFields.TIME, from, to), BooleanClause.Occur.FILTER);
        }
        Query q = b.build();
        int total = searcher.count(q);
        int skip = (query.page() - 1) * query.size();
        List<String> json = new ArrayList<>();
        if (skip < total) {
            TopDocs top = searcher.search(q, skip + query.size(), NEWEST_FIRST);
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            for (int i = skip; i < top.scoreDocs.length; i++) {
                ScoreDoc hit = top.scoreDocs[i];
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
                int doc = hit.doc - leaf.docBase;
                byte[] record = records.json(
                        value(leaf, IndexFields.SEGMENT, doc),
                        value(leaf, IndexFields.OFFSET, doc),
                        value(leaf, IndexFields.SEQ, doc));
                json.add(new String(record, StandardCharsets.UTF_8));
            }
        }
        return new AuditPage(total, query.page(), query.size(), fields, json);
    }

    private static long value(LeafReaderContext leaf, String field, int doc) throws IOException {
        NumericDocValues values = DocValues.getNumeric(leaf.reader(), field);
        if (!values.advanceExact(doc)) {
            throw new IOException("the index lacks where a record lies: run qorgan audit reindex");
        }
        return values.longValue();
    }

    /** A query as Lucene runs it, and the fields it names ({@code any} for bare terms), sorted. */
    record Parsed(Query query, List<String> fields) {}

    /** The query as Lucene runs it; null or blank text matches everything. */
    static Parsed parse(String text) throws BadQuery {
        if (text == null || text.isBlank()) {
            return new Parsed(new MatchAllDocsQuery(), List.of());
        }
        Parser parser = new Parser();
        try {
            Query q = parser.parse(text);
            return new Parsed(q, List.copyOf(parser.named));
        } catch (ParseException e) {
            if (parser.unknownField) {
                throw new BadQuery("the query names a field the index does not have; fields: "
                        + new TreeSet<>(IndexFields.QUERYABLE));
            }
            if (parser.partialId) {
                throw new BadQuery("request_id is found by the whole id only, not by a prefix, pattern or range");
            }
            if (parser.badNumber) {
                throw new BadQuery("a number field (" + new TreeSet<>(IndexFields.NUMERIC) + ") needs a number");
            }
            int column = e.currentToken != null && e.currentToken.next != null ? e.currentToken.next.beginColumn : -1;
            throw new BadQuery("the query cannot be parsed" + (column > 0 ? " near column " + column : "")
                    + "; write it as field:value, with AND, OR, NOT, quotes and parentheses");
        } catch (RuntimeException e) {
            throw new BadQuery("the query cannot be parsed");
        }
    }

    /** The classic parser with exact terms, numbers as points, and field names checked. */
    private static final class Parser extends QueryParser {
        final Set<String> named = new TreeSet<>();
        boolean unknownField;
        boolean badNumber;
        boolean partialId;

        Parser() {
            super(IndexFields.ANY, new KeywordAnalyzer());
            setAllowLeadingWildcard(false);
            setSplitOnWhitespace(true);
        }

        @Override
        protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
            check(field);
            if (IndexFields.NUMERIC.contains(field)) {
                return NumericDocValuesField.newSlowExactQuery(field, number(text));
            }
            if (field.equals(IndexFields.REQUEST_ID)) {
                return IndexFields.requestIdQuery(text);
            }
            if (field.equals(IndexFields.ANY)) {
                return anyField(f -> f.equals(IndexFields.REQUEST_ID)
                        ? IndexFields.requestIdQuery(text)
                        : new TermQuery(new Term(f, normalize(f, text))));
            }
            return super.getFieldQuery(field, normalize(field, text), quoted);
        }

        /**
         * A bare term: the same query in every field of exact values, any one matching; {@code each} returns null for
         * a field it cannot be asked of.
         */
        private static Query anyField(Function<String, Query> each) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (String f : IndexFields.KEYWORDS) {
                Query q = each.apply(f);
                if (q != null) {
                    b.add(q, BooleanClause.Occur.SHOULD);
                }
            }
            return b.build();
        }

        @Override
        protected Query getRangeQuery(
                String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
                throws ParseException {
            checkPartial(field);
            if (IndexFields.NUMERIC.contains(field)) {
                long low = part1 == null || part1.equals("*") ? Long.MIN_VALUE : number(part1);
                long high = part2 == null || part2.equals("*") ? Long.MAX_VALUE : number(part2);
                if (!startInclusive && low != Long.MIN_VALUE) {
                    low = Math.addExact(low, 1);
                }
                if (!endInclusive && high != Long.MAX_VALUE) {
                    high = Math.addExact(high, -1);
                }
                return NumericDocValuesField.newSlowRangeQuery(field, low, high);
            }
            return super.getRangeQuery(
                    field, normalize(field, part1), normalize(field, part2), startInclusive, endInclusive);
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            checkPartial(field);
            if (field.equals(IndexFields.ANY)) {
                return anyField(f ->
                        f.equals(IndexFields.REQUEST_ID) ? null : new PrefixQuery(new Term(f, normalize(f, termStr))));
            }
            return super.getPrefixQuery(field, normalize(field, termStr));
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            checkPartial(field);
            if (field.equals(IndexFields.ANY)) {
                return anyField(f -> f.equals(IndexFields.REQUEST_ID)
                        ? null
                        : new WildcardQuery(new Term(f, normalize(f, termStr))));
            }
            return super.getWildcardQuery(field, normalize(field, termStr));
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            checkPartial(field);
            return super.getFuzzyQuery(field, normalize(field, termStr), minSimilarity);
        }

        private void check(String field) throws ParseException {
            if (!IndexFields.QUERYABLE.contains(field)) {
                unknownField = true;
                throw new ParseException("unknown field");
            }
            named.add(field);
        }

        /** For queries that match part of a value: a request id is indexed by its digest, found whole only. */
        private void checkPartial(String field) throws ParseException {
            check(field);
            if (field.equals(IndexFields.REQUEST_ID)) {
                partialId = true;
                throw new ParseException("partial request id");
            }
        }

        private long number(String text) throws ParseException {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                badNumber = true;
                throw new ParseException("not a number");
            }
        }

        private static String normalize(String field, String text) {
            if (text == null) {
                return null;
            }
            return IndexFields.LOWER_CASE.contains(field) ? text.toLowerCase(Locale.ROOT) : text;
        }
    }
}
