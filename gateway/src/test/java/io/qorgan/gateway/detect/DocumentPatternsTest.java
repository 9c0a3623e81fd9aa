package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's patterns of identity documents, dates of birth, vehicle plates, and the section, version, cadastral and
 * case numbers that are neither IP addresses nor phones. Every line is written for this test; all numbers are made up.
 */
class DocumentPatternsTest {

    private static final Detector DETECTOR = Detector.defaults();

    private static List<String> found(String text, EntityType type) {
        return Found.values(DETECTOR, text, type);
    }

    @Test
    void detect_russianPassportSeriesAndNumber_documentNotPhone() {
        String text = "Предъявлен паспорт гражданина РФ 63 18 402917, выдан 14.05.2019.";
        assertThat(found(text, EntityType.ID_DOCUMENT)).containsExactly("63 18 402917");
        assertThat(found(text, EntityType.PHONE)).isEmpty();
        assertThat(found("серия и номер паспорта: 6318 402917", EntityType.ID_DOCUMENT))
                .containsExactly("6318 402917");
        assertThat(found("{\"doc\": \"паспорт РФ\", \"number\": \"71 09 118245\"}", EntityType.ID_DOCUMENT))
                .containsExactly("71 09 118245");
    }

    @Test
    void detect_russianDrivingLicence_found() {
        assertThat(found("водительское удостоверение 99 12 345678, категория B", EntityType.ID_DOCUMENT))
                .containsExactly("99 12 345678");
        assertThat(found("В/у: 77 31 902114 (РФ)", EntityType.ID_DOCUMENT)).containsExactly("77 31 902114");
        assertThat(found("жүргізуші куәлігі AB 204118", EntityType.ID_DOCUMENT)).containsExactly("AB 204118");
    }

