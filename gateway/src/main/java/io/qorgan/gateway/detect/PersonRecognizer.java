package io.qorgan.gateway.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names of people in Kazakh, Russian and English.
 *
 * <p>One pass splits the text into words; runs of capitalised words (and initials such as {@code И.И.}) that
 * follow one another are weighed together. Evidence: a first name from the dictionary (declined forms included),
 * a surname or patronymic suffix (-ов/-ева/-ский/-ұлы/-қызы/-ович/-овна...), initials, a cue word before the run
 * (гражданин, өтініш беруші, ФИО, Mr). A name that is also an ordinary word (арман, бақыт, Роза) needs a second
 * piece of evidence. Runs right after an organisation marker or inside «quotes», and names of streets (ул. Абая,
 * Абай даңғылы) are not persons.
 */
final class PersonRecognizer implements Recognizer {

    /**
     * Kin and family words: a lone first name after one of them, or with one of them in brackets after it, is a
     * person's ("бабушка Зульхумар", "Ines (emergency contact)").
     */
    private static final String[] KIN_WORDS = {
        "ребёнок",
        "ребенок",
        "ребёнка",
        "ребенка",
        "семья",
        "семьи",
        "племянник",
        "племянница",
        "тётя",
        "тетя",
        "дядя",
        "тёть", // the vocative cut short: "тёть Роза", "дядь Коль"
        "теть",
        "дядь",
        "бабушка",
        "дедушка",
        "внучки",
        "внука",
        "мама", // not "папа": "Папа Римский"
        "атам",
        "апам",
        "әжем",
        "ағам",
        "інім",
        "әпкем",
        "сіңлім",
        "немерем",
        "атасы",
        "әжесі",
        "інісі",
        "немересі",
        "son",
        "daughter",
        "wife",
        "husband",
        "mother",
        "father",
        "brother",
        "sister",
        "child",
        "nephew",
        "niece",
        "grandson",
        "granddaughter",
        "emergency contact"
    };

    private static final String[] CUES = Lexicons.concat(
            new String[] {
                "гражданин",
                "гражданка",
                "гражданина",
                "гражданки",
                "азамат",
                "азаматша",
                "заявитель",
                "заявителя",
                "наниматель", // a tenancy's tenant: "Наниматель: Шмидт Лукас"
                "иностранец",
                "иностранка",
                "өтініш беруші",
                "ф.и.о",
                "фио",
                "т.а.ә",
                "таә",
                "mr.",
                "mr ",
                "ms.",
                "ms ",
                "mrs",
                "dr.",
                "dr ",
                "prof.",
                "г-н",
                "г-жа",
                "г-на",
                "г-ну",
                "г-ном",
                "г-жи",
                "г-же",
                "г-жой",
                "мистер",
                "мистера",
                "мистеру",
                "миссис",
                "мисс",
                "мадам",
                "contact person",
                "ambassador",
                "attaché",
                "attache",
                "контактное лицо",
                "beneficiary",
                "бенефициар",
                "господин",
                "госпожа",
                "пациент",
                "пациентка",
                "больной", // a medical note's patient: "Больная Schmidt Olga, DOB …"
                "больная",
                "больного",
                "больному",
                "больную",
                "patient",
                "name:",
                "full name",
                "имя:",
                "аты-жөні",
                "аты жөні",
                "сотрудник",
                "сотрудница",
                "директор",
                "исполнитель",
                "подпись",
                "қызметкер",
                "уважаемый",
                "уважаемая",
                "құрметті",
                "dear",
                "обвиняем",
                "подозреваем",
                "потерпевш",
                "свидетел",
                "ответчик",
                "истец",
                "истца",
                "менің атым",
                "меня зовут",
                "my name is",
                "атым",
                "иесі",
                "владелец",
                "владелица", // a lost pet's or a thing's owner: "Хозяйка Вероника, 8-707-…"
                "владельца",
                "хозяйка",
                "хозяйки",
                "хозяин",
                "хозяина",
                "на имя",
                "атына",
                "получатель",
                // greetings: a capitalised word right after one is a name
                "hi",
                "hello",
                "hey",
                "dear",
                "сәлем",
                "сәлеметсіз бе",
                "привет",
                "здравствуйте",
                "добрый день",
                "добрый вечер",
                "доброе утро",
                "қайырлы күн",
                "қайырлы таң",
                // family and kin
                "супруг",
                "супруга",
                "супруге",
                "жена",
                "муж",
                "сын",
                "сына",
                "сыну",
                "дочь",
                "дочери",
                "мать",
                "отец",
                "брат",
                "сестра",
                "внук",
                "внучка",
                "сосед",
                "соседка",
                "соседа",
                "соседки",
                "сноха",
                "друга",
                "подруга",
                "подруги",
                "жолдасы",
                "досым",
                "көршім",
                "көршісі",
                "ұлы",
                "ұлым",
                "қызы",
                "қызым",
                "әйелі",
                "күйеуі",
                "анасы",
                "әкесі",
                "баласы",
                "mrs.",
                "miss",
                "sir",
                "guest",
                "гость",
                "водитель",
                "врач",
                "инспектор",
                "следователь",
                "судья",
                "signed",
                "подписал",
                "подписала",
                "from:",
                "от:",
                "кімнен:",
                // roles and relations a narrative puts before a name: "журналист Стрельцов", "neighbour Olga"
                "журналист",
                "журналистка",
                "корреспондент",
                "блогер",
                "председатель",
                "участковый",
                "учитель",
                "учительница",
                "воспитатель",
                "медсестра",
                "фельдшер",
                "адвокат",
                "нотариус",
                "опекун",
                "пенсионер",
                "пенсионерка",
                "студент",
                "студентка",
                "ученик",
                "ученица",
                "жұбайы",
                "ағасы",
                "апасы",
                "әпкесі",
                "сіңлісі",
                "жиені",
                "балалары",
                "куәгер",
                "тергеуші",
                "мұғалім",
                "оқушы",
                "зейнеткер",
                "дәрігер",
                "neighbour",
                "neighbor",
                "witness",
                "friend",
                "colleague",
                "cousin",
                "uncle",
                "aunt",
                "roommate",
                "fiancé",
                "fiancee",
                "boyfriend",
                "girlfriend",
                "teacher",
                "journalist",
                "pupil",
            },
            KIN_WORDS);
    /** The cues as previous words: lower case, without trailing spaces, colons and dots. */
    private static final String[] CUE_WORDS =
            Arrays.stream(CUES).map(c -> c.replaceAll("[ :.]+$", "")).distinct().toArray(String[]::new);
    /**
     * The kin words' other cases, a cue only right before the name: "у бабушки Патимат", "от тёти Гали", but not
     * "Автомобиль мужа — Toyota Camry", where the kin word owns what follows.
     */
    private static final WordSet KIN_OBLIQUE = new WordSet(words(
            "бабушки",
            "бабушке",
            "бабушку",
            "бабушкой",
            "дедушки",
            "дедушке",
            "дедушку",
            "дедушкой",
            "тёти",
            "тети",
            "тёте",
            "тете",
            "тётю",
            "тетю",
            "тётей",
            "тетей",
            "дяди",
            "дяде",
            "дядю",
            "дядей",
            "мамы",
            "маме",
            "маму",
            "мамой",
            "жены",
            "жене",
            "жену",
            "женой",
            "мужа",
            "мужу",
            "мужем",
            "брата",
            "брату",
            "братом",
            "сестры",
            "сестре",
            "сестру",
            "сестрой",
            "матери",
            "отца",
            "отцу",
            "внука",
            "внуку",
            "внучке",
            "племянника",
            "племяннику",
            "племянницы",
            "племяннице",
            "атамыз",
            "әжеміз",
            "әкем",
            "анам",
            "келіні"));

    /** One-word cues, matched as the whole previous word by one hash probe. */
    private static final WordSet CUE_WORD_SET = new WordSet(
            Set.copyOf(Arrays.stream(CUE_WORDS).filter(c -> c.indexOf(' ') < 0).toList()));
    /** One-word cues longer than four letters, which may be a stem of the previous word ("обвиняемого"). */
    private static final String[] CUE_STEMS = Arrays.stream(CUE_WORDS)
            .filter(c -> c.indexOf(' ') < 0 && c.length() > 4)
            .toArray(String[]::new);
    /** Cues of several words, compared at the end of the text before the run. */
    private static final String[] CUE_PHRASES =
            Arrays.stream(CUE_WORDS).filter(c -> c.indexOf(' ') >= 0).toArray(String[]::new);

    /** Words after a Kazakh name that address the person: "Серік мырза", "Айгүл ханым", "Бақыт аға". */
    private static final String[] HONORIFICS_AFTER = {"мырза", "ханым", "аға", "апай", "әпке", "ағай", "бауыр", "хан"};

    private static final Set<String> ORG_BEFORE = words(
            "тоо",
            "ао",
            "ооо",
            "гу",
            "кгу",
            "ргп",
            "гкп",
            "жшс",
            "ақ",
            "мм",
            "пао",
            "зао",
            "оао",
            "нао",
            "ргу",
            "коммунальное",
            "компания",
            "компании",
            "фирма",
            "банк",
            "company",
            "bank",
            "министерство",
            "министр",
            "департамент",
            "управление",
            "акимат",
            "комитет",
            "университет",
            "школа",
            "больница",
            "поликлиника",
            "фонд",
            "корпорация",
            "холдинг",
            "центр",
            "агентство",
            "институт",
            "lyceum");
    private static final Set<String> ORG_AFTER = words(
            "support",
            "service",
            "desk",
            "helpdesk",
            "университет",
            "университеті",
            "университетінде", // "Назарбаев университетінде ашық есік күні"
            "университетіне",
            "университетінің",
            "университетін",
            "университетінен",
            "университета",
            "университете",
            "университету",
            "университетом",
            "university",
            "college",
            "колледж",
            "академия",
            "academy",
            "бөлімі",
            "бөлімінің",
            "басқармасы",
            "департаменті",
            "отдел",
            "отдела",
            "department",
            "team",
            "обл",
            "область",
            "области",
            "областной",
            "областная",
            "район",
            "района",
            "р-н",
            "городской",
            "городская",
            "филиал",
            "филиала",
            "облысы",
            "облысының",
            "ауданы",
            "opera",
            "house",
            "theatre",
            "theater",
            "museum",
            "hall",
            "park",
            "airport",
            "arena",
            "hotel",
            "театр",
            "музей",
            "парк",
            "llp",
            "ltd",
            "inc",
            "llc",
            "corp",
            "plc",
            "gmbh",
            "bank",
            "group",
            "university",
            "банк",
            "банка",
            "банке",
            "group",
            "holding",
            "partners",
            "foundation",
            "institute",
            "school",
            "hospital",
            "ministry",
            "airlines",
            "airways",
            "consulting",
            "solutions",
            "technologies",
            "systems",
            "ltd.");
    private static final Set<String> PLACE_BEFORE = words(
            "ул",
            "улица",
            "улицы",
            "улице",
            "улицу",
            "улицами",
            "пр",
            "проспект",
            "проспекта",
            "проспекте",
            "проспекту",
            "переулке",
            "переулку",
            "бульваре",
            "бульвару",
            "площади",
            "микрорайоне",
            "мкр-н",
            "пр-т",
            "просп",
            "мкр",
            "мкрн",
            "микрорайон",
            "микрорайона",
            "переулок",
            "пер",
            "бульвар",
            "б-р",
            "пл",
            "площадь",
            "им",
            "имени",
            "г",
            "город",
            "города",
            "городе",
            "с",
            "село",
            "пос",
            "аул",
            "street",
            "st",
            "ave",
            "avenue",
            "шоссе",
            "тракт",
            "обл",
            "область",
            "р-н",
            "район",
            "районе",
            "trakt",
            "по",
            "угол",
            "углу",
            "пересечении",
            "перекрестке",
            "перекрёстке");
    /** One-letter place markers that are also prepositions; a place only with their dot. */
    private static final Set<String> SHORT_PREPOSITIONS = words("с");

    private static final String[] PLACE_AFTER = {
        "республик", // "Кыргызской Республики"
        "жолы", // "Жібек жолы", "Жібек жолында"; not the bare "жол" of "Зарина жол апатынан қайтыс болды"
        "көше",
        "даңғыл",
        "қала",
        "аудан",
        "ауыл",
        "облыс",
        "атында",
        "шағын",
        "көш",
        "даң",
        "тұйық",
        "street",
        "st",
        "avenue",
        "ave",
        "road",
        "rd",
        "boulevard",
        "blvd",
        "lane",
        "drive",
        "square",
        "district",
        "microdistrict",
        "region",
        "мектеб", // "Абай мектебі"; the bare "мектеп" after a name is the school the person is at
        "гимназия"
    };

    /**
     * Whether the place word after a run of {@code words} words claims only its last word, a region's or a town's
     * name ("… Кенжеғали Жамбыл облысы", "Төлеубай Асем Щучинск қ."): not a street named after the whole name
     * ("Abylai Khan Avenue") nor a school named for it ("Мұхтар Әуезов атындағы").
     */
    private static boolean regionAfterName(String next, int words) {
        if (next.startsWith("атында")) {
            return false;
        }
        return next.startsWith("облыс")
                || next.startsWith("аудан")
                || next.equals("қ")
                || words > 2 && placeAfter(next);
    }

    /** The first chars of {@link #PLACE_AFTER}. */
    private static final String PLACE_AFTER_INITIALS = Chars.initials(PLACE_AFTER);

    /**
     * The one-word labels of a form's name fields: no name words themselves ("Имя ОЛЬГА  Отчество НИКОЛАЕВНА" is a
     * name, a label, a name), and where a field's value ends ({@link #labelValue}).
     */
    private static final String[] NAME_FIELD_LABELS = {
        "фамилия", "имя", "отчество", "тегі", "аты", "surname", "given", "patronymic"
    };

    /**
     * The Kazakh case endings of names ({@code name-paradigms.txt}); declared before the word sets below, which the
     * country forms of {@link #countries} join.
     */
    private static final String[] KAZAKH_CASES = {
        "ның", "нің", "дың", "дің", "тың", "тің", "ға", "ге", "қа", "ке", "ны", "ні", "ды", "ді", "ты", "ті", "да",
        "де", "та", "те", "дан", "ден", "тан", "тен", "нан", "нен", "мен", "бен", "пен"
    };

    /** {@link #countries}, made once: no names ({@link #NOT_NAMES}) and the cue before a citizen's country and name. */
    private static final Set<String> COUNTRY_FORMS = countries();

    /**
     * The Russian adjectives of the regions and of the districts of Almaty, Astana, Shymkent and Karaganda in every
     * case and gender ("по районам: Алмалинский — 1 204", "Мангистауская и Атырауская области"): shaped like
     * surnames in -ский, they name places.
     */
    private static final Set<String> DISTRICT_FORMS = districts();

    private static Set<String> districts() {
        Set<String> forms = new HashSet<>();
        for (String stem : List.of(
                "алмалинск",
                "ауэзовск",
                "бостандыкск",
                "жетысуск",
                "медеуск",
                "наурызбайск",
                "турксибск",
                "алатауск",
                "байконурск",
                "есильск",
                "сарыаркинск",
                "нуринск",
                "абайск",
                "аль-фарабийск",
                "енбекшинск",
                "каратауск",
                "туранск",
                "казыбекбийск",
                // and the regions' ("Мангистауская и Атырауская области")
                "мангистауск",
                "атырауск",
                "актюбинск",
                "алматинск",
                "акмолинск",
                "жамбылск",
                "карагандинск",
                "костанайск",
                "кызылординск",
                "павлодарск",
                "туркестанск",
                "улытауск",
                "западно-казахстанск",
                "восточно-казахстанск",
                "северо-казахстанск")) {
            for (String ending : List.of("ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ое", "ие", "их")) {
                forms.add(stem + ending);
            }
        }
        return Set.copyOf(forms);
    }

    private static final WordSet COUNTRIES = new WordSet(COUNTRY_FORMS);

    private static final WordSet NOT_NAMES = new WordSet(union(
            words(NAME_FIELD_LABELS),
            words(
                    "wi-fi",
                    "атаулы", // "Атаулы әлеуметтік көмек": targeted, not a patronymic's -улы
                    "атаулық",
                    "registration", // form titles in capitals: "GUEST REGISTRATION CARD", "(sample / үлгі)"
                    "sample",
                    "үлгі",
                    "үлгісі",
                    "госпошлина",
                    "скрин",
                    "sir",
                    "madam",
                    "бұйырамын",
                    "ұйғарамын",
                    "ұйғарды",
                    "сіз",
                    "сіздің",
                    "сізге",
                    "сізді",
                    "сізбен",
                    "сізден",
                    "сіздер",
                    "сен",
                    "сенің",
                    "біз",
                    "біздің",
                    "бізге",
                    "олар",
                    "оның",
                    "оған",
                    "менің",
                    "маған",
                    "тұратын",
                    "атыңыз",
                    "атым",
                    "как",
                    "что",
                    "где",
                    "когда",
                    "почему",
                    "кто",
                    "это",
                    "все",
                    "мы",
                    "вы",
                    "они",
                    "он",
                    "она",
                    "ты",
                    "да",
                    "нет",
                    "applicant",
                    "guest",
                    "team",
                    "colleagues",
                    "коллеги",
                    "друзья",
                    "dubai",
                    "казахстан",
                    "қазақстан",
                    "республика",
                    "республики",
                    "россия",
                    "россии",
                    "россию",
                    "россией",
                    "алматы",
                    "астана",
                    "шымкент",
                    "караганда",
                    "қарағанды",
                    "актобе",
                    "ақтөбе",
                    "атырау",
                    "актау",
                    "ақтау",
                    "павлодар",
                    "семей",
                    "тараз",
                    "костанай",
                    "қостанай",
                    "кызылорда",
                    "қызылорда",
                    "уральск",
                    "орал",
                    "кокшетау",
                    "көкшетау",
                    "талдыкорган",
                    "талдықорған",
                    "туркестан",
                    "түркістан",
                    "москва",
                    "kazakhstan",
                    "almaty",
                    "astana",
                    "london",
                    "the",
                    "this",
                    "that",
                    "then",
                    "there",
                    "please",
                    "thanks",
                    "thank",
                    "hello",
                    "hi",
                    "dear",
                    "regards",
                    "best",
                    "we",
                    "it",
                    "in",
                    "on",
                    "at",
                    "for",
                    "and",
                    "but",
                    "if",
                    "see",
                    "my",
                    "our",
                    "your",
                    "his",
                    "her",
                    "mr",
                    "ms",
                    "mrs",
                    "dr",
                    "уважаемый",
                    "уважаемая",
                    "құрметті",
                    "здравствуйте",
                    "сәлеметсіз",
                    "добрый",
                    "прошу",
                    "спасибо",
                    "рахмет",
                    "гражданин",
                    "гражданка",
                    "заявитель",
                    "пациент",
                    "директор",
                    "января",
                    "февраля",
                    "марта",
                    "апреля",
                    "мая",
                    "июня",
                    "июля",
                    "августа",
                    "сентября",
                    "октября",
                    "ноября",
                    "декабря",
                    "ии",
                    "ai",
                    "ип",
                    "фио",
                    "иин",
                    "бин",
                    "жсн",
                    "бсн",
                    "кз",
                    "рк",
                    "тоо",
                    "ао",
                    "дсп",
                    "http",
                    "https",
                    "www",
                    "json",
                    "csv",
                    "id",
                    "ok",
                    "yes",
                    "no",
                    "monday",
                    "tuesday",
                    "wednesday",
                    "thursday",
                    "friday",
                    "saturday",
                    "sunday",
                    "january",
                    "february",
                    "march",
                    "april",
                    "june",
                    "july",
                    "august",
                    "september",
                    "october",
                    "november",
                    "december",
                    "subject",
                    "from",
                    "to",
                    "re",
                    "fw",
                    "cc",
                    "street",
                    "road",
                    "avenue",
                    "kaspi",
                    "halyk",
                    "google",
                    "microsoft",
                    "openai",
                    "telegram",
                    "whatsapp",
                    "министерство",
                    "суд",
                    "закон",
                    "кодекс",
                    "согласно",
                    "на",
                    "по",
                    "от",
                    "для",
                    "при",
                    "и",
                    "в",
                    "с",
                    "о",
                    "к",
                    "у",
                    "а",
                    "я",
                    "мен",
                    "және",
                    "бойынша",
                    "туралы",
                    "тел",
                    "моб",
                    "email",
                    "e-mail",
                    "адрес",
                    "мекенжай",
                    "дата",
                    "күні",
                    "дело",
                    "іс",
                    "приказ",
                    "бұйрық",
                    "справка",
                    "анықтама",
                    "заявление",
                    "өтініш",
                    "жалоба",
                    "шағым",
                    "акт",
                    "протокол",
                    "номер",
                    "no",
                    "name",
                    "patient",
                    "client",
                    "user",
                    "admin",
                    "team",
                    "support",
                    "department",
                    "ministry",
                    "office",
                    "city",
                    "region",
                    "district",
                    "order",
                    "invoice",
                    "total",
                    "version",
                    "release",
                    "date",
                    "phone",
                    "address",
                    "passport",
                    "card",
                    "iban",
                    "bank",
                    "account"),
            COUNTRY_FORMS,
            DISTRICT_FORMS));

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    /**
     * Country names in their Russian and Kazakh cases, as words of citizenship and origin stand before a name:
     * "гражданина Узбекистана", "гражданин Индии Шарма Раджеш", "Азаматтығы: Өзбекстан", "Қазақстанда" are no person.
     * Names that are also people's (Гана, Сирия, Кения) are left out.
     */
    private static Set<String> countries() {
        Set<String> forms = new HashSet<>();
        for (String stem : List.of(
                "казахстан",
                "узбекистан",
                "кыргызстан",
                "киргизстан",
                "таджикистан",
                "туркменистан",
                "пакистан",
                "афганистан",
                "азербайджан",
                "китай",
                "вьетнам",
                "таиланд",
                "непал",
                "бангладеш",
                "ливан",
                "израиль",
                "египет",
                "катар",
                "кувейт",
                "ирак")) {
            for (String ending : List.of("", "а", "у", "е", "ом", "ем")) {
                forms.add(stem + ending);
            }
        }
        for (String stem : List.of(
                "инди",
                "германи",
                "росси",
                "турци",
                "франци",
                "итали",
                "испани",
                "англи",
                "коре",
                "груз",
                "армени",
                "монголи",
                "австри",
                "бельги",
                "япони",
                "индонези",
                "малайзи",
                "бразили",
                "австрали",
                "латви",
                "эстони",
                "украин",
                "польш",
                "канад",
                "америк",
                "аргентин",
                "мексик",
                "нигери",
                "иордани",
                "великобритани",
                "швейцари",
                "нидерланд",
                "финлянди",
                "швеци",
                "норвеги",
                "чехи",
                "словаки",
                "венгри",
                "румыни",
                "болгари",
                "серби",
                "хорвати",
                "греци",
                "португали",
                "ирланди",
                "белорусси",
                "молдов",
                "литв")) {
            for (String ending : List.of("я", "и", "ю", "ей", "ия", "ии", "ию", "ией", "а", "ы", "е", "у", "ой")) {
                String form = stem + ending;
                if (!form.endsWith("иия") && !form.endsWith("иии")) {
                    forms.add(form);
                }
            }
        }
        // a name's Kazakh case endings, and the place's own after a vowel (-на, -нда) and adjectival (-дағы, -лық):
        // Өзбекстанның, Қазақстанда, Ресейге
        List<String> kazakhEndings = new ArrayList<>(List.of(KAZAKH_CASES));
        kazakhEndings.addAll(List.of(
                "", "на", "не", "нда", "нде", "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі", "лық", "лік", "дық",
                "дік", "тық", "тік"));
        for (String stem : List.of(
                "қазақстан",
                "өзбекстан",
                "қырғызстан",
                "тәжікстан",
                "түрікменстан",
                "ауғанстан",
                "пәкістан",
                "үндістан",
                "әзербайжан",
                "ресей",
                "қытай",
                "түркия",
                "германия",
                "моңғолия",
                "жапония",
                "корея",
                "франция",
                "италия",
                "ұлыбритания",
                "украина",
                "грузия",
                "иран")) {
            for (String ending : kazakhEndings) {
                forms.add(stem + ending);
            }
        }
        forms.addAll(List.of("беларусь", "беларуси", "беларусью", "сша", "оаэ", "кнр", "фрг"));
        // a state's adjective before its full name: "гражданки Российской Федерации", "Кыргызской Республики"
        for (String stem : List.of(
                "российск",
                "казахстанск",
                "кыргызск",
                "киргизск",
                "узбекск",
                "таджикск",
                "туркменск",
                "китайск",
                "корейск",
                "турецк",
                "исламск",
                "федеративн",
                "народн",
                "объединённ",
                "объединенн",
                "арабск",
                "чешск",
                "словацк",
                "доминиканск")) {
            for (String ending : List.of("ая", "ой", "ий", "ого", "ую", "им", "ом", "ое", "ых")) {
                forms.add(stem + ending);
            }
        }
        // the words of a state's full name after or before it: "Корея Республикасы", "Российской Федерации"
        forms.addAll(List.of(
                "республика",
                "республики",
                "республику",
                "республикой",
                "республике",
                "республикасы",
                "республикасының",
                "республикасына",
                "республикасында",
                "республикасынан",
                "федерация",
                "федерации",
                "федерацией",
                "федерациясы",
                "федерациясының",
                "королевство",
                "королевства",
                "корольдігі",
                "штаты",
                "штатов",
                "штатах"));
        return forms;
    }

