package io.qorgan.gateway.detect;

import java.util.Set;

/**
 * Street addresses written the European way, which the Kazakh, Russian and English grammar of {@link
 * AddressRecognizer} does not read: the street word first ("Via Garibaldi 24", "ul. Floriańska 31 m. 6", "9 Rue
 * Oberkampf"), a compound street name ("Schillerstraße 17"), or a street of any shape when a postcode, its town and a
 * country follow ("Karlova 14, 110 00 Praha 1, Czech Republic"); each with the postcode, town and country written
 * around it. Agencies register foreigners and citizens living abroad, and write their addresses as they are given.
 */
final class ForeignAddress {

    private ForeignAddress() {}

    /** Street words written before the street's name; capitalised, except the abbreviations of {@link #LOWER_FIRST}. */
    private static final WordSet STREET_FIRST = new WordSet(Set.of(
            "rue",
            "avenue",
            "av",
            "boulevard",
            "bd",
            "allée",
            "quai",
            "impasse",
            "chemin",
            "via",
            "viale",
            "corso",
            "piazza",
            "largo",
            "calle",
            "avenida",
            "avda",
            "plaza",
            "paseo",
            "rua",
            "praça",
            "travessa",
            "strada",
            "str",
            "calea",
            "ul",
            "ulica",
            "ulitsa",
            "al",
            "aleja",
            "aleje",
            "náměstí",
            "nábřeží"));

    /** Street abbreviations written in lower case: "ul. Floriańska", "str. Lipscani", "al. Jerozolimskie". */
    static final String[] LOWER_STREET_WORDS = {"ul", "str", "al"};

    private static final WordSet LOWER_FIRST = new WordSet(Set.of(LOWER_STREET_WORDS));

    /** Street words that a French or English writer puts after the house number: "9 Rue Oberkampf". */
    private static final WordSet AFTER_NUMBER = new WordSet(
            Set.of("rue", "avenue", "boulevard", "bd", "allée", "quai", "impasse", "chemin", "via", "calle", "rua"));

    /** Lower-case words inside a street's name: "Rue de la Paix", "Via dei Mille", "Calle de Alcalá". */
    private static final WordSet PARTICLES = new WordSet(Set.of(
            "de", "la", "le", "les", "des", "du", "del", "della", "delle", "dei", "di", "da", "do", "dos", "das", "von",
            "van", "der", "den", "y", "e", "am", "an", "im"));

    /** Endings of one-word street names: "Schillerstraße", "Lindenallee", "Marktplatz", "Keizersgracht". */
    private static final String[] COMPOUND_ENDINGS = {
        "straße", "strasse", "gasse", "weg", "allee", "platz", "ufer", "straat", "laan", "gracht", "vej", "gatan",
        "vägen", "veien", "katu", "utca"
    };

    /** Words before a flat's number in foreign addresses: "m. 6", "ap. 4", "app. 12", "int. 3", "piso 2". */
    private static final String[] UNITS = {
        "m. ", "ap. ", "app. ", "apt. ", "apt ", "int. ", "piso ", "et. ", "lok. ", "wohnung ", "whg. ", "app "
    };

    /** Countries in English, Russian and their own tongue, lower case: the last part of a foreign address. */
    private static final String[] COUNTRIES = {
        "germany",
        "deutschland",
        "германия",
        "france",
        "франция",
        "italy",
        "italia",
        "италия",
        "spain",
        "españa",
        "испания",
        "portugal",
        "португалия",
        "poland",
        "polska",
        "польша",
        "czech republic",
        "czechia",
        "чехия",
        "slovakia",
        "словакия",
        "romania",
        "румыния",
        "hungary",
        "венгрия",
        "austria",
        "österreich",
        "австрия",
        "switzerland",
        "швейцария",
        "netherlands",
        "нидерланды",
        "belgium",
        "бельгия",
        "denmark",
        "дания",
        "sweden",
        "швеция",
        "norway",
        "норвегия",
        "finland",
        "финляндия",
        "united kingdom",
        "uk",
        "великобритания",
        "ireland",
        "latvia",
        "латвия",
        "lithuania",
        "литва",
        "estonia",
        "эстония",
        "russia",
        "россия",
        "рф",
        "ukraine",
        "украина",
        "belarus",
        "беларусь",
        "georgia",
        "грузия",
        "armenia",
        "армения",
        "azerbaijan",
        "азербайджан",
        "turkey",
        "türkiye",
        "турция",
        "uzbekistan",
        "узбекистан",
        "kyrgyzstan",
        "кыргызстан",
        "tajikistan",
        "таджикистан",
        "usa",
        "сша",
        "canada",
        "канада",
        "china",
        "китай",
        "japan",
        "япония",
        "south korea",
        "korea",
        "корея",
        "uae",
        "оаэ",
        "israel",
        "израиль",
        "greece",
        "греция",
        "cyprus",
        "кипр"
    };

