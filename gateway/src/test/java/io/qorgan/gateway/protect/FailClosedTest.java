package io.qorgan.gateway.protect;

import static io.qorgan.gateway.protect.TestData.IIN_1;
import static io.qorgan.gateway.protect.TestData.NAME_KK;
import static io.qorgan.gateway.protect.TestData.NAME_RU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.detect.Finding;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.dialect.ReadLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failures never forward a request and never put a value into a message or a printed form. */
class FailClosedTest {

    private static final byte[] BODY = ("{\"messages\":[{\"role\":\"user\",\"content\":\"" + NAME_KK + " " + IIN_1
                    + "\"}]}")
            .getBytes(StandardCharsets.UTF_8);

    private static void assertNoValues(String s) {
        for (String value : TestData.VALUES.keySet()) {
            assertThat(s).doesNotContain(value);
        }
        assertThat(s).doesNotContain("Ахметов").doesNotContain("900515");
    }

    @Test
    void protect_scannerThrows_failsClosedWithoutContent() {
        RequestProtector p = RequestProtector.create(
                text -> {
                    throw new IllegalStateException("detector choked on " + text);
                },
                ValueKey.simple(),
                ProtectionSettings.defaults());
        assertThatThrownBy(() -> p.protect(BODY, "application/json", null, Dialect.OPENAI_CHAT))
                .isInstanceOfSatisfying(ProtectionFailed.class, e -> {
                    assertThat(e.code()).isEqualTo("protection_failed");
                    assertThat(e.clientError()).isFalse();
                    assertThat(e.getCause()).isNull();
                    assertNoValues(e.getMessage());
                    assertNoValues(e.toString());
                });
    }

    @Test
    void protect_moreValuesThanTheLimit_refusedTooComplex_countingBodyTargetAndHeaders() {
        RequestProtector p = RequestProtector.create(
                TestData.scanner(), ValueKey.simple(), ProtectionSettings.defaults(), ReadLimits.DEFAULTS, 3);
        ExchangeVault vault = new ExchangeVault();
        p.protect(BODY, "application/json", null, Dialect.OPENAI_CHAT, vault); // two values
        p.protectHeader("x-case", NAME_RU, vault); // three
        assertThatThrownBy(() -> p.protectTarget("/v1/citizens/" + IIN_1, vault, RequestProtector.NOT_READ))
                .isInstanceOfSatisfying(ProtectionFailed.class, e -> {
                    assertThat(e.code()).isEqualTo("request_too_complex");
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.answerMessage()).contains("3").contains("protection.maxFindings");
                    assertNoValues(e.answerMessage());
                });
    }

    @Test
    void protect_overlappingFindings_failsClosed() {
        RequestProtector p = RequestProtector.create(
                text -> List.of(
                        new Finding(EntityType.PERSON, 0, 5, 1, "x"), new Finding(EntityType.PERSON, 3, 8, 1, "x")),
                ValueKey.simple(),
                ProtectionSettings.defaults());
        assertThatThrownBy(() -> p.protect(BODY, null, null, Dialect.OPENAI_CHAT))
                .isInstanceOfSatisfying(
                        ProtectionFailed.class, e -> assertThat(e.code()).isEqualTo("protection_failed"));
    }

    @Test
    void protect_unreadableBodies_failWithTheBodyCode() {
        RequestProtector p = TestData.protector();
        String dup = "{\"messages\":[],\"messages\":[{\"content\":\"" + NAME_KK + "\"}]}";
        String truncated = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + NAME_KK;
        assertThatThrownBy(() -> p.protect(dup.getBytes(StandardCharsets.UTF_8), null, null, Dialect.OPENAI_CHAT))
                .isInstanceOfSatisfying(ProtectionFailed.class, e -> {
                    assertThat(e.code()).isEqualTo("duplicate_key");
                    assertThat(e.clientError()).isTrue();
                    assertNoValues(e.getMessage());
                });
        assertThatThrownBy(() -> p.protect(truncated.getBytes(StandardCharsets.UTF_8), null, null, Dialect.OPENAI_CHAT))
                .isInstanceOfSatisfying(ProtectionFailed.class, e -> {
                    assertThat(e.code()).isEqualTo("malformed_json");
                    assertNoValues(e.getMessage());
                });
        assertThatThrownBy(() -> p.protect(BODY, "application/json", "gzip", Dialect.OPENAI_CHAT))
                .isInstanceOfSatisfying(
                        ProtectionFailed.class, e -> assertThat(e.code()).isEqualTo("unsupported_encoding"));
        byte[] invalid = BODY.clone();
        invalid[invalid.length - 5] = (byte) 0xFF;
        assertThatThrownBy(() -> p.protect(invalid, null, null, Dialect.OPENAI_CHAT))
                .isInstanceOfSatisfying(
                        ProtectionFailed.class, e -> assertThat(e.code()).isEqualTo("invalid_utf8"));
    }

    @Test
    void toString_ofEveryValueThatHoldsText_showsNoValue() {
        ProtectedRequest r = TestData.protector().protect(BODY, null, null, Dialect.OPENAI_CHAT);
        AnswerScanner.Result scanned = AnswerScanner.create(
                        TestData.scanner(), ValueKey.simple(), AnswerScanner.Action.LEAVE)
                .scan(NAME_RU + " " + NAME_KK, r.vault());
        assertNoValues(scanned.toString());
        ObjectNode event =
                (ObjectNode) Json.parse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + NAME_KK + "\"}}]}");
        Dialect.OPENAI_CHAT.eventTexts().deltas(null, event).forEach(d -> assertNoValues(d.toString()));
        assertThat(Dialect.OPENAI_CHAT.eventTexts().deltas(null, event)).hasSize(1);
        assertNoValues(new VaultExpired().toString());
    }

    @Test
    void toString_ofVaultAndResult_showsCountsOnly() {
        ProtectedRequest r = TestData.protector().protect(BODY, null, null, Dialect.OPENAI_CHAT);
        r.vault().placeholder(EntityType.PERSON, "x", NAME_RU);
        assertNoValues(r.vault().toString());
        assertNoValues(r.toString());
        assertThat(r.vault().toString()).isEqualTo("ExchangeVault[PERSON=2,IIN=1]");
        assertThat(r.toString()).startsWith("ProtectedRequest[bytes=");
    }
}
