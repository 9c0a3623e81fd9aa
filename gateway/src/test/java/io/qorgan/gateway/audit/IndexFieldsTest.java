package io.qorgan.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.identity.AuthMethod;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class IndexFieldsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void document_valuesBeyondTheKeptBytes_indexedAsTheRecordHoldsThem() {
        IndexFields fields = new IndexFields();
        // more distinct agencies than the instance keeps bytes of, then the first ones again
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 5_000; i++) {
                String agency = "agency-" + i;
                ExchangeRecord r = ExchangeRecord.builder()
                        .time(T0)
                        .requestId("req-" + i)
                        .caller(agency, "caller", AuthMethod.API_KEY)
                        .verdict(AuditVerdict.FORWARDED)
                        .build();
                Document d = fields.document(i, 1, 64L * i, r);
                assertThat(d.getField("agency").binaryValue().utf8ToString()).isEqualTo(agency);
                assertThat(d.getField("method").binaryValue().utf8ToString()).isEqualTo("api_key");
            }
        }
    }

    @Test
    void document_requestId_bucketTermAndDigestOnly() {
        IndexFields fields = new IndexFields();
        Set<Long> digests = new HashSet<>();
        Set<BytesRef> buckets = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            ExchangeRecord r = ExchangeRecord.builder()
                    .time(T0)
                    .requestId("req-" + i)
                    .verdict(AuditVerdict.FORWARDED)
                    .build();
            IndexableField[] id = fields.document(i, 1, 64L * i, r).getFields(IndexFields.REQUEST_ID);
            assertThat(id).hasSize(2);
            BytesRef bucket = id[0].binaryValue();
            assertThat(bucket.length).isEqualTo(2);
            assertThat(id[0].fieldType().indexOptions()).isEqualTo(IndexOptions.DOCS);
            assertThat(id[1].fieldType().docValuesType()).isEqualTo(DocValuesType.NUMERIC);
            buckets.add(BytesRef.deepCopyOf(bucket));
            digests.add(id[1].numericValue().longValue());
        }
        // 2,000 ids: 2,000 digests, spread over most of the 4,096 buckets
        assertThat(digests).hasSize(2_000);
        assertThat(buckets).hasSizeGreaterThan(1_500);
    }

    @Test
    void document_numbersOtherThanTime_docValuesOnly() {
        ExchangeRecord r = ExchangeRecord.builder()
                .time(T0)
                .requestId("req-1")
                .verdict(AuditVerdict.FAILED)
                .status(502, "upstream_status")
                .bytes(1500, 900)
                .build();
        Document d = new IndexFields().document(7, 2, 128, r);
        for (String number : IndexFields.NUMERIC) {
            for (IndexableField f : d.getFields(number)) {
                assertThat(f.fieldType().pointDimensionCount()).as(number).isZero();
            }
        }
        assertThat(d.getField("status").numericValue()).isEqualTo(502L);
        assertThat(d.getFields(IndexFields.TIME))
                .anySatisfy(f -> assertThat(f.fieldType().pointDimensionCount()).isEqualTo(1));
    }
}
