package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour of the recognizers through the public API. All values are synthetic. */
class DetectorTest {

    private static final Detector DETECTOR = Detector.defaults();

    private static List<String> found(String text, EntityType type) {
        return Found.values(DETECTOR, text, type);
    }

    @Test
    void detect_iinWithValidCheckDigit_foundAsIin() {
        assertThat(found("ИИН 900515301234 указан в заявлении", EntityType.IIN)).containsExactly("900515301234");
    }

    @Test
    void detect_iinInGroupsAfterAnIinWord_foundWhole() {
        for (String iin : List.of(
                "900515 301 234", "900515-301234", "9005 1530 1234", "900 515 301 234", "9 0 0 5 1 5 3 0 1 2 3 4")) {
            String text = "Заявитель, ИИН: " + iin + ", просит выдать справку.";
            assertThat(found(text, EntityType.IIN)).as(text).containsExactly(iin);
            assertThat(found(text, EntityType.PHONE)).as(text).isEmpty();
        }
        assertThat(found("БСН 150340 001236 ТОО «Жол»", EntityType.BIN)).containsExactly("150340 001236");
        // no IIN word before, a wrong check digit, or more digits going on: not an IIN
        assertThat(found("звоните 900515 301 234", EntityType.IIN)).isEmpty();
        assertThat(found("ИИН: 900515 301 235", EntityType.IIN)).isEmpty();
        assertThat(found("ИИН не указан, счёт 9005 1530 1234 5678", EntityType.IIN))
                .isEmpty();
    }

    @Test
    void detect_twelveDigitsFailingCheckDigit_nothingFound() {
        assertThat(DETECTOR.detect("номер 900515301235 в реестре")).isEmpty();
    }

    @Test
    void detect_binWithEntityTypeDigit_foundAsBin() {
        assertThat(found("ТОО, БИН 150340001236", EntityType.BIN)).containsExactly("150340001236");
    }

    @Test
    void detect_certificateSubjectForm_foundAsIin() {
        assertThat(found("CN=TEST,SERIALNUMBER=IIN900515301234,C=KZ", EntityType.IIN))
                .containsExactly("900515301234");
    }

    @Test
    void detect_fullwidthDigits_offsetsPointIntoOriginal() {
        String text = "ИИН ９００５１５３０１２３４.";
        List<Finding> findings = DETECTOR.detect(text);
        assertThat(findings).hasSize(1);
        assertThat(text.substring(findings.get(0).start(), findings.get(0).end()))
                .isEqualTo("９００５１５３０１２３４");
    }

    @Test
    void detect_zeroWidthAndNoBreakSpacesInsidePhone_oneFindingOverOriginalSpan() {
        String text = "тел.\u00A0+7\u00A0701\u200B 123\u00AD 45 67 спасибо";
        List<Finding> findings = DETECTOR.detect(text);
        assertThat(findings).extracting(Finding::type).containsExactly(EntityType.PHONE);
        assertThat(text.substring(findings.get(0).start(), findings.get(0).end()))
                .isEqualTo("+7\u00A0701\u200B 123\u00AD 45 67");
    }

    @Test
    void detect_kazakhPhoneInEveryWrittenForm_found() {
        String[] forms = {
            "+7 701 123 45 67",
            "+7 (701) 123-45-67",
            "+77011234567",
            "8 (701) 123-45-67",
            "8-701-123-45-67",
            "87011234567",
            "701 123 4567",
            "8 (727) 123-45-67",
            "+7 7172 12 34 56"
        };
        for (String form : forms) {
            assertThat(found("Позвоните: " + form + ".", EntityType.PHONE))
                    .as(form)
                    .containsExactly(form);
        }
    }

    @Test
    void detect_ibanGroupedWithSpaces_oneFinding() {
        assertThat(found("Счет KZ23 999A 0000 1234 5678 в банке", EntityType.IBAN))
                .containsExactly("KZ23 999A 0000 1234 5678");
    }

    @Test
    void detect_luhnFailingSixteenDigits_notACard() {
        assertThat(found("card 4111 1111 1111 1112", EntityType.PAYMENT_CARD)).isEmpty();
        assertThat(found("Mir 2200 0000 0000 0004", EntityType.PAYMENT_CARD)).containsExactly("2200 0000 0000 0004");
    }

    @Test
    void detect_cyrillicEmailAndEmailInsideUrl_emailFound() {
        assertThat(found("пишите на айгерим@почта.қаз", EntityType.EMAIL)).containsExactly("айгерим@почта.қаз");
        assertThat(found("<a href=\"mailto:user.name@mail.kz?subject=x\">", EntityType.EMAIL))
                .containsExactly("user.name@mail.kz");
    }

    @Test
    void detect_passportNumberWithoutDocumentWord_notFound() {
        assertThat(found("код N12345678 в системе", EntityType.ID_DOCUMENT)).isEmpty();
        assertThat(found("паспорт N12345678 выдан МВД", EntityType.ID_DOCUMENT)).containsExactly("N12345678");
        assertThat(found("жеке куәлік № 041234567", EntityType.ID_DOCUMENT)).containsExactly("041234567");
    }

