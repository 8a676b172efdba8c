package io.retailgen.governance;

import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * E-mail addresses (also spelled out), phone numbers of every region (libphonenumber, also as digit words),
 * Luhn-valid card numbers, IBANs and street addresses (US, UK and continental forms), found in the light view. The
 * number checks start from digit runs only, and a run that a word before it names as another kind of number (lot,
 * SKU, order), a date, a price or a size is never taken for a phone number.
 */
final class PiiCheck implements Check {

    /** Types of street, full and abbreviated, lower case (also read by {@link ProfanityCheck} for street names). */
    static final Set<String> STREET_TYPES = Set.of("street", "st", "avenue", "ave", "road", "rd",
            "boulevard", "blvd", "lane", "ln", "drive", "dr", "court", "ct", "way", "place", "pl", "terrace",
            "crescent", "parkway", "pkwy", "highway", "hwy", "square", "sq", "circle", "cir", "trail", "alley",
            "gardens", "mews");
    /** {@link #STREET_TYPES} by length, as char arrays. */
    private static final char[][][] STREET_TYPES_BY_LENGTH = byLength(STREET_TYPES);

    private static char[][][] byLength(Set<String> words) {
        int max = words.stream().mapToInt(String::length).max().orElse(0);
        char[][][] out = new char[max + 1][][];
        for (int len = 0; len <= max; len++) {
            final int l = len;
            out[len] = words.stream().filter(w -> w.length() == l).sorted().map(String::toCharArray)
                    .toArray(char[][]::new);
        }
        return out;
    }

    /** @return {@code STREET_TYPES.contains(new String(c, s, e - s))}, without the copy */
    private static boolean streetType(char[] c, int s, int e) {
        int len = e - s;
        if (len >= STREET_TYPES_BY_LENGTH.length) {
            return false;
        }
        for (char[] w : STREET_TYPES_BY_LENGTH[len]) {
            if (java.util.Arrays.equals(c, s, e, w, 0, len)) {
                return true;
            }
        }
        return false;
    }

    /** The default region for national phone numbers when none is configured. */
    static final String DEFAULT_REGION = "US";

    private final Set<PiiKind> kinds;
    private final Severity severity;
    private final Phones phones;

    PiiCheck(Set<PiiKind> kinds, Severity severity) {
        this(kinds, severity, DEFAULT_REGION);
    }

    PiiCheck(Set<PiiKind> kinds, Severity severity, String region) {
        this.kinds = kinds.isEmpty() ? EnumSet.noneOf(PiiKind.class) : EnumSet.copyOf(kinds);
        this.severity = severity;
        this.phones = new Phones(region);
    }

    @Override
    public void run(Analysis analysis, List<Hit> out) {
        if (kinds.isEmpty()) {
            return;
        }
        TextView v = analysis.light();
        // an '@' in the light view is an ASCII '@' of the text or came from folding another char
        if (kinds.contains(PiiKind.EMAIL) && (v.foldedAt || analysis.text.indexOf('@') >= 0)) {
            emails(v, out);
        }

        // where the address scan may start: no digit lies before the first that the number scan met
        int noDigitBefore = 0;
        if (kinds.contains(PiiKind.CARD) || kinds.contains(PiiKind.PHONE) || kinds.contains(PiiKind.IBAN)) {
            noDigitBefore = numbers(v, out);
        }
        if (kinds.contains(PiiKind.EMAIL) && SpelledContacts.mayHaveSpelledEmail(analysis.text)) {
            SpelledContacts.emails(analysis.text, (s, e) -> out.add(new Hit(new Finding(s, e, "pii.email", "pii",
                    severity, "personal data (email, spelled out)", 0.9), "[EMAIL]")));
        }
        if (kinds.contains(PiiKind.ADDRESS)) {
            addresses(v, analysis.text, noDigitBefore, out);
        }
    }

    private void add(TextView v, int s, int e, PiiKind kind, List<Hit> out) {
        add(v, s, e, kind, 1.0, out);
    }

    private void add(TextView v, int s, int e, PiiKind kind, double confidence, List<Hit> out) {
        String name = kind.name().toLowerCase(java.util.Locale.ROOT);
        out.add(new Hit(new Finding(v.originalStart(s), v.originalEnd(e), "pii." + name, "pii", severity,
                "personal data (" + name + ")", confidence), "[" + kind.name() + "]"));
    }

