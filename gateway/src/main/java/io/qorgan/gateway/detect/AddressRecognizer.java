package io.qorgan.gateway.detect;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Street-level addresses in Kazakh, Russian and English, reported as one finding.
 *
 * <p>An address is a chain of components separated by commas or spaces: a Russian marker before its name
 * ({@code г. Астана}, {@code ул. Кенесары}, {@code д. 1}, {@code кв. 1}), a Kazakh marker after it
 * ({@code Алматы қ.}, {@code Сәтбаев көш.}, {@code 5-үй}, {@code 25-пәтер}), a bare house number after a street,
 * a postcode. A chain counts only when it has a house number or both a locality and a street (or, for villages,
 * region, district and village): a street name alone ("проспект Абая") is not an address. English addresses are
 * a number, capitalised words and a street type ({@code 221 Baker Street}), with an optional unit, town, state and
 * ZIP code.
 */
final class AddressRecognizer implements Recognizer {

    private enum Kind {
        CITY,
        REGION,
        DISTRICT,
        SETTLEMENT,
        STREET,
        HOUSE,
        FLAT,
        POSTCODE,
        COUNTRY,
        /** A street and its house number in one ("Abai Avenue 10", "115 Satpayev Street"). */
        STREET_HOUSE,
        /** A Kazakh microdistrict ("12 ш/а", "Самал шағын ауданы"): a street only with a house number. */
        MICRODISTRICT,
        /** A business centre or building name ("Nurly Tau BC"): part of an address, neither street nor house. */
        BUILDING,
        /** A dormitory, its number or institution with it ("общежитие № 2", "общага КазНУ №7"): a home by its room. */
        DORMITORY
    }

    private record Marker(String text, Kind kind, boolean dotted, boolean caseSensitive) {

        Marker(String text, Kind kind) {
            this(text, kind, text.endsWith("."), Character.isUpperCase(text.charAt(0)));
        }
    }

    private record Part(int end, Kind kind) {}

    /** Markers written before the name, lower case; a trailing dot is part of the marker where usual. */
    private static final Marker[] BEFORE = {
        new Marker("г.", Kind.CITY),
        new Marker("город ", Kind.CITY),
        new Marker("гор.", Kind.CITY),
        new Marker("ул.", Kind.STREET),
        new Marker("улица ", Kind.STREET),
        new Marker("улице ", Kind.STREET),
        new Marker("улицу ", Kind.STREET),
        new Marker("улицы ", Kind.STREET),
        new Marker("ул ", Kind.STREET),
        new Marker("пр.", Kind.STREET),
        new Marker("пр-т", Kind.STREET),
        new Marker("просп.", Kind.STREET),
        new Marker("проспект ", Kind.STREET),
        new Marker("проспекту ", Kind.STREET),
        new Marker("проспекте ", Kind.STREET),
        new Marker("проспекта ", Kind.STREET),
        new Marker("мкр.", Kind.STREET),
        new Marker("мкрн.", Kind.STREET),
        new Marker("мкр ", Kind.STREET),
        new Marker("мк-н", Kind.STREET),
        new Marker("мкр-н", Kind.STREET),
        new Marker("мкрн ", Kind.STREET),
        new Marker("микрорайоне ", Kind.STREET),
        new Marker("микрорайона ", Kind.STREET),
        new Marker("микрорайон ", Kind.STREET),
        new Marker("пер.", Kind.STREET),
        new Marker("переулок ", Kind.STREET),
        new Marker("переулке ", Kind.STREET),
        new Marker("переулку ", Kind.STREET),
        new Marker("б-р", Kind.STREET),
        new Marker("бульвар ", Kind.STREET),
        new Marker("бульваре ", Kind.STREET),
        new Marker("бульвару ", Kind.STREET),
        new Marker("пл.", Kind.STREET),
        new Marker("площадь ", Kind.STREET),
        new Marker("шоссе ", Kind.STREET),
        new Marker("жк ", Kind.STREET),
        new Marker("гск ", Kind.STREET),
        new Marker("снт ", Kind.STREET),
        // a garden society's plots: "садоводство «Береке», 5-я линия, участок 47"
        new Marker("садоводство ", Kind.STREET),
        new Marker("садоводческое товарищество ", Kind.STREET),
        new Marker("дачный массив ", Kind.STREET),
        new Marker("саяжай ", Kind.STREET),
        new Marker("бц ", Kind.BUILDING),
        new Marker("бокс ", Kind.HOUSE),
        new Marker("участок ", Kind.HOUSE),
        new Marker("уч.", Kind.HOUSE),
        new Marker("д.", Kind.HOUSE),
        new Marker("дом ", Kind.HOUSE),
        new Marker("корп.", Kind.HOUSE),
        new Marker("корпус ", Kind.HOUSE),
        new Marker("здание ", Kind.HOUSE),
        new Marker("стр.", Kind.HOUSE),
        new Marker("блок ", Kind.HOUSE),
        new Marker("кв.", Kind.FLAT),
        new Marker("кв ", Kind.FLAT),
        new Marker("комн.", Kind.FLAT),
        new Marker("комната ", Kind.FLAT),
        new Marker("комн ", Kind.FLAT),
        new Marker("ком.", Kind.FLAT),
        new Marker("общежитие ", Kind.DORMITORY),
        new Marker("общежитии ", Kind.DORMITORY),
        new Marker("общага ", Kind.DORMITORY),
        new Marker("общаге ", Kind.DORMITORY),
        new Marker("жатақхана ", Kind.DORMITORY),
        new Marker("а/я", Kind.HOUSE), // a post-office box stands for the house mail goes to: "г. Алматы, а/я 112"
        new Marker("квартира ", Kind.FLAT),
        new Marker("оф.", Kind.FLAT),
        new Marker("офис ", Kind.FLAT),
        new Marker("үй ", Kind.HOUSE),
        new Marker("пәтер ", Kind.FLAT),
        new Marker("с.", Kind.SETTLEMENT),
        new Marker("село ", Kind.SETTLEMENT),
        new Marker("селе ", Kind.SETTLEMENT),
        new Marker("села ", Kind.SETTLEMENT),
        new Marker("поселке ", Kind.SETTLEMENT),
        new Marker("посёлке ", Kind.SETTLEMENT),
        new Marker("ауле ", Kind.SETTLEMENT),
        new Marker("пос.", Kind.SETTLEMENT),
        new Marker("посёлок ", Kind.SETTLEMENT),
        new Marker("поселок ", Kind.SETTLEMENT),
        new Marker("п.", Kind.SETTLEMENT),
        new Marker("аул ", Kind.SETTLEMENT),
        new Marker("р-н", Kind.DISTRICT),
        new Marker("район ", Kind.DISTRICT),
        new Marker("обл.", Kind.REGION),
        new Marker("область ", Kind.REGION),
    };
    /** Markers written after the name. */
    private static final Marker[] AFTER = {
        new Marker("қаласы", Kind.CITY),
        new Marker("қ.", Kind.CITY),
        new Marker("облысы", Kind.REGION),
        new Marker("обл.", Kind.REGION),
        new Marker("область", Kind.REGION),
        new Marker("облысының", Kind.REGION),
        new Marker("области", Kind.REGION), // "Тарановского района Костанайской области, ул. Набережная, 6"
        new Marker("ауданы", Kind.DISTRICT),
        new Marker("ауд.", Kind.DISTRICT),
        new Marker("район", Kind.DISTRICT),
        new Marker("р-н", Kind.DISTRICT),
        new Marker("ауылы", Kind.SETTLEMENT),
        new Marker("а.", Kind.SETTLEMENT, true, true), // lower case only: "А." after a surname is an initial
        new Marker("кенті", Kind.SETTLEMENT),
        new Marker("ауылдық округі", Kind.SETTLEMENT),
        new Marker("шағын ауданы", Kind.MICRODISTRICT),
        new Marker("шағын аудан", Kind.MICRODISTRICT),
        new Marker("ш/а", Kind.MICRODISTRICT),
        new Marker("шағынауданы", Kind.MICRODISTRICT),
        new Marker("ықшамауданы", Kind.MICRODISTRICT),
        new Marker("ықшам ауданы", Kind.MICRODISTRICT),
        new Marker("тас жолы", Kind.STREET),
        new Marker("к-сі", Kind.STREET),
        new Marker("даңғ.", Kind.STREET),
        new Marker("а/о", Kind.SETTLEMENT),
        new Marker("с/о", Kind.SETTLEMENT),
        new Marker("ауылдық округінің", Kind.SETTLEMENT),
        new Marker("q.", Kind.CITY),
        new Marker("qalasy", Kind.CITY),
        new Marker("oblysy", Kind.REGION),
        new Marker("audany", Kind.DISTRICT),
        new Marker("auyly", Kind.SETTLEMENT),
        new Marker("dañğyly", Kind.STREET),
        new Marker("dañğ.", Kind.STREET),
        new Marker("dangyly", Kind.STREET),
        new Marker("köşesi", Kind.STREET),
        new Marker("köş.", Kind.STREET),
        new Marker("koshesi", Kind.STREET),
        new Marker("k-si", Kind.STREET),
        new Marker("shagyn audany", Kind.MICRODISTRICT),
        new Marker("shagynaudany", Kind.MICRODISTRICT),
        // the Latin alphabets of 2018 (acute accents) and 2021 (Turkic letters): "Nursát shaǵyn aýdany"
        new Marker("aýdany", Kind.DISTRICT),
        new Marker("aýyly", Kind.SETTLEMENT),
        new Marker("dańǵyly", Kind.STREET),
        new Marker("dańǵ.", Kind.STREET),
        new Marker("kóshesi", Kind.STREET),
        new Marker("kósh.", Kind.STREET),
        new Marker("shaǵyn aýdany", Kind.MICRODISTRICT),
        new Marker("shaǵyn aýdan", Kind.MICRODISTRICT),
        new Marker("şağyn audany", Kind.MICRODISTRICT),
        new Marker("şağyn audan", Kind.MICRODISTRICT),
        // Uzbek and English: "Registon ko'chasi", "Chilonzor tumani", "Bostandyk district"
        new Marker("ko'chasi", Kind.STREET),
        new Marker("ko‘chasi", Kind.STREET),
        new Marker("koʻchasi", Kind.STREET),
        new Marker("tumani", Kind.DISTRICT),
        new Marker("district", Kind.DISTRICT),
        new Marker("village", Kind.SETTLEMENT), // "Karabulak village, Eskeldi district"
        new Marker("region", Kind.REGION),
        new Marker("көшесі", Kind.STREET),
        new Marker("көш.", Kind.STREET),
        new Marker("даңғылы", Kind.STREET),
        new Marker("даң.", Kind.STREET),
        new Marker("тұйық көшесі", Kind.STREET),
        new Marker("гүлзары", Kind.STREET),
        new Marker("алаңы", Kind.STREET),
        new Marker("ТҮК", Kind.STREET),
        new Marker("ЖК", Kind.STREET),
        new Marker("тұрғын үй кешені", Kind.STREET),
        new Marker("улица", Kind.STREET),
        new Marker("проспект", Kind.STREET),
        new Marker("шоссесі", Kind.STREET), // "Рыскулова шоссесі", "Тамерлановское шоссе"
        new Marker("шоссе", Kind.STREET),
        new Marker("бульвары", Kind.STREET),
        new Marker("бульвар", Kind.STREET),
    };

    private static final String[] COMPASS = {
        "батыс", "шығыс", "солтүстік", "оңтүстік", "орталық", "северо", "западно", "восточно", "южно"
    };
    /**
     * Lower-case words inside street names, after a person's name the street bears: "Төле би", "Қабанбай батыр",
     * "Кенесары хан", "Жамбыл ақын", "Домалақ ана", "Бұхар жырау", "Ақан сері", "Aiteke bi"; and the common word of a
     * district's name ("Жаңа қала шағынауданы").
     */
    private static final String[] CONNECTORS = {
        "би", "батыр", "батыра", "ата", "жолы", "хан", "хана", "ақын", "акына", "ана", "жырау", "жырау", "әулие",
        "шешен", "баба", "дала", "сері", "сал", "қала", "bi", "batyr", "ata", "ana", "khan", "han", "akyn", "zhyrau",
        "zholy", "seri"
    };
    /** First chars of the markers written after a name, to skip the marker loop quickly. */
    private static final boolean[] AFTER_INITIAL = new boolean[0x530];

