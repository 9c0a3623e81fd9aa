package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15's address patterns, each as one finding over the whole address. Every line is written for this test. */
class AddressPatternsTest {

    private static final Detector DETECTOR = Detector.defaults();

    private static List<String> found(String text, EntityType type) {
        return Found.values(DETECTOR, text, type);
    }

    private static void whole(String before, String address, String after) {
        assertThat(found(before + address + after, EntityType.ADDRESS))
                .as(address)
                .containsExactly(address);
    }

    @Test
    void detect_labelledValueEndingWithAHouseUnit_endsWithItsSentence() {
        whole("мекенжайы: ", "Алматы қ., Сәтбаев көш., 5-үй", ". Туған күні 01.01.1985.");
        whole("Жаңа мекенжай: ", "Көкшетау қ., Мұқанов көшесі, 5-үй, 16-пәтер", ". Ұялы тел.: 8 701 555 12 34");
        whole("Адрес: ", "г. Тараз, ул. Абая, д. 5, кв. 12", ". Телефон не указан.");
    }

    @Test
    void detect_englishStreetEndingASentence_withoutTheFullStop() {
        whole("Please ship it to ", "221B Baker Street", ". Thanks");
        whole("I moved to ", "40 Dostyk Avenue", ". The flat is nice.");
        whole("Meet me at ", "12 Abai Ave.", " on the left");
    }

    @Test
    void detect_streetNamedByItsNumber_wholeAddress() {
        assertThat(found("проживает: село Боралдай, улица 7, дом 23, кв. 4", EntityType.ADDRESS))
                .containsExactly("село Боралдай, улица 7, дом 23, кв. 4");
        assertThat(found("Отправьте на г. Тараз, улица 12, д. 5", EntityType.ADDRESS))
                .containsExactly("г. Тараз, улица 12, д. 5");
    }

    @Test
    void detect_kazakhAddresses_oneFindingEach() {
        whole("Мекенжайы: ", "Семей қ., Шәкәрім даңғылы, 9-үй, 71-пәтер", ".");
        whole("", "Жаңаөзен қаласы, 3-шағынаудан, 11-үй, 8-пәтер", "");
        whole("Жіберілсін: ", "Өскемен қ., Головков к-сі, 3-үй", "");
        whole("", "Ақтау қ., 7-шағын аудан, 12-үй, 31-пәтер", " мекенжайында");
        whole("", "Атырау қ., Нұрсая ш/а, 16-үй, 45-пәтер", "");
        whole("", "Тараз қ., Төле би к-сі, 101 үй, 5 пәтер", "");
        whole("", "Қостанай қ., Әл-Фараби даңғ., 65-үй, 402-кеңсе", "");
    }

    @Test
    void detect_regionFirstAndVillages_oneFindingEach() {
        whole("", "Ақмола облысы, Көкшетау қаласы, Абай көшесі, 15-үй", "");
        whole("", "Алматы облысы, Қарасай ауданы, Қаскелең қаласы, Райымбек батыр көшесі, 2-үй", "");
        whole("", "Қарағанды облысы, Абай ауданы, Топар кенті, Мир көшесі, 4-үй", "");
        whole("", "Қостанай облысы, Меңдіқара ауданы, Боровской а/о, Ақсу ауылы, 14-үй", "");
    }

    @Test
    void detect_kazakhMicrodistrictsHighwaysAndTwoWordVillages_oneFindingEach() {
        whole("", "Алматы қаласы, Алатау ауданы, Шаңырақ-2 ықшамауданы, Жанқожа батыр көшесі, 18", "");
        whole("Оқиға ", "Шымкент қ., Тамерлан тас жолы, 12-үй", " маңында болды.");
        whole("", "Түркістан облысы, Сарыағаш ауданы, Жібек жолы ауылы, Бейбітшілік көшесі, 5-үй", " мекенжайында");
        whole("тіркелген жері — ", "Түркістан қ., Жаңа қала шағынауданы, 12-үй", ".");
        // the common word alone, with no district's word after it, names no place
        assertThat(found("Алматы қала әкімдігі хабарлайды", EntityType.ADDRESS)).isEmpty();
    }

