package io.qorgan.gateway.detect;

import java.util.HashSet;
import java.util.Set;

/**
 * Addresses as chats and transcripts write them, in lower case and without commas: "на жандосова 58 кв 31",
 * "абылай хана 92 подъезд 3 кв 47", "dostyk ave 132 apt 57", "нұрсәт шағын ауданы 118 үй 34 пәтер". The capitals and
 * markers the grammar of {@link AddressRecognizer} leans on are missing, so the evidence is the house and its units:
 * a house number with a flat, room, entrance or house word after it, read from the house back to the street's words.
 */
final class SpokenAddress {

    private SpokenAddress() {}

    /** Words before a unit's number: "кв 31", "подъезд 3", "дом 58", "apt 57", "room 12". */
    private static final WordSet UNITS_BEFORE = new WordSet(Set.of(
            "кв",
            "квартира",
            "кварт",
            "комн",
            "комната",
            "подъезд",
            "дом",
            "house",
            "flat",
            "apt",
            "apartment",
            "room",
            "блок",
            "корпус"));

    /** Kazakh words after a unit's number: "15 үй", "34 пәтер", "58 пәтерде". */
    static final String[] UNITS_AFTER = {"үй", "пәтер"};

    /**
     * Words that name a street, district or place, and the titles in streets named after people, among the street's
     * words: "шағын ауданы", "ave", "мкр", "толе би", "абылай хана".
     */
    private static final WordSet STREET_WORDS = new WordSet(Set.of(
            "ул",
            "улица",
            "мкр",
            "микрорайон",
            "пр",
            "проспект",
            "ave",
            "avenue",
            "st",
            "street",
            "rd",
            "road",
            "көшесі",
            "даңғылы",
            "шағын",
            "ауданы",
            "ауылы",
            "қаласы",
            "облысы",
            "мкрн",
            "жк",
            "би",
            "батыр",
            "батыра",
            "хан",
            "хана",
            "жолы",
            "ата",
            "ана",
            "ақын",
            "bi",
            "batyr",
            "khan",
            "zholy"));

    /**
     * Where a Kazakh microdistrict whose number starts at {@code number} starts once the name before the number is
     * read ("көктем 2 шағын ауданы", "Жетісу 3 шағын ауданы"): a word of three letters or more that is no stop, or
     * {@code number} itself when none stands there or the number is not followed by "шағын".
     */
    static int microdistrictName(char[] s, char[] lower, int number) {
        int n = AddressRecognizer.number(s, number);
        if (n < 0 || n + 1 >= s.length || s[n] != ' ' && s[n] != '-' || !Chars.startsWith(lower, "шағын", n + 1)) {
            return number;
        }
        int e = number - 1;
        if (e < 3 || s[e] != ' ') {
            return number;
        }
        int b = Chars.letterRunStart(s, e);
        return e - b >= 3 && !STOPS.contains(lower, b, e) && Chars.notAlnumAt(s, b - 1) ? b : number;
    }

    /** Prepositions before a street in a chat: "на тимирязева 56", "в таугуль 21-33". */
    private static final WordSet PREPOSITIONS =
            new WordSet(Set.of("на", "в", "по", "до", "около", "возле", "on", "at"));

    /**
     * Whether the house at {@code house} ({@code end} its end) follows a lower-case street after a preposition: a
     * listed street ("на тимирязева 56"), or any word after "на" when the number holds the flat too ("на таугуль
     * 21-33").
     */
    static boolean afterPreposition(char[] s, char[] lower, int house, int end) {
        int e = house - 1;
        if (e < 4 || s[e] != ' ') {
            return false;
        }
        int b = Chars.letterRunStart(s, e);
        if (e - b < 3 || !Chars.isLowerCase(s[b]) || b < 2 || s[b - 1] != ' ') {
            return false;
        }
        int pe = b - 1;
        int pb = Chars.letterRunStart(s, pe);
        if (!PREPOSITIONS.contains(lower, pb, pe) || !Chars.notAlnumAt(s, pb - 1)) {
            return false;
        }
        boolean flat = pe - pb == 2 && lower[pb] == 'н' && lower[pb + 1] == 'а'; // "на", not "по графику 1/12"
        // "в сайране 14-22": a place's name in the prepositional, then a house and flat
        boolean in = pe - pb == 1 && lower[pb] == 'в' && lower[e - 1] == 'е' && houseDashFlat(s, house, end);
        return (AddressRecognizer.listedStreet(lower, b, e) || flat && slashOrDash(s, house, end) || in)
                && !AddressRecognizer.countAfter(lower, end);
    }

    /** Whether {@code s[from, to)} is a house and a flat parted by a dash, each of one to three digits: "14-22". */
    private static boolean houseDashFlat(char[] s, int from, int to) {
        int house = Chars.digitRun(s, from);
        int q = from + house;
        if (house < 1 || house > 3 || q + 1 >= to || s[q] != '-') {
            return false;
        }
        int flat = Chars.digitRun(s, q + 1);
        return flat >= 1 && flat <= 3 && q + 1 + flat == to;
    }

