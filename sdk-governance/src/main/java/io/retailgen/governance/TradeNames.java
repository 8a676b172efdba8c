package io.retailgen.governance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Names of brands, companies and shops that hold a lexicon word ({@code Fat Bastard Chardonnay}, {@code Hooker
 * Furniture}, {@code Dick's Sporting Goods}, {@code Fuk Yi seafood soy sauce}): the word is part of a trade name when
 * it stands in a run of capitalised words that names goods or a trading house, or that is a coined name before a
 * description of a product.
 *
 * <p>The nouns come from {@code trades-wordnet.txt} (made from WordNet by {@code tools/lexicons/wordnet_trades.py}):
 * goods (the nouns under commodities, consumer goods, furniture, lighting and sports equipment, and foods and drinks;
 * not clothing or headgear, which carry printed slogans) and houses (companies, shops, restaurants, breweries,
 * wineries, inns, pubs). Three shapes make a trade name:
 * <ol>
 *   <li>a capitalised word after the lexicon word in the same run is goods or a house, or a company designator
 *       ({@code Inc}, {@code Ltd}, {@code Co}): {@code Fat Bastard Chardonnay}, {@code Bitchin' Sauce},
 *       {@code Damn Good Donuts}, {@code Spunk Lighting}, {@code Hooker Furniture Sanctuary nightstand};</li>
 *   <li>the lexicon word is possessive ({@code Dick's}) and a noun of goods or a house follows within three words,
 *       capitalised or not: {@code Big Dick's halfway inn t-shirt}; or a capitalised word follows the lexicon word
 *       and such a noun one of the next two words after the run: {@code Slutty Vegan burger restaurant},
 *       {@code Dirty Bastard Scotch ale};</li>
 *   <li>the lexicon word is no English word (a coined name: {@code Fuk}, {@code Assos}), opens the text, every other
 *       word of its run is no English word either ({@code Fuk Yi}), and a description of two to five lower-case
 *       English words follows up to the end, a comma or a number: {@code Assos cycling bib shorts}.</li>
 * </ol>
 * Abuse keeps its shapes: the word and the next written together as a lexicon word ({@code Cum shot photo pack}), a
 * run that holds another lexicon word ({@code Damn Good Fuck}), a pronoun, particle or
 * small word of a phrase ({@code Hooker For Hire}, {@code Fuck Off Sauce}, {@code You Bastard}), or after the word
 * a noun whose most frequent sense is a person ({@code Fat Bastard Seller}; before it, a person's name is part of
 * the name: {@code Thomas Crapper & Co.}) is no name; a run set off by a comma ({@code You dick,
 * sporting goods store clerk}) ends there, and lower case makes no run ({@code Spunk on your face}).
 */
final class TradeNames {

    static final String RESOURCE = "trades-wordnet.txt";
    /** Words that end the name of a company ("Hooker & Co.", "Spunk Ltd"). */
    private static final Set<String> DESIGNATORS = Set.of("inc", "ltd", "llc", "co", "corp", "plc", "gmbh", "sons",
            "bros", "brothers", "company", "corporation", "industries", "enterprises", "brands", "group", "holdings");
    /** Words that make a phrase of a run of capitalised words, not a name: prepositions, articles, conjunctions. */
    private static final Set<String> PHRASE_WORDS = Set.of("of", "the", "a", "an", "in", "on", "at", "to", "for",
            "or", "from", "with", "by", "out", "into", "over", "under", "and", "is", "are", "was", "be", "get", "go",
            "i", "he", "she", "we", "they", "not", "no", "so", "than", "as", "like", "here", "there", "now", "tonight",
            "all", "just", "very", "too");

    private final Set<String> goods;
    private final Set<String> houses;

    /** @param lines a noun of goods, or {@code house H}, lower case */
    TradeNames(List<String> lines) {
        Set<String> g = new HashSet<>();
        Set<String> h = new HashSet<>();
        for (String line : lines) {
            if (line.startsWith("house ")) {
                h.add(line.substring(6));
            } else if (line.indexOf(' ') < 0) {
                g.add(line);
            } else {
                throw new IllegalArgumentException(RESOURCE + ": not a noun or 'house NOUN': '" + line + "'");
            }
        }
        goods = Set.copyOf(g);
        houses = Set.copyOf(h);
    }

    /** @return the nouns shipped with the SDK */
    static TradeNames wordNet() {
        return new TradeNames(PolicyConfig.resourceLines(RESOURCE));
    }

    /**
     * @param from the start of the lexicon word in {@code text}
     * @param to its end
     * @param lexicon every lexicon term, lower case
     * @param person whether a noun (lower case) names a person first
     * @return true when the word is part of the name of a brand, company or shop
     */
    boolean inTradeName(String text, int from, int to, Set<String> lexicon, Predicate<String> person) {
        if (!capitalised(text, from, to)) {
            return false;
        }
        int end = to;
        boolean possessive = text.startsWith("'s", end) || text.startsWith("\u2019s", end);
        if (possessive) {
            end += 2;
        } else if (end < text.length() && (text.charAt(end) == '\'' || text.charAt(end) == '\u2019')) {
            end++; // "Bitchin' Sauce"
        }
        if (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
            return false;
        }
        List<int[]> before = run(text, from, -1);
        List<int[]> after = run(text, end, 1);
        String word = text.substring(from, to).toLowerCase(Locale.ROOT);
        if (!plainRun(text, before, lexicon, w -> false) || !plainRun(text, after, lexicon, person)
                || addressedBefore(text, before.isEmpty() ? from : before.get(before.size() - 1)[0])
                || compound(text, word, end, lexicon)) {
            return false;
        }
        for (int[] w : after) {
            String a = lower(text, w);
            if (DESIGNATORS.contains(a) || tradeNoun(a)) {
                return true; // "Fat Bastard Chardonnay", "Hooker Furniture", "Spunk Ltd"
            }
        }
        if (possessive && tradeNounWithin(text, end, 3, lexicon, person)) {
            return true; // "Big Dick's halfway inn"
        }
        if (!after.isEmpty() && tradeNounWithin(text, after.get(after.size() - 1)[1], 2, lexicon, person)) {
            return true; // "Slutty Vegan burger restaurant", "Dirty Bastard Scotch ale"
        }
        return !EnglishWords.contains(word) && before.isEmpty() && NamedThings.sentenceStart(text, from)
                && coinedRun(text, after) && description(text, after.isEmpty() ? end
                : after.get(after.size() - 1)[1], lexicon, person);
    }

    /** @return true for a noun of goods or of a house, in the singular or a plural */
    private boolean tradeNoun(String w) {
        return goods.contains(w) || houses.contains(w) || (w.endsWith("s") && tradeNoun1(w.substring(0,
                w.length() - 1))) || (w.endsWith("es") && tradeNoun1(w.substring(0, w.length() - 2)))
                || (w.endsWith("ies") && tradeNoun1(w.substring(0, w.length() - 3) + "y"));
    }

    private boolean tradeNoun1(String w) {
        return goods.contains(w) || houses.contains(w);
    }

    /**
     * @return true when the word and the next one, written together, are a lexicon word ({@code Cum shot} is
     *     {@code cumshot}, {@code Dick Head} {@code dickhead})
     */
    private static boolean compound(String text, String word, int end, Set<String> lexicon) {
        int[] w = next(text, end);
        if (w == null) {
            return false;
        }
        String joined = word + lower(text, w);
        return lexicon.contains(joined) || lexicon.contains(joined + "s")
                || (joined.endsWith("s") && lexicon.contains(joined.substring(0, joined.length() - 1)));
    }

    /** @return true when the word is written as a name: a capital, then lower case */
    private static boolean capitalised(String text, int from, int to) {
        if (to - from < 2 || !Character.isUpperCase(text.charAt(from))) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            if (!Character.isLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @return the capitalised words next to {@code at} in direction {@code dir}, each after one space, with
     *     {@code &} between them; nearest first
     */
    private static List<int[]> run(String text, int at, int dir) {
        List<int[]> out = new ArrayList<>();
        int i = at;
        while (true) {
            int[] w = dir > 0 ? next(text, i) : previous(text, i);
            if (w != null && w[1] - w[0] == 1 && text.charAt(w[0]) == '&') {
                i = dir > 0 ? w[1] : w[0];
                continue; // "Kum & Go"
            }
            if (w == null || !Character.isUpperCase(text.charAt(w[0]))) {
                return out;
            }
            out.add(w);
            i = dir > 0 ? w[1] : w[0];
        }
    }

    /** @return the word (letters, an apostrophe or a final dot of an abbreviation) after one space at {@code i} */
    private static int[] next(String text, int i) {
        if (i + 1 >= text.length() || text.charAt(i) != ' ') {
            return null;
        }
        int s = i + 1;
        if (text.charAt(s) == '&') {
            return new int[] {s, s + 1};
        }
        int e = s;
        while (e < text.length() && (Character.isLetter(text.charAt(e)) || ((text.charAt(e) == '\''
                || text.charAt(e) == '\u2019') && e > s))) {
            e++;
        }
        return e > s ? new int[] {s, e} : null;
    }

    /** @return the word before one space ending at {@code i} */
    private static int[] previous(String text, int i) {
        if (i < 2 || text.charAt(i - 1) != ' ') {
            return null;
        }
        int e = i - 1;
        if (text.charAt(e - 1) == '&') {
            return new int[] {e - 1, e};
        }
        int s = e;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        return s < e ? new int[] {s, e} : null;
    }

    /** @return the word in lower case, less a possessive or a final apostrophe */
    private static String lower(String text, int[] w) {
        String s = text.substring(w[0], w[1]).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        if (s.endsWith("'s")) {
            return s.substring(0, s.length() - 2);
        }
        return s.endsWith("'") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * @return true when no word of the run is a lexicon word, a pronoun or particle, a small word of a phrase or a
     *     noun that names a person first
     */
    private static boolean plainRun(String text, List<int[]> run, Set<String> lexicon, Predicate<String> person) {
        for (int[] w : run) {
            if (!plainWord(lower(text, w), lexicon, person)) {
                return false;
            }
        }
        return true;
    }

    private static boolean plainWord(String w, Set<String> lexicon, Predicate<String> person) {
        return !lexicon.contains(w) && !WorkTitles.addresses(w) && !PHRASE_WORDS.contains(w) && !person.test(w)
                && !(w.endsWith("s") && lexicon.contains(w.substring(0, w.length() - 1)));
    }

    /** @return true when a pronoun or particle stands right before the run ("you Hooker Furniture ...") */
    private static boolean addressedBefore(String text, int from) {
        int[] w = previous(text, from);
        return w != null && WorkTitles.addresses(lower(text, w));
    }

    /**
     * @return true when a noun of goods or of a house is among the next {@code max} words after {@code to}, all
     *     plain words of one sentence
     */
    private boolean tradeNounWithin(String text, int to, int max, Set<String> lexicon, Predicate<String> person) {
        int i = to;
        for (int n = 0; n < max; n++) {
            int[] w = next(text, i);
            if (w == null) {
                return false;
            }
            String a = lower(text, w);
            if (!plainWord(a, lexicon, person)) {
                return false;
            }
            if (tradeNoun(a)) {
                return true;
            }
            i = w[1];
        }
        return false;
    }

    /** @return true when no word of the run after a coined name is an English word ("Fuk Yi") */
    private static boolean coinedRun(String text, List<int[]> run) {
        for (int[] w : run) {
            if (EnglishWords.contains(lower(text, w))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @return true when two to five lower-case English words, plain words (no lexicon word, pronoun, small word or
     *     person), follow {@code to} up to the end of the text, a comma or a number ("cycling bib shorts")
     */
    private static boolean description(String text, int to, Set<String> lexicon, Predicate<String> person) {
        int i = to;
        int n = 0;
        while (true) {
            int[] w = next(text, i);
            if (w == null) {
                break;
            }
            String a = text.substring(w[0], w[1]);
            if (!a.equals(a.toLowerCase(Locale.ROOT)) || !EnglishWords.contains(a) || !plainWord(a, lexicon, person)
                    || ++n > 5) {
                return false;
            }
            i = w[1];
        }
        if (n < 2) {
            return false;
        }
        if (i == text.length()) {
            return true;
        }
        char c = text.charAt(i);
        return c == ',' || (c == ' ' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)));
    }
}
