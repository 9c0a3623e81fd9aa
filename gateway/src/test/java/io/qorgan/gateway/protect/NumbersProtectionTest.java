package io.qorgan.gateway.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.dialect.JsonText;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Personal data in JSON numbers: protected by the operator of its type (a string placeholder, a number still after
 * {@code fpe}), refused where the API needs a number and only a string could stand in, restored as the number it
 * was in a tool call's input, and scanned in answers, where what is masked or redacted becomes a string.
 */
class NumbersProtectionTest {

    private static final String IIN = "900515301234";
    private static final String PHONE = "77011234567";
    private static final String NEW_PHONE = "77019998877";
    private static final byte[] FPE_KEY = new byte[16];

    static {
        Arrays.fill(FPE_KEY, (byte) 7);
    }

    private static final KnownValuesScanner SCANNER =
            new KnownValuesScanner(Map.of(IIN, EntityType.IIN, PHONE, EntityType.PHONE, NEW_PHONE, EntityType.PHONE));

    private static RequestProtector protector(ProtectionSettings settings) {
        return RequestProtector.create(SCANNER, ValueKey.simple(), settings);
    }

    private static ProtectedRequest protect(ProtectionSettings settings, Dialect dialect, String body) {
        return protector(settings).protect(body.getBytes(StandardCharsets.UTF_8), "application/json", null, dialect);
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static AnswerScanner.ScannedAnswer answer(
            AnswerScanner.Action action, ExchangeVault vault, Dialect dialect, String body) {
        return AnswerScanner.create(SCANNER, ValueKey.simple(), action)
                .restoreAndScan(body.getBytes(StandardCharsets.UTF_8), dialect, TextRestorer.of(vault));
    }

    @Test
    void protect_numbersHoldingPersonalData_becomeStringPlaceholders_restAsItCame() {
        String body = "{\"user\":900515301234, \"metadata\":{\"phone\":77011234567,\"n\":12345678,"
                + "\"ratio\":0.900515301234,\"again\":9.00515301234E11},\"messages\":[]}";
        ProtectedRequest r = protect(ProtectionSettings.defaults(), Dialect.OPENAI_CHAT, body);
        assertThat(text(r.body()))
                .isEqualTo("{\"user\":\"[IIN_1]\", \"metadata\":{\"phone\":\"[PHONE_1]\",\"n\":12345678,"
                        + "\"ratio\":0.900515301234,\"again\":\"[IIN_1]\"},\"messages\":[]}");
        assertThat(r.vault().entitiesHeader()).isEqualTo("IIN=1,PHONE=1");
    }

    @Test
    void protect_personalDataInANumberTheApiNeeds_refused400_nothingOfItInTheMessage() {
        assertThatThrownBy(() ->
                        protect(ProtectionSettings.defaults(), Dialect.OPENAI_EMBEDDINGS, "{\"input\":[900515301234]}"))
                .isInstanceOfSatisfying(ProtectionFailed.class, e -> {
                    assertThat(e.code()).isEqualTo("personal_data_in_number");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.answerMessage()).doesNotContain(IIN).contains("Nothing was forwarded");
                });
    }

    @Test
    void protect_fpe_keepsANumberANumber_evenWhereTheApiNeedsOne_restoredInTheAnswer() {
        ProtectionSettings fpe = ProtectionSettings.defaults()
                .withKeys(new ProtectionKeys(null, FPE_KEY))
                .with(EntityType.IIN, Operator.FPE);
        ProtectedRequest r = protect(fpe, Dialect.OPENAI_EMBEDDINGS, "{\"input\":[900515301234,7]}");
        JsonNode input = Json.parse(r.body()).get("input");
        String encrypted = input.get(0).asText();
        assertThat(input.get(0).isIntegralNumber()).isTrue();
        assertThat(encrypted).hasSize(IIN.length()).isNotEqualTo(IIN);
        assertThat(JsonText.isNumber(encrypted)).isTrue();
        String echoed = "{\"data\":[{\"echo\":" + encrypted + ",\"text\":\"IIN " + encrypted + "\"}]}";
        assertThat(text(answer(AnswerScanner.Action.LEAVE, r.vault(), Dialect.OPENAI_EMBEDDINGS, echoed)
                        .body()))
                .isEqualTo("{\"data\":[{\"echo\":" + IIN + ",\"text\":\"IIN " + IIN + "\"}]}");
    }

    @Test
    void protect_otherOperators_leaveTheirStringWhereTheNumberWas() {
        ProtectionSettings settings = ProtectionSettings.defaults()
                .with(EntityType.IIN, Operator.MASK)
                .with(EntityType.PHONE, Operator.REDACT);
        ProtectedRequest r = protect(settings, Dialect.OPENAI_CHAT, "{\"a\":900515301234,\"b\":77011234567}");
        assertThat(text(r.body())).isEqualTo("{\"a\":\"90********34\",\"b\":\"[REDACTED]\"}");
        ProtectedRequest kept = protect(
                ProtectionSettings.defaults().with(EntityType.IIN, Operator.KEEP),
                Dialect.OPENAI_CHAT,
                "{\"a\":9.00515301234E11}");
        assertThat(text(kept.body())).as("kept as written").isEqualTo("{\"a\":9.00515301234E11}");
    }

