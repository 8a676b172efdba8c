package io.retailgen.governance;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The innocent sense of a lexicon word told from the words around it, after Lesk's method of matching a sense's
 * dictionary neighbourhood against the context: {@code tit} the bird beside {@code bird}, {@code feeder} or
 * {@code chickadee}; {@code faggot} the bundle of sticks beside {@code bundle} or {@code sticks}; {@code cock} the
 * tap beside {@code faucet} or {@code spigot}. For each lexicon word that WordNet also gives a sense among animals,
 * artifacts or foods ({@code senses-wordnet.txt}, made by {@code tools/lexicons/wordnet_extract.py}), the list holds
 * the nouns of that sense's neighbourhood (synonyms, hypernyms, holonyms, hyponyms, gloss, artifacts named after it)
 * less those of its other senses. A binomial name nearby ({@code Parus major}) also shows the sense of a living
 * thing.
 *
 * <p>The word must be written plainly (lower case or capitalised, no stretched letter), and the word before it must
 * not address or evaluate someone ({@code you}, {@code my}, {@code a}, {@code nice}, {@code big}: see
 * {@link NamedThings#addressesSomeone}; an article, conjunction or preposition such as {@code the}, {@code and},
 * {@code for} addresses no one); the evidence must lie within {@link #WINDOW} words on either side, in the same
 * sentence, as written or inflected ({@code sparrows}, {@code nesting}). For a bird, every one-word name of a bird
 * is evidence ({@code Coal tits, blue tits and sparrows}). Immutable and thread-safe.
 */
final class WordSenses {

    static final String RESOURCE = "senses-wordnet.txt";
    /** Words on each side of the term where evidence counts. */
    static final int WINDOW = 4;

    /**
     * Articles, conjunctions and prepositions: before the word they join it to a phrase ({@code the cock crowed},
     * {@code hens and cock}, {@code feeder for tits}) and, unlike a pronoun or an evaluative word, address no one.
     */
    private static final Set<String> LINKS = Set.of("the", "and", "or", "of", "for", "with", "at", "by", "on", "as",
            "to", "in", "from");

    private final Map<String, Set<String>> evidence;
    private final ScientificNames binomials;

    /**
     * @param lines {@code term: word word ...}
     * @param binomials the binomial names whose presence shows a living thing
     */
    WordSenses(List<String> lines, ScientificNames binomials) {
        Map<String, Set<String>> m = new HashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                Set<String> words = new HashSet<>(List.of(line.substring(colon + 1).strip().split(" +")));
                m.put(line.substring(0, colon).strip(), Set.copyOf(words));
            }
        }
        this.evidence = Map.copyOf(m);
        this.binomials = binomials;
    }

    /** @return the senses shipped with the SDK */
    static WordSenses wordNet() {
        return new WordSenses(PolicyConfig.resourceLines(RESOURCE), ScientificNames.wordNet());
    }

    /**
     * @param text the original text
     * @param from the start of a whole word that a lexicon term matched
     * @param to its end
     * @return true when the word is used in its innocent sense, shown by the words around it
     */
    boolean innocent(String text, int from, int to) {
        String word = text.substring(from, to).toLowerCase(Locale.ROOT);
        Set<String> signs = evidence.get(word);
        if (signs == null && word.endsWith("s")) {
            signs = evidence.get(word.substring(0, word.length() - 1));
        }
        if (signs == null || !plain(text, from, to) || !unaddressed(text, from) || vocative(text, from, to)) {
            return false;
        }
        int s = from;
        for (int n = 0; n < WINDOW && s > 0; n++) {
            s = wordBefore(text, s);
        }
        int e = to;
        for (int n = 0; n < WINDOW && e < text.length(); n++) {
            e = wordAfter(text, e);
        }
        int i = s;
        while (i < e) {
            while (i < e && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int j = i;
            while (j < e && Character.isLetter(text.charAt(j))) {
                j++;
            }
            if (j > i && (i < from || i >= to)) {
                String w = text.substring(i, j).toLowerCase(Locale.ROOT);
                if (shows(signs, w) || binomials.covers(text, i, j)) {
                    return true;
                }
            }
            i = j;
        }
        return false;
    }

    /**
     * @param word a word as written
     * @return true when the word, or the singular of it, has an innocent sense in the list
     */
    boolean hasSense(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return evidence.containsKey(w) || (w.endsWith("s") && evidence.containsKey(w.substring(0, w.length() - 1)));
    }

    /**
     * @param text the original text
     * @param from the start of a word
     * @return true when the word before it neither addresses nor evaluates someone (an article, conjunction or
     *     preposition is allowed): the condition for reading the word in an innocent sense
     */
    static boolean unaddressed(String text, int from) {
        String before = previousWord(text, from);
        return !NamedThings.addressesSomeone(before) || LINKS.contains(before);
    }

    /**
     * @return true when {@code w} is one of the signs or an inflection of one: a plural ({@code sparrows}), a
     *     verb form of a noun that is also a verb ({@code nesting}, {@code nested}, {@code roosting})
     */
    private static boolean shows(Set<String> signs, String w) {
        int n = w.length();
        return signs.contains(w)
                || (n > 3 && w.endsWith("s") && signs.contains(w.substring(0, n - 1)))
                || (n > 5 && w.endsWith("ing") && signs.contains(w.substring(0, n - 3)))
                || (n > 4 && w.endsWith("ed") && signs.contains(w.substring(0, n - 2)));
    }

    /** @return the start of the word before {@code at}, not crossing the end of a sentence */
    private static int wordBefore(String text, int at) {
        int i = at;
        while (i > 0 && !Character.isLetter(text.charAt(i - 1))) {
            char c = text.charAt(i - 1);
            if (c == '.' || c == '!' || c == '?') {
                return at;
            }
            i--;
        }
        while (i > 0 && Character.isLetter(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** @return the end of the word after {@code at}, not crossing the end of a sentence */
    private static int wordAfter(String text, int at) {
        int i = at;
        while (i < text.length() && !Character.isLetter(text.charAt(i))) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?') {
                return at;
            }
            i++;
        }
        while (i < text.length() && Character.isLetter(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String previousWord(String text, int from) {
        int e = from;
        while (e > 0 && text.charAt(e - 1) == ' ') {
            e--;
        }
        int s = e;
        while (s > 0 && (Character.isLetter(text.charAt(s - 1)) || text.charAt(s - 1) == '\'')) {
            s--;
        }
        return text.substring(s, e).toLowerCase(Locale.ROOT);
    }

    /**
     * @return true when the word is set off by a comma as a form of address: first in its sentence and followed by a
     *     comma ({@code Bitch, get the milk}), or after a comma and last in its sentence ({@code get the milk, bitch})
     */
    static boolean vocative(String text, int from, int to) {
        int b = from;
        while (b > 0 && text.charAt(b - 1) == ' ') {
            b--;
        }
        int a = to;
        while (a < text.length() && text.charAt(a) == ' ') {
            a++;
        }
        boolean opens = b == 0 || ".!?".indexOf(text.charAt(b - 1)) >= 0;
        boolean closes = a == text.length() || ".!?".indexOf(text.charAt(a)) >= 0;
        return (opens && a < text.length() && text.charAt(a) == ',')
                || (closes && b > 0 && text.charAt(b - 1) == ',');
    }

    private static boolean plain(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean ok = i == from ? Character.isLetter(c) : Character.isLowerCase(c);
            if (!ok || (i >= from + 2 && c == text.charAt(i - 1) && c == text.charAt(i - 2))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "WordSenses[" + evidence.size() + " words]";
    }
}
