package io.qorgan.gateway.protect;

import static io.qorgan.gateway.protect.TestData.EMAIL_2;
import static io.qorgan.gateway.protect.TestData.IIN_1;
import static io.qorgan.gateway.protect.TestData.IIN_2;
import static io.qorgan.gateway.protect.TestData.NAME_KK;
import static io.qorgan.gateway.protect.TestData.NAME_RU;
import static io.qorgan.gateway.protect.TestData.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.dialect.Dialect;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class AnswerScannerTest {

    private static final String ANSWER = NAME_KK + " (" + IIN_1 + ") should call " + NAME_RU + " on " + PHONE
            + " or write to " + EMAIL_2 + "; IIN " + IIN_2 + ".";

    private static ExchangeVault vaultFor(String requestText) {
        return StreamRestorationTest.protect(requestText).vault();
    }

    @Test
    void scan_leave_countsOnlyValuesTheRequestDidNotHold() {
        ExchangeVault vault = vaultFor("I am " + NAME_KK + ", IIN " + IIN_1);
        AnswerScanner.Result r = AnswerScanner.create(TestData.scanner(), ValueKey.simple(), AnswerScanner.Action.LEAVE)
                .scan(ANSWER, vault);
        assertThat(r.text()).isEqualTo(ANSWER);
        assertThat(r.counts())
                .isEqualTo(Map.of(EntityType.PERSON, 1, EntityType.PHONE, 1, EntityType.EMAIL, 1, EntityType.IIN, 1));
    }

    @Test
    void scan_redactAndMask_replaceOnlyNewValues() {
        ExchangeVault vault = vaultFor("I am " + NAME_KK + ", IIN " + IIN_1);
        String redacted = AnswerScanner.create(TestData.scanner(), ValueKey.simple(), AnswerScanner.Action.REDACT)
                .scan(ANSWER, vault)
                .text();
        assertThat(redacted)
                .isEqualTo(NAME_KK + " (" + IIN_1 + ") should call [REDACTED] on [REDACTED]"
                        + " or write to [REDACTED]; IIN [REDACTED].");
        String masked = AnswerScanner.create(TestData.scanner(), ValueKey.simple(), AnswerScanner.Action.MASK)
                .scan(ANSWER, vault)
                .text();
        assertThat(masked).contains("+7 701 *** ** 67").contains("85********80").contains(NAME_KK);
    }

    @Test
    void scanAnswer_jsonBody_scansEveryString() {
        ExchangeVault vault = vaultFor("hello");
        byte[] body = ("{\"choices\":[{\"message\":{\"content\":" + Json.quote(ANSWER) + "}}]}")
                .getBytes(StandardCharsets.UTF_8);
        AnswerScanner.Result r = AnswerScanner.create(
                        TestData.scanner(), ValueKey.simple(), AnswerScanner.Action.REDACT)
                .scanAnswer(body, Dialect.OPENAI_CHAT, vault);
        assertThat(r.text()).doesNotContain(NAME_RU).doesNotContain(IIN_1).startsWith("{\"choices\"");
        assertThat(r.counts().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(6);
    }

    @Test
    void restoreOnly_restoresPlaceholders_andNeitherScansNorCounts() {
        ExchangeVault vault = vaultFor("I am " + NAME_KK + ", IIN " + IIN_1);
        byte[] body = ("{\"choices\":[{\"message\":{\"content\":\"[IIN_1] and IIN " + IIN_2 + "\"}}]}")
                .getBytes(StandardCharsets.UTF_8);

        AnswerScanner.ScannedAnswer json =
                AnswerScanner.RESTORE_ONLY.restoreAndScan(body, Dialect.OPENAI_CHAT, TextRestorer.of(vault));
        AnswerScanner.ScannedAnswer text =
                AnswerScanner.RESTORE_ONLY.restoreAndScanText("[IIN_1] and IIN " + IIN_2, TextRestorer.of(vault));

        assertThat(new String(json.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"choices\":[{\"message\":{\"content\":\"" + IIN_1 + " and IIN " + IIN_2 + "\"}}]}");
        assertThat(new String(text.body(), StandardCharsets.UTF_8)).isEqualTo(IIN_1 + " and IIN " + IIN_2);
        assertThat(json.counts()).isEmpty();
        assertThat(text.counts()).isEmpty();
        assertThat(AnswerScanner.RESTORE_ONLY.session(vault)).isNull();
    }

    @Test
    void restoreAndScan_keys_restoredButNotScanned() {
        ExchangeVault vault = vaultFor("I am " + NAME_KK + ", IIN " + IIN_1);
        byte[] body = ("{\"metadata\":{\"[IIN_1]\":\"x\",\"" + IIN_2 + "\":\"y\"},"
                        + "\"choices\":[{\"message\":{\"content\":\"IIN " + IIN_2 + "\"}}]}")
                .getBytes(StandardCharsets.UTF_8);
        AnswerScanner.ScannedAnswer r = AnswerScanner.create(
                        TestData.scanner(), ValueKey.simple(), AnswerScanner.Action.REDACT)
                .restoreAndScan(body, Dialect.OPENAI_CHAT, TextRestorer.of(vault));
        assertThat(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"metadata\":{\"" + IIN_1 + "\":\"x\",\"" + IIN_2
                        + "\":\"y\"},\"choices\":[{\"message\":{\"content\":\"IIN [REDACTED]\"}}]}");
        assertThat(r.counts()).isEqualTo(Map.of(EntityType.IIN, 1));
    }

    @Test
    void restoreAndScan_apiMetadata_restoredButNotScanned_echoedFieldsScanned() {
        ExchangeVault vault = vaultFor("I am " + NAME_KK + ", IIN " + IIN_1);
        // values the API fills in itself (an id, the model, counts) are not the model's text; an echoed field is
        String body = "{\"id\":\"chatcmpl-" + IIN_2 + "\",\"model\":\"[IIN_1]\",\"created\":" + IIN_2
                + ",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"IIN " + IIN_2
                + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"total_tokens\":" + IIN_2 + "},"
                + "\"user\":\"" + IIN_2 + "\",\"extra\":" + IIN_2 + "}";
        AnswerScanner.ScannedAnswer r = AnswerScanner.create(
                        TestData.scanner(), ValueKey.simple(), AnswerScanner.Action.REDACT)
                .restoreAndScan(body.getBytes(StandardCharsets.UTF_8), Dialect.OPENAI_CHAT, TextRestorer.of(vault));
        AnswerScanner.Result twoSteps = AnswerScanner.create(
                        TestData.scanner(), ValueKey.simple(), AnswerScanner.Action.REDACT)
                .scanAnswer(
                        TextRestorer.of(vault)
                                .restoreAnswer(body.getBytes(StandardCharsets.UTF_8), Dialect.OPENAI_CHAT),
                        Dialect.OPENAI_CHAT,
                        vault);

        String expected = "{\"id\":\"chatcmpl-" + IIN_2 + "\",\"model\":\"" + IIN_1 + "\",\"created\":" + IIN_2
                + ",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"IIN [REDACTED]\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"total_tokens\":" + IIN_2 + "},"
                + "\"user\":\"[REDACTED]\",\"extra\":\"[REDACTED]\"}";
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(r.counts()).isEqualTo(Map.of(EntityType.IIN, 3));
        assertThat(twoSteps.text()).isEqualTo(expected);
        assertThat(twoSteps.counts()).isEqualTo(r.counts());
    }

    @Test
    void restoreAndScan_givesWhatRestoreThenScanGive_forEveryActionAndBodyShape() {
        ExchangeVault vault = vaultFor("I am " + NAME_KK + ", IIN " + IIN_1);
        String answer = protectedAnswer(vault).text();
        String args = "{\"who\":\"[PERSON_1]\",\"phone\":\"" + PHONE + "\"}";
        List<String> bodies = List.of(
                "{\"choices\":[{\"message\":{\"content\":" + Json.quote(answer) + ",\"tool_calls\":[{\"function\":"
                        + "{\"name\":\"call\",\"arguments\":" + Json.quote(args) + "}}]}}]}",
                "{\"choices\":[{\"message\":{\"content\":\"nothing personal here\"}}]}",
                "not json at all: " + answer,
                "{\"truncated\": " + Json.quote(answer));
        for (AnswerScanner.Action action : AnswerScanner.Action.values()) {
            AnswerScanner scanner = AnswerScanner.create(TestData.scanner(), ValueKey.simple(), action);
            for (String text : bodies) {
                byte[] body = text.getBytes(StandardCharsets.UTF_8);
                byte[] restored = TextRestorer.of(vault).restoreAnswer(body, Dialect.OPENAI_CHAT);
                AnswerScanner.Result twoStep = scanner.scanAnswer(restored, Dialect.OPENAI_CHAT, vault);
                byte[] expected = action == AnswerScanner.Action.LEAVE
                        ? restored
                        : twoStep.text().getBytes(StandardCharsets.UTF_8);

                AnswerScanner.ScannedAnswer oneWalk =
                        scanner.restoreAndScan(body, Dialect.OPENAI_CHAT, TextRestorer.of(vault));

                assertThat(new String(oneWalk.body(), StandardCharsets.UTF_8))
                        .as(action + " " + text)
                        .isEqualTo(new String(expected, StandardCharsets.UTF_8));
                assertThat(oneWalk.counts()).as(action + " " + text).isEqualTo(twoStep.counts());
            }
        }
        byte[] plain = "{\"choices\":[{\"message\":{\"content\":\"nothing personal here\"}}]}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(AnswerScanner.create(TestData.scanner(), ValueKey.simple(), AnswerScanner.Action.LEAVE)
                        .restoreAndScan(plain, Dialect.OPENAI_CHAT, TextRestorer.of(vault))
                        .body())
                .as("an answer with nothing to restore goes on as the same bytes")
                .isSameAs(plain);
    }

    @Test
    void session_redactInStream_replacesNewValuesWholeHoweverSplit() {
        ExchangeVault vault = vaultFor("I am " + NAME_KK + ", IIN " + IIN_1);
        ProtectedAnswer protectedAnswer = protectedAnswer(vault);
        for (AnswerScanner.Action action :
                new AnswerScanner.Action[] {AnswerScanner.Action.REDACT, AnswerScanner.Action.MASK}) {
            AnswerScanner scanner = AnswerScanner.create(TestData.scanner(), ValueKey.simple(), action);
            String expected = scanner.scan(ANSWER, vault).text();
            Random random = new Random(9);
            for (int c = 0; c < 200; c++) {
                AnswerScanner.Session session = scanner.session(vault);
                String stream = EchoStreams.stream(
                        Dialect.ANTHROPIC_MESSAGES,
                        StreamRestorationTest.split(protectedAnswer.text(), random, 1 + random.nextInt(12)),
                        List.of("{}"));
                EventStreamRestorer r =
                        EventStreamRestorer.forDialect(Dialect.ANTHROPIC_MESSAGES, TextRestorer.of(vault), session);
                String out = StreamRestorationTest.restoreInChunks(r, EchoStreams.bytes(stream), random);
                assertThat(EchoStreams.assemble(Dialect.ANTHROPIC_MESSAGES, out).content())
                        .isEqualTo(expected);
                assertThat(session.counts().values().stream()
                                .mapToInt(Integer::intValue)
                                .sum())
                        .isEqualTo(4);
            }
        }
    }

    @Test
    void session_redactInStreamTruncated_neverEmitsHeldText() {
        ExchangeVault vault = vaultFor("I am " + NAME_KK);
        AnswerScanner scanner =
                AnswerScanner.create(TestData.scanner(), ValueKey.simple(), AnswerScanner.Action.REDACT);
        String stream =
                EchoStreams.stream(Dialect.OLLAMA_GENERATE, List.of("Call ", NAME_RU.substring(0, 4)), List.of());
        String cut = stream.substring(0, stream.lastIndexOf("{\"model\""));
        EventStreamRestorer r =
                EventStreamRestorer.forDialect(Dialect.OLLAMA_GENERATE, TextRestorer.of(vault), scanner.session(vault));
        String out = new String(r.feed(EchoStreams.bytes(cut)), StandardCharsets.UTF_8);
        assertThat(EchoStreams.assemble(Dialect.OLLAMA_GENERATE, out).content()).isEmpty();
        Assertions.assertThatThrownBy(r::finish).isInstanceOf(StreamBroken.class);
    }

    record ProtectedAnswer(String text) {}

    // The answer as upstream would send it: the vault's values as placeholders, new values in clear.
    private static ProtectedAnswer protectedAnswer(ExchangeVault vault) {
        return new ProtectedAnswer(ANSWER.replace(NAME_KK, "[PERSON_1]").replace(IIN_1, "[IIN_1]"));
    }

    @Test
    void session_valuesSplitAcrossDeltas_countedOnceEach() {
        ExchangeVault vault = vaultFor("I am " + NAME_KK + ", IIN " + IIN_1);
        AnswerScanner scanner = AnswerScanner.create(TestData.scanner(), ValueKey.simple(), AnswerScanner.Action.LEAVE);
        Random random = new Random(5);
        for (int c = 0; c < 100; c++) {
            AnswerScanner.Session session = scanner.session(vault);
            String stream = EchoStreams.stream(
                    Dialect.OPENAI_CHAT,
                    StreamRestorationTest.split(ANSWER, random, 1 + random.nextInt(10)),
                    List.of("{}"));
            EventStreamRestorer r =
                    EventStreamRestorer.forDialect(Dialect.OPENAI_CHAT, TextRestorer.of(vault), session);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(r.feed(EchoStreams.bytes(stream)));
            out.writeBytes(r.finish());
            assertThat(session.counts())
                    .isEqualTo(
                            Map.of(EntityType.PERSON, 1, EntityType.PHONE, 1, EntityType.EMAIL, 1, EntityType.IIN, 1));
        }
    }
}