    private static boolean localChar(char c) {
        return (c < 128 && CharClass.isLetterOrDigit(c)) || c == '.' || c == '_' || c == '%' || c == '+'
                || c == '-';
    }

    private static boolean domainChar(char c) {
        return (c < 128 && CharClass.isLetterOrDigit(c)) || c == '.' || c == '-';
    }

    private void emails(TextView v, List<Hit> out) {
        char[] c = v.chars;
        for (int i = 0; i < v.length; i++) {
            if (c[i] != '@') {
                continue;
            }
            int s = i;
            while (s > 0 && localChar(c[s - 1])) {
                s--;
            }
            while (s < i && c[s] == '.') {
                s++;
            }
            int e = i + 1;
            while (e < v.length && domainChar(c[e])) {
                e++;
            }
            while (e > i + 1 && (c[e - 1] == '.' || c[e - 1] == '-')) {
                e--;
            }
            if (s == i || e == i + 1) {
                continue;
            }
            int lastDot = -1;
            for (int k = i + 1; k < e; k++) {
                if (c[k] == '.') {
                    lastDot = k;
                }
            }
            if (lastDot <= i + 1 || e - lastDot - 1 < 2) {
                continue;
            }
            boolean tldLetters = true;
            for (int k = lastDot + 1; k < e; k++) {
                tldLetters &= CharClass.isLetter(c[k]);
            }
            if (tldLetters) {
                add(v, s, e, PiiKind.EMAIL, out);
                i = e - 1;
            }
        }
    }