    @Test
    void detect_seriesAndNumberApartOrWithCyrillicLetters_wholeNumber() {
        assertThat(found("паспорт РФ: серия 4718, номер 302516", EntityType.ID_DOCUMENT))
                .containsExactly("4718, номер 302516");
        assertThat(found("паспорт, серия/номер 4117/880213", EntityType.ID_DOCUMENT))
                .containsExactly("4117/880213");
        assertThat(found("свидетельство о рождении: серия I-ОН номер 7730215", EntityType.ID_DOCUMENT))
                .containsExactly("I-ОН номер 7730215");
        assertThat(found("права 23 ММ 604417, категория C", EntityType.ID_DOCUMENT))
                .containsExactly("23 ММ 604417");
        assertThat(found("водительские права серии 78 ОВ № 120934", EntityType.ID_DOCUMENT))
                .containsExactly("78 ОВ № 120934");
        assertThat(found("паспорт объекта: серия 4512, номер здания 65", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_idCardNumberReadOutOrGrouped_documentNotPhone() {
        String dictated = "Оператор: номер удостоверения?\nКлиент: 0 4 5 1 1 8 2 7 3.";
        assertThat(found(dictated, EntityType.ID_DOCUMENT)).containsExactly("0 4 5 1 1 8 2 7 3");
        assertThat(found(dictated, EntityType.PHONE)).isEmpty();
        assertThat(found("удостоверение № 041-552-907", EntityType.ID_DOCUMENT)).containsExactly("041-552-907");
        assertThat(found("номер удостоверения 049 33 71 25", EntityType.ID_DOCUMENT))
                .containsExactly("049 33 71 25");
        assertThat(found("Resident card #: 035512874", EntityType.ID_DOCUMENT)).containsExactly("035512874");
        assertThat(found("удостоверение получено, звоните 8 701 234 56 78", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_kazakhIdCardAfterAnyFormOfTheWord_found() {
        assertThat(found("Личность установлена по удостоверению 031887245, ИИН не указан", EntityType.ID_DOCUMENT))
                .containsExactly("031887245");
        assertThat(found("Жеке куәлігінің нөмірі 047712903", EntityType.ID_DOCUMENT))
                .containsExactly("047712903");
        assertThat(found("вид на жительство № 051229877", EntityType.ID_DOCUMENT))
                .containsExactly("051229877");
    }

    @Test
    void detect_birthCertificates_found() {
        assertThat(found("Свидетельство о рождении № 4471205 выдано РАГС", EntityType.ID_DOCUMENT))
                .containsExactly("4471205");
        assertThat(found("свидетельства о рождении серии III-ЖТ 508812", EntityType.ID_DOCUMENT))
                .containsExactly("III-ЖТ 508812");
        assertThat(found("Туу туралы куәлігі № 0781164 берілді", EntityType.ID_DOCUMENT))
                .containsExactly("0781164");
        assertThat(found("номер заказа 4471205 от поставщика", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_lettersAndDigitsAndJsonKeys_found() {
        assertThat(found("Guest: Hans Becker, passport C4KL72931, nationality DEU.", EntityType.ID_DOCUMENT))
                .containsExactly("C4KL72931");
        assertThat(found("Вид на жительство № F04418812 продлён до 2027 года.", EntityType.ID_DOCUMENT))
                .containsExactly("F04418812");
        assertThat(found("{\"фио\": \"Ли Станислав\", \"номер_удостоверения\": \"039918274\"}", EntityType.ID_DOCUMENT))
                .containsExactly("039918274");
        assertThat(found("passport office, room C4KL72931X", EntityType.ID_DOCUMENT))
                .isEmpty();
        assertThat(found("паспорт готов, заказ ABCDEFGH1", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_moreDocumentForms_found() {
        assertThat(found("Паспорт: № N 12345678", EntityType.ID_DOCUMENT)).containsExactly("N 12345678");
        assertThat(found("Загранпаспорт: 75 1234567", EntityType.ID_DOCUMENT)).containsExactly("75 1234567");
        assertThat(found("ID number: 045612378", EntityType.ID_DOCUMENT)).containsExactly("045612378");
        assertThat(found("водительское удостоверение серии KZ № 012345", EntityType.ID_DOCUMENT))
                .containsExactly("KZ № 012345");
        assertThat(found("Удостоверение личности 045 612 378", EntityType.ID_DOCUMENT))
                .containsExactly("045 612 378");
        assertThat(found("ИИН 900101300123, уд. 045612378", EntityType.ID_DOCUMENT))
                .containsExactly("045612378");
        assertThat(found("Жеке басын куәландыратын құжат: 045678123", EntityType.ID_DOCUMENT))
                .containsExactly("045678123");
        assertThat(found("свид-во о рождении № 1234567", EntityType.ID_DOCUMENT))
                .containsExactly("1234567");
        assertThat(found("паспорт: серия 4510 номер 123456", EntityType.ID_DOCUMENT))
                .containsExactly("4510 номер 123456");
    }

    @Test
    void detect_numberBeforeTheDocumentsName_found() {
        assertThat(found("Предъявлен 031245678 (удостоверение личности), выдан МВД РК.", EntityType.ID_DOCUMENT))
                .containsExactly("031245678");
        assertThat(found("№ 031245678 — удостоверение личности заявителя", EntityType.ID_DOCUMENT))
                .containsExactly("031245678");
        assertThat(found("N07654321 – паспорт гражданина РК", EntityType.ID_DOCUMENT))
                .containsExactly("N07654321");
        // a comma parts an order number from the next clause
        assertThat(found("Заказ 031245678, паспорт готов к выдаче", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_keysWithUnderscoresAndDocumentNoColumns_found() {
        assertThat(found(
                        "{\"жеке_куәлік\": \"031245678\", \"туу_туралы_куәлік\": \"I-ЖА 7654321\"}",
                        EntityType.ID_DOCUMENT))
                .containsExactly("031245678", "I-ЖА 7654321");
        assertThat(found(
                        "| ФИО | Document No. |\n|---|---|\n| Ким Олег | PE00612345 |\n| Ли Анна | AZE00765432 |",
                        EntityType.ID_DOCUMENT))
                .containsExactly("PE00612345", "AZE00765432");
    }

    @Test
    void detect_yearsOfBirthAndKazakhBornVerb_found() {
        assertThat(found("Туған жылы: 1992", EntityType.DATE_OF_BIRTH)).containsExactly("1992");
        assertThat(found("год рождения 1975, образование высшее", EntityType.DATE_OF_BIRTH))
                .containsExactly("1975");
        assertThat(found("1990 жылы 12 мамырда Алматы қаласында дүниеге келген.", EntityType.DATE_OF_BIRTH))
                .containsExactly("1990 жылы 12 мамырда");
        assertThat(found("Задержанный, рождённый 12.12.1960, ранее не судим.", EntityType.DATE_OF_BIRTH))
                .containsExactly("12.12.1960");
        assertThat(found("Год основания 1975, год реконструкции 2001.", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_foreignPassportsAndTableColumns_found() {
        assertThat(found("guest passport KG1204477, arrival 02.06", EntityType.ID_DOCUMENT))
                .containsExactly("KG1204477");
        assertThat(found("загранпаспорт N17730218 действителен", EntityType.ID_DOCUMENT))
                .containsExactly("N17730218");
        assertThat(found(
                        "name;passport;country\nLi Na;EB7710342;CHN\nOlim Karimov;FA4419021;UZB",
                        EntityType.ID_DOCUMENT))
                .containsExactly("EB7710342", "FA4419021");
    }

    @Test
    void detect_longDateBeforeGodaRozhdeniya_wholeDate() {
        assertThat(found("Я, Омарова Жанар, 14 сентября 1975 года рождения, ИИН", EntityType.DATE_OF_BIRTH))
                .containsExactly("14 сентября 1975");
        assertThat(found("Сидоров П., 1975 года рождения", EntityType.DATE_OF_BIRTH))
                .containsExactly("1975");
    }

    @Test
    void detect_kazakhProseBirthDates_found() {
        assertThat(found("Ол 1992 жылғы 7 қарашада Тараз қаласында туған.", EntityType.DATE_OF_BIRTH))
                .containsExactly("1992 жылғы 7 қарашада");
        assertThat(found("қызым 2015 жылы 30 сәуірде туылған", EntityType.DATE_OF_BIRTH))
                .containsExactly("2015 жылы 30 сәуірде");
        assertThat(found("Инженер 1981 жылдың 2 қаңтарында туған, ЖСН бар", EntityType.DATE_OF_BIRTH))
                .containsExactly("1981 жылдың 2 қаңтарында");
    }

    @Test
    void detect_birthDateKeysAndColumns_foundButNotFoundingDates() {
        assertThat(found("{\"birth_date\": \"1979-11-02\", \"created\": \"2024-01-09\"}", EntityType.DATE_OF_BIRTH))
                .containsExactly("1979-11-02");
        assertThat(found("{\"дата_рождения\": \"02.11.1979\"}", EntityType.DATE_OF_BIRTH))
                .containsExactly("02.11.1979");
        assertThat(found("{\"туған_күні\": \"1979-11-02\"}", EntityType.DATE_OF_BIRTH))
                .containsExactly("1979-11-02");
        assertThat(found("id;dob;city\n7;1964-08-30;Taraz\n8;1971-01-15;Oral", EntityType.DATE_OF_BIRTH))
                .containsExactly("1964-08-30", "1971-01-15");
        assertThat(found("| ФИО | Туған күні |\n|---|---|\n| Сапарова Г. | 12.12.1990 |", EntityType.DATE_OF_BIRTH))
                .containsExactly("12.12.1990");
        assertThat(found("{\"company\": \"TOO Arna\", \"founded\": \"2001-05-17\"}", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_camelCaseBirthKeysAndIsoDateTimes_found() {
        assertThat(found(
                        "{\"dateOfBirth\": \"12.03.1985\", \"dateOfIssue\": \"2015-03-12\"}", EntityType.DATE_OF_BIRTH))
                .containsExactly("12.03.1985");
        assertThat(found(
                        "<ДатаРождения>1985-03-12</ДатаРождения><ДатаВыдачи>2015-03-12</ДатаВыдачи>",
                        EntityType.DATE_OF_BIRTH))
                .containsExactly("1985-03-12");
        assertThat(found("{\"birth_dt\": \"1985-03-12\"}", EntityType.DATE_OF_BIRTH))
                .containsExactly("1985-03-12");
        assertThat(found("{\"BirthDate\": \"1985-03-12T00:00:00\"}", EntityType.DATE_OF_BIRTH))
                .containsExactly("1985-03-12");
        // a date and time that is not a birth, or a date glued to other letters: nothing
        assertThat(found("{\"updatedAt\": \"2024-03-12T08:30:00Z\"}", EntityType.DATE_OF_BIRTH))
                .isEmpty();
        assertThat(found("{\"dob\": \"1985-03-12Tuesday\"}", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_secondDateAfterABirthCue_notABirthDate() {
        assertThat(found("дата рождения 04.04.1970, госпитализирован 03.03.2024", EntityType.DATE_OF_BIRTH))
                .containsExactly("04.04.1970");
        assertThat(found("основано 01.02.2003; учредитель Сейтов Н., 17.09.1975 г.р.", EntityType.DATE_OF_BIRTH))
                .containsExactly("17.09.1975");
    }

    @Test
    void detect_sectionAndVersionNumbers_notIpAddresses() {
        for (String text : List.of(
                "Согласно пункту 4.2.7.1 регламента заявка отклонена.",
                "Қағидалардың 5.3.1.2-тармағына сәйкес.",
                "Update the firmware 3.0.12.4 tonight.",
                "version 11.4.0.2 is required",
                "see 2.4.1.3 and 2.4.1.4 in the plan",
                "Классификатор 02.1.101.000 применяется.",
                "Шаблон приказа (ред. 11.5.28.1) утверждён.",
                "в редакции 4.12.3.1 от 2024 года")) {
            assertThat(found(text, EntityType.IP_ADDRESS)).as(text).isEmpty();
        }
        assertThat(found("access from 10.20.30.40 was blocked", EntityType.IP_ADDRESS))
                .containsExactly("10.20.30.40");
        assertThat(found("DNS: 1.1.1.1, шлюз 192.168.10.1", EntityType.IP_ADDRESS))
                .containsExactly("1.1.1.1", "192.168.10.1");
    }

    @Test
    void detect_dottedQuadWithAPortAfterAReleaseWord_ipAddress() {
        assertThat(found("pgpass of the build agent:\n10.40.2.11:5432:db:user:x", EntityType.IP_ADDRESS))
                .containsExactly("10.40.2.11");
        assertThat(found("обновили сборку, сервер 10.6.3.1:8080 отвечает", EntityType.IP_ADDRESS))
                .containsExactly("10.6.3.1");
        assertThat(found("обновили контроллеры до 10.6.3.1", EntityType.IP_ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_caseCadastralAndAmounts_notPhones() {
        for (String text : List.of(
                "Кадастровый номер участка 05-118-204-771.",
                "Дело № 05-1123981 назначено к рассмотрению.",
                "Номер заявки: 7702-1180-33, статус новый.",
                "Номер исполнительного производства 04-0118-22-0331, постановление от 12.03.2026.",
                "Вход в zoom конференцию: id 441 882 7731, код 5521.",
                "Смета составит 7 702 118 045 тенге.")) {
            assertThat(found(text, EntityType.PHONE)).as(text).isEmpty();
        }
        assertThat(found("Заявка от клиента, тел. +7 702 118 04 55", EntityType.PHONE))
                .containsExactly("+7 702 118 04 55");
    }

    @Test
    void detect_russianPlates_found() {
        assertThat(found("автомобиль с номерами К482МР 154", EntityType.VEHICLE_PLATE))
                .containsExactly("К482МР 154");
        assertThat(found("дата;номер\n01.06.2024;Т519ОХ 07", EntityType.VEHICLE_PLATE))
                .containsExactly("Т519ОХ 07");
    }

    @Test
    void detect_birthDateAfterTheBirthplaceInKazakh_found() {
        assertThat(found(
                        "Жеке ісі: туған жері — Қарағанды облысы, 1990 жылғы 17 қыркүйек. Жеке куәлігі: 042871193.",
                        EntityType.DATE_OF_BIRTH))
                .containsExactly("1990 жылғы 17 қыркүйек");
        assertThat(found("туған жері Қарағанды, 2010 жылы көшіп келген", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_birthDateAfterANameInARecordOrList_found() {
        assertThat(found("Пациент Нуржанов Ерлан Серикович, 03.07.1979, доставлен СМП.", EntityType.DATE_OF_BIRTH))
                .containsExactly("03.07.1979");
        assertThat(found(
                        "Список:\n— Кравцова Полина, 11.01.2014, св-во …\n— Мурат Ерасыл, 27.05.2015",
                        EntityType.DATE_OF_BIRTH))
                .containsExactly("11.01.2014", "27.05.2015");
        assertThat(found("Личное дело: Ахмедова Лейла Рашидовна, 19 ақпан 1990, паспорт РФ", EntityType.DATE_OF_BIRTH))
                .containsExactly("19 ақпан 1990");
        assertThat(found("Иванов Иван Иванович, 12.03.2024 подал заявление.", EntityType.DATE_OF_BIRTH))
                .isEmpty();
        assertThat(found("Астана, Республика Казахстан, 05.03.2024, совещание.", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_dateThatTheIinBesideItEncodes_birthDate() {
        assertThat(found("Выписка: Сагатова Жанар, 21.12.1975, ЖСН 751221431442.", EntityType.DATE_OF_BIRTH))
                .containsExactly("21.12.1975");
        assertThat(found("ИИН 880315400125, 15.03.1988 — клиент банка.", EntityType.DATE_OF_BIRTH))
                .containsExactly("15.03.1988");
        assertThat(found("Сагатова Жанар, 21.12.2025, ЖСН 751221431442: заявление принято.", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_childsNameAfterKinWordAndComma_birthDate() {
        assertThat(found("Запишите на приём дочку, Ли Софию, 03.09.2019.", EntityType.DATE_OF_BIRTH))
                .containsExactly("03.09.2019");
        assertThat(found(
                        "Егу төлқұжаты: бала Сейтқали Нұрислам, 2021 жылғы 4 наурыз, анасы келді.",
                        EntityType.DATE_OF_BIRTH))
                .containsExactly("2021 жылғы 4 наурыз");
        assertThat(found("Запишите сына, Ким Артёма, 12.05.2026 на 10:00.", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_yearAloneAsABirthKeysValueOrInBracketsAfterAChild_birthYear() {
        assertThat(found("[{\"name\": \"Эмре\", \"dob\": \"2012\"}]", EntityType.DATE_OF_BIRTH))
                .containsExactly("2012");
        assertThat(found("{\"birth_date\": \"1979\", \"founded\": \"1999\"}", EntityType.DATE_OF_BIRTH))
                .containsExactly("1979");
        assertThat(found("Состав семьи: жена Айгерим, дети Нурсултан (2013), Амина (2018).", EntityType.DATE_OF_BIRTH))
                .containsExactly("2013", "2018");
        assertThat(found("Сын принёс Справку (2020) в школу.", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_birthdayWithoutYearAfterItsWord_birthDate() {
        assertThat(found("ертең сіңлімнің туған күні 14 мамыр ғой, сыйлық алайық", EntityType.DATE_OF_BIRTH))
                .containsExactly("14 мамыр");
        assertThat(found("у Лёши день рождения 3 октября, не забудь", EntityType.DATE_OF_BIRTH))
                .containsExactly("3 октября");
        assertThat(found("День рождения компании 5 мая отмечаем в офисе.", EntityType.DATE_OF_BIRTH))
                .isEmpty();
        assertThat(found("Туған күні тойланатын мейрамхана 12 мамыр жабық.", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_englishOrdinalDatesWithoutCommaOrWithTwoDigitYear_birthDate() {
        assertThat(found("my DOB is the 4th of march 93 btw", EntityType.DATE_OF_BIRTH))
                .containsExactly("4th of march 93");
        assertThat(found("born August 9th 1979 in Karaganda", EntityType.DATE_OF_BIRTH))
                .containsExactly("August 9th 1979");
        assertThat(found("born october 2nd 01, same as my cousin", EntityType.DATE_OF_BIRTH))
                .containsExactly("october 2nd 01");
        assertThat(found("DOB: 4 March 93", EntityType.DATE_OF_BIRTH))
                .containsExactly("4 March"); // no ordinal: day and month
        assertThat(found("Meeting on October 2nd 01:30 moved.", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_kazakhBornVerbsOfTheFirstAndThirdPerson_birthDate() {
        assertThat(found("Менің атым Нұрдәулет, 2009 жылы тудым.", EntityType.DATE_OF_BIRTH))
                .containsExactly("2009 жылы");
        assertThat(found("Жиенім Аяла былтыр 17 қарашада туды.", EntityType.DATE_OF_BIRTH))
                .containsExactly("17 қарашада");
        assertThat(found("Бұл шешім 2019 жылы көп қиындық тудырды.", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_bracketedDateAfterAChildsName_birthDateButNotAfterADocument() {
        assertThat(found("Состав семьи: дети: Камила, Тимур, Алина (2019-06-30).", EntityType.DATE_OF_BIRTH))
                .containsExactly("2019-06-30");
        assertThat(found("Прибыл с супругой и сыном Давидом (04.11.2015).", EntityType.DATE_OF_BIRTH))
                .containsExactly("04.11.2015");
        assertThat(found("Подписан Договор (12.03.2020) с поставщиком.", EntityType.DATE_OF_BIRTH))
                .isEmpty();
        assertThat(found("Сын принёс Справку (12.03.2020) в школу.", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_dateAfterAPatientOrChildsNameOrNephewOrYearWord_birthDate() {
        assertThat(found("Пациент Daniyar Omarov, 3 июня 1971 г., полис ОСМС.", EntityType.DATE_OF_BIRTH))
                .containsExactly("3 июня 1971");
        assertThat(found("в семье ребёнок Aziz, 2017-09-14, посещает сад.", EntityType.DATE_OF_BIRTH))
                .containsExactly("2017-09-14");
        assertThat(found("Апасы жиені Әлихан (2016 жылғы 9 мамыр, куәлік) үшін келді.", EntityType.DATE_OF_BIRTH))
                .containsExactly("2016 жылғы 9 мамыр");
        assertThat(found("Науқас Сейітов Бекзат, 1961 жылы туған, емделуде.", EntityType.DATE_OF_BIRTH))
                .containsExactly("1961 жылы");
        assertThat(found("Пациент Омаров, 12.03.2024 обратился повторно.", EntityType.DATE_OF_BIRTH))
                .isEmpty();
        assertThat(found("{\"фио\": \"Котова Нина\", \"дата_рожд\": \"1979-04-02\"}", EntityType.DATE_OF_BIRTH))
                .containsExactly("1979-04-02");
    }

    @Test
    void detect_dateInBracketsAfterAnAge_birthDate() {
        assertThat(found("Пациентка Искакова, 54 года (02.03.1972), доставлена СМП.", EntityType.DATE_OF_BIRTH))
                .containsExactly("02.03.1972");
        assertThat(found("Жүкті әйел, 27 жаста (1999 жылғы 18 мамыр), ауылда тұрады.", EntityType.DATE_OF_BIRTH))
                .containsExactly("1999 жылғы 18 мамыр");
        assertThat(found("Договор на 3 года (до 01.01.2027), стаж 12 лет (с 01.09.2012).", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_russianMonthCutShortAfterABirthCue_birthDate() {
        assertThat(found("Кадровый учёт: Шайхутдинова Зарема, DOB 19 янв 1993, ИИН", EntityType.DATE_OF_BIRTH))
                .containsExactly("19 янв 1993");
        assertThat(found("Дата рождения: 3 дек. 1987, место рождения Кокшетау", EntityType.DATE_OF_BIRTH))
                .containsExactly("3 дек. 1987");
        assertThat(found("Дата рождения: 3 сено 1987", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_moreBirthCuesAndAmericanDates_found() {
        assertThat(found("Her mother lives alone. Born 1941. Widowed.", EntityType.DATE_OF_BIRTH))
                .containsExactly("1941");
        assertThat(found("Байжанова Гүлсім, 1952 ж. туған, зейнеткер", EntityType.DATE_OF_BIRTH))
                .containsExactly("1952");
        assertThat(found("зачислить сына, родившегося 30 января 2021 г., в группу", EntityType.DATE_OF_BIRTH))
                .containsExactly("30 января 2021");
        assertThat(found("Discharge summary (DOB 03/22/1970).", EntityType.DATE_OF_BIRTH))
                .containsExactly("03/22/1970");
        assertThat(found("I, holder of passport K4018372, born 08/15/1988, request", EntityType.DATE_OF_BIRTH))
                .containsExactly("08/15/1988");
        assertThat(found("Invoice dated 08/15/2024, due 09/14/2024.", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_licencesPermitsAndCertificatesInMoreForms_found() {
        assertThat(found("в кошельке: удостоверение 051166290 и права BN 311087.", EntityType.ID_DOCUMENT))
                .containsExactly("051166290", "BN 311087");
        assertThat(found("удостоверение 046019387 и водительское MA 702264.", EntityType.ID_DOCUMENT))
                .containsExactly("046019387", "MA 702264");
        assertThat(found("Turkish passport U 23817465; residence permit number is F 01882735.", EntityType.ID_DOCUMENT))
                .containsExactly("U 23817465", "F 01882735");
        assertThat(found("Старое свидетельство II-АЛ 227104 утеряно; св-во I-КР 0419907.", EntityType.ID_DOCUMENT))
                .containsExactly("II-АЛ 227104", "I-КР 0419907");
        assertThat(found("passport 22AB71046 scanned", EntityType.ID_DOCUMENT)).containsExactly("22AB71046");
        assertThat(found(
                        "Права и обязанности сторон, пункт 4 из 12; свидетельство о регистрации ТС 12345678.",
                        EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_birthDateAfterInsuredOrPassengerName_found() {
        assertThat(found(
                        "Страхователь ТОО «Береке». Застрахованная: Ахметова Сания, 02.11.1987",
                        EntityType.DATE_OF_BIRTH))
                .containsExactly("02.11.1987");
        assertThat(found("Жолаушы: Серікбаев Нұрлан, 1990 жылғы 4 қазан", EntityType.DATE_OF_BIRTH))
                .containsExactly("1990 жылғы 4 қазан");
        assertThat(found("Policyholder: Anna Weber, 21.07.1975", EntityType.DATE_OF_BIRTH))
                .containsExactly("21.07.1975");
        assertThat(found("Заявитель: Иванов Иван, 12.03.2024 подал жалобу", EntityType.DATE_OF_BIRTH))
                .as("a filing date after an applicant's name")
                .isEmpty();
    }

    @Test
    void detect_birthDatesOfFormsAndFamilies_found() {
        assertThat(found("Дата рождения: 21 / 11 / 1990, место рождения: г. Тараз", EntityType.DATE_OF_BIRTH))
                .containsExactly("21 / 11 / 1990");
        assertThat(found("Поставка 12 / 05 / 2024 на склад № 3", EntityType.DATE_OF_BIRTH))
                .isEmpty();
        assertThat(found("3. Дата рождения: «03» марта 1975 г.", EntityType.DATE_OF_BIRTH))
                .singleElement()
                .asString()
                .endsWith("марта 1975");
        assertThat(found(
                        "Глава семьи — Нуржанов Бауыржан (1974), супруга Гульмира (1978), не работает.",
                        EntityType.DATE_OF_BIRTH))
                .containsExactly("1974", "1978");
        assertThat(found("Члены семьи: Данияр (husband, 1985), Амира (daughter, 2012).", EntityType.DATE_OF_BIRTH))
                .containsExactly("1985", "2012");
        assertThat(found("Победитель конкурса — Смагулов Ерлан (2021), второе место", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_birthLabelWithYearAlone_yearFound() {
        assertThat(found("Date of birth: 1958\nNationality: Kazakhstan", EntityType.DATE_OF_BIRTH))
                .containsExactly("1958");
        assertThat(found("Дата рождения: 1985, место рождения неизвестно", EntityType.DATE_OF_BIRTH))
                .containsExactly("1985");
        assertThat(found("Date of birth: 1958-1962 cohort study", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_seriesInKazakhLatinTransliteration_found() {
        assertThat(found("Birth certificate: I-ShT No. 0624417, issued in Turkistan", EntityType.ID_DOCUMENT))
                .containsExactly("I-ShT No. 0624417");
        assertThat(found("child's birth certificate II-ZhK 338210", EntityType.ID_DOCUMENT))
                .containsExactly("II-ZhK 338210");
        assertThat(found("Military ID: ShK 6620481, issued 2019", EntityType.ID_DOCUMENT))
                .containsExactly("ShK 6620481");
    }

    @Test
    void detect_shortKeysAndStatusPapers_found() {
        assertThat(found("{\"fio\": \"Нурланова Айым\", \"udl\": \"046612093\"}", EntityType.ID_DOCUMENT))
                .containsExactly("046612093");
        assertThat(found("The applicant's ID document 042281937 is valid until 2031.", EntityType.ID_DOCUMENT))
                .containsExactly("042281937");
        assertThat(found("Her kandas certificate (KC 00418822) expires in May.", EntityType.ID_DOCUMENT))
                .containsExactly("KC 00418822");
        assertThat(found("выдана справка о статусе беженца, номер AR 30071254", EntityType.ID_DOCUMENT))
                .containsExactly("AR 30071254");
    }

    @Test
    void detect_documentNumberInCsvCellBeforeDate_found() {
        assertThat(found("Сейітов Арман,жеке куәлік,031245876,03.04.1988", EntityType.ID_DOCUMENT))
                .containsExactly("031245876");
        assertThat(found("Ким Ольга;ықтиярхат;027764190;14.02.1979", EntityType.ID_DOCUMENT))
                .containsExactly("027764190");
        assertThat(found("удостоверение 045612378,50 тенге пошлины", EntityType.ID_DOCUMENT))
                .as("a decimal part after the number in prose still makes it an amount")
                .isEmpty();
    }

    @Test
    void detect_foreignPassportsAndLicencesOfTheirOwnShapes_found() {
        assertThat(found("Reisepass / passport No. CG4M7T28R, ausgestellt in Köln", EntityType.ID_DOCUMENT))
                .containsExactly("CG4M7T28R");
        assertThat(found("Гость из Германии, паспорт LZ2K9H41T, номер 214", EntityType.ID_DOCUMENT))
                .containsExactly("LZ2K9H41T");
        assertThat(found("Japanese driving licence 402318775190 was found in the taxi", EntityType.ID_DOCUMENT))
                .containsExactly("402318775190");
        assertThat(found("водительские права Бразилии 04419982317 утеряны", EntityType.ID_DOCUMENT))
                .containsExactly("04419982317");
        assertThat(found("driver's license no. K2207-55130-48821 (Illinois)", EntityType.ID_DOCUMENT))
                .containsExactly("K2207-55130-48821");
        assertThat(found("UK driving licence number MORGA753116SM9IJ, expires 2031", EntityType.ID_DOCUMENT))
                .containsExactly("MORGA753116SM9IJ");
        assertThat(found("passport office ABCDEFGHI opened", EntityType.ID_DOCUMENT))
                .isEmpty();
        assertThat(found("права и обязанности сторон, тел. 87011234567", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_refugeeTemporaryAndResidenceDocuments_found() {
        assertThat(found("удостоверение беженца АБ 00218834 выдано 12.05.2025", EntityType.ID_DOCUMENT))
                .containsExactly("АБ 00218834");
        assertThat(found(
                        "временное удостоверение личности ВУЛ 118204 действительно до 01.02.2027",
                        EntityType.ID_DOCUMENT))
                .containsExactly("ВУЛ 118204");
        assertThat(found("разрешение на временное проживание РВП 0044127 от 03.03.2026", EntityType.ID_DOCUMENT))
                .containsExactly("РВП 0044127");
        assertThat(found("Теңізші кітапшасы AK 0417725 берілді", EntityType.ID_DOCUMENT))
                .containsExactly("AK 0417725");
        assertThat(found("| Ли Дана | birth cert. | II-ЖТ № 0381146 | 2016-02-11 |", EntityType.ID_DOCUMENT))
                .containsExactly("II-ЖТ № 0381146");
    }

    @Test
    void detect_passportNumbersAskedForInChat_foundButPhonesAfterCountryCodeNot() {
        assertThat(found(
                        "host: please send passport numbers of both travellers\nguest: mine is K2291047, my son's"
                                + " K2291051",
                        EntityType.ID_DOCUMENT))
                .containsExactly("K2291047", "K2291051");
        assertThat(found(
                        "guest_id,doc,doc_no,phone\nG-15,passport UK,552183940,+44 7700 900512",
                        EntityType.ID_DOCUMENT))
                .containsExactly("552183940");
    }

    @Test
    void detect_versionsNamedFurtherBack_notIpAddresses() {
        for (String text : List.of(
                "На прошлой неделе обновили контроллеры до 10.6.3.1, отчёты идут дольше. Откат на 10.3.9.7 не делаем.",
                "Firmware на коммутаторах — 15.2.7.3.",
                "Прошивка маршрутизатора 2.12.0.9 содержит уязвимость.",
                "Apple released iOS 18.2.1 and macOS 15.2.0.1 security patches.",
                "Java 1.8.0.292 and driver 11.2.0.4 are required.")) {
            assertThat(found(text, EntityType.IP_ADDRESS)).as(text).isEmpty();
        }
    }

    @Test
    void detect_seriesAndNumberAsSeparateFieldsOfAForm_oneDocument() {
        assertThat(found("Серия: 46 11 Номер: 208331 Кем выдан: ОВД района Сокол", EntityType.ID_DOCUMENT))
                .containsExactly("46 11 Номер: 208331");
        assertThat(found("Серия паспорта 45 12 Номер 771203 Кем выдан УФМС", EntityType.ID_DOCUMENT))
                .containsExactly("45 12 Номер 771203");
        assertThat(found("<Паспорт серия=\"63 04\" номер=\"117552\" выдан=\"ОУФМС\"/>", EntityType.ID_DOCUMENT))
                .containsExactly("63 04\" номер=\"117552");
        assertThat(found("Серия: 12 34 Номер: 5678 — это номер бланка, не паспорт", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_passportNumbersOfDigitsOnlyAndDocumentsNamedInChat_found() {
        assertThat(found("Slovak passport 38820417 was shown at the border.", EntityType.ID_DOCUMENT))
                .containsExactly("38820417");
        assertThat(found("паспорт гражданина Чехии 55120983, выдан в Праге", EntityType.ID_DOCUMENT))
                .containsExactly("55120983");
        assertThat(found("his ID is 041288734, please check it", EntityType.ID_DOCUMENT))
                .containsExactly("041288734");
        assertThat(found("My Kazakh ID was 038812734, born in Taraz.", EntityType.ID_DOCUMENT))
                .containsExactly("038812734");
        assertThat(found("скинь номер удв 039911287 для пропуска", EntityType.ID_DOCUMENT))
                .containsExactly("039911287");
        assertThat(found("нужен номер удо твой\nда щас\n041177302", EntityType.ID_DOCUMENT))
                .containsExactly("041177302");
        assertThat(found("my military ID, number is BA 8812076 if they ask", EntityType.ID_DOCUMENT))
                .containsExactly("BA 8812076");
        assertThat(found("где мой загранник N19920345, не видели?", EntityType.ID_DOCUMENT))
                .containsExactly("N19920345");
        assertThat(found("Passport office opens at 09:00; queue number 20394411.", EntityType.ID_DOCUMENT))
                .isEmpty();
        assertThat(found("The ID is 20 characters long, order 041288734 shipped.", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_platesWhoseLettersSpellAUnitOrCurrency_foundAfterAPlateWordOrUnderItsHeader() {
        assertThat(found("Госномер 318 KZT 05, цвет белый.", EntityType.VEHICLE_PLATE))
                .containsExactly("318 KZT 05");
        assertThat(found("машина 906 KG 12 стоит у подъезда", EntityType.VEHICLE_PLATE))
                .containsExactly("906 KG 12");
        assertThat(found("| ФИО | Госномер |\n|---|---|\n| Абенов К. | 211 KZT 02 |", EntityType.VEHICLE_PLATE))
                .containsExactly("211 KZT 02");
        assertThat(found("Оплачено 500 KZT 12 раз за месяц.", EntityType.VEHICLE_PLATE))
                .isEmpty();
        assertThat(found("Вес 120 KG 15 коробок.", EntityType.VEHICLE_PLATE)).isEmpty();
    }

    @Test
    void detect_documentNumberDictatedInGroupsOfNumberWords_found() {
        String text = "Оператор: Номер удостоверения?\nКлиент: ноль три восемь, семьсот сорок один, двести девяносто.";
        assertThat(found(text, EntityType.ID_DOCUMENT))
                .containsExactly("ноль три восемь, семьсот сорок один, двести девяносто");
        assertThat(found("Номер удостоверения — сто двадцать пять тысяч тенге?", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_articlesOfRulesAndTheirColumns_notIpAddresses() {
        for (String text : List.of(
                "Нарушение ст. 14.2.3.1 Правил дорожного движения подтверждено.",
                "Суд применил Ст. 11.6.2.4 Кодекса и назначил штраф.",
                "See Art. 17.4.2.3 of the Regulation before filing.",
                "Требования описаны в регламенте 6.2.4.1, отступлений нет.",
                "| Статья | Санкция |\n|---|---|\n| 19.4.1.2 | штраф |",
                "| Тармақ | Мазмұны |\n|---|---|\n| 13.5.2.6 | ескерту |")) {
            assertThat(found(text, EntityType.IP_ADDRESS)).as(text).isEmpty();
        }
        assertThat(found("Сервер статистики 14.2.3.1 недоступен", EntityType.IP_ADDRESS))
                .containsExactly("14.2.3.1");
        assertThat(found("| Хост | Роль |\n|---|---|\n| 19.4.1.2 | бэкап |", EntityType.IP_ADDRESS))
                .containsExactly("19.4.1.2");
    }

    @Test
    void detect_firewallRuleNumber_notIpAddress() {
        assertThat(found(
                        "Firewall rule 10.4.2.1 блоктайды. Правило нөмірі 10.4.2.1 өзгертілді.", EntityType.IP_ADDRESS))
                .isEmpty();
        assertThat(found("Правило для хоста 10.4.2.1 добавлено", EntityType.IP_ADDRESS))
                .containsExactly("10.4.2.1");
    }

    @Test
    void detect_hostNearAVersionWord_stillAnIpAddress() {
        assertThat(found("agent v3.1.0.7 connected from 192.168.214.135", EntityType.IP_ADDRESS))
                .containsExactly("192.168.214.135");
        assertThat(found("После обновления сервер 10.20.30.40 не отвечает на ping.", EntityType.IP_ADDRESS))
                .containsExactly("10.20.30.40");
        assertThat(found("VPN-ге қосыла алмайды. Конфигте:\nremote 178.89.10.201 1194", EntityType.IP_ADDRESS))
                .containsExactly("178.89.10.201");
    }

    @Test
    void detect_wordBeginningWithVBeforeAHost_notAVersionMark() {
        // a lone "v" marks a version; "VPN", "via" only begin with one
        assertThat(found("Жаңа VPN конфиг:\nremote 91.215.77.130 1194", EntityType.IP_ADDRESS))
                .containsExactly("91.215.77.130");
        assertThat(found("connect via 10.0.0.15 and retry", EntityType.IP_ADDRESS))
                .containsExactly("10.0.0.15");
        assertThat(found("firmware v 10.2.0.1 installed", EntityType.IP_ADDRESS))
                .isEmpty();
        assertThat(found("клиент v. 14.1.0.7 вышел", EntityType.IP_ADDRESS)).isEmpty();
    }

    @Test
    void detect_birthDateSaidInWordsAfterACue_found() {
        assertThat(found(
                        "Оператор: Дата рождения?\nКлиент: Второе июля восемьдесят третьего.",
                        EntityType.DATE_OF_BIRTH))
                .containsExactly("Второе июля восемьдесят третьего");
        assertThat(found("Туған күніңіз?\n— Тоқсан екінші жылы, он төртінші наурыз.", EntityType.DATE_OF_BIRTH))
                .containsExactly("Тоқсан екінші жылы, он төртінші наурыз");
        assertThat(found("date of birth?\nThe first of May, nineteen eighty-one.", EntityType.DATE_OF_BIRTH))
                .containsExactly("The first of May, nineteen eighty-one");
        assertThat(found("Дата рождения: уточняется, в пятницу пришлю", EntityType.DATE_OF_BIRTH))
                .isEmpty();
        assertThat(found("День рождения компании отмечаем пятого мая", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_dottedQuadsInTableColumns_headerSaysVersionOrHost() {
        String csv = "device,model,firmware,ip\nsw-01,Cisco 2960,15.2.7.3,10.1.1.2\nsw-02,Cisco 2960,15.2.7.4,10.1.1.3";
        assertThat(found(csv, EntityType.IP_ADDRESS)).containsExactly("10.1.1.2", "10.1.1.3");
        String table = "| Роутер | Прошивка | Адрес |\n|---|---|---|\n| R1 | 12.4.0.15 | 192.168.0.1 |";
        assertThat(found(table, EntityType.IP_ADDRESS)).containsExactly("192.168.0.1");
        assertThat(found("| Мекенжай |\n|---|\n| 3.0.18.3-тармақ |", EntityType.IP_ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_numberMarkedAfterADateOrIinAfterTheCue_found() {
        assertThat(found("удостоверение личности от 12.05.2015 № 041234567", EntityType.ID_DOCUMENT))
                .containsExactly("041234567");
        assertThat(found("удостоверение (ИИН 900515301235) номер 042233115", EntityType.ID_DOCUMENT))
                .containsExactly("042233115");
        assertThat(found("паспорт серии АВ № 1234567, паспорт номер N 1234 5678", EntityType.ID_DOCUMENT))
                .containsExactly("АВ № 1234567", "N 1234 5678");
        assertThat(found("удостоверение выдано 12.05.2015, очередь 041234567", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_birthDateUnderShortKeyOrElementOrClosingASentenceAfterFullName_found() {
        assertThat(found("{\"fio\":\"Omarov Daulet\",\"dr\":\"1991-04-17\"}", EntityType.DATE_OF_BIRTH))
                .containsExactly("1991-04-17");
        assertThat(found("<person><birth>1985-12-02</birth></person>", EntityType.DATE_OF_BIRTH))
                .containsExactly("1985-12-02");
        assertThat(found("Личная карточка: Сейтова Алия Маратовна, 1994-03-11. Стаж 6 лет.", EntityType.DATE_OF_BIRTH))
                .containsExactly("1994-03-11");
        assertThat(found("Dr. Sato reviewed the 12.03.1980 archive", EntityType.DATE_OF_BIRTH))
                .isEmpty();
        assertThat(found("Сейтова Алия Маратовна, 1994-03-11.5 версия отчёта", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_airlineStyleBirthDate_found() {
        assertThat(found("PAX NURLAN/AIDOS MR; DOB 07SEP93; DOC P N13390217", EntityType.DATE_OF_BIRTH))
                .containsExactly("07SEP93");
        assertThat(found("пассажир Ким Елена, дата рождения 23NOV79, место 12A", EntityType.DATE_OF_BIRTH))
                .containsExactly("23NOV79");
        assertThat(found("flight KC924 departs 05MAR26, gate 4", EntityType.DATE_OF_BIRTH))
                .isEmpty();
        assertThat(found("DOB 31ABC93", EntityType.DATE_OF_BIRTH)).isEmpty();
    }

    @Test
    void detect_birthDatesWithGluedYearLetterEnglishOrdinalsOrYearInGodu_found() {
        assertThat(found("дата рождения 05.03.1985г., место рождения", EntityType.DATE_OF_BIRTH))
                .containsExactly("05.03.1985");
        assertThat(found("родился в 1985 году в Таразе", EntityType.DATE_OF_BIRTH))
                .containsExactly("1985");
        assertThat(found("DOB 15-May-1990; date of birth: 3rd of May 1991", EntityType.DATE_OF_BIRTH))
                .containsExactly("15-May-1990", "3rd of May 1991");
        assertThat(found("birthday: May 5th, 1990", EntityType.DATE_OF_BIRTH)).containsExactly("May 5th, 1990");
        assertThat(found("основана в 1985 году, приказ от 05.03.1985г.", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_idLabelAtAFieldStart_documentNotPhone() {
        String text = "Onboarding: Ким Анна, DOB 1990-01-02, ID 041 552 907, IBAN KZ60 5513 3062 8743 8466.";
        assertThat(found(text, EntityType.ID_DOCUMENT)).containsExactly("041 552 907");
        assertThat(found(text, EntityType.PHONE)).isEmpty();
        assertThat(found("ФИО: Ким Анна; ID: 031887245; тел. 8 707 300 12 48", EntityType.ID_DOCUMENT))
                .containsExactly("031887245");
        assertThat(found("Transaction ID 123456789 прошла, Request ID: 041 552 907", EntityType.ID_DOCUMENT))
                .isEmpty();
        assertThat(found("Клиент, ID 8 701 234 56 78", EntityType.ID_DOCUMENT)).isEmpty();
    }

    @Test
    void detect_idLabelAfterItsIssuer_document() {
        assertThat(found("ЖСН 760826405907. Kazakh ID 029914476. Жеке менеджер", EntityType.ID_DOCUMENT))
                .containsExactly("029914476");
        assertThat(found("Applicant's national ID 041552907 was checked.", EntityType.ID_DOCUMENT))
                .containsExactly("041552907");
        assertThat(found("Merchant ID 029914476, Session ID 041552907", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_idLabelAfterDocumentLabel_document() {
        assertThat(found("Document: ID 045612378 (issued by MIA RK)", EntityType.ID_DOCUMENT))
                .containsExactly("045612378");
        assertThat(found("Құжат: ID 045612378, берген ІІМ", EntityType.ID_DOCUMENT))
                .containsExactly("045612378");
        // the colon of another label: not a document
        assertThat(found("Order: ID 045612378 shipped", EntityType.ID_DOCUMENT)).isEmpty();
    }

    @Test
    void detect_numbersListedAfterTheFirst_eachFound() {
        assertThat(found(
                        "балалардың туу туралы куәліктері I-АҚ № 0339812 және I-АҚ № 0447021 іске тіркелді",
                        EntityType.ID_DOCUMENT))
                .containsExactly("I-АҚ № 0339812", "I-АҚ № 0447021");
        assertThat(found("жеке куәлік: ескі нөмірі 029 664 170, жаңасы 054 118 032.", EntityType.ID_DOCUMENT))
                .containsExactly("029 664 170", "054 118 032");
        assertThat(found("удостоверение 041234567 и 8 701 234 56 78 для связи", EntityType.ID_DOCUMENT))
                .containsExactly("041234567");
        assertThat(found("удостоверение 041234567, новый заказ 052148776", EntityType.ID_DOCUMENT))
                .containsExactly("041234567");
    }

    @Test
    void detect_numberAskedForAndAnsweredInTheNextTurn_found() {
        String english = "Agent: Can I have your passport number, please?\n"
                + "Caller: Sure, one two zero, four eight eight, seven three one, so 120 488 731, no letters.";
        assertThat(found(english, EntityType.ID_DOCUMENT))
                .containsExactly("one two zero, four eight eight, seven three one", "120 488 731");
        assertThat(found(english, EntityType.PHONE)).isEmpty();
        assertThat(found(
                        "Оператор: Жеке куәлігіңіздің нөмірін айтыңызшы.\n"
                                + "Абонент: Нөл бес екі, бір төрт сегіз, жеті жеті алты — 052 148 776.",
                        EntityType.ID_DOCUMENT))
                .containsExactly("Нөл бес екі, бір төрт сегіз, жеті жеті алты", "052 148 776");
        assertThat(found(
                        "Оператор: Паспорт при себе? Продиктуйте его, пожалуйста.\n"
                                + "Клиент: да, а заказ у меня — сто двадцать, так: 120 488 731.",
                        EntityType.ID_DOCUMENT))
                .isEmpty();
        assertThat(found(
                        "Agent: Can I have your booking number?\nCaller: Sure, so 120 488 731.",
                        EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_militaryMarriageAndRefugeeDocuments_found() {
        assertThat(found("Военный билет АК 3320174 принёс муж по ошибке", EntityType.ID_DOCUMENT))
                .containsExactly("АК 3320174");
        assertThat(found("неке қию туралы куәліктің (№ 0197734) көшірмесін беруді сұраймын", EntityType.ID_DOCUMENT))
                .containsExactly("0197734");
        assertThat(found("Case note: refugee certificate RC 10448211, issued in May", EntityType.ID_DOCUMENT))
                .containsExactly("RC 10448211");
        assertThat(found("военный билет не нужен, приказ 3320174 от мая", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_lettersBeforeGroupedDictatedOrShortNumbers_found() {
        assertThat(found("паспорт E 8820 4417, просит продлить", EntityType.ID_DOCUMENT))
                .containsExactly("E 8820 4417");
        assertThat(found("nationality: Saudi; passport: K 482 0917; date", EntityType.ID_DOCUMENT))
                .containsExactly("K 482 0917");
        assertThat(found("his Jordanian passport no. N612044 was taken", EntityType.ID_DOCUMENT))
                .containsExactly("N612044");
        assertThat(found("Права у меня с собой были, АА 512993, но их не спросили", EntityType.ID_DOCUMENT))
                .containsExactly("АА 512993");
        assertThat(found("Yusuf Demir U 14207735 паспортымен жұмысқа", EntityType.ID_DOCUMENT))
                .containsExactly("U 14207735");
        assertThat(found("Клиент: паспорт N 0 2 2 8 4 7 1 9, эн потом цифры", EntityType.ID_DOCUMENT))
                .containsExactly("N 0 2 2 8 4 7 1 9");
        assertThat(found("паспорт N612044 в заявке, раздел A 123 45, пункт B 482 09", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_appealNumberOrBracketedIsoDate_notPhone() {
        assertThat(found("Оператор: Номер вашего обращения 2410-557-883, запишите", EntityType.PHONE))
                .isEmpty();
        assertThat(found("Өтініш нөмірі 2410-557-883 тіркелді", EntityType.PHONE))
                .isEmpty();
        assertThat(found("дети: Алина (2019-06-30), Тимур (2017-01-12)", EntityType.PHONE))
                .isEmpty();
        assertThat(found("по обращению звоните (727) 250-12-34", EntityType.PHONE))
                .containsExactly("(727) 250-12-34");
    }

    @Test
    void detect_paragraphOrBumpedClientVersion_notIpAddress() {
        assertThat(found("Regulation No. 148, paragraph 12.3.1.4, sets the time", EntityType.IP_ADDRESS))
                .isEmpty();
        assertThat(found("bumped the client to 11.4.0.2, the fix is in 11.4.1", EntityType.IP_ADDRESS))
                .isEmpty();
        assertThat(found("bumped the client, its host is 10.4.0.2 now", EntityType.IP_ADDRESS))
                .containsExactly("10.4.0.2");
    }

    @Test
    void detect_documentShapedNumberInTalkOfDocuments_found() {
        assertThat(found(
                        "Паспорт уже получила. Мама спрашивала вчера вечером, какой номер вписать в анкету для "
                                + "санатория, я продиктовала N 1177 2045.",
                        EntityType.ID_DOCUMENT))
                .containsExactly("N 1177 2045");
        assertThat(found(
                        "<ВидДокумента>удостоверение личности</ВидДокумента><КемВыдан>МВД РК</КемВыдан>"
                                + "<ОтметкаОператора>проверено вручную</ОтметкаОператора>"
                                + "<НомерДокумента>041 227 903</НомерДокумента><ДатаВыдачи>2021-06-30</ДатаВыдачи>",
                        EntityType.ID_DOCUMENT))
                .containsExactly("041 227 903");
        assertThat(found(
                        "{\"doc_type\": \"passport\", \"authority\": \"МВД РК\", \"doc_no\": \"N11/204/557\", "
                                + "\"issued\": \"2019-02-11\"}",
                        EntityType.ID_DOCUMENT))
                .containsExactly("N11/204/557");
        assertThat(found("кстати N 1530 8842 — это мой паспорт, проверьте", EntityType.ID_DOCUMENT))
                .containsExactly("N 1530 8842");
        assertThat(found(
                        "Загранпаспорт мне выдали новый в мае, сейчас он лежит в посольстве на визе, а во внутреннем всё "
                                + "по-старому: 46 12 508817",
                        EntityType.ID_DOCUMENT))
                .containsExactly("46 12 508817");
        assertThat(found(
                        "Загранпаспорт мне выдали новый в мае, сейчас он лежит в посольстве на визе, а во внутреннем всё "
                                + "по-старому: 46 12 508817",
                        EntityType.PHONE))
                .isEmpty();
        assertThat(found("жеке куәлік O41 227 9O3 (скан осылай оқыды), берілген күні", EntityType.ID_DOCUMENT))
                .containsExactly("O41 227 9O3");
        assertThat(found("удостоверение получено, ООО «Нур» 1O1 компания", EntityType.ID_DOCUMENT))
                .isEmpty();
        assertThat(found("II-ЖТ 0418823 нөмірлі туу туралы куәлігі жоғалды", EntityType.ID_DOCUMENT))
                .containsExactly("II-ЖТ 0418823");
    }

    @Test
    void detect_residencePermitAndForeignPassportWords_cueTheNumber() {
        assertThat(found("у сына ВНЖ 021 448 907, продлили в марте", EntityType.ID_DOCUMENT))
                .containsExactly("021 448 907");
        assertThat(found("Шетел азаматы, ықтиярхаты 033 219 650, тіркеуде тұр", EntityType.ID_DOCUMENT))
                .containsExactly("033 219 650");
        assertThat(found("Öztürk Kemal, pasaport U 31120874, giriş 12.09", EntityType.ID_DOCUMENT))
                .containsExactly("U 31120874");
        assertThat(found("паспорт РФ 45 11 223344, заграничный 71 2204417", EntityType.ID_DOCUMENT))
                .containsExactly("45 11 223344", "71 2204417");
    }

    @Test
    void detect_birthCertificateNamedJustBefore_bareNumberAfterCertificateWordFound() {
        assertThat(found(
                        "Прошу выдать дубликат свидетельства о рождении на мою дочь Айлин, туған күні 30.04.2018, "
                                + "бұрынғы куәлік № 0631190.",
                        EntityType.ID_DOCUMENT))
                .containsExactly("0631190");
        // no birth certificate named before: seven digits after "куәлік №" are not a document's shape
        assertThat(found("Бұрынғы куәлік № 0631190 жарамсыз деп танылды.", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_licenceSeriesMarkedFarFromDocumentWord_found() {
        assertThat(found(
                        "Прошу восстановить водительское удостоверение. Старое — 99 05 613872, выдано в Новосибирске;"
                                + " новое получено в РК, номер ВТ 224871.",
                        EntityType.ID_DOCUMENT))
                .containsExactly("99 05 613872", "ВТ 224871");
        // not marked as a number, or no document word before: not ours
        assertThat(found(
                        "Прошу восстановить водительское удостоверение. Старое сдал в Новосибирске, в колонне была"
                                + " машина с бортом ВТ 224871.",
                        EntityType.ID_DOCUMENT))
                .isEmpty();
        assertThat(found("Груз отправлен, номер ВТ 224871, ждите звонка.", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_kazakhLatinDocumentWord_found() {
        assertThat(found("Jeke kýálik № 045520918. Turǵyn úı kezegine qoıýyńyzdy suraımyn.", EntityType.ID_DOCUMENT))
                .containsExactly("045520918");
        assertThat(found("jeke küälik nömiri: 051 330 228", EntityType.ID_DOCUMENT))
                .containsExactly("051 330 228");
    }

    @Test
    void detect_numberShapedLikeDocumentFoundJustBefore_found() {
        assertThat(found(
                        "quick one for the visa letter: my US passport is A 4417 2093 (issued 2024, valid 10 years),"
                                + " and my wife's is A 4417 2107.",
                        EntityType.ID_DOCUMENT))
                .containsExactly("A 4417 2093", "A 4417 2107");
        assertThat(found("Паспорт РФ 45 10 123456, у супруги 45 11 654321, дети вписаны.", EntityType.ID_DOCUMENT))
                .containsExactly("45 10 123456", "45 11 654321");
        // another shape, a word for another number between, or too few digits: not a twin
        assertThat(found("my US passport is A 4417 2093, and the booking is AB 4417 2107.", EntityType.ID_DOCUMENT))
                .containsExactly("A 4417 2093");
        assertThat(found("Паспорт 045612378 выдан МВД. Номер заказа 045612379 оплачен.", EntityType.ID_DOCUMENT))
                .containsExactly("045612378");
    }

    @Test
    void detect_passportsNTypedInLowerCaseOrCyrillic_found() {
        assertThat(found("жанар: төлқұжатыңның нөмірін жаз\nгүлмира апай: н 12 40 55 81", EntityType.ID_DOCUMENT))
                .containsExactly("н 12 40 55 81");
        assertThat(found("паспорт нөмірі Н14023387 екен", EntityType.ID_DOCUMENT))
                .containsExactly("Н14023387");
    }

    @Test
    void detect_seriesAndNumberRightAfterTheWordDocument_found() {
        assertThat(found("Владелец Абрамян Гарик, документ AA 915306. Ответ на почту.", EntityType.ID_DOCUMENT))
                .containsExactly("AA 915306");
        // a waybill's or an invoice's number after its own word is none
        assertThat(found("Накладная: документ AB 204771, груз принят.", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_seriesAndNumberInGroupsOfOtherLengths_whole() {
        assertThat(found("скинь номер паспорта того узбека\nайдана: FA 2290 418 вот", EntityType.ID_DOCUMENT))
                .containsExactly("FA 2290 418");
        // a group more is another number's: the ID card's nine digits after a country's letters
        assertThat(found("ВИД НА ЖИТЕЛЬСТВО РК 017 226 904.", EntityType.ID_DOCUMENT))
                .containsExactly("017 226 904");
    }

    @Test
    void detect_residencePermitsAbroadInTheirCountrysShape_found() {
        assertThat(found("ARC нөмірі 990715-5208841, на имя Kim Yerlan.", EntityType.ID_DOCUMENT))
                .containsExactly("990715-5208841");
        assertThat(found("My German residence card number is L4R8T1N07. Love, Nazym", EntityType.ID_DOCUMENT))
                .containsExactly("L4R8T1N07");
        assertThat(found("Номер турецкого ВНЖ (ikamet) 99154203876. Звони.", EntityType.ID_DOCUMENT))
                .containsExactly("99154203876");
        // an arcade's or an archive's number is none
        assertThat(found("Arcade machine ARC-2024 serial L4R8T1N07", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_foreignAddressWithItsFlatBeforeThePostcode_whole() {
        assertThat(found("мама: Bahnhofstraße 17, Wohnung 3, 33602 Bielefeld", EntityType.ADDRESS))
                .containsExactly("Bahnhofstraße 17, Wohnung 3, 33602 Bielefeld");
        assertThat(found("Adresse: Wiener Str. 48, App. 12, 01219 Dresden.", EntityType.ADDRESS))
                .containsExactly("Wiener Str. 48, App. 12, 01219 Dresden");
    }

    @Test
    void detect_documentNumberSaidAgainWithoutItsSpaces_both() {
        assertThat(found(
                        "my driving licence number, it's KZ 183 205... sorry, KZ183205 without spaces.",
                        EntityType.ID_DOCUMENT))
                .containsExactly("KZ 183 205", "KZ183205");
        // another number, not the same chars
        assertThat(found("my driving licence number, it's KZ 183 205, the booking KZ183206.", EntityType.ID_DOCUMENT))
                .containsExactly("KZ 183 205");
        // put right after a word of correction: the same kinds of chars, other digits
        assertThat(found(
                        "My driving licence number is AB 204 771 — sorry, AB 240771, I swapped digits.",
                        EntityType.ID_DOCUMENT))
                .containsExactly("AB 204 771", "AB 240771");
    }

    @Test
    void detect_camelCaseDocumentKeysAndElements_found() {
        assertThat(found(
                        "{\"documentNumber\": \"045612378\", \"idCardNumber\": \"051330228\"}", EntityType.ID_DOCUMENT))
                .containsExactly("045612378", "051330228");
        assertThat(found("<НомерДокумента>045612378</НомерДокумента><Код>4510123456</Код>", EntityType.ID_DOCUMENT))
                .containsExactly("045612378");
        assertThat(found("{\"licenseNumber\": \"AB123456\", \"doc_num\": \"045612378\"}", EntityType.ID_DOCUMENT))
                .containsExactly("AB123456", "045612378");
        // not a document's shape under the key: nothing
        assertThat(found("{\"documentNumber\": \"INV-2024-0017\"}", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_documentAsAFieldLabel_itsValueOrColumnFound() {
        // a header cell "Документ" / "Құжат" / "док_номер": the cells below ending in a document's number
        assertThat(found(
                        "| № | ФИО | Документ |\n|---|---|---|\n| 1 | Серикова Айна | уд. 048812330 |\n"
                                + "| 2 | Пак Олег | пасп. FA 0918344 |\n| 3 | Ким Лев | ЖК 047736120 |",
                        EntityType.ID_DOCUMENT))
                .containsExactly("048812330", "FA 0918344", "047736120");
        assertThat(found(
                        "фио;док_номер;телефон\nСедых Анатолий;029441178;87019020341\nЛи Вера;N09823347;87762214009",
                        EntityType.ID_DOCUMENT))
                .containsExactly("029441178", "N09823347");
        // a key or an element named so, its whole value
        assertThat(found("{\"tel\": \"+7 705 118 49 22\", \"document\": \"044192301\"}", EntityType.ID_DOCUMENT))
                .containsExactly("044192301");
        assertThat(found("<fio>Ли Вера</fio>\n<docNumber>050033718</docNumber>", EntityType.ID_DOCUMENT))
                .containsExactly("050033718");
        assertThat(found("Құжат: N09823347, берілген күні 01.04.2020", EntityType.ID_DOCUMENT))
                .containsExactly("N09823347");
    }

    @Test
    void detect_russianSeriesAndNumberWithNoDocumentWord_found() {
        assertThat(found("серия 45 10 номер 123456", EntityType.ID_DOCUMENT)).containsExactly("45 10 номер 123456");
        assertThat(found("Серия: 4510 № 123456, выдан ОУФМС", EntityType.ID_DOCUMENT))
                .containsExactly("4510 № 123456");
        assertThat(found("данные: серии 4510 номер 654321", EntityType.ID_DOCUMENT))
                .containsExactly("4510 номер 654321");
        // a series of another shape, or another word: no
        assertThat(found("Банкнота серии АА 1234567 изъята", EntityType.ID_DOCUMENT))
                .isEmpty();
        assertThat(found("серия 2, сезон 5, эпизод 123456", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_shortenedDocumentWords_numberFound() {
        assertThat(found("удостов. 045612378 от 12.03.2015", EntityType.ID_DOCUMENT))
                .containsExactly("045612378");
        assertThat(found("ЖК №045612378 берілген 2020 ж.", EntityType.ID_DOCUMENT))
                .containsExactly("045612378");
        assertThat(found("ж/к 047736120 ІІМ берген", EntityType.ID_DOCUMENT)).containsExactly("047736120");
        assertThat(found("т/құжат N12345678", EntityType.ID_DOCUMENT)).containsExactly("N12345678");
        // the same letters for a housing estate: no number right after, no document
        assertThat(found("ЖК Хайвил, корпус 2, квартира 045612378", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_documentAsAWord_numberNotTakenForAnIdentityDocument() {
        // "документ" in prose names any paper; a column of contracts is no identity document
        assertThat(found("Документ 045612378 отсканирован и приложен к делу.", EntityType.ID_DOCUMENT))
                .isEmpty();
        assertThat(found(
                        "| № | Документ | Сумма |\n|---|---|---|\n| 1 | Договор 012345678 | 100 000 |",
                        EntityType.ID_DOCUMENT))
                .isEmpty();
        assertThat(found("{\"document\": \"Приказ 045612378 от 01.02.2024\"}", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_numberOfZerosOnly_notDocument() {
        assertThat(found(
                        "| Құжат түрі | Нөмірдің форматы |\n|---|---|\n| Жеке куәлік | 000000000 |\n"
                                + "| Паспорт | N00000000 |",
                        EntityType.ID_DOCUMENT))
                .isEmpty();
        assertThat(found("Паспорт N00000001 выдан МВД РК", EntityType.ID_DOCUMENT))
                .containsExactly("N00000001");
    }

    @Test
    void detect_documentNumberReadOutInDigitWords_found() {
        assertThat(found(
                        "Оператор: назовите номер удостоверения.\nКлиент: ноль-три-один, восемь-восемь-семь, два-четыре-пять",
                        EntityType.ID_DOCUMENT))
                .containsExactly("ноль-три-один, восемь-восемь-семь, два-четыре-пять");
        assertThat(found(
                        "Паспортыңыздың нөмірі?\n— эн, бір екі, үш төрт, бес алты, жеті сегіз", EntityType.ID_DOCUMENT))
                .containsExactly("эн, бір екі, үш төрт, бес алты, жеті сегіз");
        // a phone read out has more digits; a count of things is no document
        assertThat(found(
                        "паспорт забрал, перезвони: восемь семь ноль один, два два три, четыре пять, шесть семь",
                        EntityType.ID_DOCUMENT))
                .isEmpty();
        assertThat(found("В паспорте два штампа и три визы", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_documentKeysOfRegistriesAndApps_cueTheNumber() {
        assertThat(found(
                        "<ДокументУдЛичности><Вид>001</Вид><Номер>044712093</Номер></ДокументУдЛичности>",
                        EntityType.ID_DOCUMENT))
                .containsExactly("044712093");
        assertThat(found("{\"nomer_pasporta\": \"N15220419\", \"imya\": \"Arman\"}", EntityType.ID_DOCUMENT))
                .containsExactly("N15220419");
        assertThat(found("{\"ud_num\":\"039/118/442\",\"pasp_nom\":\"N10/552/307\"}", EntityType.ID_DOCUMENT))
                .containsExactly("039/118/442", "N10/552/307");
        // past a year after the first document word, the word after the number still names it
        assertThat(found(
                        "жеке куәлік 2031 жылға дейін жарамды. айтпақшы N 1188 2047 — бұл төлқұжатым",
                        EntityType.ID_DOCUMENT))
                .containsExactly("N 1188 2047");
    }

    @Test
    void detect_documentShapedNumberOfAnotherThing_notIdDocument() {
        assertThat(found(
                        "Паспорт готов, можно забирать. Серийный номер сканера 041 882 913 указан на наклейке.",
                        EntityType.ID_DOCUMENT))
                .isEmpty();
        assertThat(found(
                        "В техническом паспорте котельной записан инвентарный номер 047-118-205.",
                        EntityType.ID_DOCUMENT))
                .isEmpty();
        assertThat(found("Ваш заказ 012 334 556 отправлен курьером", EntityType.ID_DOCUMENT))
                .isEmpty();
        assertThat(found(
                        "Паспорт продлили до 2030 года. Заказ на доставку 018 220 331 оформлен вчера.",
                        EntityType.ID_DOCUMENT))
                .isEmpty();
        assertThat(found("Паспорт в порядке. Сумма к оплате 012 334 556,50 тенге", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_dottedNumberOfFiveOrMoreParts_notIpAddress() {
        assertThat(found("OID 1.3.6.1.4.1.2011 в MIB не найден", EntityType.IP_ADDRESS))
                .isEmpty();
        assertThat(found("валидатор пропускает строку 1.20.3.14.5 как адрес", EntityType.IP_ADDRESS))
                .isEmpty();
        // a host's quad with one part more is still read as the host (Presidio's cases expect it)
        assertThat(found("ping 192.168.1.1.1 отвечает", EntityType.IP_ADDRESS)).containsExactly("192.168.1.1");
        assertThat(found("шлюз 10.20.30.40. Маска /24", EntityType.IP_ADDRESS)).containsExactly("10.20.30.40");
    }

    @Test
    void detect_secondReleaseOfOneVersionInASentence_notIpAddress() {
        assertThat(found(
                        "После прошивки 7.1.4.2 коммутатор всё равно показывает в меню 7.1.3.9 и просит перезагрузку",
                        EntityType.IP_ADDRESS))
                .isEmpty();
        assertThat(found(
                        "We rolled the agent back from version 14.2.0.8 because the old node still ran 14.1.9.3 here",
                        EntityType.IP_ADDRESS))
                .isEmpty();
        // another first number, another sentence, or a host word: an address
        assertThat(found(
                        "Обновили прошивку до 7.1.4.2, а мониторинг в соседнем здании опять не видит 10.1.3.9",
                        EntityType.IP_ADDRESS))
                .containsExactly("10.1.3.9");
        assertThat(found(
                        "Прошивку обновили до 12.0.7.3. Вечером коллеги из филиала снова не могли достучаться до 12.0.6.9",
                        EntityType.IP_ADDRESS))
                .containsExactly("12.0.6.9");
        assertThat(found("after firmware 12.1.4.2 the server 12.1.3.9 went down", EntityType.IP_ADDRESS))
                .containsExactly("12.1.3.9");
        assertThat(found("мастерге кірді, релиз 14.0.3.5 шықты", EntityType.IP_ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_subnetMaskOrListenAddress_notIpAddress() {
        assertThat(found("Сетевой шлюз: маска 255.255.255.0, шлюз по умолчанию 192.168.10.1", EntityType.IP_ADDRESS))
                .containsExactly("192.168.10.1");
        assertThat(found("netmask 255.255.248.0 on eth0; subnet mask: 255.0.0.0", EntityType.IP_ADDRESS))
                .isEmpty();
        assertThat(found("server:\n  listen: 0.0.0.0:8080\n  upstream: 10.2.3.4:9000", EntityType.IP_ADDRESS))
                .containsExactly("10.2.3.4");
        assertThat(found("gunicorn --bind 0.0.0.0 app:wsgi", EntityType.IP_ADDRESS))
                .isEmpty();
        // no mask word, or not a mask's shape; the any-address alone or as a route: addresses, as Presidio's cases say
        assertThat(found("Broadcast 255.255.255.255", EntityType.IP_ADDRESS)).containsExactly("255.255.255.255");
        assertThat(found("маска не та, клиент с адреса 255.255.0.255 снова пишет", EntityType.IP_ADDRESS))
                .containsExactly("255.255.0.255");
        assertThat(found("Default 0.0.0.0", EntityType.IP_ADDRESS)).containsExactly("0.0.0.0");
        assertThat(found("route 0.0.0.0/0 via the gateway", EntityType.IP_ADDRESS))
                .containsExactly("0.0.0.0/0");
    }

    @Test
    void detect_russianPlateSpacedOut_found() {
        assertThat(found("Потом они уехали на машине А 458 ОР 123».", EntityType.VEHICLE_PLATE))
                .containsExactly("А 458 ОР 123");
        assertThat(found("Подозреваемый передвигается на В 731 КМ 174.", EntityType.VEHICLE_PLATE))
                .containsExactly("В 731 КМ 174");
        assertThat(found("В 100 КМ отсюда, пункт А 458 ОР.", EntityType.VEHICLE_PLATE))
                .isEmpty();
    }

    @Test
    void detect_documentSpelledDigitByDigitWithPauses_foundWithItsCompactRepeat() {
        String call = "Agent: Passport number?\nCaller: It's Norwegian, 3 0 5 5 1 8 2 4… sorry, 30551824.";
        assertThat(found(call, EntityType.ID_DOCUMENT)).containsExactly("3 0 5 5 1 8 2 4", "30551824");
        assertThat(found(
                        "Оператор: номер водительских прав?\nВодитель: КВ 4 4 0 9 1 7.\nОператор: КВ 440917, так?",
                        EntityType.ID_DOCUMENT))
                .containsExactly("КВ 4 4 0 9 1 7", "КВ 440917");
        assertThat(found("— Номер удостоверения какой?\n— 0 5 1 … 3 3 7 … 2 0 6, выдано МВД.", EntityType.ID_DOCUMENT))
                .containsExactly("0 5 1 … 3 3 7 … 2 0 6");
        assertThat(found("скан: Паспорт No N 2 0 4 7 7 1 3 5 Тегі", EntityType.ID_DOCUMENT))
                .containsExactly("N 2 0 4 7 7 1 3 5");
        // lone digits that are points of a list, or a number that goes on in groups, are no document
        assertThat(found("паспорт: пункты 1, 2, 3, 4, 5 и 6 заполнены", EntityType.ID_DOCUMENT))
                .isEmpty();
        assertThat(found("номер паспорта 1 2 3 4 5 6 78 подойдет?", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_documentKeysOfFormsAndExports_valueFound() {
        assertThat(found("[Клиент]\nНомерУЛ=047118305\nДатаВыдачиУЛ=02.03.2020", EntityType.ID_DOCUMENT))
                .containsExactly("047118305");
        assertThat(found("| Номер УЛ | 041 772 630 |\n| Кем выдан | МВД РК |", EntityType.ID_DOCUMENT))
                .containsExactly("041 772 630");
        assertThat(found("<Лицо>\n  <ВоенныйБилет>ВК 5512094</ВоенныйБилет>\n</Лицо>", EntityType.ID_DOCUMENT))
                .containsExactly("ВК 5512094");
        assertThat(found("<ЖүргізушіКуәлігі>AE 330917</ЖүргізушіКуәлігі>", EntityType.ID_DOCUMENT))
                .containsExactly("AE 330917");
        assertThat(found("Мореходная книжка: МК 027741\nПорт: Актау", EntityType.ID_DOCUMENT))
                .containsExactly("МК 027741");
        assertThat(found(
                        "{\"паспорт\": {\"серия\": \"4607\", \"номер\": \"318822\", \"кем_выдан\": \"УФМС\"}}",
                        EntityType.ID_DOCUMENT))
                .containsExactly("4607", "318822");
        assertThat(found("Оператор: номер водительских прав?\nВодитель: 99 07 412583", EntityType.ID_DOCUMENT))
                .containsExactly("99 07 412583");
    }

    @Test
    void detect_scannedNumberWithLettersForDigits_foundAsWritten() {
        assertThat(found("Скан (OCR): удостоверение личности № O4l7З2908 выдано МВД РК", EntityType.ID_DOCUMENT))
                .containsExactly("O4l7З2908");
        assertThat(found("Паспорт No NO7l4З551 Тегі", EntityType.ID_DOCUMENT)).containsExactly("NO7l4З551");
        assertThat(found("Driving licence (scan): AB O5l338", EntityType.ID_DOCUMENT))
                .containsExactly("AB O5l338");
        // a blank's letters, a word after the number word, an abbreviation: no digits read into them
        assertThat(found("Паспорт бланкі № ООООО1 берілді", EntityType.ID_DOCUMENT))
                .isEmpty();
        assertThat(found("паспорт ООО «Интер» получен", EntityType.ID_DOCUMENT)).isEmpty();
        assertThat(found("удостоверение III степени", EntityType.ID_DOCUMENT)).isEmpty();
    }

    @Test
    void detect_scannedBirthDateWithLettersForDigits_foundAsWritten() {
        assertThat(found("Скан: Дата рождения l2.O8.l976 Место рождения г. Тараз", EntityType.DATE_OF_BIRTH))
                .containsExactly("l2.O8.l976");
        assertThat(found("OCR: Date of birth/Туған күні O3 JUN 1991 Sex F", EntityType.DATE_OF_BIRTH))
                .containsExactly("O3 JUN 1991");
        assertThat(found("Туған күні: 2l.O1.2OO5", EntityType.DATE_OF_BIRTH)).containsExactly("2l.O1.2OO5");
        // a word after the cue keeps its letters
        assertThat(found("Дата рождения: Ооо, не помню", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_kazakhYearOfBirthWithAPossessive_year() {
        assertThat(found("Деректерді тексеріңіз: туған жылыңыз 1987, жеке куәлік бар ма?", EntityType.DATE_OF_BIRTH))
                .containsExactly("1987");
        assertThat(found("сенің туған жылың 2003 ғой, иә?", EntityType.DATE_OF_BIRTH))
                .containsExactly("2003");
        assertThat(found("менің туған жылым 1979", EntityType.DATE_OF_BIRTH)).containsExactly("1979");
    }

    @Test
    void detect_dateInBracketsAfterAFullName_birthDate() {
        assertThat(found("Свидетель Кравцов Олег Петрович (03.07.1979), паспорт РФ", EntityType.DATE_OF_BIRTH))
                .containsExactly("03.07.1979");
        assertThat(found("Қаулы: Әбенов Серік Жанұлы (1988 жылғы 2 ақпан) куәгер ретінде", EntityType.DATE_OF_BIRTH))
                .containsExactly("1988 жылғы 2 ақпан");
        assertThat(found("reported by Lucas Moreau (05.09.1990), passport", EntityType.DATE_OF_BIRTH))
                .containsExactly("05.09.1990");
        // an order's or a law's date in brackets after capitalised words is no birth
        assertThat(found(
                        "согласно Закону Республики Казахстан (21.05.2013) о персональных данных",
                        EntityType.DATE_OF_BIRTH))
                .isEmpty();
        assertThat(found("signed by the Ministry of Justice (12.03.2019)", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_idShownOrPresented_idCardNumber() {
        assertThat(found("на посту она предъявила ID 047715206 и уехала", EntityType.ID_DOCUMENT))
                .containsExactly("047715206");
        assertThat(found("the driver presented ID 039904471 at the checkpoint", EntityType.ID_DOCUMENT))
                .containsExactly("039904471");
        assertThat(found("the server showed Transaction ID 123456789 in the log", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_kazakhDocumentWordsTypedOnARussianKeyboardAndJsonBirthKey_found() {
        assertThat(found("жеке куалыгымнын номери 041177205 сол гой", EntityType.ID_DOCUMENT))
                .containsExactly("041177205");
        assertThat(found("кызымнын туу куалыгы II-АҚ 0552813 жогалды", EntityType.ID_DOCUMENT))
                .containsExactly("II-АҚ 0552813");
        assertThat(found("{\"child\": {\"birth_cert\": \"I-ЖМ 0710235\"}}", EntityType.ID_DOCUMENT))
                .containsExactly("I-ЖМ 0710235");
        assertThat(found("он забыл свой паспрт, номер 039917420", EntityType.ID_DOCUMENT))
                .containsExactly("039917420");
    }

    @Test
    void detect_kazakhBirthCuesTypedOnARussianKeyboard_found() {
        assertThat(found("балам туралы: туган куни 14.02.2015, мектеп 25", EntityType.DATE_OF_BIRTH))
                .containsExactly("14.02.2015");
        assertThat(found("туган жылы 1983, мамандыгы инженер", EntityType.DATE_OF_BIRTH))
                .containsExactly("1983");
        assertThat(found("1979 жылы туган, зейнеткер", EntityType.DATE_OF_BIRTH))
                .containsExactly("1979 жылы");
    }

    @Test
    void detect_cardDictatedInFourGroupsAfterAWordForACard_card() {
        assertThat(found("Оператор: Продиктуйте номер карты.\nКлиент: 5169 4978, 0371, 2284", EntityType.PAYMENT_CARD))
                .isEmpty(); // groups of other sizes: no dictated card
        assertThat(found("Please read me the card number. — 4539, 1488, 0343, 6467.", EntityType.PAYMENT_CARD))
                .containsExactly("4539, 1488, 0343, 6467");
        assertThat(found("Карта нөмірін айтыңыз.\nКлиент: 5280, 4132, 8830, 1141", EntityType.PAYMENT_CARD))
                .containsExactly("5280, 4132, 8830, 1141");
    }

    @Test
    void detect_fourNumbersInAListWithoutAWordForACard_noCard() {
        // Luhn-valid as one number, but a list of counts with no card asked for
        assertThat(found("Поступило обращений по кварталам: 4539, 1488, 0343, 6467.", EntityType.PAYMENT_CARD))
                .isEmpty();
    }

    @Test
    void detect_fivePartDottedNumberOfSmallParts_noAddress() {
        assertThat(found("Сборка 12.4.1.9.3 прошла тесты.", EntityType.IP_ADDRESS))
                .isEmpty();
        assertThat(found("OID 17.3.6.1.4 в MIB-файле", EntityType.IP_ADDRESS)).isEmpty();
        assertThat(found("сервер 192.168.7.12.5 не отвечает", EntityType.IP_ADDRESS))
                .containsExactly("192.168.7.12");
    }

    @Test
    void detect_versionNearAWordContainingIp_stillVersion() {
        // "skip", "zip" and "ship" hold the letters of "ip", not the word
        assertThat(found("We ship 3.2.0.1 today; skip 3.1.9.4 entirely.", EntityType.IP_ADDRESS))
                .isEmpty();
        assertThat(found("ip 3.2.0.1 не пингуется", EntityType.IP_ADDRESS)).containsExactly("3.2.0.1");
    }

    @Test
    void detect_seriesAndSixDigitsInTwoGroups_document() {
        assertThat(found("водительское удостоверение серии КН 318 604, категория B", EntityType.ID_DOCUMENT))
                .containsExactly("КН 318 604");
        assertThat(found("my driving licence is TX 118 402", EntityType.ID_DOCUMENT))
                .containsExactly("TX 118 402");
    }

    @Test
    void detect_serviceIdNumberedByItsEmployer_document() {
        assertThat(found("Сотрудник предъявил служебное удостоверение № 07712.", EntityType.ID_DOCUMENT))
                .containsExactly("07712");
        assertThat(found("қызметтік куәлігі № 3318 берілді", EntityType.ID_DOCUMENT))
                .containsExactly("3318");
        assertThat(found("удостоверение № 07712 выдано", EntityType.ID_DOCUMENT))
                .isEmpty(); // no service word
    }

    @Test
    void detect_kazakhBirthCertificateSaidShort_document() {
        assertThat(found("Баланың туу куәлігі: 0773190", EntityType.ID_DOCUMENT))
                .containsExactly("0773190");
        assertThat(found("{\"туу_куәлігі\": \"0812246\"}", EntityType.ID_DOCUMENT))
                .containsExactly("0812246");
    }

    @Test
    void detect_yearAloneUnderABirthColumn_birthYear() {
        String table = "| Аты-жөні | Туған жылы |\n|---|---|\n| Ахметов Бауыржан | 1971 |\n| Смагулова Айша | 2004 |";
        assertThat(found(table.replace("\\n", "\n"), EntityType.DATE_OF_BIRTH)).containsExactly("1971", "2004");
        String counts = "| Жыл | Саны |\n|---|---|\n| 2021 | 1971 |";
        assertThat(found(counts.replace("\\n", "\n"), EntityType.DATE_OF_BIRTH)).isEmpty();
    }

    @Test
    void detect_dateAfterANameMarkedBornOrAfterAWorker_birthDate() {
        assertThat(found("Куәгер: Тоқтаров Ерлан Маратұлы, 14.08.1982 т.", EntityType.DATE_OF_BIRTH))
                .containsExactly("14.08.1982");
        assertThat(found("Жұмыскер: Қасымова Дина, 1994 жылғы 2 ақпан", EntityType.DATE_OF_BIRTH))
                .containsExactly("1994 жылғы 2 ақпан");
        assertThat(found("Работник: Орлов Денис, 01.03.2024 принят на должность.", EntityType.DATE_OF_BIRTH))
                .isEmpty(); // a date the sentence goes on from: hired, not born
    }

    @Test
    void detect_identityDocumentShortenedAsRegistriesDo_document() {
        assertThat(found("Тип ДУЛ: удостоверение личности; номер ДУЛ: 052218734", EntityType.ID_DOCUMENT))
                .containsExactly("052218734");
        assertThat(found("клиент, уд/л 038812457, обратился повторно", EntityType.ID_DOCUMENT))
                .containsExactly("038812457");
        assertThat(found("дуло 052218734 мм", EntityType.ID_DOCUMENT)).isEmpty(); // a word that begins so
    }

    @Test
    void detect_kazakhPassportTypedWithLowerCaseOrCyrillicN_document() {
        assertThat(found("паспорт: н09871234", EntityType.ID_DOCUMENT)).containsExactly("н09871234");
        assertThat(found("my passport is n11204567", EntityType.ID_DOCUMENT)).containsExactly("n11204567");
        assertThat(found("номер заказа н09871234 в магазине", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_passportWordCutShort_document() {
        assertThat(found("загран: N13307741, до 2031 года", EntityType.ID_DOCUMENT))
                .containsExactly("N13307741");
        assertThat(found("заграничная командировка 12345678", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_dateAfterTheShortBornWord_birthDate() {
        assertThat(found("Петрова Ирина, род. 03.11.1990, прож. г. Павлодар", EntityType.DATE_OF_BIRTH))
                .containsExactly("03.11.1990");
        assertThat(found("род. падеж, 12.05.2024 урок", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_homeCityNumberWithoutItsCode_phone() {
        assertThat(found("Мать: Ахметова С., дом. тел. 41-22-87", EntityType.PHONE))
                .containsExactly("41-22-87");
        assertThat(found("үй телефоны: 253-18-04", EntityType.PHONE)).containsExactly("253-18-04");
        // an office's line in a letter's signature is the agency's, and a clause's number is none
        assertThat(found("Исп. Жаксыбекова А., тел. 55-31-08", EntityType.PHONE))
                .isEmpty();
        assertThat(found("дом. тел. 12-34-56-78 не отвечает", EntityType.PHONE)).isEmpty();
    }

    @Test
    void detect_dateClosingARegistersItemAfterSurnameAndName_birthDate() {
        assertThat(found(
                        "Тізім: Жұмабекова Аружан, 2016 жылғы 9 қыркүйек; Жұмабеков Ерлан, 1988 жылғы 2 мамыр.",
                        EntityType.DATE_OF_BIRTH))
                .containsExactly("2016 жылғы 9 қыркүйек", "1988 жылғы 2 мамыр");
        assertThat(found("Исполнитель Сидоров Павел, 12.05.2023 г.", EntityType.DATE_OF_BIRTH))
                .isEmpty();
        assertThat(found("| ФИО | Год рожд. |\n|---|---|\n| Ли Олег | 1958 |", EntityType.DATE_OF_BIRTH))
                .containsExactly("1958");
    }

    @Test
    void detect_yearOfBirthWithThePlaceBetweenItAndTheVerb_theYear() {
        assertThat(found("Ол 1962 жылы Сарқан ауданы, Қоңыр ауылында дүниеге келген.", EntityType.DATE_OF_BIRTH))
                .containsExactly("1962");
        assertThat(found("Әкесі 1939 жылы туып, соғысқа аттанды.", EntityType.DATE_OF_BIRTH))
                .containsExactly("1939");
        assertThat(found("Her father was born in 1952 in a village near Taraz.", EntityType.DATE_OF_BIRTH))
                .containsExactly("1952");
        // a year in another clause, or any number between, names no birth
        assertThat(found("Мектеп 1962 жылы салынды. Ол сонда туған.", EntityType.DATE_OF_BIRTH))
                .isEmpty();
        assertThat(found("2019 жылы 3 баланың бірі туған ауылына оралды.", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_licenceWordAloneBeforeASeriesAndNumber_found() {
        assertThat(found("the driver is Yerlan, his licence is AE 417260 if security asks", EntityType.ID_DOCUMENT))
                .containsExactly("AE 417260");
        assertThat(found("Driver: Marat Seitkali, licence KZ 382615, vehicle 221 AAX 05.", EntityType.ID_DOCUMENT))
                .containsExactly("KZ 382615");
        // a company's licence number, and licences in the plural, name no person's document
        assertThat(found("The pharmacy holds licence No. 22019383 since 2019.", EntityType.ID_DOCUMENT))
                .isEmpty();
        assertThat(found("All licences AB 2024 were renewed.", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_yearOfBirthInBracketsAfterItsLabel_theYear() {
        assertThat(found("Please confirm your year of birth (1981) and IIN.", EntityType.DATE_OF_BIRTH))
                .containsExactly("1981");
        assertThat(found("Year of foundation (1981) is on the plaque.", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_idCardNumberInGroupsAfterItsShortWordAndANumberWord_found() {
        assertThat(found("ж.к. нөмірі 046 2219 84 дұрыс па", EntityType.ID_DOCUMENT))
                .containsExactly("046 2219 84");
        assertThat(found("ж.к. нөмірім 05 228 14 93 тексеріңізші", EntityType.ID_DOCUMENT))
                .containsExactly("05 228 14 93");
        // a housing estate with a number word after it stays an estate
        assertThat(found("ЖК «Алатау» номер дома 12", EntityType.ID_DOCUMENT)).isEmpty();
    }

    @Test
    void detect_idCardNumberAnsweredByTheApplicantsTurn_found() {
        // "Өтініш беруші" (the applicant) labels a turn; "өтініш" alone is an application, whose number is no document
        assertThat(found(
                        "Маман: Жеке куәлігіңіздің нөмірі?\\nӨтініш беруші: 047 226 915.\\nМаман: Рахмет.",
                        EntityType.ID_DOCUMENT))
                .containsExactly("047 226 915");
        assertThat(found("Жеке куәлік тапсырылды. Өтініш нөмірі 047226915.", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_refugeeCardNumber_found() {
        assertThat(found("my refugee card number is TS 00417723, the unhcr one is different", EntityType.ID_DOCUMENT))
                .containsExactly("TS 00417723");
    }

    @Test
    void detect_bareCertificateNumberRightAfterItsWord_found() {
        assertThat(found(
                        "по поводу пособия на сына, свидетельство 0518203, справку тоже прислала",
                        EntityType.ID_DOCUMENT))
                .containsExactly("0518203");
        assertThat(found("свидетельства № 0662419 нет в базе", EntityType.ID_DOCUMENT))
                .containsExactly("0662419");
        // words between: the certificate names what it registers, and its number may be anything's
        assertThat(found("свидетельство о регистрации 0518203 выдано заводу", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_dateAfterANameAndADashOrInBrackets_birthDate() {
        assertThat(found("1) Байжанова Алина — 14.02.2006, удостоверение 058 112 340", EntityType.DATE_OF_BIRTH))
                .containsExactly("14.02.2006");
        assertThat(found("2) Омаров Ерлан — 2005 жылғы 3 наурыз, жеке куәлік 057 220 118", EntityType.DATE_OF_BIRTH))
                .containsExactly("2005 жылғы 3 наурыз");
        assertThat(found("Записка: Сергеев Павел (21.07.1990, паспорт N12345678) переехал.", EntityType.DATE_OF_BIRTH))
                .containsExactly("21.07.1990");
        // a leave's range after a dash, a recent date in brackets and a date after a dash that opens a clause
        for (String text : List.of(
                "- Жұмабаева Дана Маратқызы — 2025.12.01–2025.12.24;",
                "Договор с Ахметовым Болатом (12.05.2023) подписан.",
                "Иванов Иван — 12.03.2024 принят на работу.")) {
            assertThat(found(text, EntityType.DATE_OF_BIRTH)).as(text).isEmpty();
        }
    }

    @Test
    void detect_drivingLicenceShortenedToVu_found() {
        assertThat(found("Водитель Галиев Р. Ш. (ВУ AB 482071) закреплён за а/м.", EntityType.ID_DOCUMENT))
                .containsExactly("AB 482071");
        assertThat(found("ВУ: KZ 118204, категория B", EntityType.ID_DOCUMENT)).containsExactly("KZ 118204");
        assertThat(found("ВУЗ номер 512345 объявил набор.", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_yearOfBirthAnsweredInTheNextTurn_theYear() {
        assertThat(found("Оператор: Дата рождения?\nТоксанбай: 1963 жылы, наурыз айы", EntityType.DATE_OF_BIRTH))
                .containsExactly("1963");
        assertThat(found("[10:01:02] Маман: туған жылыңыз?\n[10:01:05] Клиент: 1985", EntityType.DATE_OF_BIRTH))
                .containsExactly("1985");
        assertThat(found("сенің туған жылың 2004 қой? анкетаға керек\nДана: 2003 ғой", EntityType.DATE_OF_BIRTH))
                .containsExactly("2004", "2003");
        // a number that is no year, and a year the answer does not open with
        assertThat(found("Оператор: Дата рождения?\nАбонент: 1963-1964 не помню", EntityType.DATE_OF_BIRTH))
                .isEmpty();
        assertThat(found("Оператор: Дата рождения?\nАбонент: щас, в 2020 менял паспорт", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_streetWithoutItsWordToldByTheFlatAfterItsHouse_theAddress() {
        assertThat(found("ну Петропавловск, Интернациональная 30, квартира 9 вроде", EntityType.ADDRESS))
                .containsExactly("Петропавловск, Интернациональная 30, квартира 9");
        assertThat(found("her flat is Dostyk 38, apt 204, ring twice", EntityType.ADDRESS))
                .containsExactly("Dostyk 38, apt 204");
        assertThat(found("адрес Шұғыла шағын ауданы 340/5, кв 61", EntityType.ADDRESS))
                .containsExactly("Шұғыла шағын ауданы 340/5, кв 61");
        // a model's or a title's number with a flat's word but no flat's number is no house
        assertThat(found("Samsung Galaxy 22, flat design", EntityType.ADDRESS)).isEmpty();
        assertThat(found("Glory Days 2, apartment hunting guide", EntityType.ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_idCardWordsShortenedInChats_theNumber() {
        assertThat(found("ж.к нөмірім 05 228 14 93 туған күнім 03.07.1995", EntityType.ID_DOCUMENT))
                .containsExactly("05 228 14 93");
        assertThat(found("кешіріңіз уд номерін қате жаздым, дұрысы 043511092", EntityType.ID_DOCUMENT))
                .containsExactly("043511092");
        assertThat(found("Уд 13 жаттығу, ж.к 2024 жыл", EntityType.ID_DOCUMENT)).isEmpty();
    }

    @Test
    void detect_numberedMicrodistrictAndAHouseEndingItsClause_theAddress() {
        assertThat(found("Сәкен есімді азамат, Көктем-1, 15 тұрады, жарық сымы үзілген", EntityType.ADDRESS))
                .containsExactly("Көктем-1, 15");
        assertThat(found("на фото виден номер дома Мамыр-4, 102.", EntityType.ADDRESS))
                .containsExactly("Мамыр-4, 102");
        assertThat(found("в Самал-2, 5 человек пострадали", EntityType.ADDRESS)).isEmpty();
    }

    @Test
    void detect_placeInThePrepositionalWithHouseDashFlat_theAddress() {
        assertThat(found("а ее квартиру в сайране 14-22 пусть пока сдадим", EntityType.ADDRESS))
                .containsExactly("сайране 14-22");
        assertThat(found("в группе 14-22 мест нет", EntityType.ADDRESS)).isEmpty();
        assertThat(found("в размере 12-15 процентов", EntityType.ADDRESS)).isEmpty();
    }

    @Test
    void detect_villageWhoseHomeIsNamed_theVillage() {
        assertThat(found("Жаназа Ақсу ауылындағы үйден шығарылады.", EntityType.ADDRESS))
                .containsExactly("Ақсу ауылындағы");
        assertThat(found("Ақсу ауылындағы мектеп жөнделді.", EntityType.ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_yearOfBirthAsAKazakhOrdinal_theOrdinal() {
        assertThat(found("мен алпыс бесінші жылы туғанмын ғой", EntityType.DATE_OF_BIRTH))
                .containsExactly("алпыс бесінші");
        assertThat(found("әкем сексенінші жылы туған", EntityType.DATE_OF_BIRTH))
                .containsExactly("сексенінші");
        // a unit's ordinal alone names no year
        assertThat(found("бесінші жылы туған бұзау", EntityType.DATE_OF_BIRTH)).isEmpty();
    }

    @Test
    void detect_yearOfBirthAsAKazakhOrdinalAfterItsWord_theOrdinalAndItsYear() {
        assertThat(found("менің туған жылым қырық тоғызыншы жыл. Ауылым алыс", EntityType.DATE_OF_BIRTH))
                .containsExactly("қырық тоғызыншы жыл");
        assertThat(found("туған жылы — сексенінші.", EntityType.DATE_OF_BIRTH)).containsExactly("сексенінші");
        assertThat(found("туған жылым қырық екі деп ойлайды", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_birthdayWithAPossessiveOrAnsweredNextTurn_theDate() {
        assertThat(found("ой, сенің туған күнің 7 желтоқсан ғой иә", EntityType.DATE_OF_BIRTH))
                .containsExactly("7 желтоқсан");
        assertThat(found(
                        "Маша: какой у Тимура день рождения?\nДаша: 28 февраля, он же високосный",
                        EntityType.DATE_OF_BIRTH))
                .containsExactly("28 февраля");
        assertThat(found("Оператор: Дата рождения?\nАбонент: 12.03.1990, записали?", EntityType.DATE_OF_BIRTH))
                .containsExactly("12.03.1990");
        // the next line's number is no answer when it counts something
        assertThat(found("Маша: какой у Тимура день рождения?\nДаша: 28 человек придёт", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_childsDateInBracketsBeforeItsBirthCertificate_theDate() {
        assertThat(found("— Әсел (2011 жылғы 14 маусым), туу туралы куәлігі ІІ-ҚР 0391184", EntityType.DATE_OF_BIRTH))
                .containsExactly("2011 жылғы 14 маусым");
        assertThat(found("Дочь Лиза (03.02.2019), свидетельство о рождении II-АЛ 0571624", EntityType.DATE_OF_BIRTH))
                .containsExactly("03.02.2019");
        // a recent date in brackets after a name, with no birth paper after it, is a contract's
        assertThat(found("Ахметов Болат (12.05.2023), договор № 15", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_yearOfBirthAskedAbout_theYear() {
        assertThat(found("Настя, ты когда родилась, в 2004? Мне для анкеты", EntityType.DATE_OF_BIRTH))
                .containsExactly("2004");
        assertThat(found("Сайт родился в 2004 и с тех пор растёт", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_dateAfterAShortPatronymic_theDate() {
        assertThat(found(
                        "Направляю данные нового водителя:\n> Волков Артур Ильич, 22.04.1988\n> ВУ KZ 517209",
                        EntityType.DATE_OF_BIRTH))
                .containsExactly("22.04.1988");
        assertThat(found("Петров Семён Кузьмич, 03.11.1950", EntityType.DATE_OF_BIRTH))
                .containsExactly("03.11.1950");
    }

    @Test
    void detect_addressesTheKazakhOrderAndSpokenWithAFlat_wholeAddress() {
        assertThat(found("Күлпаш апа: Қарағанды, Шахтер шағынауданы, 47а, 9 пәтер", EntityType.ADDRESS))
                .containsExactly("Қарағанды, Шахтер шағынауданы, 47а, 9 пәтер");
        assertThat(found("Нұрқан: Жезқазған, Сейфуллин 41, 17\nОператор: рахмет", EntityType.ADDRESS))
                .containsExactly("Жезқазған, Сейфуллин 41, 17");
        assertThat(found("неси домой: Бальзака восемь, квартира сто двенадцать, Алматы.", EntityType.ADDRESS))
                .containsExactly("Бальзака восемь, квартира сто двенадцать, Алматы");
        assertThat(found(
                        "Адрес регистрации: Степногорск, четвёртый микрорайон, дом 8, квартира 12.",
                        EntityType.ADDRESS))
                .containsExactly("Степногорск, четвёртый микрорайон, дом 8, квартира 12");
        assertThat(found("Место жительства: Атырау, мкр. Жулдыз, 12-й квартал, дом 3, кв. 54", EntityType.ADDRESS))
                .containsExactly("Атырау, мкр. Жулдыз, 12-й квартал, дом 3, кв. 54");
        assertThat(found("Азаматша: Талдықорған, Қаратал ш/а, 8/2, 21.", EntityType.ADDRESS))
                .containsExactly("Талдықорған, Қаратал ш/а, 8/2, 21");
        // a town and a count after a name are no home
        assertThat(found("Жезқазған, Сейфуллин 41, 2024 жылы", EntityType.ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_streetsNamedWithANumberFirst_wholeAddress() {
        assertThat(found(
                        "Тұрғылықты жері: Қостанай облысы, Рудный қ., 50 лет Октября көшесі, 77-үй, 15-пәтер.",
                        EntityType.ADDRESS))
                .containsExactly("Қостанай облысы, Рудный қ., 50 лет Октября көшесі, 77-үй, 15-пәтер");
        assertThat(found("Мекенжайы: Алматы қ., 8 Наурыз көшесі, 12-үй", EntityType.ADDRESS))
                .containsExactly("Алматы қ., 8 Наурыз көшесі, 12-үй");
        assertThat(found("— Рудный қаласы, 50 жылдық Октябрь көшесі, 61, 23-пәтер", EntityType.ADDRESS))
                .containsExactly("Рудный қаласы, 50 жылдық Октябрь көшесі, 61, 23-пәтер");
        assertThat(found("Астана қ., Тәуелсіздіктің 30 жылдығы даңғылы, 5-үй", EntityType.ADDRESS))
                .containsExactly("Астана қ., Тәуелсіздіктің 30 жылдығы даңғылы, 5-үй");
        assertThat(found("проживает: г. Семей, пос. Восточный, ул. 2-я Восточная, 7", EntityType.ADDRESS))
                .containsExactly("г. Семей, пос. Восточный, ул. 2-я Восточная, 7");
        // an anniversary alone is no street
        assertThat(found("Тәуелсіздіктің 30 жылдығы мерекесі Астана қ. өтті", EntityType.ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_aColumnHeadedByTheWordOfBirthAlone_itsYearsAndDates() {
        assertThat(found(
                        "| № | ФИО | Birth | Doc |\n|---|---|---|---|\n| 1 | Лукпанова Айым | 2001 | 051133789 |\n"
                                + "| 2 | Гриценко Артём | 1999 | 048812557 |",
                        EntityType.DATE_OF_BIRTH))
                .containsExactly("2001", "1999");
        assertThat(found("Name,Born,City\nAidos Nurlanov,1990,Almaty", EntityType.DATE_OF_BIRTH))
                .containsExactly("1990");
        assertThat(found("| Аты-жөні | Туған |\n|---|---|\n| Сәкен Әлиев | 12.04.1985 |", EntityType.DATE_OF_BIRTH))
                .containsExactly("12.04.1985");
        // the word in prose, or heading a longer cell, heads no column of births
        assertThat(found("She gave birth to twins in 2019.", EntityType.DATE_OF_BIRTH))
                .isEmpty();
        assertThat(found(
                        "| Birth certificate | Issued |\n|---|---|\n| I-АЛ 0882310 | 2019 |", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void detect_aForeignerNamedBeforeAnyCountryAndAPassport_wholeName() {
        assertThat(found("Hire foreign specialist Rajesh Kumar (India), passport R8830164.", EntityType.PERSON))
                .containsExactly("Rajesh Kumar");
        assertThat(found("Kwame Mensah, Ghana, passport G1234567", EntityType.PERSON))
                .containsExactly("Kwame Mensah");
        // a country without papers after it tells nothing
        assertThat(found("Hire Tata Consultancy (India) as the vendor.", EntityType.PERSON))
                .isEmpty();
    }

    @Test
    void detect_aPassportsSeriesAndNumberAsFieldsOfTheirOwn_both() {
        assertThat(found("Серия паспорта: 4510, номер паспорта: 783214", EntityType.ID_DOCUMENT))
                .containsExactly("4510", "783214");
        assertThat(found("{\"passport_series\": \"4510\", \"passport_number\": \"783214\"}", EntityType.ID_DOCUMENT))
                .containsExactly("4510", "783214");
        assertThat(found("<passport series=\"71\" number=\"4418902\"/>", EntityType.ID_DOCUMENT))
                .containsExactly("71", "4418902");
        // two digits are a series only where a passport names them
        assertThat(found("Серия 12, номер 123456 — лотерея", EntityType.ID_DOCUMENT))
                .isEmpty();
        assertThat(found("<book series=\"12\" number=\"1234567\"/>", EntityType.ID_DOCUMENT))
                .isEmpty();
    }

    @Test
    void detect_aNameBeforeTheBareWordForRoad_stillAName() {
        assertThat(found("Оның ата-анасы Бекболат мен Зарина жол апатынан қайтыс болды.", EntityType.PERSON))
                .containsExactly("Бекболат", "Зарина");
        assertThat(found("Бұйрық: Жұмаділовке жол ақысы төленсін.", EntityType.PERSON))
                .containsExactly("Жұмаділовке");
        // the street's word has its possessive: "Жібек жолы" names a street, no one
        assertThat(found("Мекенжайы: Жібек жолы көшесі, 5", EntityType.PERSON)).isEmpty();
    }

    @Test
    void detect_aNameBeforeTheBareWordForSchool_stillAName() {
        assertThat(found("Сіздің ұлыңыз Ерлан мектеп олимпиадасының жеңімпазы атанды.", EntityType.PERSON))
                .containsExactly("Ерлан");
        assertThat(found("Ұлым Дарханды мектепте ренжітеді.", EntityType.PERSON))
                .containsExactly("Дарханды");
        // a school named for someone has the possessive: "Абай мектебі" names no citizen
        assertThat(found("Біз Абай мектебінде оқимыз.", EntityType.PERSON)).isEmpty();
    }

    @Test
    void detect_aNumberRightAfterTheNumberSign_noPhoneWhateverWordCameBefore() {
        assertThat(found("Заявка в Call-центр № 05-2261407 висит без ответа.", EntityType.PHONE))
                .isEmpty();
        assertThat(found("Call-центр: 8 727 244 55 66", EntityType.PHONE)).containsExactly("8 727 244 55 66");
    }

    @Test
    void detect_anUzbekPrivateCarsPlate_found() {
        assertThat(found("Көлік: Chevrolet Lacetti, 01 A 734 KB (Өзбекстан).", EntityType.VEHICLE_PLATE))
                .containsExactly("01 A 734 KB");
        assertThat(found("автомобиль с номером 30 K 555 AA", EntityType.VEHICLE_PLATE))
                .containsExactly("30 K 555 AA");
        // no region of Uzbekistan: a count and a unit
        assertThat(found("скачано 12 A 734 KB", EntityType.VEHICLE_PLATE)).isEmpty();
    }

    @Test
    void detect_aRecordsFieldsRepeatedForSeveralItems_noSpeakers() {
        assertThat(found(
                        "Предупреждение сканера секретов\nФайл: deploy/config.example.ini, строка 14\n"
                                + "Найдено: api_key = YOUR_API_KEY_HERE\nВердикт: ложное срабатывание.\n"
                                + "Файл: docs/setup.md, строка 88\nНайдено: password: <password>\n"
                                + "Вердикт: ложное срабатывание.",
                        EntityType.PERSON))
                .isEmpty();
        // two people taking turns are a chat, however regular
        assertThat(found("Данік: сәлем\nАйко: сәлем\nДанік: ертең керек еді\nАйко: жарайды", EntityType.PERSON))
                .contains("Данік", "Айко");
    }

    @Test
    void detect_aNameAfterNamedAfter_aSchoolsNameNoCitizen() {
        assertThat(found("Pupils of Gymnasium No. 159 named after Yahya Kemal won.", EntityType.PERSON))
                .isEmpty();
        assertThat(found("a broken traffic light near School-Lyceum No. 66 named after Abai.", EntityType.PERSON))
                .isEmpty();
        // a child named after someone of the family names a person
        assertThat(found("He was named after Timur Bekov, his grandfather.", EntityType.PERSON))
                .containsExactly("Timur Bekov");
    }
}