    @Test
    void detect_russianOrdinalMicrodistrictAndBuilding_oneFinding() {
        whole("Проживание — гостиница «Renaissance», ", "14-й мкр., здание 33", " (по брони).");
        whole("", "г. Актау, 14-й мкр., д. 5, кв. 12", "");
        assertThat(found("здание суда на 5 этажей, в здании 5 человек", EntityType.ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_streetsNamedAfterPeople_partOfTheAddressNotPersons() {
        for (String address : List.of(
                "Шымкент қаласы, Тәуке хан даңғылы, 45 үй, 3 пәтер",
                "Қызылорда қ., Әйтеке би көшесі, 27А-үй",
                "Тараз қ., Жамбыл ақын көшесі, 7-үй, 12-пәтер",
                "Алматы қ., Домалақ ана көшесі, 11-үй",
                "Ақтөбе қ., Әбілқайыр хан даңғылы, 34Б-үй, 7-пәтер",
                "Ақмола облысы, Көкшетау қаласы, Ақан сері көшесі, 45-үй, 12-пәтер")) {
            whole("Мекенжай: ", address, "");
            assertThat(found(address, EntityType.PERSON)).as(address).isEmpty();
        }
    }

    @Test
    void detect_inCsvCellsAndQuotes_oneFindingEach() {
        String csv = "аты-жөні;мекенжайы\nБ. Оспан;\"Орал қ., Достық даңғылы, 190-үй, 4-пәтер\"";
        assertThat(found(csv, EntityType.ADDRESS)).containsExactly("Орал қ., Достық даңғылы, 190-үй, 4-пәтер");
        String json = "{\"mekenzhai\": \"Петропавл қ., Жамбыл к-сі, 16-үй\"}";
        assertThat(found(json, EntityType.ADDRESS)).containsExactly("Петропавл қ., Жамбыл к-сі, 16-үй");
    }

    @Test
    void detect_englishAndLatinAddresses_theWholeSpan() {
        whole("Office: ", "115 Satpayev Street, office 12, Almaty", ".");
        whole("", "Kazybek bi street 40, apt 7", "");
        whole("Home: ", "Almaty, Abai Avenue 10, apartment 5", "");
        whole("", "Kabanbay Batyr Avenue 53, Astana", "");
        whole("", "Tole bi street 59, flat 12, Almaty", "");
        whole("Our office: ", "Esentai Tower, 77/7 Al-Farabi Ave., Almaty 050040", "");
        whole("", "Semey q., Shakarim dañğyly, 9-üi, 71-päter", "");
    }

    @Test
    void detect_russianAddresses_withCountryPostcodeAndComplex() {
        whole("", "Республика Казахстан, г. Астана, ул. Сыганак, д. 18, кв. 101", "");
        whole("", "050000, г. Алматы, пр. Абая, 10", "");
        whole("", "ЖК «Хайвил», блок 3, кв. 45, г. Алматы", "");
        whole("По квартире на ", "Жандосова 140, кв 12", " вопрос решили");
    }

    @Test
    void detect_residentialComplexInQuotes_partOfTheAddress() {
        whole("Проживает: ", "ЖК «Алтын Бесік», блок B, кв. 77, г. Астана", "");
        whole("Мекенжайы: ", "Атырау қ., «Жайық Сити» ТҮК, 4-блок, 19-пәтер", ".");
        whole("", "«Көкжиек» ТҮК, 2-блок, 15-пәтер, Алматы қ.", "");
        assertThat(found("ТОО «Береке» ЖК обслуживает", EntityType.ADDRESS)).isEmpty();
    }

    @Test
    void detect_microdistrictAbbreviationsAndNumbers_oneFindingEach() {
        whole("", "г. Павлодар, мкр. 7, д. 14, кв. 9", "");
        whole("по адресу ", "г. Актобе, мкрн Батыс-2, д. 8", ". Звоните");
        whole("", "г. Тараз, мкр-н Жайлау, д. 21, кв. 60", "");
    }

    @Test
    void detect_declinedStreetWords_partOfTheAddress() {
        whole("Живу по ", "улице Чехова, 17Б, кв. 3", ". Соседи шумят.");
        whole("Офис по ", "проспекту Абылай хана, 9/1, офис 12", ".");
        whole("", "Қызылорда қ., Ұлы дала даң., 12-үй", "");
    }

    @Test
    void detect_englishAddressWithTheUnitFirstAndAKazakhPostcode_theWholeSpan() {
        whole("Address: ", "apt. 14, 22 Kabanbay Batyr Avenue, Astana Z05K7B3, Kazakhstan", ".");
        whole("", "office 7, 48 Dostyk Avenue, Almaty", "");
        assertThat(found("we rent flat 5, 3 rooms, in Almaty", EntityType.ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_yearAndMonthInACsvRow_noHouseNumber() {
        assertThat(found("Almaty,2021-09,Abai Avenue", EntityType.ADDRESS)).isEmpty();
        assertThat(found("г. Алматы, ул. Абая, 2021-09", EntityType.ADDRESS)).containsExactly("г. Алматы, ул. Абая");
    }

    @Test
    void detect_localityOrMicrodistrictWithoutAHouse_notAnAddress() {
        assertThat(found("Ақтау қаласында 14-шағын аудан аумағында жұмыс аяқталды.", EntityType.ADDRESS))
                .isEmpty();
        assertThat(found("Алматы, Астана и Шымкент лидируют.", EntityType.ADDRESS))
                .isEmpty();
        assertThat(found("проспект Абая перекрыт до вечера", EntityType.ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_bareRussianStreetAfterAPreposition_streetAndHouse() {
        whole("Я живу на ", "Абая 45", ", приходите.");
        whole("Магазин теперь по ", "Сатпаева 30А", ".");
        whole("Подъезжайте на ", "Кабанбай батыра 112", ", там шлагбаум.");
        whole("Адрес: ", "Розыбакиева 247, кв. 58", "");
        whole("Офис на ", "Байзакова 280, 5 этаж", ".");
    }

    @Test
    void detect_bareStreetWithACountOrAStandard_notAnAddress() {
        assertThat(found("Доехал на Абая за 15 минут, на Сатпаева 2 часа стоял.", EntityType.ADDRESS))
                .isEmpty();
        assertThat(found("По Жандосова 5 лет назад открыли школу.", EntityType.ADDRESS))
                .isEmpty();
        assertThat(found("Подпись по ГОСТ 34.310-2004, хеш по ГОСТ 34.311-95.", EntityType.ADDRESS))
                .isEmpty();
        assertThat(found("Сатпаева 30 лет руководила кафедрой.", EntityType.ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_latinMicrodistrictAndFloor_theWholeSpan() {
        whole("Мой адрес: ", "Almaty, Samal-2 microdistrict, building 58, apt 17", "");
        whole("The office moved to ", "Kunaev St. 12/1, 3rd floor, Astana", ".");
        assertThat(found("The Samal-2 project launched; the 3rd floor meeting is at noon.", EntityType.ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_villageWithItsDistrict_anAddress() {
        whole("Ата-анам ", "Ақсу ауылы, Ерейментау ауданы", " тұрады.");
        whole("Я, жительница ", "с. Ащибулак Илийского района", ", прошу провести проверку.");
        whole("Прописан в ", "селе Каскелен Карасайского района", ", живёт в городе.");
    }

    @Test
    void detect_cityAndStreetCellsOfACsvRow_notAnAddressButAHouseMakesOne() {
        String shops =
                "store_id,city,street,opened_on\n9754,Almaty,Tole Bi Street,2021-09-23\n4417,Astana,Dostyk Avenue,2022-05-27";
        assertThat(found(shops, EntityType.ADDRESS)).isEmpty();
        assertThat(found("id,address\n7,\"Almaty,Tole Bi Street 59\"", EntityType.ADDRESS))
                .containsExactly("Almaty,Tole Bi Street 59");
        whole("", "г. Алматы, ул. Абая", " — адрес филиала");
    }

    @Test
    void detect_numberedMicrodistrictWithAHouse_oneFinding() {
        whole("даке где ты живешь щас\n", "Орбита-1, 29 үй, 61 пәтер", "\nжақсы");
        whole("біз ", "Самал-2, 58 үйдің", " алдындамыз");
        whole("ya its ", "Orbita-3, bldg 21, flat 8", "\ncool");
        assertThat(found("Самал-2 және Орбита-3 ықшамаудандарында жөндеу жүріп жатыр.", EntityType.ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_bareStreetWithAFlatFloorOrEntrance_oneFinding() {
        whole("скинь адрес\n", "Жандосова 140 кв 22", " ғой");
        whole("на работе еще, ", "Достык 240, 7 этаж", "");
        whole("находился на ", "Райымбек батыра, 165, кв. 12", " у друга");
        whole("Кеше ", "Сарыарқа 3, 2-подъезд", " алдында");
        whole("Мен оны ", "Жібек жолы 64, 3 подъезд", " алдында көрдім");
        whole("Проживает в ", "ЖК «Астана Парк», 3 подъезд, кв 71", ".");
    }

    @Test
    void detect_streetsWithATitleAndMoreMarkers_oneFinding() {
        whole("где встречаемся\n", "Қабанбай батыр 62", " у входа");
        whole("Юр. адрес: ", "Astana, Kabanbay batyr 53, office 412", ".");
        whole("the apartment at ", "Nauryzbai batyr str. 112, apt 33, Almaty", ".");
        whole("по адресу ", "г. Актау, 14 мкр., д. 22, кв. 51", ".");
        whole("гараж по адресу ", "г. Павлодар, ГСК «Металлист», бокс 118", " и автомобиль");
        whole("Новый адрес — ", "г. Алматы, ул. Гоголя, 39А, БЦ «Гранд», 5 этаж, офис 512", ".");
        assertThat(found("Абылай хан 1711 жылы туған деп есептеледі.", EntityType.ADDRESS))
                .isEmpty();
        assertThat(found("Кабанбай батыр 1690 году родился, Райымбек батыр 25 лет воевал.", EntityType.ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_listedStreetAndHouseNumberWithoutPreposition_address() {
        assertThat(found("филиал Абая 12 — ответственный Ерлан", EntityType.ADDRESS))
                .containsExactly("Абая 12");
        assertThat(found("Возле дома Сейфуллина, 21 открыт люк", EntityType.ADDRESS))
                .containsExactly("Сейфуллина, 21");
        assertThat(found("Пушкина 5 томов стоит на полке", EntityType.ADDRESS)).isEmpty();
    }

    @Test
    void detect_valueOfAnAddressLabelOrKey_wholeValue() {
        assertThat(found("{\"mekenzhai\": \"Караганда, Шахтёров 52-17\"}", EntityType.ADDRESS))
                .containsExactly("Караганда, Шахтёров 52-17");
        assertThat(found("Адрес: Павлодар, Кутузова 204, тел. 8 701 123 45 67", EntityType.ADDRESS))
                .containsExactly("Павлодар, Кутузова 204");
        assertThat(found("Адресат: Иванову Петру, IP-адрес: 10.0.0.1, Адрес: уточняется", EntityType.ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_listedTownThenAStreetWithoutAStreetWordAndAHouse_oneFindingButNotYearsOrPartOfMore() {
        whole("- registered at ", "Karaganda, Bukhar Zhyrau 53, apt 7", "");
        whole("the property at ", "Astana, Mangilik El 55/20, apt 301", ".");
        whole("to her daughter's at ", "Kaskelen, Ablai Khan 7", ". Daughter Saltanat");
        assertThat(found("The forum was held in Almaty, December 2024.", EntityType.ADDRESS))
                .isEmpty();
        assertThat(found("Office: Almaty, Timiryazev 42, pavilion 15, office 9.", EntityType.ADDRESS))
                .doesNotContain("Almaty, Timiryazev 42");
        assertThat(found("Offices in Almaty, Kazakhstan 2 and Astana.", EntityType.ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_latinStreetWithoutAStreetWordThenHouseAndUnit_oneFindingButNotWithoutTheUnit() {
        whole("My name is Sarah, I live at ", "Al-Farabi 77/8, block 2, apt 45", ". The courier left");
        whole("Temporary address ", "Zhibek Zholy 135, hostel room 22", ". Refugee certificate");
        assertThat(found("Version Windows 11, build 22631.", EntityType.ADDRESS))
                .isEmpty();
        assertThat(found("Team Alpha 3, round 2 starts now.", EntityType.ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_houseThenStreetAfterPo_oneFinding() {
        whole("Жалуется сосед из ", "дома 14 по улице Гагарина, кв. 9", " на шум.");
        whole("Соседи из ", "кв. 31 дома 5 по ул. Жамбыла", " жалуются.");
        whole("Проживает в ", "д. 22 по проспекту Абая", ".");
        assertThat(found("Дело № 7 по улице не рассматривалось, пункт 5 по ул. ремонту", EntityType.ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_labelledAddressEndingItsSentence_valueFound() {
        whole(
                "Квартиру покажут в субботу. Адрес: ",
                "Astana, Kabanbay Batyr 11/2, kv. 58",
                ". Хозяин будет с утра, его номер скину позже, если он не передумает сдавать квартиру до конца года.");
    }

    @Test
    void detect_ownAddressToldWithoutColon_wholeValue() {
        whole("мекенжайым ", "Астана, Мәңгілік Ел 40, 12 пәтер", ". посылканы осында жібер");
        whole("мой адрес ", "Шымкент, Нұрсәт 2, 114", ". жду");
        whole("my address is ", "Almaty, Dostyk 5/1, 143", ". Thanks");
        assertThat(found("мой адрес Вы знаете, приходите.", EntityType.ADDRESS)).isEmpty();
    }

    @Test
    void detect_streetNamedForAnAnniversary_wholeAddress() {
        assertThat(found("Проживаю: г. Рудный, ул. 50 лет Октября, 22-14.", EntityType.ADDRESS))
                .containsExactly("г. Рудный, ул. 50 лет Октября, 22-14");
        assertThat(found("живу на ул. 30 лет Победы, 14, кв. 8, г. Шымкент", EntityType.ADDRESS))
                .containsExactly("ул. 30 лет Победы, 14, кв. 8, г. Шымкент");
        // years that name no street: nothing
        assertThat(found("Через 50 лет Октябрь забудут, а дом 14 останется.", EntityType.ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_highwayOrBoulevardAfterItsName_street() {
        assertThat(found("г. Шымкент, Тамерлановское шоссе, 33/2", EntityType.ADDRESS))
                .containsExactly("г. Шымкент, Тамерлановское шоссе, 33/2");
        assertThat(found("Алматы, Рыскулова шоссесі, 103-үй", EntityType.ADDRESS))
                .containsExactly("Алматы, Рыскулова шоссесі, 103-үй");
        assertThat(found("Алматы, Рыскулова шоссесі, 103-үй", EntityType.PERSON))
                .isEmpty();
        assertThat(found("г. Караганда, Бухар-Жырау бульвар, 45, кв. 3", EntityType.ADDRESS))
                .containsExactly("г. Караганда, Бухар-Жырау бульвар, 45, кв. 3");
    }

    @Test
    void detect_postBoxDormRoomNextLineAndStreetBeforeHouseWord_wholeAddress() {
        whole("Ответ прошу направить: ", "100000, г. Караганда, а/я 45", ".");
        whole("Проживает: ", "г. Атырау, 5 мкр., д. 12, общежитие, комн. 308", "");
        whole("Жалоба жильцов: ", "г. Кокшетау, ул. Ауэзова, 3, общежитие № 4, комната 17", ".");
        whole("Адрес: ", "Павлодар, ул. Торайгырова,\nд. 64, кв. 9", "");
        whole("Мекенжайы:\n", "Тараз қ., Төле би даңғылы, 20-үй,\n2-кіреберіс, 15-пәтер", ".");
        whole("опекун навещает: ", "Жетысу, д. 14/2, кв. 33", "; ежемесячно");
        assertThat(found("г. Алматы, ул. Абая,\nдом сдан в 2019 году", EntityType.ADDRESS))
                .containsExactly("г. Алматы, ул. Абая");
        assertThat(found("Алматы, ул. Абая 5,\nАстана, ул. Кенесары 3", EntityType.ADDRESS))
                .containsExactly("Алматы, ул. Абая 5", "Астана, ул. Кенесары 3");
    }

    @Test
    void detect_kazakhLatinAlphabetsOf2018And2021_wholeAddress() {
        whole("Men ", "Shymkent q., Nursát shaǵyn aýdany, 7-úi, 18-páter", " mekenjaıynda turamyn.");
        whole("Tirkelgen: ", "Pavlodar q., Toraıǵyrov kóshesi, 21-úi, 3-páter", "");
        whole("Hat jiberińiz: ", "Semeı q., Abaı dańǵyly, 101-úı", ".");
        whole("Ол ", "Atyraý q., Azattyq dañğyly, 40-üi, 6-päter", " tūrady.");
        whole("", "Türkistan q., Sauran şağyn audany, 3-üi", "");
    }

    @Test
    void detect_uzbekAndEnglishDistrictWords_wholeAddress() {
        whole("Проживает: ", "Uzbekistan, Samarkand, Registon ko'chasi, 12-uy, 5-xonadon", "");
        whole("Ukasi ", "Yunusobod tumani, Amir Temur ko'chasi, 41-uy, 7-xonadon", " da yashaydi.");
        whole("Home: ", "Bostandyk district, Almaty, Rozybakiev 125, apt 40", "");
    }

    @Test
    void detect_europeanStreetAddresses_wholeAddressWithPostcodeTownAndCountry() {
        whole("The tenant moved to ", "9 Rue Oberkampf, 75011 Paris, France", " last spring.");
        whole("Please forward the papers to ", "Via Garibaldi 24, 10122 Torino, Italy", ".");
        whole("Адрес в Германии: ", "Schillerstraße 17, 80336 München", "");
        whole("Her parents live at ", "ul. Floriańska 31 m. 6, 31-019 Kraków, Poland", ".");
        whole("Wohnt in der ", "Lindenallee 8, 50968 Köln", ".");
        whole("Sender: ", "Calle Mayor 12, 28013 Madrid, Spain", "");
        whole("Прописан: ", "Rua Augusta 100, 1100-053 Lisboa, Portugal", "");
        whole("Old address ", "Karlova 14, 110 00 Praha 1, Czech Republic", ".");
        whole("He rents a flat at ", "41 Maple Grove, Bristol BS6 5QT", ".");
        whole("Residing at ", "77 Cedar Grove Road, Leeds LS6 2AE", ", since 2019.");
    }

    @Test
    void detect_europeanStreetWordsInOtherSenses_noAddress() {
        assertThat(found("He works via remote desktop 3 days a week.", EntityType.ADDRESS))
                .isEmpty();
        assertThat(found("We stayed at the Plaza Hotel 3 nights in May.", EntityType.ADDRESS))
                .isEmpty();
        assertThat(found("Send it Via Email 2 times if needed.", EntityType.ADDRESS))
                .isEmpty();
        assertThat(found("See Section 5, 2023 Report for details.", EntityType.ADDRESS))
                .isEmpty();
        assertThat(found("The Rue 5 bus was late.", EntityType.ADDRESS)).isEmpty();
    }

    @Test
    void detect_postBoxesMicrodistrictsAndTownAfterUnits_wholeAddress() {
        whole("Reply to ", "PO Box 245, Taraz 080000", " please.");
        whole("Ответ направить: ", "а/я 17, г. Павлодар, 140000", "");
        whole("Получатель: Сеитова А., ", "г. Шымкент, Абайский р-н, 160011", "");
        whole("lives alone at ", "Mikrorayon Aksai-4, bld 12, apt 30, Almaty", ". Son visits.");
        whole("He is staying at ", "Kunaev Zholy 18, apartment 7, Almaty", ". He left.");
        whole("The stall is at ", "Almaty, Raiymbek 221, pavilion 8, office 2", ".");
        assertThat(found("Итого: г. Алматы, 2024 год, 050040 обращений.", EntityType.ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_lowerCaseAddressesOfChats_wholeAddress() {
        whole("я у бабушки на ", "сейфуллина 112 кв 40", " приезжай вечером");
        whole("курьер везёт на ", "кабанбай батыра 61 подъезд 2 кв 18", " позвоните заранее");
        whole("общага на ", "абая 44а комната 305", " живу там");
        whole("подъезжаю к ", "орбита 3 дом 27", " открой шлагбаум");
        whole("точно ", "6 мкр 19 кв 3", " я там был");
        whole("airbnb on ", "abai ave 48 apt 12", " near the mall");
        whole("grandma lives at ", "tulebaev st 77 flat 9", " in almaty");
        whole("үйім ", "самал шағын ауданы 212 үй 17 пәтер", " үшінші қабат");
        whole("келіңдер ", "көктем 2 шағын ауданы 9 үй", " алдында күтемін");
        whole("мен ", "қаратал ауданы үштөбе қаласы абай көшесі 15", " тұрамын");
        whole("забери ключи у соседки на ", "тимирязева 56", " она дома");
        whole("мы теперь на ", "гоголя 84/17", " живем");
        whole("квартира на ", "таугуль 21-33", " сдается");
        assertThat(found("выплата по графику 1/12 до конца года", EntityType.ADDRESS))
                .isEmpty();
        assertThat(found("встречаемся на абая 2 часа", EntityType.ADDRESS)).isEmpty();
        assertThat(found("осталось на пушкина 5 минут", EntityType.ADDRESS)).isEmpty();
    }

    @Test
    void detect_numbersOfChatsThatAreNoAddress_noAddress() {
        for (String text : List.of(
                "площадь 45 кв м а цена 30 млн",
                "это было 5 кв 2 раза подряд",
                "в 5 комната 2 занята",
                "meeting room 12 flat rate applies",
                "купили 3 кв 2 года назад",
                "он 10 үй аралап шықты")) {
            assertThat(found(text, EntityType.ADDRESS)).as(text).isEmpty();
        }
    }

    @Test
    void detect_turkishAndCanadianAddresses_wholeAddress() {
        whole("Мекенжайым: ", "Atatürk Caddesi 118, Daire 4, Muratpaşa, Antalya", "");
        whole("she stays at ", "Moda Sokak No: 12 D: 3, Kadıköy, İstanbul", ", for now.");
        whole("Мен қазір ", "Cumhuriyet Mah. 1453 Sok. No: 8 D: 5, Kepez, Antalya, Türkiye", " тұрамын.");
        whole("I live in Canada now (", "88 Queen St E, Unit 1201, Toronto, ON M5C 1S6", ").");
        assertThat(found("Caddesi boyunca 118 metre yürüyün.", EntityType.ADDRESS))
                .isEmpty();
        assertThat(found("Adres: Atatürk Caddesi no ", EntityType.ADDRESS)).isEmpty(); // the text ends at "no "
    }

    @Test
    void detect_dachaPlots_address() {
        assertThat(found("әкем саяжайда тұрады: саяжай «Шұғыла», участок 31", EntityType.ADDRESS))
                .containsExactly("саяжай «Шұғыла», участок 31");
        assertThat(found("дача в СНТ «Строитель», уч. 118, Илийский район", EntityType.ADDRESS))
                .containsExactly("СНТ «Строитель», уч. 118, Илийский район");
    }

    @Test
    void detect_addressRightAfterADocumentNumber_addressKeptBesideIt() {
        // the document and the address side by side, each whole
        String text = "куәгер: паспорт 45 09 771204, Ақтөбе қ., Абай даңғылы, 12-үй, 7-пәтер тұратын";
        assertThat(found(text, EntityType.ID_DOCUMENT)).containsExactly("45 09 771204");
        assertThat(found(text, EntityType.ADDRESS)).containsExactly("Ақтөбе қ., Абай даңғылы, 12-үй, 7-пәтер");
    }

    @Test
    void detect_gardenSocietyPlot_wholeAddress() {
        assertThat(found("Талгар, садоводство «Жидебай», 3-я линия, участок 19", EntityType.ADDRESS))
                .containsExactly("Талгар, садоводство «Жидебай», 3-я линия, участок 19");
        assertThat(found("дача: СНТ «Мичуринец», ул. 4-я, участок 31", EntityType.ADDRESS))
                .containsExactly("СНТ «Мичуринец», ул. 4-я, участок 31");
        assertThat(found("садоводство в этом году дало урожай", EntityType.ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_microdistrictByItsNumberInEnglish_wholeAddress() {
        assertThat(found("Shymkent, 18 microdistrict, building 4, flat 61", EntityType.ADDRESS))
                .containsExactly("Shymkent, 18 microdistrict, building 4, flat 61");
        assertThat(found("the 18 microdistrict school won", EntityType.ADDRESS)).isEmpty();
    }

    @Test
    void detect_regionInTheGenitiveInsideAChain_wholeAddress() {
        whole("Проживаю в ", "селе Кызылжар Аулиекольского района Костанайской области, ул. Школьная, 14", ".");
        whole("адрес: ", "пос. Актас Абайского района Карагандинской области, ул. Мира, 2, кв. 5", "");
        assertThat(found("Совещание акимов Костанайской области прошло в среду.", EntityType.ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_englishVillageWithItsDistrictAndLatinKazakhMicrodistrict_wholeAddress() {
        whole("She lives in ", "Koktal village, Panfilov district", " with her son.");
        whole("Mekenjaiy: ", "Almaty, Alatau audany, Saryarqa shagynaudany, 12-ui", "");
        assertThat(found("The Shortandy district hospital opened in May.", EntityType.ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_streetWithoutItsWordBeforeAKazakhHouseNumber_wholeAddress() {
        whole("Ерасыл: ", "Жастар 24-үй, 9-пәтер, 2-подъезд", "");
        whole("Мен ", "Ұлытау облысы, Жезқазған, Гагарин 31-үй", " тұрамын");
        whole("сенің үйің ", "Жетісу ауданы, Құлагер 15 үй", " тоже без света");
        assertThat(found("Асан 5 үйді сатып алды", EntityType.ADDRESS)).isEmpty();
    }

    @Test
    void detect_houseAndFlatSaidInWordsInACall_wholeAddress() {
        whole("Заявитель: ", "Кокшетау, улица Абая тридцать четыре, квартира двенадцать", ".");
        whole("Абонент: ", "Семей, улица Шакарима, дом сорок два, квартира девять", ".");
        whole("Қоңырау шалушы: ", "Тараз, Төле би көшесі, он бесінші үй, жиырма екінші пәтер", ".");
        // one number word after a street is no house
        assertThat(found("Абай даңғылы бір апта жабық болады.", EntityType.ADDRESS))
                .isEmpty();
        assertThat(found("Улица Абая два дня была перекрыта.", EntityType.ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_villageNamedAloneWhereSomeoneLives_address() {
        whole("Анам ", "Көктерек ауылында", " тұрады.");
        whole("Я живу в ", "посёлке Карабулак", ", дороги нет.");
        whole("у нас в ", "Бесағаш ауылы", " тоже свет отключили");
        // a village where nobody is said to live, and an initial read as the abbreviation of "село"
        for (String text : List.of(
                "Ақсу ауылында жаңа мектеп ашылды.",
                "В селе Жалпаксай открыли новую школу.",
                "Речь идёт о А.С. Никитине, проживающем в Караганде.")) {
            assertThat(found(text, EntityType.ADDRESS)).as(text).isEmpty();
        }
    }

    @Test
    void detect_streetNamedAfterASalOrSeri_wholeAddressNoPerson() {
        whole("Тұрғын: ", "Көкшетау қ., Біржан сал көшесі, 102-үй", " тұрамын.");
        assertThat(found("Тұрғын: Көкшетау қ., Біржан сал көшесі, 102-үй тұрамын.", EntityType.PERSON))
                .isEmpty();
    }

    @Test
    void detect_houseNumberBeforeDomInAChat_wholeAddress() {
        whole("живёт вроде ", "Талдыкорган, 4 мкр, 22 дом", ". Пишите в личку");
        whole("фактически живёт ", "3 мкр, 17 дом, 2 подъезд, кв 56", "");
        assertThat(found("В 5 домах нет света, 12 домов без воды.", EntityType.ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_villageSomeoneMovedToOrWasBornIn_address() {
        whole("Отбасы былтыр ", "Жаңатұрмыс ауылына", " көшіп келген.");
        whole("Родилась в ", "селе Покровка", ", там и прожила всю жизнь.");
        assertThat(found("Жаңатұрмыс ауылына жаңа жол салынды.", EntityType.ADDRESS))
                .isEmpty();
    }

    @Test
    void detect_dormitoryAndItsRoom_address() {
        whole("Ербол: ", "общага КазНУ №7, комната 412", "");
        whole("Заселяем в ", "общежитие № 2, комната 305", ".");
        whole("| Нұрланова Ақмаржан | ", "Жатақхана № 5, 308", " | +7 707 441 26 90 |");
        assertThat(found("Общежитие на ремонте, комната отдыха закрыта.", EntityType.ADDRESS))
                .isEmpty();
    }
}
