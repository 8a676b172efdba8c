package io.retailgen.governance;

import java.util.Set;

/**
 * What the words and characters around a digit run say about it, in the lower-cased light view: a word before it
 * that announces a phone number ("call", "tel") or another kind of number ("lot", "sku", "order"), a unit after it
 * ("cm", "kg"), a currency sign before it, or a date shape of its own digit groups.
 */
final class NumberContext {

    /** Words that, shortly before a number, say that it is a phone number. */
    static final Set<String> PHONE_CUES = Set.of("call", "phone", "tel", "telephone", "mobile", "cell", "cellphone",
            "text", "sms", "whatsapp", "ring", "dial", "contact", "reach", "fax", "mob", "handy", "telefon",
            "telefono", "rufen", "appelez", "llama", "chiama", "bel", "wechat", "viber", "signal", "landline",
            "hotline", "helpline", "cellular", "ph");
    /** Words that, shortly before a number, say that it is not a phone number. */
    static final Set<String> OTHER_NUMBER_CUES = Set.of("lot", "batch", "sku", "ref", "reference", "order", "isbn",
            "ean", "upc", "gtin", "mpn", "part", "model", "serial", "item", "tracking", "vat", "company",
            "registration", "reg", "invoice", "code", "barcode", "id", "version", "build", "patent", "style",
            "article", "art", "asin", "imei", "product", "catalogue", "catalog", "receipt", "account", "ticket",
            "case", "policy", "licence", "license", "po", "shipment", "parcel", "consignment", "waybill", "awb",
            "sn", "pn", "ups", "usps", "fedex", "dhl", "dpd", "gls", "tnt", "evri", "hermes", "yodel", "parcelforce",
            "postnl", "colissimo", "chronopost", "purolator", "aramex", "ontrac");
    /** Words that, shortly before a number, say that it is a payment card number. */
    static final Set<String> CARD_CUES = Set.of("card", "visa", "mastercard", "amex", "maestro", "diners", "jcb",
            "unionpay", "discover", "credit", "debit", "cc", "karte", "kreditkarte", "carte", "tarjeta", "carta");
    /** Words that name a number without saying which kind: the word before them decides, else a phone. */
    private static final Set<String> NUMBER_WORDS = Set.of("number", "no", "nr", "num", "numero", "nummer");
    /** Words skipped on the way back to a cue. */
    private static final Set<String> WEAK_CUES = Set.of("is", "my", "our", "on", "at", "us", "me", "or", "and", "the",
            "a", "anytime", "today", "now", "please", "her", "his", "their", "your", "new");
    private static final Set<String> UNITS = Set.of("cm", "mm", "m", "km", "kg", "g", "mg", "ml", "l", "v", "w",
            "kw", "hz", "mah", "gb", "tb", "mb", "x", "inch", "inches", "ft", "lb", "lbs", "oz", "pcs", "pieces",
            "pack", "units", "rpm", "mph", "sq", "cal", "kcal", "pages", "players", "years", "min", "mins", "hours",
            "days", "stone", "kb", "px", "dpi", "mp", "db", "ah", "wh", "kwh", "lm", "k");

    private NumberContext() {
    }

    /** The verdict of the words before a number. */
    enum Cue { PHONE, OTHER, CARD, NONE }

    /**
     * Looks at up to four words before {@code at}: the nearest phone or other-number word decides; weak words
     * ("number", "is", "my") are skipped; any other word, or a digit on the way, ends the search.
     *
     * @param c the light view's chars
     * @param at the start of the number
     * @return what the words before say
     */
    static Cue before(char[] c, int at) {
        int k = at - 1;
        boolean numberWord = false;
        boolean joinedCode = false;
        for (int words = 0; words < 4 && k >= 0; words++) {
            while (k >= 0 && !CharClass.isLetter(c[k])) {
                if (Character.isDigit(c[k])) {
                    // right after a code of letters and digits ("1Z 999 AA1 01 2345"): part of that code
                    if (words == 0 && k > 0 && CharClass.isLetter(c[k - 1])) {
                        return Cue.OTHER;
                    }
                    if (words > 0 || joinedCode || k + 1 >= at || c[k + 1] != '-') {
                        return Cue.NONE;
                    }
                    // the tail of a longer code joined by hyphens ("order #112-4476231-9981102"): the words
                    // before the whole code decide
                    joinedCode = true;
                    while (k >= 0 && (Character.isDigit(c[k]) || c[k] == '-')) {
                        k--;
                    }
                    continue;
                }
                k--;
            }
            int end = k + 1;
            while (k >= 0 && CharClass.isLetter(c[k])) {
                k--;
            }
            if (end == k + 1) {
                break;
            }
            if (words == 0 && k >= 0 && Character.isDigit(c[k])) {
                return Cue.OTHER;
            }
            String w = new String(c, k + 1, end - k - 1);
            if (end - k - 1 == 1 && k >= 1 && c[k] == '/' && CharClass.isLetter(c[k - 1])
                    && (k == 1 || !CharClass.isLetter(c[k - 2]))) {
                // a letter abbreviation written with a slash: "s/n" (serial number), "p/n" (part number)
                w = c[k - 1] + w;
                k -= 2;
            }
            if (PHONE_CUES.contains(w)) {
                return Cue.PHONE;
            }
            if (OTHER_NUMBER_CUES.contains(w)) {
                return Cue.OTHER;
            }
            if (CARD_CUES.contains(w)) {
                return Cue.CARD;
            }
            if (NUMBER_WORDS.contains(w)) {
                numberWord = true;
            } else if (!WEAK_CUES.contains(w) && words > 0) {
                break;
            }
        }
        return numberWord ? Cue.PHONE : Cue.NONE;
    }

