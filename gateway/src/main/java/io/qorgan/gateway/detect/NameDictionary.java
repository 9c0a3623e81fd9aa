package io.qorgan.gateway.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lower-case name words, each with flags: a first name, a name that is also an ordinary word, a surname. Built
 * once from the bundled lists plus any lists an agency adds; immutable and safe to share.
 *
 * <p>The words sit in an open-addressing hash table keyed by a polynomial hash that can be continued char by
 * char, so a declined word's stem and the stem with a restored ending ("анн" + "а") are looked up without building
 * strings, each with one hash and usually one probe.
 */
final class NameDictionary {

    static final long FIRST_NAME = 1;
    static final long ORDINARY_WORD = 2;
    static final long SURNAME = 4;
    /** An ordinary Russian word shaped like a surname (a lemma: "вызов", "трудовой", "юридический"). */
    static final long COMMON_WORD = 8;
    /** A surname from a long list (surnames-faker.txt): a name only beside further evidence, as a weak surname. */
    static final long LISTED_SURNAME = 16;
    /** A first name known only as an ordinary noun too (name-words.txt: Лилия, Света): its Russian cases are the noun's. */
    static final long NAME_WORD = 32;

    private static final String BASE = "/io/qorgan/gateway/detect/";
    private static final int M = 31;

    private final char[][] keys;
    private final long[] values;
    private final int mask;

    /** A bit per hash of the first three letters of every first name: most words begin like none. */
    private final long[] firstNamePrefixes = new long[1024];

    /** Whether some first name of three letters or more begins with these three. */
    boolean mayBeFirstName(char a, char b, char c) {
        int bit = prefixBit(a, b, c);
        return (firstNamePrefixes[bit >>> 6] & (1L << bit)) != 0;
    }

    private static int prefixBit(char a, char b, char c) {
        return (((a * 31 + b) * 31 + c) * 0x9E3779B1) >>> 16;
    }

    private NameDictionary(Map<String, Long> words) {
        int capacity = Integer.highestOneBit(Math.max(16, words.size() * 3)) << 1; // load under 1/3: short probes
        keys = new char[capacity][];
        values = new long[capacity];
        mask = capacity - 1;
        for (Map.Entry<String, Long> e : words.entrySet()) {
            String w = e.getKey();
            int slot = mix(hash(0, w, 0, w.length())) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = w.toCharArray();
            values[slot] = e.getValue();
            if ((e.getValue() & FIRST_NAME) != 0 && w.length() >= 3) {
                int bit = prefixBit(w.charAt(0), w.charAt(1), w.charAt(2));
                firstNamePrefixes[bit >>> 6] |= 1L << bit;
            }
        }
    }

    /** Polynomial hash continued from {@code h} over {@code chars[from, to)}, so a stem's hash extends to stem + ending. */
    private static int hash(int h, CharSequence chars, int from, int to) {
        for (int i = from; i < to; i++) {
            h = h * M + chars.charAt(i);
        }
        return h;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h;
    }

