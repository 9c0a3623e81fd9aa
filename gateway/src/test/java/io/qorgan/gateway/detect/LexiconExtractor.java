package io.qorgan.gateway.detect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Makes the detector's word lists that come from Debian's Hunspell dictionaries: Russian first names and common
 * words shaped like surnames from {@code hunspell-ru} (LibreOffice's ru_RU, Alexander I. Lebedev), Kazakh first names
 * from {@code hunspell-kk} (Akmaral Mussayeva and others). Each
 * output keeps its source and licence in its header; {@code LEXICONS.md} lists them.
 *
 * <p>Run from the repository root with the two packages unpacked somewhere:
 * <pre>
 * apt-get download hunspell-ru hunspell-kk &amp;&amp; for f in hunspell-*.deb; do dpkg-deb -x $f /tmp/hunspell; done
 * ./mvnw -q -B -pl gateway test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * (cd gateway &amp;&amp; java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) \
 *     io.qorgan.gateway.detect.LexiconExtractor /tmp/hunspell/usr/share/hunspell src/main/resources/io/qorgan/gateway/detect)
 * </pre>
 * The output is committed; the input is read as it is, so a rerun on the same packages gives the same files.
 */
final class LexiconExtractor {

    /** Russian entries flagged K (masculine names, patronymics) or I (feminine ones) that are no first names. */
    private static final Set<String> NOT_FIRST_NAMES =
            Set.of("мбит", "мбайт", "браун", "тыва", "корея", "америка", "иуда", "гаврила", "фома", "никита");

    /**
     * Possessive adjectives of first names ("Петров день", "Ильин день") that are far more often the surnames they
     * look like: never an ordinary word to the detector, so "Петров Роман" stays a name.
     */
    private static final Set<String> SURNAMES_NOT_COMMON = Set.of(
            "петров",
            "ильин",
            "антонов",
            "фомин",
            "львов",
            "зарин",
            "танин",
            "женин",
            "лизин",
            "марьин",
            "анютин",
            "валин",
            "гулькин",
            "полянин",
            "соломонов");

    private static final Pattern PATRONYMIC_OR_SURNAME = Pattern.compile(".*(вич|ич|вна|чна|ова|ева|ёва|ина|ына)$");
    /** Lemmas shaped like a surname or its declined form: "вызов", "трудовой", "юридический", "лицевой". */
    private static final Pattern SURNAME_SHAPED =
            Pattern.compile(".*(ов|ев|ёв|ин|ын|ский|цкий|ской|цкой|ой|ко|ук|юк|ых|их|ич|ова|ева|ина)$");

    private LexiconExtractor() {}

    public static void main(String[] args) throws IOException {
        Path hunspell = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Dic ru = Dic.read(hunspell.resolve("ru_RU.dic"));
        Dic kk = Dic.read(hunspell.resolve("kk_KZ.dic"));

        Set<String> ruNames = new TreeSet<>();
        for (String[] entry : ru.capitalised) {
            String word = fold(entry[0]);
            boolean nameFlag = entry[1].equals("K") || entry[1].equals("I");
            if (nameFlag && !PATRONYMIC_OR_SURNAME.matcher(word).matches() && !NOT_FIRST_NAMES.contains(word)) {
                ruNames.add(word);
            }
        }
        Set<String> kkNames = new TreeSet<>();
        for (String[] entry : kk.capitalised) {
            kkNames.add(fold(entry[0]));
        }
        Set<String> common = new TreeSet<>();
        for (String word : ru.lowercase) {
            if (SURNAME_SHAPED.matcher(word).matches() && word.length() >= 4 && !SURNAMES_NOT_COMMON.contains(word)) {
                common.add(word);
            }
        }
        write(
                out.resolve("names-ru-hunspell.txt"),
                RU_HEADER + "# Russian first names: the entries flagged K or I that are no patronymic or surname.\n",
                ruNames);
        write(
                out.resolve("names-kk-hunspell.txt"),
                KK_HEADER + "# Kazakh first names: the capitalised entries.\n",
                kkNames);
        write(
                out.resolve("common-ru-hunspell.txt"),
                RU_HEADER + "# Ordinary Russian words (lemmas) shaped like a surname or its declined form.\n",
                common);
    }

    private static final String RU_HEADER =
            "# From Debian's hunspell-ru: LibreOffice dictionaries, ru_RU by Alexander I. Lebedev (1997-2008).\n"
                    + "# Licence: BSD-style (see LEXICONS.md). Modified version: an extract made by LexiconExtractor.\n";
    private static final String KK_HEADER =
            "# From Debian's hunspell-kk: Kazakh dictionary by Akmaral Mussayeva, László Németh, Rail Aliev (2009).\n"
                    + "# Licence: GPL-2+ or LGPL-2.1+ or MPL-1.1+; used here under MPL-1.1. Modified: an extract made by LexiconExtractor.\n";

    private static String fold(String word) {
        // the Kazakh dictionary writes some і as the Latin i
        String w = word.toLowerCase(Locale.ROOT).replace('ё', 'е');
        boolean cyrillic = w.chars().anyMatch(c -> c >= 0x400 && c < 0x530);
        return cyrillic ? w.replace('i', 'і') : w;
    }

    private static void write(Path file, String header, Set<String> words) throws IOException {
        StringBuilder b = new StringBuilder(header);
        StringBuilder line = new StringBuilder();
        for (String w : words) {
            if (line.length() + w.length() + 1 > 110) {
                b.append(line.toString().strip()).append('\n');
                line.setLength(0);
            }
            line.append(w).append(' ');
        }
        if (line.length() > 0) {
            b.append(line.toString().strip()).append('\n');
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    /** A Hunspell .dic file: its capitalised entries with their flags, and its lower-case stems. */
    private record Dic(List<String[]> capitalised, Set<String> lowercase) {

        static Dic read(Path file) throws IOException {
            List<String[]> capitalised = new ArrayList<>();
            Set<String> lowercase = new TreeSet<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i++) { // the first line is the count
                String line = lines.get(i).strip().replace("\uFEFF", "");
                int slash = line.indexOf('/');
                String word = slash < 0 ? line : line.substring(0, slash);
                String flags = slash < 0 ? "" : line.substring(slash + 1);
                if (word.isEmpty() || !Character.isLetter(word.charAt(0))) {
                    continue;
                }
                if (Character.isUpperCase(word.charAt(0))) {
                    if (word.length() > 1 && Character.isLowerCase(word.charAt(1))) {
                        capitalised.add(new String[] {word, flags});
                    }
                } else {
                    lowercase.add(fold(word));
                }
            }
            return new Dic(capitalised, lowercase);
        }
    }
}
