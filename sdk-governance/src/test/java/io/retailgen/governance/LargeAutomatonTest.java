package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Automata too large for 16-bit steps (more than {@link AhoCorasick#NARROW_STATES} states, as a big custom lexicon
 * makes) search with their table of ints and report exactly the matches a naive scan finds, for every anchor; such
 * an automaton is never run while a view is built, so a policy built on it still finds everything.
 */
class LargeAutomatonTest {

    private static final IntPredicate WORD = c -> CharClass.isLetterOrDigit((char) c);

    /** Random words of four to nine letters over a small alphabet, so that words share prefixes and suffixes. */
    private static List<String> patterns(int count, long seed) {
        Random r = new Random(seed);
        Set<String> out = new LinkedHashSet<>();
        while (out.size() < count) {
            int len = 4 + r.nextInt(6);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < len; i++) {
                b.append((char) ('a' + r.nextInt(12)));
            }
            out.add(b.toString());
        }
        return new ArrayList<>(out);
    }

    private static List<String> naive(List<String> patterns, char[] t, AhoCorasick.Anchor anchor) {
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int p = 0; p < patterns.size(); p++) {
            index.put(patterns.get(p), p);
        }
        List<String> found = new ArrayList<>();
        for (int end = 1; end <= t.length; end++) {
            for (int start = Math.max(0, end - 9); start <= end - 4; start++) {
                Integer p = index.get(new String(t, start, end - start));
                if (p == null) {
                    continue;
                }
                boolean afterNonWord = start == 0 || !WORD.test(t[start - 1]);
                if (anchor == AhoCorasick.Anchor.ANYWHERE || afterNonWord
                        || (anchor == AhoCorasick.Anchor.WORD_START_OR_NON_WORD && !WORD.test(t[start]))) {
                    found.add(p + "@" + end);
                }
            }
        }
        return found;
    }

    private static List<String> sortedByEnd(List<String> matches) {
        List<String> out = new ArrayList<>(matches);
        out.sort((a, b) -> {
            int ea = Integer.parseInt(a.substring(a.indexOf('@') + 1));
            int eb = Integer.parseInt(b.substring(b.indexOf('@') + 1));
            return ea != eb ? Integer.compare(ea, eb) : a.compareTo(b);
        });
        return out;
    }

    /** Every anchor's automaton of {@code patterns}, searched on random text, against the naive scan. */
    private static void findsWhatANaiveScanFinds(List<String> patterns, boolean narrow, long seed) {
        Random r = new Random(seed);
        String alphabet = "abcdefghijkl -.";
        for (AhoCorasick.Anchor anchor : AhoCorasick.Anchor.values()) {
            AhoCorasick m = new AhoCorasick(patterns, anchor, WORD);
            assertThat(m.steps() != null).as("16-bit table").isEqualTo(narrow);
            assertThat(m.stateCount() > AhoCorasick.NARROW_STATES).as("states " + m.stateCount()).isEqualTo(!narrow);
            assertLatinColumns(m);
            for (int round = 0; round < 40; round++) {
                char[] t = new char[200];
                for (int i = 0; i < t.length; i++) {
                    t[i] = alphabet.charAt(r.nextInt(alphabet.length()));
                }
                List<String> got = new ArrayList<>();
                m.search(t, t.length, (p, end) -> got.add(p + "@" + end));
                assertThat(sortedByEnd(got)).as("%s: %s", anchor, new String(t))
                        .isEqualTo(sortedByEnd(naive(patterns, t, anchor)));
            }
        }
    }

    /** The Latin-1 column offsets are the class columns of the 16-bit table, and absent without one. */
    static void assertLatinColumns(AhoCorasick m) {
        if (m.steps() == null) {
            assertThat(m.latinColumns()).isNull();
            return;
        }
        assertThat(m.latinColumns()).hasSize(256);
        for (int c = 0; c < 256; c++) {
            assertThat(m.latinColumns()[c]).as("column of char %d", c).isEqualTo(m.classes()[c] * m.stride());
        }
    }

    @Test
    void theDefaultProfanityAutomatonHasItsLatinColumns() {
        for (AhoCorasick m : List.of(AhoCorasick.NONE, new ProfanityCheck(ProfanityLexicon.defaults()).fusedMatcher())) {
            assertThat(m.steps()).isNotNull();
            assertLatinColumns(m);
        }
    }

    @Test
    void aWideAutomatonFindsWhatANaiveScanFinds() {
        findsWhatANaiveScanFinds(patterns(25_000, 7), false, 11);
    }

    @Test
    void aNarrowAutomatonFindsWhatANaiveScanFinds() {
        findsWhatANaiveScanFinds(patterns(2_000, 3), true, 5);
    }

    @Test
    void aWideAutomatonIsSearchedAfterTheViewIsBuilt() {
        List<String> patterns = patterns(25_000, 7);
        AhoCorasick m = new AhoCorasick(patterns, AhoCorasick.Anchor.WORD_START, WORD);
        // patterns without a doubled letter, which the strict view would collapse
        List<String> plain = patterns.stream().filter(p -> !p.matches(".*(.)\\1.*")).limit(2).toList();
        String text = "x " + plain.get(0) + " y " + plain.get(1);
        Matches found = new Matches();
        TextView strict = Normalizer.strict(Normalizer.light(text), null, m, found);
        assertThat(found.valid).as("nothing recorded while the view was built").isFalse();
        List<String> got = new ArrayList<>();
        m.search(strict.chars, strict.length, (p, end) -> got.add(p + "@" + end));
        char[] view = java.util.Arrays.copyOf(strict.chars, strict.length);
        assertThat(got).isNotEmpty();
        assertThat(sortedByEnd(got)).isEqualTo(sortedByEnd(naive(patterns, view, AhoCorasick.Anchor.WORD_START)));
    }
}
