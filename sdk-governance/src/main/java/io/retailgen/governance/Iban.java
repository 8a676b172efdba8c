package io.retailgen.governance;

import java.util.Map;

/**
 * International bank account numbers (ISO 13616): a country code, two check digits and the national account
 * number, of the length the country's entry in the IBAN registry gives, with the mod-97 checksum equal to 1.
 */
final class Iban {

    /** IBAN lengths per country, from the SWIFT IBAN registry (the countries of Europe and a few more). */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(Map.entry("ad", 24), Map.entry("ae", 23),
            Map.entry("at", 20), Map.entry("be", 16), Map.entry("bg", 22), Map.entry("ch", 21), Map.entry("cy", 28),
            Map.entry("cz", 24), Map.entry("de", 22), Map.entry("dk", 18), Map.entry("ee", 20), Map.entry("es", 24),
            Map.entry("fi", 18), Map.entry("fr", 27), Map.entry("gb", 22), Map.entry("gi", 23), Map.entry("gr", 27),
            Map.entry("hr", 21), Map.entry("hu", 28), Map.entry("ie", 22), Map.entry("il", 23), Map.entry("is", 26),
            Map.entry("it", 27), Map.entry("li", 21), Map.entry("lt", 20), Map.entry("lu", 20), Map.entry("lv", 21),
            Map.entry("mc", 27), Map.entry("mt", 31), Map.entry("nl", 18), Map.entry("no", 15), Map.entry("pl", 28),
            Map.entry("pt", 25), Map.entry("ro", 24), Map.entry("sa", 24), Map.entry("se", 24), Map.entry("si", 19),
            Map.entry("sk", 24), Map.entry("sm", 27), Map.entry("tr", 26), Map.entry("ua", 29), Map.entry("br", 29),
            Map.entry("qa", 29), Map.entry("kw", 30), Map.entry("jo", 30), Map.entry("lb", 28), Map.entry("eg", 29));

    private Iban() {
    }

    /**
     * Finds an IBAN starting at {@code s} in the lower-cased light view: letters and digits, optionally in groups
     * separated by single spaces, exactly as many as the country needs.
     *
     * @param c the chars
     * @param s where the two country letters start
     * @param n the length of the view
     * @return the end of the IBAN, or -1 when there is none at {@code s}
     */
    static int at(char[] c, int s, int n) {
        if (s + 4 > n) {
            return -1;
        }
        // the two check digits first: most letter pairs before a digit ("mp3", "x2 pack") end here, without a map
        // look-up of a new string
        if (!Character.isDigit(c[s + 2]) || !Character.isDigit(c[s + 3])) {
            return -1;
        }
        Integer len = LENGTHS.get(new String(c, s, 2));
        if (len == null) {
            return -1;
        }
        char[] iban = new char[len];
        int got = 0;
        int k = s;
        while (k < n && got < len) {
            char ch = c[k];
            if (isAlnum(ch)) {
                iban[got++] = ch;
                k++;
            } else if (ch == ' ' && k + 1 < n && isAlnum(c[k + 1]) && got > 0) {
                k++;
            } else {
                break;
            }
        }
        if (got != len || (k < n && isAlnum(c[k])) || !checksum(iban)) {
            return -1;
        }
        return k;
    }

    /** @return true when the IBAN, its first four chars moved to the end and letters read as 10..35, is 1 mod 97 */
    static boolean checksum(char[] iban) {
        int r = 0;
        for (int i = 0; i < iban.length; i++) {
            char ch = iban[(i + 4) % iban.length];
            int v = Character.isDigit(ch) ? ch - '0' : ch - 'a' + 10;
            r = v >= 10 ? (r * 100 + v) % 97 : (r * 10 + v) % 97;
        }
        return r == 1;
    }

    private static boolean isAlnum(char ch) {
        return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z');
    }
}