    /**
     * @param c the light view's chars
     * @param from the start of a digit run
     * @param to its end
     * @param groups its digit groups
     * @return true when it is a list of small numbers (sizes "36 38 40 42 44"): five or more groups of at most two
     *     digits, the first not 0 (national numbers written in pairs, as in France, start with a 0)
     */
    static boolean listOfSmallNumbers(char[] c, int from, int to, int groups) {
        if (groups < 5 || c[from] == '0') {
            return false;
        }
        int run = 0;
        for (int k = from; k < to; k++) {
            run = Character.isDigit(c[k]) ? run + 1 : 0;
            if (run > 2) {
                return false;
            }
        }
        return true;
    }

    /** @return true when the word right after {@code end} (one space or none) is a unit, or a '%' follows */
    static boolean unitAfter(char[] c, int end, int n) {
        int k = end;
        if (k < n && (c[k] == '%' || c[k] == '"' || c[k] == '\'')) {
            return true;
        }
        if (k < n && c[k] == ' ') {
            k++;
        }
        int s = k;
        while (k < n && CharClass.isLetter(c[k])) {
            k++;
        }
        return k > s && (k == n || !CharClass.isLetterOrDigit(c[k])) && UNITS.contains(new String(c, s, k - s));
    }

    /**
     * A count of things: digits grouped in thousands (a first group of one to three digits, not starting with 0, then
     * groups of exactly three, each after one space, comma, dot or thin space) right before a plural noun
     * ({@code 250 000 000 downloads}, {@code 912 345 678 shoppers}). A phone number is not followed by the plural
     * of what it counts.
     *
     * @param c the light view's chars
     * @param from the start of the digit run
     * @param to its end
     * @param n the view's length
     * @return true when the run is such a count
     */
    static boolean countOfThings(char[] c, int from, int to, int n) {
        if (c[from] == '0') {
            return false;
        }
        int run = 0;
        int groups = 0;
        for (int k = from; k <= to; k++) {
            if (k < to && Character.isDigit(c[k])) {
                run++;
                continue;
            }
            if ((groups == 0 && run > 3) || (groups > 0 && run != 3)
                    || (k < to && !(c[k] == ' ' || c[k] == ',' || c[k] == '.' || c[k] == '\u202f'))
                    || (k < to && k + 1 < to && !Character.isDigit(c[k + 1]))) {
                return false;
            }
            groups++;
            run = 0;
        }
        if (groups < 2 || to >= n || c[to] != ' ') {
            return false;
        }
        int s = to + 1;
        int e = s;
        while (e < n && CharClass.isLetter(c[e])) {
            e++;
        }
        return e - s >= 4 && (e == n || !CharClass.isLetterOrDigit(c[e])) && plural(new String(c, s, e - s));
    }

    /** @return true when {@code w} is an English word and the plural of one ("pairs", "boxes", "stories") */
    private static boolean plural(String w) {
        int l = w.length();
        if (w.charAt(l - 1) != 's' || w.charAt(l - 2) == 's' || !EnglishWords.contains(w)) {
            return false;
        }
        return EnglishWords.contains(w.substring(0, l - 1))
                || (w.endsWith("es") && EnglishWords.contains(w.substring(0, l - 2)))
                || (w.endsWith("ies") && EnglishWords.contains(w.substring(0, l - 3) + "y"));
    }

    /** @return true when a currency sign stands right before {@code at}, or before the one space there */
    static boolean currencyBefore(char[] c, int at) {
        int k = at - 1;
        if (k >= 0 && c[k] == ' ') {
            k--;
        }
        return k >= 0 && (c[k] == '$' || c[k] == '\u00a3' || c[k] == '\u20ac' || c[k] == '\u00a5');
    }

    /**
     * Dates written with digit groups: {@code 2024-01-15}, {@code 2024 0315}, {@code 15.03.2024}, {@code 12 03 2026},
     * {@code 20240315}.
     *
     * @param c the light view's chars
     * @param from the start of the digit run
     * @param to its end
     * @return true when the run starts or ends with a date
     */
    static boolean dateLike(char[] c, int from, int to) {
        int[] g = new int[8];
        int[] len = new int[8];
        int groups = 0;
        int k = from;
        while (k < to && groups < 8) {
            while (k < to && !Character.isDigit(c[k])) {
                k++;
            }
            int v = 0;
            int l = 0;
            while (k < to && Character.isDigit(c[k])) {
                v = l < 9 ? v * 10 + (c[k] - '0') : v;
                l++;
                k++;
            }
            if (l > 0) {
                g[groups] = v;
                len[groups++] = l;
            }
        }
        if (groups == 0) {
            return false;
        }
        if (len[0] == 8 && year(g[0] / 10000) && month(g[0] / 100 % 100) && day(g[0] % 100)) {
            return true;
        }
        if (groups >= 2 && len[0] == 4 && year(g[0])
                && ((len[1] <= 2 && month(g[1])) || (len[1] == 4 && month(g[1] / 100) && day(g[1] % 100)))) {
            return true;
        }
        if (groups >= 3 && len[0] <= 2 && len[1] <= 2 && len[2] == 4 && year(g[2]) && day(g[0]) && day(g[1])
                && (month(g[0]) || month(g[1]))) {
            return true;
        }
        int e = groups - 1;
        return groups >= 3 && len[e] == 4 && year(g[e]) && len[e - 1] <= 2 && len[e - 2] <= 2 && day(g[e - 2])
                && day(g[e - 1]) && (month(g[e - 1]) || month(g[e - 2]));
    }

    private static boolean year(int y) {
        return y >= 1900 && y <= 2099;
    }

    private static boolean month(int m) {
        return m >= 1 && m <= 12;
    }

    private static boolean day(int d) {
        return d >= 1 && d <= 31;
    }
}
