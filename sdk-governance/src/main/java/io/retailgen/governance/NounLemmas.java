package io.retailgen.governance;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Nouns that WordNet knows and the English word list lacks ({@code booyong}, {@code dik-dik}, {@code argus},
 * {@code Cuon}, {@code Kant}; {@code lemmas-wordnet.txt}, made by {@code tools/lexicons/wordnet_extract.py}). A
 * sound-alike spelling of a lexicon term that is one of these words is that word, not a disguise: sound-alikes are
 * made only where no English word is spelled the same, and these are English nouns too (names of animals, plants,
 * places and people). A noun that WordNet writes only with a capital counts only when written with one. Immutable and
 * thread-safe.
 */
final class NounLemmas {

    static final String RESOURCE = "lemmas-wordnet.txt";

    /** Lower case -> the lemma as WordNet writes it. */
    private final Map<String, String> lemmas;

    /** @param lemmas the lemmas as written: lower case, or capitalised for names */
    NounLemmas(List<String> lemmas) {
        Map<String, String> m = new HashMap<>();
        for (String l : lemmas) {
            String k = l.strip();
            if (!k.isEmpty()) {
                m.merge(k.toLowerCase(Locale.ROOT), k, (a, b) -> a.equals(a.toLowerCase(Locale.ROOT)) ? a : b);
            }
        }
        this.lemmas = Map.copyOf(m);
    }

    /** @return the lemmas shipped with the SDK */
    static NounLemmas wordNet() {
        return new NounLemmas(PolicyConfig.resourceLines(RESOURCE));
    }

    /**
     * @param text the text
     * @param from the start of a match
     * @param to its end
     * @return true when the word around {@code [from, to)} (letters, and words joined by hyphens) is one of the
     *     lemmas, written with a capital where the lemma has one
     */
    boolean isLemma(String text, int from, int to) {
        int s = from;
        while (s > 0 && (wordChar(text.charAt(s - 1))
                || (text.charAt(s - 1) == '-' && s > 1 && Character.isLetter(text.charAt(s - 2))))) {
            s--;
        }
        int e = to;
        while (e < text.length() && (wordChar(text.charAt(e))
                || (text.charAt(e) == '-' && e + 1 < text.length() && Character.isLetter(text.charAt(e + 1))))) {
            e++;
        }
        StringBuilder b = new StringBuilder(e - s);
        for (int i = s; i < e; i++) {
            if (Character.getType(text.charAt(i)) != Character.FORMAT) {
                b.append(text.charAt(i)); // zero-width characters are invisible: "d\u200Bg" reads "dg"
            }
        }
        String word = b.toString();
        if (word.isEmpty()) {
            return false;
        }
        String lemma = lemmas.get(word.toLowerCase(Locale.ROOT));
        if (lemma == null) {
            return false;
        }
        return Character.isLowerCase(lemma.charAt(0)) || word.charAt(0) == lemma.charAt(0);
    }

    /** @return true for a letter or an invisible format character (a zero-width space or joiner) */
    private static boolean wordChar(char c) {
        return Character.isLetter(c) || Character.getType(c) == Character.FORMAT;
    }

    @Override
    public String toString() {
        return "NounLemmas[" + lemmas.size() + " lemmas]";
    }
}
