package io.qorgan.gateway.audit;

import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.protect.Operator;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The index's documents: one per record, with the record's own fields as exact terms (enum values in lower case),
 * numbers as doc values, time as a point and for sorting, and where the record lies (its segment and the byte offset
 * of its entry), from which a search reads and decrypts it. Nothing else: the index holds no more than the record
 * does, and not the record itself.
 *
 * <p>Measured on the writer thread, the stored JSON was about 40 % of what indexing a record cost, and a point
 * field about 0.3 µs each, written again at every merge: only the time, which nearly every search bounds, is a
 * point; the other numbers (status, latency, sizes, the sequence number and the segment) are doc values only, which
 * a search naming them scans — among the documents the time range and the terms leave, when it has those.
 *
 * <p>Request ids are unique, and a term of its own per record cost more to flush and merge than the rest of the
 * document's terms together: the index holds the id's bucket (a 12-bit slice of its SHA-256) as a term and the
 * digest's first 64 bits as a doc value; a search for an id reads its bucket's documents and checks the digest there
 * ({@link #requestIdQuery}). So an id is found whole, never by a prefix or a pattern.
 *
 * <p>One instance per indexing thread: it keeps the UTF-8 bytes of the values it has seen (agencies, callers,
 * routes, models, rule ids: a few hundred in a gateway's life), which cost more to make for every record than the
 * rest of the document.
 */
final class IndexFields {

    static final String TYPE = "type";
    static final String SEQ = "seq";
    static final String SEGMENT = "segment";
    static final String TIME = "time";
    /** The byte offset of the record's entry in its segment file. */
    static final String OFFSET = "offset";

    static final String ANY = "any";
    static final String REQUEST_ID = "request_id";

    /**
     * Fields queried by number, ranges too ({@code status:[500 TO 599]}, {@code latency:[1000 TO *]}): doc values,
     * at most one per document.
     */
    static final Set<String> NUMERIC =
            Set.of("status", "latency", "bytes_in", "bytes_out", SEQ, SEGMENT, "dropped", "hits", "page");

    /** Values whose bytes are kept: enough for any gateway's agencies, callers, models and rules. */
    private static final int KEPT_VALUES = 4096;

    /** Fields whose values are enum names, indexed and queried in lower case. */
    static final Set<String> LOWER_CASE = Set.of(
            TYPE,
            "method",
            "class",
            "verdict",
            "entity",
            "answer_entity",
            "operator",
            "cache",
            "component",
            "result",
            ANY);

    /** The fields of exact values: what a bare term ({@link #ANY}) is looked for in. */
    static final Set<String> KEYWORDS = Set.of(
            TYPE,
            REQUEST_ID,
            "agency",
            "caller",
            "method",
            "client",
            "route",
            "upstream",
            "class",
            "model",
            "verdict",
            "rule",
            "entity",
            "answer_entity",
            "operator",
            "policy",
            "cache",
            "code",
            "component",
            "version",
            "result",
            "credential",
            "field");

    /** Every field a query may name. */
    static final Set<String> QUERYABLE = queryable();

    private static Set<String> queryable() {
        Set<String> all = new HashSet<>(KEYWORDS);
        all.addAll(NUMERIC);
        all.addAll(Set.of("enforced_rule", "shadow_rule", ANY));
        return Set.copyOf(all);
    }

    /** Each enum's constants' names in lower case, as the index holds them. */
    private static final ClassValue<String[]> LOWER_NAMES = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] names = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
            }
            return names;
        }
    };

    /** The bucket terms of request ids: the top 12 bits of the digest, as two bytes. */
    private static final BytesRef[] BUCKETS = buckets();

    private static BytesRef[] buckets() {
        BytesRef[] b = new BytesRef[1 << 12];
        for (int i = 0; i < b.length; i++) {
            b[i] = new BytesRef(new byte[] {(byte) (i >>> 8), (byte) i});
        }
        return b;
    }

    /** The {@code operator} terms ({@code iin:placeholder}) by entity type and operator, made once. */
    private static final BytesRef[][] OPERATORS = operators();

    private static BytesRef[][] operators() {
        BytesRef[][] terms = new BytesRef[EntityType.values().length][Operator.values().length];
        for (EntityType type : EntityType.values()) {
            for (Operator operator : Operator.values()) {
                terms[type.ordinal()][operator.ordinal()] = new BytesRef(name(type) + ":" + name(operator));
            }
        }
        return terms;
    }

    private final Map<String, BytesRef> bytes = new HashMap<>();
    private final MessageDigest sha = Frame.digest();

    /** The document of the record at entry {@code seq}, which lies at byte {@code offset} of segment {@code segment}. */
    Document document(long seq, long segment, long offset, AuditRecord record) {
        Document d = new Document();
        long time = record.time().toEpochMilli();
        d.add(new LongPoint(TIME, time));
        number(d, TIME, time);
        number(d, SEQ, seq);
        number(d, SEGMENT, segment);
        number(d, OFFSET, offset);
        if (record instanceof ExchangeRecord r) {
            exchange(d, r);
        } else if (record instanceof AuthFailureRecord r) {
            keyword(d, TYPE, "auth_failure");
            requestId(d, r.requestId());
            keyword(d, "client", address(r.clientAddress()));
            keyword(d, "method", name(r.method()));
            keyword(d, "credential", r.credentialId());
            keyword(d, "code", r.errorCode());
            number(d, "status", 401);
        } else if (record instanceof ReloadRecord r) {
            keyword(d, TYPE, "reload");
            keyword(d, "component", name(r.component()));
            keyword(d, "version", r.version());
            keyword(d, "code", r.errorCode());
            keyword(d, "result", r.succeeded() ? "ok" : "refused");
        } else if (record instanceof RetentionRecord r) {
            keyword(d, TYPE, "retention");
            number(d, "dropped", r.lastSeq() - r.firstSeq() + 1);
        } else if (record instanceof GapRecord r) {
            keyword(d, TYPE, "gap");
            number(d, "dropped", r.dropped());
        } else if (record instanceof SearchRecord r) {
            keyword(d, TYPE, "search");
            requestId(d, r.requestId());
            keyword(d, "agency", r.agency());
            keyword(d, "caller", r.caller());
            keyword(d, "method", name(r.authMethod()));
            keyword(d, "client", address(r.clientAddress()));
            for (String f : r.fields()) {
                keyword(d, "field", f);
            }
            number(d, "hits", r.hits());
            number(d, "page", r.page());
            number(d, "status", r.status());
            keyword(d, "code", r.errorCode());
        }
        return d;
    }

    private void exchange(Document d, ExchangeRecord r) {
        keyword(d, TYPE, "exchange");
        requestId(d, r.requestId());
        keyword(d, "agency", r.agency());
        keyword(d, "caller", r.caller());
        keyword(d, "method", name(r.authMethod()));
        keyword(d, "client", address(r.clientAddress()));
        keyword(d, "route", r.route());
        keyword(d, "upstream", r.upstream());
        keyword(d, "class", name(r.upstreamClass()));
        keyword(d, "model", r.model());
        keyword(d, "verdict", name(r.verdict()));
        for (String rule : r.enforcedRules()) {
            keyword(d, "rule", rule);
            keyword(d, "enforced_rule", rule);
        }
        for (String rule : r.shadowRules()) {
            keyword(d, "rule", rule);
            keyword(d, "shadow_rule", rule);
        }
        for (Map.Entry<EntityType, EntityCount> e : r.entities().entrySet()) {
            if (e.getValue().count() > 0) {
                keyword(d, "entity", name(e.getKey()));
                if (e.getValue().operator() != null) {
                    d.add(new StringField(
                            "operator",
                            OPERATORS[e.getKey().ordinal()][
                                    e.getValue().operator().ordinal()],
                            Field.Store.NO));
                }
            }
        }
        for (Map.Entry<EntityType, Integer> e : r.answerEntities().entrySet()) {
            if (e.getValue() > 0) {
                keyword(d, "answer_entity", name(e.getKey()));
            }
        }
        keyword(d, "policy", r.policyVersion());
        keyword(d, "cache", name(r.cache()));
        keyword(d, "code", r.errorCode());
        number(d, "status", r.status());
        if (r.times().totalMicros() >= 0) {
            number(d, "latency", r.times().totalMicros() / 1000);
        }
        number(d, "bytes_in", r.bytesIn());
        number(d, "bytes_out", r.bytesOut());
    }

    /** A value of a small set, whose bytes are kept. */
    private void keyword(Document d, String field, String value) {
        if (value == null) {
            return;
        }
        BytesRef b = bytes.get(value);
        if (b == null) {
            if (bytes.size() >= KEPT_VALUES) {
                bytes.clear();
            }
            b = new BytesRef(value);
            bytes.put(value, b);
        }
        d.add(new StringField(field, b, Field.Store.NO));
    }

    private void requestId(Document d, String id) {
        if (id != null) {
            long digest = digest(sha, id);
            d.add(new StringField(REQUEST_ID, BUCKETS[(int) (digest >>> 52)], Field.Store.NO));
            d.add(new NumericDocValuesField(REQUEST_ID, digest));
        }
    }

    /** The records whose request id is {@code id}: its bucket's documents whose digest is the id's. */
    static Query requestIdQuery(String id) {
        long digest = digest(Frame.digest(), id);
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(REQUEST_ID, BUCKETS[(int) (digest >>> 52)])), BooleanClause.Occur.FILTER)
                .add(NumericDocValuesField.newSlowExactQuery(REQUEST_ID, digest), BooleanClause.Occur.FILTER)
                .build();
    }

    /** The first 64 bits of the id's SHA-256: to find an id by chance or by design takes 2^64 tries. */
    private static long digest(MessageDigest sha, String id) {
        byte[] h = sha.digest(id.getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            v = (v << 8) | (h[i] & 0xff);
        }
        return v;
    }

    private static void number(Document d, String field, long value) {
        d.add(new NumericDocValuesField(field, value));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : LOWER_NAMES.get(value.getDeclaringClass())[value.ordinal()];
    }

    private static String address(InetAddress address) {
        return address == null ? null : address.getHostAddress();
    }
}