    /** @return an index at or before the view's first digit (its length when it has none) */
    private int numbers(TextView v, List<Hit> out) {
        char[] c = v.chars;
        int n = v.length;
        boolean phones = kinds.contains(PiiKind.PHONE);
        // runs of words shaped like digit words ("five", "oh"), counted on the way: only a run of nine or more sends
        // the text to the exact digit-word scan
        int wordStart = 0;
        int wordRun = 0;
        boolean digitWords = false;
        int firstDigit = n;
        int i = 0;
        while (i < n) {
            // letters, most of any text: nothing starts here (an IBAN is looked for from its digits); skipped in a
            // tight loop of their own
            char ch = c[i];
            while (ch >= 'a' && (ch <= 'z' || CharClass.isLetter(ch))) {
                if (++i == n) {
                    break;
                }
                ch = c[i];
            }
            if (i == n) {
                break;
            }
            if (ch == ' ') {
                // the end of a word, the most common stop: no number starts at a space
                if (phones) {
                    wordRun = SpelledContacts.digitWordShaped(c, wordStart, i) ? wordRun + 1 : 0;
                    digitWords |= wordRun >= 9;
                    wordStart = i + 1;
                }
                i++;
                continue;
            }
            boolean startChar = isDigit(ch) || ((ch == '+' || ch == '(') && i + 1 < n && isDigit(c[i + 1]));
            if (startChar && firstDigit == n) {
                firstDigit = i; // every char before i was visited: letters skip no digit, jumps start at a startChar
            }
            if (startChar && kinds.contains(PiiKind.IBAN) && i >= 2 && CharClass.isLetter(c[i - 1])
                    && CharClass.isLetter(c[i - 2]) && (i == 2 || !CharClass.isLetterOrDigit(c[i - 3]))) {
                int ibanEnd = Iban.at(c, i - 2, n);
                if (ibanEnd > 0) {
                    add(v, i - 2, ibanEnd, PiiKind.IBAN, out);
                    i = ibanEnd;
                    continue;
                }
            }
            if (!startChar || (i > 0 && (CharClass.isLetterOrDigit(c[i - 1]) || c[i - 1] == '.'
                    || c[i - 1] == ',' || c[i - 1] == '$' || c[i - 1] == '#'))) {
                i++;
                continue;
            }
            boolean plus = ch == '+';
            boolean paren = false;
            int digits = 0;
            int groups = 0;
            int minGroup = Integer.MAX_VALUE;
            int firstGroup = -1;
            int groupLen = 0;
            boolean onlySpaceDash = true;
            int j = plus ? i + 1 : i;
            int lastDigit = -1;
            int seps = 0;
            while (j < n) {
                char d = c[j];
                if (isDigit(d)) {
                    digits++;
                    groupLen++;
                    lastDigit = j;
                    seps = 0;
                } else if ((d == ' ' || d == '-' || d == '.' || d == '(' || d == ')') && seps < 2) {
                    if (groupLen > 0) {
                        groups++;
                        minGroup = Math.min(minGroup, groupLen);
                        if (firstGroup < 0) {
                            firstGroup = groupLen;
                        }
                        groupLen = 0;
                    }
                    if (d == '(' || d == ')') {
                        paren = true;
                    }
                    if (d != ' ' && d != '-') {
                        onlySpaceDash = false;
                    }
                    seps++;
                    if (seps == 2 && !(d == ' ' && c[j - 1] == ')') && !(d == '(' && c[j - 1] == ' ')) {
                        break;
                    }
                } else {
                    break;
                }
                j++;
            }
            if (groupLen > 0) {
                groups++;
                minGroup = Math.min(minGroup, groupLen);
                if (firstGroup < 0) {
                    firstGroup = groupLen;
                }
            }
            int end = lastDigit + 1;
            if (lastDigit < 0 || (end < n && (CharClass.isLetterOrDigit(c[end])
                    || (c[end] == '.' && end + 1 < n && isDigit(c[end + 1]))))) {
                i = Math.max(i + 1, end);
                continue;
            }
            boolean found = false;
            // the words before are read only for the few runs long enough to be a card or a phone number
            NumberContext.Cue cue = digits >= 7 ? NumberContext.before(c, i) : NumberContext.Cue.NONE;
            if (kinds.contains(PiiKind.CARD) && !plus && !paren && onlySpaceDash && digits >= 13 && digits <= 19
                    && cue != NumberContext.Cue.OTHER && luhn(c, i, end)
                    && CardNumbers.plausible(c, i, end, cue == NumberContext.Cue.CARD)) {
                add(v, i, end, PiiKind.CARD, out);
                found = true;
            } else if (kinds.contains(PiiKind.PHONE) && digits >= 7 && digits <= 15) {
                double confidence = phoneConfidence(c, i, end, n, digits, groups, plus, paren, cue);
                if (confidence > 0) {
                    add(v, i, end, PiiKind.PHONE, confidence, out);
                    found = true;
                }
            }
            i = found ? end : Math.max(i + 1, end);
            wordStart = i;
            wordRun = 0;
        }
        if (phones && (digitWords || (wordRun >= 8 && SpelledContacts.digitWordShaped(c, wordStart, n)))) {
            SpelledContacts.digitWords(c, n, 9, (s, e) -> add(v, s, e, PiiKind.PHONE, 0.8, out));
        }
        return firstDigit;
    }