    /** The most words a street's name or a town may have. */
    private static final int MAX_WORDS = 4;

    /** Whether a street abbreviation written in lower case stands at {@code p}: "ul.", "al.", "str.". */
    static boolean lowerStreetWord(char[] s, char[] lower, int p) {
        char c = s[p];
        return (c == 'u' || c == 'a') && p + 2 < s.length && s[p + 1] == 'l' && s[p + 2] == '.'
                || c == 's' && Chars.startsWith(lower, "str.", p);
    }

    /** Words before a post-office box's number: "PO Box 118". */
    private static final String[] POST_BOXES = {"po box ", "p.o. box ", "p. o. box "};

    /** Words before a microdistrict's name in Latin letters: "Mikrorayon Samal-2", "Microdistrict Aksai-4". */
    private static final String[] MICRODISTRICTS = {"mikrorayon ", "microdistrict ", "mkr. ", "mkr "};

    /** Past the Latin letters with their diacritics (Latin Extended-B ends at U+024F). */
    static final char LATIN_END = '\u0250';

    /**
     * Whether a foreign address may start at {@code p}: every shape {@link #end} reads starts with a word of Latin
     * letters followed by a space or a dot ("Via Garibaldi", "ul. Floriańska", "p.o. box"), or with a house number, a
     * space and a capitalised Latin word ("221B Baker", "9 Rue Oberkampf", "1453 Sok."). The one cheap test before
     * {@link #end} reads any of its shapes.
     */
    static boolean mayStart(char[] s, char[] lower, int p) {
        if (s[p] >= LATIN_END) {
            return false;
        }
        if (Chars.isDigit(s[p])) {
            return capitalAfterNumber(s, p);
        }
        int w = wordEnd(s, p);
        if (w >= s.length || s[w] != ' ' && s[w] != '.') {
            return false;
        }
        if (!Chars.isUpperCase(s[p])) {
            return LOWER_FIRST.contains(lower, p, w); // "ul. Floriańska 31"
        }
        int q = s[w] == ' ' ? w + 1 : w + 2 < s.length && s[w + 1] == ' ' ? w + 2 : w + 1;
        // after a capitalised word that names no street type nor box, a street goes on capitalised or with its house
        return q < s.length && (Chars.isUpperCase(s[q]) || Chars.isDigit(s[q]))
                || STREET_FIRST.contains(lower, p, w)
                || TURKISH_TYPES.contains(lower, p, w)
                || Chars.isAsciiUpper(s[p]) && withPrefix(s, lower, p, POST_BOXES) > 0
                || Chars.isAsciiUpper(s[p]) && withPrefix(s, lower, p, MICRODISTRICTS) > 0;
    }

    /** Whether a space and a capitalised Latin word follow the house number at {@code p}: "221B Baker", "45 Dongil-ro". */
    private static boolean capitalAfterNumber(char[] s, int p) {
        int q = p;
        while (q < s.length && q - p < 12 && (Chars.isAsciiAlnum(s[q]) || s[q] == '/' || s[q] == '-')) {
            q++;
        }
        return q + 1 < s.length && s[q] == ' ' && s[q + 1] < LATIN_END && Chars.isUpperCase(s[q + 1]);
    }