    @Test
    void detect_plateWithCyrillicLookalikes_found() {
        assertThat(found("госномер 123 АВС 01", EntityType.VEHICLE_PLATE)).containsExactly("123 АВС 01");
        assertThat(found("500 KZT 10 раз", EntityType.VEHICLE_PLATE)).isEmpty();
    }

    @Test
    void detect_dateWithoutBirthCue_notFound() {
        assertThat(found("заседание 15.05.2024 в 10:00", EntityType.DATE_OF_BIRTH))
                .isEmpty();
        assertThat(found("дата рождения 15.05.1990", EntityType.DATE_OF_BIRTH)).containsExactly("15.05.1990");
        assertThat(found("Иванов И.И., 1990 г.р.", EntityType.DATE_OF_BIRTH)).containsExactly("1990");
        assertThat(found("DOB: 1990-05-15", EntityType.DATE_OF_BIRTH)).containsExactly("1990-05-15");
    }

    @Test
    void detect_wellKnownSecretFormats_found() {
        String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
        assertThat(found("key sk-proj-Ab12Cd34Ef56Gh78Ij90KlMn", EntityType.SECRET))
                .hasSize(1);
        assertThat(found("ghp_abcdefghijklmnopqrstuvwxyz0123456789", EntityType.SECRET))
                .hasSize(1);
        assertThat(found("AKIAABCDEFGHIJKLMNOP", EntityType.SECRET)).hasSize(1);
        assertThat(found("xoxb-123456789012-abcdefghij", EntityType.SECRET)).hasSize(1);
        assertThat(found("Authorization: Bearer " + jwt, EntityType.SECRET)).containsExactly(jwt);
        assertThat(found("пароль: Qw7#rT9!pLm2", EntityType.SECRET)).containsExactly("Qw7#rT9!pLm2");
        assertThat(found("-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----", EntityType.SECRET))
                .hasSize(1);
    }

    @Test
    void detect_plainWordsAfterPasswordLabel_notASecret() {
        assertThat(found("The password policy requires twelve characters", EntityType.SECRET))
                .isEmpty();
        assertThat(found("eyJhbGciOi.notjson.x", EntityType.SECRET)).isEmpty();
    }

    @Test
    void detect_declinedRussianAndKazakhNames_found() {
        assertThat(found("Справка выдана Ивановым Иваном Ивановичем", EntityType.PERSON))
                .containsExactly("Ивановым Иваном Ивановичем");
        assertThat(found("Айгүлге жәрдемақы тағайындалды", EntityType.PERSON)).containsExactly("Айгүлге");
        assertThat(found("Нұрланның өтініші қаралды", EntityType.PERSON)).containsExactly("Нұрланның");
    }

    @Test
    void detect_initialsInBothOrders_found() {
        assertThat(found("Исполнитель Иванов И.И., тел. нет", EntityType.PERSON))
                .containsExactly("Иванов И.И.");
        assertThat(found("подписал И. И. Иванов вчера", EntityType.PERSON)).containsExactly("И. И. Иванов");
        assertThat(found("signed by A. Smith yesterday", EntityType.PERSON)).containsExactly("A. Smith");
    }

    @Test
    void detect_nameWordsUsedAsOrdinaryWords_notPersons() {
        assertThat(found("Оның арманы дәрігер болу, бақыт отбасында", EntityType.PERSON))
                .isEmpty();
        assertThat(found("Арман қаласында жаңа мектеп ашылды", EntityType.PERSON))
                .isEmpty();
        assertThat(found("роза ветров и надежда на лучшее", EntityType.PERSON)).isEmpty();
        assertThat(found("Мерей кешке дейін жұмыс істейді", EntityType.PERSON)).isEmpty();
    }

    @Test
    void detect_nameWordWithSurname_foundAsPerson() {
        assertThat(found("заявление подала Роза Ахметова", EntityType.PERSON)).containsExactly("Роза Ахметова");
    }

    @Test
    void detect_organisationNames_notPersons() {
        assertThat(found("ТОО «Асем Групп» и АО «Казахтелеком»", EntityType.PERSON))
                .isEmpty();
        assertThat(found("Kaspi Bank reported growth", EntityType.PERSON)).isEmpty();
        assertThat(found("Арман Кафе LLP заключило договор", EntityType.PERSON)).isEmpty();
    }

    @Test
    void detect_streetNameAlone_notAnAddress() {
        assertThat(found("Встреча на проспекте Абая", EntityType.ADDRESS)).isEmpty();
        assertThat(found("На улице Абая ремонт", EntityType.ADDRESS)).isEmpty();
        assertThat(found("Встреча на проспекте Абая", EntityType.PERSON)).isEmpty();
    }

