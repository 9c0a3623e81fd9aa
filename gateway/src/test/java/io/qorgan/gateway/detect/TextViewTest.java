package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TextViewTest {

    @Test
    void of_plainText_isUsedAsItIsWithIdentityOffsets() {
        TextView view = TextView.of("ИИН 900515301234");
        assertThat(view.text()).isEqualTo("ИИН 900515301234");
        assertThat(view.toOriginalStart(4)).isEqualTo(4);
        assertThat(view.toOriginalEnd(16)).isEqualTo(16);
    }

    @Test
    void of_fullwidthDigitsSpacesDashesAndInvisibles_normalisedWithMapBack() {
        String original = "a\u200B\uFF11\u00A0\u2013\u00ADb";
        TextView view = TextView.of(original);
        assertThat(view.text()).isEqualTo("a1 -b");
        assertThat(view.toOriginalStart(1))
                .isEqualTo(2); // '1' came from the fullwidth digit after the zero-width space
        assertThat(view.toOriginalStart(4)).isEqualTo(6); // 'b' after the dropped soft hyphen
        assertThat(view.toOriginalEnd(5)).isEqualTo(original.length());
    }

    @Test
    void of_loneSurrogates_replacedOneForOne() {
        TextView view = TextView.of("x\uD800y\uDC00");
        assertThat(view.text()).isEqualTo("x\uFFFDy\uFFFD");
        assertThat(view.toOriginalEnd(4)).isEqualTo(4);
    }

    @Test
    void of_supplementaryMathDigit_oneDigitMappedToTwoOriginalChars() {
        TextView view = TextView.of("𝟗!");
        assertThat(view.text()).isEqualTo("9!");
        assertThat(view.toOriginalStart(0)).isZero();
        assertThat(view.toOriginalEnd(1)).isEqualTo(2);
    }

    @Test
    void wordStarts_wordsAndSymbols_listedInOrder() {
        TextView view = TextView.of("ab +7 (cd)");
        int[] starts = view.wordStarts();
        assertThat(Arrays.copyOf(starts, view.wordCount())).containsExactly(0, 3, 4, 6, 7);
    }

    @Test
    void scanned_textsWithAndWithoutCharsToNormalise_sameViewAsOfThenScan() {
        for (String text : new String[] {
            "Иван +7 (701) a@b.kz", "ab\u200B\uFF11\u00A0\u2013\u00ADcd Σ", "x\uD800y", "𝟗! Ж", "İlyas №5 «ok»", ""
        }) {
            TextView scanned = TextView.scanned(text);
            TextView of = TextView.of(text);
            assertThat(scanned.text()).as(text).isEqualTo(of.text());
            assertThat(scanned.lower()).as(text).isEqualTo(of.lower());
            assertThat(Arrays.copyOf(scanned.wordStarts(), scanned.wordCount()))
                    .isEqualTo(Arrays.copyOf(of.wordStarts(), of.wordCount()));
            for (int k = 0; k <= of.length(); k++) {
                assertThat(scanned.toOriginalEnd(k)).isEqualTo(of.toOriginalEnd(k));
                if (k < of.length()) {
                    assertThat(scanned.toOriginalStart(k)).isEqualTo(of.toOriginalStart(k));
                }
            }
        }
    }
}
