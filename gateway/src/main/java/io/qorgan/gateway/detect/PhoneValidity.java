package io.qorgan.gateway.detect;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a national number is valid, with the same answers as libphonenumber's {@code isValidNumber} and
 * {@code isValidNumberForRegion}, from the same metadata, for less work.
 *
 * <p>libphonenumber asks for the number's type: the general pattern, then up to ten type patterns in a fixed
 * order, each through a synchronised regex cache; {@code isValidNumber} does this twice, once to pick the region
 * and once to validate in it. Validity only needs to know that the general pattern and some type pattern match,
 * so here the rules of a region are compiled once (on its first use, then kept for the life of the detector),
 * fixed-line and mobile go first, and the region pick's answer is reused. {@code PhoneValidityTest} checks the
 * answers against libphonenumber on random numbers.
 */
final class PhoneValidity {

    /**
     * One pattern with the national-number lengths it allows, and the first two digits a number it matches can
     * start with: most numbers fail a type's pattern, and the two-digit test settles most of them without a
     * matcher. The pairs are found when the rule is made, by matching each pair alone: a pair that begins some
     * match reaches the end of the input on the way ({@link java.util.regex.Matcher#hitEnd}).
     */
    private record Rule(long lengths, boolean anyLength, Pattern pattern, long[] firstTwo) {

        static Rule of(PhoneNumberDesc desc) {
            List<Integer> possible = desc.getPossibleLengthList();
            long mask = 0;
            for (int length : possible) {
                if (length >= 0 && length < 64) {
                    mask |= 1L << length;
                }
            }
            String regex = desc.getNationalNumberPattern();
            return of(mask, possible.isEmpty(), regex.isEmpty() ? null : Pattern.compile(regex));
        }

        static Rule of(long lengths, boolean anyLength, Pattern pattern) {
            long[] firstTwo = new long[2];
            for (int pair = 0; pair < 100 && pattern != null; pair++) {
                Matcher m = pattern.matcher(String.format("%02d", pair));
                if (m.matches() || m.hitEnd()) {
                    firstTwo[pair >>> 6] |= 1L << pair;
                }
            }
            return new Rule(lengths, anyLength, pattern, firstTwo);
        }

        boolean matches(String number) {
            int length = number.length();
            if (!anyLength && (length >= 64 || (lengths & (1L << length)) == 0)) {
                return false;
            }
            if (pattern == null) {
                return false;
            }
            if (length >= 2 && Chars.isDigit(number.charAt(0)) && Chars.isDigit(number.charAt(1))) {
                int pair = (number.charAt(0) - '0') * 10 + number.charAt(1) - '0';
                if ((firstTwo[pair >>> 6] & (1L << pair)) == 0) {
                    return false;
                }
            }
            return pattern.matcher(number).matches();
        }
    }

    /** A region's rules: the general one, then the types, most common first. */
    private record Region(String code, Rule general, Rule[] types, Pattern leadingDigits) {

        static Region of(String code, PhoneMetadata md) {
            Rule[] types = {
                Rule.of(md.getFixedLine()),
                Rule.of(md.getMobile()),
                Rule.of(md.getPremiumRate()),
                Rule.of(md.getTollFree()),
                Rule.of(md.getSharedCost()),
                Rule.of(md.getVoip()),
                Rule.of(md.getPersonalNumber()),
                Rule.of(md.getPager()),
                Rule.of(md.getUan()),
                Rule.of(md.getVoicemail())
            };
            if (md.getSameMobileAndFixedLinePattern()) {
                types[1] = Rule.of(0, false, null); // libphonenumber does not test mobile separately then
            }
            Pattern leading = md.hasLeadingDigits() ? Pattern.compile(md.getLeadingDigits()) : null;
            return new Region(code, Rule.of(md.getGeneralDesc()), types, leading);
        }

        /** libphonenumber's "type is not UNKNOWN". */
        boolean valid(String number) {
            if (!general.matches(number)) {
                return false;
            }
            for (Rule type : types) {
                if (type.matches(number)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final MetadataSource metadata =
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    private final ConcurrentHashMap<String, Region> regions = new ConcurrentHashMap<>();
    /** Region codes of each country calling code (1–999), in libphonenumber's order; empty when none. */
    private final String[][] regionsByCode = new String[1000][];
    /** Calling codes that have regions and none of them the non-geographic "001". */
    private final boolean[] geographic = new boolean[1000];

    PhoneValidity(PhoneNumberUtil util) {
        for (int cc = 0; cc < regionsByCode.length; cc++) {
            regionsByCode[cc] = util.getRegionCodesForCountryCode(cc).toArray(new String[0]);
            String main = util.getRegionCodeForCountryCode(cc);
            geographic[cc] = !PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(main) && !"ZZ".equals(main);
        }
    }

    /** Whether {@code countryCode} belongs to a country or territory: libphonenumber's main region is neither "001" nor "ZZ". */
    boolean geographic(int countryCode) {
        return countryCode >= 0 && countryCode < geographic.length && geographic[countryCode];
    }

    private Region region(String code) {
        return regions.computeIfAbsent(code, c -> Region.of(c, metadata.getMetadataForRegion(c)));
    }

    /**
     * {@code isValidNumberForRegion} for a number of {@code region}'s own country code, given as its national
     * significant number (leading zeros included).
     */
    boolean validInRegion(String nationalNumber, String region) {
        return region(region).valid(nationalNumber);
    }

    /** {@code isValidNumber} for a geographic country code and a national significant number. */
    boolean valid(int countryCode, String nationalNumber) {
        String[] codes =
                countryCode >= 0 && countryCode < regionsByCode.length ? regionsByCode[countryCode] : new String[0];
        if (codes.length == 0) {
            return false;
        }
        if (codes.length == 1) {
            return region(codes[0]).valid(nationalNumber);
        }
        // libphonenumber's region pick: the first region whose leading digits match, or whose types know the number
        for (String code : codes) {
            Region region = region(code);
            if (region.leadingDigits() != null) {
                if (region.leadingDigits().matcher(nationalNumber).lookingAt()) {
                    return region.valid(nationalNumber);
                }
            } else if (region.valid(nationalNumber)) {
                return true;
            }
        }
        return false;
    }
}
