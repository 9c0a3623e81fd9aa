package io.qorgan.gateway.protect;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.detect.Detector;
import io.qorgan.gateway.detect.DetectorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberTextTest {

    @ParameterizedTest
    @CsvSource({
        "871114403172, 871114403172",
        "-871114403172, -871114403172",
        "8.71114403172E11, 871114403172",
        "8.71114403172e+11, 871114403172",
        "871114403172.000, 871114403172",
        "1234567, 1234567",
    })
    void scanned_wholeNumbersOfSevenDigitsOrMore_asTheirDigits(String literal, String digits) {
        assertThat(NumberText.scanned(literal)).isEqualTo(digits);
    }

    @ParameterizedTest
    @CsvSource({"0", "123456", "-999999", "0.77015551234", "871114403172.5", "3.14159", "1e-7", "1e400", "1.5E3"})
    void scanned_fractionsAndShortNumbers_notScanned(String literal) {
        assertThat(NumberText.scanned(literal)).isNull();
    }

    /**
     * The shortcut is safe: no recognizer finds anything in a whole number of six digits or fewer, at any score. Every
     * such number is tried, with every type on and no threshold.
     */
    @Test
    void detector_everyNumberOfSixDigitsOrFewer_findsNothing() {
        Detector detector = Detector.create(DetectorSettings.defaults().withMinScore(0));
        int found = 0;
        for (int n = 0; n < 1_000_000; n++) {
            String s = Integer.toString(n);
            found += detector.detect(s).size() + detector.detect("-" + s).size();
        }
        assertThat(found).isZero();
        assertThat(detector.detect("7015551234"))
                .as("ten digits can be a phone")
                .isNotEmpty();
    }
}
