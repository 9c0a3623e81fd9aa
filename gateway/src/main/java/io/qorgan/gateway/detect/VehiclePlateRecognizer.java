package io.qorgan.gateway.detect;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Kazakh licence plates: the 2012 format {@code 123 ABC 01} (3 digits, 2–3 letters, region 01–20) and the legacy
 * {@code A 123 BCD} (region letter first); Russian plates {@code А123ВС 77} (a letter, 3 digits, 2 letters, region, spaced or not);
 * Uzbek private plates {@code 01 A 734 KB}. Cyrillic look-alike letters count as their Latin twins; currency codes
 * are not plates.
 */
final class VehiclePlateRecognizer implements Recognizer {

    private static final String CYRILLIC_LOOKALIKES = "АВЕКМНОРСТХУ";
    private static final String LEGACY_REGIONS = "ABCDEFHLMNPRSTXZ";
    private static final Set<String> NOT_PLATES = words(
            "KZT", "USD", "EUR", "RUB", "KGS", "CNY", "GBP", "TNG", "ТГ", "MB", "GB", "KB", "TB", "KM", "KG", "CM",
            "MM", "PM", "AM");
    private static final String[] CUES = {
        "гос", "номер", "г/н", "нөмір", "plate", "авто", "машин", "көлік", "vehicle", "registration"
    };
    private static final CueSet CUES_SET = new CueSet(CUES);

    @Override
    public void find(TextView view, List<Finding> out) {
        char[] s = view.chars();
        int n = s.length;
        WordStarts candidates = view.starts();
        int[] starts = candidates.sorted();
        int resume = 0;
        for (int k = candidates.first(WordStarts.ADDRESS), last = candidates.end(WordStarts.ADDRESS); k < last; k++) {
            int i = starts[k];
            if (i < resume || i + 6 >= n) {
                continue;
            }
            char c = s[i];
            if (!Chars.isDigit(c) && plateLetter(c) == 0 || !Chars.notAlnumAt(s, i - 1)) {
                continue;
            }
            int end = -1;
            boolean russian = false;
            if (Chars.isDigit(c)) {
                end = modern(s, i, false);
                if (end < 0 && (end = modern(s, i, true)) > 0 && !plateNamed(view, i)) {
                    end = -1; // "500 KZT 12 раз": an amount, unless a plate's word or column names it
                }
                if (end < 0) {
                    end = uzbek(s, i); // a neighbour's car: "Chevrolet Lacetti, 01 A 734 KB"
                }
            } else {
                if (LEGACY_REGIONS.indexOf(plateLetter(c)) >= 0) {
                    end = legacy(s, i);
                }
                if (end < 0) {
                    end = russian(s, i);
                    russian = end > 0;
                }
            }
            if (end > 0) {
                boolean cue = view.anyCue(i - 40, i, CUES_SET);
                boolean legacy = !Chars.isDigit(c) && !russian;
                out.add(new Finding(EntityType.VEHICLE_PLATE, i, end, cue ? 0.9 : legacy ? 0.55 : 0.75, "plate"));
                resume = end;
            }
        }
    }

    /**
     * A plate of 2012 at {@code i}: its end, or -1; {@code codes}: letters that spell a currency or a unit ("318 KZT
     * 05") count too.
     */
    private static int modern(char[] s, int i, boolean codes) {
        if (Chars.digitRun(s, i) != 3) {
            return -1;
        }
        int p = skipSpace(s, i + 3);
        int letters = letters(s, p);
        if (letters < 2
                || letters > 3
                || NOT_PLATES.contains(Chars.string(s, p, p + letters).toUpperCase()) != codes) {
            return -1;
        }
        p = skipSpace(s, p + letters);
        if (Chars.digitRun(s, p) != 2 || !Chars.notAlnumAt(s, p + 2)) {
            return -1;
        }
        int region = (s[p] - '0') * 10 + (s[p + 1] - '0');
        return region >= 1 && region <= 20 ? p + 2 : -1;
    }

