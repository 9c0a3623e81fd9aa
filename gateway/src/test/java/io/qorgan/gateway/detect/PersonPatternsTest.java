package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15's name patterns and false alarms; every line is written for this test, every name made up. */
class PersonPatternsTest {

    private static final Detector DETECTOR = Detector.defaults();

    private static List<String> persons(String text) {
        List<String> values = new ArrayList<>();
        for (Finding f : DETECTOR.detect(text.replace("\\n", "\n"))) {
            if (f.type() == EntityType.PERSON) {
                values.add(text.replace("\\n", "\n").substring(f.start(), f.end()));
            }
        }
        return values;
    }

    @Test
    void detect_statementOpeningWithAuthorsName_found() {
        assertThat(persons("To the Akimat. I, Tendai Moyo, resident of Almaty, request a permit."))
                .containsExactly("Tendai Moyo");
        assertThat(persons("I, Kofi Mensah, confirm the statement above.")).containsExactly("Kofi Mensah");
        assertThat(persons("I, too, think the deadline is tight.")).isEmpty();
    }

    @Test
    void detect_englishFirstNamesTheWordListKnowsOnlyAsProperNouns_found() {
        // wamerican lists almost every English first name as a proper noun: only places, peoples and cars stay words
        assertThat(persons("Please call Karina at +7 747 290 31 56 or bring him to the office."))
                .containsExactly("Karina");
        assertThat(persons("Ask Marcus whether the router was reset.")).containsExactly("Marcus");
        assertThat(persons("Thomas Keller, German national, passport C4J7R2X91"))
                .containsExactly("Thomas Keller");
        assertThat(persons("Nationality: German\nCountry of issue: Georgia")).isEmpty();
        assertThat(persons("белая Lada Vesta стояла у подъезда")).isEmpty();
    }

    @Test
    void detect_speakerAfterATimeWithSeconds_found() {
        assertThat(persons("[09:12:00] Маман: нөміріңіз?\n[09:12:05] Байғожа: жаңасын алмадым"))
                .containsExactly("Байғожа");
        assertThat(persons("00:00:20 Маман: кодтық сөз?\n00:00:24 Ұлдана: айтайын"))
                .containsExactly("Ұлдана");
        // a role with the Kazakh possessive is no name
        assertThat(persons("[17:20:44] Операторы: ЖСН айтыңыз\n[17:20:48] Маманы: рахмет"))
                .isEmpty();
    }

    @Test
    void detect_unlistedKazakhNameSpeakingInACall_found() {
        assertThat(persons("Оператор: Ваш адрес?\nТоксанбай: Жезказган\nОператор: Дата рождения?"))
                .containsExactly("Токсанбай");
        // a role no list holds, and a name-shaped word where no other speaker is
        assertThat(persons("Оператор: Аты-жөніңіз?\nТұрғын: жоқ")).isEmpty();
        assertThat(persons("Токсанбай: ауданы бойынша есеп")).isEmpty();
    }

    @Test
    void detect_namesOfKazakhstansGermansAndOtherPeoples_theWholeName() {
        assertThat(persons("Вальдемар Шульц приедет в понедельник")).containsExactly("Вальдемар Шульц");
        assertThat(persons("данные для оформления визы на Шульца Вальдемара: паспорт"))
                .containsExactly("Шульца Вальдемара");
        assertThat(persons("Гергардт Эрвин Генрихович")).containsExactly("Гергардт Эрвин Генрихович");
        // a surname alone is a name only with further evidence
        assertThat(persons("Улица Шульца закрыта на ремонт")).isEmpty();
    }

    @Test
    void detect_russianDiminutiveChikAfterAListedName_found() {
        assertThat(persons("Расшифровка: «Артурчик, пароль от ноутбука у меня»"))
                .containsExactly("Артурчик");
        assertThat(persons("Аружанчик: апа, қашан келесің?")).containsExactly("Аружанчик");
        assertThat(persons("Купил новый стульчик, мальчик рад")).isEmpty();
    }

    @Test
    void detect_nameAfterACutShortKinVocative_found() {
        assertThat(persons("иә, +7 747 318 05 62 тёть Роза")).containsExactly("Роза");
        assertThat(persons("тёть, роза расцвела")).isEmpty();
    }

    @Test
    void detect_kazakhCallerNamingThemselfAfterBul_found() {
        assertThat(persons("Ерсайын, бұл Қалиман ғой. нөмірімді жазып ал")).containsExactly("Ерсайын", "Қалиман");
        assertThat(persons("Достар, бұл Алматы ғой, бәрі қымбат")).isEmpty();
    }

    @Test
    void detect_registerSurnameCommaGivenName_oneName() {
        assertThat(persons("09:40 IN  BROWN, Emily  GBR  passport 553019274")).containsExactly("BROWN, Emily");
        assertThat(persons("10:02 OUT PETROV, Ivan  RUS")).containsExactly("PETROV, Ivan");
    }

    @Test
    void detect_firstNameAndSurnameBeforeAnOrganisationWord_stillAPerson() {
        assertThat(persons("Оформите на мужа Дмитрия Ткаченко банк не возражает"))
                .containsExactly("Дмитрия Ткаченко");
        assertThat(persons("Сегодня Халык Банк объявил о новой ставке")).isEmpty();
    }

    @Test
    void detect_lowerCaseChatNameWithItsSurname_oneName() {
        assertThat(persons("user: aigerim nurlanova")).containsExactly("aigerim nurlanova");
        assertThat(persons("user: aigerim please wait")).containsExactly("aigerim");
    }

    @Test
    void detect_countryNamesInTheirCases_notPersons() {
        assertThat(persons("паспорт гражданина Беларуси и вид на жительство")).isEmpty();
        assertThat(persons("Азаматтығы: Тәжікстан. Туған жері: Үндістан")).isEmpty();
        assertThat(persons("Шетел азаматтары Қазақстанда тіркелуі тиіс, Ресейге шыққанда да"))
                .isEmpty();
        assertThat(persons("Азаматтығы: Корея Республикасы")).isEmpty();
        assertThat(persons("гражданина Кыргызской Республики, прибывшего из Турции"))
                .isEmpty();
    }

    @Test
    void detect_citizenCueThroughCountry_nameFound() {
        assertThat(persons("задержан гражданин Пакистана Хан Имран без регистрации"))
                .containsExactly("Хан Имран");
        assertThat(persons("Выявлена гражданка Индии Патель Прия, срок пребывания истёк"))
                .containsExactly("Патель Прия");
        assertThat(persons("Иностранец: Okafor Chinedu (Nigeria)")).containsExactly("Okafor Chinedu");
        assertThat(persons("Наниматель: Вебер Томас, гражданин ФРГ")).containsExactly("Вебер Томас");
    }

    @Test
    void detect_russianFullNamesInEveryCase_oneFindingWithEveryWord() {
        assertThat(persons("Письмо получено от Смирновой Татьяны Олеговны вчера."))
                .containsExactly("Смирновой Татьяны Олеговны");
        assertThat(persons("Встреча с Кузнецовым Павлом Сергеевичем перенесена."))
                .containsExactly("Кузнецовым Павлом Сергеевичем");
        assertThat(persons("Выдать справку Бондаренко Наталье Игоревне."))
                .containsExactly("Бондаренко Наталье Игоревне");
        assertThat(persons("Справка выдана Юсуповой Дилнозе Бахтиёровне."))
                .containsExactly("Юсуповой Дилнозе Бахтиёровне");
        assertThat(persons("СОКОЛОВ АНДРЕЙ ПЕТРОВИЧ явился в суд.")).containsExactly("СОКОЛОВ АНДРЕЙ ПЕТРОВИЧ");
    }

    @Test
    void detect_koreanAndIndeclinableSurnamesWithInitials_found() {
        assertThat(persons("Подписано: Цой А.Н., главный специалист.")).containsExactly("Цой А.Н.");
        assertThat(persons("Согласовано с А.Н. Цой.")).containsExactly("А.Н. Цой");
        assertThat(persons("Документы передать Ли Марине Викторовне до пятницы."))
                .containsExactly("Ли Марине Викторовне");
        assertThat(persons("Дело Пак Сергея Эдуардовича передано в суд.")).containsExactly("Пак Сергея Эдуардовича");
        assertThat(persons("Договор с Ковальчуком Н.А. расторгнут.")).containsExactly("Ковальчуком Н.А.");
    }

    @Test
    void detect_kazakhNamesWithCaseEndings_onePersonEach() {
        assertThat(persons("Ерланға Мәдина Асқарқызының өтінішін жеткізіңіз."))
                .containsExactly("Ерланға", "Мәдина Асқарқызының");
        assertThat(persons("Бұйрық Серікұлынан қабылданды.")).containsExactly("Серікұлынан");
    }

