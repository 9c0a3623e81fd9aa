package io.qorgan.gateway.audit;

import io.qorgan.gateway.detect.EntityType;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;

/**
 * The index's documents: one per record, with the record's own fields as exact terms (enum values in lower case),
 * numbers as points, time and sequence number for sorting, and where the record lies (its segment and the byte offset
 * of its entry), from which a search reads and decrypts it. Nothing else: the index holds no more than the record
 * does, and not the record itself.
 *
 * <p>Measured on the writer thread, the stored JSON was about 40 % of what indexing a record cost, and a point
 * field about 0.3 µs each: the sequence number and the segment are kept as doc values only, queried by the rare
 * deletions (crash recovery, retention) and by searches naming them, which scan them.
 */
final class IndexFields {

    static final String TYPE = "type";
    static final String SEQ = "seq";
    static final String SEGMENT = "segment";
    static final String TIME = "time";
    /** The byte offset of the record's entry in its segment file. */
    static final String OFFSET = "offset";

    static final String ANY = "any";

    /**
     * Fields queried by number, ranges too ({@code status:[500 TO 599]}, {@code latency:[1000 TO *]}): points, but
     * {@link #DOC_VALUES_ONLY}.
     */
    static final Set<String> NUMERIC =
            Set.of("status", "latency", "bytes_in", "bytes_out", SEQ, SEGMENT, "dropped", "hits", "page");

    /** Numbers kept as doc values only: queried by scanning them. */
    static final Set<String> DOC_VALUES_ONLY = Set.of(SEQ, SEGMENT);

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
            "request_id",
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

    private IndexFields() {}

    /** The document of the record at entry {@code seq}, which lies at byte {@code offset} of segment {@code segment}. */
    static Document document(long seq, long segment, long offset, AuditRecord record) {
        Document d = new Document();
        long time = record.time().toEpochMilli();
        d.add(new LongPoint(TIME, time));
        d.add(new NumericDocValuesField(TIME, time));
        d.add(new NumericDocValuesField(SEQ, seq));
        d.add(new NumericDocValuesField(SEGMENT, segment));
        d.add(new NumericDocValuesField(OFFSET, offset));
        if (record instanceof ExchangeRecord r) {
            exchange(d, r);
        } else if (record instanceof AuthFailureRecord r) {
            keyword(d, TYPE, "auth_failure");
            keyword(d, "request_id", r.requestId());
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
            keyword(d, "request_id", r.requestId());
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

    private static void exchange(Document d, ExchangeRecord r) {
        keyword(d, TYPE, "exchange");
        keyword(d, "request_id", r.requestId());
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
                    keyword(
                            d,
                            "operator",
                            name(e.getKey()) + ":" + name(e.getValue().operator()));
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

    private static void keyword(Document d, String field, String value) {
        if (value == null) {
            return;
        }
        d.add(new StringField(field, value, Field.Store.NO));
    }

    private static void number(Document d, String field, long value) {
        d.add(new LongPoint(field, value));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    private static String address(InetAddress address) {
        return address == null ? null : address.getHostAddress();
    }
}