    private static boolean slashOrDash(char[] s, int from, int to) {
        for (int q = from; q < to; q++) {
            if (s[q] == '/' || s[q] == '-') {
                return true;
            }
        }
        return false;
    }

    /** Street words whose number is their name: "6 мкр", "12 мкрн". */
    private static final WordSet NUMBER_NAMED = new WordSet(Set.of("мкр", "мкрн", "микрорайон"));

    /**
     * Whether the only unit after the house at {@code house} is a Kazakh word after its number ("412 пәтер", "15 үй"),
     * which counts flats and houses as often as it names one: such an address needs a street word.
     */
    static boolean loneKazakhUnit(char[] s, char[] lower, int house, int unitsEnd) {
        int num = AddressRecognizer.number(s, house);
        return num > 0 && unitAfter(s, lower, num) == unitsEnd;
    }

    /** Street words after which a house number alone is the house: "абай көшесі 15", "достық даңғылы 97". */
    private static final WordSet STREET_TYPES_AFTER = new WordSet(Set.of("көшесі", "даңғылы", "ул", "улица"));

    /** Words that end the street's words before them: prepositions, pronouns, verbs of living and going. */
    private static final WordSet STOPS = new WordSet(Set.of(
            "на",
            "в",
            "во",
            "к",
            "ко",
            "у",
            "по",
            "до",
            "от",
            "из",
            "за",
            "около",
            "возле",
            "напротив",
            "я",
            "ты",
            "он",
            "она",
            "мы",
            "вы",
            "они",
            "это",
            "там",
            "тут",
            "щас",
            "сейчас",
            "теперь",
            "живу",
            "живет",
            "живёт",
            "адрес",
            "мой",
            "моя",
            "наш",
            "ваш",
            "at",
            "on",
            "in",
            "to",
            "near",
            "the",
            "is",
            "i",
            "im",
            "my",
            "our",
            "lives",
            "live",
            "мен",
            "сен",
            "ол",
            "біз",
            "менің",
            "үйім",
            "мекенжайым",
            "қазір",
            "енді",
            "тұрамын",
            "тұрам",
            "и",
            "а",
            "но",
            "или",
            "and",
            "был",
            "была",
            "было"));

    /**
     * The most units after a house ("подъезд 3 кв 47" is two): each digit reads its units, so without a bound a
     * megabyte of "кв 1 кв 1 …" was read to its end from every digit, in minutes.
     */
    private static final int MAX_UNITS = 4;

    /** The most words the street may have before its house. */
    private static final int MAX_WORDS = 8;

    /**
     * The end of the units after the house number at {@code house} ("58 кв 31", "92 подъезд 3 кв 47", "118 үй 34
     * пәтер", "15 үй"), or -1 when no unit follows it.
     */
    static int unitsEnd(char[] s, char[] lower, int house) {
        int end = AddressRecognizer.number(s, house);
        if (end < 0 || end - house > 5) {
            return -1;
        }
        int units = 0;
        int kazakh = unitAfter(s, lower, end);
        if (kazakh > 0) {
            end = kazakh; // "15 үй"
            units++;
        }
        while (end + 1 < s.length && s[end] == ' ' && units < MAX_UNITS) {
            int w = Chars.letterRunEnd(s, end + 1);
            int n = w + 1 < s.length && s[w] == ' ' ? AddressRecognizer.number(s, w + 1) : -1;
            if (w > end + 1 && n > 0 && UNITS_BEFORE.contains(lower, end + 1, w) && !squareMetres(lower, w)) {
                end = n; // "кв 31"
                units++;
                continue;
            }
            int next = AddressRecognizer.number(s, end + 1);
            int after = next > 0 ? unitAfter(s, lower, next) : -1;
            if (after < 0 || units == 0) {
                break;
            }
            end = after; // "34 пәтер"
            units++;
        }
        return units > 0 && !AddressRecognizer.countAfter(lower, end) ? end : -1; // "3 кв 2 года назад"
    }