    @Test
    void detect_fullAddresses_oneFindingEach() {
        assertThat(found("Адрес: г. Астана, ул. Кенесары, д. 1, кв. 1.", EntityType.ADDRESS))
                .containsExactly("г. Астана, ул. Кенесары, д. 1, кв. 1");
        assertThat(found("Мекенжайы: Алматы қ., Бостандық ауданы, Сәтбаев көш., 5-үй.", EntityType.ADDRESS))
                .containsExactly("Алматы қ., Бостандық ауданы, Сәтбаев көш., 5-үй");
        assertThat(found("Ship to 221 Baker Street, Apt 4 please", EntityType.ADDRESS))
                .containsExactly("221 Baker Street, Apt 4");
    }

    @Test
    void detect_personBeforeAddress_bothKeptWhenApart() {
        String text = "Иванов Иван Иванович, г. Астана, ул. Кенесары, д. 1";
        assertThat(found(text, EntityType.PERSON)).containsExactly("Иванов Иван Иванович");
        assertThat(found(text, EntityType.ADDRESS)).containsExactly("г. Астана, ул. Кенесары, д. 1");
    }

    @Test
    void detect_ipAddressesAndVersions_onlyAddressesFound() {
        assertThat(found("from 192.168.10.24 and 2001:db8::1/64", EntityType.IP_ADDRESS))
                .containsExactly("192.168.10.24", "2001:db8::1/64");
        assertThat(found("версия 4.12.0.1", EntityType.IP_ADDRESS)).isEmpty();
    }

    @Test
    void detect_validIinShapedLikePhone_iinWins() {
        assertThat(DETECTOR.detect("87011234567 и 900515301234"))
                .extracting(Finding::type)
                .containsExactly(EntityType.PHONE, EntityType.IIN);
    }

    @Test
    void detect_findings_inTextOrderAndNotOverlapping() {
        String text = "Заявитель Ахметова Динара, ИИН 900515301234, тел. +7 701 123 45 67, a.b@mail.kz";
        List<Finding> findings = DETECTOR.detect(text);
        assertThat(findings).hasSize(4);
        for (int i = 1; i < findings.size(); i++) {
            assertThat(findings.get(i).start())
                    .isGreaterThanOrEqualTo(findings.get(i - 1).end());
        }
    }

    @Test
    void detect_typeDisabledInSettings_notReported() {
        Detector onlyEmail =
                Detector.create(DetectorSettings.defaults().withEnabledTypes(EnumSet.of(EntityType.EMAIL)));
        assertThat(onlyEmail.detect("ИИН 900515301234, a.b@mail.kz"))
                .extracting(Finding::type)
                .containsExactly(EntityType.EMAIL);
    }

    @Test
    void detect_everyTypeDisabled_nothingReported() {
        Detector none = Detector.create(DetectorSettings.defaults().withEnabledTypes(EnumSet.noneOf(EntityType.class)));
        assertThat(none.detect("ИИН 900515301234, a.b@mail.kz, Ахметов Нұрлан Серікұлы"))
                .isEmpty();
    }

    @Test
    void detect_minScoreAboveEveryScore_nothingReported() {
        Detector strict = Detector.create(DetectorSettings.defaults().withMinScore(1.0));
        assertThat(strict.detect("ИИН 900515301234, тел. +7 701 123 45 67")).isEmpty();
    }

    @Test
    void detect_agencyNameList_addsFirstNames(@TempDir Path dir) throws IOException {
        Path list = dir.resolve("names.txt");
        Files.writeString(list, "# agency list\nЫрзыкүл\n", StandardCharsets.UTF_8);
        Detector withList = Detector.create(DetectorSettings.defaults().withExtraNameLists(List.of(list)));
        String text = "вчера приходила Ырзыкүл, оставила документы";
        assertThat(DETECTOR.detect(text)).isEmpty();
        assertThat(withList.detect(text)).extracting(Finding::type).containsExactly(EntityType.PERSON);
    }

    @Test
    void detect_manyThreadsAtOnce_sameFindingsAsOneThread() throws Exception {
        List<String> texts = List.of(
                "ИИН 900515301234, тел. +7 701 123 45 67",
                "Справка выдана Ивановым Иваном",
                "г. Астана, ул. Кенесары, д. 1",
                "card 4111 1111 1111 1111, a.b@mail.kz");
        List<List<Finding>> expected = texts.stream().map(DETECTOR::detect).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        for (int i = 0; i < texts.size(); i++) {
                            if (!DETECTOR.detect(texts.get(i)).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void detect_legacyPlateAfterCue_found() {
        assertThat(found("гос. номер A 123 BCD, цвет белый", EntityType.VEHICLE_PLATE))
                .containsExactly("A 123 BCD");
    }

    @Test
    void detect_stringBuilderInput_sameFindingsAsString() {
        String text = "ИИН 900515301234, a.b@mail.kz";
        assertThat(DETECTOR.detect(new StringBuilder(text))).isEqualTo(DETECTOR.detect(text));
    }

    @Test
    void settings_minScoreOutOfRange_rejectedWithoutEchoingInput() {
        assertThatThrownBy(() -> DetectorSettings.defaults().withMinScore(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minScore must be within [0, 1]");
    }
}