    /** Whether a plate's word stands shortly before {@code i} or heads its table column ("Госномер"). */
    private static boolean plateNamed(TextView view, int i) {
        if (view.anyCue(i - 40, i, CUES_SET)) {
            return true;
        }
        char[] lower = view.lower();
        boolean[] named = {false};
        view.tables().headerOf(i, (from, to) -> named[0] |= CUES_SET.anyIn(lower, from, to));
        return named[0];
    }

    private static int legacy(char[] s, int i) {
        int p = skipSpace(s, i + 1);
        if (Chars.digitRun(s, p) != 3) {
            return -1;
        }
        p = skipSpace(s, p + 3);
        int letters = letters(s, p);
        if (letters != 3
                || !Chars.notAlnumAt(s, p + 3)
                || NOT_PLATES.contains(Chars.string(s, p, p + 3).toUpperCase())) {
            return -1;
        }
        return p + 3;
    }

    /**
     * A Russian plate: a letter, three digits, two letters and a region of two or three digits ("А123ВС 77"), or the
     * same spaced out ("А 458 ОР 123").
     */
    private static int russian(char[] s, int i) {
        boolean spaced = i + 1 < s.length && s[i + 1] == ' ';
        int digits = spaced ? i + 2 : i + 1;
        int letters = spaced ? digits + 4 : digits + 3;
        if (Chars.digitRun(s, digits) != 3
                || spaced && (letters - 1 >= s.length || s[letters - 1] != ' ')
                || letters(s, letters) != 2) {
            return -1;
        }
        int p = letters + 2;
        if (p < s.length && s[p] == ' ') {
            p++;
        }
        int run = Chars.digitRun(s, p);
        return (run == 2 || run == 3) && Chars.notAlnumAt(s, p + run) ? p + run : -1;
    }

    /** The regions of Uzbekistan's plates: Tashkent city 01, the regions 10 to 95 in steps of five or ten. */
    private static final Set<String> UZBEK_REGIONS =
            words("01", "10", "20", "25", "30", "40", "50", "60", "70", "75", "80", "85", "90", "95");

    /**
     * An Uzbek private car's plate at {@code i}: the region's two digits, a letter, three digits and two letters
     * ("01 A 734 KB", "30 K 555 AA"), spaced; its end, or -1.
     */
    private static int uzbek(char[] s, int i) {
        if (Chars.digitRun(s, i) != 2 || i + 11 > s.length || !UZBEK_REGIONS.contains(Chars.string(s, i, i + 2))) {
            return -1;
        }
        if (s[i + 2] != ' ' || plateLetter(s[i + 3]) == 0 || s[i + 4] != ' ' || Chars.digitRun(s, i + 5) != 3) {
            return -1;
        }
        int p = i + 9;
        if (s[i + 8] != ' ' || letters(s, p) != 2 || !Chars.notAlnumAt(s, p + 2)) {
            return -1;
        }
        return p + 2; // the whole shape says plate: its last letters may spell a unit ("KB") as they like
    }

    private static int skipSpace(char[] s, int p) {
        return p < s.length && (s[p] == ' ' || s[p] == '-') ? p + 1 : p;
    }

    private static int letters(char[] s, int p) {
        int k = 0;
        while (p + k < s.length && plateLetter(s[p + k]) != 0) {
            k++;
        }
        return k;
    }

    /** The Latin capital a plate letter stands for, or 0. */
    static char plateLetter(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c;
        }
        if (c < 'А' || c > 'Я') {
            return 0;
        }
        int k = CYRILLIC_LOOKALIKES.indexOf(c);
        return k < 0 ? 0 : "ABEKMHOPCTXY".charAt(k);
    }

    private static Set<String> words(String... words) {
        return Set.copyOf(Arrays.asList(words));
    }
}
