package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The dictionary finds every listed word, as written or declined, and few random words. */
class NameDictionaryTest {

    private final NameDictionary names = NameDictionary.load(List.of());

    @Test
    void lookup_everyListedWord_found() throws IOException {
        List<String> words = words();
        assertThat(words).hasSizeGreaterThan(500);
        for (String word : words) {
            assertThat(names.flags(NameForms.fold(word))).as(word).isNotZero();
            assertThat(names.lookup(NameForms.fold(word))).as(word).isNotZero();
        }
    }

    @Test
    void lookup_declinedForms_foundByTheirBase() {
        assertThat(names.lookup("анны") & NameDictionary.FIRST_NAME).isNotZero();
        assertThat(names.lookup("сергея") & NameDictionary.FIRST_NAME).isNotZero();
        assertThat(names.lookup("айгүлге") & NameDictionary.FIRST_NAME).isNotZero();
    }

    @Test
    void lookup_randomWords_mostlyRejectedByThePreCheck() {
        Random random = new Random(1);
        int found = 0;
        for (int k = 0; k < 10_000; k++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0, n = 4 + random.nextInt(6); i < n; i++) {
                sb.append((char) ('а' + random.nextInt(32)));
            }
            found += names.lookup(sb.toString()) != 0 ? 1 : 0;
        }
        assertThat(found).isLessThan(100);
    }

    private static List<String> words() throws IOException {
        List<String> out = new ArrayList<>();
        for (String file : List.of(
                "names-kk.txt",
                "names-ru.txt",
                "names-en.txt",
                "name-words.txt",
                "surnames.txt",
                "names-faker.txt",
                "names-faker-words.txt",
                "surnames-faker.txt")) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    NameDictionary.class.getResourceAsStream("/io/qorgan/gateway/detect/" + file),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String t = line.strip();
                    if (!t.isEmpty() && !t.startsWith("#")) {
                        for (String w : t.split("[\\s,;]+")) {
                            if (!w.isEmpty()) {
                                out.add(w);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }
}
