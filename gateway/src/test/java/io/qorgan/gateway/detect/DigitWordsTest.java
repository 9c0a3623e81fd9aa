package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link DigitWords}: runs of digit names of an exact length, in three languages and three ways of joining. */
class DigitWordsTest {

    private static int run(String text, int count) {
        return DigitWords.run(text.toCharArray(), 0, count);
    }

    @Test
    void run_exactCount_endOfLastWord() {
        assertThat(run("zero one nine, two two eight, four zero one.", 9)).isEqualTo(43);
        assertThat(run("ноль-три-один, восемь", 4)).isEqualTo(21);
        assertThat(run("нөл бес екі тоғыз", 4)).isEqualTo(17);
    }

    @Test
    void run_longerOrShorterOrBrokenRun_minusOne() {
        assertThat(run("one two three four", 3)).isEqualTo(-1);
        assertThat(run("one two", 3)).isEqualTo(-1);
        assertThat(run("one two, and three", 3)).isEqualTo(-1);
        assertThat(run("twelve one two", 2)).isEqualTo(-1);
        assertThat(run("одиннадцать два", 1)).isEqualTo(-1);
    }

    @Test
    void run_russianNumberWordsInGroups_countTheirDigits() {
        String text = "ноль четыре девять, шестьсот двадцать, триста семнадцать.";
        assertThat(run(text, 9)).isEqualTo(text.length() - 1);
        assertThat(run("ноль один, сорок пять, сто три", 7)).isEqualTo(30); // 01 45 103
        assertThat(run("ноль семь, девятнадцать, двести", 7)).isEqualTo(31); // 07 19 200
        assertThat(run("шестьсот двадцать", 2)).isEqualTo(-1); // 620: three digits
        assertThat(run("двадцать, пять", 2)).isEqualTo(-1); // 20 5: a comma ends the group
    }

    @Test
    void follows_digitWordBefore_true() {
        assertThat(DigitWords.follows("семь ноль".toCharArray(), 5)).isTrue();
        assertThat(DigitWords.follows("номер ноль".toCharArray(), 6)).isFalse();
        assertThat(DigitWords.follows("ноль".toCharArray(), 0)).isFalse();
    }
}
