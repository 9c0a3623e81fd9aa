package io.qorgan.gateway.protect;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.detect.EntityType;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextRestorerTest {

    private ExchangeVault vault;
    private TextRestorer restorer;

    @BeforeEach
    void setUp() {
        vault = new ExchangeVault();
        vault.placeholder(EntityType.PERSON, "ахметов нұрлан", "Ахметов Нұрлан");
        vault.placeholder(EntityType.PERSON, "иванова анна", "Иванова Анна");
        vault.placeholder(EntityType.DATE_OF_BIRTH, "1990-05-15", "15.05.1990");
        vault.placeholder(EntityType.ADDRESS, "a", "ул. \"Абая\" 12\\3");
        restorer = TextRestorer.of(vault);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[PERSON_1]|Ахметов Нұрлан",
                "[person_1]|Ахметов Нұрлан",
                "[Person_2]|Иванова Анна",
                "PERSON_1|Ахметов Нұрлан",
                "person_2|Иванова Анна",
                "[PERSON 1]|Ахметов Нұрлан",
                "[PERSON-1]|Ахметов Нұрлан",
                "【PERSON_1】|Ахметов Нұрлан",
                "[PERSON_1]'s file|Ахметов Нұрлан's file",
                "[PERSON_1]-ге хат|Ахметов Нұрлан-ге хат",
                "PERSON_1's|Ахметов Нұрлан's",
                "Dear PERSON_1, hello|Dear Ахметов Нұрлан, hello",
                "(PERSON_2)|(Иванова Анна)",
                "\"PERSON_2\"|\"Иванова Анна\"",
                "дляPERSON_1|дляАхметов Нұрлан",
                "[DATE_OF_BIRTH_1]|15.05.1990",
                "[date of birth 1]|15.05.1990",
                "DATE_OF_BIRTH_1.|15.05.1990.",
                "[PERSON_1][PERSON_2]|Ахметов НұрланИванова Анна",
            })
    void restore_tolerantForms_restoreKnownPlaceholders(String text, String expected) {
        assertThat(restorer.restore(text)).isEqualTo(expected);
    }

    @Test
    void restore_randomTexts_sameAsTheScanWithoutItsQuickRefusal() {
        Random random = new Random(11);
        String[] pieces = {
            "PERSON",
            "person",
            "Date",
            "OF",
            "birth",
            "ADDRESS",
            "_",
            "_",
            "1",
            "2",
            " ",
            "x",
            "fp",
            "я",
            "[",
            "]",
            "【",
            "-",
            "PAYMENT",
            "card",
            "snake_case",
            "'s"
        };
        for (int c = 0; c < 20_000; c++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0, n = 1 + random.nextInt(10); k < n; k++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            StringBuilder full = new StringBuilder();
            new RestoreScan(vault, false).run(text, text.length(), '\n', true, full);
            assertThat(restorer.restore(text)).as(text).isEqualTo(full.toString());
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[PERSON_3]",
                "[IIN_1]",
                "[PERSON_0]",
                "PERSON_1234567",
                "[PERSONS_1]",
                "XPERSON_1",
                "PERSON_1x",
                "PERSON_12",
                "person 1",
                "room for person 1 and 2",
                "[PERSON_h:3fa9c01d]",
                "[UNKNOWN_1]",
                "a[b]c PERSON_ 1 _PERSON_1",
            })
    void restore_unknownOrMalformedPlaceholders_passUnchanged(String text) {
        assertThat(restorer.restore(text)).isEqualTo(text);
    }

    @Test
    void restore_bracketWithoutClose_restoresBareAndKeepsBracket() {
        assertThat(restorer.restore("[PERSON_1 and more")).isEqualTo("[Ахметов Нұрлан and more");
    }

    @Test
    void restore_jsonText_escapesInsertedValue() {
        assertThat(restorer.restore("{\"a\":\"[ADDRESS_1]\"}", true)).isEqualTo("{\"a\":\"ул. \\\"Абая\\\" 12\\\\3\"}");
        assertThat(restorer.restore("[ADDRESS_1]", false)).isEqualTo("ул. \"Абая\" 12\\3");
    }

    @Test
    void restore_longTextWithManyBrackets_isLinearAndCorrect() {
        String chunk = "[[[[ PERSON PERSON_ [PERSON_1] ";
        StringBuilder sb = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append(chunk);
            expected.append("[[[[ PERSON PERSON_ Ахметов Нұрлан ");
        }
        assertThat(restorer.restore(sb)).isEqualTo(expected.toString());
    }

    @Test
    void restore_emptyVault_returnsTextUnchanged() {
        assertThat(TextRestorer.of(new ExchangeVault()).restore("[PERSON_1]")).isEqualTo("[PERSON_1]");
    }

    @Test
    void streamFeed_placeholderSplitAcrossDeltas_restoredWhole() {
        StreamRestorer s = restorer.stream();
        StringBuilder out = new StringBuilder();
        for (String d : new String[] {"Hello [PER", "SON", "_", "1", "]", "'s and PERSON_", "2", " end"}) {
            out.append(s.feed(d));
        }
        out.append(s.finish());
        assertThat(out.toString()).isEqualTo("Hello Ахметов Нұрлан's and Иванова Анна end");
    }

    @Test
    void streamFeed_ordinaryText_emittedAtOnceExceptPossiblePlaceholderTail() {
        StreamRestorer s = restorer.stream();
        assertThat(s.feed("Сәлем, bu dostum ")).isEqualTo("Сәлем, bu dostum ");
        assertThat(s.feed("says [PERS")).isEqualTo("says ");
        assertThat(s.held()).isEqualTo(5);
        assertThat(s.feed("ON_1] ok")).isEqualTo("Ахметов Нұрлан] ok".replace("]", ""));
        assertThat(s.finish()).isEmpty();
    }

    @Test
    void streamFeed_heldBackText_isBounded() {
        StreamRestorer s = restorer.stream();
        String adversarial = "[DATE_OF_BIRTH_12345";
        s.feed(adversarial);
        assertThat(s.held()).isLessThanOrEqualTo(32);
        s.feed("6");
        assertThat(s.held()).isLessThanOrEqualTo(32);
        s.feed("7");
        assertThat(s.held()).isZero();
        for (int i = 0; i < 1000; i++) {
            s.feed(i % 2 == 0 ? "[" : "A");
            assertThat(s.held()).isLessThanOrEqualTo(32);
        }
    }

    @Test
    void streamFeed_splitSurrogatePair_neverEmitsHalf() {
        StreamRestorer s = restorer.stream();
        String emoji = "😀";
        String first = s.feed("1 " + emoji.charAt(0));
        assertThat(first).isEqualTo("1 ");
        assertThat(s.feed(emoji.substring(1))).isEqualTo(emoji);
    }
}
