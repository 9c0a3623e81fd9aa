package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Phones said in number words, as transcripts write them. Every line is written for this test; all numbers made up. */
class SpokenPhoneTest {

    private static final Detector DETECTOR = Detector.defaults();

    private static List<String> phones(String text) {
        return Found.values(DETECTOR, text, EntityType.PHONE);
    }

    @Test
    void detect_russianGroupsWithHundredsTensAndPauses_phone() {
        assertThat(phones("Оператор: ваш телефон?\nКлиент: восемь семьсот пять, двести десять, сорок, ноль три."))
                .containsExactly("восемь семьсот пять, двести десять, сорок, ноль три");
        assertThat(phones("Домашний с кодом: восемь, семь один восемь два, пятьдесят, тридцать один, ноль ноль"))
                .containsExactly("восемь, семь один восемь два, пятьдесят, тридцать один, ноль ноль");
        assertThat(phones("— Номер? — восемь семь ноль один... э-э... шесть два три... сорок... восемнадцать"))
                .containsExactly("восемь семь ноль один... э-э... шесть два три... сорок... восемнадцать");
    }

    @Test
    void detect_kazakhAndEnglishAndMixed_phone() {
        assertThat(phones("байланыс нөмірім сегіз жеті жүз алпыс бір, үш жүз он, жиырма екі, елу"))
                .containsExactly("сегіз жеті жүз алпыс бір, үш жүз он, жиырма екі, елу");
        assertThat(phones("call me on eight seven oh seven four four one double-two nine oh"))
                .containsExactly("eight seven oh seven four four one double-two nine oh");
        assertThat(phones("my UK number is plus four four, seven nine one one, two three four, five six seven"))
                .containsExactly("plus four four, seven nine one one, two three four, five six seven");
        assertThat(phones("тел: сегіз, жеті жүз жеті, пятьсот двенадцать, он екі, ноль девять"))
                .containsExactly("сегіз, жеті жүз жеті, пятьсот двенадцать, он екі, ноль девять");
    }

    @Test
    void detect_countsAndShortNumbersInWords_noPhone() {
        assertThat(phones("у нас семь кошек, восемь собак и два попугая")).isEmpty();
        assertThat(phones("приём с восьми до семнадцати, перерыв с тринадцати до четырнадцати"))
                .isEmpty();
        assertThat(phones("seven hundred and twenty people attended, eight of them speakers"))
                .isEmpty();
        // eleven digits that are no mobile and no phone word near: a count read out
        assertThat(phones("восемь, три, два, один, четыре, пять, шесть, два, один, ноль, девять раз подряд"))
                .isEmpty();
    }
}