    @Test
    void restore_toolCallArgumentsOfAWholeAnswer_placeholderOfANumberBecomesTheNumber() {
        ExchangeVault vault = protect(
                        ProtectionSettings.defaults(),
                        Dialect.OPENAI_CHAT,
                        "{\"metadata\":{\"iin\":" + IIN + "},\"messages\":[{\"role\":\"user\",\"content\":\"Call "
                                + PHONE + "\"}]}")
                .vault();
        String completion = "{\"choices\":[{\"message\":{\"content\":\"[IIN_1]\",\"tool_calls\":[{\"function\":"
                + "{\"name\":\"f\",\"arguments\":\"{\\\"iin\\\":\\\"[IIN_1]\\\",\\\"phone\\\":\\\"[PHONE_1]\\\","
                + "\\\"q\\\":\\\"see [IIN_1]\\\",\\\"esc\\\":\\\"\\\\\\\"[IIN_1]\\\\\\\"\\\"}\"}}]}}]}";
        JsonNode out = Json.parse(answer(AnswerScanner.Action.LEAVE, vault, Dialect.OPENAI_CHAT, completion)
                .body());
        assertThat(out.at("/choices/0/message/content").asText())
                .as("a text field keeps a string")
                .isEqualTo(IIN);
        JsonNode arguments = Json.parse(
                out.at("/choices/0/message/tool_calls/0/function/arguments").asText());
        assertThat(arguments.get("iin").isIntegralNumber()).isTrue();
        assertThat(arguments.get("iin").asText()).isEqualTo(IIN);
        assertThat(arguments.get("phone").asText()).as("it was text").isEqualTo(PHONE);
        assertThat(arguments.get("q").asText()).isEqualTo("see " + IIN);
        assertThat(arguments.get("esc").asText()).as("quotes inside a string").isEqualTo("\"" + IIN + "\"");
    }

    @Test
    void restore_toolInputOfOllamaAndAnthropic_placeholderOfANumberBecomesTheNumber() {
        ExchangeVault vault = protect(ProtectionSettings.defaults(), Dialect.OLLAMA_CHAT, "{\"x\":" + IIN + "}")
                .vault();
        String ollama = "{\"message\":{\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":\"f\","
                + "\"arguments\":{\"iin\":\"[IIN_1]\"}}}]}}";
        assertThat(text(TextRestorer.of(vault)
                        .restoreAnswer(ollama.getBytes(StandardCharsets.UTF_8), Dialect.OLLAMA_CHAT)))
                .contains("\"arguments\":{\"iin\":" + IIN + "}");
        String anthropic =
                "{\"content\":[{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"f\",\"input\":{\"iin\":\"[IIN_1]\"}}]}";
        assertThat(text(answer(AnswerScanner.Action.REDACT, vault, Dialect.ANTHROPIC_MESSAGES, anthropic)
                        .body()))
                .contains("\"input\":{\"iin\":" + IIN + "}");
    }

    @Test
    void conversationVault_keepsWhichPlaceholdersWereNumbers() {
        ExchangeVault vault = protect(ProtectionSettings.defaults(), Dialect.OPENAI_CHAT, "{\"x\":" + IIN + "}")
                .vault();
        ExchangeVault again = ExchangeVault.fromBytes(vault.toBytes());
        assertThat(again.number(EntityType.IIN, 1)).isEqualTo(IIN);
    }

    @Test
    void scanAnswer_numbersTheModelProduced_maskedOrRedactedAsStrings_ownValuesLeft() {
        ExchangeVault vault = protect(ProtectionSettings.defaults(), Dialect.OPENAI_CHAT, "{\"x\":" + PHONE + "}")
                .vault();
        String body = "{\"a\":77019998877,\"own\":\"[PHONE_1]\",\"b\":0.5,\"c\":[1,2],"
                + "\"arguments\":\"{\\\"p\\\":77019998877,\\\"n\\\":3}\"}";
        AnswerScanner.ScannedAnswer redacted = answer(AnswerScanner.Action.REDACT, vault, Dialect.GENERIC_JSON, body);
        assertThat(text(redacted.body()))
                .isEqualTo("{\"a\":\"[REDACTED]\",\"own\":\"" + PHONE + "\",\"b\":0.5,\"c\":[1,2],"
                        + "\"arguments\":\"{\\\"p\\\":\\\"[REDACTED]\\\",\\\"n\\\":3}\"}");
        assertThat(redacted.counts()).isEqualTo(Map.of(EntityType.PHONE, 2));
        AnswerScanner.ScannedAnswer masked = answer(AnswerScanner.Action.MASK, vault, Dialect.GENERIC_JSON, body);
        assertThat(Json.parse(masked.body()).get("a").asText()).isEqualTo("7701*****77");
        AnswerScanner.ScannedAnswer left = answer(AnswerScanner.Action.LEAVE, vault, Dialect.GENERIC_JSON, body);
        assertThat(text(left.body())).isEqualTo(body.replace("[PHONE_1]", PHONE));
        assertThat(left.counts()).isEqualTo(Map.of(EntityType.PHONE, 2));
    }
}