    /**
     * The end of a foreign street address that starts at {@code p} (with its town and country), or -1. Asked only
     * where {@link #mayStart} holds: elsewhere no shape matches, and reading them is the cost the test saves.
     */
    static int end(char[] s, char[] lower, int p) {
        if (Chars.isAsciiUpper(s[p])) {
            int box = withPrefix(s, lower, p, POST_BOXES);
            if (box > 0) {
                int n = AddressRecognizer.number(s, box); // "PO Box 118, Aktau 130000": the box, town and postcode
                return n > 0 ? tail(s, lower, n, false) : -1;
            }
            int micro = withPrefix(s, lower, p, MICRODISTRICTS);
            if (micro > 0) {
                return microdistrict(s, lower, micro);
            }
        }
        int house = streetFirst(s, lower, p);
        if (house < 0) {
            house = turkish(s, lower, p);
        }
        if (house < 0) {
            house = numberFirst(s, lower, p);
        }
        if (house < 0) {
            house = compound(s, lower, p);
        }
        boolean strong = house > 0; // a street word or ending says it; any other street needs a postcode and country
        if (!strong) {
            house = anyStreet(s, p);
        }
        if (house < 0) {
            return -1;
        }
        int end = unit(s, lower, house);
        int tail = tail(s, lower, end, !strong);
        if (tail > 0) {
            return tail;
        }
        return strong && closes(s, end) ? end : -1;
    }

    /**
     * Where the address that starts at {@code start} starts once the country and town written before it are read
     * ("Германия, 10115 Berlin, Invalidenstraße 34"): a country, then a town with or without its postcode.
     */
    static int startBefore(char[] s, char[] lower, int start) {
        if (start < 4 || s[start - 1] != ' ' || s[start - 2] != ',') {
            return start;
        }
        int segment = segmentStart(s, start - 2);
        int town = postcodeTown(s, segment);
        if (town == start - 2) {
            int country = countryBefore(s, lower, segment);
            return country >= 0 ? country : segment;
        }
        int named = town(s, segment);
        if (named == start - 2) {
            int country = countryBefore(s, lower, segment);
            return country >= 0 ? country : start;
        }
        return country(s, lower, segment) == start - 2 ? segment : start;
    }

    /** Past one of {@code prefixes} (lower case) at {@code p}, or -1. */
    private static int withPrefix(char[] s, char[] lower, int p, String[] prefixes) {
        for (String prefix : prefixes) {
            if (Chars.startsWith(lower, prefix, p)) {
                return p + prefix.length();
            }
        }
        return -1;
    }

    /**
     * A microdistrict's name after its word ({@code name}: "Samal-2", "Aksai 4"), its house and flat, and the town
     * after: "Mikrorayon Samal-2, bld 58, apt 14, Almaty"; the end, or -1 without a house or flat.
     */
    private static int microdistrict(char[] s, char[] lower, int name) {
        if (name >= s.length || !Chars.isUpperCase(s[name])) {
            return -1;
        }
        int e = wordEnd(s, name);
        if (s[e - 1] == '-' && Chars.digitRun(s, e) > 0) {
            e += Chars.digitRun(s, e); // "Samal-2"
        } else if (e < s.length && s[e] == ' ' && Chars.digitRun(s, e + 1) > 0) {
            e += 1 + Chars.digitRun(s, e + 1); // "Aksai 4"
        }
        int end = -1;
        for (int units = 0; units < 4 && Chars.startsWith(s, ", ", e); units++) {
            int unit = AddressRecognizer.latinUnit(s, lower, e + 2);
            if (unit < 0) {
                break;
            }
            end = e = unit;
        }
        if (end < 0) {
            return -1;
        }
        int tail = tail(s, lower, end, false);
        return tail > 0 ? tail : end;
    }

    /** "Via Garibaldi 24", "ul. Floriańska 31", "Calle Mayor, 12": the end of the house number, or -1. */
    private static int streetFirst(char[] s, char[] lower, int p) {
        int w = wordEnd(s, p);
        if (!STREET_FIRST.contains(lower, p, w) || !Chars.isUpperCase(s[p]) && !LOWER_FIRST.contains(lower, p, w)) {
            return -1;
        }
        int q = w < s.length && s[w] == '.' ? w + 1 : w;
        if (q >= s.length || s[q] != ' ') {
            return -1;
        }
        int name = name(s, lower, q + 1);
        if (name < 0) {
            return -1;
        }
        int h = name < s.length && s[name] == ',' ? name + 1 : name;
        return h + 1 < s.length && s[h] == ' ' ? AddressRecognizer.number(s, h + 1) : -1;
    }