    private static int hash(int h, char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            h = h * M + chars[i];
        }
        return h;
    }

    /** Flags of the word {@code chars[0, to)} followed by {@code suffix}, whose hash is {@code h}; 0 when unknown. */
    private long get(int h, char[] chars, int to, String suffix) {
        int length = to + suffix.length();
        for (int slot = mix(h) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            char[] key = keys[slot];
            if (key.length == length && Arrays.equals(key, 0, to, chars, 0, to) && endsWith(key, to, suffix)) {
                return values[slot];
            }
        }
        return 0;
    }

    private long get(int h, CharSequence chars, int to, String suffix) {
        int length = to + suffix.length();
        for (int slot = mix(h) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            char[] key = keys[slot];
            if (key.length == length && matches(key, chars, to, suffix)) {
                return values[slot];
            }
        }
        return 0;
    }

    private static boolean endsWith(char[] key, int from, String suffix) {
        for (int i = 0; i < suffix.length(); i++) {
            if (key[from + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(char[] key, CharSequence chars, int to, String suffix) {
        for (int i = 0; i < to; i++) {
            if (key[i] != chars.charAt(i)) {
                return false;
            }
        }
        for (int i = 0; i < suffix.length(); i++) {
            if (key[to + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static NameDictionary load(List<Path> extraFirstNames) {
        Map<String, Long> words = new TreeMap<>();
        for (String file : List.of(
                "names-kk.txt",
                "names-ru.txt",
                "names-en.txt",
                "names-kk-hunspell.txt",
                "names-ru-hunspell.txt",
                "names-central-asia.txt",
                "names-kk-more.txt",
                "names-other.txt",
                "names-other-more.txt",
                "names-short.txt")) {
            readResource(file, words, FIRST_NAME);
        }
        // a name-word no name list has is a first name known only as a word too (Лилия, Света): its Russian cases are
        // the noun's; one a list has (Роза, Вера) keeps the list's reading, declined as a name
        Map<String, Long> nameWords = new HashMap<>();
        readResource("name-words.txt", nameWords, ORDINARY_WORD);
        nameWords.forEach((word, flag) -> words.merge(
                word,
                (words.getOrDefault(word, 0L) & FIRST_NAME) != 0 ? flag : flag | FIRST_NAME | NAME_WORD,
                (a, b) -> a | b));
        readResource("names-kk-words.txt", words, FIRST_NAME | ORDINARY_WORD);
        readResource("names-other-words.txt", words, FIRST_NAME | ORDINARY_WORD);
        addRussianKeyboardSpellings(words);
        readResource("surnames.txt", words, SURNAME);
        readResource("surnames-short.txt", words, SURNAME);
        // the long lists add words, never flags to a word the lists above know ("ким" stays a surname)
        Map<String, Long> listed = new TreeMap<>();
        readResource("names-faker.txt", listed, FIRST_NAME);
        readResource("names-faker-words.txt", listed, FIRST_NAME | ORDINARY_WORD);
        readResource("surnames-faker.txt", listed, LISTED_SURNAME);
        readResource("surnames-other.txt", listed, LISTED_SURNAME);
        listed.forEach(words::putIfAbsent);
        readResource("common-ru-hunspell.txt", words, COMMON_WORD);
        for (Path path : extraFirstNames) {
            try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                read(reader, words, FIRST_NAME);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the name list " + path.getFileName(), e);
            }
        }
        return new NameDictionary(words);
    }

    /** Spellings that are Russian words: "Қожа" typed so is "кожа", skin. */
    private static final List<String> NOT_SPELLINGS = List.of("кожа");

    /**
     * Adds every first name with a Kazakh letter as people type it on a Russian keyboard too ("Сарсен", "Нурсулу",
     * "Гулжанат"), with the name's flags (a name that is a word stays one), unless the lists hold that spelling.
     */
    private static void addRussianKeyboardSpellings(Map<String, Long> words) {
        Map<String, Long> typed = new TreeMap<>();
        for (Map.Entry<String, Long> e : words.entrySet()) {
            String word = e.getKey();
            if ((e.getValue() & FIRST_NAME) == 0) {
                continue;
            }
            String spelling = Lexicons.russianKeyboard(word);
            if (!spelling.equals(word) && !NOT_SPELLINGS.contains(spelling)) {
                typed.merge(spelling, e.getValue(), (a, b) -> a | b);
            }
        }
        typed.forEach(words::putIfAbsent);
    }

    private static void readResource(String name, Map<String, Long> words, long flag) {
        InputStream in = NameDictionary.class.getResourceAsStream(BASE + name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            read(reader, words, flag);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    private static void read(BufferedReader reader, Map<String, Long> words, long flag) throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            for (String word : trimmed.split("[\\s,;]+")) {
                if (!word.isEmpty()) {
                    words.merge(NameForms.fold(word), flag, (a, b) -> a | b);
                }
            }
        }
    }

    /** Endings of adjectives and nouns, each with the lemma endings to try in its place. */
    private static final String[][] COMMON_ENDINGS = {
        {"ого", "ий", "ый", "ой"},
        {"ому", "ий", "ый", "ой"},
        {"ими", "ий"},
        {"ыми", "ый", "ой"},
        {"ая", "ий", "ый", "ой"},
        {"ое", "ий", "ый", "ой"},
        {"ой", "ий", "ый", "ой"},
        {"ую", "ий", "ый", "ой"},
        {"ые", "ый", "ой"},
        {"ие", "ий"},
        {"ых", "ый", "ой"},
        {"их", "ий", "ой"},
        {"ым", "ый", "ой"},
        {"им", "ий"},
        {"ом", "ий", "ый", "ой", ""},
        {"ами", ""},
        {"ах", ""},
        {"ам", ""},
        {"ов", ""},
        {"а", ""},
        {"у", ""},
        {"е", ""},
        {"ы", ""}
    };

    /**
     * Whether the folded word is a form of an ordinary word shaped like a surname ("Трудовой", "Юридическому",
     * "Вызова"): the word, or the word with an adjective or noun ending replaced by a lemma ending.
     */
    boolean commonWord(char[] folded, int length) {
        if ((get(hash(0, folded, 0, length), folded, length, "") & COMMON_WORD) != 0) {
            return true;
        }
        for (String[] ending : COMMON_ENDINGS) {
            int stem = length - ending[0].length();
            if (stem < 3 || !Chars.startsWith(folded, ending[0], stem)) {
                continue;
            }
            int h = hash(0, folded, 0, stem);
            for (int k = 1; k < ending.length; k++) {
                String lemma = ending[k];
                if ((get(hash(h, lemma, 0, lemma.length()), folded, stem, lemma) & COMMON_WORD) != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Flags of {@code folded[0, stem)} followed by {@code ending}, 0 when unknown. */
    long flags(char[] folded, int stem, String ending) {
        return get(hash(hash(0, folded, 0, stem), ending, 0, ending.length()), folded, stem, ending);
    }

    /** Flags of a folded word, 0 when unknown. */
    long flags(CharSequence folded) {
        return get(hash(0, folded, 0, folded.length()), folded, folded.length(), "");
    }

    /** {@link #lookup(char[], int)} of a folded word. */
    long lookup(String folded) {
        return lookup(folded.toCharArray(), folded.length());
    }

    /**
     * Flags of a word or of its base form once a declension ending is taken off (and "а", "я", "й" or "ь" put
     * back: "Анны" → "анна", "Сергея" → "сергей").
     */
    long lookup(char[] folded, int length) {
        long f = get(hash(0, folded, 0, length), folded, length, "") & ~COMMON_WORD;
        if (f != 0 || length == 0 || folded[0] < 0x80) {
            return f; // English names are not declined
        }
        for (char[] ending : NameForms.endingCharsOf(folded, length)) {
            int stemLength = length - ending.length;
            if (stemLength < 3 || !Chars.startsWith(folded, ending, stemLength)) {
                continue;
            }
            int stemHash = hash(0, folded, 0, stemLength);
            long exact = get(stemHash, folded, stemLength, "") & ~COMMON_WORD;
            if (exact != 0) {
                return exact;
            }
            for (String restore : NameForms.RESTORED_ENDINGS) {
                long v = get(hash(stemHash, restore, 0, restore.length()), folded, stemLength, restore) & ~COMMON_WORD;
                if (v != 0) {
                    return v;
                }
            }
        }
        return 0;
    }
}
