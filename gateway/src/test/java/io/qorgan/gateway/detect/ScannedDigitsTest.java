package io.qorgan.gateway.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScannedDigitsTest {

    @Test
    void readsTheLookAlikeLettersOfANumberAsDigits() {
        char[] s = "№ O4З518276 берілді".toCharArray();
        assertEquals("0435182", new String(ScannedDigits.fold(s, 2, 7, 12)));
    }

    @Test
    void leavesWordsAndSeriesLettersAlone() {
        assertNull(ScannedDigits.fold("Основной документ".toCharArray(), 0, 20, 12));
        assertNull(ScannedDigits.fold("I-ОҚ 0551206".toCharArray(), 0, 12, 12)); // no look-alike in a digit run
    }

    @Test
    void aLetterPastTheFirstCharsIsNotEnough() {
        // the run with a read letter starts at 14, past the first 12 chars
        assertNull(ScannedDigits.fold("тексеру жүрді 1O".toCharArray(), 0, 16, 12));
        assertEquals("10", new String(ScannedDigits.fold("тексеру жүрді 1O".toCharArray(), 0, 16, 16), 14, 2));
    }

    /** The quick test before the copy answers null exactly when folding the copy would: the fold without it. */
    @Test
    void theQuickTestAgreesWithTheFoldEverywhere() {
        String alphabet = "0123456789OoОоlIІіЗзNАҚxабв -/.,\n";
        SplittableRandom random = new SplittableRandom(15);
        for (int t = 0; t < 20_000; t++) {
            char[] s = new char[1 + random.nextInt(40)];
            for (int i = 0; i < s.length; i++) {
                s[i] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            int p = random.nextInt(s.length);
            int reach = 1 + random.nextInt(30);
            int within = 1 + random.nextInt(reach);
            assertArrayEquals(
                    ScannedDigits.foldCopy(s, p, reach, within),
                    ScannedDigits.fold(s, p, reach, within),
                    () -> new String(s) + " from " + p + ", reach " + reach + ", within " + within);
        }
    }
}