    /**
     * A capitalised word or an initial, weighed as part of a name. {@code agreement} is the (gender, case) pairs its
     * endings allow ({@link NameParadigms}), {@link NameParadigms#ALL} when they say nothing; {@code common} marks an
     * ordinary word shaped like a surname ("Трудовой", "Юридический").
     */
    private record Token(
            int start,
            int end,
            boolean initial,
            long dict,
            boolean surname,
            boolean weakSurname,
            boolean patronymic,
            int agreement,
            boolean common) {

        Token(
                int start,
                int end,
                boolean initial,
                long dict,
                boolean surname,
                boolean weakSurname,
                boolean patronymic) {
            this(start, end, initial, dict, surname, weakSurname, patronymic, NameParadigms.ALL, false);
        }

        boolean firstName() {
            return (dict & NameDictionary.FIRST_NAME) != 0;
        }

        boolean ordinaryWord() {
            return (dict & NameDictionary.ORDINARY_WORD) != 0;
        }

        boolean dictSurname() {
            return (dict & NameDictionary.SURNAME) != 0;
        }
    }

    /** After these a first name is a name even in lower case, as people type in chats. */
    static final CueIndex INTRODUCTIONS = new CueIndex("меня зовут", "менің атым", "my name is", "зовут меня", "атым");

    /**
     * Keys and headers whose values are a person's name or an organisation's, a product's or a login as often: only a
     * name of two words or more counts under them. Among them, the people a delivery, a payment or a service is for.
     */
    private static final String[] TWO_WORD_KEY_LIST = {
        "name",
        "получатель",
        "отправитель",
        "клиент",
        "заявитель",
        "абонент",
        "алушы",
        "жіберуші",
        "recipient",
        "customer",
        "client",
        "applicant",
        "cardholder",
        "tenant", // who stays: guests of a hostel, tenants of a flat, passengers of a booking
        "guest",
        "resident",
        "passenger",
        "арендатор",
        "жилец",
        "гость",
        "пассажир",
        "қонақ",
        "жолаушы"
    };

    private static final Set<String> TWO_WORD_KEYS = Set.of(TWO_WORD_KEY_LIST);

    /** Table headers and JSON keys whose cells or values are names, whatever the lists know of them. */
    static final CueIndex NAME_KEYS = new CueIndex(Lexicons.concat(
            new String[] {
                "фио",
                "ф.и.о",
                "фамилия",
                "имя",
                "отчество",
                "аты-жөні",
                "аты жөні",
                "аты_жөні",
                "тегі",
                "аты",
                "әкесінің аты",
                "әкесінің_аты",
                "full_name",
                "fullname",
                "full name",
                "first_name",
                "last_name",
                "firstname",
                "lastname",
                "surname",
                "given names",
                "given name",
                "patronymic",
                "familiya", // transliterated keys: "familiya", "imya", "otchestvo"
                "imya",
                "otchestvo",
                "fio",
                "user",
                "username",
                "employee",
                "patient",
                "сотрудник",
                "пациент"
            },
            TWO_WORD_KEY_LIST));

    private static final NameParadigms PARADIGMS = NameParadigms.get();

    private final NameDictionary names;

    PersonRecognizer(NameDictionary names) {
        this.names = names;
    }

    /** The word before a run, folded. */
    private record Word(int end, String folded) {}

    /**
     * Walks the capitalised word starts only: a lower-case word between two capitalised ones ends the run just as
     * well through {@link #gapAllowsRun}, which then finds letters in the gap.
     */
    @Override
    public void find(TextView view, List<Finding> out) {
        char[] s = view.chars();
        List<Token> run = new ArrayList<>(6);
        char[] folded = new char[32];
        Morph morph = new Morph();
        WordStarts candidates = view.starts();
        int[] starts = candidates.sorted();
        int base = out.size();
        int i = 0;
        for (int k = candidates.first(WordStarts.CAPITAL), last = candidates.end(WordStarts.CAPITAL); k < last; k++) {
            if (starts[k] < i) {
                continue;
            }
            i = starts[k];
            char c = s[i];
            if (!Chars.isLetter(c)) {
                continue;
            }
            int end = possessiveEnd(s, i, wordEnd(s, i));
            if (!gapAllowsRun(s, run, i)) {
                flush(view, run, out);
                run.clear();
            }
            if (end - i > folded.length) {
                folded = new char[end - i];
            }
            Token token = token(s, i, end, folded, morph);
            if (token != null) {
                run.add(token);
                if (run.size() > 4) {
                    flush(view, run.subList(0, 4), out);
                    run.clear();
                }
            } else {
                flush(view, run, out);
                run.clear();
            }
            i = end;
        }
        flush(view, run, out);
        chatNames(s, view.lower(), out);
        INTRODUCTIONS.find(view, (at, cue) -> introduction(s, at, cue, out));
        NAME_KEYS.find(view, (at, cue) -> nameKey(s, view.tables(), at, cue, out));
        joinParts(s, out, base);
        lowerCaseRest(s, out, base);
        NameEchoes.Guard noCitizen = (from, to) -> echoOfNoCitizen(s, view.lower(), from, to);
        NameCompanions.find(s, view.lower(), names, out, base, noCitizen);
        NameEchoes.find(s, view.starts(), names, out, base, noCitizen);
    }

    /**
     * A lower-case chat name found alone takes the lower-case patronymic and surname after it, when their endings say
     * so: "user: dauren amanov", "гость: людмила петровна вострикова", "анама … аты күлпаш ахметқызы".
     */
    private static void lowerCaseRest(char[] s, List<Finding> out, int base) {
        char[] folded = new char[MAX_NAME_WORD];
        for (int k = base; k < out.size(); k++) {
            Finding f = out.get(k);
            if (f.type() != EntityType.PERSON || !Chars.isLowerCase(s[f.start()])) {
                continue;
            }
            int end = f.end();
            for (int words = 0; words < 2; words++) {
                int e = restOfNameEnd(s, end, s.length, folded);
                if (e < 0) {
                    break;
                }
                end = e;
            }
            boolean free = k + 1 >= out.size() || out.get(k + 1).start() >= end;
            if (end > f.end() && free) {
                out.set(k, new Finding(EntityType.PERSON, f.start(), end, f.score(), f.recognizer()));
            }
        }
    }

    /**
     * Whether a lower-case patronymic or a surname by its strong ending follows the word ending at {@code e}: the rest
     * of a full name typed in lower case ("людмила петровна вострикова", "ергали турсынбаев"), which
     * {@link #lowerCaseRest} then joins to the first name.
     */
    private static boolean restOfNameAfter(char[] s, int e, int lineEnd) {
        return e + 6 <= lineEnd && restOfNameEnd(s, e, lineEnd, new char[MAX_NAME_WORD]) > 0;
    }

    /**
     * End of the lower-case word after the space at {@code e}, before {@code limit}, when it is a patronymic or a
     * surname by its strong ending (five letters or more); or -1. {@code folded} is scratch space.
     */
    private static int restOfNameEnd(char[] s, int e, int limit, char[] folded) {
        if (e + 1 >= limit || s[e] != ' ' || !Chars.isLowerCase(s[e + 1])) {
            return -1;
        }
        int w = e + 1;
        int end = w;
        while (end < limit && end - w < MAX_NAME_WORD && Chars.isLetter(s[end])) {
            end++;
        }
        if (end - w < 5 || end - w >= MAX_NAME_WORD || end < limit && Chars.isWord(s[end])) {
            return -1;
        }
        NameForms.foldInto(s, w, end, folded);
        return NameForms.isPatronymic(folded, end - w) || NameForms.isStrongSurname(folded, end - w) ? end : -1;
    }

    /** Patronymic words of Kyrgyz and Kazakh names written apart: "Erkin uulu Nurbek", "Асан ұлы Бекзат". */
    private static final String[] APART_PATRONYMICS = {"uulu", "kyzy", "уулу", "кызы", "ұлы", "қызы", "bin", "ibn"};

    /** An airline's title after the given names of "SURNAME/GIVEN MS", not part of the name. */
    private static final String[] AIRLINE_TITLES = {"MR", "MRS", "MS", "MSTR", "MISS", "CHD", "INF", "DR"};

    /**
     * Widens the names found from {@code base} on over the parts written apart from them: an airline's
     * "SURNAME/GIVEN NAMES" ("ИВАНОВА/МАРИЯ", "OKAFOR/CHIDI EMEKA", to a title such as MS), and a patronymic word
     * with the capitalised name on its other side ("Erkin uulu Nurbek"). Only found names are looked at.
     */
    private static void joinParts(char[] s, List<Finding> out, int base) {
        int kept = base; // compacted in place: removing each joined part shifted the rest, findings squared
        for (int k = base; k < out.size(); k++) {
            Finding f = out.get(k);
            Finding g = k + 1 < out.size() ? out.get(k + 1) : null;
            boolean commaApart = g != null && g.start() == f.end() + 2 && s[f.end()] == ',' && s[f.end() + 1] == ' ';
            // a CSV cell "Surname, Given"; a register's "SURNAME, Given" ("11:12 OUT SMITH, Daniel  USA")
            boolean quotedCell =
                    commaApart && f.start() > 0 && s[f.start() - 1] == '"' && g.end() < s.length && s[g.end()] == '"';
            boolean register = commaApart
                    && f.end() - f.start() >= 2
                    && upperWordEnd(s, f.start()) == f.end()
                    && g.end() - g.start() >= 2
                    && Chars.isUpperCase(s[g.start()])
                    && Chars.isLowerCase(s[g.start() + 1]);
            if (quotedCell || register) {
                double score = quotedCell ? f.score() : Math.max(f.score(), g.score());
                f = new Finding(EntityType.PERSON, f.start(), g.end(), score, f.recognizer());
                k++; // one name
            }
            out.set(kept++, f);
        }
        out.subList(kept, out.size()).clear();
        for (int k = base; k < out.size(); k++) {
            Finding f = out.get(k);
            int start = f.start();
            int end = f.end();
            if (end + 1 < s.length && s[end] == '/' && upperWordEnd(s, start) == end) {
                for (int e = end + 1; ; e++) {
                    int word = upperWordEnd(s, e);
                    if (word <= e || Chars.isOneOf(s, e, word, AIRLINE_TITLES)) {
                        break;
                    }
                    end = word;
                    if (word >= s.length || s[word] != ' ') {
                        break;
                    }
                    e = word;
                }
            }
            if (start > 1 && s[start - 1] == '/' && upperWordEnd(s, start) == end) {
                int w = start - 1;
                while (w > 0 && Character.isUpperCase(s[w - 1])) {
                    w--;
                }
                if (w < start - 1 && Chars.notWordAt(s, w - 1)) {
                    start = w;
                }
            }
            int after = apartPatronymic(s, end);
            if (after > 0) {
                end = after;
            }
            int before = patronymicBefore(s, start);
            if (before >= 0) {
                start = before;
            }
            if (start != f.start() || end != f.end()) {
                out.set(k, new Finding(EntityType.PERSON, start, end, f.score(), f.recognizer()));
            }
        }
    }

    /** The end of the word of capitals at {@code p} (two letters or more), or {@code p}. */
    private static int upperWordEnd(char[] s, int p) {
        int e = p;
        while (e < s.length && Character.isUpperCase(s[e])) {
            e++;
        }
        return e - p >= 2 && (e >= s.length || !Chars.isLetter(s[e])) ? e : p;
    }

    /** The end of " uulu Nurbek" after a name ending at {@code end}, or -1. */
    private static int apartPatronymic(char[] s, int end) {
        if (end + 6 >= s.length || s[end] != ' ') {
            return -1;
        }
        for (String word : APART_PATRONYMICS) {
            int p = end + 1 + word.length();
            if (p + 2 < s.length
                    && Chars.startsWith(s, word, end + 1)
                    && s[p] == ' '
                    && Character.isUpperCase(s[p + 1])) {
                int e = p + 1;
                while (e < s.length && Chars.isLetter(s[e])) {
                    e++;
                }
                return e - p > 2 ? familyNameAfter(s, e) : -1;
            }
        }
        return -1;
    }

    /** Past an Arabic family name after {@code e} ("bin Salem Al-Harbi", "bin Rashid Al Harthy"), or {@code e}. */
    private static int familyNameAfter(char[] s, int e) {
        if (e + 5 < s.length
                && s[e] == ' '
                && (s[e + 1] == 'A' || s[e + 1] == 'a')
                && s[e + 2] == 'l'
                && (s[e + 3] == '-' || s[e + 3] == ' ')
                && Character.isUpperCase(s[e + 4])) {
            int f = e + 4;
            while (f < s.length && Chars.isLetter(s[f])) {
                f++;
            }
            return f - e > 5 ? f : e;
        }
        return e;
    }

    /** The start of "Erkin uulu " before a name starting at {@code start}, or -1. */
    private static int patronymicBefore(char[] s, int start) {
        if (start < 6 || s[start - 1] != ' ') {
            return -1;
        }
        for (String word : APART_PATRONYMICS) {
            int p = start - 1 - word.length();
            if (p > 2 && Chars.startsWith(s, word, p) && s[p - 1] == ' ') {
                int w = p - 1;
                while (w > 0 && Chars.isLetter(s[w - 1])) {
                    w--;
                }
                return p - 1 - w >= 2 && Character.isUpperCase(s[w]) ? w : -1;
            }
        }
        return -1;
    }

    /** Chat words before a name at a line's start that only greet or answer: "ок диас, …", "привет тимур". */
    private static final String[] CHAT_OPENERS = {
        "ок", "ok", "привет", "сәлем", "салем", "hi", "hey", "рахмет", "спасибо", "это я", "бұл мен", "its", "it's",
        "ей", "эй", "ау", "бро", "слушай", "yo"
    };

    private static final char[][] CHAT_OPENER_CHARS = Chars.arrays(CHAT_OPENERS);

    /**
     * Names a chat line opens with, the way people address each other in messengers: a first name in lower case at
     * the line's start ("нұрбол инстаграмның паролін ұмытып қалдым", "ok диас, принеси справку"), or a first name
     * cut short to address its bearer, capitalised or not, before a comma or a space ("Дим, скинь", "лёш только
     * никому": Дима, Лёша). Only names no list calls an ordinary word, and only a word followed by more of the line.
     */
    private void chatNames(char[] s, char[] lower, List<Finding> out) {
        for (int line = 0; line < s.length; ) {
            int next = Chars.indexOf(s, '\n', line);
            int end = next < 0 ? s.length : next;
            int p = line;
            while (p < end && s[p] == ' ') {
                p++;
            }
            int q = afterOpener(lower, p, end);
            int found = out.size();
            if (q == p && p < end && Chars.isUpperCase(s[p])) {
                unlistedSpeaker(s, lower, p, end, out);
            }
            if (q == p && out.size() == found) {
                resident(s, lower, p, end, out); // a house chat's "Марат (5 пәтер):", "Майра 21 кв:", "гүлмира 45:"
            }
            chatName(s, lower, q, end, q > p, out);
            int said = transcriptLabelEnd(lower, p, end);
            if (said > 0) {
                chatName(s, lower, said, end, false, out); // "голосовое от тёти Гали: саша, привет"
            }
            int letter = p;
            while (letter < end && letter - p < 16 && !Chars.isLetter(s[letter])) {
                letter++; // "12 августа 2009, в алматы. папе вите привет": the line's first letter
            }
            if (letter < end && Chars.isLowerCase(s[letter]) && end - p <= CHAT_LINE) {
                namesInChatLine(
                        s,
                        lower,
                        p,
                        end,
                        out.size() > found ? out.get(out.size() - 1).end() : p,
                        out);
            }
            line = end + 1;
        }
    }

    /**
     * First words of a label that says a message was spoken ("расшифровка голосового:", "дауыстық хабарлама:", "voice
     * note transcript:"): a line is asked for its label only when it starts with one.
     */
    private static final CueSet TRANSCRIPT_LABELS =
            new CueSet("голосов", "расшифровк", "дауыстық", "хабарлама", "аудио", "transcript", "voice", "audio");

    /** How far into its line a transcript's label may end with its colon. */
    private static final int TRANSCRIPT_LABEL = 48;

