package io.retailgen.governance;

import java.util.Set;

/**
 * Street addresses in continental European forms and UK postcodes, found from a house number or a postcode's digit:
 * a street word with a suffix before the number ("Hauptstraße 5", "Keizersgracht 123", "Kungsgatan 12"), a street
 * word before the name ("Via Roma 25", "Calle Mayor 10", "Rua Augusta 100"), a number before a French street word
 * ("12 rue de Rivoli"), each extended by a following postcode and town; and UK postcodes ("SW1A 2AA").
 */
final class StreetForms {

    /** Endings of street names written as one word (in the light view: lower case, diacritics and ß folded). */
    private static final String[] SUFFIXES = {"strasse", "str", "weg", "gasse", "platz", "allee", "damm", "ufer",
        "gracht", "straat", "laan", "plein", "kade", "singel", "gatan", "vagen", "gata", "vej", "gade", "katu"};
    private static final char[][] SUFFIX_CHARS = java.util.Arrays.stream(SUFFIXES).map(String::toCharArray)
            .toArray(char[][]::new);
    /** Words that start a street name and come before it. */
    private static final Set<String> PREFIXES = Set.of("rue", "calle", "via", "viale", "piazza", "corso", "rua",
            "ul", "ulica", "avenida", "carrer", "paseo", "plaza", "largo", "travessa", "chemin", "boulevard", "avenue",
            "allee", "impasse", "quai", "place", "praca", "piazzale", "strada", "ulitsa");
    /** Street words that follow a house number in French forms. */
    private static final Set<String> AFTER_NUMBER = Set.of("rue", "avenue", "boulevard", "bd", "chemin", "allee",
            "impasse", "quai", "place", "cours", "route");
    private static final char[][] AFTER_NUMBER_CHARS = AFTER_NUMBER.stream().map(String::toCharArray)
            .toArray(char[][]::new);

    private static boolean isAfterNumberWord(char[] c, int s, int e) {
        for (char[] w : AFTER_NUMBER_CHARS) {
            if (w.length == e - s && w[0] == c[s] && java.util.Arrays.equals(c, s, e, w, 0, w.length)) {
                return true;
            }
        }
        return false;
    }

    /** Small words inside street names. */
    private static final Set<String> PARTICLES = Set.of("de", "del", "della", "di", "da", "do", "dos", "das", "la",
            "le", "les", "des", "du", "van", "von", "der", "den", "el", "san", "santa", "st");

    private StreetForms() {
    }

    /**
     * @param v the light view
     * @param original the original text
     * @param hs the start of a house number in the view
     * @param he its end
     * @return {start, end} of an address around the house number, or null
     */
    static int[] aroundHouseNumber(TextView v, String original, int hs, int he) {
        char[] c = v.chars;
        int n = v.length;
        int[] before = endsAddress(c, he, n) ? beforeNumber(v, original, hs, he) : null;
        return before != null ? before : afterNumber(v, original, hs, he);
    }

    /** A street word with a suffix right before the number, or a street word before the name. */
    private static int[] beforeNumber(TextView v, String original, int hs, int he) {
        char[] c = v.chars;
        int pe = skipBack(c, hs);
        int ps = wordStart(c, pe);
        if (pe > ps && capitalized(v, original, ps) && hasSuffix(c, ps, pe)) {
            return new int[] {ps, withPostcode(v, original, he)};
        }
        // up to three capitalized words or particles between the street word and the number
        int e = pe;
        for (int k = 0; k < 4 && e > 0; k++) {
            int s = wordStart(c, e);
            if (s == e) {
                break;
            }
            String w = new String(c, s, e - s);
            if (k > 0 && PREFIXES.contains(w)) {
                return new int[] {s, withPostcode(v, original, he)};
            }
            if (!capitalized(v, original, s) && !PARTICLES.contains(w)) {
                break;
            }
            e = skipBack(c, s);
        }
        return null;
    }

    /** A French street word after the number, then one to four capitalized words or particles. */
    private static int[] afterNumber(TextView v, String original, int hs, int he) {
        char[] c = v.chars;
        int n = v.length;
        int ws = skipSpace(c, he, n);
        int we = wordEnd(c, ws, n);
        if (we - ws >= 2 && we - ws <= 9 && isAfterNumberWord(c, ws, we)) {
            int end = we;
            for (int k = 0; k < 4; k++) {
                int s = skipSpace(c, end, n);
                int t = wordEnd(c, s, n);
                if (t == s || !(capitalized(v, original, s) || PARTICLES.contains(new String(c, s, t - s)))) {
                    break;
                }
                end = t;
            }
            if (end > we) {
                return new int[] {hs, withPostcode(v, original, end)};
            }
        }
        return null;
    }

