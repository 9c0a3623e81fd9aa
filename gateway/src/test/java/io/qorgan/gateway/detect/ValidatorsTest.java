package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Check digits against the worked examples of the reference (all synthetic). */
class ValidatorsTest {

    @Test
    void isValid_referenceIinExamples_accepted() {
        assertThat(KzIdValidator.isValid("900515301234")).isTrue();
        assertThat(KzIdValidator.isValid("850101456780")).isTrue();
        assertThat(KzIdValidator.isValid("050907500429")).isTrue();
        assertThat(KzIdValidator.isValid("880312400531")).isTrue(); // second pass of weights
    }

    @Test
    void isValid_wrongCheckDigit_rejected() {
        assertThat(KzIdValidator.isValid("900515301235")).isFalse();
        assertThat(KzIdValidator.isValid("850101456781")).isFalse();
    }

    @Test
    void checkDigit_baseWithBothPassesTen_hasNoValidNumber() {
        assertThat(KzIdValidator.checkDigit("880312400520", 0)).isEqualTo(-1);
        for (char d = '0'; d <= '9'; d++) {
            assertThat(KzIdValidator.isValid("88031240052" + d)).isFalse();
        }
    }

    @Test
    void isValid_referenceBinExample_acceptedAndShapedLikeBin() {
        assertThat(KzIdValidator.isValid("150340001236")).isTrue();
        assertThat(KzIdValidator.looksLikeBin("150340001236", 0)).isTrue();
        assertThat(KzIdValidator.looksLikeIin("150340001236", 0)).isFalse();
        assertThat(KzIdValidator.isValid("940140000385")).isTrue();
    }

    @Test
    void isValid_ibanExamples_acceptedAndAlteredRejected() {
        assertThat(IbanValidator.isValid("KZ23999A000012345678")).isTrue();
        assertThat(IbanValidator.isValid("KZ86125KZT5004100100")).isTrue();
        assertThat(IbanValidator.isValid("KZ86125KZT5004100101")).isFalse();
        assertThat(IbanValidator.isValid("KZ86125KZT500410010")).isFalse(); // KZ is 20 long
        assertThat(IbanValidator.isValid("KZ86A25KZT5004100100")).isFalse(); // bank code must be digits
        assertThat(IbanValidator.isValid("DE89370400440532013000")).isTrue();
    }

    @Test
    void isValid_cardsOfKnownNetworks_acceptedAndLuhnFailuresRejected() {
        assertThat(CardValidator.isValid("4111111111111111")).isTrue(); // Visa
        assertThat(CardValidator.isValid("5555555555554444")).isTrue(); // Mastercard
        assertThat(CardValidator.isValid("2221000000000009")).isTrue(); // Mastercard 2-series
        assertThat(CardValidator.isValid("371449635398431")).isTrue(); // Amex
        assertThat(CardValidator.isValid("2200000000000004")).isTrue(); // Mir
        assertThat(CardValidator.isValid("6200000000000005")).isTrue(); // UnionPay
        assertThat(CardValidator.isValid("9860001234567897")).isTrue(); // Humo
        assertThat(CardValidator.isValid("8600123456789012")).isTrue(); // Uzcard
        assertThat(CardValidator.isValid("9860001234567898")).isFalse();
        assertThat(CardValidator.isValid("4111111111111112")).isFalse();
        assertThat(CardValidator.isValid("9111111111111111")).isFalse(); // no such issuer
        assertThat(CardValidator.isValid("378282246310005")).isTrue();
    }
}