    @Test
    void detect_loneFirstNamesWhereContextSaysPerson_found() {
        assertThat(persons("Hi Dana, the scan is attached.")).containsExactly("Dana");
        assertThat(persons("Сәлем, Дәурен! Құжаттар дайын.")).containsExactly("Дәурен");
        assertThat(persons("Рахмет,\\nАсель")).containsExactly("Асель");
        assertThat(persons("Договорились.\\n— Timur")).containsExactly("Timur");
        assertThat(persons("Состав семьи: жена Айсұлу (ИИН 900515301234), сын Алихан."))
                .containsExactly("Айсұлу", "Алихан");
        assertThat(persons("ИИН 900515301234 Самат — запрос выполнен")).containsExactly("Самат");
        assertThat(persons("Ms. Kim will attend the hearing.")).containsExactly("Kim");
        assertThat(persons("Құрметті Серік мырза, Сіздің хатыңыз алынды.")).containsExactly("Серік");
    }

    @Test
    void detect_unknownSurnameStartingTheSentenceBeforeANameOrInitials_partOfTheName() {
        assertThat(persons("Шмидт Андрей Викторович, ведущий специалист.")).containsExactly("Шмидт Андрей Викторович");
        assertThat(persons("Гофман Е.А. подписал приказ.")).containsExactly("Гофман Е.А.");
        assertThat(persons("Отчёт сдан.\nВебер Ольга Петровна, бухгалтер")).containsExactly("Вебер Ольга Петровна");
        // a verb or an adjective starting the sentence stays out
        assertThat(persons("Назначить Анну Викторовну Зайцеву старшим инспектором."))
                .containsExactly("Анну Викторовну Зайцеву");
        assertThat(persons("Уважаемый Бекболат Серикович!")).containsExactly("Бекболат Серикович");
    }

    @Test
    void detect_titleAbbreviationWithADot_doesNotEndTheSentence() {
        assertThat(persons("Dr. Priya Sharma will call you.")).containsExactly("Priya Sharma");
        assertThat(persons("Prof. Ahmed Khan is in copy.")).containsExactly("Ahmed Khan");
    }

    @Test
    void detect_namesOfTheLongLists_foundAndListedSurnamesOnlyWithAName() {
        assertThat(persons("Meeting with Kristoffer and Tyrese tomorrow.")).containsExactly("Kristoffer", "Tyrese");
        assertThat(persons("Daniel Hoffmann arrives on Monday.")).containsExactly("Daniel Hoffmann");
        assertThat(persons("Заявление подала Олеся Шевчук.")).containsExactly("Олеся Шевчук");
        // a word the short lists know keeps their flags: "Ким" stays a surname, though also a Russian first name
        assertThat(persons("Договор подписан с гражданином Ким Виктором Александровичем."))
                .containsExactly("Ким Виктором Александровичем");
        // a listed surname alone, with no first name, initials or cue, is not enough
        assertThat(persons("The Hoffmann report is attached.")).isEmpty();
    }

    @Test
    void detect_chatSpeakersKinInBracketsClosingsAndTitles_found() {
        assertThat(persons("[10:02] Шолпан: привет!\n[10:03] Ержан: ок")).containsExactly("Шолпан", "Ержан");
        assertThat(persons("Арман: документы готовы?\nДинара: да")).containsExactly("Арман", "Динара");
        assertThat(persons("Отбасы мүшелері: Гүлнар (жұбайы), Азамат (ұлы).")).containsExactly("Гүлнар", "Азамат");
        assertThat(persons("Проверьте учётку, пожалуйста. Спасибо, Tigran")).containsExactly("Tigran");
        assertThat(persons("— Зарнигор, привет! Адрес қандай?")).containsExactly("Зарнигор");
        assertThat(persons("Прошу согласовать командировку г-на Сидоренко в г. Костанай."))
                .containsExactly("Сидоренко");
        assertThat(persons("Мистер Ostrovskii прилетает завтра.")).containsExactly("Ostrovskii");
        assertThat(persons("Contact person: Levan Gelashvili, tel. 123")).containsExactly("Levan Gelashvili");
    }

    @Test
    void detect_namesWithAFleetingVowel_foundInEveryCase() {
        assertThat(persons("Провести беседу с Белых Павлом.")).containsExactly("Белых Павлом");
        assertThat(persons("Поручить Луговому Павлу подготовить письмо.")).containsExactly("Луговому Павлу");
        assertThat(persons("Встреча с Толстым Львом Николаевичем.")).containsExactly("Толстым Львом Николаевичем");
    }

    @Test
    void detect_masculineNamesInAAndYa_agreeWithSurnameAndPatronymic() {
        assertThat(persons("Беседа проведена с Лаврентьевым Ильёй Борисовичем в присутствии понятых."))
                .containsExactly("Лаврентьевым Ильёй Борисовичем");
        assertThat(persons("Встреча с Никитой Сергеевичем Хрущёвым.")).containsExactly("Никитой Сергеевичем Хрущёвым");
    }

    @Test
    void detect_patronymicAsASeparateWord_oneFindingWithIt() {
        assertThat(persons("Признать Рахимова Жасура Бахтиёр угли виновным."))
                .containsExactly("Рахимова Жасура Бахтиёр угли");
        assertThat(persons("Свидетель Мамедов Эльчин Ильхам оглы дал показания."))
                .containsExactly("Мамедов Эльчин Ильхам оглы");
        assertThat(persons("Принять Алиеву Севинч Рустам кизи на должность."))
                .containsExactly("Алиеву Севинч Рустам кизи");
    }

    @Test
    void detect_hyphenatedFirstNames_oneFinding() {
        assertThat(persons("Уволить Анну-Марию Штейн по собственному желанию.")).containsExactly("Анну-Марию Штейн");
        assertThat(persons("Я живу в Нур-Султане, а брат в Усть-Каменогорске.")).isEmpty();
    }

    @Test
    void detect_nameColumnsAndKeys_cellsFoundButNotProducts() {
        assertThat(persons("id,name,city\n17,Wei Zhang,Almaty\n18,Maria Gonzalez,Astana"))
                .containsExactly("Wei Zhang", "Maria Gonzalez");
        assertThat(persons("Фамилия;Имя;Отчество\nБайжанов;Ерлан;Маратович"))
                .containsExactly("Байжанов", "Ерлан", "Маратович");
        assertThat(persons("{\"full_name\": \"Liu Wei\", \"product\": \"Paper\"}"))
                .containsExactly("Liu Wei");
        assertThat(persons("name,price\nPaper A4,1200\nStapler,500")).isEmpty();
        assertThat(persons("| Name | Qty |\n|---|---|\n| Printer | 2 |")).isEmpty();
        assertThat(persons("{\"name\": \"Kaspi Bank\"}")).isEmpty();
    }

    @Test
    void detect_recipientAndCustomerColumns_namesOfTwoWordsFound() {
        assertThat(persons(
                        "№;получатель;телефон\n3;Стельмах Зульфия;+7 708 118 90 23\n4;ТОО Алтын Дала;+7 708 118 90 24"))
                .containsExactly("Стельмах Зульфия");
        assertThat(persons("{\"customer\": \"Oyelaran Tunde\", \"client\": \"Kaspi\"}"))
                .containsExactly("Oyelaran Tunde");
        assertThat(persons("| Клиент | Сумма |\n|---|---|\n| Халык | 500 |")).isEmpty();
    }

    @Test
    void detect_tenantGuestAndPassengerColumnsAndFioKey_namesOfTwoWordsFound() {
        assertThat(persons("| Tenant | Flat |\n|---|---|\n| Tariq Haddad | 12 |\n| Vacant | 3 |"))
                .containsExactly("Tariq Haddad");
        assertThat(persons("Гость;Номер;Ночей\nЛукас Беккер;214;3")).containsExactly("Лукас Беккер");
        assertThat(persons("{\"id\": 7, \"fio\": \"Мкртчян Арам\", \"phone\": \"\"}"))
                .containsExactly("Мкртчян Арам");
        assertThat(persons("| Passenger | Seat |\n|---|---|\n| Infant | 14C |")).isEmpty();
    }