    /**
     * Whether the digit run {@code c[from, to)} is a phone number, and how sure that is: a number valid for its
     * country code or, without one, valid in a known region and written like a phone number (grouped, or in
     * brackets) or announced by a phone word, is certain enough (0.9-0.95); a number of a possible length that a
     * phone word announces, or written with a country code, is a likely one (0.6). Never a number that a word
     * before names as something else, a date, a price or a size.
     *
     * @return the confidence, or 0 when it is not taken for a phone number
     */
    private double phoneConfidence(char[] c, int from, int to, int n, int digits, int groups, boolean plus,
                                   boolean paren, NumberContext.Cue cue) {
        if (cue == NumberContext.Cue.OTHER || NumberContext.unitAfter(c, to, n) || NumberContext.currencyBefore(c, from)
                || (!plus && (NumberContext.dateLike(c, from, to)
                        || NumberContext.listOfSmallNumbers(c, from, to, groups)
                        || (cue != NumberContext.Cue.PHONE && NumberContext.countOfThings(c, from, to, n))))) {
            return 0;
        }
        String number = new String(c, from, to - from);
        boolean cued = cue == NumberContext.Cue.PHONE;
        boolean trunkInternational = !plus && number.startsWith("00") && digits >= 9;
        if (plus || trunkInternational) {
            String intl = plus ? number : "+" + number.substring(2);
            if (Phones.validInternational(intl)) {
                return 0.95;
            }
            return digits >= 10 && (plus || cued) ? 0.6 : 0;
        }
        if (digits < 9) {
            return cued && groups >= 2 && phones.possibleLocal(number) ? 0.6 : 0;
        }
        // unannounced, a national number must be written as its region writes it at home: with the trunk prefix
        // where the region's national format has one ("05839 274610" in Germany, not "5839 274 610")
        boolean formatted = paren || groups >= 2;
        if (cued ? phones.validNational(number) : formatted && phones.validAsWritten(number)) {
            return 0.9;
        }
        boolean grouped = groups >= 3 && digits >= 10;
        return (cued || grouped) && digits >= 10 && digits <= 12 && phones.possibleLocal(number)
                && (cued || phones.groupedAsLocal(number)) ? 0.6 : 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean luhn(char[] c, int from, int to) {
        int sum = 0;
        boolean dbl = false;
        for (int k = to - 1; k >= from; k--) {
            if (!isDigit(c[k])) {
                continue;
            }
            int d = c[k] - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /**
     * Street addresses: a house number (one to five digits and at most one more char), then capitalized words, the
     * last of them, two to five words after the number, a street type ("12 Baker Street", "221B Baker St."). Found
     * from the house numbers forward: the scan looks at digits only, and at the few words after a house number.
     * It starts at {@code noDigitBefore}, an index with no digit before it.
     */
    private void addresses(TextView v, String original, int noDigitBefore, List<Hit> out) {
        char[] c = v.chars;
        int n = v.length;
        int i = noDigitBefore;
        while (i < n) {
            // a tight loop of its own to the next digit: most chars are not digits
            while (i < n && !isDigit(c[i])) {
                i++;
            }
            if (i == n) {
                break;
            }
            boolean insideWord = i > 0 && CharClass.isLetterOrDigit(c[i - 1]);
            int hs = i;
            // a UK postcode's outward code: one or two letters at the start of a word, then this digit
            if (insideWord && CharClass.isLetter(c[i - 1]) && (i == 1 || !CharClass.isLetterOrDigit(c[i - 2])
                    || (CharClass.isLetter(c[i - 2]) && (i == 2 || !CharClass.isLetterOrDigit(c[i - 3]))))) {
                int[] postcode = StreetForms.ukPostcode(v, original, i);
                if (postcode != null) {
                    add(v, postcode[0], postcode[1], PiiKind.ADDRESS, out);
                }
            }
            while (i < n && CharClass.isLetterOrDigit(c[i])) {
                i++;
            }
            if (insideWord || !isHouseNumber(c, hs, i)) {
                continue;
            }
            int[] street = StreetForms.aroundHouseNumber(v, original, hs, i);
            if (street != null) {
                add(v, street[0], street[1], PiiKind.ADDRESS, out);
            }
            // the next words: each capitalized; from the second on, a street type ends an address; a word that is
            // not all letters ends the run
            int j = i;
            for (int k = 1; k <= 5; k++) {
                while (j < n && !CharClass.isLetterOrDigit(c[j])) {
                    j++;
                }
                if (j >= n) {
                    break;
                }
                int ws = j;
                while (j < n && CharClass.isLetterOrDigit(c[j])) {
                    j++;
                }
                if (!Character.isUpperCase(original.charAt(v.originalStart(ws)))) {
                    break;
                }
                if (k >= 2 && streetType(c, ws, j)) {
                    add(v, hs, j < n && c[j] == '.' ? j + 1 : j, PiiKind.ADDRESS, out);
                }
                if (!allLetters(c, ws, j)) {
                    break;
                }
            }
        }
    }

    private static boolean isHouseNumber(char[] c, int s, int e) {
        int digits = 0;
        while (s + digits < e && isDigit(c[s + digits])) {
            digits++;
        }
        return digits >= 1 && digits <= 5 && e - s - digits <= 1;
    }

    private static boolean allLetters(char[] c, int s, int e) {
        for (int k = s; k < e; k++) {
            if (!CharClass.isLetter(c[k])) {
                return false;
            }
        }
        return true;
    }
}
