package io.retailgen.governance;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Decides whether a digit run that looks like it could be a phone number is one, with Google's libphonenumber: an
 * international number ({@code +44 ...}, {@code 0044 ...}) must be valid for its country code; a national number
 * must be valid in the default region or in one of the {@link #REGIONS} and formatted like a phone number, or be
 * announced by a word such as "call" or "phone". Only candidates the caller's digit scan found reach the library,
 * so text without digit runs costs nothing here. Verdicts are kept for the numbers last looked up (a shop's contact
 * number recurs in every listing it writes, and the library takes tens of microseconds a number): up to
 * {@link #KEPT} numbers per kind of question, forgotten all at once when more come.
 */
final class Phones {

    /** Where a national number (no country code) is looked up, after the default region: the larger markets. */
    static final List<String> REGIONS = List.of("GB", "US", "DE", "FR", "NL", "BE", "ES", "IT", "IE", "AU", "NZ", "IN",
            "CA", "AT", "CH", "SE", "NO", "DK", "FI", "PL", "PT", "BR", "AR", "MX", "JP", "CN", "ZA", "AE", "SG");

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** How many numbers' verdicts each kind of question keeps. */
    static final int KEPT = 1024;

    private static final Map<String, Boolean> INTERNATIONAL = new ConcurrentHashMap<>();

    private final String defaultRegion;
    private final Map<String, Boolean> national = new ConcurrentHashMap<>();
    private final Map<String, Boolean> local = new ConcurrentHashMap<>();
    private final Map<String, Boolean> asWritten = new ConcurrentHashMap<>();
    private final Map<String, Boolean> groupedLocal = new ConcurrentHashMap<>();

    Phones(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /** The verdict kept for {@code number}, or {@code decide}'s, then kept. */
    private static boolean kept(Map<String, Boolean> verdicts, String number, Predicate<String> decide) {
        Boolean v = verdicts.get(number);
        if (v == null) {
            v = decide.test(number);
            if (verdicts.size() >= KEPT) {
                verdicts.clear();
            }
            verdicts.put(number, v);
        }
        return v;
    }

    /** @return how many verdicts on international numbers are kept now (at most {@link #KEPT}) */
    static int keptInternational() {
        return INTERNATIONAL.size();
    }

    /**
     * @param number the candidate as written (digits with spaces, dashes, dots, brackets, a leading {@code +})
     * @return true when it is a valid international number
     */
    static boolean validInternational(String number) {
        return kept(INTERNATIONAL, number, Phones::validInternationalUncached);
    }

    private static boolean validInternationalUncached(String number) {
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
        return kept(national, number, this::validNationalUncached);
    }

    private boolean validNationalUncached(String number) {
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
     * @return true when it is a valid number in the default region or one of {@link #REGIONS} whose digits are the
     *     digits of that region's national format of it: a number written without the trunk prefix that its region
     *     dials at home ({@code 0} in Germany, the UK, India) is not written as a phone number of that region
     */
    boolean validAsWritten(String number) {
        return kept(asWritten, number, this::validAsWrittenUncached);
    }

    private boolean validAsWrittenUncached(String number) {
        String digits = digits(number);
        if (validIn(number, defaultRegion) && nationalDigits(number, defaultRegion).equals(digits)) {
            return true;
        }
        for (String r : REGIONS) {
            if (!r.equals(defaultRegion) && validIn(number, r) && nationalDigits(number, r).equals(digits)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param number the candidate as written, without a country code
     * @return true when its digit groups have the lengths of the default region's national format of it
     *     ({@code 555 867 5309} in the US, not {@code 5558 675 309})
     */
    boolean groupedAsLocal(String number) {
        return kept(groupedLocal, number, n -> groupLengths(n).equals(groupLengths(formatNational(n, defaultRegion))));
    }

    private static String formatNational(String number, String region) {
        try {
            return UTIL.format(UTIL.parse(number, region), PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
        } catch (NumberParseException e) {
            return "";
        }
    }

    private static String nationalDigits(String number, String region) {
        return digits(formatNational(number, region));
    }

    private static String digits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }

    /** @return the lengths of the digit groups of {@code s}, as "3-3-4" */
    private static String groupLengths(String s) {
        StringBuilder b = new StringBuilder();
        int run = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                run++;
            } else if (run > 0) {
                b.append(b.length() > 0 ? "-" : "").append(run);
                run = 0;
            }
        }
        return b.toString();
    }

    /**
     * @param number the candidate as written, without a country code
     * @return true when it is a possible number (valid length) in the default region, local-only numbers included
     *     ("555-0142")
     */
    boolean possibleLocal(String number) {
        return kept(local, number, this::possibleLocalUncached);
    }

    private boolean possibleLocalUncached(String number) {
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
