package io.retailgen.governance;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lexicon words that also name a concrete, inoffensive thing ({@code booby} the bird, {@code pollock} the fish,
 * {@code dong} the currency, {@code muff}, {@code dipstick}, {@code bastard} in the names of plants and tools; the
 * list {@code things-wordnet.txt} is made from WordNet by {@code tools/lexicons/wordnet_extract.py}), and the shape of
 * a product name that uses them in that sense.
 *
 * <p>Such a word is a word of a name when, written plainly (lower case or capitalised, no letter stretched), it
 * <ul>
 *   <li>stands before another word of the name (a head noun: {@code pollock fillets}, {@code bastard file},
 *       {@code Dong Quai root}), and the name starts right before it (start of the text, or after {@code :},
 *       {@code ,}, {@code (}, a number, ...) or a classifying word comes before it ({@code Alaska pollock fillets},
 *       {@code blue-footed booby plush}); or</li>
 *   <li>ends a name after a compound modifier or inside a capitalised title ({@code blue-footed booby},
 *       {@code Alaska Pollock}).</li>
 * </ul>
 * A determiner, pronoun, interjection or evaluative word before it ({@code this}, {@code the}, {@code holy},
 * {@code best}, {@code stupid}) makes it a word of abuse again ({@code Stop the bastard and buy it}), and so does a
 * function word after it ({@code bastard and}). Immutable and thread-safe.
 */
final class NamedThings {

    static final String RESOURCE = "things-wordnet.txt";

    /**
     * Closed classes of words after which a noun is not a product name but an address or an exclamation:
     * determiners, pronouns, interjections, and adjectives that evaluate or intensify rather than classify.
     */
    private static final Set<String> NOT_A_CLASSIFIER = Set.of("a", "an", "the", "this", "that", "these", "those",
            "my", "your", "his", "her", "our", "their", "its", "you", "you're", "ur", "he", "she", "it", "we", "they",
            "i", "me", "him", "us", "them", "what", "which", "such", "some", "any", "no", "not", "every", "each",
            "oh", "hey", "holy", "yo", "ha", "lol", "omg", "wow", "so", "too", "very", "real", "really", "total",
            "totally", "complete", "utter", "absolute", "pure", "big", "huge", "little", "great", "best", "worst",
            "good", "bad", "nice", "hot", "sexy", "dirty", "filthy", "fat", "stupid", "dumb", "lazy", "ugly", "old",
            "silly", "crazy", "damn", "bloody", "fucking", "freaking", "effing", "poor", "lucky", "greedy", "cheap",
            "sweet", "wet", "tight", "hairy", "giant", "massive", "like", "is", "are", "was", "were", "be", "am",
            "and", "or", "but", "of", "to", "for", "with", "at", "by", "on", "off", "up", "as", "than", "call",
            "called", "dear", "mr", "mrs", "ms", "sir", "miss", "lady", "man", "guy", "dude", "bro", "mate");
    /** Words that cannot be the next word of a name: function words that start a clause or a phrase. */
    private static final Set<String> NOT_A_HEAD = Set.of("and", "or", "but", "nor", "is", "are", "was", "were",
            "be", "been", "am", "will", "would", "can", "could", "should", "must", "may", "might", "shall", "do",
            "does", "did", "has", "have", "had", "to", "of", "in", "on", "at", "by", "for", "with", "from", "off",
            "up", "out", "as", "than", "that", "this", "who", "which", "what", "if", "so", "then", "you", "me",
            "him", "her", "it", "us", "them", "i", "he", "she", "we", "they", "my", "your", "the", "a", "an",
            "please", "yourself", "himself", "herself", "itself", "not", "no", "yes", "lol", "omg");
    private static final String NAME_OPENERS = ":,;([{\"'/|\u2013\u2014\u2022*#";

    static final String PERSONS = "persons-wordnet.txt";
    static final String KINDS = "kinds-wordnet.txt";
    static final String CLASSIFIERS = "classifiers-wordnet.txt";
    /** Words before a modifier that make the modifier part of an address ("you great tit"). */
    private static final Set<String> ADDRESS = Set.of("you", "your", "ur", "you're", "ya", "what", "such");

    private final Set<String> things;
    /** Nouns whose most frequent sense is a person: no head of the name of a thing ("bastard seller"). */
    private final Set<String> persons;
    /** Animals and plants whose kinds are named with a modifier before the word ("blue tit", "wild ass"). */
    private final Set<String> kinds;
    /** Nouns with a sense among animals, plants, natural objects, places, substances or body parts. */
    private final Set<String> classifiers;

    /** @param things the words, lower case */
    NamedThings(List<String> things) {
        this(things, List.of());
    }

    /**
     * @param things the words, lower case
     * @param persons nouns whose most frequent sense is a person, lower case
     */
    NamedThings(List<String> things, List<String> persons) {
        this(things, persons, List.of(), List.of());
    }

    /**
     * @param things the words, lower case
     * @param persons nouns whose most frequent sense is a person, lower case
     * @param kinds lexicon words that name an animal or plant whose kinds WordNet names with a modifier before the
     *     word, lower case
     * @param classifiers nouns that may classify a kind when written before its name ({@code willow}, {@code coal},
     *     {@code tail} of {@code long-tailed}), lower case
     */
    NamedThings(List<String> things, List<String> persons, List<String> kinds, List<String> classifiers) {
        this.persons = Set.copyOf(persons);
        this.kinds = Set.copyOf(kinds);
        this.classifiers = Set.copyOf(classifiers);
        Set<String> s = new HashSet<>();
        for (String t : things) {
            String k = t.strip().toLowerCase(Locale.ROOT);
            if (!k.isEmpty()) {
                s.add(k);
            }
        }
        this.things = Set.copyOf(s);
    }

    /** @return the words shipped with the SDK */
    static NamedThings wordNet() {
        return new NamedThings(PolicyConfig.resourceLines(RESOURCE), PolicyConfig.resourceLines(PERSONS),
                PolicyConfig.resourceLines(KINDS), PolicyConfig.resourceLines(CLASSIFIERS));
    }

    /**
     * @param text the original text
     * @param from the start of a whole word in {@code text} that a lexicon term matched
     * @param to its end
     * @param lexicon every lexicon term, lower case (a lexicon word is no head of a name)
     * @return true when the word is one of the things, used as a word of a product name
     */
    boolean inName(String text, int from, int to, Set<String> lexicon) {
        if (to - from < 3 || !plainWord(text, from, to)) {
            return false;
        }
        String word = text.substring(from, to).toLowerCase(Locale.ROOT);
        if (!isThing(word)) {
            return false;
        }
        int[] next = nextWord(text, to);
        boolean headFollows = next != null && next[1] - next[0] >= 2
                && !lexicon.contains(lower(text, next)) && !NOT_A_HEAD.contains(lower(text, next))
                && !person(lower(text, next));
        int p = from - 1;
        while (p >= 0 && text.charAt(p) == ' ') {
            p--;
        }
        if (p < 0 || NAME_OPENERS.indexOf(text.charAt(p)) >= 0 || Character.isDigit(text.charAt(p))) {
            return headFollows; // the name starts here: "New in: pollock fillets", "bastard file"
        }
        if (p == from - 1 && text.charAt(p) != '-') {
            return false; // glued to something that is no word boundary
        }
        int e = p + 1;
        int s = p;
        while (s > 0 && (Character.isLetter(text.charAt(s - 1)) || text.charAt(s - 1) == '-'
                || text.charAt(s - 1) == '\'')) {
            s--;
        }
        String before = text.substring(s, e).toLowerCase(Locale.ROOT);
        if (before.isEmpty() || NOT_A_CLASSIFIER.contains(before) || lexicon.contains(before)
                || !Character.isLetter(text.charAt(s))) {
            return false;
        }
        boolean compound = before.indexOf('-') > 0 && before.indexOf('-') < before.length() - 1;
        boolean title = Character.isUpperCase(text.charAt(s)) && Character.isUpperCase(text.charAt(from))
                && !sentenceStart(text, s);
        if (headFollows) {
            return compound || title || EnglishWords.contains(before) || Character.isUpperCase(text.charAt(s));
        }
        return next == null && (compound || title); // "blue-footed booby", "Alaska Pollock"
    }

    /**
     * A word that names an animal or plant whose kinds are named with a modifier ({@code tit}: blue tit, bush tit)
     * names one of its kinds when, singular and written plainly, it has a classifying modifier right before it
     * (joined by a space or a hyphen: {@code great tit}, {@code Long-tailed tit}, {@code willow-tit}) and a head
     * noun right after it ({@code nest box}, {@code figurine}): the name of a product about the kind, whether or not
     * WordNet lists that kind. A classifying modifier is a noun of nature, place, substance or body part
     * ({@code classifiers-wordnet.txt}: {@code willow}, {@code marsh}, {@code coal}), such a noun with {@code -ed}
     * ({@code crested}), {@code great} or {@code little}, or any word joined by a hyphen; a plural counts only after
     * a hyphenated modifier ({@code Long-tailed tits flock}). A colour, a verb, a determiner, pronoun or evaluative
     * word as the modifier ({@code purple cock pics}, {@code send cock pics}, {@code you tit}, {@code nice tit}),
     * an address before the modifier ({@code you great tit}), no head after it ({@code what a great tit}), another
     * plural ({@code great tits}) or a person after it leave it a term. A colour classifies only a word whose kinds
     * WordNet names by colour, before a depiction ({@link ColourKinds}: {@code Azure tit print}).
     *
     * @param text the original text
     * @param from the start of a whole word in {@code text} that a lexicon term matched
     * @param to its end
     * @param lexicon every lexicon term, lower case
     * @return true when the word names a kind of animal or plant inside a product name
     */
    boolean kindOfThing(String text, int from, int to, Set<String> lexicon) {
        if (from < 2 || !plainWord(text, from, to) || (text.charAt(from - 1) != ' ' && text.charAt(from - 1) != '-')) {
            return false;
        }
        String word = lower(text, new int[] {from, to});
        boolean plural = !kinds.contains(word);
        if (plural && !(word.endsWith("s") && kinds.contains(word.substring(0, word.length() - 1)))) {
            return false;
        }
        int[] next = nextWord(text, to);
        if (next == null || next[1] - next[0] < 2 || lexicon.contains(lower(text, next))
                || (NOT_A_HEAD.contains(lower(text, next)) && !sharedHead(text, word, next, lexicon))
                || person(lower(text, next))) {
            return false;
        }
        int s = from - 1;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        String modifier = text.substring(s, from - 1).toLowerCase(Locale.ROOT);
        boolean compound = text.charAt(from - 1) == '-' || (s > 0 && text.charAt(s - 1) == '-');
        if (modifier.length() < 2 || addressesSomeone(modifier) || lexicon.contains(modifier)
                || !(compound || classifies(modifier) || epithet(modifier, lexicon) || (!plural
                        && Colours.WORDNET.depicted(modifier, word, lower(text, next))))
                || (plural && !compound)) {
            return false;
        }
        int p = s - 1;
        while (p >= 0 && (text.charAt(p) == ' ' || text.charAt(p) == '-')) {
            p--;
        }
        int q = p;
        while (q >= 0 && Character.isLetter(text.charAt(q))) {
            q--;
        }
        String before = text.substring(q + 1, p + 1).toLowerCase(Locale.ROOT);
        return !ADDRESS.contains(before) && !lexicon.contains(before);
    }

    /**
     * A lexicon term that is no English word ({@code cum}, {@code kum}, {@code nigra}) written plainly right next to
     * another word of three letters or more that is neither English nor in the lexicon (or a two-letter one followed
     * by such a word) is a word of a phrase in another language: {@code magna cum laude}, {@code Kara Kum},
     * {@code substantia nigra}, and, for sound-alike spellings, {@code coq au vin}, {@code Helianthus annuus}.
     * English neighbours ({@code cum shot}, {@code fuk ur mom}) and lexicon neighbours leave it a term.
     *
     * @param text the original text
     * @param from the start of a whole word in {@code text} that a lexicon term matched
     * @param to its end
     * @param lexicon every lexicon term, lower case
     * @return true when the word stands in a foreign phrase
     */
    static boolean inForeignPhrase(String text, int from, int to, Set<String> lexicon) {
        if (!plainWord(text, from, to) || EnglishWords.contains(text.substring(from, to).toLowerCase(Locale.ROOT))) {
            return false;
        }
        int[] next = nextWord(text, to);
        if (next != null && foreign(text, next, lexicon)) {
            return true;
        }
        if (next != null && next[1] - next[0] == 2 && foreign(text, next, lexicon, 2)) {
            int[] after = nextWord(text, next[1]); // "coq au vin": a short foreign word, then a longer one
            if (after != null && foreign(text, after, lexicon)) {
                return true;
            }
        }
        int e = from;
        if (e < 2 || text.charAt(e - 1) != ' ') {
            return false;
        }
        int s = e - 1;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        return s < e - 1 && foreign(text, new int[] {s, e - 1}, lexicon);
    }

    private static boolean foreign(String text, int[] span, Set<String> lexicon) {
        return foreign(text, span, lexicon, 3);
    }

    private static boolean foreign(String text, int[] span, Set<String> lexicon, int minLength) {
        String w = lower(text, span);
        return w.length() >= minLength && plainWord(text, span[0], span[1]) && !EnglishWords.contains(w)
                && !lexicon.contains(w);
    }

    /**
     * @param word a word, lower case
     * @return true when a noun after {@code word} addresses or evaluates someone rather than names a thing: a
     *     determiner, pronoun, interjection or evaluative word ({@code you}, {@code my}, {@code a}, {@code nice},
     *     {@code big}), except the adjectives that begin the names of animals ({@code great}, {@code little})
     */
    static boolean addressesSomeone(String word) {
        return NOT_A_CLASSIFIER.contains(word) && !word.equals("great") && !word.equals("little");
    }

    /**
     * Two kinds joined by {@code and} or {@code or} share the head noun after the second ({@code Marsh tit and willow
     * tit identification chart}): the word after the conjunction is a modifier, then the same word, which names a
     * kind by itself.
     */
    private boolean sharedHead(String text, String word, int[] conjunction, Set<String> lexicon) {
        String c = lower(text, conjunction);
        if (!c.equals("and") && !c.equals("or")) {
            return false;
        }
        int[] modifier = nextWord(text, conjunction[1]);
        int[] second = modifier == null ? null : nextWord(text, modifier[1]);
        return second != null && lower(text, second).equals(word) && kindOfThing(text, second[0], second[1], lexicon);
    }

    /**
     * A species epithet written in English ({@code Penduline tit}, from Latin {@code pendulinus}): a word of six
     * letters or more, letters a to z only, that is neither an English word, nor one letter away from one (a
     * misspelling such as {@code beautifull} or {@code gorgeos} is no epithet), nor holds a lexicon term.
     */
    private static boolean epithet(String modifier, Set<String> lexicon) {
        if (modifier.length() < 6 || !modifier.chars().allMatch(c -> c >= 'a' && c <= 'z')
                || oneLetterFromEnglish(modifier)) {
            return false;
        }
        for (int i = 0; i < modifier.length(); i++) {
            for (int j = i + 3; j <= modifier.length(); j++) {
                if (lexicon.contains(modifier.substring(i, j))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** @return true when the word, or the word with one letter dropped, added or changed, is an English word */
    private static boolean oneLetterFromEnglish(String w) {
        if (EnglishWords.contains(w)) {
            return true;
        }
        StringBuilder b = new StringBuilder(w.length() + 1);
        for (int i = 0; i <= w.length(); i++) {
            if (i < w.length() && EnglishWords.contains(w.substring(0, i) + w.substring(i + 1))) {
                return true;
            }
            for (char c = 'a'; c <= 'z'; c++) {
                b.setLength(0);
                b.append(w, 0, i).append(c).append(w, i, w.length());
                if (EnglishWords.contains(b.toString())) {
                    return true;
                }
                if (i < w.length() && c != w.charAt(i)) {
                    b.setLength(0);
                    b.append(w, 0, i).append(c).append(w, i + 1, w.length());
                    if (EnglishWords.contains(b.toString())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * @return true for a word that can classify a kind: a noun of nature, place, substance or body part
     *     ({@code willow}, {@code marsh}, {@code coal}), the same with {@code -ed} ({@code crested}, {@code tailed}),
     *     or {@code great} and {@code little}, which begin many animal names; a colour, a verb or an evaluative
     *     adjective ({@code purple}, {@code send}, {@code hard}) is none
     */
    private boolean classifies(String modifier) {
        int n = modifier.length();
        return classifiers.contains(modifier) || modifier.equals("great") || modifier.equals("little")
                || (n > 4 && modifier.endsWith("ed") && (classifiers.contains(modifier.substring(0, n - 2))
                || classifiers.contains(modifier.substring(0, n - 1))));
    }

    /** Kinds named by colour, loaded when a colour first stands before such a word. */
    private static final class Colours {
        static final ColourKinds WORDNET = ColourKinds.wordNet();
    }

    /** @return true for a noun whose most frequent sense is a person, or its plural ({@code seller}, {@code sellers}) */
    boolean person(String word) {
        return persons.contains(word) || (word.endsWith("s") && persons.contains(word.substring(0, word.length() - 1)));
    }

    /** @return true for a thing or its plural ({@code pollocks}, {@code boobies}) */
    private boolean isThing(String word) {
        int n = word.length();
        return things.contains(word)
                || (word.endsWith("s") && things.contains(word.substring(0, n - 1)))
                || (word.endsWith("es") && things.contains(word.substring(0, n - 2)))
                || (word.endsWith("ies") && things.contains(word.substring(0, n - 3) + "y"));
    }

    private static boolean plainWord(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean ok = i == from ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : c >= 'a' && c <= 'z';
            if (!ok || (i >= from + 2 && c == text.charAt(i - 1) && c == text.charAt(i - 2))) {
                return false;
            }
        }
        return true;
    }

    /** @return the letters-only word right after {@code to} (one space or hyphen between), or null */
    private static int[] nextWord(String text, int to) {
        int i = to;
        if (i < text.length() && text.charAt(i) == '\'' && i + 1 < text.length() && text.charAt(i + 1) == 's') {
            i += 2; // a possessive: "Hooker's green"
        }
        if (i >= text.length() || (text.charAt(i) != ' ' && text.charAt(i) != '-')) {
            return null;
        }
        i++;
        int s = i;
        while (i < text.length() && Character.isLetter(text.charAt(i))) {
            i++;
        }
        return i > s ? new int[] {s, i} : null;
    }

    /** @return true when only spaces, or a sentence end ({@code . ! ?}) and spaces, stand before {@code s} */
    static boolean sentenceStart(String text, int s) {
        int i = s - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        return i < 0 || ".!?".indexOf(text.charAt(i)) >= 0;
    }

    private static String lower(String text, int[] span) {
        return text.substring(span[0], span[1]).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "NamedThings[" + things.size() + " words]";
    }
}