    @Test
    void detect_capitalisedOrdinaryWordsAndPlaces_noPerson() {
        for (String text : List.of(
                "Трудовой договор расторгнут.",
                "Юридический адрес ТОО уточняется.",
                "Жамбылская обл. перевыполнила план.",
                "Западно-Казахстанская область отчиталась.",
                "Жұлдыз аспанда жарқырайды.",
                "Бақыт — ең үлкен байлық.",
                "Почтовый адрес не указан.",
                "| Должность | Примечание |",
                "Мемлекеттік қызмет көрсету стандарты бекітілді.",
                "Служебная записка о командировке.",
                "Расчётный счёт закрыт.",
                "Жамбыл ақын көшесіндегі саябақ ашылды.",
                "The Abai Opera House opens on Friday.",
                "Қате: ЖСН-інің бақылау разряды сәйкес келмейді.",
                "Ескерту: Салтанатты жиналыс сағат 10:00-де басталады.",
                "Наурыз мейрамы құтты болсын! Бақытты болыңыздар.",
                "Құрметті әріптестер!\nЖиналыс ауыстырылды.\n\nҚұрметпен,\nҰйымдастыру бөлімі",
                "Улица Абая одна из самых длинных в городе.",
                "Улица Кенесары хана будет перекрыта до пятницы.",
                "Назарбаев Университет и Satpayev University подписали меморандум.",
                "В ЦОНе на Жибек Жолы очередь.",
                "Пароль от Wi-Fi: Bilim_2024",
                "{\"bin\": \"051041075945\", \"name\": \"TOO Altyn Dala Trans\"}",
                "паспорт гражданина Узбекистана AA1234567",
                "БҰЙРЫҚ\nБҰЙЫРАМЫН:\n1. Жиналыс өткізілсін.",
                "Dear Sir or Madam,\nplease find the form attached.\n\nBest Regards,\nCustomer Support",
                "VIN WVWZZZ1JZXW000001 указан в свидетельстве.",
                "— Көрдім.\n— Ок, рахмет!\n— Түсіндім. Ертең айтамын\n— Давай, жду.",
                "Тұрғын үй кезегіне қою туралы өтініш",
                "Алмас — ең қатты минерал.",
                "Гражданка Кыргызской Республики прибыла.",
                "В РАЙОННЫЙ СУД Г. УСТЬ-КАМЕНОГОРСК",
                "Объезд — по проспекту Назарбаева.",
                "Тема: отчёт\nКому: отдел кадров\nСтатус: готово")) {
            assertThat(persons(text)).as(text).isEmpty();
        }
    }

    @Test
    void detect_loneStreetNameAfterNaOrDo_noPersonButNamesStayNames() {
        assertThat(persons("Сегодня в ЦОНе на Сейфуллина огромная очередь.")).isEmpty();
        assertThat(persons("Доехал до Жандосова за десять минут, потом на Абая."))
                .isEmpty();
        assertThat(persons("Справку выдали на Сейфуллина Марата Кайратовича."))
                .containsExactly("Сейфуллина Марата Кайратовича");
        assertThat(persons("Жалоба на Сейфуллина А.К. принята.")).containsExactly("Сейфуллина А.К.");
    }

    @Test
    void detect_lowerCaseNameOpeningAChatLine_found() {
        assertThat(persons("бекзат ертең келесің бе?\nиә")).containsExactly("бекзат");
        assertThat(persons("все готово\nок асхат, завтра отдам")).containsExactly("асхат");
        assertThat(persons("hey nina can you send the file")).containsExactly("nina");
        assertThat(persons("дана инструкция по входу\nвера в успех\nwill you send it?"))
                .isEmpty();
    }

    @Test
    void detect_firstNameCutShortToAddressSomeone_found() {
        assertThat(persons("Дим, скинь пароль от бухгалтерии")).containsExactly("Дим");
        assertThat(persons("Тань, перекинь мне 5к")).containsExactly("Тань");
        assertThat(persons("лёш только никому")).containsExactly("лёш");
        assertThat(persons("Вот, держи ссылку. Мам, привет")).isEmpty();
    }

    @Test
    void detect_chatIntroductionEndingTheText_nameFoundWithoutFailing() {
        assertThat(persons("кто менял пароль?\nэто я, тимур.")).containsExactly("тимур");
        assertThat(persons("кто менял пароль?\nэто я, тимур")).containsExactly("тимур");
        assertThat(persons("ок Дим")).isEmpty();
        assertThat(persons("ок")).isEmpty();
    }

    @Test
    void detect_shortFormsAndDiminutivesOfFirstNames_foundButNotTheWordsTheyShape() {
        assertThat(persons("гоша ключи оставил у охраны")).containsExactly("гоша");
        assertThat(persons("Ленка, перезвони как сможешь")).containsExactly("Ленка");
        assertThat(persons("Со слов соседей, ключи у Вовчика Ахметова.")).containsExactly("Вовчика Ахметова");
        assertThat(persons("Жәке, құжаттарды ертең әкеліңізші")).containsExactly("Жәке");
        assertThat(persons("Hi Tom, the form is attached.")).containsExactly("Tom");
        for (String text : List.of(
                "Жеке куәлік ертең дайын болады.",
                "Света нет с утра, ждём электриков.",
                "Мишка на подоконнике.",
                "Тема: пропуск на парковку")) {
            assertThat(persons(text)).as(text).isEmpty();
        }
    }

    @Test
    void detect_lowerCaseNameInsideAChatLineWithACueOrAKazakhCase_foundButNotOrdinaryWords() {
        assertThat(persons("скажи саше чтоб паспорт взял")).containsExactly("саше");
        assertThat(persons("я к ленке переехала уже месяц как")).containsExactly("ленке");
        assertThat(persons("осы командамен көтердім, бекзатқа айт")).containsExactly("бекзатқа");
        assertThat(persons("мәдинаға ақша жібердім картаға")).containsExactly("мәдинаға");
        assertThat(persons("и скажи что жанна завтра не придёт")).containsExactly("жанна");
        assertThat(persons("lol kevin just pushed his key")).containsExactly("kevin");
        for (String text : List.of(
                "мақсатқа жету үшін көп оқу керек",
                "у меня весь мир рухнул",
                "к маю всё будет готово",
                "надежда умирает последней, скажи",
                "жұлдызға қарап отырмын",
                "бақытқа жету оңай емес",
                "скажи роза или тюльпан",
                "у льва грива больше",
                "пароль kotik_na_kryshe77 если что",
                "ask admin to rotate it",
                "ертең құжат алуға барамын",
                "ол кеше үйге оралды",
                "бір адамға айт, басқаға емес")) {
            assertThat(persons(text)).as(text).isEmpty();
        }
    }

    @Test
    void detect_lowerCaseNameThatIsAWordToldSomethingOrOwningData_found() {
        assertThat(persons("онда сәулеге айтшы ертең кешігемін")).containsExactly("сәулеге");
        assertThat(persons("ақбөпеге де айт кездесу ауысты")).containsExactly("ақбөпеге");
        assertThat(persons("бүгін арманға құжатты жібер")).containsExactly("арманға");
        assertThat(persons("қыздар айгүлдің мекенжайы кімде бар")).containsExactly("айгүлдің");
        assertThat(persons("бақыттың телефоны өшіп тұр")).containsExactly("бақыттың");
        assertThat(persons("слушай, а ЖСН ерлана у кого есть?")).containsExactly("ерлана");
        // the same words as a goal, a purpose or an owner of no personal data stay words
        for (String text : List.of(
                "сәулеге қарап тұрмын",
                "бақыттың кілті еңбекте",
                "мейрамға дайындалып жатырмыз",
                "тойға айт бәрін шақырсын",
                "адамға айт, басқаға емес")) {
            assertThat(persons(text)).as(text).isEmpty();
        }
    }

    @Test
    void detect_foreignNameNoListKnowsBeforeItsPassportCountryOrBirth_found() {
        assertThat(persons("Туристер: Мин Чжун, паспорт EK 1234567.")).containsExactly("Мин Чжун");
        assertThat(persons("Зарубежный гость Ханс Мюллер, Германия, паспорт C4J7X1K2."))
                .containsExactly("Ханс Мюллер");
        assertThat(persons("Employee: Kofi Boateng, Ghanaian passport G4410921."))
                .containsExactly("Kofi Boateng");
        assertThat(persons("Case file: Omar Haddad, born 3 March 1979, arrived by train."))
                .containsExactly("Omar Haddad");
        assertThat(persons("Тізімде: Лин Мэй — Қытай азаматы, 1990 жылы туған."))
                .containsExactly("Лин Мэй");
        // an office, a product or a country before the same words, and a passport word with no number after it
        for (String text : List.of(
                "Public Service Center, паспорт береді.",
                "Migration Service, passport desk is on the second floor.",
                "Daily Report, born digital.",
                "New Zealand, passport holders need no visa.",
                "South Korea, citizens can enter visa-free.",
                "Kaspi Bank, Kazakhstan citizens only.")) {
            assertThat(persons(text)).as(text).isEmpty();
        }
    }