    /** Turkish words after a street's or quarter's name: "Atatürk Caddesi", "Moda Sokak", "Cumhuriyet Mah.". */
    private static final WordSet TURKISH_TYPES = new WordSet(Set.of(
            "caddesi", "cad", "cd", "sokak", "sokağı", "sok", "sk", "bulvarı", "blv", "mahallesi", "mah", "yolu"));

    /** Turkish flat, floor and block words after the house: "D: 5", "Daire 4", "Kat 2". */
    private static final String[] TURKISH_UNITS = {"d: ", "d:", "daire: ", "daire ", "kat: ", "kat ", "blok "};

    /**
     * A Turkish address: names each with its type ("Cumhuriyet Mah. 1453 Sok."), the house ("No: 8", "118") and the
     * flat ("D: 5", ", Daire 4"); the end of the last, or -1.
     */
    private static int turkish(char[] s, char[] lower, int p) {
        int q = p;
        for (int words = 0; words < 6 && q < s.length; words++) {
            int w = Chars.isDigit(s[q]) ? q + Chars.digitRun(s, q) : wordEnd(s, q);
            if (w == q || !Chars.isUpperCase(s[q]) && !Chars.isDigit(s[q])) {
                return -1;
            }
            boolean type = TURKISH_TYPES.contains(lower, q, w);
            int e = type && w < s.length && s[w] == '.' ? w + 1 : w;
            if (e + 1 >= s.length || s[e] != ' ') {
                return -1;
            }
            q = e + 1;
            if (type) {
                int house = Chars.startsWith(lower, "no: ", q) ? q + 4 : Chars.startsWith(lower, "no ", q) ? q + 3 : q;
                int n = house < s.length && Chars.isDigit(s[house]) ? AddressRecognizer.number(s, house) : -1;
                boolean named = n > 0
                        && n + 1 < s.length
                        && s[n] == ' '
                        && TURKISH_TYPES.contains(lower, n + 1, wordEnd(s, n + 1));
                if (n > 0 && !named) { // "1453 Sok." is a street named by its number, not the house
                    return turkishUnits(s, lower, n);
                }
            }
        }
        return -1;
    }

    /** Past the flat, floor and block after a Turkish house ending at {@code e}. */
    private static int turkishUnits(char[] s, char[] lower, int e) {
        int end = e;
        for (int k = 0; k < 3; k++) {
            int q = Chars.startsWith(s, ", ", end) ? end + 2 : Chars.startsWith(s, " ", end) ? end + 1 : -1;
            int number = q > 0 ? withPrefix(s, lower, q, TURKISH_UNITS) : -1;
            int n = number > 0 ? AddressRecognizer.number(s, number) : -1;
            if (n < 0) {
                break;
            }
            end = n;
        }
        return end;
    }

    /** "9 Rue Oberkampf", "4 Rue de la Paix": the end of the street's name, or -1. */
    private static int numberFirst(char[] s, char[] lower, int p) {
        int n = AddressRecognizer.number(s, p);
        if (n < 0 || n + 2 >= s.length || s[n] != ' ' || !Chars.isUpperCase(s[n + 1])) {
            return -1;
        }
        int w = wordEnd(s, n + 1);
        if (!AFTER_NUMBER.contains(lower, n + 1, w) || w >= s.length || s[w] != ' ') {
            return -1;
        }
        return name(s, lower, w + 1);
    }

    /** "Schillerstraße 17", "Lindenallee 8": the end of the house number, or -1. */
    private static int compound(char[] s, char[] lower, int p) {
        if (!Chars.isUpperCase(s[p])) {
            return -1;
        }
        int w = wordEnd(s, p);
        int q = w < s.length && s[w] == '.' && Chars.startsWith(lower, "str", w - 3) ? w + 1 : w; // "Hauptstr. 5"
        if (q + 1 >= s.length || s[q] != ' ' || !Chars.isDigit(s[q + 1])) {
            return -1;
        }
        boolean ending = q > w && w - p > 4;
        for (int k = 0; !ending && k < COMPOUND_ENDINGS.length; k++) {
            String e = COMPOUND_ENDINGS[k];
            ending = w - p > e.length() + 2 && Chars.startsWith(lower, e, w - e.length());
        }
        return ending ? AddressRecognizer.number(s, q + 1) : -1;
    }

