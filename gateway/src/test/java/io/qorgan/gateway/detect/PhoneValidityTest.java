package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link PhoneValidity} answers as libphonenumber does, on random and on real-shaped numbers. */
class PhoneValidityTest {

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final PhoneValidity validity = new PhoneValidity(util);

    /** Country codes with one region, with several (7, 1, 44, 47, 590), and the recognizer's foreign regions'. */
    private static final int[] CODES = {
        7, 1, 44, 49, 33, 39, 972, 91, 55, 86, 81, 90, 998, 996, 380, 375, 47, 590, 61, 262, 212, 358
    };

    @Test
    void valid_randomNationalNumbers_sameAsIsValidNumber() {
        Random random = new Random(11);
        int validSeen = 0;
        for (int k = 0; k < 20_000; k++) {
            int cc = CODES[random.nextInt(CODES.length)];
            String national = randomNational(random);
            boolean expected = util.isValidNumber(number(cc, national));
            validSeen += expected ? 1 : 0;
            assertThat(validity.valid(cc, national)).as("+%d %s", cc, national).isEqualTo(expected);
        }
        assertThat(validSeen).as("the random numbers include valid ones").isGreaterThan(500);
    }

    @Test
    void validInRegion_randomKazakhNumbers_sameAsIsValidNumberForRegion() {
        Random random = new Random(12);
        int validSeen = 0;
        for (int k = 0; k < 20_000; k++) {
            String national = randomNational(random);
            boolean expected = util.isValidNumberForRegion(number(7, national), "KZ");
            validSeen += expected ? 1 : 0;
            assertThat(validity.validInRegion(national, "KZ")).as(national).isEqualTo(expected);
        }
        assertThat(validSeen).as("the random numbers include valid ones").isGreaterThan(200);
    }

    @Test
    void valid_exampleNumbersOfEveryRegionAndType_sameAsIsValidNumber() {
        int checked = 0;
        for (String region : util.getSupportedRegions()) {
            for (PhoneNumberUtil.PhoneNumberType type : PhoneNumberUtil.PhoneNumberType.values()) {
                PhoneNumber example = util.getExampleNumberForType(region, type);
                if (example == null) {
                    continue;
                }
                String national = util.getNationalSignificantNumber(example);
                int cc = example.getCountryCode();
                assertThat(validity.valid(cc, national))
                        .as("%s %s +%d %s", region, type, cc, national)
                        .isEqualTo(util.isValidNumber(number(cc, national)));
                assertThat(validity.validInRegion(national, region))
                        .as("%s %s %s", region, type, national)
                        .isEqualTo(util.isValidNumberForRegion(number(cc, national), region));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void valid_randomNumbersOfEveryGeographicCallingCode_sameAsIsValidNumber() {
        Random random = new Random(13);
        for (int cc : util.getSupportedCallingCodes()) {
            for (int k = 0; k < 40 && validity.geographic(cc); k++) { // as PhoneRecognizer asks
                String national = randomNational(random);
                assertThat(validity.valid(cc, national))
                        .as("+%d %s", cc, national)
                        .isEqualTo(util.isValidNumber(number(cc, national)));
            }
        }
    }

    /** 4–14 digits; often a known-good prefix so that valid numbers are common, sometimes leading zeros. */
    private static String randomNational(Random random) {
        String[] prefixes = {"", "0", "00", "70", "77", "7172", "727", "415", "212", "20", "30", "6", "9", "1", "5"};
        StringBuilder b = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
        int length = 4 + random.nextInt(11);
        while (b.length() < length) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.substring(0, Math.max(4, Math.min(b.length(), 14)));
    }

    /** The number as PhoneRecognizer used to build it for libphonenumber: leading zeros kept as such. */
    private static PhoneNumber number(int cc, String national) {
        PhoneNumber number = new PhoneNumber().setCountryCode(cc).setNationalNumber(Long.parseLong(national));
        int zeros = 0;
        while (zeros < national.length() - 1 && national.charAt(zeros) == '0') {
            zeros++;
        }
        if (zeros > 0) {
            number.setItalianLeadingZero(true).setNumberOfLeadingZeros(zeros);
        }
        return number;
    }
}
