package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile and broken input: nothing escapes, spans stay inside the text, time stays linear. */
class BadInputTest {

    private static final Detector DETECTOR = Detector.defaults();
    /** A guard against exponential time, not a speed target. */
    private static final Duration GUARD = Duration.ofSeconds(20);

    private static void assertWithinBounds(CharSequence text, List<Finding> findings) {
        for (Finding f : findings) {
            assertThat(f.start()).isBetween(0, text.length() - 1);
            assertThat(f.end()).isBetween(f.start() + 1, text.length());
        }
    }

    @Test
    void detect_nullBytesLoneSurrogatesAndDirectionMarks_noExceptionAndSpansInBounds() {
        String text = "\u0000ИИН\u0000900515301234\uD800 тел. \u200F+7 701 123 45 67\u202E \uDC00a.b@mail.kz\uFEFF"
                + "\u202Bمرحبا Айгерім Smith\u0000";
        List<Finding> findings = DETECTOR.detect(text);
        assertWithinBounds(text, findings);
        assertThat(findings).extracting(Finding::type).contains(EntityType.IIN, EntityType.EMAIL);
    }

    @Test
    void detect_textEndingInsideACandidate_noException() {
        for (String text : List.of(
                "+",
                "+7",
                "8 (",
                "KZ2",
                "a@",
                "@",
                "1.2.3.",
                "::",
                "eyJ",
                "-----BEGIN ",
                "ул.",
                "12-",
                "г. Астана, ул.",
                "N1",
                "паспорт",
                "Иванов И.",
                "sk-",
                "\uD83D")) {
            assertWithinBounds(text, DETECTOR.detect(text));
        }
    }

    @Test
    void detect_everyPrefixOfDocumentTalkAndLatinStreet_noExceptionAndSpansInBounds() {
        // numbers of a document's own shape near a document word, and a street's units: cut them anywhere
        String text = "Паспорт: N 1427 3356, удостоверение O48 775 1O2, I-АҚ 0551206, внутренний 45 09 318 774, "
                + "ВНЖ 018/004/563, военный билет ВБ, сегіз, жеті, екі, нөл, бір, төрт, алты; эн, ноль девять, N. "
                + "Address: Karaganda, Bukhar Zhyrau 53, hostel room 22";
        for (int end = 1; end <= text.length(); end++) {
            String prefix = text.substring(0, end);
            assertWithinBounds(prefix, DETECTOR.detect(prefix));
        }
    }

    @Test
    void detect_tenMegabyteSingleLine_noExceptionAndSpansInBounds() {
        StringBuilder b = new StringBuilder(10_500_000);
        String chunk = "Мен Айгерім, ЖСН 850101456780, tel +7 701 123 45 67, mail x@y.kz; version 1.2.3 ";
        while (b.length() < 10_000_000) {
            b.append(chunk);
        }
        String text = b.toString();
        List<Finding> findings = assertTimeoutPreemptively(GUARD, () -> DETECTOR.detect(text));
        assertWithinBounds(text, findings);
        assertThat(findings.size()).isGreaterThan(100_000);
    }

    @Test
    void detect_mixedScriptsAndSupplementaryCharacters_offsetsInOriginal() {
        String text = "😀 𝟗𝟎𝟎𝟓𝟏𝟓𝟑𝟎𝟏𝟐𝟑𝟒 中文 Қазақ English";
        List<Finding> findings = DETECTOR.detect(text);
        assertWithinBounds(text, findings);
        assertThat(findings).extracting(Finding::type).containsExactly(EntityType.IIN);
        Finding iin = findings.get(0);
        assertThat(text.substring(iin.start(), iin.end())).isEqualTo("𝟗𝟎𝟎𝟓𝟏𝟓𝟑𝟎𝟏𝟐𝟑𝟒");
    }

    @Test
    void detect_megabyteOfDigits_finishesWithinGuard() {
        String text = "1".repeat(1_000_000);
        assertWithinBounds(text, assertTimeoutPreemptively(GUARD, () -> DETECTOR.detect(text)));
        String grouped = "1234 ".repeat(200_000);
        assertWithinBounds(grouped, assertTimeoutPreemptively(GUARD, () -> DETECTOR.detect(grouped)));
    }