    @Test
    void detect_lowerCaseSpeakerWhoseNameIsAWordBesideAnotherSpeaker_found() {
        assertThat(persons("сәуле: ертең жиналыс бар ма?\nарман: иә, сағат 10-да"))
                .containsExactly("сәуле", "арман");
        assertThat(persons("бақыт: кім келеді?\nмарат: мен")).containsExactly("бақыт", "марат");
        // one line opened by a word: no chat of speakers
        assertThat(persons("бақыт: ең үлкен байлық")).isEmpty();
        assertThat(persons("итого: 5 заявок\nвера: в лучшее")).isEmpty();
    }

    @Test
    void detect_streetsNamedWhereTheyCross_notPersons() {
        for (String text : List.of(
                "Қоңырау шалушы: Сәтбаев пен Желтоқсан қиылысында жол апаты болды.",
                "мен Абай мен Сейфуллин қиылысындамын, пробка страшная",
                "Ямы на пересечении улиц Абая и Жарокова не ремонтируют.",
                "Төле би мен Байзақов бұрышында жаңа кофейня ашылды.")) {
            assertThat(persons(text)).as(text).isEmpty();
        }
        // a person standing at a corner is still one
        assertThat(persons("На углу стоял Ерлан Серікұлы.")).containsExactly("Ерлан Серікұлы");
    }

    @Test
    void detect_firstNameWithTheKazakhEndearmentJan_found() {
        assertThat(persons("мадина: рахмет Гаухаржан 💐")).contains("Гаухаржан");
        assertThat(persons("Саулежан, привет! Документы готовы.")).containsExactly("Саулежан");
        assertThat(persons("Азербайжан делегациясы келді.")).isEmpty();
    }

    @Test
    void detect_lowerCaseNameAfterARussianKinWordOrGreetingInAChat_found() {
        assertThat(persons("[голосовое, 0:12] алё петя это дядя миша, перезвони"))
                .containsExactly("петя", "миша");
        assertThat(persons("скажи тёте гале что я приеду")).containsExactly("гале");
        assertThat(persons("короче привет саша как дела")).containsExactly("саша");
        assertThat(persons("баба яга против")).isEmpty();
    }

    @Test
    void detect_laterMentionOfAWeakSurnameBesideAFirstName_found() {
        assertThat(persons("Жүргізушісі Құрманғазин Дәулет ауыстырылсын. Құрманғазинге жаңа куәлік берілді."))
                .containsExactly("Құрманғазин Дәулет", "Құрманғазинге");
        // a weak surname's shape alone, with no first name found beside it, is not followed
        assertThat(persons("Құрманғазин көшесі жабық. Құрманғазинге бұрылыңыз."))
                .isEmpty();
    }

    @Test
    void detect_firstNameThatIsAlsoAWordUsedAsAName_found() {
        assertThat(persons("Мужчина по имени Хасан передал конверт.")).containsExactly("Хасан");
        assertThat(persons("also tried with Kemal's token, same thing")).containsExactly("Kemal");
        assertThat(persons("quick heads-up: Grace's laptop was stolen")).containsExactly("Grace");
        assertThat(persons("логировать пароль нельзя, Марат, убери это")).containsExactly("Марат");
        assertThat(persons("the new password works — ask Arman if you cant login"))
                .containsExactly("Arman");
        assertThat(persons("Rotate it please.\nCheers, Kate")).containsExactly("Kate");
        for (String text : List.of(
                "The report is due by May 2025.",
                "Филиалы: Алматы, Астана, Шымкент, Атырау.",
                "Улица имени Абая перекрыта.",
                "Lunch at McDonald's today.")) {
            assertThat(persons(text)).as(text).isEmpty();
        }
    }

    @Test
    void detect_arabicFamilyNameWithItsArticleBesideAFirstName_foundButNotAlone() {
        assertThat(persons("The complainant, Ahmed Al-Rashid, states that")).containsExactly("Ahmed Al-Rashid");
        assertThat(persons("Заявитель Омар Аль-Харби прибыл.")).containsExactly("Омар Аль-Харби");
        for (String text : List.of(
                "Al-Farabi Kazakh National University",
                "Встреча у Аль-Фараби в 10.",
                "She lives on Al-Farabi 77/8, Almaty")) {
            assertThat(persons(text)).as(text).isEmpty();
        }
    }

    @Test
    void detect_europeanSurnameEndingsBesideAFirstNameThatIsAlsoAWord_found() {
        assertThat(persons("Arrivals this week: Lars Nilsson (passport AA7741920, Sweden)."))
                .containsExactly("Lars Nilsson");
        assertThat(persons("The contractor's details: Marco Bianchi, Italian passport."))
                .containsExactly("Marco Bianchi");
        assertThat(persons("Bianchi bikes are light and cheap.")).isEmpty();
    }

    @Test
    void detect_eastAsianSurnamesBeforeOrAfterAGivenName_found() {
        assertThat(persons("Контактное лицо работодателя: Чжан Минь, тел. нет."))
                .contains("Чжан Минь");
        assertThat(persons("Chargeback request from cardholder Nguyen Van Minh: card blocked."))
                .singleElement()
                .satisfies(name -> assertThat(name).startsWith("Nguyen Van"));
        assertThat(persons("Referral: Grace Liu, DOB unknown.")).containsExactly("Grace Liu");
        assertThat(persons("У нас сегодня опять нет света.")).isEmpty();
    }

    @Test
    void detect_lowerCaseNameMentionedAskedOrAfterADateOpeningTheLine_found() {
        assertThat(persons("pgp key pasted in #general, nuke it\n@tomasz was it yours?"))
                .containsExactly("tomasz");
        assertThat(persons("also the db password is in clear. hamid can you fix"))
                .containsExactly("hamid");
        assertThat(persons("12 августа 2009, в алматы. папе вите привет")).containsExactly("вите");
        assertThat(persons("write to admin@mail.kz and cc ops")).isEmpty();
    }

    @Test
    void detect_placeBeforeADistrictOrAfterStreetsInThePlural_noPerson() {
        assertThat(persons("Mrs. Tokhtarova moved from Zhetysu district, Kulager microdistrict 12"))
                .containsExactly("Tokhtarova");
        assertThat(persons("Дом стоит между улицами Саина и Абая.")).doesNotContain("Саина");
    }

    @Test
    void detect_moreShortFormsAndChatOpeners_foundButNotABotsToken() {
        assertThat(persons("ей бекжан ақботаға хабарлас")).contains("бекжан");
        assertThat(persons("танюх ты где? мы у подъезда")).containsExactly("танюх");
        assertThat(persons("Реестр, который Бауке скинул, в папке.")).containsExactly("Бауке");
        assertThat(persons("Сбросьте токен бота и перезапустите.")).isEmpty();
    }

    @Test
    void detect_userAndAtyKeysAndASignatureOnTheLastLine_found() {
        assertThat(persons("{\"user\": \"Carlos Mendes\", \"card\": \"masked\"}"))
                .containsExactly("Carlos Mendes");
        assertThat(persons("{\"user\": \"Admin\", \"role\": \"ops\"}")).isEmpty();
        assertThat(persons("{\"тегі\": \"Мұқанов\", \"аты\": \"Арман\"}")).containsExactly("Мұқанов", "Арман");
        // a first name that is a word too ("grace") is a signature on the last line only
        assertThat(persons("Delete this mail after you log in.\nGrace")).containsExactly("Grace");
        assertThat(persons("Grace\nDelete this mail after you log in.")).isEmpty();
    }

    @Test
    void detect_nameAfterANeighbourFriendOrInLaw_found() {
        assertThat(persons("Соседка Вера приносит продукты.")).containsExactly("Вера");
        assertThat(persons("Дверь откроет сноха Света, её номер ниже.")).containsExactly("Света");
        assertThat(persons("Көршім Бақыт деген кісі түнде музыка қосады.")).containsExactly("Бақыт");
        assertThat(persons("находился у друга Бекена до вечера")).containsExactly("Бекена");
        assertThat(persons("Соседка сверху опять затопила.")).isEmpty();
    }

    @Test
    void detect_airlineSurnameSlashGivenNames_oneFinding() {
        assertThat(persons("Пассажир ПЕТРОВА/ОЛЬГА, место 12A, багаж 1PC.")).containsExactly("ПЕТРОВА/ОЛЬГА");
        assertThat(persons("PNR Q2WX7L: SAPAROVA/DANA MS — passport N11223344")).containsExactly("SAPAROVA/DANA");
        assertThat(persons("APIS: NAME MENSAH/KWAME KOFI; DOC TYPE P")).containsExactly("MENSAH/KWAME KOFI");
    }

    @Test
    void detect_patronymicWordWrittenApart_oneFinding() {
        assertThat(persons("Second guest Bakyt uulu Nurlan, Kyrgyz passport.")).containsExactly("Bakyt uulu Nurlan");
        assertThat(persons("Бүгін Нурлан уулу Эрлан кешке келді.")).containsExactly("Нурлан уулу Эрлан");
    }

