package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link SuffixSet} answers as "the word ends with a suffix and keeps the stem" on random words. */
class SuffixSetTest {

    private static final String[] SUFFIXES = {"ов", "ова", "ский", "ұлы", "ev", "а", "қызы"};

    @Test
    void endsWithAny_randomWords_sameAsStringEndsWith() {
        SuffixSet set = new SuffixSet(SUFFIXES);
        String alphabet = "овасгийұлқызеva";
        Random random = new Random(5);
        int hits = 0;
        for (int k = 0; k < 50_000; k++) {
            int n = random.nextInt(9);
            char[] word = new char[n + 3]; // room after the word: only word[0, n) may be read
            for (int i = 0; i < word.length; i++) {
                word[i] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String text = new String(word, 0, n);
            int minStem = random.nextInt(3);
            boolean expected = false;
            for (String suffix : SUFFIXES) {
                expected |= text.endsWith(suffix) && n - suffix.length() >= minStem;
            }
            assertThat(set.endsWithAny(word, n, minStem)).as(text).isEqualTo(expected);
            hits += expected ? 1 : 0;
        }
        assertThat(hits).isGreaterThan(1000);
    }

    @Test
    void candidates_suffixesWithTheWordsLastLetter_inTheirOrder() {
        SuffixSet set = new SuffixSet(SUFFIXES);
        char[] word = "иванова".toCharArray();
        assertThat(strings(set.candidates(word, word.length))).containsExactly("ова", "а");
        assertThat(strings(set.candidates(word, 6))).containsExactly("ов");
        assertThat(set.candidates(word, 0)).isEmpty();
    }

    private static String[] strings(char[][] arrays) {
        return Arrays.stream(arrays).map(String::new).toArray(String[]::new);
    }
}
