package io.qorgan.gateway.protect;

import static io.qorgan.gateway.protect.TestData.CARD;
import static io.qorgan.gateway.protect.TestData.EMAIL;
import static io.qorgan.gateway.protect.TestData.IIN_1;
import static io.qorgan.gateway.protect.TestData.IIN_2;
import static io.qorgan.gateway.protect.TestData.NAME_KK;
import static io.qorgan.gateway.protect.TestData.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.dialect.Dialect;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OperatorsTest {

    private static final byte[] HASH_KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FPE_KEY = new byte[16];

    static {
        Arrays.fill(FPE_KEY, (byte) 7);
    }

    private static String protectText(ProtectionSettings settings, String text) {
        return protectWithVault(settings, text).text();
    }

    record Result(String text, ExchangeVault vault) {}

    private static Result protectWithVault(ProtectionSettings settings, String text) {
        RequestProtector p = RequestProtector.create(TestData.scanner(), ValueKey.simple(), settings);
        ProtectedRequest r = p.protect(
                ("{\"prompt\":" + Json.quote(text) + "}").getBytes(StandardCharsets.UTF_8),
                "application/json",
                null,
                Dialect.OLLAMA_GENERATE);
        return new Result(Json.parse(r.body()).get("prompt").asText(), r.vault());
    }

    @Test
    void mask_phoneCardIinEmailName_keepEdgeCharacters() {
        assertThat(Operators.mask(EntityType.PHONE, PHONE)).isEqualTo("+7 701 *** ** 67");
        assertThat(Operators.mask(EntityType.PAYMENT_CARD, "8711222233331234")).isEqualTo("8711********1234");
        assertThat(Operators.mask(EntityType.PAYMENT_CARD, CARD)).isEqualTo("4400 **** **** 6789");
        assertThat(Operators.mask(EntityType.IIN, IIN_1)).isEqualTo("90********34");
        assertThat(Operators.mask(EntityType.EMAIL, EMAIL)).isEqualTo("n**************@mail.kz");
        assertThat(Operators.mask(EntityType.PERSON, NAME_KK)).isEqualTo("А****** Н*****");
    }

    @Test
    void protect_maskAndRedact_replaceWithoutVaultEntries() {
        ProtectionSettings settings = ProtectionSettings.defaults()
                .with(EntityType.PHONE, Operator.MASK)
                .with(EntityType.EMAIL, Operator.REDACT)
                .with(EntityType.IIN, Operator.KEEP);
        Result r = protectWithVault(settings, "Call " + PHONE + ", mail " + EMAIL + ", IIN " + IIN_1 + ", " + NAME_KK);
        assertThat(r.text()).isEqualTo("Call +7 701 *** ** 67, mail [REDACTED], IIN " + IIN_1 + ", [PERSON_1]");
        assertThat(r.vault().entitiesHeader()).isEqualTo("PERSON=1,IIN=1,PHONE=1,EMAIL=1");
        assertThat(TextRestorer.of(r.vault()).restore(r.text()))
                .isEqualTo("Call +7 701 *** ** 67, mail [REDACTED], IIN " + IIN_1 + ", " + NAME_KK);
    }

    @Test
    void protect_hash_isShortStablePerKeyAndDiffersAcrossKeys() {
        ProtectionSettings settings = ProtectionSettings.defaults()
                .withKeys(new ProtectionKeys(HASH_KEY, null))
                .with(EntityType.IIN, Operator.HASH);
        String a = protectText(settings, "IIN " + IIN_1 + " and " + IIN_1 + " and " + IIN_2);
        String b = protectText(settings, "again " + IIN_1);
        assertThat(a).matches("IIN \\[IIN_h:[0-9a-f]{8}] and \\[IIN_h:[0-9a-f]{8}] and \\[IIN_h:[0-9a-f]{8}]");
        String first = a.substring(4, 4 + "[IIN_h:00000000]".length());
        assertThat(a).startsWith("IIN " + first + " and " + first + " and ").doesNotEndWith(first);
        assertThat(b).isEqualTo("again " + first);
        String other = protectText(
                settings.withKeys(new ProtectionKeys("another key".getBytes(StandardCharsets.UTF_8), null)), IIN_1);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void protect_fpe_keepsFormatAndIsRestoredInAnswersAndStreams() {
        ProtectionSettings settings = ProtectionSettings.defaults()
                .withKeys(new ProtectionKeys(null, FPE_KEY))
                .with(EntityType.IIN, Operator.FPE)
                .with(EntityType.PHONE, Operator.FPE);
        String original = "IIN " + IIN_1 + ", phone " + PHONE + ", IIN " + IIN_1 + ".";
        Result r = protectWithVault(settings, original);
        assertThat(r.text())
                .doesNotContain(IIN_1)
                .doesNotContain(PHONE)
                .matches("IIN \\d{12}, phone \\+\\d \\d{3} \\d{3} \\d{2} \\d{2}, IIN \\d{12}\\.");
        assertThat(protectText(settings, IIN_1)).isEqualTo(r.text().substring(4, 16)); // deterministic per key

        assertThat(TextRestorer.of(r.vault()).restore(r.text())).isEqualTo(original);
        Random random = new Random(3);
        for (int c = 0; c < 50; c++) {
            StreamRestorer s = TextRestorer.of(r.vault()).stream();
            StringBuilder out = new StringBuilder();
            for (String piece : StreamRestorationTest.split(r.text(), random, 1 + random.nextInt(8))) {
                out.append(s.feed(piece));
            }
            out.append(s.finish());
            assertThat(out.toString()).isEqualTo(original);
        }
    }

    @Test
    void protect_fpeOnTooFewDigits_fallsBackToPlaceholder() {
        ProtectionSettings settings = ProtectionSettings.defaults()
                .withKeys(new ProtectionKeys(null, FPE_KEY))
                .with(EntityType.SECRET, Operator.FPE);
        RequestProtector p = RequestProtector.create(
                new KnownValuesScanner(Map.of("12345", EntityType.SECRET)), ValueKey.simple(), settings);
        ProtectedRequest r = p.protect(
                "{\"prompt\":\"pin 12345\"}".getBytes(StandardCharsets.UTF_8), null, null, Dialect.OLLAMA_GENERATE);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"prompt\":\"pin [SECRET_1]\"}");
    }

    @Test
    void settings_keyedOperatorWithoutKey_failsAtConstruction() {
        assertThatThrownBy(() -> ProtectionSettings.defaults().with(EntityType.IIN, Operator.HASH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hash key");
        assertThatThrownBy(() -> ProtectionSettings.defaults().with(EntityType.IIN, Operator.FPE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fpe key");
        assertThatThrownBy(() -> new ProtectionKeys(null, new byte[5])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keys_toStringAndSettingsToString_neverShowKeyBytes() {
        ProtectionKeys keys = new ProtectionKeys(HASH_KEY, FPE_KEY);
        assertThat(keys.toString()).isEqualTo("ProtectionKeys[hashKey=***, fpeKey=***]");
        ProtectionSettings settings = ProtectionSettings.defaults().withKeys(keys);
        assertThat(settings.toString()).doesNotContain("0123456789abcdef").contains("***");
        assertThat(List.of(keys.hashKey())).isNotSameAs(List.of(HASH_KEY));
    }
}