    @Test
    void detect_answerAfterSpeakerAndCsvHeaderCell_noName() {
        assertThat(persons("Оператор: Телефоныңыз 8 701 000 11 22 ме?\nАзамат: Иә."))
                .isEmpty();
        assertThat(persons("Оператор: Аты-жөніңіз?\nАзамат: Сейітов Арман.")).containsExactly("Сейітов Арман");
        assertThat(persons("Аты-жөні,Құжат,Нөмірі\n\"Сейітов Арман\",\"жеке куәлік\",\"1\""))
                .containsExactly("Сейітов Арман");
    }

    @Test
    void detect_transliteratedNameKeysAndDiplomaticTitles_found() {
        assertThat(persons("{\"familiya\": \"Omarova\", \"imya\": \"Zhanel\"}")).contains("Zhanel");
        assertThat(persons("attaché Sven Dahl, diplomatic passport")).containsExactly("Sven Dahl");
    }

    @Test
    void detect_callerIntroducingThemself_nameFound() {
        assertThat(persons("Thank you for calling, this is Grace speaking.")).containsExactly("Grace");
        assertThat(persons("Добрый день. Это Марат из ЖКХ, по квартире вопрос решили."))
                .containsExactly("Марат");
        assertThat(persons("Это Москва из окна поезда.")).isEmpty();
    }

    @Test
    void detect_lowerCaseNameBeforeKinWord_found() {
        assertThat(persons("анам айтты дана апайдың үйіне барасың ба")).containsExactly("дана");
        assertThat(persons("мирас ағай роутердің паролі не еді")).containsExactly("мирас");
        assertThat(persons("мен апамның үйіне бардым, алма ағашы бар, мирас апарды"))
                .isEmpty();
    }

    @Test
    void detect_quotedNameAfterAWordOfNaming_found() {
        assertThat(persons("Деньги он отдал некоему «Руслану», который назвался риелтором."))
                .containsExactly("Руслану");
        assertThat(persons("Ол өзін «Ерлан» деп таныстырды.")).containsExactly("Ерлан");
        assertThat(persons("Вход выполнен под пользователем «Котова Н.» ночью."))
                .containsExactly("Котова Н.");
        assertThat(persons("Кафе «Арман» деп аталады, ТОО «Айгерим» закрыто.")).isEmpty();
        assertThat(persons("Приехали в магазин «Самал» на углу.")).isEmpty();
    }

    @Test
    void detect_chatNamesByThanksImperativeIntroductionOrAtynda_found() {
        assertThat(persons("құпия сөз осы\nрахмет дана")).containsExactly("дана");
        assertThat(persons("спасибо большое")).isEmpty();
        assertThat(persons("Ксюш глянь почту, там счёт")).containsExactly("Ксюш");
        assertThat(persons("Возьми скинь")).isEmpty();
        assertThat(persons("hi, its Maria from accounting")).containsExactly("Maria");
        assertThat(persons("but its Paris from above that looks best")).isEmpty();
        assertThat(persons("шот нөмірі осы, айгерім атында тұр")).containsExactly("айгерім");
    }

    @Test
    void detect_nameBeforeAPlaceWordOrKinHyphenOrBin_nameKept() {
        assertThat(persons("Зейнеткер Сәрсенбаев Ғалымжан Жамбыл облысы, Тараз қаласында тұрады."))
                .containsExactly("Сәрсенбаев Ғалымжан");
        assertThat(persons("бүгін Нұрлана-аға келеді")).containsExactly("Нұрлана");
        assertThat(persons("Алма-Ата, Алма-апа")).isEmpty();
        assertThat(persons("Guarantor: Khalid bin Omar Al-Mansouri, passport"))
                .containsExactly("Khalid bin Omar Al-Mansouri");
    }

    @Test
    void detect_unknownSurnameAndFirstNameSigningTheLine_oneName() {
        assertThat(persons("Прошу вернуть залог. Гривец Ольга")).containsExactly("Гривец Ольга");
        assertThat(persons("Вчера Ольга, как обычно, пришла.")).containsExactly("Ольга");
    }

    @Test
    void detect_lowerCaseChatSpeakers_found() {
        assertThat(persons("tom: did the vpn come back?\nnina: yes, since 9\ntom: ok thx"))
                .containsExactly("tom", "nina", "tom");
        assertThat(persons("асқар: сәлем, құжат дайын ба?")).containsExactly("асқар");
        assertThat(persons("host: db1\nuser: admin\nmax: 100\nmin: 5")).isEmpty();
        assertThat(persons("ау ернар, ертең келесің бе")).containsExactly("ернар");
    }

    @Test
    void detect_nameBeforeATownMarkerOrSeriStreet_nameOnly() {
        assertThat(persons("Талапкер Сапаров Ерлан Тараз қ., Абай көшесі, 4-үй мекенжайында тұрады."))
                .containsExactly("Сапаров Ерлан");
        assertThat(persons("Біржан сері көшесі, 12-үй.")).isEmpty();
        assertThat(persons("Мұхтар Әуезов атындағы театр, Abylai Khan Avenue")).isEmpty();
    }

    @Test
    void detect_familyBySurnameInKazakhPlural_found() {
        assertThat(persons("Бүгін Жұмабаевтар отбасы көшіп келді.")).containsExactly("Жұмабаевтар");
        assertThat(persons("Кітаптар мен дәптерлер, Ұлттар және Мұғалімдер.")).isEmpty();
    }

    @Test
    void detect_nameBeforeAShortGreeting_found() {
        assertThat(persons("Наргиза, добрый, документы готовы?")).containsExactly("Наргиза");
    }

    @Test
    void detect_csvCellSurnameCommaGivenName_oneName() {
        assertThat(persons("id,name,city\n7,\"Omarova, Dinara\",Astana")).containsExactly("Omarova, Dinara");
        assertThat(persons("Omarova, Dinara and Serik came.")).containsExactly("Omarova", "Dinara", "Serik");
    }

    @Test
    void detect_greetingOrTitleAfterASpeakerOrAColon_leftOutOfTheName() {
        assertThat(persons("Madina: Hey Tigran, the printer on the third floor is jammed again."))
                .containsExactly("Madina", "Tigran");
        assertThat(persons("Seating plan: Ambassador Helga Lind, then the consul."))
                .containsExactly("Helga Lind");
    }

    @Test
    void detect_englishRoleLabelAndColonBeforeTwoWords_nameWithAnEndingOrAFirstName() {
        assertThat(persons("Tenant: Levan Kapanadze, phone on file.")).containsExactly("Levan Kapanadze");
        assertThat(persons("Borrower: Narek Hakobyan (co-signed)")).containsExactly("Narek Hakobyan");
        assertThat(persons("Guarantor: Fatima Haddad, see page 2.")).containsExactly("Fatima Haddad");
        assertThat(persons("the badge was issued to Levan Kapanadze on Monday")).containsExactly("Levan Kapanadze");
        // the label without its colon is a product's or a team's name; a company stays out
        assertThat(persons("Applicant Tracking System migration starts Monday."))
                .isEmpty();
        assertThat(persons("Owner: Platform Engineering")).isEmpty();
        assertThat(persons("Holder: Kaspi Gold")).isEmpty();
        assertThat(persons("Recipient: Ani Melikyan, courier at 14:00")).containsExactly("Ani Melikyan");
        assertThat(persons("Driver: Tornike Gelashvili")).containsExactly("Tornike Gelashvili");
        assertThat(persons("Customer: Almaty Towers")).isEmpty();
        assertThat(persons("Customer Success Manager")).isEmpty();
    }

    @Test
    void detect_nameWithPatronymicOrInitialsAfterPo_personNotStreet() {
        assertThat(persons("Выписку по Сулейменовой Гаухар Маратовне передали в архив."))
                .containsExactly("Сулейменовой Гаухар Маратовне");
        assertThat(persons("Отчёт по Иванову И.И. готов.")).containsExactly("Иванову И.И.");
        assertThat(persons("Подойдите по Абая, 12 к обеду.")).isEmpty();
    }

