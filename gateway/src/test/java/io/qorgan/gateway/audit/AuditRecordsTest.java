package io.qorgan.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.detect.EntityType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records hold ids, counts and enums only: text of any other shape never gets in. */
class AuditRecordsTest {

    @Test
    void id_idShapes_kept() {
        for (String id : List.of(
                "agency-egov",
                "v1",
                "dsp-external",
                "gpt-4o-mini",
                "meta-llama/Llama-3-8B",
                "llama3.1:8b",
                "answers.block",
                "0123456789abcdef0123456789abcdef")) {
            assertThat(AuditIds.id(id)).isEqualTo(id);
        }
    }

    @Test
    void id_freeTextAddressesAndOtherScripts_replaced() {
        for (String text : List.of(
                "Ахметов Нұрлан",
                "nurlan.akhmetov@mail.kz",
                "+7 701 123 45 67",
                "a b",
                "",
                "-leading",
                "x".repeat(129),
                "<script>",
                "line\nbreak")) {
            assertThat(AuditIds.id(text)).as(text).isEqualTo(AuditIds.INVALID);
        }
        assertThat(AuditIds.id(null)).isNull();
    }

    @Test
    void exchange_textInStringFields_replacedBeforeItIsStored() {
        ExchangeRecord r = ExchangeRecord.builder()
                .time(Instant.EPOCH)
                .verdict(AuditVerdict.BLOCKED)
                .requestId("Ахметов Нұрлан")
                .model("please summarise: Иванова Анна")
                .rules(List.of("dsp-external", "ДСП правило"), List.of())
                .status(403, "nurlan.akhmetov@mail.kz")
                .entities(Map.of(EntityType.IIN, new EntityCount(2, null)))
                .build();

        String json = RecordCodec.writeString(r);

        assertThat(r.requestId()).isEqualTo(AuditIds.INVALID);
        assertThat(r.model()).isEqualTo(AuditIds.INVALID);
        assertThat(r.enforcedRules()).containsExactly("dsp-external", AuditIds.INVALID);
        assertThat(r.errorCode()).isEqualTo(AuditIds.INVALID);
        assertThat(json).doesNotContain("Ахметов").doesNotContain("Иванова").doesNotContain("mail.kz");
    }
}
