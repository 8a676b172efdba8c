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
 * it can be read innocently and stands in a run of capitalised words that names goods or a trading house, or when it
 * is a coined name before a description of a product.
 *
 * <p>The words come from {@code trades-wordnet.txt} (made from WordNet by {@code tools/lexicons/wordnet_trades.py}):
 * goods (the nouns under commodities, consumer goods, furniture, lighting and sports equipment, and foods and drinks;
 * not clothing or headgear, which carry printed slogans), houses (companies, shops, restaurants, breweries, wineries,
 * inns, pubs) and the plain lexicon words: those whose most frequent sense in each part of speech is innocent
 * ({@code spunk}: courage, {@code damn}: a trivial amount, {@code bitchin}: to complain) and family names
 * ({@code hooker}). The words that name things ({@link NamedThings}: {@code bastard}, {@code crapper}) are plain too.
 * Three shapes make a trade name:
 * <ol>
 *   <li>a plain word, and a capitalised word after it in the same run is goods or a house, or a company designator
 *       ({@code Inc}, {@code Ltd}, {@code Co}): {@code Fat Bastard Chardonnay}, {@code Bitchin' Sauce},
 *       {@code Damn Good Donuts}, {@code Spunk Lighting}, {@code Hooker Furniture Sanctuary nightstand}; or such a
 *       noun is one of the next two words after the run ({@code Founders Dirty Bastard Scotch ale});</li>
 *   <li>a plain word or one of lesser severity (below HIGH) is possessive, a person's name ({@code Dick's}), and a
 *       noun of goods or a house follows within three words, capitalised or not: {@code Dick's Sporting Goods},
 *       {@code Big Dick's halfway inn t-shirt};</li>
 *   <li>the word is no English word (a coined name), opens the text, and a description of two to five lower-case
 *       English words follows up to the end, a comma or a number; every other word of its run is no English word
 *       either ({@code Fuk Yi seafood soy sauce}), or, alone, it spells the lexicon word with other vowels only, as
 *       a word of another language may ({@code Assos cycling bib shorts}; not {@code Phuck}, {@code Azzhole}).</li>
 * </ol>
 * Abuse keeps its shapes: a word with no innocent reading ({@code Cunt Sauce}, {@code Whore's Beer Shop}), the word
 * and the next written together as a lexicon word ({@code Cum shot photo pack}), a run that holds another lexicon
 * word ({@code Damn Good Fuck}), a pronoun, particle or small word of a phrase ({@code Hooker For Hire},
 * {@code You Spunk Lighting Bastard}), or after the word a noun whose most frequent sense is a person
 * ({@code Fat Bastard Seller}; before it, a person's name is part of the name: {@code Thomas Crapper & Co.}) is no
 * name; a run set off by a comma ({@code You dick, sporting goods store clerk}) ends there, and lower case makes no
 * run ({@code Spunk on your face}).
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
    private static final String VOWELS = "aeiou";

    private final Set<String> goods;
    private final Set<String> houses;
    /** Lexicon words with an innocent reading (spunk: courage) or that are family names (hooker). */
    private final Set<String> plain;

    /** @param lines a noun of goods, {@code house H} or {@code plain W}, lower case */
    TradeNames(List<String> lines) {
        Set<String> g = new HashSet<>();
        Set<String> h = new HashSet<>();
        Set<String> p = new HashSet<>();
        for (String line : lines) {
            if (line.startsWith("house ")) {
                h.add(line.substring(6));
            } else if (line.startsWith("plain ")) {
                p.add(line.substring(6));
            } else if (line.indexOf(' ') < 0) {
                g.add(line);
            } else {
                throw new IllegalArgumentException(RESOURCE + ": not a noun, 'house NOUN' or 'plain WORD': '" + line
                        + "'");
            }
        }
        goods = Set.copyOf(g);
        houses = Set.copyOf(h);
        plain = Set.copyOf(p);
    }

    /** @return the nouns shipped with the SDK */
    static TradeNames wordNet() {
        return new TradeNames(PolicyConfig.resourceLines(RESOURCE));
    }

    /**
     * @param from the start of the lexicon word in {@code text}
     * @param to its end
     * @param term the lexicon term it was matched as (another spelling for a sound-alike)
     * @param lesser whether the term is of lesser severity (below HIGH): such a word may be a person's name before
     *     a possessive ({@code Dick's})
     * @param lexicon every lexicon term, lower case
     * @param named the words that name things ({@code bastard}) and the nouns that name persons first
     * @return true when the word is part of the name of a brand, company or shop
     */
    boolean inTradeName(String text, int from, int to, String term, boolean lesser, Set<String> lexicon,
                        NamedThings named) {
        Predicate<String> person = named::person;
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
        if (plain.contains(word) || named.isThing(word) || (lesser && possessive)) {
            for (int[] w : after) {
                String a = lower(text, w);
                if (DESIGNATORS.contains(a) || tradeNoun(a)) {
                    return true; // "Spunk Lighting", "Hooker Furniture", "Dick's Sporting Goods", "Spunk Ltd"
                }
            }
            if ((possessive && tradeNounWithin(text, end, 3, lexicon, person)) || (!after.isEmpty()
                    && tradeNounWithin(text, after.get(after.size() - 1)[1], 2, lexicon, person))) {
                return true; // "Big Dick's halfway inn", "Dirty Bastard Scotch ale"
            }
        }
        return !EnglishWords.contains(word) && before.isEmpty() && NamedThings.sentenceStart(text, from)
                && (after.isEmpty() ? otherVowels(word, term) : coinedRun(text, after))
                && description(text, after.isEmpty() ? end : after.get(after.size() - 1)[1], lexicon, person);
    }

    /**
     * @return true when the word spells the term with other vowels only ({@code assos} for {@code asses}): how a
     *     word of another language meets a lexicon word, where a disguise changes or adds consonants ({@code phuck},
     *     {@code azzhole}, {@code biatch})
     */
    static boolean otherVowels(String word, String term) {
        if (word.length() != term.length() || word.equals(term)) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char a = word.charAt(i);
            char b = term.charAt(i);
            if (a != b && (VOWELS.indexOf(a) < 0 || VOWELS.indexOf(b) < 0)) {
                return false;
            }
        }
        return true;
    }

    /** @return true for a noun of goods or of a house, in the singular or a plural */
    private boolean tradeNoun(String w) {
        int n = w.length();
        return listed(w) || (w.endsWith("s") && listed(w.substring(0, n - 1)))
                || (w.endsWith("es") && listed(w.substring(0, n - 2)))
                || (w.endsWith("ies") && listed(w.substring(0, n - 3) + "y"));
    }

    private boolean listed(String w) {
        return goods.contains(w) || houses.contains(w);
    }

    /** @return true when the word and the next one, written together, are a lexicon word ({@link JoinedTerms}) */
    private static boolean compound(String text, String word, int end, Set<String> lexicon) {
        int[] w = next(text, end);
        return w != null && JoinedTerms.formTerm(word, lower(text, w), lexicon);
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