    /**
     * The start of the street's words before the house at {@code house} ("жандосова", "абылай хана", "самал 2",
     * "нұрсәт шағын ауданы", "dostyk ave"), or -1 when none stands there. Read from the house back: a street word or a
     * title takes the one name word before it, a microdistrict's number the one before it, and the house up to two;
     * a stop (a preposition, a pronoun, a line's or clause's start) ends them.
     */
    static int streetStart(char[] s, char[] lower, int house, boolean streetWordNeeded) {
        int p = house;
        int start = -1;
        int allowance = 2; // plain name words that may come next
        boolean letters = false;
        boolean streetWord = false;
        boolean markerRight = false; // the word to the right is a street word
        boolean numberNamed = false; // the word to the right is "мкр", whose number is its name
        for (int words = 0; words < MAX_WORDS && p >= 2 && s[p - 1] == ' '; words++) {
            int e = p - 1;
            int b = e;
            while (b > 0 && (Chars.isLetter(s[b - 1]) || Chars.isDigit(s[b - 1]) || s[b - 1] == '-')) {
                b--;
            }
            if (b == e || STOPS.contains(lower, b, e) || !Chars.isLowerCase(s[b]) && !Chars.isDigit(s[b])) {
                break;
            }
            if (Chars.isDigit(s[b])) {
                if (e - b > 3) {
                    break; // a year or a count, not a microdistrict's number
                }
                allowance = numberNamed ? 0 : 1; // "самал 2 дом 58", "көктем 2 шағын ауданы"; but "6 мкр"
                markerRight = false;
                numberNamed = false;
            } else if (STREET_WORDS.contains(lower, b, e)) {
                allowance = 1; // "нұрсәт шағын ауданы", "абылай хана"
                letters = true;
                streetWord = true;
                markerRight = true;
                numberNamed = NUMBER_NAMED.contains(lower, b, e);
            } else if (e - b >= 3 && allowance > 0) {
                allowance--;
                letters = true;
                markerRight = false;
                numberNamed = false;
            } else {
                break;
            }
            start = b;
            p = b;
        }
        // "в 5 комната 2": a number alone names no street; "жылдың 11 айында 412 пәтер": a count of flats
        return letters && (streetWord || !streetWordNeeded) ? start : -1;
    }

    /** Whether a street word stands right before the house at {@code house}: "абай көшесі 15". */
    static boolean streetWordBefore(char[] s, char[] lower, int house) {
        int e = house - 1;
        if (e < 2 || s[e] != ' ') {
            return false;
        }
        int b = Chars.letterRunStart(s, e);
        return b < e && STREET_TYPES_AFTER.contains(lower, b, e);
    }

    /** Past a Kazakh unit word after the number ending at {@code num} ("15 үй", "18-пәтер", "58 пәтерде"), or -1. */
    private static int unitAfter(char[] s, char[] lower, int num) {
        if (num >= s.length || s[num] != ' ' && s[num] != '-') {
            return -1;
        }
        for (String unit : UNITS_AFTER) {
            if (Chars.startsWith(lower, unit, num + 1)) {
                int e = Chars.letterRunEnd(s, num + 1);
                return e - num - 1 - unit.length() <= 3 ? e : -1; // with a case ending: "пәтерде"
            }
        }
        return -1;
    }

    /** Whether "м" follows the "кв" ending at {@code w}: "45 кв м", square metres. */
    private static boolean squareMetres(char[] lower, int w) {
        return w + 1 < lower.length
                && (lower[w] == ' ' || lower[w] == '.')
                && lower[w + 1] == 'м'
                && Chars.notAlnumAt(lower, w + 2);
    }

    /** Russian and Kazakh cardinals, and the Kazakh ordinals, that a house or flat number is said in. */
    private static final WordSet NUMBER_WORDS = numberWords();

    private static WordSet numberWords() {
        Set<String> words = new HashSet<>();
        for (int d = 1; d < DigitWords.DIGIT_NAMES.length; d++) {
            for (String w : DigitWords.DIGIT_NAMES[d]) {
                if (w.charAt(0) >= 0x400) {
                    words.add(w); // Russian and Kazakh: "one" or "two" in English prose is no house
                }
            }
        }
        words.addAll(Set.of(DigitWords.RUSSIAN_TEENS));
        words.addAll(Set.of(DigitWords.RUSSIAN_TENS));
        words.addAll(Set.of(DigitWords.RUSSIAN_HUNDREDS));
        words.addAll(Set.of(DigitWords.KAZAKH_TENS));
        words.add("жүз");
        // Kazakh ordinals: "бесінші үй", "отыз бесінші пәтер"
        words.addAll(Set.of(DigitWords.KAZAKH_UNIT_ORDINALS));
        words.addAll(Set.of(DigitWords.KAZAKH_TENS_ORDINALS));
        words.add("жүзінші");
        return new WordSet(words);
    }

    /** The most number words a house or flat is said in: "сто двадцать три", "жүз он бесінші". */
    private static final int NUMBER_WORDS_MAX = 4;

    /**
     * The end of a house or flat number said in words at {@code p} ("тридцать четыре", "сорок", "он бесінші"): up to
     * four number words joined by single spaces; or -1.
     */
    static int numberWordsEnd(char[] lower, int p) {
        int end = -1;
        int q = p;
        for (int words = 0; words < NUMBER_WORDS_MAX; words++) {
            int w = Chars.letterRunEnd(lower, q);
            if (w == q || w - q > 12 || !NUMBER_WORDS.contains(lower, q, w) || !Chars.notAlnumAt(lower, w)) {
                break;
            }
            end = w;
            if (w + 1 >= lower.length || lower[w] != ' ') {
                break;
            }
            q = w + 1;
        }
        return end;
    }
}