    /** Words after a number: "5-үй", "12 ш/а", "14-шағын аудан", "150-üi", "12-päter". */
    private static final Marker[] NUMBER_SUFFIXES = {
        new Marker("үй", Kind.HOUSE),
        new Marker("ү.", Kind.HOUSE),
        new Marker("пәтер", Kind.FLAT),
        new Marker("п.", Kind.FLAT),
        new Marker("кеңсе", Kind.FLAT),
        new Marker("блок", Kind.HOUSE),
        new Marker("корпус", Kind.HOUSE),
        new Marker("этаж", Kind.FLAT),
        new Marker("қабат", Kind.FLAT),
        new Marker("ш/а", Kind.MICRODISTRICT),
        new Marker("шағын ауданы", Kind.MICRODISTRICT),
        new Marker("шағын аудан", Kind.MICRODISTRICT),
        new Marker("шағынауданы", Kind.MICRODISTRICT),
        new Marker("шағынаудан", Kind.MICRODISTRICT),
        new Marker("ықшамауданы", Kind.MICRODISTRICT),
        new Marker("ықшамаудан", Kind.MICRODISTRICT),
        new Marker("мкр.", Kind.MICRODISTRICT),
        new Marker("мкр", Kind.MICRODISTRICT),
        new Marker("подъезд", Kind.HOUSE), // an entrance stands for its building: "ЖК «…», 3 подъезд, кв 71"
        new Marker("дом", Kind.HOUSE), // a chat's number first: "4 мкр, 22 дом"
        new Marker("кіреберіс", Kind.HOUSE),
        new Marker("я линия", Kind.STREET), // a garden society's line: "5-я линия, участок 47"
        new Marker("бөлме", Kind.FLAT),
        new Marker("микрорайон", Kind.MICRODISTRICT),
        new Marker("квартал", Kind.MICRODISTRICT), // "мкр. Жулдыз, 12-й квартал, дом 3"
        new Marker("microdistrict", Kind.MICRODISTRICT), // "Aktobe, 11 microdistrict, building 99, flat 5"
        new Marker("üi", Kind.HOUSE),
        new Marker("ui", Kind.HOUSE),
        new Marker("uy", Kind.HOUSE),
        new Marker("päter", Kind.FLAT),
        new Marker("pater", Kind.FLAT),
        new Marker("keñse", Kind.FLAT),
        new Marker("kense", Kind.FLAT),
        new Marker("úi", Kind.HOUSE),
        new Marker("úı", Kind.HOUSE),
        new Marker("páter", Kind.FLAT),
        new Marker("keńse", Kind.FLAT),
        new Marker("shaǵyn aýdan", Kind.MICRODISTRICT),
        new Marker("xonadon", Kind.FLAT), // Uzbek: "32-xonadon"
        new Marker("kvartal", Kind.MICRODISTRICT),
    };
    /** First chars of {@link #NUMBER_SUFFIXES}: most numbers are followed by none. */
    private static final boolean[] SUFFIX_INITIAL = new boolean[0x530];

    static {
        for (Marker m : NUMBER_SUFFIXES) {
            SUFFIX_INITIAL[m.text().charAt(0)] = true;
        }
    }

    /** Words before a flat or house number in English and Latin addresses. */
    private static final Marker[] LATIN_UNITS = {
        new Marker("apartment", Kind.FLAT),
        new Marker("apt.", Kind.FLAT),
        new Marker("apt", Kind.FLAT),
        new Marker("flat", Kind.FLAT),
        new Marker("office", Kind.FLAT),
        new Marker("suite", Kind.FLAT),
        new Marker("unit", Kind.FLAT),
        new Marker("room", Kind.FLAT),
        new Marker("kv.", Kind.FLAT),
        new Marker("kv", Kind.FLAT),
        new Marker("house", Kind.HOUSE),
        new Marker("building", Kind.HOUSE),
        new Marker("bldg", Kind.HOUSE),
        new Marker("bld.", Kind.HOUSE),
        new Marker("bld", Kind.HOUSE),
        new Marker("pavilion", Kind.FLAT),
        new Marker("bed", Kind.FLAT),
        new Marker("block", Kind.HOUSE),
        new Marker("app.", Kind.FLAT), // German, French, Italian: "Wiener Str. 48, App. 12, 01219 Dresden"
        new Marker("wohnung", Kind.FLAT),
        new Marker("whg.", Kind.FLAT),
        new Marker("daire", Kind.FLAT), // Turkish
    };
    /** Street types an English or Latin address names after the street: "Abai Avenue 10", "Zhibek Zholy St 50". */
    private static final String[] NAMED_STREET_TYPES = {
        "street",
        "st",
        "avenue",
        "ave",
        "road",
        "rd",
        "boulevard",
        "blvd",
        "lane",
        "prospekt",
        "prospect",
        "pr",
        "highway",
        "microdistrict",
        "mkr",
        "str",
        "square",
        "sq"
    };
    /** Settlements and regions of Kazakhstan, lower case: a locality of an address chain without a marker. */
    static final WordSet PLACES = new WordSet(Lexicons.words("places-kz.txt"));

    private static final String[] STREET_TYPES = {
        "street",
        "st",
        "avenue",
        "ave",
        "road",
        "rd",
        "boulevard",
        "blvd",
        "lane",
        "ln",
        "drive",
        "dr",
        "way",
        "court",
        "ct",
        "place",
        "pl",
        "square",
        "sq",
        "terrace",
        "highway",
        "hwy",
        "grove",
        "crescent",
        "mews",
        "gardens"
    };
    private static final String[] COUNTRIES = {
        "республика казахстан", "казахстан", "қазақстан республикасы", "қазақстан", "kazakhstan", "рк"
    };

    @Override
    public void find(TextView view, List<Finding> out) {
        char[] s = view.chars();
        char[] lower = view.lower();
        WordStarts candidates = view.starts();
        int[] starts = candidates.sorted();
        int resume = 0;
        int digit = -1; // the first digit at or after the last start that looked for one
        int[] nameEnds = new int[3];
        for (int k = candidates.first(WordStarts.ADDRESS), last = candidates.end(WordStarts.ADDRESS); k < last; k++) {
            int i = starts[k];
            char c = s[i];
            if (i < resume || !Chars.isAlnum(c)) {
                continue;
            }
            if (!Chars.isDigit(c)
                    && !Chars.isUpperCase(c)
                    && !markerLike(s, lower, i)
                    && !ForeignAddress.lowerStreetWord(s, lower, i)) {
                continue; // most words: component would answer null at once, so no chain starts here
            }
            int from = i > 0 && (s[i - 1] == '«' || s[i - 1] == '"') && complex(s, lower, i - 1) > 0 ? i - 1 : i;
            int end = chain(s, lower, from, nameEnds);
            boolean compassAfter = end > 0
                    && end + 2 < s.length
                    && s[end] == ' '
                    && "NSEW".indexOf(s[end + 1]) >= 0
                    && Chars.notAlnumAt(s, end + 2); // "88 Queen St E, …"
            if (Chars.isDigit(c) && (end < 0 || Chars.startsWith(s, ", ", end) || compassAfter)) {
                end = Math.max(end, english(s, lower, i)); // with a US town, state and ZIP code
            } else if (end < 0 && Chars.isUpperCase(c)) {
                end = placeStreetHouse(s, lower, i);
            }
            if (end < 0 && Chars.isUpperCase(c) && i > 8 && s[i - 1] == ' ' && myAddressBefore(lower, i - 1)) {
                end = ownAddress(s, i); // "мекенжайым Астана, Мәңгілік Ел 37, 412 пәтер."
            }
            if (end < 0 && Chars.isDigit(c) && i > 2 && (s[i - 1] == ' ' || s[i - 1] == '.')) {
                int house = houseWordBefore(lower, i);
                end = house < 0 ? -1 : houseThenStreet(s, lower, i);
                if (end > 0) {
                    from = flatBefore(s, lower, house);
                }
            }
            boolean foreign = end < 0 && c < ForeignAddress.LATIN_END && ForeignAddress.mayStart(s, lower, i);
            if (foreign && digit < i) {
                digit = nextDigit(s, i); // one forward scan for all starts before that digit
            }
            if (foreign && digit - i <= FOREIGN_REACH) {
                end = ForeignAddress.end(s, lower, i); // "Via Garibaldi 24, 10122 Torino, Italy"
                from = end > 0 ? ForeignAddress.startBefore(s, lower, i) : from;
            }
            // a street's words before the house, needed below in any case, are the rarest condition: tested first
            if (end < 0
                    && Chars.isDigit(c)
                    && i >= 2
                    && s[i - 1] == ' '
                    && (Chars.isAlnum(s[i - 2]) || s[i - 2] == '-') // a word's end, as streetStart needs
                    && SpokenAddress.streetStart(s, lower, i, false) >= 0) {
                end = SpokenAddress.unitsEnd(s, lower, i); // "на жандосова 58 кв 31"
                boolean streetWordNeeded = end > 0 && SpokenAddress.loneKazakhUnit(s, lower, i, end);
                if (end < 0 && SpokenAddress.streetWordBefore(s, lower, i)) {
                    end = number(s, i); // "абай көшесі 15"
                }
                int house = end < 0 ? number(s, i) : -1;
                if (house > 0 && SpokenAddress.afterPreposition(s, lower, i, house)) {
                    end = house; // "на тимирязева 56", "в таугуль 21-33"
                }
                int street = end > 0 ? SpokenAddress.streetStart(s, lower, i, streetWordNeeded) : -1;
                end = street >= 0 ? end : -1;
                from = street >= 0 ? street : from;
            }
            if (end > 0) {
                if (Chars.isDigit(c)) {
                    from = unitBefore(s, lower, from);
                }
                if (Chars.isDigit(c) && from == i) {
                    from = SpokenAddress.microdistrictName(s, lower, i); // "көктем 2 шағын ауданы, 9 үй"
                }
                int postcode = ForeignAddress.postcodeAfterTown(s, end);
                end = postcode > 0 ? postcode : end; // "PO Box 118, Aktau 130000"
                out.add(new Finding(EntityType.ADDRESS, from, end, 0.85, "address"));
                resume = end;
            }
        }
        labelledValues(s, lower, out);
    }

    /**
     * How far from its first word a foreign address's first digit (its house, box or postcode) may stand: "Avenida
     * Presidente Juscelino Kubitschek 1909". Words further from any digit start none, and are not read.
     */
    private static final int FOREIGN_REACH = 80;

    /** The first digit at or after {@code p}, or the text's length. */
    private static int nextDigit(char[] s, int p) {
        int q = p;
        while (q < s.length && !Chars.isDigit(s[q])) {
            q++;
        }
        return q;
    }

    /** Words before one's own address in prose, without a colon: "мекенжайым Астана, …", "мой адрес Абая 10". */
    private static final String[] MY_ADDRESS = {"мекенжайым", "мой адрес", "адресім", "my address is", "наш адрес"};