    @Test
    void detect_kazakhFirstNamesTheListsLacked_foundWithTheirEndings() {
        assertThat(persons("Кеше Батырхан мен Жанерке кітапханаға келді.")).containsExactly("Батырхан", "Жанерке");
        assertThat(persons("Құжатты Ерназарға беріңіз.")).containsExactly("Ерназарға");
        assertThat(persons("Анықтама Нұрсұлудың атына жазылды.")).containsExactly("Нұрсұлудың");
        assertThat(persons("Meeting moved; Yerasyl and Zhanerke will join.")).containsExactly("Yerasyl", "Zhanerke");
        // "Жанаре" is Жанара's dative beside her patronymic, and an imperative before them no surname
        assertThat(persons("Передайте Жанаре Муратовне ключи.")).containsExactly("Жанаре Муратовне");
        assertThat(persons("Кеше Айкөркем мен Темірхан диплом алды.")).containsExactly("Айкөркем", "Темірхан");
        assertThat(persons("Кеше Жадыра мен Майра келді.")).containsExactly("Жадыра", "Майра");
        assertThat(persons("Thanks, Assylzhan and Ayaulym will bring the keys."))
                .containsExactly("Assylzhan", "Ayaulym");
        // the names of those streets and monuments are named after stay out of the lists
        assertThat(persons("Тамерлан империясы туралы дәріс")).isEmpty();
    }

    @Test
    void detect_nameBeforeABirthCertificateSeries_theNameAlone() {
        assertThat(persons("Копия свидетельства сына Тимура II-ЖТ № 0551234 приложена."))
                .containsExactly("Тимура");
        assertThat(persons("Қызы Аружан І-АҚ № 0712236 куәлігімен тіркелген.")).containsExactly("Аружан");
    }

    @Test
    void detect_commonSurnameThatIsAlsoAPossessiveBesideANameWord_found() {
        assertThat(persons("Клиент: Петров Роман, договор продлён.")).containsExactly("Петров Роман");
        assertThat(persons("Петрова Вероника подала жалобу.")).containsExactly("Петрова Вероника");
    }

    @Test
    void detect_arabicArmenianGeorgianGermanUzbekAndKyrgyzFirstNames_found() {
        assertThat(persons("Ключи передал Тигран, а Андреас подписал акт.")).containsExactly("Тигран", "Андреас");
        assertThat(persons("Landlord Levan and tenant Lilit met on Monday.")).containsExactly("Levan", "Lilit");
        assertThat(persons("Письмо для Рашида и Лейсан.")).containsExactly("Рашида", "Лейсан");
        assertThat(persons("Кеше Бобур мен Мунира келишди.")).containsExactly("Бобур", "Мунира");
        assertThat(persons("Ключи у Чынгыз и Айпери.")).containsExactly("Чынгыз", "Айпери");
    }

    @Test
    void detect_nameNoListKnowsAfterAKinWord_found() {
        assertThat(persons("Справку забрала бабушка Зульхумар.")).containsExactly("Зульхумар");
        assertThat(persons("Our emergency contact Ines is on leave.")).containsExactly("Ines");
        assertThat(persons("Үйде атам Тұрсынқұл тұрады.")).containsExactly("Тұрсынқұл");
        // the Pope is no kin
        assertThat(persons("Папа Римский выступил с обращением.")).isEmpty();
    }

    @Test
    void detect_individualEntrepreneurNamedAfterItsOwner_theOwnersName() {
        assertThat(persons("Оплата от ИП «Сейткали Н.М.» поступила.")).containsExactly("Сейткали Н.М.");
        assertThat(persons("ЖК «Ахметов Б.С.» шарты бойынша")).containsExactly("Ахметов Б.С.");
        assertThat(persons("Оплата от ИП «Ахметова Айгерим» поступила.")).containsExactly("Ахметова Айгерим");
        // a business name in quotes, or a housing complex, is no person
        assertThat(persons("Договор с ИП «Береке» расторгнут.")).isEmpty();
        assertThat(persons("Договор с ИП «Асель» расторгнут.")).isEmpty();
        assertThat(persons("ТОО «Омаров и К» не ответило.")).isEmpty();
    }

    @Test
    void detect_nameAfterTheHeadOfStatesOrGovernmentsTitle_publicFigureNotReported() {
        assertThat(persons("Вчера Президент Нурлан Ахметжанов открыл форум.")).isEmpty();
        assertThat(persons("Мемлекет басшысы Ерболат Сапаров сөз сөйледі.")).isEmpty();
        assertThat(persons("Глава государства Ерболат Сапаров провёл совещание."))
                .isEmpty();
        assertThat(persons("President Sapar Ibrayev met the delegation.")).isEmpty();
        // the head of a company is a private person
        assertThat(persons("Акт подписал директор Ерболат Сапаров.")).containsExactly("Ерболат Сапаров");
    }

    @Test
    void detect_kazakhNameTypedOnARussianKeyboard_foundAsTheName() {
        assertThat(persons("Кеше Гулжанат пен Жулдызай келді.")).containsExactly("Гулжанат", "Жулдызай");
        // "Қожа" typed so is the Russian word for skin
        assertThat(persons("Кожа сухая, Кожа чешется.")).isEmpty();
    }

    @Test
    void detect_formFieldsOfAName_valueWhateverTheListsKnow() {
        assertThat(persons("1. Фамилия: Тлеубердина\n2. Имя: Меруерт\n3. Отчество: Кайратовна\n4. Пол: жен."))
                .containsExactly("Тлеубердина", "Меруерт", "Кайратовна");
        assertThat(persons("[Клиент]\nФамилия=Досмагамбетов\nИмя=Ерасыл\nДатаРождения=01.01.2001"))
                .containsExactly("Досмагамбетов", "Ерасыл");
        assertThat(persons("Тегі:ӘБІЛҚАСЫМОВА Аты:ШОЛПАН\nТуған күні:01.02.1990"))
                .containsExactly("ӘБІЛҚАСЫМОВА", "ШОЛПАН");
        assertThat(persons("Фамилия ГРИГОРЬЕВА\nИмя АННА  Отчество ПАВЛОВНА\nДата рождения 02.03.1971"))
                .containsExactly("ГРИГОРЬЕВА", "АННА", "ПАВЛОВНА");
        assertThat(persons("Surname: OKONKWO\nGiven names: CHIDI EMEKA\nNationality: Nigerian"))
                .containsExactly("OKONKWO", "CHIDI EMEKA");
        // a label in prose, a blank, a value in lower case, a role: no name read off the label
        assertThat(persons("Фамилия: ____________  Имя: ____________")).isEmpty();
        assertThat(persons("Отчество: при наличии")).isEmpty();
        assertThat(persons("EMPLOYEE RECORD\nDepartment: Finance")).isEmpty();
    }

    @Test
    void detect_keyValueTableOfAForm_valueBesideItsKeyOnly() {
        String form = "| Поле | Значение |\n|---|---|\n| Фамилия | Жақыпова |\n| Имя | Вера |\n"
                + "| Дата рождения | 09.09.1969 |\n| Мобильный | 8 701 933 82 04 |";
        assertThat(persons(form)).containsExactly("Жақыпова", "Вера");
        // a CSV header after a line of prose with a comma still heads its column
        assertThat(persons("Тексеріп жібер, өтінем:\nфамилия,имя,дата_рождения\nОспанов,Алмат,01.01.1990"))
                .containsExactly("Оспанов", "Алмат");
    }

    @Test
    void detect_kazakhPossessiveOfAFirstName_name() {
        assertThat(persons("Бұл менікі, анау сенікі, ал мынау біздікі.")).isEmpty(); // pronouns' possessives
        assertThat(persons("Ол сөмке Айгерімдікі, мынау Ерланныкі емес, Асельдікі."))
                .contains("Айгерімдікі", "Асельдікі");
        assertThat(persons("жоқ ол Дәурендікі менікі басқа")).containsExactly("Дәурендікі");
    }

    @Test
    void detect_kazakhFirstNamesOfTheLongerList_foundWithTheirEndings() {
        assertThat(persons("Кеше Ғалия мен Нәзира кітапханаға келді.")).containsExactly("Ғалия", "Нәзира");
        assertThat(persons("Құжатты Зейноллаға беріңіз.")).containsExactly("Зейноллаға");
        assertThat(persons("Бұл Нұрайымның сөмкесі.")).containsExactly("Нұрайымның");
        assertThat(persons("Please send it to Galiya and Nazira today.")).containsExactly("Galiya", "Nazira");
        // names that are words too need more than themselves: "төлеу" is a payment, "сапар" a journey
        assertThat(persons("Төлеу сапар аяқталғаннан кейін жасалады.")).isEmpty();
    }

    @Test
    void detect_otherPeoplesNamesAndShortForms_found() {
        assertThat(persons("Кеше Самвел мен Гюнтер келді.")).containsExactly("Самвел", "Гюнтер");
        assertThat(persons("Ромыч, скинь отчёт до вечера")).containsExactly("Ромыч");
        // a short form that is a word as well, or a word a short form declines into, stays a word
        assertThat(persons("Тема письма: Жеке куәлік, Толе би көшесі")).isEmpty();
    }

