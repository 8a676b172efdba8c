package io.retailgen.governance;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Binomial names of living things ({@code Brassica rapa}, {@code Helianthus annuus}, {@code Cuon alpinus},
 * {@code Fucus vesiculosus}): a genus that WordNet names ({@code genera-wordnet.txt}, made by
 * {@code tools/lexicons/wordnet_extract.py} from its {@code genus X} lemmas), written with a capital and then lower
 * case, followed by a specific epithet of Latin form (lower case, three letters or more, a Latin ending such as
 * {@code -us}, {@code -a}, {@code -um}, {@code -is}, {@code -ae}, {@code -ii}, {@code -ensis}, {@code -oides}); the
 * genus may be abbreviated to its capital and a dot ({@code H. annuus}). A lexicon term or a sound-alike spelling
 * inside either word of such a name is part of the name. Immutable and thread-safe.
 */
final class ScientificNames {

    static final String RESOURCE = "genera-wordnet.txt";

    /** Endings of Latin specific epithets (adjectives of the three declensions, genitives, place-name adjectives). */
    private static final String[] EPITHET_ENDINGS = {"us", "a", "um", "is", "e", "es", "ae", "i", "ii", "ensis",
        "oides", "ens", "ans", "ax", "ex", "ix", "or", "os", "on", "ei", "orum", "arum"};

    private final Set<String> genera;

    /** @param genera the genera, written with a capital and then lower case */
    ScientificNames(List<String> genera) {
        Set<String> s = new HashSet<>();
        for (String g : genera) {
            String k = g.strip();
            if (!k.isEmpty()) {
                s.add(k);
            }
        }
        this.genera = Set.copyOf(s);
    }

    /** @return the genera shipped with the SDK */
    static ScientificNames wordNet() {
        return new ScientificNames(PolicyConfig.resourceLines(RESOURCE));
    }

    /**
     * @param text the text
     * @param from the start of a match
     * @param to its end
     * @return true when the match lies inside one word of a binomial name
     */
    boolean covers(String text, int from, int to) {
        int s = from;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        int e = to;
        while (e < text.length() && Character.isLetter(text.charAt(e))) {
            e++;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isLetter(text.charAt(i))) {
                return false; // a match over two words is no word of a name
            }
        }
        if (genus(text, s, e)) {
            int ns = e + 1;
            int ne = ns;
            while (ne < text.length() && Character.isLetter(text.charAt(ne))) {
                ne++;
            }
            return e < text.length() && text.charAt(e) == ' ' && epithet(text, ns, ne);
        }
        if (!epithet(text, s, e) || s < 2 || text.charAt(s - 1) != ' ') {
            return false;
        }
        int ge = s - 1;
        if (ge >= 2 && text.charAt(ge - 1) == '.' && Character.isUpperCase(text.charAt(ge - 2))
                && (ge == 2 || !Character.isLetter(text.charAt(ge - 3)))) {
            return true; // an abbreviated genus: "H. annuus"
        }
        int gs = ge;
        while (gs > 0 && Character.isLetter(text.charAt(gs - 1))) {
            gs--;
        }
        return genus(text, gs, ge);
    }

    private boolean genus(String text, int from, int to) {
        if (to - from < 3 || !Character.isUpperCase(text.charAt(from))) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            if (!Character.isLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return genera.contains(text.substring(from, to));
    }

    /** @return true when {@code [from, to)} is a lower-case word of three letters or more with a Latin ending */
    static boolean epithet(String text, int from, int to) {
        if (to - from < 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        for (String ending : EPITHET_ENDINGS) {
            if (to - from > ending.length() && text.startsWith(ending, to - ending.length())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "ScientificNames[" + genera.size() + " genera]";
    }
}