    /** Whether a word of {@link #MY_ADDRESS} ends at {@code end}. */
    private static boolean myAddressBefore(char[] lower, int end) {
        char last = lower[end - 1];
        if (last != 'м' && last != 'с' && last != 's') {
            return false; // most capitals: no such word before them
        }
        for (String cue : MY_ADDRESS) {
            int from = end - cue.length();
            if (from >= 0 && Chars.startsWith(lower, cue, from) && Chars.notWordAt(lower, from - 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One's own address told in a sentence after {@link #MY_ADDRESS}, from the capital at {@code p} to the sentence's
     * end (a full stop after a number or a word of five letters or more, not after "ул." or "кв."), when it holds a
     * house number; its end, or -1.
     */
    private static int ownAddress(char[] s, int p) {
        int end = p;
        while (end < s.length && end - p < MAX_LABELLED && "\n;(!?".indexOf(s[end]) < 0) {
            if (s[end] == '.' && (end + 1 >= s.length || s[end + 1] == ' ' || s[end + 1] == '\n')) {
                int w = end;
                while (w > p && Chars.isLetter(s[w - 1])) {
                    w--;
                }
                if (end - w >= 5 || w == end && Chars.isDigit(s[end - 1])) {
                    break;
                }
            }
            end++;
        }
        if (end - p >= MAX_LABELLED) {
            return -1;
        }
        while (end > p && " .,".indexOf(s[end - 1]) >= 0) {
            end--;
        }
        return end > p && addressValue(s, p, end) ? end : -1;
    }

    /** Words for a house before its number, in the order a flat, a house and then its street are told. */
    private static final String[] HOUSE_WORDS = {"д.", "д", "дом", "дома", "доме", "дому"};

    /** Street words after "по" in the dative or as abbreviations: "по улице Чкалова", "по ул. Розыбакиева". */
    private static final String[] STREET_AFTER_PO = {
        "ул. ", "улице ", "пр. ", "пр-ту ", "проспекту ", "пер. ", "переулку ", "бульвару ", "б-ру ", "мкр. "
    };

    /** Where the house word before the number at {@code digit} starts ("дома 7", "д. 7"), or -1. */
    private static int houseWordBefore(char[] lower, int digit) {
        int e = digit - 1;
        if (lower[e] == ' ' && lower[e - 1] == '.') {
            e--; // "д. 7"
        }
        int end = lower[e] == '.' ? e + 1 : e;
        int w = e;
        while (w > 0 && e - w < 5 && Chars.isLetter(lower[w - 1])) {
            w--;
        }
        if (lower[w] != 'д') {
            return -1; // most numbers: no house word (д., дом, дома) before them
        }
        return w < end && Chars.notWordAt(lower, w - 1) && Chars.isOneOf(lower, w, end, HOUSE_WORDS) ? w : -1;
    }

    /**
     * A house number at {@code p}, then " по " and a street with its street word, the street's one or two capitalised
     * words and a flat after them ("7 по улице Чкалова, кв. 2"); the end, or -1.
     */
    private static int houseThenStreet(char[] s, char[] lower, int p) {
        int house = number(s, p);
        if (house < 0 || !Chars.startsWith(lower, " по ", house)) {
            return -1;
        }
        int q = house + 4;
        int street = -1;
        for (String word : STREET_AFTER_PO) {
            if (Chars.startsWith(lower, word, q)) {
                street = q + word.length();
                break;
            }
        }
        if (street < 0 || street >= s.length || !Chars.isUpperCase(s[street])) {
            return -1;
        }
        int end = street;
        for (int words = 0; words < 2 && end < s.length && Chars.isUpperCase(s[end]); words++) {
            int e = end;
            while (e < s.length && (Chars.isLetter(s[e]) || s[e] == '-')) {
                e++;
            }
            end = e;
            if (e + 1 < s.length && s[e] == ' ' && Chars.isUpperCase(s[e + 1])) {
                end = e + 1;
            } else {
                break;
            }
        }
        while (end > street && s[end - 1] == ' ') {
            end--;
        }
        if (end - street < 3) {
            return -1;
        }
        int flat = flatAfter(s, lower, end);
        return flat > 0 ? flat : end;
    }

    /** The end of ", кв. 2" or ", квартира 2" at {@code p}, or -1. */
    private static int flatAfter(char[] s, char[] lower, int p) {
        for (String flat : new String[] {", кв. ", ", кв ", ", квартира "}) {
            if (Chars.startsWith(lower, flat, p)) {
                int e = number(s, p + flat.length());
                return e > 0 ? e : -1;
            }
        }
        return -1;
    }

    /** Where "кв. 48 " before a house word at {@code house} starts, or {@code house}. */
    private static int flatBefore(char[] s, char[] lower, int house) {
        int e = house - 1;
        if (e < 5 || s[e] != ' ') {
            return house;
        }
        int d = e;
        while (d > 0 && Chars.isDigit(s[d - 1])) {
            d--;
        }
        if (d == e) {
            return house;
        }
        for (String flat : new String[] {"кв. ", "кв ", "квартиры ", "квартира "}) {
            int u = d - flat.length();
            if (u >= 0 && Chars.startsWith(lower, flat, u) && Chars.notWordAt(lower, u - 1)) {
                return u;
            }
        }
        return house;
    }

    /** Words a label before a colon holds when its value is an address: "Адрес:", "mekenzhai", "home_address". */
    private static final String[] ADDRESS_LABELS = {
        "адрес",
        "address",
        "мекенжай",
        "мекен-жай",
        "mekenzhai",
        "mekenjai",
        "home",
        "проживает",
        "прописан",
        "прописка",
        "тұрады",
        "тіркелген",
        "residence",
        "resides"
    };

    /** Words before an address label that make it another kind of address: "Email address:", "IP-адрес:". */
    private static final String[] OTHER_ADDRESSES = {
        "mail", "ip", "mac", "web", "электрон", "url", "wallet", "почты", "адресат", "addressee"
    };

    /** Words inside a labelled value where the address ends: "Абая 10, тел. …". */
    private static final String[] VALUE_ENDS = {
        ", тел", " тел.", ", иин", ", жсн", ", phone", ", tel", ", email", ", e-mail"
    };

    private static final int MAX_LABELLED = 80;

    /**
     * The first of {@link #VALUE_ENDS} in {@code lower[from, to)}, or {@code to}: one pass, each a comma or space
     * first.
     */
    private static int valueEnd(char[] lower, int from, int to) {
        for (int q = from; q < to; q++) {
            if (lower[q] != ',' && lower[q] != ' ') {
                continue;
            }
            for (String stop : VALUE_ENDS) {
                if (q + stop.length() <= to && Chars.startsWith(lower, stop, q)) {
                    return q;
                }
            }
        }
        return to;
    }

    /**
     * The value after an address label and its colon (a line "Адрес: Караганда, Шахтёров 52-17", a JSON or YAML key
     * {@code "mekenzhai": "…"}), when it starts with a capital (or a postcode) and holds a house number: the
     * whole value, up to the line's or the quote's end, a bracket, a semicolon or a phone or IIN after a comma.
     */
    private static void labelledValues(char[] s, char[] lower, List<Finding> out) {
        for (int c = Chars.indexOf(s, ':', 0); c >= 0; c = Chars.indexOf(s, ':', c + 1)) {
            int q = c;
            if (q > 0 && s[q - 1] == '"') {
                q--;
            }
            int labelEnd = q;
            while (q > 0 && (Chars.isLetter(s[q - 1]) || s[q - 1] == '_' || s[q - 1] == '-') && labelEnd - q < 40) {
                q--;
            }
            if (q == labelEnd || !addressLabel(lower, q, labelEnd)) {
                continue;
            }
            int p = c + 1;
            while (p < s.length && s[p] == ' ') {
                p++;
            }
            boolean quoted = p < s.length && s[p] == '"';
            if (quoted) {
                p++;
            }
            int end = p;
            while (end < s.length && end - p < MAX_LABELLED && "\n\";(|".indexOf(s[end]) < 0) {
                if (s[end] == '.'
                        && end + 2 < s.length
                        && s[end + 1] == ' '
                        && Chars.isUpperCase(s[end + 2])
                        && end > p
                        && numberFormBefore(s, p, end)) {
                    break; // the sentence ends after the value's last number: "Адрес: Astana, Dostyk 5/1, kv. 143.
                    // Его…", "Сәтбаев көш., 5-үй. Туған күні …"
                }
                end++;
            }
            boolean sentenceEnd = end < s.length && s[end] == '.';
            if (end - p >= MAX_LABELLED && (end >= s.length || s[end] != '\n' && s[end] != '"') && !sentenceEnd) {
                continue; // a sentence, not a value
            }
            end = valueEnd(lower, p, end);
            while (end > p && " .,".indexOf(s[end - 1]) >= 0) {
                end--;
            }
            if (end > p && addressValue(s, p, end)) {
                out.add(new Finding(EntityType.ADDRESS, p, end, 0.9, "address"));
            }
        }
    }

    /** Whether the word before {@code end} (after {@code from}) is a number or a number with its unit: "143", "5-үй". */
    private static boolean numberFormBefore(char[] s, int from, int end) {
        int q = end;
        while (q > from && (Chars.isLetter(s[q - 1]) || s[q - 1] == '-')) {
            q--;
        }
        return q > from && Chars.isDigit(s[q - 1]);
    }

    private static final CueSet ADDRESS_LABEL_SET = new CueSet(ADDRESS_LABELS);
    private static final CueSet OTHER_ADDRESS_SET = new CueSet(OTHER_ADDRESSES);

    private static boolean addressLabel(char[] lower, int from, int to) {
        return ADDRESS_LABEL_SET.anyIn(lower, from, to) && !OTHER_ADDRESS_SET.anyIn(lower, Math.max(0, from - 14), to);
    }

    /** A capital or a postcode first, a digit and a word of three letters somewhere, no e-mail or link. */
    private static boolean addressValue(char[] s, int from, int to) {
        if (!Chars.isUpperCase(s[from]) && !(Chars.digitRun(s, from) == 6 && from + 6 < to && s[from + 6] == ',')) {
            return false;
        }
        boolean digit = false;
        int letters = 0;
        int word = 0;
        for (int i = from; i < to; i++) {
            char c = s[i];
            if (c == '@' || c == '/' && i + 1 < to && s[i + 1] == '/') {
                return false;
            }
            digit |= Chars.isDigit(c);
            word = Chars.isLetter(c) ? word + 1 : 0;
            letters = Math.max(letters, word);
        }
        return digit && letters >= 3;
    }

    /** End of an accepted address chain starting at {@code start}, or -1; {@code nameEnds} is scratch space. */
    private static int chain(char[] s, char[] lower, int start, int[] nameEnds) {
        boolean house = false;
        boolean locality = false;
        boolean street = false;
        boolean settlement = false;
        boolean micro = false;
        boolean district = false;
        boolean cells = false; // parts joined by bare commas: the cells of a CSV row
        boolean postcode = false;
        boolean dormitory = false;
        boolean flat = false;
        int parts = 0;
        int end = -1;
        int p = start;
        Kind previous = null;
        boolean nextLine = false;
        while (parts < 12) {
            if (previous != null) {
                p = pastDormitory(lower, p); // "д. 5, общежитие, комн. 12"
            }
            Part part = component(s, lower, p, previous, nameEnds);
            if (part == null || nextLine && part.kind() != Kind.HOUSE && part.kind() != Kind.FLAT) {
                break; // past a line end only the house and flat the line before left out: "ул. Абая,\nд. 10"
            }
            parts++;
            switch (part.kind()) {
                case HOUSE, FLAT -> {
                    house |= part.kind() == Kind.HOUSE;
                    flat |= part.kind() == Kind.FLAT;
                }
                case CITY -> locality = true;
                case SETTLEMENT -> {
                    locality = true;
                    settlement = true;
                }
                case STREET -> street = true;
                case MICRODISTRICT -> micro = true;
                case DISTRICT -> district = true;
                case STREET_HOUSE -> {
                    street = true;
                    house = true;
                }
                case POSTCODE -> postcode = true;
                case DORMITORY -> dormitory = true;
                default -> {}
            }
            end = part.end();
            previous = part.kind();
            cells |= end + 1 < s.length
                    && s[end] == ','
                    && s[end + 1] != ' '
                    && s[end + 1] != '\n'
                    && s[end + 1] != '\r';
            int q = end;
            int gap = 0;
            while (q < s.length && gap < 3 && (s[q] == ' ' || s[q] == ',')) {
                q++;
                gap++;
            }
            nextLine = q > end && s[q - 1] == ',' && q < s.length && (s[q] == '\n' || s[q] == '\r');
            while (nextLine && q < s.length && (s[q] == '\n' || s[q] == '\r' || s[q] == ' ') && q - end < 6) {
                q++;
            }
            if (q == end) {
                break;
            }
            p = q;
        }
        boolean accept = (house && (street || locality || micro))
                || (locality && street && !cells) // a CSV row's city and street cells name no house
                || (settlement && (parts >= 3 || district)) // a village with its district
                || (locality && district && postcode) // "г. Шымкент, Абайский р-н, 160011"
                || settlement && parts <= 2 && !cells && loneVillage(s, lower, start, end) // "живу в посёлке …"
                || dormitory && flat; // "общежитие № 2, комната 305"
        return accept ? end : -1;
    }

    /**
     * Words that say someone lives, stays, moved, was born or is registered somewhere: "тұрады", "көшіп келген",
     * "живу", "родилась", "у нас в".
     */
    private static final CueSet RESIDENCE = new CueSet(
            "тұрам",
            "тұрад",
            "тұрат",
            "тұрас",
            "тұрып",
            "тіркелг",
            "өмір сүр",
            "көшіп",
            "көшкен",
            "көшті",
            "туған",
            "туылған",
            // the home there: "Ақсай ауылындағы үйде", "Ақсу ауылындағы үйден"
            "ылындағы үй",
            "живу",
            "живёт",
            "живет",
            "живём",
            "живем",
            "живут",
            "живёте",
            "живете",
            "жил ",
            "жила",
            "жили",
            "прожива",
            "прожил",
            "прописан",
            "зарегистрирован",
            "переехал",
            "уехал",
            "уехать",
            "родил",
            "родом",
            "у нас в ",
            "lives in",
            "live in",
            "lived in",
            "moved to",
            "born in");

    /** How far from a village's name, within its sentence, the word saying someone lives there may stand. */
    private static final int RESIDENCE_REACH = 32;

    /**
     * Whether a word of {@link #RESIDENCE} stands within {@link #RESIDENCE_REACH} chars of {@code [start, end)} in the
     * same sentence: a village alone is an address where a person lives in it ("Анам Көктерек ауылында тұрады"), not
     * where a school opened ("Ақсу ауылында жаңа мектеп ашылды").
     */
    /**
     * Whether a village named alone at {@code [start, end)} is where someone lives ({@link #residenceNear}): not an
     * initial read as "с." ("А.С. Белецком, проживающем …"), nor a name a region's or district's word follows.
     */
    private static boolean loneVillage(char[] s, char[] lower, int start, int end) {
        if (Chars.isUpperCase(s[start]) && start + 1 < s.length && s[start + 1] == '.') {
            return false;
        }
        int q = end < s.length && s[end] == ' ' ? end + 1 : end;
        if (Chars.startsWith(lower, "обл", q)
                || Chars.startsWith(lower, "р-н", q)
                || Chars.startsWith(lower, "ауд", q)) {
            return false;
        }
        return residenceNear(lower, start, end);
    }

    private static boolean residenceNear(char[] lower, int start, int end) {
        int from = start;
        while (from > 0 && start - from < RESIDENCE_REACH && ".!?\n".indexOf(lower[from - 1]) < 0) {
            from--;
        }
        int to = end;
        while (to < lower.length && to - end < RESIDENCE_REACH && ".!?\n".indexOf(lower[to]) < 0) {
            to++;
        }
        return RESIDENCE.anyIn(lower, from, to);
    }

    /**
     * A house or flat said in words inside a chain ({@link SpokenAddress#numberWordsEnd}): with "үй" or "пәтер" after
     * it ("он бесінші үй", "отыз бесінші пәтер"), or right after a street, microdistrict or house when it is two words
     * or more ending its clause, or has a flat's word after it ("улица Абая тридцать четыре, квартира двенадцать").
     * One bare number word after a street is too often something else ("Абай даңғылы бір апта жабық").
     */
    private static Part spokenNumber(char[] s, char[] lower, int p, Kind previous) {
        int e = SpokenAddress.numberWordsEnd(lower, p);
        if (e < 0) {
            return null;
        }
        if (e + 1 < s.length && s[e] == ' ') {
            int q = e + 1;
            for (String unit : SpokenAddress.UNITS_AFTER) { // "үй", then "пәтер"
                int u = q + unit.length();
                if (Chars.startsWith(lower, unit, q) && (wordEnds(s, u) || grammaticalEnding(s, u))) {
                    return new Part(Chars.letterRunEnd(s, u), unit.equals("үй") ? Kind.HOUSE : Kind.FLAT);
                }
            }
        }
        boolean afterStreet = previous == Kind.STREET || previous == Kind.MICRODISTRICT;
        boolean afterHouse = previous == Kind.HOUSE || previous == Kind.STREET_HOUSE;
        if (!afterStreet && !afterHouse) {
            return null;
        }
        boolean words = Chars.indexOf(lower, ' ', p, e) >= 0;
        boolean clauseEnds = e == s.length || ",.;\n".indexOf(s[e]) >= 0;
        int q = e;
        while (q < s.length && (s[q] == ',' || s[q] == ' ') && q - e < 2) {
            q++;
        }
        boolean flatAfter = q > e && (Chars.startsWith(lower, "кв", q) || Chars.startsWith(lower, "подъезд", q));
        return words && clauseEnds || flatAfter ? new Part(e, afterStreet ? Kind.HOUSE : Kind.FLAT) : null;
    }

    /** Whether ", д. 5" or ", дом 5" follows {@code w}: the word before it names the house's street. */
    private static boolean houseMarkerAfter(char[] s, char[] lower, int w) {
        int q = w < s.length && s[w] == ',' ? w + 1 : w;
        if (Chars.startsWith(lower, " участок ", q)) {
            return Chars.digitAt(s, q + 9); // a garden society's street and plot: "ул. 7-я, участок 112"
        }
        if (q + 4 >= s.length || s[q] != ' ' || lower[q + 1] != 'д') {
            return false;
        }
        int d = lower[q + 2] == '.' ? q + 3 : Chars.startsWith(lower, "ом ", q + 2) ? q + 5 : -1;
        if (d > 0 && d < s.length && s[d] == ' ') {
            d++;
        }
        return d > 0 && d < s.length && Chars.isDigit(s[d]);
    }

    /**
     * The end of what names a dormitory after its word at {@code q}: "№ 2", "№2", an institution's short name in
     * capitals with its number ("КазНУ №7", "КарГУ № 3"); or the word's own end when none follows.
     */
    private static int dormitoryEnd(char[] s, char[] lower, int q) {
        int end = q;
        while (end > 0 && s[end - 1] == ' ') {
            end--;
        }
        int r = q;
        if (r < s.length && Chars.isUpperCase(s[r])) {
            int w = Chars.letterRunEnd(s, r);
            int capitals = 0;
            for (int i = r; i < w; i++) {
                capitals += Chars.isUpperCase(s[i]) ? 1 : 0;
            }
            if (capitals >= 2 && w - r <= 8) {
                end = w; // "КазНУ"
                r = w < s.length && s[w] == ' ' ? w + 1 : w;
            }
        }
        if (r < s.length && s[r] == '№') {
            int d = r + 1 < s.length && s[r + 1] == ' ' ? r + 2 : r + 1;
            int run = Chars.digitRun(s, d);
            if (run >= 1 && run <= 3 && Chars.notAlnumAt(s, d + run)) {
                end = d + run;
            }
        }
        return end;
    }

    /** Words for a dormitory or hostel between a house and its room: skipped inside a chain. */
    private static final String[] DORMITORIES = {"общежитие", "общага", "жатақхана", "hostel"};

    /**
     * Past a word of {@link #DORMITORIES}, its number if any and its comma at {@code p} ("общежитие, ", "общежитие №
     * 2, "), or {@code p}.
     */
    private static int pastDormitory(char[] lower, int p) {
        if (p >= lower.length || lower[p] != 'о' && lower[p] != 'ж' && lower[p] != 'h') {
            return p;
        }
        for (String word : DORMITORIES) {
            if (Chars.startsWith(lower, word, p)) {
                int q = p + word.length();
                if (Chars.startsWith(lower, " № ", q) && q + 3 < lower.length && Chars.isDigit(lower[q + 3])) {
                    q += 3;
                    while (q < lower.length && Chars.isDigit(lower[q])) {
                        q++;
                    }
                }
                return Chars.startsWith(lower, ", ", q) ? q + 2 : p;
            }
        }
        return p;
    }

    private static Part component(char[] s, char[] lower, int p, Kind previous, int[] ends) {
        if (p >= s.length) {
            return null;
        }
        char first = s[p];
        if (previous != null && first >= 'а' && first <= 'ӿ') {
            Part spoken = spokenNumber(s, lower, p, previous);
            if (spoken != null) {
                return spoken; // "он бесінші үй", "улица Абая тридцать четыре, квартира …"
            }
            int micro = ordinalMicrodistrict(lower, p);
            if (micro > 0) {
                return new Part(micro, Kind.MICRODISTRICT); // said: "Степногорск, четвёртый микрорайон, дом 8"
            }
        }
        boolean markerLike = markerLike(s, lower, p);
        boolean unitLike = previous != null && first >= 'a' && first <= 'z';
        if (!Chars.isDigit(first)
                && !Chars.isUpperCase(first)
                && !markerLike
                && !unitLike
                && first != '«'
                && first != '"') {
            return null; // the common case: an ordinary lower-case word
        }
        // Russian order: marker, then name or number
        Marker m = markerLike && Chars.notAlnumAt(s, p - 1) ? markerAt(lower, p) : null;
        if (m != null) {
            int q = p + m.text().length();
            boolean glued = !m.dotted() && !m.text().endsWith(" ") && q < s.length && Chars.isAlnum(s[q]);
            if (!glued) {
                while (q < s.length && s[q] == ' ' && q - p - m.text().length() < 2) {
                    q++;
                }
                int e = m.kind() == Kind.HOUSE || m.kind() == Kind.FLAT
                        ? number(s, q)
                        : q < s.length && (s[q] == '«' || s[q] == '"') ? quotedName(s, q) : name(s, q, 3);
                if (m.kind() == Kind.DORMITORY) {
                    e = dormitoryEnd(s, lower, q); // its number or institution: "№ 2", "КазНУ №7"
                }
                if (e < 0 && (m.kind() == Kind.HOUSE || m.kind() == Kind.FLAT) && !m.dotted() && q < s.length) {
                    e = SpokenAddress.numberWordsEnd(lower, q); // said in words: "дом сорок два", "квартира девять"
                }
                if (e > 0 && m.kind() == Kind.SETTLEMENT) {
                    e = beforeDistrictAdjective(s, lower, q, e); // "с. Ащибулак Илийского района"
                }
                if (e < 0 && m.kind() == Kind.STREET && m.text().startsWith("м") && q < s.length) {
                    e = number(s, q); // a microdistrict by its number: "мкр. 5", "мкрн 12"
                }
                if (e < 0 && m.kind() == Kind.STREET && q < s.length && Chars.isDigit(s[q])) {
                    int n = number(s, q); // a street by its number, its house after: "улица 2, дом 15"
                    boolean ordinal = false;
                    if (n > 0 && n + 2 <= s.length && s[n] == '-' && (lower[n + 1] == 'я' || lower[n + 1] == 'й')) {
                        ordinal = Chars.notAlnumAt(s, n + 2);
                        n = ordinal ? n + 2 : n; // an ordinal: "ул. 7-я, участок 112"
                    }
                    int named = ordinal && n + 1 < s.length && s[n] == ' ' && Chars.isUpperCase(s[n + 1])
                            ? name(s, n + 1, 2)
                            : -1; // an ordinal before its name: "ул. 2-я Восточная, 7"
                    e = named > 0 ? named : n > 0 && houseMarkerAfter(s, lower, n) ? n : -1;
                }
                if (e < 0 && m.kind() == Kind.HOUSE && q + 1 <= s.length && q < s.length) {
                    e = Chars.isUpperCase(s[q]) && Chars.notAlnumAt(s, q + 1) ? q + 1 : -1; // "блок C"
                }
                if (e > 0) {
                    return new Part(e, m.kind());
                }
            }
        }
        if (first == '«' || first == '"') {
            int e = complex(s, lower, p);
            return e > 0 ? new Part(e, Kind.STREET) : null;
        }
        if (previous != null && Chars.isDigit(first)) {
            int town = latinTownAfterUnit(s, p, previous);
            if (town > 0) {
                return new Part(town, Kind.POSTCODE); // "…, App. 12, 01219 Dresden"
            }
        }
        // Kazakh number forms: 10-үй, 25-пәтер, 5 үй
        if (Chars.isDigit(s[p])) {
            int floor = previous != null ? englishFloor(lower, p) : -1;
            if (floor > 0) {
                return new Part(floor, Kind.FLAT); // "Kunaev St. 12/1, 3rd floor, Astana"
            }
            int e = number(s, p);
            if (e > 0) {
                int q = e < s.length && (s[e] == '-' || s[e] == ' ') ? e + 1 : e;
                if (q > e && s[e] == '-' && q + 1 < s.length && lower[q] == 'й' && s[q + 1] == ' ') {
                    q += 2; // a Russian ordinal: "14-й мкр."
                }
                char next = q < s.length ? lower[q] : 0;
                for (Marker suffix :
                        next < SUFFIX_INITIAL.length && SUFFIX_INITIAL[next] ? NUMBER_SUFFIXES : NO_MARKERS) {
                    String text = suffix.text();
                    if (q < s.length
                            && next == text.charAt(0)
                            && Chars.startsWith(lower, text, q)
                            && (suffix.dotted()
                                    || wordEnds(s, q + text.length())
                                    // "дом" only as it is: "3 дома снесут" counts houses
                                    || grammaticalEnding(s, q + text.length()) && !text.equals("дом")
                                    || text.equals("шағын аудан"))) {
                        int end = suffix.dotted() ? q + text.length() : Chars.letterRunEnd(s, q + text.length());
                        return new Part(end, suffix.kind());
                    }
                }
                int street = englishStreet(s, lower, p);
                if (street > 0) {
                    return new Part(street, Kind.STREET_HOUSE);
                }
                if (previous == Kind.MICRODISTRICT
                        && (flatAfterHouse(s, lower, e)
                                || houseEndsClause(s, lower, e)
                                || bareFlatAfterHouse(s, lower, e))) {
                    return new Part(e, Kind.HOUSE); // "Шұғыла шағын ауданы 340/5, кв 61"
                }
                if (previous == Kind.STREET
                        || previous == Kind.HOUSE
                        || previous == Kind.STREET_HOUSE
                        || previous == Kind.DORMITORY) {
                    return new Part(e, previous == Kind.STREET ? Kind.HOUSE : Kind.FLAT); // "Жатақхана № 5, 308"
                }
                if (Chars.digitRun(s, p) == 6 && e == p + 6 && (previous != null || Chars.startsWith(s, ", ", e))) {
                    return new Part(e, Kind.POSTCODE);
                }
            }
        }
        if (previous != null && kazakhPostcode(s, p)) {
            return new Part(p + 7, Kind.POSTCODE); // "A15E2Y5"
        }
        if (previous != null && first < 0x80 && Chars.isAsciiLetter(first)) {
            int e = latinUnit(s, lower, p);
            if (e < 0 && unitLike) {
                return null;
            }
            if (e > 0) {
                return new Part(e, kindOfUnit(lower, p));
            }
        }
        char l = lower[p];
        if ((previous != null || Chars.isUpperCase(first)) && (l == 'р' || l == 'к' || l == 'қ' || l == 'k')) {
            for (String country : COUNTRIES) {
                if (Chars.startsWith(lower, country, p)
                        && wordEnds(s, p + country.length())
                        && (previous != null || Chars.startsWith(s, ", ", p + country.length()))) {
                    return new Part(p + country.length(), Kind.COUNTRY);
                }
            }
        }
        // Kazakh order: name, then marker. Localities are one word ("Сайрам ауданы") unless a compass word starts
        // them, so a person's name before a city is not swallowed; streets may have up to three words.
        // a street named with a number first, its word after it: "50 лет Октября көшесі", "8 Наурыз көшесі"
        boolean numbered = Chars.isDigit(first);
        int nameWords = Chars.isUpperCase(first) || numbered ? nameEnds(s, p, ends) : 0;
        for (int words = numbered ? 2 : 1; words <= nameWords; words++) {
            int e = ends[words - 1];
            int q = e < s.length && s[e] == ' ' ? e + 1 : e;
            if (q >= s.length || !afterInitial(s[q])) {
                continue;
            }
            char l0 = lower[q];
            Marker[] bucket = l0 < AFTER_BY_FIRST.length ? AFTER_BY_FIRST[l0] : null;
            for (Marker after : bucket == null ? NO_MARKERS : bucket) {
                String text = after.text();
                if ((after.caseSensitive() ? s[q] : l0) != text.charAt(0)) {
                    continue;
                }
                if ((after.caseSensitive() ? Chars.startsWith(s, text, q) : Chars.startsWith(lower, text, q))
                        && (after.dotted() || wordEnds(s, q + text.length()) || grammaticalEnding(s, q + text.length()))
                        && (numbered
                                ? after.kind() == Kind.STREET
                                : words == 1
                                        || after.kind() == Kind.STREET
                                        || compass(lower, p)
                                        || words == 2 && Chars.isLowerCase(s[ends[0] + 1]))) { // "Жібек жолы ауылы"
                    return new Part(
                            after.dotted() ? q + text.length() : Chars.letterRunEnd(s, q + text.length()),
                            after.kind());
                }
            }
        }
        for (int words = 1; words <= nameWords && first >= 0x400; words++) {
            int house = kazakhHouseAfter(s, lower, ends[words - 1]);
            // with a place before it or a flat after it: "Асан 5 үйді сатып алды" is a purchase
            if (house > 0
                    && (previous != null || house + 3 < s.length && s[house] == ',' && Chars.isDigit(s[house + 2]))) {
                return new Part(house, Kind.STREET_HOUSE); // "Жастар 24-үй", "Гагарин 31-үй", "Құлагер 15 үй"
            }
        }
        for (int words = 1; words <= nameWords && !numbered; words++) {
            int e = ends[words - 1];
            int house = e + 1 < s.length && s[e] == ' ' && Chars.isDigit(s[e + 1]) ? number(s, e + 1) : -1;
            if (house > 0 && flatAfterHouse(s, lower, house)) {
                return new Part(house, Kind.STREET_HOUSE); // "Dostyk 38, flat 21", "Интернациональная 30, квартира 9"
            }
            int spoken = house < 0 && e + 1 < s.length && s[e] == ' ' ? SpokenAddress.numberWordsEnd(lower, e + 1) : -1;
            if (spoken > 0 && flatAfterHouse(s, lower, spoken)) {
                return new Part(spoken, Kind.STREET_HOUSE); // said: "Бальзака восемь, квартира сто двенадцать"
            }
            if (house > 0
                    && words <= 2
                    && (previous == Kind.CITY || previous == Kind.SETTLEMENT)
                    && bareFlatAfterHouse(s, lower, house)) {
                return new Part(
                        house,
                        Kind.STREET_HOUSE); // a town first, the flat's bare number last: "Жезқазған, Сейфуллин 41, 17"
            }
        }
        if (Chars.isUpperCase(first)) {
            Part named = namedStreet(s, lower, p);
            if (named != null) {
                return named;
            }
            int w = Chars.letterRunEnd(s, p);
            while (w + 1 < s.length && s[w] == '-' && Chars.isLetter(s[w + 1])) {
                w = Chars.letterRunEnd(s, w + 1);
            }
            int micro = numberedName(s, p, w);
            if (micro > 0) {
                return new Part(micro, Kind.MICRODISTRICT); // "Орбита-3", "Самал-2": a house must follow
            }
            if (houseMarkerAfter(s, lower, w)) {
                return new Part(w, Kind.STREET); // "Сарыарка, д. 5/1, кв. 70": a street without its word
            }
            // a town opens a chain before a comma ("Astana, Turan Avenue 24") or ends one anywhere
            boolean placeLike = previous != null ? Chars.notAlnumAt(s, w) : w < s.length && s[w] == ',';
            if (placeLike && PLACES.contains(lower, p, w)) {
                return new Part(w, Kind.CITY);
            }
        }
        return null;
    }

    /**
     * The end of a house number with the Kazakh house word right after the name ending at {@code e} ("Жастар 24-үй",
     * "Құлагер 15 үй", "Гагарин 31-үйде"): the name before it is the street's; -1 when none follows.
     */
    private static int kazakhHouseAfter(char[] s, char[] lower, int e) {
        if (e + 2 >= s.length || s[e] != ' ' || !Chars.isDigit(s[e + 1])) {
            return -1;
        }
        int n = number(s, e + 1);
        if (n < 0 || n + 3 > s.length || s[n] != '-' && s[n] != ' ' || !Chars.startsWith(lower, "үй", n + 1)) {
            return -1;
        }
        int w = n + 3;
        return wordEnds(s, w) || grammaticalEnding(s, w) ? Chars.letterRunEnd(s, w) : -1;
    }

    /** Lower-case title words inside a street named after a person: "Ablai khan", "Tole bi", "Bukhar zhyrau". */
    private static final WordSet STREET_TITLES = new WordSet(Set.of(
            "bi", "би", "batyr", "батыр", "khan", "хан", "khans", "khandar", "zhyrau", "жырау", "ata", "ата", "сері",
            "сал"));

    /** The first letters of {@link #STREET_TITLES}. */
    private static final String TITLE_INITIALS = "bбkхzжaас";

    /**
     * A listed locality, a comma, a street of one to three capitalised words without a street word, and a house
     * number, with the units after it: "Karaganda, Bukhar Zhyrau 53, apt 7", "Astana, Mangilik El 55/20, apt 301".
     * Tried only where no chain starts and a listed locality and a comma stand; -1 when it is no such address.
     */
    private static int placeStreetHouse(char[] s, char[] lower, int p) {
        int w = p;
        while (w < s.length && (Chars.isLetter(s[w]) || s[w] == '-')) {
            w++;
        }
        boolean placeFirst = w + 3 < s.length && s[w] == ',' && s[w + 1] == ' ' && PLACES.contains(lower, p, w);
        // most capitalised words: a lower-case word follows, or nothing that can start a street
        boolean latinStreet = !placeFirst
                && w + 1 < s.length
                && s[w] == ' '
                && Chars.isAsciiUpper(s[p])
                && (Chars.isUpperCase(s[w + 1])
                        || Chars.isDigit(s[w + 1])
                        || TITLE_INITIALS.indexOf(s[w + 1]) >= 0 && w > p + 2);
        if (!placeFirst && !latinStreet) {
            return -1;
        }
        int end = placeFirst ? streetHouse(s, lower, w + 2, false) : streetHouseUnit(s, lower, p);
        for (int b = p - 1; end > 0 && b >= 0 && p - b <= 40 && s[b] != '\n'; b--) {
            if (s[b] == ':') {
                return -1; // a labelled value, which labelledValues reads whole
            }
        }
        return end;
    }

    /**
     * A Latin street of capitalised words without a street word, its house number and a flat, block or room after
     * it: "Al-Farabi 77/8, block 2, apt 45", "Zhibek Zholy 135, hostel room 22"; -1 without the unit.
     */
    private static int streetHouseUnit(char[] s, char[] lower, int p) {
        return streetHouse(s, lower, p, true);
    }

    /**
     * One to three capitalised words (and lower-case titles) from {@code q}, a house number, and the units after it
     * ({@code unitNeeded}: at least one); the end, or -1.
     */
    private static int streetHouse(char[] s, char[] lower, int q, boolean unitNeeded) {
        int words = 0;
        while (q < s.length && words < 4 && Chars.isLetter(s[q])) {
            int e = q;
            while (e < s.length && (Chars.isLetter(s[e]) || s[e] == '-')) {
                e++;
            }
            if (e >= s.length
                    || s[e] != ' '
                    || (Chars.isUpperCase(s[q])
                            ? PLACES.contains(lower, q, e) || Chars.isOneOf(lower, q, e, COUNTRIES)
                            : !STREET_TITLES.contains(lower, q, e))) {
                return -1;
            }
            words++;
            q = e + 1;
        }
        int house = words == 0 || words > 3 ? -1 : number(s, q);
        if (house < 0 || house - q == 4 && (s[q] == '1' || s[q] == '2') && Chars.isDigit(s[q + 3])) {
            return -1; // "Almaty, December 2024": a year, no house
        }
        int end = house;
        while (end + 2 < s.length && s[end] == ',' && s[end + 1] == ' ') {
            int unit = latinUnit(s, lower, end + 2);
            if (unit < 0 && Chars.startsWith(lower, "hostel ", end + 2)) {
                unit = latinUnit(s, lower, end + 9); // "hostel room 22"
            }
            if (unit < 0) {
                int town = Chars.letterRunEnd(s, end + 2);
                if (town > end + 2 && Chars.isUpperCase(s[end + 2]) && PLACES.contains(lower, end + 2, town)) {
                    end = town; // "Kunaev Zholy 18, apartment 7, Almaty"
                    break;
                }
                return -1; // more of the address follows that is not read ("parking lot B"): no part of it
            }
            end = unit;
        }
        if (unitNeeded && end == house) {
            return -1;
        }
        return end == s.length || ".;)\n ".indexOf(s[end]) >= 0 ? end : -1;
    }

    /** A Canadian postcode at {@code p}: letter, digit, letter, space, digit, letter, digit ("M5C 1S6"). */
    private static boolean canadianPostcode(char[] s, int p) {
        return p + 7 <= s.length
                && Chars.isAsciiUpper(s[p])
                && Chars.isDigit(s[p + 1])
                && Chars.isAsciiUpper(s[p + 2])
                && s[p + 3] == ' '
                && Chars.isDigit(s[p + 4])
                && Chars.isAsciiUpper(s[p + 5])
                && Chars.isDigit(s[p + 6])
                && Chars.notAlnumAt(s, p + 7);
    }

    /** A Kazakh postcode of the 2020s at {@code p}: letter, two digits, letter, digit, letter, digit ("A15E2Y5"). */
    private static boolean kazakhPostcode(char[] s, int p) {
        return p + 7 <= s.length
                && Chars.isAsciiUpper(s[p])
                && Chars.isDigit(s[p + 1])
                && Chars.isDigit(s[p + 2])
                && Chars.isAsciiUpper(s[p + 3])
                && Chars.isDigit(s[p + 4])
                && Chars.isAsciiUpper(s[p + 5])
                && Chars.isDigit(s[p + 6])
                && Chars.notAlnumAt(s, p + 7);
    }

    /** Units an English address may start with, before the house number and street: "apt. 227, 63 Abai Avenue". */
    private static final String[] UNITS_FIRST = {"apt. ", "apt ", "apartment ", "flat ", "office ", "suite ", "unit "};

    /**
     * Start of a unit written before the chain at {@code start} ("apt. 227, " before "63 Al-Farabi Avenue"), or
     * {@code start} when there is none.
     */
    private static int unitBefore(char[] s, char[] lower, int start) {
        if (start < 4 || s[start - 1] != ' ' || s[start - 2] != ',') {
            return start;
        }
        int e = start - 2;
        int d = e;
        while (d > 0 && (Chars.isDigit(s[d - 1]) || Chars.isAsciiUpper(s[d - 1])) && e - d < 6) {
            d--;
        }
        if (d == e || !Chars.isDigit(s[d])) {
            return start;
        }
        for (String unit : UNITS_FIRST) {
            int u = d - unit.length();
            if (u >= 0 && Chars.startsWith(lower, unit, u) && Chars.notAlnumAt(s, u - 1)) {
                return u;
            }
        }
        return start;
    }

    /** End of "apt 14", "apartment 301", "office 4B", "kv. 12", "bld 12" at {@code p}, or -1. */
    static int latinUnit(char[] s, char[] lower, int p) {
        if (p >= s.length) {
            return -1; // "…, hostel " at the text's end
        }
        for (Marker unit : LATIN_UNITS) {
            String text = unit.text();
            if (lower[p] == text.charAt(0) && Chars.startsWith(lower, text, p)) {
                int q = p + text.length();
                if (!unit.dotted() && Chars.isLetter(q < s.length ? s[q] : ' ')) {
                    continue;
                }
                if (q < s.length && s[q] == ' ') {
                    q++;
                }
                if (q < s.length && s[q] == '#') {
                    q++;
                }
                int e = number(s, q);
                if (e < 0 && q < s.length && Chars.isDigit(s[q])) {
                    e = q + Chars.digitRun(s, q);
                    e = e < s.length && Chars.isAsciiUpper(s[e]) && Chars.notAlnumAt(s, e + 1) ? e + 1 : e;
                }
                return e > q ? e : -1;
            }
        }
        return -1;
    }

    private static Kind kindOfUnit(char[] lower, int p) {
        for (Marker unit : LATIN_UNITS) {
            if (Chars.startsWith(lower, unit.text(), p)) {
                return unit.kind();
            }
        }
        return Kind.FLAT;
    }

    /**
     * A street named before its type, with or without a house number: "Abai Avenue 10", "Zhibek Zholy St 50",
     * "Aiteke bi street 40", "Nurly Tau BC"; or a Russian street in the genitive right before a house number and a
     * flat ("Жандосова 140, кв 12").
     */
    private static Part namedStreet(char[] s, char[] lower, int p) {
        if (s[p] >= 0x80) {
            return cyrillicStreetHouse(s, lower, p);
        }
        int q = p;
        for (int words = 0; words < 4 && q < s.length; words++) {
            int w = Chars.letterRunEnd(s, q);
            while (w + 1 < s.length && s[w] == '-' && Chars.isLetter(s[w + 1])) {
                w = Chars.letterRunEnd(s, w + 1); // Al-Farabi
            }
            if (w + 1 < s.length && s[w] == '-' && Chars.isDigit(s[w + 1]) && Chars.digitRun(s, w + 1) <= 2) {
                w += 1 + Chars.digitRun(s, w + 1); // Samal-2 microdistrict
            }
            if (w == q) {
                return null;
            }
            if (words > 0 && s[q] < 0x80) {
                int titled = connector(s, q) == w && w + 1 < s.length && s[w] == ' ' ? number(s, w + 1) : -1;
                if (titled > 0) {
                    return new Part(titled, Kind.STREET_HOUSE); // "Kabanbay batyr 53"
                }
                if (isStreetType(lower, q, w)) {
                    int end = w < s.length && s[w] == '.' ? w + 1 : w;
                    int num = end + 1 < s.length && s[end] == ' ' ? number(s, end + 1) : -1;
                    return num > 0 ? new Part(num, Kind.STREET_HOUSE) : new Part(end, Kind.STREET);
                }
                if (building(lower, q, w)) {
                    return new Part(w, Kind.BUILDING);
                }
            }
            if (words == 0 && s[q] >= 0x400 && w + 1 < s.length && s[w] == ' ') {
                int num = number(s, w + 1); // Жандосова 140, кв 12
                if (num > 0 && Chars.startsWith(lower, ", кв", num)) {
                    return new Part(num, Kind.STREET_HOUSE);
                }
            }
            if (w >= s.length || s[w] != ' ' || w + 1 >= s.length) {
                return null;
            }
            int next = w + 1;
            if (!(Chars.isUpperCase(s[next])
                    || connector(s, next) > 0
                    || s[next] < 0x80 && Chars.isAsciiLetter(s[next]))) {
                return null;
            }
            if (s[next] < 0x80 && Chars.isAsciiLetter(s[next]) && !Chars.isAsciiUpper(s[next])) {
                int nw = Chars.letterRunEnd(s, next);
                if (!isStreetType(lower, next, nw) && connector(s, next) < 0) {
                    return null;
                }
            }
            q = next;
        }
        return null;
    }

    private static final String[] ORDINALS = {"st floor", "nd floor", "rd floor", "th floor"};

    private static final String[] DISTRICT_ADJECTIVE_ENDINGS = {"ского", "цкого", "ской", "цкой"};

    /**
     * The end of a village's first word when the name read after its marker goes on with a district's adjective in
     * the genitive ("Ащибулак Илийского", before "района"), which is the next component; else {@code e}.
     */
    private static int beforeDistrictAdjective(char[] s, char[] lower, int q, int e) {
        int first = Chars.letterRunEnd(s, q);
        if (first >= e || s[first] != ' ') {
            return e;
        }
        int second = Chars.letterRunEnd(s, first + 1);
        for (String ending : DISTRICT_ADJECTIVE_ENDINGS) {
            if (second - first - 1 > ending.length() && Chars.startsWith(lower, ending, second - ending.length())) {
                return first;
            }
        }
        return e;
    }

    /** End of "3rd floor" at {@code p}, or -1. */
    private static int englishFloor(char[] lower, int p) {
        int run = Chars.digitRun(lower, p);
        if (run > 2) {
            return -1;
        }
        for (String ordinal : ORDINALS) {
            if (Chars.startsWith(lower, ordinal, p + run) && Chars.notAlnumAt(lower, p + run + ordinal.length())) {
                return p + run + ordinal.length();
            }
        }
        return -1;
    }

    /** Units after a street's bare house number that make it an address: "Жандосова 140, кв 12", "… 240, 7 этаж". */
    private static final String[] UNITS_AFTER = {"кв", "оф", "подъезд", "комн", "пәтер"};
    /** Units written after their number: "7 этаж", "2-подъезд", "38 пәтерге". */
    private static final String[] NUMBERED_UNITS = {"этаж", "подъезд", "пәтер", "қабат", "кв"};

    /**
     * Whether the house number ending at {@code e} ends its clause or a word of living there follows: "Көктем-1, 15
     * тұрады", "Мамыр-4, 102." — a count or an amount goes on with its noun.
     */
    private static boolean houseEndsClause(char[] s, char[] lower, int e) {
        if (e >= s.length
                || s[e] == '.' && (e + 1 >= s.length || s[e + 1] == ' ' || s[e + 1] == '\n')
                || s[e] == '\n') {
            return true;
        }
        return s[e] == ' ' && LIVES_AFTER.anyWordIn(lower, e + 1, Math.min(s.length, e + 12));
    }

    /** Words of living somewhere right after a house's number. */
    private static final CueSet LIVES_AFTER = new CueSet("тұрады", "тұрамын", "живёт", "живет", "живу", "проживает");

    /** Words for a flat right after a house's number and its comma: "…, кв 61", "…, flat 21". */
    private static final String[] FLAT_WORDS = {"квартира", "кв", "пәтер", "apartment", "apt", "flat"};

    /**
     * Whether a comma, a flat's word and its number follow the house number ending at {@code num}: a street's name
     * without its word ("Dostyk 38, flat 21", "Бауыржан Момышұлы 18, кв 203") is told by its flat.
     */
    private static boolean flatAfterHouse(char[] s, char[] lower, int num) {
        if (num + 2 >= s.length || s[num] != ',' || s[num + 1] != ' ') {
            return false;
        }
        int q = num + 2;
        for (String flat : FLAT_WORDS) {
            if (Chars.startsWith(lower, flat, q)) {
                int e = q + flat.length();
                if (e < s.length && s[e] == '.') {
                    e++;
                }
                if (e < s.length && s[e] == ' ') {
                    e++;
                }
                return Chars.digitAt(s, e) || SpokenAddress.numberWordsEnd(lower, e) > 0; // "квартира сто двенадцать"
            }
        }
        int digits = Chars.digitRun(s, q);
        if (digits == 0 || digits > 4) {
            return false;
        }
        int e = q + digits; // the Kazakh order, the number first: "47а, 9 пәтер", "Мәңгілік Ел 37, 112 кв"
        if (e < s.length && (s[e] == '-' || s[e] == ' ')) {
            e++;
        }
        for (String flat : FLAT_AFTER_NUMBER) {
            if (Chars.startsWith(lower, flat, e)
                    && (wordEnds(s, e + flat.length()) || grammaticalEnding(s, e + flat.length()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a comma and a flat's bare number ending its clause follow the house number ending at {@code num}. */
    private static boolean bareFlatAfterHouse(char[] s, char[] lower, int num) {
        if (num + 2 >= s.length || s[num] != ',' || s[num + 1] != ' ') {
            return false;
        }
        int digits = Chars.digitRun(s, num + 2);
        return digits > 0 && digits <= 4 && houseEndsClause(s, lower, num + 2 + digits);
    }

    /** The flat's words that follow its number in the Kazakh order. */
    private static final String[] FLAT_AFTER_NUMBER = {"пәтер", "кв"};

    /**
     * End of a foreign postcode and its Latin town at {@code p} after a flat or a house read in a Latin chain ("App.
     * 12, 01219 Dresden"), or -1.
     */
    private static int latinTownAfterUnit(char[] s, int p, Kind previous) {
        if (previous != Kind.FLAT && previous != Kind.STREET_HOUSE && previous != Kind.HOUSE) {
            return -1;
        }
        int run = Chars.digitRun(s, p);
        if (run < 4 || run > 5 || p + run + 1 >= s.length || s[p + run] != ' ' || !Chars.isAsciiUpper(s[p + run + 1])) {
            return -1;
        }
        return ForeignAddress.postcodeTown(s, p);
    }

    /** Ordinals in words that number a microdistrict: Russian masculine, first to twentieth, and Kazakh. */
    private static final WordSet MICRODISTRICT_ORDINALS = wordSet(Lexicons.concat(
            new String[] {
                "первый",
                "второй",
                "третий",
                "четвёртый",
                "четвертый",
                "пятый",
                "шестой",
                "седьмой",
                "восьмой",
                "девятый",
                "десятый",
                "одиннадцатый",
                "двенадцатый",
                "тринадцатый",
                "четырнадцатый",
                "пятнадцатый",
                "шестнадцатый",
                "семнадцатый",
                "восемнадцатый",
                "девятнадцатый",
                "двадцатый"
            },
            DigitWords.KAZAKH_UNIT_ORDINALS));

    /** Words for a microdistrict after its ordinal. */
    private static final String[] MICRODISTRICT_WORDS = {"микрорайон", "мкр", "шағын аудан", "шағынаудан"};

    /** End of an ordinal in words and a microdistrict's word at {@code p} ("четвёртый микрорайон"), or -1. */
    private static int ordinalMicrodistrict(char[] lower, int p) {
        int w = Chars.letterRunEnd(lower, p);
        if (w == p || w + 1 >= lower.length || lower[w] != ' ' || !MICRODISTRICT_ORDINALS.contains(lower, p, w)) {
            return -1;
        }
        for (String word : MICRODISTRICT_WORDS) {
            if (Chars.startsWith(lower, word, w + 1)) {
                return Chars.letterRunEnd(lower, w + 1 + word.length());
            }
        }
        return -1;
    }

    /** Whether a flat, office, floor or entrance follows the house number ending at {@code num}. */
    private static boolean unitFollows(char[] s, char[] lower, int num) {
        int q = num < s.length && s[num] == ',' ? num + 1 : num;
        if (q >= s.length || s[q] != ' ') {
            return false;
        }
        q++;
        for (String unit : UNITS_AFTER) {
            if (Chars.startsWith(lower, unit, q)) {
                int e = q + unit.length();
                if (e < s.length && s[e] == ':') {
                    return false; // a house chat's speaker and flat: "Майра 21 кв: …"
                }
                return e >= s.length || !Chars.isLetter(s[e]) || unit.length() > 3;
            }
        }
        int run = Chars.digitRun(s, q);
        if (run == 0 || run > 3) {
            return false;
        }
        q += run;
        if (q < s.length && (s[q] == ' ' || s[q] == '-')) {
            q++;
        }
        for (String unit : NUMBERED_UNITS) {
            if (Chars.startsWith(lower, unit, q)) {
                return true;
            }
        }
        return false;
    }

    /** End of a capitalised name and a number joined by a hyphen at {@code p} ("Орбита-3", "Samal-2"), or -1. */
    private static int numberedName(char[] s, int p, int w) {
        if (w - p < 3 || w + 1 >= s.length || s[w] != '-' || !Chars.isLowerCase(s[p + 1])) {
            return -1;
        }
        int run = Chars.digitRun(s, w + 1);
        int e = w + 1 + run;
        return run >= 1 && run <= 2 && Chars.notAlnumAt(s, e) ? e : -1;
    }
    /** Words before a bare Russian street name and number that place it: "живу на Абая 45", "по Жандосова 58". */
    private static final String[] STREET_PREPOSITIONS = {"на", "по", "адрес:", "адресу", "возле", "около", "напротив"};
    /** Words after a number that make it a count, not a house: "на Абая 45 минут". */
    private static final String[] COUNTS = {
        "лет", "год", "минут", "мин", "час", "дн", "ден", "человек", "чел", "раз", "тенге", "тг", "км", "метр", "м ",
        "шт", "процент", "%", "тыс", "млн", "рубл", "мест", "сом", "жыл", "жас", "адам", "сағат", "күн", "рет", "теңге",
        "том", "книг"
    };

    /** The first chars of {@link #COUNTS}. */
    private static final String COUNT_FIRSTS =
            Arrays.stream(COUNTS).map(w -> w.substring(0, 1)).distinct().reduce("", String::concat);

    /**
     * A Russian street named without a marker, in the genitive, and its house number (one word, or a name and a
     * connector: "Толе би 101", "Кабанбай батыра 45"): an address when a flat or office follows ("Жандосова 140, кв 12")
     * or when a preposition places it ("живу на Абая 45", "по Жандосова 58") and the number counts nothing.
     */
    private static Part cyrillicStreetHouse(char[] s, char[] lower, int p) {
        if (p + 1 >= s.length || !Chars.isLowerCase(s[p + 1])) {
            return null; // "ГОСТ 34.310": an abbreviation, not a street
        }
        int w = Chars.letterRunEnd(s, p);
        boolean titled = false;
        if (w + 1 < s.length && s[w] == ' ') {
            int c = connector(s, w + 1);
            if (c > 0) {
                w = c;
                titled = true; // "Кабанбай батыра", "Жібек жолы": a street's name for sure
            }
        }
        int n = w + 1 < s.length && s[w] == ' '
                ? w + 1
                : w + 2 < s.length && s[w] == ',' && s[w + 1] == ' ' ? w + 2 : -1;
        int num = n > 0 && Chars.isDigit(s[n]) ? number(s, n) : -1;
        if (num < 0 || num + 1 < s.length && s[num] == '.' && Chars.isDigit(s[num + 1])) {
            return null;
        }
        if (unitFollows(s, lower, num)) {
            return new Part(num, Kind.STREET_HOUSE); // "Жандосова 140, кв 12", "Достык 240, 7 этаж"
        }
        boolean listed = !titled && LISTED_STREETS.contains(lower, p, w); // "филиал Абая 12", "дома Сейфуллина, 21"
        if (listed
                ? num - n > 5
                : n != w + 1 || num - n > (titled ? 3 : 4) || !titled && !placedByPreposition(lower, p)) {
            return null;
        }
        return countAfter(lower, num) ? null : new Part(num, Kind.STREET_HOUSE);
    }

    /** Whether a word of a count follows the number ending at {@code num}: "на Абая 45 минут", "3 кв 2 года". */
    static boolean countAfter(char[] lower, int num) {
        int q = num;
        while (q < lower.length && q - num < 2 && lower[q] == ' ') {
            q++;
        }
        if (q >= lower.length || COUNT_FIRSTS.indexOf(lower[q]) < 0) {
            return false; // most words: one compare
        }
        for (String count : COUNTS) {
            if (Chars.startsWith(lower, count, q)) {
                return true;
            }
        }
        return false;
    }

    /** Streets named after people, in the genitive ("Абая", "Сейфуллина"): with a house number after, an address. */
    private static final WordSet LISTED_STREETS = new WordSet(Lexicons.words("streets-kz.txt"));

    /** Whether {@code lower[from, to)} is a street of {@code streets-kz.txt}: "тимирязева", "жандосова". */
    static boolean listedStreet(char[] lower, int from, int to) {
        return LISTED_STREETS.contains(lower, from, to);
    }

    /** Whether a street preposition stands right before the word at {@code p}. */
    private static boolean placedByPreposition(char[] lower, int p) {
        if (p < 3 || lower[p - 1] != ' ') {
            return false;
        }
        for (String word : STREET_PREPOSITIONS) {
            int from = p - 1 - word.length();
            if (from >= 0 && Chars.startsWith(lower, word, from) && Chars.notAlnumAt(lower, from - 1)) {
                return true;
            }
        }
        return false;
    }

    /** Words that end the name of a business centre or tower: "Nurly Tau BC", "Esentai Tower". */
    private static final String[] BUILDINGS = {"bc", "tower", "plaza", "center", "centre"};

    private static final WordSet BUILDING_SET = wordSet(BUILDINGS);

    private static boolean building(char[] lower, int from, int to) {
        return BUILDING_SET.contains(lower, from, to);
    }

    private static final WordSet NAMED_STREET_TYPE_SET = wordSet(NAMED_STREET_TYPES);

    /** Whether {@code lower[from, to)} is one of {@link #NAMED_STREET_TYPES}: one hash probe, not a loop over them. */
    private static boolean isStreetType(char[] lower, int from, int to) {
        return NAMED_STREET_TYPE_SET.contains(lower, from, to);
    }

    private static WordSet wordSet(String[] words) {
        return new WordSet(new HashSet<>(Arrays.asList(words)));
    }

    private static boolean afterInitial(char c) {
        return c < AFTER_INITIAL.length && AFTER_INITIAL[c];
    }

    private static final Marker[] NO_MARKERS = {};
    /** {@link #AFTER} by the lower case of their first char, so a word is compared only with markers that fit. */
    private static final Marker[][] AFTER_BY_FIRST = new Marker[0x530][];

    static {
        for (Marker m : AFTER) {
            char c = m.text().charAt(0);
            AFTER_INITIAL[c] = true;
            AFTER_INITIAL[Character.toUpperCase(c)] = true;
            char l = Character.toLowerCase(c);
            Marker[] old = AFTER_BY_FIRST[l] == null ? NO_MARKERS : AFTER_BY_FIRST[l];
            AFTER_BY_FIRST[l] = Arrays.copyOf(old, old.length + 1);
            AFTER_BY_FIRST[l][old.length] = m;
        }
    }

    /** The first letters of {@link #BEFORE}'s markers, from the list itself so that a new marker is never missed. */
    private static final boolean[] MARKER_INITIAL = initials(
            Arrays.stream(BEFORE).map(m -> m.text().substring(0, 1)).distinct().collect(Collectors.joining()));

    /** A table over U+0400–U+04FF of the given Cyrillic letters. */
    private static boolean[] initials(String letters) {
        boolean[] table = new boolean[0x100];
        for (char c : letters.toCharArray()) {
            table[c - 0x400] = true;
        }
        return table;
    }
    /** {@link #BEFORE} by first letter (U+0400–U+04FF), so a marker is found without building a string. */
    private static final Marker[][] BEFORE_BY_FIRST = byFirst(BEFORE);

    private static Marker[][] byFirst(Marker[] markers) {
        Marker[][] table = new Marker[0x100][];
        for (Marker m : markers) {
            int c = m.text().charAt(0) - 0x400;
            Marker[] old = table[c] == null ? new Marker[0] : table[c];
            table[c] = Arrays.copyOf(old, old.length + 1);
            table[c][old.length] = m;
        }
        return table;
    }

    /** The marker written at {@code p} ("ул.", "дом ", "р-н"), or null. */
    private static Marker markerAt(char[] lower, int p) {
        int e = p;
        while (e < lower.length
                && (Chars.isLetter(lower[e])
                        || lower[e] == '-' && e + 1 < lower.length && Chars.isLetter(lower[e + 1]))) {
            e++;
        }
        if (e >= lower.length) {
            return null;
        }
        char t = lower[e];
        Marker m = t == '.' || t == ' '
                ? marker(lower, p, e + 1)
                : t == '/' && e + 2 <= lower.length ? marker(lower, p, e + 2) : null;
        return m != null ? m : marker(lower, p, e);
    }

    /** The marker whose text is exactly {@code lower[from, to)}, or null. */
    private static Marker marker(char[] lower, int from, int to) {
        char first = lower[from];
        Marker[] bucket = first >= 0x400 && first < 0x500 ? BEFORE_BY_FIRST[first - 0x400] : null;
        if (bucket != null) {
            for (Marker m : bucket) {
                if (m.text().length() == to - from && Chars.startsWith(lower, m.text(), from)) {
                    return m;
                }
            }
        }
        return null;
    }

    /** A short word followed by a dot, space or dash: it may be a marker such as "ул." or "дом". */
    private static boolean markerLike(char[] s, char[] lower, int p) {
        char first = lower[p]; // the view's lower case: Character.toLowerCase char by char, made once
        if (first < 0x400 || first >= 0x500 || !MARKER_INITIAL[first - 0x400]) {
            return false; // every marker starts with a Cyrillic letter
        }
        // the second char rules out most words before the hash loop; a word it drops could pass only by a hash
        // collision, for which markerAt finds nothing and no country matches: component answers the same
        if (p + 1 >= lower.length || !markerPair(first, lower[p + 1])) {
            return false;
        }
        int e = p;
        int hash = 0;
        while (e < s.length && e - p <= LONGEST_MARKER_WORD && Chars.isLetter(s[e])) {
            hash = hash * 31 + lower[e];
            e++;
        }
        int length = e - p;
        if (length == 0 || length > LONGEST_MARKER_WORD || e >= s.length) {
            return false;
        }
        char t = s[e];
        // hyphenated markers (р-н, пр-т, б-р, мк-н) are checked by their first part; the length test only drops
        // hash collisions, which markerAt would reject anyway (no country name collides, see component)
        return (t == '.' || t == ' ' || t == '-' || t == '/') // "а/я": a post-office box
                && (MARKER_LENGTHS[first - 0x400] & (1 << length)) != 0
                && Arrays.binarySearch(MARKER_WORD_HASHES, hash) >= 0;
    }

    /**
     * A bit per (first letter, next char) that begins a marker: the first two letters, or the first letter and the
     * dot, space or dash after a one-letter marker ("г.", "р-н"). Both chars are mapped into U+0400–U+04FF.
     */
    private static final long[] MARKER_PAIRS = markerPairs();

    private static long[] markerPairs() {
        long[] bits = new long[0x10000 / 64];
        for (Marker m : BEFORE) {
            String text = m.text();
            String next = Chars.isLetter(text.charAt(1)) ? text.substring(1, 2) : ". -/";
            for (char x : next.toCharArray()) {
                int bit = pairIndex(text.charAt(0), x);
                bits[bit >>> 6] |= 1L << bit;
            }
        }
        return bits;
    }

    /** {@code first} is a Cyrillic letter; a {@code next} outside Cyrillic other than ". -" gives a bit never set. */
    private static int pairIndex(char first, char next) {
        int second = next == '.'
                ? 0xFD
                : next == ' ' ? 0xFE : next == '-' ? 0xFF : next >= 0x400 && next < 0x4FC ? next - 0x400 : 0xFC;
        return (first - 0x400) << 8 | second;
    }

    /**
     * The same pairs as a {@link CueIndex}, so the view lists the word starts where a marker may begin among its
     * {@link WordStarts#ADDRESS} candidates: a lower-case start it leaves out fails {@link #markerLike} at once.
     */
    static final CueIndex MARKER_STARTS = new CueIndex(Stream.concat(
                    Arrays.stream(BEFORE)
                            .map(Marker::text)
                            .flatMap(text -> Chars.isLetter(text.charAt(1))
                                    ? Stream.of(text.substring(0, 2))
                                    : Stream.concat(
                                            Stream.of(text.substring(0, 2)), // "а/я"
                                            Stream.of(". -".split("")).map(x -> text.charAt(0) + x))),
                    Stream.of(ForeignAddress.LOWER_STREET_WORDS))
            .distinct()
            .toArray(String[]::new));

    private static boolean markerPair(char first, char next) {
        int bit = pairIndex(first, next);
        return (MARKER_PAIRS[bit >>> 6] & (1L << bit)) != 0;
    }

    /** For each first letter (U+0400–U+04FF), a bit per length of a marker's letters: most words fail this first. */
    private static final int[] MARKER_LENGTHS = markerLengths();

    /** The letters of the longest marker's first word: "садоводческое" (товарищество). */
    private static final int LONGEST_MARKER_WORD = Integer.numberOfTrailingZeros(
            Integer.highestOneBit(Arrays.stream(MARKER_LENGTHS).reduce(0, (a, b) -> a | b)));

    private static int[] markerLengths() {
        int[] lengths = new int[0x100];
        for (Marker m : BEFORE) {
            String text = m.text();
            int length = 0;
            while (length < text.length() && Chars.isLetter(text.charAt(length))) {
                length++;
            }
            lengths[text.charAt(0) - 0x400] |= 1 << length;
        }
        return lengths;
    }

    /** Hashes of the letters of every marker before its dot, space or hyphen: a cheap test before a map lookup. */
    private static final int[] MARKER_WORD_HASHES = markerWordHashes();

    private static int[] markerWordHashes() {
        return Arrays.stream(BEFORE)
                .mapToInt(m -> {
                    int hash = 0;
                    for (char c : m.text().toCharArray()) {
                        if (!Chars.isLetter(c)) {
                            break;
                        }
                        hash = hash * 31 + c;
                    }
                    return hash;
                })
                .distinct()
                .sorted()
                .toArray();
    }

    private static boolean compass(char[] lower, int p) {
        for (String w : COMPASS) {
            if (Chars.startsWith(lower, w, p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean wordEnds(char[] s, int p) {
        return Chars.notAlnumAt(s, p);
    }

    /** Kazakh case endings after a marker ("көшесіндегі", "қаласының", "5-үйде"), up to five letters. */
    private static boolean grammaticalEnding(char[] s, int p) {
        int e = Chars.letterRunEnd(s, p);
        return e - p <= 5;
    }

    /** Markers after the quoted name of a residential complex: «Нұрлы Тау» ТҮК, «Хайвил» ЖК. */
    private static final String[] COMPLEX_AFTER = {"түк", "жк", "тұрғын үй кешені", "жилой комплекс"};

    /** End of a residential complex named in quotes at {@code q} with its marker after it, or -1. */
    private static int complex(char[] s, char[] lower, int q) {
        int e = quotedName(s, q);
        if (e < 0) {
            return -1;
        }
        int r = e < s.length && s[e] == ' ' ? e + 1 : e;
        for (String marker : COMPLEX_AFTER) {
            if (Chars.startsWith(lower, marker, r) && Chars.notAlnumAt(s, r + marker.length())) {
                return r + marker.length();
            }
        }
        return -1;
    }

    /** End of a name in «quotes» or "quotes" (a residential complex: ЖК «Хайвил»), at most 40 chars, or -1. */
    private static int quotedName(char[] s, int q) {
        char close = s[q] == '«' ? '»' : '"';
        for (int i = q + 1; i < s.length && i - q <= 40; i++) {
            if (s[i] == close) {
                return i > q + 1 && Chars.isUpperCase(s[q + 1]) ? i + 1 : -1;
            }
            if (s[i] == '\n') {
                return -1;
            }
        }
        return -1;
    }

    /** The end of a house number at {@code p} ("12", "24А", "84/92", "5-2"), or -1. */
    static int number(char[] s, int p) {
        int run = Chars.digitRun(s, p);
        if (run == 0 || run > 6) {
            return -1;
        }
        int e = p + run;
        if (run == 4
                && e + 2 < s.length
                && s[e] == '-'
                && Chars.digitRun(s, e + 1) == 2
                && (s[p] == '1' || s[p] == '2')) {
            return -1; // a year and month ("2021-09" in a CSV row), no house
        }
        if (e + 1 < s.length && (s[e] == '/' || s[e] == '-') && Chars.isDigit(s[e + 1])) {
            e += 1 + Chars.digitRun(s, e + 1);
        }
        if (e < s.length && Chars.isLetter(s[e]) && Chars.notAlnumAt(s, e + 1) && Chars.toLowerCase(s[e]) != 'г') {
            e++;
        }
        return Chars.notAlnumAt(s, e) ? e : -1;
    }

    /**
     * Ends of the first one, two and three words of the proper name at {@code p} (one to three capitalised words,
     * initials and numbers such as "8 Марта", "Самал-2" allowed); returns how many there are.
     */
    private static int nameEnds(char[] s, int p, int[] ends) {
        Arrays.fill(ends, -1);
        name(s, p, 3, ends);
        int count = 0;
        while (count < ends.length && ends[count] > 0) {
            count++;
        }
        return count;
    }

    private static int name(char[] s, int p, int maxWords) {
        return name(s, p, maxWords, null);
    }

    /** The length of " жылдық " at {@code p} in any case, or -1: the Kazakh "… years of" in a street's name. */
    private static int yearsWord(char[] s, int p) {
        return p < s.length && s[p] == ' ' && Chars.startsWithIgnoringCase(s, "жылдық ", p + 1) ? 8 : -1;
    }

    /**
     * End of " 30 жылдығы" after a word in the genitive ending at {@code w} ("Тәуелсіздіктің 30 жылдығы", a street
     * named for an anniversary), or {@code w}.
     */
    private static int anniversaryAfter(char[] s, int w) {
        if (w + 10 >= s.length || s[w] != ' ' || !Chars.isDigit(s[w + 1]) || Chars.toLowerCase(s[w - 1]) != 'ң') {
            return w;
        }
        int run = Chars.digitRun(s, w + 1);
        int q = w + 1 + run;
        return run <= 3
                        && q < s.length
                        && s[q] == ' '
                        && Chars.startsWithIgnoringCase(s, "жылдығы", q + 1)
                        && Chars.notAlnumAt(s, q + 8)
                ? q + 8
                : w;
    }

    /** End of the name at {@code p} of up to {@code maxWords} words, or -1; records each word's end in {@code ends}. */
    private static int name(char[] s, int p, int maxWords, int[] ends) {
        int e = -1;
        int q = p;
        for (int words = 0; words < maxWords && q < s.length; words++) {
            char c = s[q];
            int w = words > 0 ? connector(s, q) : -1;
            if (w > 0) {
                // a lower-case word inside a street name
            } else if (Chars.isUpperCase(c)) {
                w = q + 1;
                while (w < s.length
                        && (Chars.isLetter(s[w]) || s[w] == '-' && w + 1 < s.length && Chars.isAlnum(s[w + 1]))) {
                    w++;
                    if (s[w - 1] == '-') {
                        while (w < s.length && Chars.isAlnum(s[w])) {
                            w++;
                        }
                    }
                }
                if (w == q + 1 && w < s.length && s[w] == '.') {
                    w++; // initial of a person a street is named after
                }
                w = anniversaryAfter(s, w); // "Тәуелсіздіктің 30 жылдығы"
            } else if (Chars.isDigit(c) && words == 0) {
                int run = Chars.digitRun(s, q);
                int years = run > 3 ? -1 : Chars.startsWith(s, " лет ", q + run) ? 5 : yearsWord(s, q + run);
                if (years > 0 && q + run + years < s.length && Chars.isUpperCase(s[q + run + years])) {
                    w = q + run + years - 1; // "50 лет Октября", "50 жылдық Октябрь": a street named for an anniversary
                } else if (run > 2
                        || q + run + 1 >= s.length
                        || s[q + run] != ' '
                        || !Chars.isUpperCase(s[q + run + 1])) {
                    break;
                } else {
                    w = q + run;
                }
            } else {
                break;
            }
            e = w;
            if (ends != null) {
                ends[words] = w;
            }
            q = w;
            if (q < s.length
                    && s[q] == ' '
                    && q + 1 < s.length
                    && (Chars.isUpperCase(s[q + 1]) || words == 0 && Chars.isDigit(c) || connector(s, q + 1) > 0)) {
                q++;
            } else {
                break;
            }
        }
        return e;
    }

    /** End of a lower-case connector word at {@code q}, or -1. */
    private static int connector(char[] s, int q) {
        char c = q < s.length ? s[q] : 0;
        if (c >= CONNECTOR_INITIAL.length || !CONNECTOR_INITIAL[c]) {
            return -1; // most words: not the first letter of a connector
        }
        // a connector (all letters) matches at q only when it fills the letter-or-digit run there up to its end, so
        // the run is the one word to look up; a run longer than every connector matches none
        int e = q;
        while (e < s.length && e - q <= CONNECTOR_MAX && Chars.isAlnum(s[e])) {
            e++;
        }
        return CONNECTOR_SET.contains(s, q, e) ? e : -1;
    }

    private static final boolean[] CONNECTOR_INITIAL = new boolean[0x530];
    private static final WordSet CONNECTOR_SET = wordSet(CONNECTORS);
    private static final int CONNECTOR_MAX =
            Arrays.stream(CONNECTORS).mapToInt(String::length).max().orElse(0);

    static {
        for (String w : CONNECTORS) {
            CONNECTOR_INITIAL[w.charAt(0)] = true;
        }
    }

    /** End of "115 Satpayev Street" (a number, one to four capitalised words, a street type) at {@code p}, or -1. */
    private static int englishStreet(char[] s, char[] lower, int p) {
        int e = number(s, p);
        if (e < 0 || e >= s.length || s[e] != ' ') {
            return -1;
        }
        int q = e + 1;
        for (int words = 0; words < 4 && q < s.length && Chars.isAsciiUpper(s[q]); words++) {
            int w = q;
            while (w < s.length
                    && (Chars.isAsciiLetter(s[w])
                            || s[w] == '-' && w + 1 < s.length && Chars.isAsciiLetter(s[w + 1]))) {
                w++;
            }
            if (words > 0 && (isStreetType(lower, q, w) || englishType(lower, q, w)) && !typeFollows(s, lower, w)) {
                return typeEnd(s, lower, q, w);
            }
            if (w >= s.length || s[w] != ' ') {
                return -1;
            }
            q = w + 1;
            int c = connector(s, q);
            if (c > 0 && c < s.length && s[c] == ' ') {
                q = c + 1; // "Kazybek bi"
            }
        }
        return -1;
    }

    private static final WordSet STREET_TYPE_SET = wordSet(STREET_TYPES);

    /** The street types written shortened, whose dot belongs to them: "St.", "Ave.", not "Street." ending a sentence. */
    private static final WordSet SHORTENED_TYPES =
            wordSet(new String[] {"st", "ave", "rd", "blvd", "ln", "dr", "ct", "pl", "sq", "hwy", "pr", "mkr", "str"});

    /** End of the street type {@code s[from, to)}, with its dot when it is shortened. */
    private static int typeEnd(char[] s, char[] lower, int from, int to) {
        return to < s.length && s[to] == '.' && SHORTENED_TYPES.contains(lower, from, to) ? to + 1 : to;
    }

    /** Whether a capitalised street type follows the word ending at {@code w}: "Maple Grove Lane" ends at Lane. */
    private static boolean typeFollows(char[] s, char[] lower, int w) {
        if (w + 2 >= s.length || s[w] != ' ' || !Chars.isAsciiUpper(s[w + 1])) {
            return false;
        }
        int e = w + 1;
        while (e < s.length && Chars.isAsciiLetter(s[e])) {
            e++;
        }
        return englishType(lower, w + 1, e);
    }

    private static boolean englishType(char[] lower, int from, int to) {
        return STREET_TYPE_SET.contains(lower, from, to);
    }

    private static int english(char[] s, char[] lower, int p) {
        int e = number(s, p);
        if (e < 0 || e >= s.length || s[e] != ' ') {
            return -1;
        }
        int q = e + 1;
        for (int words = 0; words < 4 && q < s.length && Chars.isAsciiUpper(s[q]); words++) {
            int w = q;
            while (w < s.length && Chars.isAsciiLetter(s[w])) {
                w++;
            }
            if (words > 0 && englishType(lower, q, w) && !typeFollows(s, lower, w)) {
                return englishTail(s, lower, typeEnd(s, lower, q, w));
            }
            if (w >= s.length || s[w] != ' ') {
                return -1;
            }
            q = w + 1;
        }
        return -1;
    }

    /** Unit, town, state and ZIP after an English street. */
    private static int englishTail(char[] s, char[] lower, int end) {
        int e = end;
        int q = e < s.length && s[e] == ' ' ? e + 1 : e;
        if (q + 2 < s.length
                && Chars.isAsciiUpper(s[q])
                && Chars.isAsciiUpper(s[q + 1])
                && Chars.notAlnumAt(s, q + 2)
                && "NWNESWSE".contains(Chars.string(s, q, q + 2))) {
            e = q + 2;
        } else if (q > e && q + 1 < s.length && "NSEW".indexOf(s[q]) >= 0 && Chars.notAlnumAt(s, q + 1)) {
            e = q + 1; // "Queen St E"
        }
        q = e;
        if (Chars.startsWith(s, ", ", q)) {
            int r = q + 2;
            for (String unit : new String[] {"apt", "apt.", "suite", "unit", "#", "flat"}) {
                if (Chars.startsWith(lower, unit, r)) {
                    int x = r + unit.length();
                    if (x < s.length && s[x] == ' ') {
                        x++;
                    }
                    int num = number(s, x);
                    if (num > 0) {
                        e = num;
                    }
                    break;
                }
            }
        }
        q = e;
        if (Chars.startsWith(s, ", ", q) && q + 2 < s.length && Chars.isAsciiUpper(s[q + 2])) {
            int w = q + 2;
            int words = 0;
            while (w < s.length && Chars.isAsciiUpper(s[w]) && words < 3) {
                int x = w;
                while (x < s.length && Chars.isAsciiLetter(s[x])) {
                    x++;
                }
                if (x - w == 2 && Chars.isAsciiUpper(s[w + 1])) {
                    break; // a state code: handled below
                }
                e = x;
                words++;
                w = x < s.length && s[x] == ' ' ? x + 1 : x;
                if (w == x) {
                    break;
                }
            }
        }
        q = e;
        int r = Chars.startsWith(s, ", ", q) ? q + 2 : Chars.startsWith(s, " ", q) ? q + 1 : -1;
        if (r > 0
                && r + 8 <= s.length
                && Chars.isAsciiUpper(s[r])
                && Chars.isAsciiUpper(s[r + 1])
                && s[r + 2] == ' '
                && Chars.digitRun(s, r + 3) == 5) {
            e = r + 8;
        } else if (r > 0
                && r + 10 <= s.length
                && Chars.isAsciiUpper(s[r])
                && Chars.isAsciiUpper(s[r + 1])
                && s[r + 2] == ' '
                && canadianPostcode(s, r + 3)) {
            e = r + 10; // "ON M5C 1S6"
        }
        int postcode = ForeignAddress.postcodeAfterTown(s, e); // "Bristol BS6 5QT"
        return postcode > 0 ? postcode : e;
    }
}
