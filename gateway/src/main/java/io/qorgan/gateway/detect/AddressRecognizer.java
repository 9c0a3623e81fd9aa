package io.qorgan.gateway.detect;

import java.util.Arrays;
import java.util.List;
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
        COUNTRY
    }

    private record Marker(String text, Kind kind, boolean dotted, boolean caseSensitive) {

        Marker(String text, Kind kind) {
            this(text, kind, text.endsWith("."), Character.isUpperCase(text.charAt(0)));
        }
    }

    private record Part(int end, Kind kind) {}

    /** Markers written before the name, lower case; a trailing dot is part of the marker where usual. */
    private static final Marker[] BEFORE = {
        new Marker("г.", Kind.CITY), new Marker("город ", Kind.CITY), new Marker("гор.", Kind.CITY),
        new Marker("ул.", Kind.STREET), new Marker("улица ", Kind.STREET), new Marker("ул ", Kind.STREET),
        new Marker("пр.", Kind.STREET), new Marker("пр-т", Kind.STREET), new Marker("просп.", Kind.STREET),
        new Marker("проспект ", Kind.STREET), new Marker("мкр.", Kind.STREET), new Marker("мкрн.", Kind.STREET),
        new Marker("мкр ", Kind.STREET), new Marker("мк-н", Kind.STREET), new Marker("микрорайон ", Kind.STREET),
        new Marker("пер.", Kind.STREET), new Marker("переулок ", Kind.STREET), new Marker("б-р", Kind.STREET),
        new Marker("бульвар ", Kind.STREET), new Marker("пл.", Kind.STREET), new Marker("площадь ", Kind.STREET),
        new Marker("шоссе ", Kind.STREET), new Marker("жк ", Kind.STREET), new Marker("д.", Kind.HOUSE),
        new Marker("дом ", Kind.HOUSE), new Marker("корп.", Kind.HOUSE), new Marker("корпус ", Kind.HOUSE),
        new Marker("стр.", Kind.HOUSE), new Marker("кв.", Kind.FLAT), new Marker("квартира ", Kind.FLAT),
        new Marker("оф.", Kind.FLAT), new Marker("офис ", Kind.FLAT), new Marker("үй ", Kind.HOUSE),
        new Marker("пәтер ", Kind.FLAT), new Marker("с.", Kind.SETTLEMENT), new Marker("село ", Kind.SETTLEMENT),
        new Marker("пос.", Kind.SETTLEMENT), new Marker("посёлок ", Kind.SETTLEMENT),
                new Marker("поселок ", Kind.SETTLEMENT),
        new Marker("п.", Kind.SETTLEMENT), new Marker("аул ", Kind.SETTLEMENT), new Marker("р-н", Kind.DISTRICT),
        new Marker("район ", Kind.DISTRICT), new Marker("обл.", Kind.REGION), new Marker("область ", Kind.REGION),
    };
    /** Markers written after the name. */
    private static final Marker[] AFTER = {
        new Marker("қаласы", Kind.CITY),
        new Marker("қ.", Kind.CITY),
        new Marker("облысы", Kind.REGION),
        new Marker("обл.", Kind.REGION),
        new Marker("область", Kind.REGION),
        new Marker("облысының", Kind.REGION),
        new Marker("ауданы", Kind.DISTRICT),
        new Marker("ауд.", Kind.DISTRICT),
        new Marker("район", Kind.DISTRICT),
        new Marker("р-н", Kind.DISTRICT),
        new Marker("ауылы", Kind.SETTLEMENT),
        new Marker("а.", Kind.SETTLEMENT),
        new Marker("кенті", Kind.SETTLEMENT),
        new Marker("ауылдық округі", Kind.SETTLEMENT),
        new Marker("шағын ауданы", Kind.STREET),
        new Marker("ш/а", Kind.STREET),
        new Marker("көшесі", Kind.STREET),
        new Marker("көш.", Kind.STREET),
        new Marker("даңғылы", Kind.STREET),
        new Marker("даң.", Kind.STREET),
        new Marker("тұйық көшесі", Kind.STREET),
        new Marker("гүлзары", Kind.STREET),
        new Marker("алаңы", Kind.STREET),
        new Marker("ТҮК", Kind.STREET),
        new Marker("улица", Kind.STREET),
        new Marker("проспект", Kind.STREET),
    };

    private static final String[] COMPASS = {
        "батыс", "шығыс", "солтүстік", "оңтүстік", "орталық", "северо", "западно", "восточно", "южно"
    };
    /** Lower-case words inside street names: "Төле би", "Қабанбай батыр", "Богенбай батыра". */
    private static final String[] CONNECTORS = {"би", "батыр", "батыра", "ата", "жолы"}; // see connector()
    /** First letters of the markers written after a name, to skip the marker loop quickly. */
    private static final String AFTER_INITIALS = "қоаркдштгуппТҚОАРКДШГУП";

    private static final String[] HOUSE_SUFFIX = {"үй", "ү."};
    private static final String[] NO_SUFFIXES = {};
    private static final String[] FLAT_SUFFIX = {"пәтер", "п.", "кеңсе"};
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
        "hwy"
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
        int[] nameEnds = new int[3];
        for (int k = candidates.first(WordStarts.ADDRESS), last = candidates.end(WordStarts.ADDRESS); k < last; k++) {
            int i = starts[k];
            char c = s[i];
            if (i < resume || !Chars.isAlnum(c)) {
                continue;
            }
            if (!Chars.isDigit(c) && !Chars.isUpperCase(c) && !markerLike(s, lower, i)) {
                continue; // most words: component would answer null at once, so no chain starts here
            }
            int end = chain(s, lower, i, nameEnds);
            if (end < 0 && Chars.isDigit(c)) {
                end = english(s, lower, i);
            }
            if (end > 0) {
                out.add(new Finding(EntityType.ADDRESS, i, end, 0.85, "address"));
                resume = end;
            }
        }
    }

    /** End of an accepted address chain starting at {@code start}, or -1; {@code nameEnds} is scratch space. */
    private static int chain(char[] s, char[] lower, int start, int[] nameEnds) {
        boolean house = false;
        boolean locality = false;
        boolean street = false;
        boolean settlement = false;
        int parts = 0;
        int end = -1;
        int p = start;
        Kind previous = null;
        while (parts < 12) {
            Part part = component(s, lower, p, previous, nameEnds);
            if (part == null) {
                break;
            }
            parts++;
            switch (part.kind()) {
                case HOUSE, FLAT -> house |= part.kind() == Kind.HOUSE;
                case CITY -> locality = true;
                case SETTLEMENT -> {
                    locality = true;
                    settlement = true;
                }
                case STREET -> street = true;
                default -> {}
            }
            end = part.end();
            previous = part.kind();
            int q = end;
            int gap = 0;
            while (q < s.length && gap < 3 && (s[q] == ' ' || s[q] == ',')) {
                q++;
                gap++;
            }
            if (q == end) {
                break;
            }
            p = q;
        }
        boolean accept = (house && (street || locality)) || (locality && street) || (settlement && parts >= 3);
        return accept ? end : -1;
    }

    private static Part component(char[] s, char[] lower, int p, Kind previous, int[] ends) {
        if (p >= s.length) {
            return null;
        }
        char first = s[p];
        boolean markerLike = markerLike(s, lower, p);
        if (!Chars.isDigit(first) && !Chars.isUpperCase(first) && !markerLike) {
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
                int e = m.kind() == Kind.HOUSE || m.kind() == Kind.FLAT ? number(s, q) : name(s, q, 3);
                if (e > 0) {
                    return new Part(e, m.kind());
                }
            }
        }
        // Kazakh number forms: 10-үй, 25-пәтер, 5 үй
        if (Chars.isDigit(s[p])) {
            int e = number(s, p);
            if (e > 0) {
                int q = e < s.length && (s[e] == '-' || s[e] == ' ') ? e + 1 : e;
                char next = q < s.length ? lower[q] : 0;
                boolean suffixLike = next == 'ү' || next == 'п' || next == 'к'; // first letters of the suffixes below
                for (String suffix : suffixLike ? HOUSE_SUFFIX : NO_SUFFIXES) {
                    if (Chars.startsWith(lower, suffix, q) && wordEnds(s, q + suffix.length())) {
                        return new Part(q + suffix.length(), Kind.HOUSE);
                    }
                }
                for (String suffix : suffixLike ? FLAT_SUFFIX : NO_SUFFIXES) {
                    if (Chars.startsWith(lower, suffix, q) && wordEnds(s, q + suffix.length())) {
                        return new Part(q + suffix.length(), Kind.FLAT);
                    }
                }
                if (previous == Kind.STREET || previous == Kind.HOUSE) {
                    return new Part(e, previous == Kind.STREET ? Kind.HOUSE : Kind.FLAT);
                }
                if (Chars.digitRun(s, p) == 6 && e == p + 6 && previous != null) {
                    return new Part(e, Kind.POSTCODE);
                }
            }
        }
        char l = lower[p];
        if (previous != null && (l == 'р' || l == 'к' || l == 'қ' || l == 'k')) { // the first letters of COUNTRIES
            for (String country : COUNTRIES) {
                if (Chars.startsWith(lower, country, p) && wordEnds(s, p + country.length())) {
                    return new Part(p + country.length(), Kind.COUNTRY);
                }
            }
        }
        // Kazakh order: name, then marker. Localities are one word ("Сайрам ауданы") unless a compass word starts
        // them, so a person's name before a city is not swallowed; streets may have up to three words.
        int nameWords = Chars.isUpperCase(first) ? nameEnds(s, p, ends) : 0;
        for (int words = 1; words <= nameWords; words++) {
            int e = ends[words - 1];
            int q = e < s.length && s[e] == ' ' ? e + 1 : e;
            if (q >= s.length || !afterInitial(s[q])) {
                continue;
            }
            for (Marker after : AFTER) {
                String text = after.text();
                if ((after.caseSensitive() ? s[q] : lower[q]) != text.charAt(0)) {
                    continue; // cheap first-char test before the full comparison
                }
                if ((after.caseSensitive() ? Chars.startsWith(s, text, q) : Chars.startsWith(lower, text, q))
                        && (after.dotted() || wordEnds(s, q + text.length()) || grammaticalEnding(s, q + text.length()))
                        && (words == 1 || after.kind() == Kind.STREET || compass(lower, p))) {
                    return new Part(after.dotted() ? q + text.length() : wordEnd(s, q + text.length()), after.kind());
                }
            }
        }
        return null;
    }

    private static boolean afterInitial(char c) {
        return c >= 0x400 && c < 0x500 && AFTER_INITIAL[c - 0x400];
    }

    private static final String MARKER_INITIALS = "гупмбшждксоүра";
    private static final boolean[] AFTER_INITIAL = initials(AFTER_INITIALS);
    private static final boolean[] MARKER_INITIAL = initials(MARKER_INITIALS);

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
        Marker m = t == '.' || t == ' ' ? marker(lower, p, e + 1) : null;
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
        while (e < s.length && e - p <= 10 && Chars.isLetter(s[e])) {
            hash = hash * 31 + lower[e];
            e++;
        }
        int length = e - p;
        if (length == 0 || length > 10 || e >= s.length) {
            return false;
        }
        char t = s[e];
        // hyphenated markers (р-н, пр-т, б-р, мк-н) are checked by their first part; the length test only drops
        // hash collisions, which markerAt would reject anyway (no country name collides, see component)
        return (t == '.' || t == ' ' || t == '-')
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
            String next = Chars.isLetter(text.charAt(1)) ? text.substring(1, 2) : ". -";
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
    static final CueIndex MARKER_STARTS = new CueIndex(Arrays.stream(BEFORE)
            .map(Marker::text)
            .flatMap(text -> Chars.isLetter(text.charAt(1))
                    ? Stream.of(text.substring(0, 2))
                    : Stream.of(". -".split("")).map(x -> text.charAt(0) + x))
            .distinct()
            .toArray(String[]::new));

    private static boolean markerPair(char first, char next) {
        int bit = pairIndex(first, next);
        return (MARKER_PAIRS[bit >>> 6] & (1L << bit)) != 0;
    }

    /** For each first letter (U+0400–U+04FF), a bit per length of a marker's letters: most words fail this first. */
    private static final int[] MARKER_LENGTHS = markerLengths();

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

    /** Kazakh case endings after a marker ("көшесінде", "қаласының"), up to four letters. */
    private static boolean grammaticalEnding(char[] s, int p) {
        int e = wordEnd(s, p);
        return e - p <= 4;
    }

    private static int wordEnd(char[] s, int p) {
        int e = p;
        while (e < s.length && Chars.isLetter(s[e])) {
            e++;
        }
        return e;
    }

    /** A house or flat number: digits, optionally a letter, "/2" or "-2"; or -1. */
    private static int number(char[] s, int p) {
        int run = Chars.digitRun(s, p);
        if (run == 0 || run > 6) {
            return -1;
        }
        int e = p + run;
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
            } else if (Chars.isDigit(c) && words == 0) {
                int run = Chars.digitRun(s, q);
                if (run > 2 || q + run + 1 >= s.length || s[q + run] != ' ' || !Chars.isUpperCase(s[q + run + 1])) {
                    break;
                }
                w = q + run;
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
        if (c != 'б' && c != 'а' && c != 'ж') {
            return -1; // the first letters of the connectors
        }
        for (String w : CONNECTORS) {
            if (Chars.startsWith(s, w, q) && Chars.notAlnumAt(s, q + w.length())) {
                return q + w.length();
            }
        }
        return -1;
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
            String word = Chars.string(lower, q, w);
            for (String type : STREET_TYPES) {
                if (word.equals(type) && words > 0) {
                    int end = w < s.length && s[w] == '.' ? w + 1 : w;
                    return englishTail(s, lower, end);
                }
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
        }
        return e;
    }
}
