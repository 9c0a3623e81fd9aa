package io.qorgan.gateway.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The word lists bundled with the detector ({@code src/main/resources/io/qorgan/gateway/detect/}), each with its
 * source and licence in its header and in {@code LEXICONS.md} there: lines of words separated by spaces, commas or
 * semicolons, {@code #} starting a comment line.
 */
final class Lexicons {

    private static final String BASE = "/io/qorgan/gateway/detect/";

    private Lexicons() {}

    /**
     * Words that name a number of something other than a person (cadastre, contract, application, case, invoice, order,
     * ticket, article, inventory, appeal): a number after one is neither a phone nor a document.
     */
    static final String[] OTHER_NUMBER_WORDS = {
        "кадастр",
        "договор",
        "заявк",
        "дело",
        "счет",
        "счёт",
        "invoice",
        "order",
        "ticket",
        "артикул",
        "инв",
        "обращени", // an appeal's or application's number: "Номер вашего обращения 2410-557-883"
        "өтініш"
    };

    /** Word lists one after another, as one list: cue lists built from others. */
    static String[] concat(String[]... lists) {
        int n = 0;
        for (String[] list : lists) {
            n += list.length;
        }
        String[] all = new String[n];
        int k = 0;
        for (String[] list : lists) {
            System.arraycopy(list, 0, all, k, list.length);
            k += list.length;
        }
        return all;
    }

    /** The Kazakh letters, and the Russian ones people type for them on a Russian keyboard ("Сәрсен" as "Сарсен"). */
    static final String KAZAKH_LETTERS = "әғқңөұүһі";

    static final String RUSSIAN_FOR_KAZAKH = "агкноуухи";

    /** {@code word} as typed on a Russian keyboard: each Kazakh letter as its Russian stand-in. */
    static String russianKeyboard(String word) {
        char[] chars = word.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            int k = KAZAKH_LETTERS.indexOf(chars[i]);
            if (k >= 0) {
                chars[i] = RUSSIAN_FOR_KAZAKH.charAt(k);
            }
        }
        return new String(chars);
    }

    /** The cues, and after them each Kazakh one as typed on a Russian keyboard ("туған күні", "туган куни"). */
    static String[] withRussianKeyboard(String[] cues) {
        Set<String> all = new LinkedHashSet<>(Arrays.asList(cues));
        for (String cue : cues) {
            all.add(russianKeyboard(cue));
        }
        return all.toArray(new String[0]);
    }

    /** What parts the words of a list's line: compiled once, where {@code String.split} compiled it for each line. */
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s,;]+");

    /** The folded words of a bundled list, in file order. */
    static Set<String> words(String resource) {
        Set<String> words = new LinkedHashSet<>();
        for (String line : lines(resource)) {
            for (String word : WORD_SEPARATORS.split(line)) {
                if (!word.isEmpty()) {
                    words.add(NameForms.fold(word));
                }
            }
        }
        return words;
    }

    /** The lines of a bundled list, stripped, without blank and comment lines, in file order. */
    static List<String> lines(String resource) {
        List<String> lines = new ArrayList<>();
        InputStream in = Lexicons.class.getResourceAsStream(BASE + resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lines.add(trimmed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
        return lines;
    }
}