    /**
     * A UK postcode whose outward code holds the digit at {@code d}: one or two capital letters, a digit, an
     * optional letter or digit, a space, a digit and two capital letters, in the original text.
     *
     * @return {start, end} in the view, or null
     */
    static int[] ukPostcode(TextView v, String original, int d) {
        int o = v.originalStart(d);
        int s = o;
        while (s > 0 && s > o - 2 && upper(original, s - 1)) {
            s--;
        }
        if (s == o || (s > 0 && Character.isLetterOrDigit(original.charAt(s - 1)))) {
            return null;
        }
        int k = o + 1;
        if (k < original.length() && (digit(original, k) || upper(original, k))) {
            k++;
        }
        if (k + 4 > original.length() || original.charAt(k) != ' ' || !digit(original, k + 1)
                || !upper(original, k + 2) || !upper(original, k + 3)
                || (k + 4 < original.length() && Character.isLetterOrDigit(original.charAt(k + 4)))) {
            return null;
        }
        int vs = d - (o - s);
        int ve = vs + (k + 4 - s);
        return vs >= 0 && ve <= v.length && v.originalStart(vs) == s ? new int[] {vs, ve} : null;
    }

    private static boolean upper(String s, int i) {
        char ch = s.charAt(i);
        return ch >= 'A' && ch <= 'Z';
    }

    private static boolean digit(String s, int i) {
        char ch = s.charAt(i);
        return ch >= '0' && ch <= '9';
    }

    /** @return the end of the address extended over ", 10115 Berlin", " 1015 CJ Amsterdam", ", 00-026 Warszawa" */
    private static int withPostcode(TextView v, String original, int end) {
        char[] c = v.chars;
        int n = v.length;
        int k = end;
        if (k < n && c[k] == ',') {
            k++;
        }
        k = skipSpace(c, k, n);
        int ds = k;
        while (k < n && (Character.isDigit(c[k]) || (c[k] == '-' && k > ds) || (c[k] == ' ' && k + 1 < n
                && Character.isDigit(c[k + 1]) && k - ds <= 3))) {
            k++;
        }
        int digits = 0;
        for (int i = ds; i < k; i++) {
            digits += Character.isDigit(c[i]) ? 1 : 0;
        }
        if (digits < 4 || digits > 7) {
            return end;
        }
        int s = skipSpace(c, k, n);
        int t = wordEnd(c, s, n);
        if (t - s == 2 && Character.isUpperCase(original.charAt(v.originalStart(s)))) {
            s = skipSpace(c, t, n);
            t = wordEnd(c, s, n);
        }
        return t > s && capitalized(v, original, s) ? t : end;
    }

    private static boolean endsAddress(char[] c, int he, int n) {
        return he == n || c[he] == ',' || c[he] == ';' || c[he] == '/' || (c[he] == ' ' && (he + 1 == n
                || Character.isDigit(c[he + 1]) || c[he + 1] == '-' || c[he + 1] == '('))
                || (c[he] == '.' && (he + 1 == n || c[he + 1] == ' '));
    }

    /** @return true when the word ends with a street suffix after at least three letters ("Hauptstrasse") */
    private static boolean hasSuffix(char[] c, int s, int e) {
        for (char[] x : SUFFIX_CHARS) {
            int l = x.length;
            if (e - s >= l + 3 && java.util.Arrays.equals(c, e - l, e, x, 0, l)) {
                return true;
            }
        }
        return false;
    }

    private static boolean capitalized(TextView v, String original, int s) {
        return Character.isUpperCase(original.charAt(v.originalStart(s)));
    }

    /** @return the end of the word before {@code at} (skipping spaces and a dot) */
    private static int skipBack(char[] c, int at) {
        int k = at;
        while (k > 0 && (c[k - 1] == ' ' || c[k - 1] == '.')) {
            k--;
        }
        return k;
    }

    private static int wordStart(char[] c, int end) {
        int k = end;
        while (k > 0 && CharClass.isLetter(c[k - 1])) {
            k--;
        }
        return k;
    }

    private static int wordEnd(char[] c, int s, int n) {
        int k = s;
        while (k < n && CharClass.isLetter(c[k])) {
            k++;
        }
        return k;
    }

    private static int skipSpace(char[] c, int k, int n) {
        while (k < n && c[k] == ' ') {
            k++;
        }
        return k;
    }
}