    @Test
    void detect_latinFirstNameInALowerCaseChatLineWithoutACue_name() {
        assertThat(persons("ok the keys are with aidos now, he leaves at 6")).containsExactly("aidos");
        assertThat(persons("we drove to shymkent with yerlan this morning")).containsExactly("yerlan");
        // a lone word is no chat line; an English word that is a name too needs a cue; Cyrillic needs one as well
        assertThat(persons("aidos")).isEmpty();
        assertThat(persons("we will mark the forms today")).isEmpty();
        assertThat(persons("ертең саят 9 да күтем")).isEmpty();
    }

    @Test
    void detect_lowerCaseSpeakerWhoseNameIsAWordToo_whenSpeakingAgain() {
        String chat = "слава: кто знает где справку взять\nаня: в цоне\nслава: спасибо";
        assertThat(persons(chat)).containsExactly("слава", "аня", "слава");
        assertThat(persons("слава: богу всё обошлось")).isEmpty(); // once: a word
    }

    @Test
    void detect_pluralOfANameThatIsANounAtSentenceStart_noPerson() {
        assertThat(persons("Лилии и розы завезли в оранжерею.")).isEmpty();
    }

    @Test
    void detect_cityDistrictAdjectives_noPerson() {
        assertThat(persons("Обращения по районам: Турксибский — 402, Наурызбайский — 118."))
                .isEmpty();
        assertThat(persons("Заявление подала Иванова Мария в Есильском районе."))
                .containsExactly("Иванова Мария");
        assertThat(persons("Субботник прошёл в Есильском районе.")).isEmpty();
    }

    @Test
    void detect_kazakhWordsEndingLikeAPatronymic_noPerson() {
        assertThat(persons("Қаулы\nАтаулы әлеуметтік көмек тағайындалсын.")).isEmpty();
        assertThat(persons("Даулы жер телімі бойынша шешім.")).isEmpty();
        assertThat(persons("Жанболатұлы хабарласты.")).containsExactly("Жанболатұлы");
    }

    @Test
    void detect_regionAdjectivesAndFormTitles_noPerson() {
        assertThat(persons("Павлодарская и Костанайская области отчитались первыми."))
                .isEmpty();
        assertThat(persons("HOTEL REGISTRATION FORM (sample)\nСкрин ошибки ниже."))
                .isEmpty();
        assertThat(persons("Госпошлина оплачена, квитанция у Ахметовой Гульнар."))
                .containsExactly("Ахметовой Гульнар");
    }

    @Test
    void detect_fullNameTypedInLowerCaseInAChat_wholeName() {
        assertThat(persons("клиент: галина сергеевна мельникова")).containsExactly("галина сергеевна мельникова");
        assertThat(persons("оформлено на брата тимур жаксылыков")).containsExactly("тимур жаксылыков");
        assertThat(persons("пошли в столовую петровская")).isEmpty();
    }

    @Test
    void detect_nameOpeningAQuotedPassage_foundWhileAQuotedNameIsNot() {
        assertThat(persons("Объявление в газете: «Мамырбаев Тоқтар ақсақал дүниеден өтті. Жаназа сағат 14-те.»"))
                .containsExactly("Мамырбаев Тоқтар");
        assertThat(persons("Пост в соцсети: «Ищем Сарсенову Гульнару, ушла из дома вчера»"))
                .containsExactly("Сарсенову Гульнару");
        // a quoted company or place keeps its quotes whole, even when its first word starts the passage
        assertThat(persons("Оплату принимает ТОО «Асем Групп» по счёту.")).isEmpty();
        assertThat(persons("Менеджер сказал: «Kaspi Gold» подойдёт для оплаты."))
                .isEmpty();
        // a capitalised word opening a quoted passage is the passage's first word
        assertThat(persons("Из протокола: «Документы свои я оставил у брата»")).isEmpty();
    }

    @Test
    void detect_publicFiguresFullNameInAnyCase_noPersonWhileACitizenWithTheSurnameIs() {
        assertThat(persons("Мұхтар Әуезовтің романы бойынша фильм түсірілді.")).isEmpty();
        assertThat(persons("Студенты изучают наследие Чокана Валиханова.")).isEmpty();
        assertThat(persons("The Shokan Ualikhanov University library is closed."))
                .isEmpty();
        assertThat(persons("Халық жазушысы Әбіш Кекілбаев туралы деректі фильм көрсетілді."))
                .isEmpty();
        assertThat(persons("Оркестр исполнил кюи Дины Нурпеисовой и Курмангазы."))
                .isEmpty();
        // only the figure's own first name with the surname: a citizen bearing the surname is still a person
        assertThat(persons("Заявитель Валиханов Ерлан просит выдать справку.")).containsExactly("Валиханов Ерлан");
    }

    @Test
    void detect_lowerCaseNamesInVoiceTranscripts_found() {
        assertThat(persons("расшифровка голосового: марина, привет, перезвони мне вечером"))
                .containsExactly("марина");
        assertThat(persons("дауыстық хабарлама: бұл гүлназ, анам динара ауырып қалды"))
                .containsExactly("гүлназ", "динара");
        assertThat(persons("голосовое: это я полина, скинь номер руслана пожалуйста"))
                .containsExactly("полина", "руслана");
        assertThat(persons("дауыстық хабарлама: ернар бауырым, ертең келемін")).containsExactly("ернар");
        // a label that is no transcript's, and a word that is a name too, stay words
        assertThat(persons("ответ: алма, груша и слива")).isEmpty();
        assertThat(persons("голосовое: роза цветёт у подъезда, полей её")).isEmpty();
    }

    @Test
    void detect_loneNameAfterARoleOrRelationWord_found() {
        assertThat(persons("She left the bar with her neighbour Olga at midnight."))
                .containsExactly("Olga");
        assertThat(persons("The witness Arman described the car.")).containsExactly("Arman");
        assertThat(persons("Вчера журналист Стрельцов опубликовал пост.")).containsExactly("Стрельцов");
        assertThat(persons("Ағасы Үсен үйге келмеді.")).containsExactly("Үсен");
        // the relation word capitalised at the sentence's start is left out of the name
        assertThat(persons("Жұбайы Күлшара ауруханада.")).containsExactly("Күлшара");
        // without the word, an ordinary word stays a word
        assertThat(persons("Стрельцов было много в войске царя.")).isEmpty();
    }

    @Test
    void detect_unlistedSpeakerWhoSpeaksTwiceBetweenOthers_found() {
        assertThat(persons("Данік: машинамды ағасы алып кетті\nАйко: ну и что, он вернёт\nДанік: ертең керек еді"))
                .containsExactly("Данік", "Айко", "Данік");
        assertThat(persons("мадиш: мама, әскери билетім қайда?\nмама: шкафта\nмадиш: иә сол"))
                .containsExactly("мадиш", "мадиш");
        // kin words, roles and a group label speak twice as well, and are no names
        assertThat(persons("мама: балам, қайдасың?\nмен: жолдамын\nмама: тез кел"))
                .isEmpty();
        assertThat(persons("Звонящая: помогите\nДиспетчер: адрес?\nЗвонящая: дом пять, второй подъезд"))
                .isEmpty();
        assertThat(persons("қыздар: кино барамыз ба?\nмен: иә\nқыздар: билет қанша?"))
                .isEmpty();
        // said once, an unlisted word before a colon stays a label
        assertThat(persons("Ерж: bro, парольді білесің бе?\nМакс: иә")).doesNotContain("Ерж");
    }

    @Test
    void detect_nameAddressedFirstOnItsLineOrAnElderByTheTitleAfter_found() {
        assertThat(persons("Тамерлан, слушай, посылку неси не в офис.")).containsExactly("Тамерлан");
        assertThat(persons("Ромик, это мама. Перезвони.")).containsExactly("Ромик");
        assertThat(persons("Роза, не переживайте, у моей мамы так же было.")).containsExactly("Роза");
        assertThat(persons("Rose, I had the same issue with my visa.")).containsExactly("Rose");
        assertThat(persons("Понял, спасибо")).isEmpty();
        assertThat(persons("Сапар ата: немерем, соны бухгалтерге бер")).containsExactly("Сапар");
        assertThat(persons("Бүгін менің Дариға әжемнің туған күні!")).containsExactly("Дариға");
        // greetings, interjections and kin open a line the same way; Father Frost is no one's data
        assertThat(persons("Алло, это насчёт заказа.")).isEmpty();
        assertThat(persons("Так, слушай, пароль не подходит.")).isEmpty();
        assertThat(persons("Мам, я у подруги переночую.")).isEmpty();
        assertThat(persons("Балалар Аяз ата костюмімен келсін.")).isEmpty();
    }