    @Test
    void detect_megabyteOfAtSigns_finishesWithinGuard() {
        String text = "@".repeat(1_000_000);
        assertThat(assertTimeoutPreemptively(GUARD, () -> DETECTOR.detect(text)))
                .isEmpty();
        String local = "a".repeat(1_000_000) + "@";
        assertThat(assertTimeoutPreemptively(GUARD, () -> DETECTOR.detect(local)))
                .isEmpty();
        String chained = "a@".repeat(500_000);
        assertThat(assertTimeoutPreemptively(GUARD, () -> DETECTOR.detect(chained)))
                .isEmpty();
    }

    @Test
    void detect_megabyteOfBracketsAndColons_finishesWithinGuard() {
        for (String unit : List.of("[", "(", ":", "::", "-", "+7 (", "г. ", "ул. А", "Иван ", "password: ")) {
            String text = unit.repeat(1_000_000 / unit.length());
            assertWithinBounds(text, assertTimeoutPreemptively(GUARD, () -> DETECTOR.detect(text)));
        }
    }

    @Test
    void detect_megabyteOfCraftedTables_finishesWithinGuard() {
        // headers over one table each read the column below them: headers × rows before the reading was bounded
        StringBuilder numbered = new StringBuilder();
        for (int i = 0; numbered.length() < 1_000_000; i++) {
            numbered.append("| ФИО ").append(i).append(" |\n| Асель Нурланова |\n");
        }
        String wide = ("ФИО;".repeat(300) + "\n" + "a;".repeat(300) + "\n").repeat(600);
        for (String text : List.of(
                numbered.toString(),
                wide,
                "| ФИО |\n| A B |\n".repeat(60_000),
                "\"dob\": \"2000\", ".repeat(60_000),
                "passport 12345678 ".repeat(60_000))) {
            assertWithinBounds(text, assertTimeoutPreemptively(GUARD, () -> DETECTOR.detect(text)));
        }
    }

    @Test
    void detect_megabyteOfGluedWords_finishesWithinGuardWithoutStackOverflow() {
        // every part of "А-А-А-…" starts a word, and words were read to the end of the run: parts × run, and a name
        // split at its dashes recursed once a dash
        for (String unit : List.of("А-", "a-", "A'", "A\u2019", "А.", "А.-", "А-1-")) {
            String text = unit.repeat(1_000_000 / unit.length());
            assertWithinBounds(text, assertTimeoutPreemptively(GUARD, () -> DETECTOR.detect(text)));
        }
    }

    @Test
    void detect_megabyteOfSecretLabelsWithoutTheirEnd_finishesWithinGuard() {
        // each read to the end of its line or of the text: a Wi-Fi label for a password word, htpasswd for its last
        // argument, a token for an @, a key's header for its footer, a -p value for a slash
        for (String unit : List.of(
                "wifi ",
                "вайфай ",
                "-htpasswd ",
                "token: aB3dE5fG7hJ9kL1mN0pQ\n",
                "-----BEGIN RSA PRIVATE KEY-----\n",
                "mysql -p Qwerty_17 ")) {
            String text = unit.repeat(1_000_000 / unit.length());
            assertWithinBounds(text, assertTimeoutPreemptively(GUARD, () -> DETECTOR.detect(text)));
        }
    }

    @Test
    void detect_chatAfterALongLineAndThousandsOfCsvNames_finishesWithinGuard() {
        // a lower-case speaker's line looked for the speaker in the first 40 lines, to their ends; each "Surname,
        // Given" cell joined its two names by removing one from the middle of all findings
        String chat = "word ".repeat(400_000) + "\n" + "роза: привет\n".repeat(150_000);
        assertWithinBounds(chat, assertTimeoutPreemptively(GUARD, () -> DETECTOR.detect(chat)));
        String csv = "\"Ким, Ли\",".repeat(400_000);
        assertWithinBounds(csv, assertTimeoutPreemptively(GUARD, () -> DETECTOR.detect(csv)));
    }
}