    /** One to three capitalised words and a house number ("Karlova 14"), which only a postcode's tail confirms. */
    private static int anyStreet(char[] s, int p) {
        int q = p;
        for (int words = 0; words < 3; words++) {
            if (q >= s.length || !Chars.isUpperCase(s[q])) {
                return -1;
            }
            int w = wordEnd(s, q);
            if (w + 1 >= s.length || s[w] != ' ') {
                return -1;
            }
            if (Chars.isDigit(s[w + 1])) {
                return AddressRecognizer.number(s, w + 1);
            }
            q = w + 1;
        }
        return -1;
    }

    /** The end of one to four words of a street's name from {@code p}, one capitalised at least, or -1. */
    private static int name(char[] s, char[] lower, int p) {
        int q = p;
        int end = -1;
        boolean capital = false;
        for (int words = 0; words < MAX_WORDS && q < s.length; words++) {
            int w = wordEnd(s, q);
            if (w == q) {
                break;
            }
            boolean upper = Chars.isUpperCase(s[q]);
            if (!upper && !PARTICLES.contains(lower, q, w) && !elided(s, q, w)) {
                break;
            }
            capital |= upper || elided(s, q, w);
            end = w;
            if (w + 1 >= s.length || s[w] != ' ' || Chars.isDigit(s[w + 1])) {
                break;
            }
            q = w + 1;
        }
        return capital ? end : -1;
    }

    /** "d'Alésia", "l'Université": an elided particle glued to a capitalised word. */
    private static boolean elided(char[] s, int from, int to) {
        return to - from > 3 && (s[from + 1] == '\'' || s[from + 1] == '’') && Chars.isUpperCase(s[from + 2]);
    }

    /** Past a flat written after the house ("31 m. 6", "18, ap. 4"), or {@code e}. */
    private static int unit(char[] s, char[] lower, int e) {
        int q = Chars.startsWith(s, ", ", e) ? e + 2 : Chars.startsWith(s, " ", e) ? e + 1 : -1;
        int number = q < 0 ? -1 : withPrefix(s, lower, q, UNITS);
        int n = number > 0 ? AddressRecognizer.number(s, number) : -1;
        return n > 0 ? n : e;
    }

    /**
     * The end of the town, postcode and country after a street at {@code e} (", 80336 München", ", Bristol BS6 5QT",
     * ", Torino, Italy"), or -1 when none follows; {@code postcodeNeeded}: only a postcode and a country will do.
     */
    private static int tail(char[] s, char[] lower, int e, boolean postcodeNeeded) {
        if (!Chars.startsWith(s, ", ", e)) {
            return -1;
        }
        int r = e + 2;
        int town = postcodeTown(s, r);
        boolean postcode = town > 0;
        if (town < 0) {
            int named = town(s, r);
            int code = named > 0 ? postcodeAfterTown(s, named) : -1;
            postcode = code > 0;
            town = postcode ? code : named > 0 && closes(s, named) ? named : -1;
        }
        int country = town > 0 && Chars.startsWith(s, ", ", town) ? country(s, lower, town + 2) : -1;
        if (postcodeNeeded) {
            return postcode && country > 0 ? country : -1;
        }
        if (country < 0 && town > 0 && Chars.startsWith(s, ", ", town)) {
            int second = town(s, town + 2); // a district, then its town: "Kadıköy, İstanbul"
            if (second > 0 && closes(s, second)) {
                town = second;
                country = Chars.startsWith(s, ", ", town) ? country(s, lower, town + 2) : -1;
            }
        }
        return country > 0 ? country : town;
    }

    /** "80336 München", "00-514 Warszawa", "110 00 Praha 1", "1100-053 Lisboa" at {@code p}: its end, or -1. */
    static int postcodeTown(char[] s, int p) {
        int run = Chars.digitRun(s, p);
        int q = p + run;
        if (run == 2 && q + 4 < s.length && s[q] == '-' && Chars.digitRun(s, q + 1) == 3) {
            q += 4; // Poland
        } else if (run == 3 && q + 3 < s.length && s[q] == ' ' && Chars.digitRun(s, q + 1) == 2) {
            q += 3; // Czechia, Slovakia
        } else if (run == 4 && q + 4 < s.length && s[q] == '-' && Chars.digitRun(s, q + 1) == 3) {
            q += 4; // Portugal
        } else if (run < 4 || run > 6) {
            return -1;
        }
        if (q + 1 >= s.length || s[q] != ' ' || !Chars.isUpperCase(s[q + 1])) {
            return -1;
        }
        int town = town(s, q + 1);
        if (town > 0 && town + 1 < s.length && s[town] == ' ' && Chars.digitRun(s, town + 1) <= 2) {
            int d = town + 1 + Chars.digitRun(s, town + 1);
            town = d > town + 1 && Chars.notAlnumAt(s, d) ? d : town; // "Praha 1"
        }
        return town;
    }