    /**
     * Where the words of a spoken message begin after its label at the line's start ({@link #TRANSCRIPT_LABELS}, no
     * digit, a colon and a space), or -1: the first word there is the message's first word, as a chat line's is.
     */
    private static int transcriptLabelEnd(char[] lower, int p, int end) {
        if (p >= end || TRANSCRIPT_LABELS.lengthAt(lower, p, end) == 0) {
            return -1; // most lines: one look at the first word
        }
        int colon = Chars.indexOf(lower, ':', p, Math.min(end, p + TRANSCRIPT_LABEL));
        if (colon < 0 || colon + 2 >= end || lower[colon + 1] != ' ') {
            return -1;
        }
        for (int i = p; i < colon; i++) {
            if (Chars.isDigit(lower[i])) {
                return -1;
            }
        }
        int q = colon + 1;
        while (q < end && lower[q] == ' ') {
            q++;
        }
        return q;
    }

    /** The longest line read as a chat line when it starts in lower case: longer ones are prose or code. */
    private static final int CHAT_LINE = 300;

    /** Words right before a lower-case name in a chat line that speak of or to its bearer: "скажи саше", "к ленке". */
    private static final WordSet CHAT_CUES_BEFORE = new WordSet(words(
            "скажи",
            "скажите",
            "передай",
            "передайте",
            "спроси",
            "попроси",
            "пиши",
            "напиши",
            "позвони",
            "звони",
            "говори",
            "скинь",
            "отправь",
            "перешли",
            "у",
            "к",
            "ко",
            "с",
            "со",
            "для",
            "от",
            "про",
            "на",
            "это",
            "папе",
            "маме",
            "номер", // whose number: "номер вадика скину"
            "телефон",
            "иин", // whose IIN: "у вас ИИН тимура есть?"
            "жсн",
            // Russian kin words and greetings before a first name in a chat: "дядя коля", "тёте гале", "привет саша"
            "дядя",
            "дядь",
            "тёть",
            "теть",
            "дяде",
            "дядю",
            "тётя",
            "тетя",
            "тёте",
            "тете",
            "тётю",
            "тетю",
            "баба",
            "бабе",
            "бабу",
            "деда",
            "деду",
            "алё",
            "алло",
            "привет",
            "сказал",
            "сказала",
            "бұл", // "бұл нұрай" (this is Nurai)
            "мен", // I, and: "мен айдос", "асхат мен ерлан"
            "анам", // my mother, father, brother…: "анам гүлнар ауырып қалды"
            "әкем",
            "ағам",
            "інім",
            "қызым",
            "ұлым",
            "апам",
            "әпкем",
            "сіңлім",
            "күйеуім",
            "әйелім",
            "жолдасым",
            "құрбым",
            "досым",
            "ask",
            "tell",
            "ping",
            "cc",
            "btw",
            "lol",
            "thx"));

    /** Words right after a lower-case name in a chat line that say what its bearer did or is told: "гоша менял". */
    private static final WordSet CHAT_CUES_AFTER = new WordSet(words(
            "скажи",
            "передай",
            "сказал",
            "сказала",
            "просил",
            "просила",
            "менял",
            "меняла",
            "забыл",
            "забыла",
            "кинул",
            "кинула",
            "написал",
            "написала",
            "звонил",
            "звонила",
            "привет",
            "сұрап",
            "есімді", // "Алма есімді қыз": a girl named Алма
            "атында",
            "атына",
            "атынан",
            "жіберші",
            "берші",
            "ауыстырған",
            "ауыстырды",
            "asked",
            "says",
            "said",
            "just",
            "pushed",
            "posted",
            "pasted",
            "sent",
            "told",
            "can",
            "could",
            "pls",
            "please"));

    /** Particles skipped between a name and the verb after it: "дәуренге де айтамын", "гоша тоже менял". */
    private static final WordSet CHAT_PARTICLES = new WordSet(words("де", "да", "та", "те", "тоже", "же", "опять"));

    /**
     * Stems of first names whose declined forms are words too, read in lower case only as words: "мақсатқа жету" (the
     * goal), "адамға" (to a person), "алуға" (to take), "оралды" (returned), "у льва" (the lion's; "льв" is the stem of
     * Лев).
     */
    private static final CueSet NOUN_NAMES =
            new CueSet("мақсат", "болат", "қайрат", "мұрат", "береке", "бағдат", "адам", "алу", "орал", "жан", "льв");

    /**
     * First names in lower case inside a chat line that starts in lower case, past {@code from}: a listed first name
     * (no ordinary word) mentioned ("@tomasz"), with a cue before it ("скажи саше", "к ленке", "lol kevin"), a verb
     * after it ("гоша менял",
     * "бекзатқа айт"), or a Kazakh case ending on it, which no ordinary word takes on a name ("мәдинаға ақша
     * жібердім", "асқардың нөмірі"). Only words whose first three letters begin some first name are looked up.
     */
    private void namesInChatLine(char[] s, char[] lower, int lineStart, int lineEnd, int from, List<Finding> out) {
        char[] folded = null;
        Morph morph = null;
        // a name without a cue needs words around it: a lone word ("rustam") is no chat line
        boolean sentence = Chars.indexOf(s, ' ', lineStart, lineEnd) >= 0;
        for (int p = from; p < lineEnd; p++) {
            boolean mention = p > lineStart && s[p - 1] == '@' && (p - 1 == lineStart || s[p - 2] == ' ');
            if (!Chars.isLowerCase(s[p]) || p > lineStart && !nameBoundary(s[p - 1]) && !mention) {
                continue;
            }
            int e = p + 1;
            while (e < lineEnd && Chars.isLowerCase(s[e])) {
                e++;
            }
            int len = e - p;
            boolean word = e == lineEnd || nameBoundary(s[e]) || s[e] == '.' || s[e] == '!' || s[e] == '?';
            if (!word || len < 3 || len > 16) {
                p = e;
                continue;
            }
            char a = lower[p] == 'ё' ? 'е' : lower[p];
            char b = lower[p + 1] == 'ё' ? 'е' : lower[p + 1];
            char c = lower[p + 2] == 'ё' ? 'е' : lower[p + 2];
            if (!names.mayBeFirstName(a, b, c) || NOT_NAMES.contains(lower, p, e)) {
                p = e;
                continue;
            }
            if (introducedByMen(s, lower, p, e)) {
                out.add(new Finding(EntityType.PERSON, p, e, 0.7, "person-chat")); // "мен данамын"
                p = e;
                continue;
            }
            // the cues and the case ending are cheap to test, the name's readings are not: most words have neither
            // a name that is a word too is taken with kin after it, or in the case a cue after it asks for
            boolean told = kinWordAfter(lower, e, lineEnd) || caseCue(lower, p, e, lineEnd);
            boolean cue = told
                    || mention
                    || chatCueBefore(lower, lineStart, p)
                    || chatCueAfter(lower, e, lineEnd)
                    || restOfNameAfter(s, e, lineEnd); // "светлана поздеева", "күлпаш ахметқызы"

            boolean bare = sentence && len >= BARE_CHAT_NAME && s[p] < 0x80; // Latin: Kazakh names are words too often
            if (!cue && !bare && !KAZAKH_CASE_ENDINGS.endsWithAny(lower, e, p + 2)) {
                p = e;
                continue;
            }
            if (folded == null) {
                folded = new char[17];
                morph = new Morph();
            }
            Token t = token(s, p, e, folded, morph);
            if (t == null
                    || !t.firstName()
                    || !told
                            && (t.common()
                                    || ((morph.exact | morph.baseFlags) & NameDictionary.ORDINARY_WORD) != 0
                                    || names.commonWord(folded, len))) {
                p = e;
                continue;
            }
            boolean exact = (morph.exact & NameDictionary.FIRST_NAME) != 0;
            if (!exact && nounStem(folded, len)) {
                p = e;
                continue;
            }
            int agreement = t.agreement();
            boolean kazakhCase =
                    !exact && agreement != NameParadigms.ALL && (agreement & ~NameParadigms.KAZAKH_CASES) == 0;
            if (kazakhCase || cue || exact && bare) {
                out.add(new Finding(EntityType.PERSON, p, e, 0.7, "person-chat"));
            }
            p = e;
        }
    }

    /**
     * The shortest first name taken in a lower-case chat line with no cue beside it, as written (no case ending), in
     * Latin letters and listed only as a name: "send it to rustam too", "moving to nurbol and his wife's place". In
     * Cyrillic too many Kazakh names are words ("саят", "ақбота") for a name without a cue.
     */
    private static final int BARE_CHAT_NAME = 4;

    /** The Kazakh case endings of first names ({@code name-paradigms.txt}): a word without one needs a cue. */
    private static final SuffixSet KAZAKH_CASE_ENDINGS = new SuffixSet(KAZAKH_CASES);

    /** Whether the folded word begins with one of {@link #NOUN_NAMES} and goes on past it. */
    private static boolean nounStem(char[] folded, int len) {
        return NOUN_NAMES.lengthAt(folded, 0, len - 1) > 0;
    }

    /** A char that may stand right before or after a name in a chat line: not part of a word, key, path or address. */
    private static boolean nameBoundary(char c) {
        return c == ' ' || c == ',' || c == '(' || c == ')' || c == '«' || c == '»' || c == '"' || c == '—' || c == '-'
                || c == ':' || c == ';';
    }

    /** Whether a word of {@link #CHAT_CUES_BEFORE} stands right before {@code p}, or one and "что" ("скажи что"). */
    private static boolean chatCueBefore(char[] lower, int lineStart, int p) {
        int e = p - 1;
        for (int words = 0; words < 2; words++) {
            while (e >= lineStart && (lower[e] == ' ' || lower[e] == ',')) {
                e--;
            }
            int w = e;
            while (w >= lineStart && Chars.isLetter(lower[w])) {
                w--;
            }
            if (w == e) {
                return false;
            }
            if (CHAT_CUES_BEFORE.contains(lower, w + 1, e + 1)) {
                return true;
            }
            boolean filler = e - w == 3 && Chars.startsWith(lower, "что", w + 1) || e - w == 1 && lower[e] == 'я';
            if (!filler) {
                return false; // past "что" or "я" only: "скажи что гоша …", "это я лиза"
            }
            e = w;
        }
        return false;
    }

    /** Kazakh genitive endings: whose. */
    private static final SuffixSet GENITIVE = new SuffixSet("ның", "нің", "дың", "дің", "тың", "тің");

    /** Kazakh dative endings after a stem: to whom. */
    private static final SuffixSet DATIVE = new SuffixSet("ға", "ге", "қа", "ке");

    /**
     * Words a person's data goes by, after a genitive: "ботаның адресі", "жұлдыздың туған күні", "мөлдірдің
     * картасы" (a star's or a calf's data is none). Read as the next word's beginning.
     */
    private static final CueSet DATA_NOUNS = new CueSet(
            "адрес",
            "мекенжай",
            "нөмір",
            "номер",
            "телефон",
            "тел",
            "картасы",
            "картасын",
            "туған",
            "жсн",
            "иин",
            "паспорт",
            "төлқұжат",
            "куәлі",
            "почта",
            "пошта");

    /**
     * Imperatives that tell or give something to the one in the dative before them: "мейрамға айт", "мөлдірге
     * аударыңдар", "жұлдызға кілтті бер". A goal or a purpose takes other verbs ("жұлдызға қарап", "мақсатқа жету").
     */
    private static final WordSet ADDRESSEE_VERBS = new WordSet(words(
            "айт",
            "айтшы",
            "айтыңыз",
            "айтыңдар",
            "бер",
            "берші",
            "беріңіз",
            "беріңдер",
            "сал",
            "салшы",
            "салыңыз",
            "салыңдар",
            "аудар",
            "аударшы",
            "аударыңыз",
            "аударыңдар",
            "жібер",
            "жіберші",
            "жіберіңіз",
            "жіберіңдер",
            "хабарлас",
            "хабарласшы",
            "хабарласыңыз",
            "жаз",
            "жазшы",
            "жазыңыз",
            "көрсет",
            "көрсетші",
            "тапсыр",
            "тапсырыңыз"));

    /**
     * Whether the lower-case word {@code [p, e)} is in the genitive with a word for a person's data after it, or in the
     * dative with an imperative of telling or giving after it (past particles, "сәлем" and one object in the
     * accusative): cues strong enough to take a first name that is a word too.
     */
    private static boolean caseCue(char[] lower, int p, int e, int lineEnd) {
        if (e - p < 5 || e + 3 > lineEnd || lower[e] != ' ') {
            return false; // a stem of three letters and an ending, then a word
        }
        boolean genitive = GENITIVE.endsWithAny(lower, e, p + 3);
        if (!genitive && !DATIVE.endsWithAny(lower, e, p + 3)) {
            return false;
        }
        int q = e;
        for (int words = 0; words < 3; words++) {
            while (q < lineEnd && lower[q] == ' ') {
                q++;
            }
            int w = q;
            while (w < lineEnd && Chars.isLetter(lower[w])) {
                w++;
            }
            if (w == q) {
                return false;
            }
            if (genitive) {
                return DATA_NOUNS.lengthAt(lower, q, w) > 0; // the data's word right after: "ботаның адресі"
            }
            if (ADDRESSEE_VERBS.contains(lower, q, w)) {
                return true;
            }
            boolean between = CHAT_PARTICLES.contains(lower, q, w)
                    || w - q == 5 && Chars.startsWith(lower, "сәлем", q)
                    || words == 0 && w - q >= 4 && ACCUSATIVE.endsWithAny(lower, w, q + 2);
            if (!between) {
                return false;
            }
            q = w;
        }
        return false;
    }

    /** Kazakh accusative endings: the object between a dative name and its verb ("жұлдызға кілтті бер"). */
    private static final SuffixSet ACCUSATIVE = new SuffixSet("ны", "ні", "ды", "ді", "ты", "ті");

    /** Whether a verb of {@link #CHAT_CUES_AFTER} or of saying ("айт…") follows {@code e}, past a particle. */
    /**
     * Words of kin and respect a Kazakh chat puts after a first name ("зере апайдың", "қанат ағай", "ерлан көке"):
     * after one, a first name that is also a word is the name.
     */
    private static final String[] KIN_AFTER = {
        "аға", "апай", "әпке", "тәте", "көке", "жеңге", "ака", "апа", "эже", "бауырым", "бауыр"
    };

    /** The first letters of {@link #KIN_AFTER}. */
    private static final String KIN_INITIALS = "аәткжэб";

    /** The letters a kin word's ending may start with: "ағай", "апамның", "тәтесі", "ағалар"; not "ағаш", "апар". */
    private static final String KIN_ENDINGS = "ймңсндғгл";

    /** Whether the word after {@code e} is a kin word of {@link #KIN_AFTER}, with at most four letters of ending. */
    private static boolean kinWordAfter(char[] lower, int e, int lineEnd) {
        if (e + 4 > lineEnd || lower[e] != ' ' || KIN_INITIALS.indexOf(lower[e + 1]) < 0) {
            return false; // most words after a name-like word start as no kin word does
        }
        int p = e + 1;
        int w = p;
        while (w < lineEnd && Chars.isLetter(lower[w])) {
            w++;
        }
        return kinWord(lower, p, w);
    }

