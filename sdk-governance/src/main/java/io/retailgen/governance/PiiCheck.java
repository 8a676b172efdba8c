package io.retailgen.governance;

import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** E-mail addresses, phone numbers, Luhn-valid card numbers and street addresses, found in the light view. */
final class PiiCheck implements Check {

    private static final Set<String> STREET_TYPES = Set.of("street", "st", "avenue", "ave", "road", "rd",
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

    private final Set<PiiKind> kinds;
    private final Severity severity;

    PiiCheck(Set<PiiKind> kinds, Severity severity) {
        this.kinds = kinds.isEmpty() ? EnumSet.noneOf(PiiKind.class) : EnumSet.copyOf(kinds);
        this.severity = severity;
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
        if (kinds.contains(PiiKind.CARD) || kinds.contains(PiiKind.PHONE)) {
            numbers(v, out);
        }
        if (kinds.contains(PiiKind.ADDRESS)) {
            addresses(v, analysis.text, out);
        }
    }

    private void add(TextView v, int s, int e, PiiKind kind, List<Hit> out) {
        String name = kind.name().toLowerCase(java.util.Locale.ROOT);
        out.add(new Hit(new Finding(v.originalStart(s), v.originalEnd(e), "pii." + name, "pii", severity,
                "personal data (" + name + ")"), "[" + kind.name() + "]"));
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

    private void numbers(TextView v, List<Hit> out) {
        char[] c = v.chars;
        int n = v.length;
        int i = 0;
        while (i < n) {
            char ch = c[i];
            boolean startChar = isDigit(ch) || ((ch == '+' || ch == '(') && i + 1 < n && isDigit(c[i + 1]));
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
            if (kinds.contains(PiiKind.CARD) && !plus && !paren && onlySpaceDash && digits >= 13 && digits <= 19
                    && luhn(c, i, end)) {
                add(v, i, end, PiiKind.CARD, out);
                found = true;
            } else if (kinds.contains(PiiKind.PHONE) && digits >= 10 && digits <= 15) {
                boolean grouped = groups >= 3 && (minGroup >= 2 || (firstGroup == 1 && groups >= 4));
                boolean cued = groups == 1 && digits <= 11 && phoneCue(c, i);
                if (plus || paren || grouped || cued) {
                    add(v, i, end, PiiKind.PHONE, out);
                    found = true;
                }
            }
            i = found ? end : Math.max(i + 1, end);
        }
    }

    /** Words that, shortly before an unseparated 10- or 11-digit number, say that it is a phone number. */
    private static final java.util.Set<String> PHONE_CUES = java.util.Set.of("call", "phone", "tel", "telephone",
            "mobile", "cell", "cellphone", "text", "sms", "whatsapp", "ring", "dial", "contact", "reach", "fax");

    /** True when one of the three words before {@code at} (in the lower-cased light view) is a phone cue. */
    static boolean phoneCue(char[] c, int at) {
        int words = 0;
        int k = at - 1;
        while (k >= 0 && words < 3) {
            while (k >= 0 && !CharClass.isLetter(c[k])) {
                if (Character.isDigit(c[k])) {
                    return false;
                }
                k--;
            }
            int end = k + 1;
            while (k >= 0 && CharClass.isLetter(c[k])) {
                k--;
            }
            if (end > k + 1) {
                if (PHONE_CUES.contains(new String(c, k + 1, end - k - 1))) {
                    return true;
                }
                words++;
            }
        }
        return false;
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
     */
    private void addresses(TextView v, String original, List<Hit> out) {
        char[] c = v.chars;
        int n = v.length;
        int i = 0;
        while (i < n) {
            if (!isDigit(c[i])) {
                i++;
                continue;
            }
            boolean insideWord = i > 0 && CharClass.isLetterOrDigit(c[i - 1]);
            int hs = i;
            while (i < n && CharClass.isLetterOrDigit(c[i])) {
                i++;
            }
            if (insideWord || !isHouseNumber(c, hs, i)) {
                continue;
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
