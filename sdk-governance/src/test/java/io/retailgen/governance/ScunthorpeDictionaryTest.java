package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Scunthorpe guard generalises: English words that contain a lexicon term as a substring, a stem or a collapsed
 * spelling, drawn from the shipped word list rather than chosen by hand, are never flagged as profanity.
 */
class ScunthorpeDictionaryTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();

    /** Lexicon terms of at least three letters, normalised as the policy normalises them. */
    private static List<String> stems(ProfanityLexicon lexicon) {
        List<String> out = new ArrayList<>();
        for (String t : lexicon.terms().keySet()) {
            if (t.length() >= 3 && t.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * @return true when the word is profane by the lexicon's own account: listed itself, or the plural of a surely
     *     profane term that is an English word
     */
    private static boolean profaneItself(String w, Map<String, Severity> terms) {
        if (terms.containsKey(w)) {
            return true;
        }
        for (String suffix : new String[] {"s", "es"}) {
            if (w.endsWith(suffix)) {
                String stem = w.substring(0, w.length() - suffix.length());
                Severity s = terms.get(stem);
                if (s != null && s.compareTo(Severity.HIGH) >= 0 && EnglishWords.contains(stem)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void dictionaryWordsContainingLexiconTermsAreNeverFlagged() {
        ProfanityLexicon lexicon = ProfanityLexicon.defaults();
        List<String> stems = stems(lexicon);
        List<String> candidates = new ArrayList<>();
        for (String w : EnglishWords.all()) {
            if (profaneItself(w, lexicon.terms())) {
                continue;
            }
            for (String t : stems) {
                if (w.length() > t.length() && w.contains(t)) {
                    candidates.add(w);
                    break;
                }
            }
        }
        candidates.sort(null);
        // a seeded draw of 4,000 (all of them when fewer)
        SplittableRandom r = new SplittableRandom(20261207L);
        List<String> drawn = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            int left = candidates.size() - i;
            if (r.nextInt(left) < 4000 - drawn.size()) {
                drawn.add(candidates.get(i));
            }
        }
        assertThat(drawn).hasSizeGreaterThanOrEqualTo(2000);
        List<String> flagged = new ArrayList<>();
        for (String w : drawn) {
            for (String form : new String[] {w, Character.toUpperCase(w.charAt(0)) + w.substring(1),
                "Great value, " + w + " included."}) {
                for (Finding f : POLICY.check(form).findings()) {
                    if (f.category().equals("profanity")) {
                        flagged.add(form + " (" + f.message() + ")");
                    }
                }
            }
        }
        assertThat(flagged).as("dictionary words flagged as profanity").isEmpty();
    }
}
