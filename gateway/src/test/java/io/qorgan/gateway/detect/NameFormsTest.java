package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link NameForms#fold(char[], int, int)} answers as {@link NameForms#fold(CharSequence)} of the same chars. */
class NameFormsTest {

    @Test
    void fold_rangeOfChars_sameAsFoldOfItsString() {
        // the chars String.toLowerCase treats apart (İ, Σ, a surrogate pair), ё both ways, and plain letters
        String alphabet = "AzЁёЕеİiΣσςЯяӘәҚқ\uD801\uDC00Ω-' ";
        Random random = new Random(11);
        int special = 0;
        for (int k = 0; k < 50_000; k++) {
            char[] s = new char[2 + random.nextInt(8)];
            for (int i = 0; i < s.length; i++) {
                s[i] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            int from = random.nextInt(s.length);
            int to = from + random.nextInt(s.length - from + 1);
            String text = new String(s, from, to - from);
            assertThat(NameForms.fold(s, from, to)).as(text).isEqualTo(NameForms.fold(text));
            special += text.contains("İ") || text.contains("Σ") ? 1 : 0;
        }
        assertThat(special).isGreaterThan(1000);
    }

    @Test
    void fold_wordEndingInSigma_finalSigmaAsStringLowerCase() {
        char[] s = "ΟΔΥΣΣΕΥΣ İstanbul Ёлка".toCharArray();
        assertThat(NameForms.fold(s, 0, 8)).isEqualTo("οδυσσευς");
        assertThat(NameForms.fold(s, 9, 17)).isEqualTo("i\u0307stanbul");
        assertThat(NameForms.fold(s, 18, 22)).isEqualTo("елка");
    }
}