    /**
     * A British, Japanese or Kazakh postcode after a town ("Bristol BS6 5QT", "Tokyo 150-0002", "Aktau 130000"): its
     * end, or -1.
     */
    static int postcodeAfterTown(char[] s, int town) {
        if (town + 1 >= s.length || s[town] != ' ') {
            return -1;
        }
        int p = town + 1;
        int run = Chars.digitRun(s, p);
        if (run == 6 && Chars.notAlnumAt(s, p + 6)) {
            return p + 6; // Kazakhstan: "Aktau 130000"
        }
        if (run == 3 && p + 8 <= s.length && s[p + 3] == '-' && Chars.digitRun(s, p + 4) == 4) {
            return Chars.notAlnumAt(s, p + 8) ? p + 8 : -1;
        }
        int q = p;
        while (q < s.length && q - p < 2 && Chars.isAsciiUpper(s[q])) {
            q++;
        }
        if (q == p || q >= s.length || !Chars.isDigit(s[q])) {
            return -1;
        }
        q++;
        if (q < s.length && (Chars.isDigit(s[q]) || Chars.isAsciiUpper(s[q]))) {
            q++;
        }
        if (q + 4 > s.length
                || s[q] != ' '
                || !Chars.isDigit(s[q + 1])
                || !Chars.isAsciiUpper(s[q + 2])
                || !Chars.isAsciiUpper(s[q + 3])) {
            return -1;
        }
        return Chars.notAlnumAt(s, q + 4) ? q + 4 : -1;
    }

    /** One to three capitalised words of a town from {@code p} ("Praha", "Milton Keynes"): the end, or -1. */
    private static int town(char[] s, int p) {
        int q = p;
        int end = -1;
        for (int words = 0; words < 3 && q < s.length && Chars.isUpperCase(s[q]); words++) {
            end = wordEnd(s, q);
            if (end + 1 >= s.length || s[end] != ' ' || !Chars.isUpperCase(s[end + 1])) {
                break;
            }
            q = end + 1;
        }
        return end;
    }

    /** The end of a country of {@link #COUNTRIES} at {@code p}, or -1. */
    static int country(char[] s, char[] lower, int p) {
        if (p >= s.length || !Chars.isUpperCase(s[p])) {
            return -1;
        }
        for (String c : COUNTRIES) {
            if (Chars.startsWith(lower, c, p) && Chars.notAlnumAt(s, p + c.length())) {
                return p + c.length();
            }
        }
        return -1;
    }

    /** The start of a country and its comma before {@code segment}, or -1. */
    private static int countryBefore(char[] s, char[] lower, int segment) {
        if (segment < 4 || s[segment - 1] != ' ' || s[segment - 2] != ',') {
            return -1;
        }
        int start = segmentStart(s, segment - 2);
        return country(s, lower, start) == segment - 2 ? start : -1;
    }

    /** Where the comma-separated part that ends at {@code end} starts: after a comma, colon, line break or bracket. */
    private static int segmentStart(char[] s, int end) {
        int b = end;
        while (b > 0 && end - b < 40 && ",:;\n(«\"".indexOf(s[b - 1]) < 0) {
            b--;
        }
        while (b < end && s[b] == ' ') {
            b++;
        }
        return b;
    }

    /** Whether the address may end at {@code e}: the text's, a line's, a sentence's or a clause's end. */
    private static boolean closes(char[] s, int e) {
        return e >= s.length || ",.;)\n\r\"»|".indexOf(s[e]) >= 0;
    }

    private static int wordEnd(char[] s, int p) {
        int e = p;
        while (e < s.length && (Chars.isLetter(s[e]) || s[e] == '-' || s[e] == '\'' || s[e] == '’')) {
            e++;
        }
        return e;
    }
}