    @Test
    void detect_nameClosingAChatTurnAfterAComma_found() {
        assertThat(persons("Фатима: адрес ауысты\nРустам: ок, записал, Фатимаш"))
                .containsExactly("Фатима", "Рустам", "Фатимаш");
        assertThat(persons("Лейла: +77021488390 вроде\nГуля: спс, Лейлочка")).contains("Лейлочка");
        assertThat(persons("Звони мне на личный.\nЦелую, Вероника")).containsExactly("Вероника");
        // a country ends a turn the same way
        assertThat(persons("Клиент: Roberto Silva, Brazil")).containsExactly("Roberto Silva");
    }

    @Test
    void detect_houseChatSpeakerLabelledWithTheFlat_found() {
        assertThat(persons("Майра 21 кв: подъезд коды ауысты ма?\nОлег 9 кв: иә, вчера сменили"))
                .containsExactly("Майра", "Олег");
        assertThat(persons("Марат (5 пәтер): рахмет!")).containsExactly("Марат");
        // a bare number labels a ticket's or a participant's turn as well
        assertThat(persons("Заявка 8891: сервер не отвечает\nТикет 7712: настроить проброс"))
                .isEmpty();
    }

    @Test
    void detect_nameOpeningAQuotedMessage_found() {
        assertThat(persons("Голосовое от тёти Раи: «Серёженька, запиши телефон дяди Коли»"))
                .contains("Серёженька");
        assertThat(persons("(расшифровка) «Гүлім, слушай, мен ЦОН-дамын»")).containsExactly("Гүлім");
        assertThat(persons("Сообщение на автоответчик: «Алло, добрый день, перезвоните»"))
                .isEmpty();
    }

    @Test
    void detect_nameAfterItsOwnersWord_found() {
        assertThat(persons("Пропала собака у подъезда. Хозяйка Вероника, 8-707-222-58-16."))
                .containsExactly("Вероника");
        assertThat(persons("Ищем хозяина найденного паспорта.")).isEmpty();
    }

    @Test
    void detect_universityInItsCasesAndAnAnsweringMachine_noPerson() {
        assertThat(persons("Назарбаев университетінде ашық есік күні!")).isEmpty();
        assertThat(persons("Встреча в Назарбаев Университете в пятницу.")).isEmpty();
        assertThat(persons("[00:00:02] Автоответчик: Вы позвонили в банк.\n[00:00:09] Клиент: алло"))
                .isEmpty();
    }

    @Test
    void detect_firstNameThatIsACueWordBeforeARussianPatronymic_wholeName() {
        assertThat(persons("Уважаемый Азамат Болатович,\nнаправляю копию договора."))
                .containsExactly("Азамат Болатович");
        assertThat(persons("Азамат Серикович, добрый день!")).containsExactly("Азамат Серикович");
        // the citizen before a Kazakh surname of the new kind stays the cue word
        assertThat(persons("Азамат Тоқтарбекұлы Мейірлан куәлігін ұсынды.")).containsExactly("Тоқтарбекұлы Мейірлан");
    }

    @Test
    void detect_nameThatIsAWordBeforeAVerbOfSayingOrAfterKazakhMen_found() {
        assertThat(persons("Пересылаю от Гали: Вера сказала, что справку выдадут завтра."))
                .contains("Вера");
        assertThat(persons("сәлеметсіз бе мен айдос жәрдемақы туралы сұрайын деп едім"))
                .containsExactly("айдос");
        // a word that is a name too stays a word without the verb
        assertThat(persons("Вера в лучшее помогает.")).isEmpty();
    }

    @Test
    void detect_nameWithTheKazakhIAmEndingAfterMen_wholeWord() {
        assertThat(persons("Қоңырау шалушы: сәлеметсіз бе, мен Гүлназмын, ұлымның құжаты туралы"))
                .contains("Гүлназмын");
        assertThat(persons("сәлем мен нұрболмын кеше жаздым ғой")).containsExactly("нұрболмын");
        // a word with the ending that is no name
        assertThat(persons("мен дәрігермін, кезекшімін")).isEmpty();
    }

    @Test
    void detect_laterMentionOfAFoundName_sameMentionFound() {
        assertThat(persons("Guest: Ms. Lena Fischer (reservation shows FISCHER LENA), room 402."))
                .containsExactly("Lena Fischer", "FISCHER LENA");
        assertThat(persons("дауыстық хабарлама: ертең дәуреннің тойына барамыз ба, дәурен өзі шақырды"))
                .containsExactly("дәуреннің", "дәурен");
        assertThat(persons("Жібек: мен келдім\\nАрман: сәлем\\nАрман: Жібек қайда кетті?"))
                .containsExactly("Жібек", "Арман", "Арман", "Жібек");
    }

    @Test
    void detect_wordOfAFoundNameAsAWordOrganisationOrPlace_notAMention() {
        assertThat(persons("Менеджер Бақыт Ахметова. Бақыт — ең үлкен байлық.")).containsExactly("Бақыт Ахметова");
        assertThat(persons("Истец Насыров Ильдар Рустамович работал в ТОО «Насыров и К», позже уволился."))
                .containsExactly("Насыров Ильдар Рустамович");
        assertThat(persons("Арызданушы Әуезов Дәулет Серікұлы Әуезов ауданында тұрады."))
                .containsExactly("Әуезов Дәулет Серікұлы");
        assertThat(persons("Заявитель Бектұров Нұрлан. Цех ТОО Нурлан-Строй закрыт."))
                .containsExactly("Бектұров Нұрлан");
    }

    @Test
    void detect_firstNameListedWithAFoundName_anotherPerson() {
        assertThat(persons("Марқұмның жұбайы Күлзира, балалары Ерсін, Айгүл қайғысына ортақтасамыз."))
                .containsExactly("Күлзира", "Ерсін", "Айгүл");
        assertThat(persons("Ата-анасы Ерлан мен Әлия Алматыда тұрады.")).containsExactly("Ерлан", "Әлия");
        assertThat(persons("Некеден Дана (2015 ж.т.) және Ансар (2018 ж.т.) атты екі бала бар."))
                .containsExactly("Дана", "Ансар");
        assertThat(persons("Бақыт, Айгүл, Роза — все пришли вовремя, сказала Динара Есенова."))
                .containsExactly("Бақыт", "Айгүл", "Роза", "Динара Есенова");
    }

    @Test
    void detect_wordOfThanksOrNationalityBesideAName_notAPerson() {
        assertThat(persons("Рахмет, Шолпан Сейітқызы, көмектескеніңіз үшін!")).containsExactly("Шолпан Сейітқызы");
        assertThat(persons("Witness Thomas Keller, German national, passport C4J7R2X91."))
                .containsExactly("Thomas Keller");
    }

    @Test
    void detect_nameAfterAKinWordInAnotherCase_found() {
        assertThat(persons("Свидетельства детей хранятся у бабушки Хадижат.")).containsExactly("Хадижат");
        assertThat(persons("голосовое от тёти Рауш: перезвони мне")).containsExactly("Рауш");
        assertThat(persons("Арғы атамыз Тілеуберді осы ауылда туған.")).containsExactly("Тілеуберді");
        assertThat(persons("Кеше Алма есімді қыз келді.")).containsExactly("Алма");
        // a kin word in the genitive owns what follows the dash: the husband's car
        assertThat(persons("Автомобиль мужа — Toyota Camry, госномер не помню."))
                .isEmpty();
    }

    @Test
    void detect_patientAfterTheWordForASickPerson_found() {
        assertThat(persons("Больная Weber Anke, 1961 г.р., выписана под наблюдение."))
                .containsExactly("Weber Anke");
        assertThat(persons("Осмотр больного Бекжанова Т. проведён в 10:00.")).containsExactly("Бекжанова Т.");
    }

    @Test
    void detect_roleLabellingATimestampedTurn_notAPerson() {
        assertThat(persons("[00:01] Агент: Kaspi.kz support, меня зовут Алия.\\n[00:04] Клиент: my card is blocked."))
                .containsExactly("Алия");
        assertThat(persons("[10:02] Оператор: Слушаю вас.\\n[10:03] Заявитель: Здравствуйте."))
                .isEmpty();
        assertThat(persons("[09:14] Шолпан: кто заберёт справку?")).containsExactly("Шолпан");
    }

    @Test
    void detect_nameATurnOpensWithBeforeAComma_theOneAddressed() {
        assertThat(persons("Данияр Оспанов: Свет, скинь адрес опеки")).containsExactly("Данияр Оспанов", "Свет");
        assertThat(persons("Бекзат: Арай, анаңның телефонын жіберші")).containsExactly("Бекзат", "Арай");
        assertThat(persons("Бекзат: Жақсы, рахмет")).containsExactly("Бекзат");
    }
}
