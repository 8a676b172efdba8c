package io.retailgen.governance;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;

/**
 * Decides whether a digit run that looks like it could be a phone number is one, with Google's libphonenumber: an
 * international number ({@code +44 ...}, {@code 0044 ...}) must be valid for its country code; a national number
 * must be valid in the default region or in one of the {@link #REGIONS} and formatted like a phone number, or be
 * announced by a word such as "call" or "phone". Only candidates the caller's digit scan found reach the library,
 * so text without digit runs costs nothing here.
 */
final class Phones {

    /** Where a national number (no country code) is looked up, after the default region: the larger markets. */
    static final List<String> REGIONS = List.of("GB", "US", "DE", "FR", "NL", "BE", "ES", "IT", "IE", "AU", "NZ", "IN",
            "CA", "AT", "CH", "SE", "NO", "DK", "FI", "PL", "PT", "BR", "AR", "MX", "JP", "CN", "ZA", "AE", "SG");

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    Phones(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /**
     * @param number the candidate as written (digits with spaces, dashes, dots, brackets, a leading {@code +})
     * @return true when it is a valid international number
     */
    static boolean validInternational(String number) {
        try {
            PhoneNumber n = UTIL.parse(number, "ZZ");
            return UTIL.isValidNumber(n);
        } catch (NumberParseException e) {
            return false;
        }
    }

    /**
     * @param number the candidate as written, without a country code
     * @return true when it is a valid number in the default region or one of {@link #REGIONS}
     */
    boolean validNational(String number) {
        if (validIn(number, defaultRegion)) {
            return true;
        }
        for (String r : REGIONS) {
            if (!r.equals(defaultRegion) && validIn(number, r)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param number the candidate as written, without a country code
     * @return true when it is a possible number (valid length) in the default region, local-only numbers included
     *     ("555-0142")
     */
    boolean possibleLocal(String number) {
        try {
            PhoneNumber n = UTIL.parse(number, defaultRegion);
            PhoneNumberUtil.ValidationResult r = UTIL.isPossibleNumberWithReason(n);
            return r == PhoneNumberUtil.ValidationResult.IS_POSSIBLE
                    || r == PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY;
        } catch (NumberParseException e) {
            return false;
        }
    }

    private static boolean validIn(String number, String region) {
        try {
            return UTIL.isValidNumberForRegion(UTIL.parse(number, region), region);
        } catch (NumberParseException e) {
            return false;
        }
    }
}