    /** Whether {@code [p, w)} is a kin word of {@link #KIN_AFTER}, with at most four letters of ending. */
    private static boolean kinWord(char[] lower, int p, int w) {
        for (String kin : KIN_AFTER) {
            int end = p + kin.length();
            if (w >= end
                    && w - end <= 4
                    && Chars.startsWith(lower, kin, p)
                    && (w == end || KIN_ENDINGS.indexOf(lower[end]) >= 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean chatCueAfter(char[] lower, int e, int lineEnd) {
        int p = e;
        for (int words = 0; words < 2; words++) {
            while (p < lineEnd && (lower[p] == ' ' || words == 0 && lower[p] == ',')) {
                p++; // "саша, привет"
            }
            int w = p;
            while (w < lineEnd && Chars.isLetter(lower[w])) {
                w++;
            }
            if (w == p) {
                return false;
            }
            if (CHAT_CUES_AFTER.contains(lower, p, w) || w - p >= 3 && Chars.startsWith(lower, "айт", p)) {
                return true;
            }
            if (!CHAT_PARTICLES.contains(lower, p, w)) {
                return false;
            }
            p = w;
        }
        return false;
    }

    /** Past a chat opener and its space or comma at {@code p}, or {@code p}. */
    private static int afterOpener(char[] lower, int p, int end) {
        for (char[] opener : CHAT_OPENER_CHARS) {
            int q = p + opener.length;
            if (q + 1 < end
                    && Chars.startsWith(lower, opener, p)
                    && (lower[q] == ' ' || lower[q] == ',' || lower[q] == '!')) {
                q++;
                while (q < end && lower[q] == ' ') {
                    q++;
                }
                return q;
            }
        }
        return p;
    }

    private void chatName(char[] s, char[] lower, int p, int lineEnd, boolean opened, List<Finding> out) {
        int end = p;
        while (end < lineEnd && Chars.isLetter(s[end]) && end - p <= 16) {
            end++;
        }
        int len = end - p;
        if (!opened && len >= 3 && len <= 16 && end + 1 < lineEnd && s[end] == ':' && s[end + 1] == ' ') {
            lowerCaseSpeaker(s, lower, p, end, out); // "sam: hey can u send me …"
            return;
        }
        boolean closed = opened && (end == lineEnd || s[end] == '.' || s[end] == '!'); // "это я, тимур."
        if (len < 3
                || len > 16
                || !closed
                        && (end + 1 >= lineEnd
                                || s[end] != ' ' && s[end] != ','
                                || !Chars.isLetter(s[end + 1]) && s[end + 1] != ' ')) {
            return;
        }
        boolean capital = Chars.isUpperCase(s[p]);
        // an imperative after the word is looked up only for a capitalised word without a comma: "Ксюш скинь"
        boolean imperative = capital && end < lineEnd && s[end] == ' ' && imperativeAfter(lower, end + 1, lineEnd);
        if (capital && (end >= s.length || s[end] != ',') && !imperative) {
            return; // most lines open with a capitalised word: only "Дим," or "Ксюш скинь" (cut short) can be ours
        }
        for (int i = p + 1; i < end; i++) {
            if (!Chars.isLowerCase(s[i])) {
                return;
            }
        }
        if (NOT_NAMES.contains(lower, p, end)) {
            return;
        }
        char[] folded = new char[len + 1];
        NameForms.foldInto(s, p, end, folded);
        long flags = names.flags(folded, len, "");
        if (!capital
                && (flags == NameDictionary.FIRST_NAME
                        || closed && (flags & NameDictionary.FIRST_NAME) != 0 && thanked(lower, p))) {
            out.add(new Finding(EntityType.PERSON, p, end, 0.7, "person-chat")); // "рахмет ерке" ends its line
            return;
        }
        char after = end < s.length ? s[end] : '\n';
        if (folded[0] < 0x400 || !capital && after != ' ' && after != ',' || capital && after != ',' && !imperative) {
            return;
        }
        // an address cut short: "Дим" for Дима, "Тань" for Таня, "Лёш" for Лёша
        int stem = folded[len - 1] == 'ь' ? len - 1 : len;
        char last = folded[stem - 1];
        String ending =
                last == 'ш' || last == 'ж' || last == 'ч' || last == 'щ' ? "а" : folded[len - 1] == 'ь' ? "я" : "а";
        if (names.flags(folded, stem, ending) == NameDictionary.FIRST_NAME
                && names.flags(folded, len, "") == 0
                && !names.commonWord(folded, len)) {
            out.add(new Finding(EntityType.PERSON, p, end, 0.7, "person-chat"));
        }
    }

    /**
     * A chat turn's speaker in lower case ("sam: hey …" / "jess: its …"): a listed first name that no list calls a
     * word, or one that is a word too ("sam") when it opens another line of the text as a speaker again, which keys
     * such as "host:" or "max:" do only in name lists, never.
     */
    private void lowerCaseSpeaker(char[] s, char[] lower, int p, int end, List<Finding> out) {
        for (int i = p; i < end; i++) {
            if (!Chars.isLowerCase(s[i])) {
                return;
            }
        }
        if (NOT_NAMES.contains(lower, p, end)) {
            return;
        }
        long flags = flagsAsWritten(s, p, end);
        if ((flags & NameDictionary.FIRST_NAME) == 0) {
            if (flags == 0 && !commonWordAsWritten(s, p, end) && repeatedSpeaker(s, lower, p, end)) {
                out.add(new Finding(EntityType.PERSON, p, end, 0.7, "person-chat")); // "мадиш: …" twice, "мама: …"
            }
            return;
        }
        if (flags != NameDictionary.FIRST_NAME && !chatOfSpeakers(s, lower, p, end)) {
            return;
        }
        out.add(new Finding(EntityType.PERSON, p, end, 0.7, "person-chat"));
    }

    /**
     * A capitalised speaker no list knows ("Токсанбай: Жезказган, …", "Байғожа: …") opening a line of a chat or a
     * call: another of the text's lines opens with a role ("Оператор:") or a listed first name and a colon. An
     * ordinary word, a place, a role or a form's label ("Адрес:", "Тема:") is none; a word the lists call a first
     * name the run's scoring finds already.
     */
    private void unlistedSpeaker(char[] s, char[] lower, int p, int lineEnd, List<Finding> out) {
        int end = p + 1;
        while (end < lineEnd && end - p <= 16 && Chars.isLowerCase(s[end])) {
            end++;
        }
        if (end + 1 >= lineEnd
                || !speakerLabel(s, p, end)
                || NOT_NAMES.contains(lower, p, end)
                || transcriptRole(s, p, end)
                || AddressRecognizer.PLACES.contains(lower, p, end)) {
            return;
        }
        boolean shaped = end - p >= 5 && UNLISTED_NAME_ENDINGS.endsWithAny(lower, end, p + 2);
        if (!shaped && !repeatedSpeaker(s, lower, p, end)) {
            return; // a role or a label no list holds ("Тұрғын:", "Жүргізуші:", "Диагноз:") is as likely
        }
        char[] folded = new char[end - p + 1];
        NameForms.foldInto(s, p, end, folded);
        if (names.flags(folded, end - p, "") != 0 || names.commonWord(folded, end - p)) {
            return;
        }
        if (!shaped || otherSpeaker(s, lower, p, end)) {
            out.add(new Finding(EntityType.PERSON, p, end, 0.8, "person-chat"));
        }
    }

    /**
     * Whether the speaker's word {@code [p, end)}, no role by its ending, opens another of the text's lines with ": "
     * too, and a third line opens with another speaker's word: a chat's or a call's participant who speaks twice
     * ("Данік: …" / "Айко: …" / "Данік: ертең керек еді"), whatever the lists know of the word.
     */
    private static boolean repeatedSpeaker(char[] s, char[] lower, int p, int end) {
        if (ROLE_ENDINGS.endsWithAny(lower, end, p + 2) || speakerWordNoName(s, lower, p, end)) {
            return false;
        }
        if (recordOfLabels(s, lower)) {
            return false; // "Input: …" / "Expected: …" / "Actual: …" again and again: a record's fields, no one's turns
        }
        boolean[] again = {false};
        boolean[] other = {false};
        anyOtherLine(s, p, true, (a, e) -> {
            if (speakerLabel(s, a, e)) {
                if (Arrays.equals(lower, a, e, lower, p, end)) {
                    again[0] = true;
                } else if (!Chars.isDigit(s[a])) {
                    other[0] = true;
                }
            }
            return again[0] && other[0];
        });
        return again[0] && other[0];
    }

    /**
     * A house chat's speaker labelled with the flat: a word, then its flat's number bare, with "кв"/"пәтер", or in
     * brackets, and ": " ("Марат (5 пәтер): …", "Майра 21 кв: …", "гүлмира 45: …"). The word is a name unless it is a
     * role, a kin word or a place; no list need know it.
     */
    private void resident(char[] s, char[] lower, int p, int lineEnd, List<Finding> out) {
        int end = p;
        while (end < lineEnd && end - p <= 16 && Chars.isLetter(s[end])) {
            end++;
        }
        if (end - p < 3 || end + 3 >= lineEnd || s[end] != ' ' || !Chars.isLetter(s[p])) {
            return;
        }
        int q = end + 1;
        boolean bracket = s[q] == '(';
        q += bracket ? 1 : 0;
        int digits = Chars.digitRun(s, q);
        if (digits == 0 || digits > 4) {
            return;
        }
        q += digits;
        int unit = q + 1 < lineEnd && s[q] == ' ' ? FLAT_UNITS.lengthAt(lower, q + 1, lineEnd) : 0;
        q += unit > 0 ? 1 + unit : 0;
        if (q < lineEnd && s[q] == '.') {
            q++;
        }
        if (bracket && (unit == 0 || q >= lineEnd || s[q++] != ')')) {
            return;
        }
        if (q + 1 >= lineEnd || s[q] != ':' || s[q + 1] != ' ') {
            return;
        }
        if (speakerWordNoName(s, lower, p, end)
                || AddressRecognizer.PLACES.contains(lower, p, end)
                || commonWordAsWritten(s, p, end)) {
            return;
        }
        if (unit == 0 && (flagsAsWritten(s, p, end) & NameDictionary.FIRST_NAME) == 0) {
            return; // a bare number says no flat: "Заявка 8891:", "Қатысушы 1:"; a listed name it may follow
        }
        out.add(new Finding(EntityType.PERSON, p, end, 0.8, "person-chat"));
    }

    /** A flat's words after its number in a house chat's label. */
    private static final CueSet FLAT_UNITS = new CueSet("пәтер", "кв", "квартира");

    /**
     * Kin words, roles and pronouns that label a chat's or a call's turns as a name would ("мама:", "балам:",
     * "Звонящая:", "Тұрғын:", "host:"): {@link #repeatedSpeaker} takes none of them for a name.
     */
    private static final WordSet SPEAKING_KIN_AND_ROLES = new WordSet(words(
            "мама",
            "мам",
            "мамуля",
            "папа",
            "пап",
            "папуля",
            "сын",
            "сынок",
            "дочь",
            "доча",
            "дочка",
            "мать",
            "отец",
            "бабуля",
            "бабушка",
            "баба",
            "дед",
            "деда",
            "дедушка",
            "брат",
            "братан",
            "сестра",
            "сестрёнка",
            "жена",
            "муж",
            "тётя",
            "дядя",
            "внук",
            "внучка",
            "сосед",
            "соседка",
            "ребёнок",
            "женщина",
            "мужчина",
            "я",
            "мы",
            "ана",
            "анам",
            "анасы",
            "апа",
            "апам",
            "апай",
            "әке",
            "әкем",
            "әкесі",
            "ата",
            "атам",
            "әже",
            "әжем",
            "ағам",
            "ағасы",
            "аға",
            "әпкем",
            "әпке",
            "бауырым",
            "інім",
            "сіңлім",
            "қарындасым",
            "ұлым",
            "қызым",
            "балам",
            "бала",
            "балалар",
            "енем",
            "күйеуім",
            "күйеу",
            "әйелім",
            "әйел",
            "жұбайы",
            "жолдасым",
            "көрші",
            "көршім",
            "мен",
            "біз",
            "тұрғын",
            "азамат",
            "азаматша",
            "қонақ",
            "иесі",
            "шебер",
            "оқушы",
            "студент",
            "жүргізуші",
            "звонящая",
            "звонящий",
            "жилец",
            "житель",
            "жительница",
            "гражданин",
            "гражданка",
            "гость",
            "хозяин",
            "хозяйка",
            "пассажир",
            "продавец",
            "покупатель",
            "арендатор",
            "курьер",
            "мастер",
            "охрана",
            "водитель",
            "mom",
            "mum",
            "dad",
            "son",
            "daughter",
            "wife",
            "husband",
            "me",
            "host",
            "guest",
            "driver",
            "dispatcher",
            "passenger",
            "seller",
            "buyer",
            "tenant",
            "landlord",
            "courier",
            "reporter",
            "victim",
            "claimant",
            "complainant",
            "respondent",
            "spouse",
            "owner",
            "guard",
            "nurse",
            "teacher",
            "student",
            "neighbour",
            "neighbor",
            "manager",
            "staff",
            "ivr",
            "қыздар",
            "девочки",
            "девчонки",
            "ребята",
            "пацаны",
            "все",
            "team",
            "group",
            "all"));

    /**
     * Endings of words for a role that may label a transcript's turns and no name has: Kazakh -шы/-ші and -гер/-кер
     * ("Жүргізуші", "Зейнеткер"), Russian -тель, -ник, -ист, -ор, -ер ("Заявитель", "Диспетчер").
     */
    private static final SuffixSet ROLE_ENDINGS =
            new SuffixSet("шы", "ші", "гер", "кер", "тель", "ник", "ница", "ист", "истка", "ор", "ер", "ант", "ент");

    /** Endings that make Kazakh men's and women's names: "Токсанбай", "Байғожа", "Ерғали", "Күлжан", "Гүлбике". */
    private static final SuffixSet UNLISTED_NAME_ENDINGS =
            new SuffixSet("бай", "бек", "ғожа", "қожа", "ғали", "жан", "гүл", "бике", "сұлу", "тай", "хан");

    /**
     * Whether another of the text's lines opens (past a time) with a role or a listed first name other than
     * {@code [p, end)}, and ": ".
     */
    private boolean otherSpeaker(char[] s, char[] lower, int p, int end) {
        return anyOtherLine(
                s,
                p,
                true,
                (a, e) -> speakerLabel(s, a, e)
                        && (transcriptRole(s, a, e)
                                || !NOT_NAMES.contains(lower, a, e)
                                        && (flagsAsWritten(s, a, e) & NameDictionary.FIRST_NAME) != 0));
    }

    /** The lists' flags of the word {@code s[from, to)} as written (folded, no ending taken off). */
    private long flagsAsWritten(char[] s, int from, int to) {
        char[] folded = new char[to - from + 1];
        NameForms.foldInto(s, from, to, folded);
        return names.flags(folded, to - from, "");
    }

    /** Whether the word {@code s[from, to)} as written is an ordinary word the lists know. */
    private boolean commonWordAsWritten(char[] s, int from, int to) {
        char[] folded = new char[to - from + 1];
        NameForms.foldInto(s, from, to, folded);
        return names.commonWord(folded, to - from);
    }

    /** Whether a speaker's word {@code [p, end)} is no name: a label, a kin word, a role or a transcript's role. */
    private static boolean speakerWordNoName(char[] s, char[] lower, int p, int end) {
        return NOT_NAMES.contains(lower, p, end)
                || SPEAKING_KIN_AND_ROLES.contains(lower, p, end)
                || transcriptRole(s, p, end);
    }

    /** How far into the text {@link #chatOfSpeakers} looks for the speakers' other lines. */
    private static final int SPEAKERS_REACH = 4_000;

    /**
     * Whether another of the text's lines opens with the speaker's word {@code [p, end)} and a colon again, or with
     * another lower-case first name and ": " — a chat of speakers, where a name that is a word too ("самат:", "дана:")
     * is a speaker as much as its partner.
     */
    private boolean chatOfSpeakers(char[] s, char[] lower, int p, int end) {
        return anyOtherLine(s, p, false, (a, e) -> {
            boolean same = Arrays.equals(lower, a, e, lower, p, end);
            if (same) {
                return e + 1 < s.length && s[e] == ':'; // the same speaker again
            }
            for (int i = a; i < e; i++) {
                if (!Chars.isLowerCase(s[i])) {
                    return false;
                }
            }
            return speakerLabel(s, a, e)
                    && !NOT_NAMES.contains(lower, a, e)
                    && (flagsAsWritten(s, a, e) & NameDictionary.FIRST_NAME) != 0; // another speaker
        });
    }

    /** A test of the word {@code [from, to)} that opens a line, its letters only. */
    private interface LineWord {
        boolean test(int from, int to);
    }

    /**
     * Whether one of the text's first 40 lines, within its first {@link #SPEAKERS_REACH} chars, other than the one
     * opening at {@code p}, opens (past a time, when {@code pastTime}) with a word whose letters pass {@code test}.
     * Each speaker's line asks, so reading long lines to their ends was quadratic.
     */
    private static boolean anyOtherLine(char[] s, int p, boolean pastTime, LineWord test) {
        int w = 0;
        for (int line = 0; line < 40 && w >= 0 && w < SPEAKERS_REACH; line++) {
            int a = pastTime ? Chars.pastTime(s, w, s.length) : w;
            if (a != p) {
                int e = a;
                while (e < s.length && e - a <= 16 && Chars.isLetter(s[e])) {
                    e++;
                }
                if (test.test(a, e)) {
                    return true;
                }
            }
            int q = Chars.indexOf(s, '\n', w, Math.min(s.length, SPEAKERS_REACH));
            w = q < 0 ? -1 : q + 1;
        }
        return false;
    }

    /**
     * Whether the labels that open the text's lines repeat one cycle of three or more different labels at least twice,
     * in the same order and nothing else between ("Файл:", "Найдено:", "Вердикт:", "Файл:", …): the fields of a record
     * or a form given for several items. People in a chat do not speak in so strict a turn.
     */
    private static boolean recordOfLabels(char[] s, char[] lower) {
        int[] labels = new int[80];
        int[] count = {0};
        anyOtherLine(s, -1, true, (a, e) -> {
            if (speakerLabel(s, a, e) && count[0] < labels.length / 2) {
                labels[2 * count[0]] = a;
                labels[2 * count[0] + 1] = e;
                count[0]++;
            }
            return false;
        });
        int n = count[0];
        int period = 1;
        while (period < n && !sameLabel(lower, labels, period, 0)) {
            period++;
        }
        if (period < 3 || n < 2 * period) {
            return false;
        }
        for (int i = period; i < n; i++) {
            if (!sameLabel(lower, labels, i, i % period)) {
                return false;
            }
        }
        for (int i = 1; i < period; i++) {
            for (int j = 0; j < i; j++) {
                if (sameLabel(lower, labels, i, j)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the {@code i}-th and {@code j}-th labels of {@code labels} (start and end pairs) are the same word. */
    private static boolean sameLabel(char[] lower, int[] labels, int i, int j) {
        return Arrays.equals(lower, labels[2 * i], labels[2 * i + 1], lower, labels[2 * j], labels[2 * j + 1]);
    }

    /** Whether the word {@code [from, to)} of three to sixteen letters is a speaker's label: ": " follows it. */
    private static boolean speakerLabel(char[] s, int from, int to) {
        return to - from >= 3 && to - from <= 16 && to + 1 < s.length && s[to] == ':' && s[to + 1] == ' ';
    }

    /** Thanks that open a chat line: a listed first name closing the line after them is its addressee. */
    private static final String[] THANKS = {"рахмет", "спасибо", "thx", "thanks", "ty"};

    /** Whether {@code p}, a word after a chat opener, follows one of {@link #THANKS} at its line's start. */
    private static boolean thanked(char[] lower, int p) {
        return lineOpenerBefore(lower, p, " ,!", THANKS);
    }

    /**
     * Whether the word before {@code p}, past the chars of {@code skip}, opens its line and is one of {@code words}:
     * "рахмет, дана", "hey its …".
     */
    private static boolean lineOpenerBefore(char[] lower, int p, String skip, String[] words) {
        int e = p;
        while (e > 0 && skip.indexOf(lower[e - 1]) >= 0) {
            e--;
        }
        int w = Chars.letterRunStart(lower, e);
        return w < e && lineStart(lower, w) && Chars.isOneOf(lower, w, e, words);
    }

    /** Imperatives a chat line puts after the name it addresses: "Ксюш скинь реквизиты". */
    private static final WordSet IMPERATIVES = new WordSet(words(
            "скинь",
            "скажи",
            "напиши",
            "позвони",
            "набери",
            "глянь",
            "посмотри",
            "отправь",
            "перешли",
            "передай",
            "проверь",
            "кинь",
            "зайди",
            "возьми"));

    private static boolean imperativeAfter(char[] lower, int p, int lineEnd) {
        int w = p;
        while (w < lineEnd && Chars.isLetter(lower[w])) {
            w++;
        }
        return w > p && IMPERATIVES.contains(lower, p, w);
    }

    /** The cells under a name header, or the value of a name key: each a name if it is shaped like one. */
    private static void nameKey(char[] s, TableColumns tables, int at, String cue, List<Finding> out) {
        int end = at + cue.length();
        // a product's or a company's name is one word more often, and a user's a login
        int minWords = TWO_WORD_KEYS.contains(cue) || cue.startsWith("user") ? 2 : 1;
        if (!Chars.notWordAt(s, end) || at > 0 && Chars.isLetter(s[at - 1])) {
            return; // "names", "surnames"; but "full_name" as a whole
        }
        if (at > 0 && s[at - 1] == '"' && end < s.length && s[end] == '"') {
            int p = end + 1;
            while (p < s.length && s[p] == ' ') {
                p++;
            }
            if (p < s.length && s[p] == ':') {
                p++;
                while (p < s.length && s[p] == ' ') {
                    p++;
                }
                if (p < s.length && s[p] == '"') {
                    int close = p + 1;
                    while (close < s.length && close - p <= 61 && s[close] != '"') {
                        close++;
                    }
                    if (close < s.length && s[close] == '"' && nameShaped(s, p + 1, close, minWords)) {
                        out.add(new Finding(EntityType.PERSON, p + 1, close, 0.8, "person"));
                    }
                }
            }
            return;
        }
        if (tables.inTable(at)) {
            TableColumns.Cell name = (a, b) -> {
                if (nameShaped(s, a, b, minWords)) {
                    out.add(new Finding(EntityType.PERSON, a, b, 0.8, "person"));
                }
            };
            if (!tables.firstRow(at)) {
                tables.rightOf(at, name); // a form's row: "| Имя | Любовь |", the key's cells below are other keys
            } else if (!cue.equals("аты")) { // "аты" heads a column of any names: goods, places
                tables.below(at, name);
            }
            return;
        }
        if (minWords == 1 && !ROLE_KEYS.contains(cue)) {
            labelValue(s, at, end, out); // the fields of a person's name; roles and "name" may hold any name
        }
    }

    /**
     * Words that label a form's fields: a name's value stops before them ("Тегі: ҚАЙРАТОВА Аты: ДАНА"), and they are
     * no name themselves.
     */
    private static final Set<String> FIELD_WORDS = union(
            words(NAME_FIELD_LABELS),
            words(
                    "әкесінің",
                    "туған",
                    "дата",
                    "date",
                    "name",
                    "names",
                    "sex",
                    "пол",
                    "жынысы",
                    "ұлты",
                    "nationality",
                    "гражданство",
                    "citizenship",
                    "born",
                    "dob",
                    "иин",
                    "жсн",
                    "iin",
                    "год",
                    "место",
                    "national",
                    "first",
                    "last",
                    "middle"));

    /** Name keys for a role, whose value may be a ward's or a team's name as well ("Patient: stable"). */
    private static final Set<String> ROLE_KEYS = Set.of("employee", "patient", "сотрудник", "пациент");

    /** Labels a scanned form prints without a colon before a value in capitals: "Фамилия ВОРОБЬЁВА". */
    private static final Set<String> UNMARKED_LABELS =
            union(words(NAME_FIELD_LABELS), words("given names", "given name"));

    /**
     * The value of a form's name field after its label ({@code s[at, end)}): "Отчество: Бахытовна", "Имя=Жулдыз",
     * "Тегі:ҚАЙРАТОВА Аты:ДАНА", and without a colon a value in capitals after a label that opens its line or a
     * column of the form ("Фамилия ВОРОБЬЁВА", "Имя ОЛЬГА  Отчество НИКОЛАЕВНА"). The value is one to four
     * capitalised words that end the field.
     */
    private static void labelValue(char[] s, int at, int end, List<Finding> out) {
        int p = end;
        while (p < s.length && p - end < 3 && s[p] == ' ') {
            p++;
        }
        boolean marked = p < s.length && (s[p] == ':' || s[p] == '=');
        if (marked) {
            p++;
            while (p < s.length && p - end < 8 && s[p] == ' ') {
                p++;
            }
        } else if (p == end || !UNMARKED_LABELS.contains(NameForms.fold(s, at, end)) || !fieldOpens(s, at)) {
            return;
        }
        int from = p;
        int to = p;
        int words = 0;
        boolean caps = true;
        while (p < s.length && words < 4 && Chars.isUpperCase(s[p])) {
            int e = wordEnd(s, p);
            if (FIELD_WORDS.contains(NameForms.fold(s, p, e))) {
                break;
            }
            caps &= Chars.allUpper(s, p, e) || e - p == 1;
            words++;
            if (e < s.length && s[e] == '.') {
                e++; // an initial
            }
            to = e;
            p = e;
            int spaces = 0;
            while (p < s.length && s[p] == ' ' && spaces < 2) {
                p++;
                spaces++;
            }
        }
        if (words == 0 || !marked && !caps) {
            return;
        }
        int q = to;
        while (q < s.length && s[q] == ' ') {
            q++;
        }
        boolean closed = q >= s.length
                || "\n\r,;|(\"".indexOf(s[q]) >= 0
                || q > to && Chars.isUpperCase(s[q]) && FIELD_WORDS.contains(NameForms.fold(s, q, wordEnd(s, q)));
        if (closed && nameShaped(s, from, to, 1)) {
            out.add(new Finding(EntityType.PERSON, from, to, 0.8, "person"));
        }
    }

    /** Whether a label at {@code at} opens its line (after a field's number: "3. ") or a column (two spaces, a bar). */
    private static boolean fieldOpens(char[] s, int at) {
        int p = at - 1;
        if (p >= 1 && s[p] == ' ' && (s[p - 1] == ' ' || s[p - 1] == '|')) {
            return true;
        }
        while (p >= 0 && at - p < 8 && (s[p] == ' ' || s[p] == '.' || s[p] == ')' || Chars.isDigit(s[p]))) {
            p--;
        }
        return p < 0 || s[p] == '\n';
    }

    /**
     * {@code minWords} to four capitalised words of letters (an initial with its dot too), and nothing else; the last
     * not a word that ends an organisation's name ("Kaspi Bank").
     */
    private static boolean nameShaped(char[] s, int from, int to, int minWords) {
        if (to - from < 2 || to - from > 60) {
            return false;
        }
        int words = 0;
        int p = from;
        while (p < to) {
            if (!Chars.isUpperCase(s[p])) {
                return false;
            }
            int e = wordEnd(s, p);
            if (e > to) {
                return false;
            }
            words++;
            String word = NameForms.fold(s, p, e);
            if (ORG_BEFORE.contains(word) || word.equals("too") || word.equals("llp") || word.equals("jsc")) {
                return false; // an organisation: "TOO Altyn Dala", "АО Банк"
            }
            if (e < to && s[e] == '.') {
                e++; // an initial
            }
            if (e < to && s[e] != ' ') {
                return false;
            }
            while (e < to && s[e] == ' ') {
                e++;
            }
            if (e == to && words > 1 && ORG_AFTER.contains(word)) {
                return false;
            }
            p = e;
        }
        return words >= minWords && words <= 4;
    }

    /** A lower-case first name right after an introduction cue. */
    private void introduction(char[] s, int at, String cue, List<Finding> out) {
        int p = at + cue.length();
        while (p < s.length && (s[p] == ' ' || s[p] == ':' || s[p] == '-')) {
            p++;
        }
        if (p >= s.length || !Chars.isLowerCase(s[p])) {
            return; // capitalised names are handled by the main pass
        }
        int end = wordEnd(s, p);
        if ((names.lookup(NameForms.fold(s, p, end)) & NameDictionary.FIRST_NAME) != 0) {
            out.add(new Finding(EntityType.PERSON, p, end, 0.75, "person"));
        }
    }

    private static int wordEnd(char[] s, int i) {
        int j = i + 1;
        while (j < s.length) {
            char c = s[j];
            if (Chars.isLetter(c)) {
                j++;
            } else if ((c == '-' || c == '\'' || c == '’') && j + 1 < s.length && Chars.isLetter(s[j + 1])) {
                j += 2;
            } else {
                break;
            }
        }
        return j;
    }

    /** The end of a word without an English possessive ("Kemal's" is Kemal), or {@code end}. */
    private static int possessiveEnd(char[] s, int start, int end) {
        return end - start > 4 && s[end - 1] == 's' && (s[end - 2] == '\'' || s[end - 2] == '’') ? end - 2 : end;
    }

    /** Words before a listed first name that is also a word, which make it the name: "ask Arman", "tell Arnur". */
    private static final WordSet NAME_VERBS_BEFORE =
            new WordSet(words("ask", "tell", "ping", "cc", "thank", "thanks", "asked", "told", "имени"));

    /**
     * Whether a listed first name that is also an ordinary word ({@code [start, end)}, one word) is used as a name:
     * possessive ("Grace's laptop"), addressed between commas inside a sentence ("нельзя, Марат, убери"), or after a
     * verb of asking or telling ("ask Arman", "по имени Хасан").
     */
    private static boolean nameContext(char[] lower, int start, int end) {
        if (end + 1 < lower.length && (lower[end] == '\'' || lower[end] == '’') && lower[end + 1] == 's') {
            return true;
        }
        if (start > 0 && lower[start - 1] == '\n' && onlySpacesAfter(lower, end)) {
            return true; // the message's last line, a signature: "Delete this mail after you log in.\nMarta"
        }
        int p = start - 1;
        while (p >= 0 && lower[p] == ' ') {
            p--;
        }
        if (p > 0 && lower[p] == ',' && end < lower.length && (lower[end] == ',' || lower[end] == '!')) {
            return Chars.isLetter(lower[p - 1]);
        }
        int v = end < lower.length && lower[end] == ' ' ? end + 1 : -1;
        int ve = v < 0 ? -1 : Chars.letterRunEnd(lower, v);
        if (ve > v && CHAT_CUES_AFTER.contains(lower, v, ve)) {
            return true; // "Вера сказала", "Қуаныш переслал"
        }
        int w = p;
        while (w >= 0 && Chars.isLetter(lower[w])) {
            w--;
        }
        return w < p && NAME_VERBS_BEFORE.contains(lower, w + 1, p + 1);
    }

    /** Whether only spaces and line ends follow {@code p} to the end of the text. */
    private static boolean onlySpacesAfter(char[] s, int p) {
        for (int q = p; q < s.length; q++) {
            if (s[q] != ' ' && s[q] != '\n' && s[q] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The Kazakh "I am" endings: "Мейраммын", "Ләззатпын", "данамын". */
    private static final String[] PREDICATIVE_ENDINGS = {"мын", "мін", "пын", "пін", "бын", "бін"};

    /**
     * Whether the word {@code [start, end)} follows "мен" (I) and is a listed first name with a Kazakh "I am" ending:
     * "мен Мейраммын", "мен бақытжанмын" (the whole word is reported, as the name and its ending are one word).
     */
    private boolean introducedByMen(char[] s, char[] lower, int start, int end) {
        int len = end - start;
        if (len < 6 || len > MAX_NAME_WORD || start < 4 || lower[start - 1] != ' ') {
            return false;
        }
        if (!Chars.startsWith(lower, "мен", start - 4) || !Chars.notWordAt(lower, start - 5)) {
            return false;
        }
        boolean ending = false;
        for (String e : PREDICATIVE_ENDINGS) {
            ending |= Chars.startsWith(lower, e, end - 3);
        }
        if (!ending) {
            return false;
        }
        char[] folded = new char[len];
        NameForms.foldInto(s, start, end - 3, folded);
        return (names.flags(folded, len - 3, "") & NameDictionary.FIRST_NAME) != 0;
    }

    /** Words of one name are separated by spaces only, or by the dot of an initial. */
    private static boolean gapAllowsRun(char[] s, List<Token> run, int next) {
        if (run.isEmpty()) {
            return true;
        }
        Token last = run.get(run.size() - 1);
        int p = last.end();
        if (last.initial() && p < next && s[p] == '.') {
            p++;
        }
        int spaces = 0;
        while (p < next && s[p] == ' ') {
            p++;
            spaces++;
        }
        return p == next && spaces <= 2 && (spaces > 0 || last.initial());
    }

    /** The longest word read as a name, double-barrelled ones included ("Мухаммед-Али-Абдурахманова"). */
    private static final int MAX_NAME_WORD = 64;

    /** The capitalised word {@code s[start, end)} weighed as part of a name, or null; folds into {@code folded}. */
    private Token token(char[] s, int start, int end, char[] folded, Morph morph) {
        int len = end - start;
        boolean initial = len == 1 && end < s.length && s[end] == '.';
        if (initial) {
            return new Token(start, end, true, 0, false, false, false);
        }
        if (len < 2 || len > MAX_NAME_WORD) {
            return null; // a longer word is no name, and splitting it at its dashes would recurse once a dash
        }
        NameForms.foldInto(s, start, end, folded);
        if (len <= 4 && Chars.allUpper(s, start, end) && !shortCapsName(s, end, folded, len)) {
            return null; // acronyms (ИИН, ЦОН, IIN, ТОО, АХАТ), but not ЛИ, ПАК, ЦОЙ
        }
        if (hyphenatedAcronym(s, start, end)) {
            return null; // "ЖСН-інің", "ИИН-ге", "I-ТҮ"
        }
        if (NOT_NAMES.contains(folded, 0, len) || compassPrefix(folded, len)) {
            return null; // known non-names; "Западно-Казахстанская"
        }
        int particle = patronymicParticle(s, end);
        if (particle > 0 && len >= 3) {
            return new Token(start, particle, false, 0, false, false, true); // "Бахтиёр угли", "Ильхам оглы"
        }
        int dash = lastDash(s, start, end);
        if (dash > start + 2 && Chars.isLowerCase(s[dash + 1]) && kinWord(s, dash + 1, end)) {
            return token(s, start, dash, folded, morph); // "у Ержана-аға", "Гүлнар-апай": the name before the kin word
        }
        if (arabicArticle(s, start, dash, end)) {
            return new Token(start, end, false, 0, false, true, false); // "Al-Rashid": a name beside a first name
        }
        if (dash > start + 1 && Chars.isUpperCase(s[dash + 1])) {
            // "Анну-Марию", "Jean-Pierre", "Петрова-Водкина": both parts names of one kind ("Нур-Султан" is no name)
            Token head = token(s, start, dash, folded, morph);
            Token part = token(s, dash + 1, end, folded, morph);
            NameForms.foldInto(s, start, end, folded);
            if (head != null
                    && part != null
                    && (head.firstName() && !head.ordinaryWord() && part.firstName()
                            || head.surname() && part.surname())) {
                return new Token(
                        start,
                        end,
                        false,
                        part.dict(),
                        part.surname(),
                        part.weakSurname(),
                        part.patronymic(),
                        part.agreement(),
                        false);
            }
        }
        long exact = names.flags(folded, len, "") & ~NameDictionary.COMMON_WORD;
        morph.reset(folded, len, exact);
        if (folded[0] >= 0x400) {
            PARADIGMS.readings(folded, len, 2, morph); // Latin names: their suffixes are read by NameForms below
        }
        int agreement = morph.agreement();
        if (morph.patronymic != 0 && len >= 5) {
            return new Token(start, end, false, 0, false, false, true, morph.patronymic, false);
        }
        // the paradigms found the declined first names (and their flags); the word itself may be any listed name
        long dict = exact | morph.baseFlags;
        if (dict == 0 && morph.first == 0 && endearment(folded, len)) {
            dict = NameDictionary.FIRST_NAME; // "Гаухаржан", "Лауражан": a first name and the Kazakh "dear"
        }
        if (folded[0] < 0x80) {
            if (NameForms.isPatronymic(folded, len)) {
                return new Token(start, end, false, 0, false, false, true); // Latin: "Serikovich", "Nurlanuly"
            }
            // Latin: the dictionary's own forms are the word as written, which exact already holds; lookup tries no
            // endings on a Latin word, so asking it again would add nothing
        }
        if ((dict & NameDictionary.FIRST_NAME) != 0 || morph.first != 0) {
            dict |= NameDictionary.FIRST_NAME;
            // a noun's Russian case is the noun's as much as the name's: "Лилии и тюльпаны", "Розы"
            boolean nounCase = (morph.baseFlags & NameDictionary.NAME_WORD) != 0
                    && (morph.first & ~NameParadigms.KAZAKH_CASES) != 0;
            if ((exact & NameDictionary.FIRST_NAME) == 0 && (morph.first & ~KAZAKH_ACCUSATIVE) != 0 && !nounCase) {
                // declined ("Айгүлге"): no longer the ordinary word; but "Бақытты", "Салтанатты" are adjectives too
                dict &= ~NameDictionary.ORDINARY_WORD;
            }
            return new Token(start, end, false, dict, false, false, false, agreement, false);
        }
        boolean strong =
                (morph.surname != 0 && len >= 5 || NameForms.isStrongSurname(folded, len) || family(folded, len))
                        && !kazakhNounInYn(folded, len);
        boolean weak = !strong
                && (morph.weak != 0 && len >= 5
                        || NameForms.isWeakSurname(folded, len)
                        || (dict & NameDictionary.LISTED_SURNAME) != 0);
        boolean common = (strong || weak) && names.commonWord(folded, len); // only a surname's shape can mislead
        return new Token(start, end, false, dict, strong, weak, false, agreement, common);
    }

    /**
     * A family by its surname in the Kazakh plural ("Тұрғанбаевтар отбасы", "Нұрғалиевтер"): -тар or -тер after a
     * surname ending in -ов, -ев or -ин ("Хасеновтар"); the plural of no other word ends so.
     */
    private static boolean family(char[] folded, int len) {
        if (len < 8
                || folded[len - 1] != 'р'
                || folded[len - 3] != 'т'
                || folded[len - 2] != 'а' && folded[len - 2] != 'е') {
            return false;
        }
        char a = folded[len - 5];
        char b = folded[len - 4];
        return (a == 'о' || a == 'е') && b == 'в' || a == 'и' && b == 'н';
    }

    /**
     * A word with a Kazakh letter ending in -ын ("Тұрғын", "Құрылтайын"): a Kazakh noun, not the Russian surname
     * suffix of "Птицын".
     */
    private static boolean kazakhNounInYn(char[] folded, int len) {
        if (len < 4 || folded[len - 1] != 'н' || folded[len - 2] != 'ы') {
            return false;
        }
        for (int i = 0; i < len - 2; i++) {
            if (Lexicons.KAZAKH_LETTERS.indexOf(folded[i]) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The Arabic article of a family name before its capitalised rest: "Al-Rashid", "El-Sayed", "Аль-Харби". */
    private static final String[] ARABIC_ARTICLES = {"al", "el", "ал", "аль", "эль"};

    private static boolean arabicArticle(char[] s, int start, int dash, int end) {
        if (dash < start + 2 || dash > start + 3 || end - dash < 4 || !Chars.isUpperCase(s[dash + 1])) {
            return false;
        }
        return Chars.isOneOfIgnoringCase(s, start, dash, ARABIC_ARTICLES);
    }

    private static int lastDash(char[] s, int start, int end) {
        for (int k = end - 2; k > start; k--) {
            if (s[k] == '-') {
                return k;
            }
        }
        return -1;
    }

    /** Uzbek, Azerbaijani and Kazakh patronymics written as a father's name and a separate word. */
    private static final String[] PATRONYMIC_PARTICLES = {
        "угли", "ўғли", "оглы", "огли", "ули", "кизи", "қизи", "кызы", "қызы", "o'g'li", "ogli", "ogly", "qizi", "kizi",
        "kyzy", "qyzy"
    };

    /** {@link #PATRONYMIC_PARTICLES} as char arrays: compared for every capitalised word before a lower-case one. */
    private static final char[][] PARTICLE_CHARS = Chars.arrays(PATRONYMIC_PARTICLES);

    /** The first chars of {@link #PATRONYMIC_PARTICLES}. */
    private static final String PARTICLE_INITIALS = Chars.initials(PATRONYMIC_PARTICLES);

    /** End of a patronymic particle right after {@code end} ("Бахтиёр угли"), or -1. */
    private static int patronymicParticle(char[] s, int end) {
        if (end + 4 > s.length || s[end] != ' ' || !Chars.isLowerCase(s[end + 1])) {
            return -1;
        }
        char first = s[end + 1];
        if (PARTICLE_INITIALS.indexOf(first) < 0) {
            return -1; // most capitalised words are followed by a word no particle begins like
        }
        for (char[] p : PARTICLE_CHARS) {
            int q = end + 1 + p.length;
            if (p[0] == first // most words: one compare
                    && q <= s.length
                    && Chars.startsWith(s, p, end + 1)
                    && (q == s.length || !Chars.isLetter(s[q]))) {
                return q;
            }
        }
        return -1;
    }

    /** A short all-caps word that is a surname (ЛИ, ПАК), or a first name before another capitalised word. */
    private boolean shortCapsName(char[] s, int end, char[] folded, int len) {
        long flags = names.flags(folded, len, "");
        if ((flags & NameDictionary.SURNAME) != 0) {
            return true;
        }
        return (flags & NameDictionary.FIRST_NAME) != 0
                && end + 1 < s.length
                && s[end] == ' '
                && Chars.isUpperCase(s[end + 1]);
    }

    private static boolean hyphenatedAcronym(char[] s, int start, int end) {
        int dash = start;
        while (dash < end && s[dash] != '-') {
            dash++;
        }
        // "ЖСН-інің", or a birth certificate's series: "I-ТҮ", "II-МЮ" (a Roman numeral and short capitals)
        return dash < end
                && dash - start <= 4
                && Chars.allUpper(s, start, dash)
                && (!Chars.allUpper(s, dash + 1, end) || end - dash - 1 <= 3 && romanNumeral(s, start, dash));
    }

    /** Whether {@code s[from, to)} is written in the letters of Roman numerals, Latin or Kazakh І. */
    private static boolean romanNumeral(char[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            if ("IVXІ".indexOf(s[i]) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean compassPrefix(char[] folded, int len) {
        if (len < 12
                || folded[4] != '-' && folded[6] != '-' && folded[7] != '-' && folded[8] != '-' && folded[10] != '-') {
            return false; // the dash of every prefix below is at 4, 6, 7, 8 or 10
        }
        for (String prefix : COMPASS_PREFIXES) {
            if (len > prefix.length() && Chars.startsWith(folded, prefix, 0)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] COMPASS_PREFIXES = {"северо-", "южно-", "западно-", "восточно-", "центрально-"};

    /** Collects the paradigm readings of one word; scratch space of one {@link #find} call. */
    private final class Morph implements NameParadigms.Visitor {
        char[] word;
        int length;
        int surname;
        int weak;
        int patronymic;
        int first;
        /** Flags of the dictionary forms the first-name readings found. */
        long baseFlags;

        /** Flags of the word as written; whether some first name begins like it. */
        long exact;

        boolean mayBeName;

        void reset(char[] folded, int len, long exactFlags) {
            baseFlags = 0;
            exact = exactFlags;
            mayBeName = len >= 3 && names.mayBeFirstName(folded[0], folded[1], folded[2]);
            word = folded;
            length = len;
            surname = 0;
            weak = 0;
            patronymic = 0;
            first = 0;
        }

        @Override
        public void reading(NameParadigms.Reading r) {
            switch (r.role()) {
                case NameParadigms.SURNAME -> surname |= r.mask();
                case NameParadigms.WEAK_SURNAME -> weak |= r.mask();
                case NameParadigms.PATRONYMIC -> patronymic |= r.mask();
                default -> {
                    int stem = length - r.ending();
                    long flags;
                    if (stem == length && r.restore().isEmpty()) {
                        flags = exact; // the word as written, looked up once
                    } else {
                        flags = (stem >= 3 ? mayBeName : stem == 2) ? names.flags(word, stem, r.restore()) : 0;
                    }
                    if ((flags & NameDictionary.FIRST_NAME) != 0) {
                        first |= r.mask();
                        baseFlags |= flags & ~NameDictionary.COMMON_WORD;
                    }
                }
            }
        }

        int agreement() {
            int all = surname | weak | patronymic | first;
            return all == 0 ? NameParadigms.ALL : all;
        }
    }

    private static Word previousWordBefore(char[] s, int i) {
        int p = i - 1;
        while (p >= 0 && " .:\"«“".indexOf(s[p]) >= 0) {
            p--;
        }
        int end = p + 1;
        while (p >= 0 && (Chars.isLetter(s[p]) || s[p] == '-')) {
            p--;
        }
        if (end <= p + 1) {
            return null;
        }
        return new Word(end, NameForms.fold(s, p + 1, end));
    }

    /**
     * Weighs a run, split first where its words stop agreeing: Russian names decline every word alike, so a word
     * whose (gender, case) pairs share none with those before it starts another name; Kazakh names put the case
     * ending on the last word only, so a word with a Kazakh case ends its name ("Ерланға Мәдина Асқарқызының" is
     * two people).
     */
    private void flush(TextView view, List<Token> run, List<Finding> out) {
        if (run.isEmpty()) {
            return; // the usual call: a capitalised word that is no name ended no run
        }
        if (run.size() == 1) {
            score(view, run, out);
            return;
        }
        int from = 0;
        int running = NameParadigms.ALL;
        for (int k = 0; k < run.size(); k++) {
            int m = run.get(k).agreement();
            boolean kazakh = m != NameParadigms.ALL && (m & ~NameParadigms.KAZAKH_CASES) == 0;
            boolean fits = kazakh ? (running & NOMINATIVE) != 0 : (running & m) != 0;
            if (k > from && !fits) {
                score(view, run.subList(from, k), out);
                from = k;
                running = NameParadigms.ALL;
            }
            if (kazakh) {
                score(view, run.subList(from, k + 1), out);
                from = k + 1;
                running = NameParadigms.ALL;
            } else {
                running &= m;
            }
        }
        score(view, from == 0 ? run : run.subList(from, run.size()), out);
    }

    private static final int NOMINATIVE = 1 << NameParadigms.NOM | 1 << (NameParadigms.CASES + NameParadigms.NOM);

    /** The Kazakh accusative, whose -ты/-ті/-ды/-ді is also the adjective "with": "Бақытты болыңыздар". */
    private static final int KAZAKH_ACCUSATIVE =
            1 << NameParadigms.KACC | 1 << (NameParadigms.CASES + NameParadigms.KACC);

    private void score(TextView view, List<Token> run, List<Finding> out) {
        if (run.isEmpty()) {
            return;
        }
        char[] s = view.chars();
        int first = 0;
        int last = run.size() - 1;
        // a capitalised word that only starts the sentence is not part of the name
        // an ordinary word shaped like a surname counts only beside a first name, patronymic or initial
        boolean anchored = false;
        for (Token t : run) {
            anchored |= t.initial() || t.patronymic() || t.firstName() && !t.common() && !t.ordinaryWord();
        }
        boolean leadingSurname = false;
        // a quoted name is weighed whole: dropping its first word would leave the rest outside the quotes
        boolean quotedRun = quoted(s, run.get(0).start(), run.get(last).end());
        while (first < last
                && CUE_WORD_SET.contains(
                        view.lower(), run.get(first).start(), run.get(first).end())
                && !(run.get(first).firstName() && russianPatronymic(view.lower(), run.get(first + 1)))) {
            // a cue word capitalised at the sentence's start: "Жұбайы Күлшара", "Оқушы Сағындықова Ақбота"; but a
            // first name before a Russian patronymic is the name: "Азамат Болатович", not "Азамат Тоқтарбекұлы …"
            first++;
        }
        // a foreigner's name no list knows, told by the papers after it, is kept whole: "Sun Hao, паспорт …"
        boolean papers = last - first >= 1
                && last - first <= 2
                && foreignerPapersAfter(s, view.lower(), run.get(last).end())
                && foreignerName(s, view.lower(), run, first, last);
        while (first < last
                && !quotedRun
                && !papers
                && (!evidence(run.get(first)) || run.get(first).common() && !anchored)
                && (sentenceStart(s, run.get(first).start())
                        || leadingGreeting(s, run.get(first))
                        || leadingOffice(view.lower(), run.get(first)))) {
            if (first == 0 && surnameBeforeName(view, run)) {
                leadingSurname = true;
                break;
            }
            first++;
        }
        while (last > first + 1 && !papers && !evidence(run.get(last)) && !evidence(run.get(last - 1))) {
            last--;
        }
        int firstNames = 0;
        int ordinary = 0;
        int surnames = 0;
        int weak = 0;
        int patronymics = 0;
        int initials = 0;
        int unknown = 0;
        for (int k = first; k <= last; k++) {
            Token t = run.get(k);
            if (t.initial()) {
                initials++;
            } else if (t.patronymic()) {
                patronymics++;
            } else if (t.firstName() && !t.ordinaryWord()) {
                firstNames++;
            } else if (t.firstName()) {
                ordinary++;
            } else if (t.common() && !anchored) {
                unknown++;
            } else if (t.surname() || t.dictSurname() || leadingSurname && k == 0 && run.size() == 2) {
                surnames++;
            } else if (t.weakSurname()) {
                weak++;
            } else {
                unknown++;
            }
        }
        int start = run.get(first).start();
        Token lastToken = run.get(last);
        int end = lastToken.end() + (lastToken.initial() && lastToken.end() < s.length ? 1 : 0);
        boolean sentenceStart = sentenceStart(s, start);
        int words = last - first + 1;
        if (words == 1
                && unknown == 1
                && sentenceStart
                && !(messageStart(s, start) && contextCue(view, s, start, end))) {
            return; // a capitalised word that starts a sentence, and nothing else: the common case, decided cheaply
        }
        boolean strong = firstNames > 0 || surnames > 0 || patronymics > 0 || ordinary > 0 && support(run, first, last);
        boolean quoted = quoted(s, start, end);
        boolean named = quoted && namedInQuotes(view.lower(), start, end);
        // the cue words are searched only when the run itself is weak evidence
        boolean cue = papers
                || !strong
                        && (named
                                || cueBefore(view.lower(), start)
                                || contextCue(view, s, start, end)
                                || speaker(s, run, first, last)
                                || ordinary > 0 && words == 1 && nameContext(view.lower(), start, end)
                                || words == 1 && introducedByMen(s, view.lower(), start, end)
                                || papers);
        int support = surnames + patronymics + initials + weak;
        double score;
        if (initials == words || cityMarker(s, run, first, last)) {
            return;
        }
        if (firstNames > 0 && (support > 0 || firstNames > 1 || ordinary > 0)) {
            score = 0.9;
        } else if (ordinary > 0 && support > 0) {
            score = 0.85;
        } else if (surnames > 0 && (patronymics > 0 || initials > 0 || weak > 0)) {
            score = 0.9;
        } else if (initials > 0 && (unknown > 0 || weak > 0) && unknown + weak <= 1) {
            score = 0.7;
        } else if (cue && words <= 4) {
            score = 0.85;
        } else if (surnames > 0 && unknown == 1 && words == 2) {
            score = 0.75; // Kazakh order: surname, then a first name the dictionary does not know
        } else if (firstNames > 0) {
            score = unknown == 0 ? 0.75 : (sentenceStart && !(run.get(first).firstName()) ? 0.4 : 0.7);
        } else if (surnames > 0 && unknown == 0) {
            score = 0.6;
        } else if (patronymics > 0 && words >= 2) {
            score = 0.8;
        } else if (patronymics == 1 && words == 1 && kazakhPatronymic(s, start, end)) {
            score = 0.75; // a Kazakh surname of the new kind on its own: "Серікұлынан"
        } else if (words >= 2 && words <= 3 && weak + ordinary > 0 && roleLabelBefore(view.lower(), start)) {
            score = 0.8; // "Landlord: Giorgi Beridze", "References: Fatima Karimi"
        } else {
            return;
        }
        if (words > 1 && !lastToken.initial() && organisationOrPlaceWord(s, lastToken)) {
            return; // "Назарбаев Университет", "Жибек Жолы": the run's own last word says what it is
        }
        Word previousWord = previousWordBefore(s, start); // the word before the name, not before a dropped "Улица"
        String nextWord = nextWord(s, lastToken.end()); // folded once for both tests
        if (words >= 2 && nextWord != null && regionAfterName(nextWord, words)) {
            // "Тоқтарбаев Кенжеғали Жамбыл облысы, …": the place word claims the run's last word, not the name before
            score(view, run.subList(first, last), out);
            return;
        }
        // a first name with a surname is a person whatever follows: "жену Светлану Коваленко банк требует …"
        boolean fullName = firstNames > 0 && surnames > 0;
        if (organisation(s, previousWord, fullName ? null : nextWord)
                || publicOffice(s, previousWord)
                || place(s, previousWord, nextWord, lastToken.end())
                        && !(patronymics + initials > 0 && after(previousWord, "по"))
                || quoted
                        && !named
                        && !(personalBusiness(view.lower(), start)
                                && (initials + patronymics > 0 || firstNames > 0 && surnames + weak > 0))
                || words == 1 && streetAfterPreposition(view.lower(), previousWord, start, end)) {
            return;
        }
        if (unknown > 1 && firstNames + surnames + patronymics + ordinary == 0 && !cue) {
            return;
        }
        if (words >= 2 && publicFigure(s, run.get(first), lastToken)) {
            return; // "Мұхтар Әуезовтің романы", "Shokan Ualikhanov University": the figure, not a citizen
        }
        if (words <= 2 && !fullName && crossing(s, view.lower(), start, end)) {
            return; // "Абай мен Сейфуллин қиылысында", "на пересечении улиц Абая и Жарокова": two streets
        }
        out.add(new Finding(EntityType.PERSON, start, end, score, "person"));
    }

    /** Words for a passport after a foreigner's name or country: "Sun Hao, паспорт …", "France, passport …". */
    private static final CueSet PASSPORT_WORDS = new CueSet("паспорт", "passport", "төлқұжат", "holder of passport");

    /**
     * Every country's one-word name in English, Russian and Kazakh ("Ghana", "Индия", "Үндістан"), for the papers after
     * a foreigner's name only: the words of {@link #COUNTRIES} also bar a name, these do not.
     */
    private static final WordSet WORLD_COUNTRIES = new WordSet(Lexicons.words("countries.txt"));

    /** Words for a citizen after a country: "Ауғанстан азаматы", "Turkey, citizen". */
    private static final CueSet CITIZEN_WORDS = new CueSet("азамат", "гражданин", "гражданка", "citizen", "national");

    /** English adjectives of nationality that come before "passport": "Stefan Weber, German passport …". */
    private static final WordSet NATIONALITIES = new WordSet(words(
            "german",
            "turkish",
            "french",
            "indian",
            "chinese",
            "korean",
            "afghan",
            "brazilian",
            "italian",
            "spanish",
            "american",
            "british",
            "russian",
            "uzbek",
            "kyrgyz",
            "tajik",
            "turkmen",
            "pakistani",
            "iranian",
            "japanese",
            "vietnamese",
            "nigerian",
            "ghanaian",
            "egyptian",
            "syrian",
            "iraqi",
            "israeli",
            "polish",
            "ukrainian",
            "georgian",
            "armenian",
            "azerbaijani",
            "mongolian",
            "canadian",
            "australian",
            "dutch",
            "swiss",
            "swedish",
            "norwegian",
            "finnish",
            "danish",
            "czech",
            "greek",
            "portuguese",
            "irish",
            "belgian",
            "austrian",
            "filipino",
            "thai",
            "malaysian",
            "indonesian",
            "bangladeshi",
            "nepali",
            "sri lankan",
            "mexican",
            "argentinian",
            "colombian",
            "kenyan",
            "ethiopian",
            "moroccan",
            "tunisian",
            "jordanian",
            "lebanese",
            "emirati",
            "saudi",
            "qatari",
            "belarusian",
            "moldovan",
            "lithuanian",
            "latvian",
            "estonian",
            "romanian",
            "bulgarian",
            "serbian",
            "croatian",
            "hungarian",
            "slovak"));

    /**
     * Whether the papers of a foreigner follow a name's {@code end}: a passport ("Sun Hao, паспорт EA…", "Ji-hoon Park,
     * holder of passport …"), a country or nationality and then a passport or a citizen's word ("Jean-Pierre Moreau,
     * France, passport …", "Ахмади Зохра — Ауғанстан төлқұжаты …", "Stefan Weber, German passport"), or a birth
     * ("Ahmad Rahimi, born 1 January 1986"): a name no list knows, told by what follows it.
     */
    private static boolean foreignerPapersAfter(char[] s, char[] lower, int end) {
        int q = pastSeparator(s, end);
        if (q >= s.length || q == end) {
            return false;
        }
        if (passportNumberAt(s, lower, q) || Chars.startsWith(lower, "born ", q) && dateAhead(s, q + 5)) {
            return true;
        }
        if (!Chars.isUpperCase(s[q])) {
            return false;
        }
        int w = Chars.letterRunEnd(s, q);
        int country = COUNTRIES.contains(lower, q, w)
                        || NATIONALITIES.contains(lower, q, w)
                        || WORLD_COUNTRIES.contains(lower, q, w)
                ? w
                : -1;
        if (country < 0 && s[q] < 0x80) {
            country = ForeignAddress.country(s, lower, q); // English names, of two words too: "United Kingdom"
        }
        if (country < 0) {
            return false;
        }
        int r = country;
        while (r < s.length && (s[r] == ' ' || s[r] == ',' || s[r] == ')')) {
            r++;
        }
        if (Chars.startsWith(lower, "республикасының ", r)) {
            r += "республикасының ".length(); // "Корея Республикасының төлқұжаты"
        }
        // a citizen's word names no document: taken after a Cyrillic name only ("Kaspi Bank, Kazakhstan citizens")
        return passportNumberAt(s, lower, r)
                || end > 0 && s[end - 1] >= 0x400 && CITIZEN_WORDS.lengthAt(lower, r, s.length) > 0;
    }

    /**
     * Whether a word for a passport at {@code p} has its number after it ("паспорт EA3318827", "passport No. C4J7…",
     * "holder of passport M 71240583"): six digits and capitals or more within a few chars, two of them digits.
     */
    private static boolean passportNumberAt(char[] s, char[] lower, int p) {
        if (PASSPORT_WORDS.lengthAt(lower, p, s.length) == 0) {
            return false;
        }
        int q = Chars.letterRunEnd(s, p);
        int digits = 0;
        int marks = 0; // digits and capitals: a number's chars, "C4J7X1K2", "EA 3318827"
        for (int i = q; i < Math.min(s.length, q + 24) && s[i] != '\n' && s[i] != ',' && s[i] != ';'; i++) {
            if (Chars.isDigit(s[i])) {
                digits++;
                marks++;
            } else if (Chars.isUpperCase(s[i]) && (i + 1 >= s.length || !Chars.isLowerCase(s[i + 1]))) {
                marks++; // not the capital of a word: "No." is none
            }
        }
        return digits >= 2 && marks >= 6;
    }

    /**
     * Whether the run's words may be a foreigner's name: not all of them words of the language ("Public Service
     * Center, паспорт …", "Daily Report, born …"), none of them a country ("New Zealand, passport holders …").
     */
    private static boolean foreignerName(char[] s, char[] lower, List<Token> run, int first, int last) {
        boolean name = false;
        for (int k = first; k <= last; k++) {
            Token t = run.get(k);
            if (COUNTRIES.contains(lower, t.start(), t.end()) || ForeignAddress.country(s, lower, t.start()) > 0) {
                return false;
            }
            name |= !t.common();
        }
        return name;
    }

    /** Whether a digit comes within a date's first words after {@code p} on the line: "born 1 January", "born on 5 May". */
    private static boolean dateAhead(char[] s, int p) {
        for (int i = p; i < Math.min(s.length, p + 12) && s[i] != '\n'; i++) {
            if (Chars.isDigit(s[i])) {
                return true;
            }
        }
        return false;
    }

    /** Words for where two streets cross, after their names: "қиылысында", "бұрышында". */
    private static final CueSet CROSSING_AFTER = new CueSet("қиылыс", "бұрыш", "кесіп");

    /** Words for where two streets cross, before their names: "на пересечении улиц", "угол улиц". */
    private static final CueSet CROSSING_BEFORE = new CueSet("пересечени", "на углу", "угол ", "улиц ", "intersection");

    /** Words joining the two streets' names: "Абай мен Сейфуллин", "Абая и Жарокова". */
    private static final String[] CROSSING_AND = {"мен ", "пен ", "бен ", "и ", "and ", "& "};

    /**
     * Whether the words {@code [start, end)} name a street where two cross: a crossing's word right after them or
     * after "and" and the other street ("Сәтбаев пен Желтоқсан қиылысында"), or before them on the line ("на
     * пересечении улиц Абая и Жарокова").
     */
    private static boolean crossing(char[] s, char[] lower, int start, int end) {
        int q = end;
        while (q < s.length && q - end < 2 && s[q] == ' ') {
            q++;
        }
        if (CROSSING_AFTER.lengthAt(lower, q, s.length) > 0) {
            return true;
        }
        int and = andLength(lower, q);
        int r = q + and;
        for (int words = 0; and > 0 && words < 2 && r < s.length && Chars.isUpperCase(s[r]); words++) {
            r = Chars.letterRunEnd(s, r);
            while (r < s.length && s[r] == ' ') {
                r++;
            }
            if (CROSSING_AFTER.lengthAt(lower, r, s.length) > 0) {
                return true;
            }
        }
        // before them, only for one of two names joined: "улиц Абая и Жарокова", not "На углу стоял Ерлан …"
        boolean joined = and > 0 && q + and < s.length && Chars.isUpperCase(s[q + and]) || andBefore(lower, start);
        int from = start;
        while (from > 0 && start - from < 40 && lower[from - 1] != '\n' && lower[from - 1] != '.') {
            from--;
        }
        return joined && from < start && CROSSING_BEFORE.anyIn(lower, from, start);
    }

    /** The length of the word of {@link #CROSSING_AND} at {@code q} with its space, or 0. */
    private static int andLength(char[] lower, int q) {
        for (String and : CROSSING_AND) {
            if (Chars.startsWith(lower, and, q)) {
                return and.length();
            }
        }
        return 0;
    }

    /** Whether a word of {@link #CROSSING_AND} and a space end right before {@code start}. */
    private static boolean andBefore(char[] lower, int start) {
        for (String and : CROSSING_AND) {
            int w = start - and.length();
            if (w >= 0 && Chars.startsWith(lower, and, w) && (w == 0 || lower[w - 1] == ' ')) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the folded word is a first name the lists know with the Kazakh endearment "жан" after it ("гаухаржан",
     * "лауражан"), or the Russian "-чик" ("артурчик"); names that end so by themselves ("Айжан", "Ержан") the lists
     * hold as they are.
     */
    private boolean endearment(char[] folded, int len) {
        if (len >= 6 && Chars.startsWith(folded, "жан", len - 3)) {
            return (names.flags(folded, len - 3, "") & NameDictionary.FIRST_NAME) != 0;
        }
        // the Russian diminutive "-чик" after a listed name that is no word too: "Артурчик", "Аружанчик"
        return len >= 7
                && Chars.startsWith(folded, "чик", len - 3)
                && names.flags(folded, len - 3, "") == NameDictionary.FIRST_NAME;
    }

    /** Past the spaces and one comma, dash or opening bracket after {@code end}. */
    private static int pastSeparator(char[] s, int end) {
        int q = end;
        while (q < s.length && s[q] == ' ') {
            q++;
        }
        if (q < s.length && (s[q] == ',' || s[q] == '—' || s[q] == '-' || s[q] == '(')) {
            q++;
        }
        while (q < s.length && s[q] == ' ') {
            q++;
        }
        return q;
    }

    /**
     * English labels of a person's role, a name's cue only before their colon ("Landlord: …"; "Applicant Tracking
     * System" is none) and only for a name of two or three words with a surname's ending or a first name in it.
     */
    private static final WordSet ROLE_LABELS = new WordSet(words(
            "landlord",
            "tenant",
            "lessor",
            "lessee",
            "owner",
            "reference",
            "references",
            "referee",
            "guarantor",
            "borrower",
            "buyer",
            "seller",
            "witness",
            "claimant",
            "respondent",
            "defendant",
            "plaintiff",
            "applicant",
            "employee",
            "passenger",
            "student",
            "parent",
            "guardian",
            "spouse",
            "holder",
            "tourist",
            "visitor",
            "signatory",
            "sender",
            "recipient",
            "customer",
            "client",
            "cardholder",
            "payer",
            "payee",
            "driver",
            "contact",
            "author",
            "assignee",
            "reporter",
            "requester",
            "approver"));

    /** Whether a {@link #ROLE_LABELS} word and its colon, or "issued to", stand right before {@code start}. */
    private static boolean roleLabelBefore(char[] lower, int start) {
        int p = start;
        while (p > 0 && lower[p - 1] == ' ') {
            p--;
        }
        if (p > 0 && lower[p - 1] == ':') {
            int w = p - 1;
            while (w > 0 && Chars.isLetter(lower[w - 1])) {
                w--;
            }
            return ROLE_LABELS.contains(lower, w, p - 1);
        }
        return p >= 10 && Chars.startsWith(lower, "issued to", p - 9) && Chars.notWordAt(lower, p - 10);
    }

    /**
     * Greetings and titles that open a run after a chat speaker or a list's colon ("Ulzhan: Hey Armen", "list:
     * Ambassador Karin Holm"), where no sentence starts: like a sentence's first word they are no part of the name.
     */
    private static final String[] LEADING_GREETINGS = {"hey", "hi", "hello", "dear", "ambassador"};

    private static boolean leadingGreeting(char[] s, Token t) {
        return !t.initial() && Chars.isOneOfIgnoringCase(s, t.start(), t.end(), LEADING_GREETINGS);
    }

    /** Whether the run's word {@code t} is a head of state's title: "Вчера Президент …" leaves it out of the name. */
    private static boolean leadingOffice(char[] lower, Token t) {
        return !t.initial() && PUBLIC_OFFICES.contains(lower, t.start(), t.end());
    }

    /**
     * Whether the run's first word, an unknown capitalised word that starts the sentence, is a surname the lists do
     * not know ("Шмидт Андрей Викторович", "Миллер Е.А."): right after it come a first name and a patronymic, or
     * initials only; it is no cue word, organisation or place word, and not shaped like a verb or adjective.
     */
    private boolean surnameBeforeName(TextView view, List<Token> run) {
        Token t = run.get(0);
        if (t.initial() || t.patronymic() || t.firstName() || t.common() || run.size() < 2 || run.size() > 3) {
            return false;
        }
        boolean initials = true;
        for (int k = 1; k < run.size(); k++) {
            initials &= run.get(k).initial();
        }
        boolean fullName = run.size() == 3
                && run.get(1).firstName()
                && !run.get(1).ordinaryWord()
                && run.get(2).patronymic();
        char[] lower = view.lower();
        if (!initials && !fullName && !(run.size() == 2 && nameClosesClause(lower, run.get(1)))) {
            return false;
        }
        int start = t.start();
        int end = t.end();
        if (end - start < 3 || lower[start] < 0x400 || CUE_WORD_SET.contains(lower, start, end)) {
            return false;
        }
        for (String ending : NOT_SURNAME_ENDINGS) {
            if (end - start > ending.length() + 1 && Chars.startsWith(lower, ending, end - ending.length())) {
                return false;
            }
        }
        String word = NameForms.fold(lower, start, end);
        if (!initials && !fullName && (end - start < 4 || names.commonWord(word.toCharArray(), word.length()))) {
            return false; // "Трудовой Марат": a word the dictionary knows starts the sentence
        }
        return !ORG_AFTER.contains(word)
                && !ORG_BEFORE.contains(word)
                && !placeAfter(word)
                && !PLACE_BEFORE.contains(word);
    }

    /**
     * Whether {@code t}, the second word of a two-word run, is a first name that ends its line, as a surname and a
     * first name sign a letter ("Прошу разобраться. Кравец Юрий"); with a comma after it the first word is as often
     * an adverb ("Вчера Юрий, как обычно").
     */
    private static boolean nameClosesClause(char[] lower, Token t) {
        if (!t.firstName() || t.ordinaryWord() || t.common()) {
            return false;
        }
        int e = t.end();
        while (e < lower.length && lower[e] == ' ') {
            e++;
        }
        return e >= lower.length || lower[e] == '\n' || lower[e] == '\r';
    }

    /** Endings of Russian verbs and adjectives that start a sentence before a name: "Назначить", "Уважаемый", "Передайте". */
    private static final String[] NOT_SURNAME_ENDINGS = {
        "ть", "ться", "ти", "ый", "ые", "ое", "ие", "ую", "ого", "ому", "шу", "жу", "ем", "им", "ет", "ит", "ют", "ят",
        "ал", "ала", "ил", "ила", "ли", "ено", "ана", "ано", "ена", "ны", "йте", "ьте"
    };

    /**
     * A chat line's speaker: one word at the start of a line, after an optional time ("[09:14] Шолпан: …"), followed
     * by a colon; without the time, the word must be a first name the lists know (ordinary ones too: "Арман: …"),
     * as headers such as "Тема:" or "Buyer:" are written the same way.
     */
    private static boolean speaker(char[] s, List<Token> run, int first, int last) {
        Token t = run.get(first);
        if (first != last || t.end() >= s.length || s[t.end()] != ':' || t.initial()) {
            return false;
        }
        if (Chars.isOneOfIgnoringCase(s, t.start(), t.end(), SPEAKER_NAMES)) {
            return false; // "Азамат:" after "Оператор:" is the caller's role, "citizen"
        }
        if (t.end() - t.start() <= MAX_ROLE && transcriptRole(s, t.start(), t.end())) {
            return false; // "[00:05] Клиент:", "[00:01] Агент:": a role, however the line is stamped
        }
        int p = t.start() - 1;
        while (p >= 0 && s[p] == ' ') {
            p--;
        }
        if (p < 0 || s[p] == '\n') {
            return t.firstName();
        }
        boolean bracket = s[p] == ']';
        int time = (bracket ? p - 1 : p) - 4; // "09:14" or "[09:14]"
        if (time < 0
                || !Chars.isDigit(s[time])
                || !Chars.isDigit(s[time + 1])
                || s[time + 2] != ':'
                || !Chars.isDigit(s[time + 3])
                || !Chars.isDigit(s[time + 4])) {
            return false;
        }
        if (time >= 3 && s[time - 1] == ':' && Chars.isDigit(s[time - 2]) && Chars.isDigit(s[time - 3])) {
            time -= 3; // with its seconds: "[09:12:05] Байғожа: …", "00:00:24 Ұлдана: …"
        }
        if (bracket) {
            if (time == 0 || s[time - 1] != '[') {
                return false;
            }
            time--;
        }
        return lineStart(s, time);
    }

    /** "Г. УСТЬ-КАМЕНОГОРСК": the city marker "г." before a place, read as an initial. */
    private static boolean cityMarker(char[] s, List<Token> run, int first, int last) {
        Token t = run.get(first);
        if (!t.initial() || last != first + 1 || s[t.start()] != 'Г' && s[t.start()] != 'г') {
            return false;
        }
        Token place = run.get(last);
        char[] lower = new char[place.end() - place.start()];
        for (int i = 0; i < lower.length; i++) {
            lower[i] = Character.toLowerCase(s[place.start() + i]);
        }
        return AddressRecognizer.PLACES.contains(lower, 0, lower.length);
    }

    private static boolean organisationOrPlaceWord(char[] s, Token t) {
        String word = NameForms.fold(s, t.start(), t.end());
        return ORG_AFTER.contains(word) || placeAfter(word);
    }

    private static boolean kazakhPatronymic(char[] s, int start, int end) {
        String word = NameForms.fold(s, start, end);
        // a father's name of three letters at least before the suffix: "Серікұлы", not "Қаулы", "Даулы", "Таулы"
        for (String suffix : KAZAKH_PATRONYMIC_SUFFIXES) {
            if (word.indexOf(suffix) >= 3) {
                return true;
            }
        }
        return false;
    }

    private static final String[] KAZAKH_PATRONYMIC_SUFFIXES = {"ұлы", "қызы", "улы", "кызы"};

    private static boolean support(List<Token> run, int first, int last) {
        for (int k = first; k <= last; k++) {
            Token t = run.get(k);
            if (t.initial() || t.patronymic() || t.surname() || t.dictSurname() || t.weakSurname()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the token is a patronymic of the Russian form, in any case: "Болатович", "Сериковной". */
    private static boolean russianPatronymic(char[] lower, Token t) {
        if (!t.patronymic()) {
            return false;
        }
        for (String stem : RUSSIAN_PATRONYMIC_STEMS) {
            for (int from = t.start() + 1; from + stem.length() <= t.end(); from++) {
                if (Chars.startsWith(lower, stem, from)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final String[] RUSSIAN_PATRONYMIC_STEMS = {"вич", "вн", "ичн"};

    private static boolean evidence(Token t) {
        return t.initial()
                || t.firstName() && !t.common()
                || t.surname()
                || t.dictSurname()
                || t.patronymic()
                || t.weakSurname();
    }

    /**
     * Whether a cue word ends right before {@code start}, with only spaces and a colon, comma, dash or dot between:
     * "гражданина Ахметова", "Dear Yerzhan", "дочь Амина", "ФИО: Иванов". A cue longer than four letters may be the
     * stem of the previous word ("обвиняемого").
     */
    private static boolean cueBefore(char[] lower, int start) {
        int p = start - 1;
        while (p >= 0 && start - p <= 4 && " :,-—–.«\"(".indexOf(lower[p]) >= 0) {
            p--;
        }
        if (p < 0 || !Chars.isLetter(lower[p])) {
            return false;
        }
        int end = p + 1;
        int w = p;
        while (w > 0 && (Chars.isLetter(lower[w - 1]) || lower[w - 1] == '-' || lower[w - 1] == '.')) {
            w--;
        }
        if (lower[end] == ',' && end + 1 == start) {
            return false; // a CSV header's next cell: "Аты-жөні,Құжат,Нөмірі"
        }
        if (lower[end] == ':' && (w == 0 || lower[w - 1] == '\n') && Chars.isOneOf(lower, w, end, SPEAKER_NAMES)) {
            return false; // "Азамат: Иә.": a speaker's turn, the name the cue word also is
        }
        if (CUE_WORD_SET.contains(lower, w, end)) {
            return true;
        }
        if (end + 1 == start && lower[end] == ' ' && KIN_OBLIQUE.contains(lower, w, end)) {
            return true;
        }
        if (lower[end] == ',' && selfFirst(lower, w, end)) {
            return true; // a statement's "I, Ahmad Karimi, …", "Я, …", "Мен, …"
        }
        if (COUNTRIES.contains(lower, w, end)) {
            return w > 0 && cueBefore(lower, w); // "гражданин Индии Шарма Раджеш": the citizenship between
        }
        if (end - w > 5 && CUE_STEM_SET.lengthAt(lower, w, end - 1) > 0) {
            return true; // a stem the word goes on past: "обвиняемого"
        }
        for (char[] cue : CUE_PHRASE_CHARS) {
            int n = cue.length;
            if (cue[n - 1] == lower[end - 1]
                    && end - n >= 0
                    && Chars.startsWith(lower, cue, end - n)
                    && Chars.notAlnumAt(lower, end - n - 1)) {
                return true;
            }
        }
        return false;
    }

    /** "I", "я" or "мен" opening a sentence at {@code w}, as a statement begins with its author's name after it. */
    private static boolean selfFirst(char[] lower, int w, int end) {
        boolean self = end - w == 1 && (lower[w] == 'i' || lower[w] == 'я')
                || end - w == 3 && Chars.startsWith(lower, "мен", w);
        return self
                && (w == 0
                        || lower[w - 1] == '\n'
                        || w >= 2 && lower[w - 1] == ' ' && ".!?:".indexOf(lower[w - 2]) >= 0);
    }

    /**
     * Cue words that are first names too, which a call transcript writes as the caller's role ("Оператор: …" /
     * "Азамат: Иә."): at a line's start before a colon they are no cue for the word after them.
     */
    private static final String[] SPEAKER_NAMES = {"азамат"};

    /** The roles a transcript's or a chat's turns are labelled with instead of a name. */
    private static final WordSet TRANSCRIPT_ROLES = new WordSet(words(
            "оператор",
            "клиент",
            "агент",
            "абонент",
            "специалист",
            "маман",
            "консультант",
            "менеджер",
            "диспетчер",
            "бот",
            "система",
            "модератор",
            "админ",
            "администратор",
            "пользователь",
            "қолданушы",
            "тұтынушы",
            "звонящий",
            "заявитель",
            "следователь",
            "тергеуші",
            "судья",
            "секретарь",
            "врач",
            "дәрігер",
            "пациент",
            "науқас",
            "свидетель",
            "куәгер",
            "потерпевший",
            "жәбірленуші",
            "подозреваемый",
            "күдікті",
            "адвокат",
            "прокурор",
            "истец",
            "ответчик",
            "талапкер",
            "жауапкер",
            "инспектор",
            "сотрудник",
            "қызметкер",
            "operator",
            "agent",
            "client",
            "customer",
            "caller",
            "support",
            "bot",
            "system",
            "moderator",
            "admin",
            "user",
            "doctor",
            "patient",
            "witness",
            "judge",
            "officer",
            "автоответчик", // an answering machine's turns: "[00:00:02] Автоответчик: Вы позвонили в банк"
            "автожауапбергіш",
            "ivr"));

    private static final int MAX_ROLE = 16;

    private static boolean transcriptRole(char[] s, int from, int to) {
        char[] folded = new char[to - from];
        NameForms.foldInto(s, from, to, folded);
        int n = folded.length;
        if (TRANSCRIPT_ROLES.contains(folded, 0, n)) {
            return true;
        }
        // with the Kazakh possessive, as a transcript may label the bank's side: "Операторы:", "Маманы:"
        char last = n > 4 ? folded[n - 1] : 0;
        if (last != 'ы' && last != 'і') {
            return false;
        }
        boolean afterVowel = folded[n - 2] == 'с';
        return TRANSCRIPT_ROLES.contains(folded, 0, n - 1) || afterVowel && TRANSCRIPT_ROLES.contains(folded, 0, n - 2);
    }

    /** {@link #CUE_STEMS} by their first char: only those are compared with the word before a run. */
    private static final CueSet CUE_STEM_SET = new CueSet(CUE_STEMS);

    private static final char[][] CUE_PHRASE_CHARS = Chars.arrays(CUE_PHRASES);

    /**
     * Context that makes a capitalised word a name without a cue word: a signature (the run starts a line after a
     * line ending in a comma, "--" or "—", or after a dash at the line start), a name right after an IIN or before
     * "(ИИН …)", and a Kazakh honorific after it ("Серік мырза").
     */
    private static boolean contextCue(TextView view, char[] s, int start, int end) {
        char[] lower = view.lower();
        int p = start - 1;
        while (p >= 0 && s[p] == ' ') {
            p--;
        }
        if (p >= 0
                && (s[p] == '—' || s[p] == '-')
                && (p == 0 || s[p - 1] == '\n' || s[p - 1] == ' ' && lineStart(s, p))
                && lineEndsAfter(s, end)) {
            return true; // "— Timur" as the whole line; "— Давай, жду." is a line of dialogue
        }
        if (p >= 0 && s[p] == '\n') {
            int q = p - 1;
            while (q >= 0 && (s[q] == ' ' || s[q] == '\r')) {
                q--;
            }
            if (q >= 0 && (s[q] == ',' || s[q] == '-' || s[q] == '—') && signatureLine(s, start)) {
                return true; // "С уважением,\nАсем", "--\nЖанар"
            }
        }
        int digits = p + 1;
        while (digits > 0 && Chars.isDigit(s[digits - 1])) {
            digits--;
        }
        if (p + 1 - digits == 12 && p >= 0 && Chars.isDigit(s[p])) {
            return true; // "ИИН 791003340893 Самат"
        }
        int q = end;
        while (q < s.length && (s[q] == ' ' || s[q] == ',')) {
            q++;
        }
        if (q < s.length && s[q] == '(') {
            q++;
            if (Chars.startsWith(lower, "иин", q)
                    || Chars.startsWith(lower, "жсн", q)
                    || Chars.startsWith(lower, "iin", q)) {
                return true; // "дочь Амина (ИИН …)"
            }
        }
        if (q > 0 && s[q - 1] == '(' && kinInBrackets(lower, q)) {
            return true; // "Азамат (ұлы)", "Динара (жена)"
        }
        if (greetingAfter(lower, end) && !NO_ADDRESSEES.contains(lower, start, end)) {
            return true; // "Мейрам, привет!", "Мукаддас, сәлем!"; not "Алло, добрый день"
        }
        if (messageStart(s, start) && addressedAfter(lower, end) && !noAddressee(lower, start, end)) {
            return true; // "Тамерлан, слушай, …", "Әділ, бұл Ботакөз", "Ромик, это мама"
        }
        if (closingBefore(lower, start) && lineEndsAfter(s, end)) {
            return true; // "Спасибо, Armen" at the end of a line
        }
        if (lineEndsAfter(s, end)
                && commaBefore(s, start)
                && Chars.isLowerCase(s[Chars.letterRunStart(s, start - 2)]) // not a list of names, a title-case line
                && speakersLine(s, start)
                && !COUNTRIES.contains(lower, start, end)
                && !noAddressee(lower, start, end)
                && !AddressRecognizer.PLACES.contains(lower, start, end)) {
            return true; // a chat's turn ending with whom it answers: "Рустам: ок, записал, Фатимаш"
        }
        q = end;
        while (q < s.length && s[q] == ' ') {
            q++;
        }
        for (char[] h : HONORIFIC_CHARS) {
            if (q > end && Chars.startsWith(lower, h, q)) {
                return true;
            }
        }
        if (q > end
                && ELDERS_AFTER.contains(lower, q, Chars.letterRunEnd(lower, q))
                && !Chars.startsWith(lower, "аяз ", start)) { // Аяз ата is Father Frost
            return true; // "Сапар ата:", "бұл Әбдіғаппар ақсақал", "Дариға әжемнің"
        }
        return selfIntroduction(lower, start, q) || kazakhThisIs(lower, start, end);
    }

    /**
     * Whether a caller names themself in Kazakh after addressing someone: ", бұл Шерхан." or "бұл Дариға ғой" — the
     * word after "бұл" (this is) ends its clause or takes "ғой"; a place is none ("бұл Алматы ғой").
     */
    private static boolean kazakhThisIs(char[] lower, int start, int end) {
        int w = start - 4;
        if (w < 0 || !Chars.startsWith(lower, "бұл ", w)) {
            return false;
        }
        boolean addressed = w >= 2 && lower[w - 1] == ' ' && lower[w - 2] == ',' || lineStart(lower, w);
        boolean closes = end >= lower.length
                || lower[end] == '.'
                || lower[end] == ','
                || lower[end] == '!'
                || Chars.startsWith(lower, " ғой", end) && Chars.notWordAt(lower, end + 4);
        return addressed && closes && !AddressRecognizer.PLACES.contains(lower, start, end);
    }

    /** "Это", "this is", "мен" before a name that introduces its bearer. */
    private static final String[] INTRODUCING = {"это ", "this is ", "it's ", "its ", "мен "};

    /** What follows an introduced name: where its bearer calls from or what they do ("из ЖКХ", "speaking"). */
    private static final String[] INTRODUCED_BY = {"из ", "с работы", "from ", "speaking", "here", "звонит", "беспокоит"
    };

    /**
     * Whether a caller introduces themself with the name at {@code start}: "Это Марат из ЖКХ", "this is Leila
     * speaking", "Мен Айгерім, from …"; {@code after} is where the words after the name begin.
     */
    private static boolean selfIntroduction(char[] lower, int start, int after) {
        boolean introduced = false;
        for (String word : INTRODUCING) {
            int w = start - word.length();
            if (w >= 0 && Chars.startsWith(lower, word, w) && Chars.notWordAt(lower, w - 1)) {
                // "its" without its apostrophe is a chat's only where the message opens: "hey its Tomas from …"
                introduced = !word.equals("its ") || lineStart(lower, w) || greetedBefore(lower, w);
                break;
            }
        }
        if (!introduced) {
            return false;
        }
        for (String word : INTRODUCED_BY) {
            if (Chars.startsWith(lower, word, after)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a greeting opening its line ends right before {@code w}: "hey its …", "hi, its …". */
    private static boolean greetedBefore(char[] lower, int w) {
        return lineOpenerBefore(lower, w, " ,", GREETINGS_BEFORE_ITS);
    }

    private static final String[] GREETINGS_BEFORE_ITS = {"hey", "hi", "hello", "yo"};

    private static final char[][] HONORIFIC_CHARS = Chars.arrays(HONORIFICS_AFTER);

    /** Kin words in brackets after a name: "Азамат (ұлы)", "Ербол (сын)". */
    private static final String[] KIN_IN_BRACKETS = Lexicons.concat(
            new String[] {
                "ұлы", "қызы", "жұбайы", "әйелі", "күйеуі", "анасы", "әкесі", "сіңлісі", "ағасы", "апасы", "сын",
                "дочь", "жена", "муж", "супруг", "супруга", "мать", "отец", "брат", "сестра", "внук", "внучка",
            },
            KIN_WORDS);

    private static final char[][] KIN_CHARS = Chars.arrays(KIN_IN_BRACKETS);

    private static boolean kinInBrackets(char[] lower, int p) {
        for (char[] kin : KIN_CHARS) {
            int e = p + kin.length;
            if (e < lower.length && lower[e] == ')' && Chars.startsWith(lower, kin, p)) {
                return true;
            }
        }
        return false;
    }

    /** Greetings after the name of the one greeted: "Мейрам, привет!". */
    private static final String[] GREETINGS_AFTER = {
        "привет", "сәлем", "салем", "здравствуй", "добрый", "доброе утро", "қайырлы", "hi", "hello", "good morning"
    };

    private static final char[][] GREETING_CHARS = Chars.arrays(GREETINGS_AFTER);

    /**
     * Words that open what is said to someone named first on the line, after a comma: a pronoun, "this is", "listen",
     * a request ("Тамерлан, слушай", "Әділ, бұл Ботакөз", "Ромик, это мама", "Dana, can you …").
     */
    private static final String[] ADDRESSED_BY = {
        "бұл",
        "это",
        "слушай",
        "послушай",
        "ты",
        "сен",
        "сіз",
        "мен",
        "я",
        "напомни",
        "скажи",
        "извини",
        "кешір",
        "можешь",
        "сможешь",
        "перезвони",
        "хабарлас",
        "қайдасың",
        "ты где",
        "are you",
        "can you",
        "could you",
        "this is",
        "it's",
        "please",
        "запиши",
        "перешли",
        "позвони",
        "скинь",
        "напиши",
        "передай",
        "посмотри",
        "проверь",
        "отправь",
        "айтшы",
        "жазып ал",
        "жіберші",
        "не",
        "вот",
        "thank you",
        "thanks",
        "i",
        "you",
        "we",
        "вы",
        "мы",
        "спасибо",
        "рахмет"
    };

    private static final char[][] ADDRESSED_BY_CHARS = Chars.arrays(ADDRESSED_BY);

    /** Whether a comma and one of {@link #ADDRESSED_BY} follow {@code end}. */
    private static boolean addressedAfter(char[] lower, int end) {
        return wordAfterComma(lower, end, ADDRESSED_BY_CHARS);
    }

    /**
     * Words that open a line with a comma as a name would and are none: greetings, interjections, kin and endearments
     * ("Алло, это …", "Так, слушай", "Ребят, я …", "Мам, я у Даны").
     */
    private static final WordSet NO_ADDRESSEES = new WordSet(words(
            "алло",
            "алё",
            "але",
            "привет",
            "приветик",
            "hey",
            "hi",
            "hello",
            "yo",
            "dear",
            "ассалаумағалейкум",
            "ассаламағалейкум",
            "салам",
            "сәлем",
            "салем",
            "сәлеметсіз",
            "здравствуйте",
            "здравствуй",
            "добрый",
            "так",
            "ну",
            "ой",
            "эй",
            "слушай",
            "слушайте",
            "ребят",
            "ребята",
            "девочки",
            "девчат",
            "коллеги",
            "друзья",
            "народ",
            "жаным",
            "сынок",
            "доча",
            "дорогой",
            "дорогая",
            "милый",
            "милая",
            "извините",
            "простите",
            "кешіріңіз",
            "кстати",
            "короче",
            "смотри",
            "смотрите",
            "спасибо",
            "рахмет",
            "thanks",
            "ok",
            "ок",
            "okay",
            "да",
            "нет",
            "иә",
            "жоқ",
            "ладно",
            "хорошо",
            "жарайды",
            "мам",
            "пап",
            "бабуль",
            "дедуль",
            "тёть",
            "дядь",
            "guys",
            "team",
            "sorry",
            "well",
            "so",
            "listen",
            "look",
            "yes",
            "no",
            "please",
            "достар",
            "балалар",
            "құрметті",
            "әріптестер",
            "ағайын",
            "қыздар",
            "жігіттер",
            "ұстаз",
            "мұғалім",
            "итак",
            "значит",
            "в общем",
            "hmm",
            "ok so",
            "понял",
            "поняла",
            "понятно",
            "принято",
            "отлично",
            "супер",
            "класс",
            "жақсы",
            "түсіндім",
            "great",
            "cool"));

    /**
     * Respectful words for an elder after a name, as whole words in their forms: "Сапар ата", "Дариға әжемнің"; not
     * "атам" (my grandfather), which comes before the name ("Үйде атам Тұрсынқұл").
     */
    private static final WordSet ELDERS_AFTER = new WordSet(words(
            "ата",
            "атаға",
            "атаның",
            "ақсақал",
            "ақсақалға",
            "ақсақалдың",
            "әже",
            "әжей",
            "әжемнің",
            "әжеге",
            "әженің",
            "апа",
            "апаға",
            "апаның"));

    /** Whether a comma and a greeting follow {@code end}. */
    private static boolean greetingAfter(char[] lower, int end) {
        return wordAfterComma(lower, end, GREETING_CHARS);
    }

    /** Whether {@code lower[start, end)} opens a line as a name would and is none: an interjection, a kin word, a role. */
    private static boolean noAddressee(char[] lower, int start, int end) {
        return NO_ADDRESSEES.contains(lower, start, end) || SPEAKING_KIN_AND_ROLES.contains(lower, start, end);
    }

    /** Whether a comma, a space and one of {@code words} as a whole word follow {@code end}. */
    private static boolean wordAfterComma(char[] lower, int end, char[][] words) {
        if (end + 2 >= lower.length || lower[end] != ',' || lower[end + 1] != ' ') {
            return false;
        }
        for (char[] word : words) {
            if (Chars.startsWith(lower, word, end + 2) && Chars.notWordAt(lower, end + 2 + word.length)) {
                return true;
            }
        }
        return false;
    }

    /** Words that close a message before the sender's name on the same line: "Спасибо, Armen". */
    private static final String[] CLOSINGS = {
        "спасибо",
        "рахмет",
        "благодарю",
        "thanks",
        "thank you",
        "regards",
        "с уважением",
        "құрметпен",
        "best",
        "cheers",
        "спс",
        "пасиб",
        "целую", // a message's warm close before its sender: "Целую, Вероника"
        "обнимаю",
        "с любовью",
        "love",
        "құшақтап"
    };

    private static final char[][] CLOSING_CHARS = Chars.arrays(CLOSINGS);

    /** Whether a closing word and a comma stand right before {@code start}. */
    private static boolean closingBefore(char[] lower, int start) {
        int p = start - 1;
        while (p >= 0 && lower[p] == ' ') {
            p--;
        }
        if (p < 0 || lower[p] != ',') {
            return false;
        }
        for (char[] closing : CLOSING_CHARS) {
            int from = p - closing.length;
            if (from >= 0 && Chars.startsWith(lower, closing, from) && Chars.notWordAt(lower, from - 1)) {
                return true;
            }
        }
        return false;
    }

    /** Whether only spaces stand between {@code p} and the end of its line. */
    /** Whether a comma and a space stand right before {@code start}. */
    private static boolean commaBefore(char[] s, int start) {
        return start >= 2 && s[start - 1] == ' ' && s[start - 2] == ',';
    }

    /** Whether the line of {@code p} opens, past a time, with a speaker's word and ": " before {@code p}. */
    private static boolean speakersLine(char[] s, int p) {
        int line = p;
        while (line > 0 && s[line - 1] != '\n') {
            line--;
        }
        int a = Chars.pastTime(s, line, p);
        int e = a;
        while (e < p && e - a <= 16 && Chars.isLetter(s[e])) {
            e++;
        }
        return e > a && speakerLabel(s, a, e) && e + 2 <= p;
    }

    private static boolean lineEndsAfter(char[] s, int p) {
        int q = p;
        while (q < s.length && (s[q] == ' ' || s[q] == '\r')) {
            q++;
        }
        return q == s.length || s[q] == '\n';
    }

    /** A short line near the end of the text: where a signature stands. */
    private static boolean signatureLine(char[] s, int start) {
        int lineEnd = start;
        while (lineEnd < s.length && s[lineEnd] != '\n') {
            lineEnd++;
        }
        return lineEnd - start <= 40 && s.length - lineEnd <= 60;
    }

    /** Whether {@code p} opens its line or a quoted message on it. */
    private static boolean messageStart(char[] s, int p) {
        return lineStart(s, p) || quotedMessageStart(s, p);
    }

    /**
     * Whether {@code p} opens a quoted message: an opening quote right before it, at its line's start or after a label's
     * colon or a bracket ("Голосовое от тёти Раи: «Серёженька, …", "(расшифровка) «Гүлім, слушай …").
     */
    private static boolean quotedMessageStart(char[] s, int p) {
        if (p < 1 || s[p - 1] != '«' && s[p - 1] != '"' && s[p - 1] != '“') {
            return false;
        }
        int q = p - 2;
        while (q >= 0 && s[q] == ' ') {
            q--;
        }
        return q < 0 || s[q] == '\n' || s[q] == ':' || s[q] == ')';
    }

    private static boolean lineStart(char[] s, int p) {
        int q = p - 1;
        while (q >= 0 && s[q] == ' ') {
            q--;
        }
        return q < 0 || s[q] == '\n';
    }

    /** Start of the window for cue words: no further back than {@code max} chars or the last sentence end. */
    private static int sentenceBoundary(char[] s, int start, int max) {
        int p = start - 1;
        while (p >= 0 && start - p <= max) {
            char c = s[p];
            if (c == '!' || c == '?' || c == '\n' || c == ';') {
                return p + 1;
            }
            p--;
        }
        return Math.max(0, start - max);
    }

    private static boolean sentenceStart(char[] s, int start) {
        int p = start - 1;
        boolean quote = false;
        while (p >= 0 && (s[p] == ' ' || s[p] == '"' || s[p] == '«' || s[p] == '(')) {
            quote |= s[p] != ' ' && s[p] != '(';
            p--;
        }
        return p < 0
                || ".!?\n\r\t|;".indexOf(s[p]) >= 0 && !(s[p] == '.' && titleBefore(s, p))
                || quote && s[p] == ':'; // a quoted passage after its colon: "свидетеля: «Паспорт свой я отдал …»"
    }

    /** Titles whose dot ends no sentence: "Dr. Priya Sharma", "Prof. Ahmed Khan". */
    private static final WordSet TITLE_ABBREVIATIONS = new WordSet(
            Set.of("mr", "mrs", "ms", "dr", "prof", "rev", "sen", "gen", "col", "capt", "lt", "sgt", "insp"));

    /** Whether the dot at {@code dot} ends one of the {@link #TITLE_ABBREVIATIONS}, in any case. */
    private static boolean titleBefore(char[] s, int dot) {
        int w = dot;
        while (w > 0 && dot - w < 5 && Chars.isAsciiLetter(s[w - 1])) {
            w--;
        }
        if (w == dot || dot - w > 4 || w > 0 && Chars.isLetter(s[w - 1])) {
            return false;
        }
        char[] lower = new char[dot - w];
        for (int i = 0; i < lower.length; i++) {
            lower[i] = Character.toLowerCase(s[w + i]);
        }
        return TITLE_ABBREVIATIONS.contains(lower, 0, lower.length);
    }

    /**
     * Public figures' full names ({@code public-figures.txt}), read once: {@code keys} holds {@link #figureKey} of each
     * spelling's first and last word, in both orders (Kazakh and register order: "Уәлиханов Шоқан"); {@code pairs}
     * the first two letters, folded, of those words, so that a run whose words begin otherwise is read no further
     * (most are).
     */
    private record PublicFigures(Set<String> keys, Set<Integer> pairs) {

        static PublicFigures load() {
            Set<String> keys = new HashSet<>();
            Set<Integer> pairs = new HashSet<>();
            for (String line : Lexicons.lines("public-figures.txt")) {
                for (String spelling : line.split(";")) {
                    String[] words = spelling.strip().split("\\s+");
                    if (words.length >= 2) {
                        String first = NameForms.fold(words[0]);
                        String last = NameForms.fold(words[words.length - 1]);
                        keys.add(figureKey(first, last));
                        keys.add(figureKey(last, first));
                        pairs.add(first.charAt(0) << 16 | first.charAt(1));
                        pairs.add(last.charAt(0) << 16 | last.charAt(1));
                    }
                }
            }
            return new PublicFigures(Set.copyOf(keys), Set.copyOf(pairs));
        }
    }

    private static final PublicFigures PUBLIC_FIGURES = PublicFigures.load();

    /** Two folded words as {@link #PUBLIC_FIGURES} keys them: their base forms, so that any case ending matches. */
    private static String figureKey(String first, String last) {
        return NameForms.reduce(first) + ' ' + NameForms.reduce(last);
    }

    private static boolean mayBeFigureWord(char[] s, int start, int end) {
        return end - start >= 2
                && PUBLIC_FIGURES.pairs().contains(NameForms.fold(s[start]) << 16 | NameForms.fold(s[start + 1]));
    }

    /** Words after a nationality, which a first name can be spelled as: "German national", "German passport". */
    private static final Set<String> NATIONALITY_AFTER =
            Set.of("national", "citizen", "citizenship", "passport", "nationality");

    /**
     * Whether a mention {@link NameEchoes} would add stands where a name is no citizen's: an organisation's, a
     * place's or a street's, after a public office, or a public figure's full name.
     */
    private static boolean echoOfNoCitizen(char[] s, char[] lower, int from, int to) {
        if (NOT_NAMES.contains(lower, from, to)) {
            return true; // "Рахмет, Шолпан …": the word of thanks, not the name
        }
        Word previousWord = previousWordBefore(s, from);
        String nextWord = nextWord(s, to);
        if (nextWord != null && NATIONALITY_AFTER.contains(nextWord)) {
            return true; // "Thomas Keller, German national"
        }
        if (organisation(s, previousWord, nextWord)
                || publicOffice(s, previousWord)
                || place(s, previousWord, nextWord, to)
                || streetAfterPreposition(lower, previousWord, from, to)) {
            return true;
        }
        int firstEnd = Math.min(to, Chars.letterRunEnd(s, from));
        int lastStart = Math.max(from, Chars.letterRunStart(s, to));
        return lastStart > firstEnd && publicFigure(s, from, firstEnd, lastStart, to);
    }

    /** Whether the run's first and last words are a public figure's first name and surname, in either order. */
    private static boolean publicFigure(char[] s, Token first, Token last) {
        return publicFigure(s, first.start(), first.end(), last.start(), last.end());
    }

    /** Whether the words {@code s[a, aEnd)} and {@code s[b, bEnd)} are a public figure's names, in either order. */
    private static boolean publicFigure(char[] s, int a, int aEnd, int b, int bEnd) {
        return mayBeFigureWord(s, a, aEnd)
                && mayBeFigureWord(s, b, bEnd)
                && PUBLIC_FIGURES.keys().contains(figureKey(NameForms.fold(s, a, aEnd), NameForms.fold(s, b, bEnd)));
    }

    /** The head of state's and government's titles: the name after one is a public figure's, not personal data. */
    private static final WordSet PUBLIC_OFFICES = new WordSet(words(
            "президент",
            "президента",
            "президенту",
            "президентом",
            "президенті",
            "президентінің",
            "премьер-министр",
            "премьер-министра",
            "премьер-министру",
            "премьер-министрі",
            "president",
            "premier"));

    /**
     * Whether the word before the name is a title of {@link #PUBLIC_OFFICES}, or "глава государства" or "мемлекет
     * басшысы" ends there: "Президент Қасым-Жомарт Тоқаев", "Глава государства … провёл".
     */
    private static boolean publicOffice(char[] s, Word before) {
        if (before == null) {
            return false;
        }
        String word = before.folded();
        if (PUBLIC_OFFICES.contains(word.toCharArray(), 0, word.length())) {
            return true;
        }
        if (!word.equals("государства") && !word.equals("басшысы")) {
            return false;
        }
        Word head = previousWordBefore(s, before.end() - word.length());
        return head != null
                && (word.equals("басшысы")
                        ? head.folded().equals("мемлекет")
                        : head.folded().startsWith("глав"));
    }

    private static boolean organisation(char[] s, Word before, String next) {
        if (before != null && ORG_BEFORE.contains(before.folded()) && before.end() + 4 > firstAfter(s, before.end())) {
            return true;
        }
        return next != null && ORG_AFTER.contains(next);
    }

    private static int firstAfter(char[] s, int p) {
        while (p < s.length && !Chars.isLetter(s[p])) {
            p++;
        }
        return p;
    }

    /** Titles of the people streets are named after: "Жамбыл ақын көшесі", "Райымбек батыр даңғылы". */
    private static final Set<String> TITLES_IN_STREETS = words(
            "ақын", "батыр", "би", "хан", "ата", "ана", "жырау", "акын", "сері", "сал", "batyr", "bi", "khan", "akyn");

    private static boolean placeAfter(String word) {
        if (word.isEmpty() || PLACE_AFTER_INITIALS.indexOf(word.charAt(0)) < 0) {
            return false; // no word of PLACE_AFTER begins the word: one scan of their initials, not a test of each
        }
        for (String w : PLACE_AFTER) {
            if (word.startsWith(w) && (w.length() > 3 || word.length() <= w.length() + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether "named" (any case) comes right before the word "after" that {@code after} is, and not after "was" or
     * "is": a thing named for someone ("Gymnasium No. 159 named after …"), not a child ("he was named after …").
     */
    private static boolean namedAfter(char[] s, Word after) {
        int p = after.end() - 5 - 1; // the space before "after"
        if (p < 5 || s[p] != ' ' || !Chars.startsWithIgnoringCase(s, "named", p - 5) || !Chars.notWordAt(s, p - 6)) {
            return false;
        }
        int w = Chars.letterRunStart(s, p - 6);
        return !Chars.isOneOfIgnoringCase(s, w, p - 6, PERSON_NAMED);
    }

    /** Words before "named after" that make a person the one named: "he was named after his grandfather". */
    private static final String[] PERSON_NAMED = {"was", "is", "were", "been", "be", "are"};

    /** "по имени" before a name: named so, not a street "имени" someone. */
    private static boolean byName(char[] s, Word before) {
        int p = before.end() - 5;
        return before.folded().equals("имени")
                && p >= 3
                && s[p - 1] == ' '
                && Chars.toLowerCase(s[p - 3]) == 'п'
                && Chars.toLowerCase(s[p - 2]) == 'о'
                && Chars.notWordAt(s, p - 4);
    }

    private static boolean place(char[] s, Word before, String next, int runEnd) {
        if (before != null && before.folded().equals("after") && namedAfter(s, before)) {
            return true; // "Gymnasium No. 159 named after Yahya Kemal": a school's name, as "имени" says
        }
        if (before != null
                && PLACE_BEFORE.contains(before.folded())
                && !byName(s, before)
                && !(SHORT_PREPOSITIONS.contains(before.folded())
                        && (before.end() >= s.length || s[before.end()] != '.'))) {
            return true; // "с." is a village, "с" a preposition: "встреча с Кузнецовым"
        }
        if (next == null) {
            return false;
        }
        if (placeAfter(next)) {
            return true;
        }
        if (!TITLES_IN_STREETS.contains(next)) {
            return false;
        }
        String afterNext = wordAfterNext(s, runEnd);
        return afterNext != null && placeAfter(afterNext);
    }

    /** Whether the word before the run is {@code word}: "по Абая" is a street, "по Жанибековой Алие Кайратовне" not. */
    private static boolean after(Word before, String word) {
        return before != null && before.folded().equals(word);
    }

    /** Streets named after people, in the genitive ("Сейфуллина", "Абая"): {@code streets-kz.txt}. */
    private static final WordSet STREETS = new WordSet(Lexicons.words("streets-kz.txt"));

    /** A lone word of {@link #STREETS} after "на" or "до": "в ЦОНе на Сейфуллина", "доехал до Абая". */
    private static boolean streetAfterPreposition(char[] lower, Word before, int start, int end) {
        return before != null
                && (before.folded().equals("на") || before.folded().equals("до"))
                && STREETS.contains(lower, start, end);
    }

    /** Words before a quoted name that say the quotes hold what someone is called: "некоему «Денису»". */
    private static final WordSet NAMED_BEFORE_QUOTES = new WordSet(words(
            "имени",
            "некоему",
            "некоего",
            "некий",
            "некая",
            "некой",
            "некую",
            "пользователем",
            "пользователя",
            "пользователь",
            "назвался",
            "назвалась",
            "представился",
            "представилась",
            "named",
            "called"));

    /**
     * Whether the quotes around the run at {@code [start, end)} hold a person's name rather than a firm's or a
     * product's: they close right after it, and a word of naming stands before them ("по имени «Саня»", "некоему
     * «Денису»", "под пользователем «Сидорова Е.»") or the Kazakh "деп" (called) after them ("«Қанат» деп атаған", not the passive "деп аталады" of a place's name).
     */
    private static boolean namedInQuotes(char[] lower, int start, int end) {
        if (end >= lower.length || lower[end] != '»' && lower[end] != '”' && lower[end] != '"') {
            return false;
        }
        int q = end + 1;
        while (q < lower.length && lower[q] == ' ') {
            q++;
        }
        if (q + 3 <= lower.length && Chars.startsWith(lower, "деп", q) && Chars.notWordAt(lower, q + 3)) {
            int v = q + 3;
            while (v < lower.length && lower[v] == ' ') {
                v++;
            }
            return !Chars.startsWith(lower, "атал", v); // "кафе «Арман» деп аталады": a place's name, passive
        }
        int p = start - 2;
        while (p >= 0 && lower[p] == ' ') {
            p--;
        }
        int w = Chars.letterRunStart(lower, p + 1);
        return w <= p && NAMED_BEFORE_QUOTES.contains(lower, w, p + 1);
    }

    /**
     * Whether "ИП" or "ЖК" (an individual entrepreneur) stands before the quote that opens at {@code start - 1}: the
     * business is then named after its owner, "ИП «Омаров Қ.Т.»", whose name counts when initials or a patronymic
     * say it is one (not "ИП «Береке»").
     */
    private static boolean personalBusiness(char[] lower, int start) {
        int p = start - 2;
        while (p >= 0 && lower[p] == ' ') {
            p--;
        }
        return p >= 1
                && (lower[p - 1] == 'и' && lower[p] == 'п' || lower[p - 1] == 'ж' && lower[p] == 'к')
                && Chars.notWordAt(lower, p - 2);
    }

    /** How far past a run its closing quote may stand for the run to be a quoted name: "«Асем Групп» ЖШС". */
    private static final int QUOTED_NAME_REACH = 40;

    /**
     * Whether the run {@code [start, end)} opens a quoted name: a company's, a book's, a place's ("«Асем Групп»",
     * "«Абай жолы»"). A quote whose passage goes on past the run's clause ("«Мамырбаев Тоқтар ақсақал дүниеден
     * өтті. …»") cites what someone wrote or said, and a name at its start is a name.
     */
    private static boolean quoted(char[] s, int start, int end) {
        int p = start - 1;
        if (p < 0 || s[p] != '«' && s[p] != '“' && s[p] != '„') {
            return false;
        }
        for (int q = end; q < s.length && q - end <= QUOTED_NAME_REACH; q++) {
            char c = s[q];
            if (c == '»' || c == '”' || c == '"' || c == '“') {
                return true;
            }
            if (c == '.' || c == '!' || c == '?' || c == ',' || c == ':' || c == ';' || c == '\n') {
                return false;
            }
        }
        return false;
    }

    /** The word after the next one, folded, when the next one is a lower-case title ("ақын", "батыр"). */
    private static String wordAfterNext(char[] s, int p) {
        int q = p;
        while (q < s.length && s[q] == ' ') {
            q++;
        }
        if (q >= s.length || !Chars.isLowerCase(s[q])) {
            return null;
        }
        int e = wordEnd(s, q);
        return nextWord(s, e);
    }

    private static String nextWord(char[] s, int p) {
        int q = p;
        if (q < s.length && s[q] == '.') {
            q++;
        }
        while (q < s.length && s[q] == ' ') {
            q++;
        }
        if (q - p > 2 || q >= s.length || !Chars.isLetter(s[q])) {
            return null;
        }
        int e = wordEnd(s, q);
        return NameForms.fold(s, q, e);
    }

    private static Set<String> words(String... words) {
        return Set.copyOf(Arrays.asList(words));
    }
}
