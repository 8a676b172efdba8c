package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The one-pass scan (the strict and the phrase view built together as views derived from the light view, with the
 * two automata run while they are built, and the automata's end filter) gives exactly what the reference views with
 * a plain automaton search give: the same views, the same matches and the same {@link PolicyResult}, on random
 * ASCII, random Unicode, and text made of lexicon terms, brands, claims, personal data, leetspeak and noise.
 */
class FusedScanTest {

    private static final DefaultContentPolicy POLICY = (DefaultContentPolicy) ContentPolicy.defaults();

    /** Pieces that exercise every rule kind and every path of the views. */
    private static final List<String> PIECES = List.of("shit", "sh1t", "SHIIIT", "f u c k", "f.u.c.k", "a$$", "4ss",
            "f*ck", "a**hole", "looser", "kkk", "poo", "bitches", "Scunthorpe", "assorted", "Rolex", "rolex", "Gucci",
            "Nike", "HP", "hp", "replica", "inspired by", "dupe", "-inspired", "only 3 left", "Only 12 left in stock",
            "100% guaranteed", "lowest price ever", "clinically proven", "eco-friendly", "a.b@example.com",
            "x\uff20y.com", "+44 20 7946 0958", "call 5551234567", "4111 1111 1111 1111", "12 Baker Street",
            "221B Baker St.", " ", " ", " ", ". ", ", ", "-", "!", "|", "+", "@", "$", "1", "0", "#", "\u200b",
            "\u00e9", "\u0430", "\u00a3", "\u00a1", "\u20ac", "\ufb01", "  ", "\n", "a", "b", "I", "soft", "shirt",
            "linen", "Item 123456, \u00a39.99.", "too!", "o!k", "wow!!", "x|y", "l33t");

    private static Gen<String> pieces() {
        return lists().of(integers().between(0, PIECES.size() - 1)).ofSizeBetween(0, 25).map(ix -> {
            StringBuilder b = new StringBuilder();
            for (int i : ix) {
                b.append(PIECES.get(i));
            }
            return b.toString();
        });
    }

    private static void sameResultAsReference(String s) {
        TextView ref = ReferenceNormalizer.light(s);
        // the reference light view does not track folded '@'s (NormalizerFastPathTest checks the fast one's flag)
        TextView light = new TextView(ref.chars, ref.start, ref.end, ref.runs, ref.length, ref.joined,
                Normalizer.light(s).foldedAt);
        PolicyResult reference = POLICY.check(s, new Analysis(s, light, ReferenceNormalizer.strict(light),
                ReferenceNormalizer.phrase(light)));
        assertThat(POLICY.check(s)).as(s).isEqualTo(reference);
        // fast views without the fused automata and without a workspace
        assertThat(POLICY.check(s, new Analysis(s))).as(s).isEqualTo(reference);
    }

    @Test
    void policyResultsEqualTheReference() {
        qt().withExamples(3000).forAll(strings().betweenCodePoints(0, 0x7f).ofLengthBetween(0, 80))
                .checkAssert(FusedScanTest::sameResultAsReference);
        qt().withExamples(2000).forAll(strings().allPossible().ofLengthBetween(0, 60))
                .checkAssert(FusedScanTest::sameResultAsReference);
        qt().withExamples(5000).forAll(pieces()).checkAssert(FusedScanTest::sameResultAsReference);
    }

    @Test
    void policyResultsEqualTheReferenceOnExamples() {
        for (String s : List.of("", "Only 3 left! Mail a.b@example.com, f u c k", "replica Rolex, sh1t hot",
                "Gucci-inspired a$$ bag at 12 Baker Street", "size up for a looser fit", "What the f*ck, cheap?",
                "s h i i i t and Nike dupe", "Call +1 (555) 123-4567.")) {
            sameResultAsReference(s);
        }
    }

    private static void sameView(TextView fast, TextView ref, boolean runs, String text) {
        assertThat(fast.length).as("length of %s", text).isEqualTo(ref.length);
        for (int i = 0; i < ref.length; i++) {
            assertThat(fast.chars[i]).as("char %d of %s", i, text).isEqualTo(ref.chars[i]);
            assertThat(fast.startAt(i)).as("start %d of %s", i, text).isEqualTo(ref.start[i]);
            assertThat(fast.endAt(i)).as("end %d of %s", i, text).isEqualTo(ref.end[i]);
            if (runs) {
                assertThat(fast.runAt(i)).as("runs %d of %s", i, text).isEqualTo(ref.runs[i]);
            }
        }
    }

    /** @return the matches of a plain search, as "pattern@end" */
    static List<String> searched(AhoCorasick m, TextView v) {
        List<String> out = new ArrayList<>();
        m.search(v.chars, v.length, (p, end) -> out.add(p + "@" + end));
        return out;
    }

    /** @return the matches recorded in a fused pass, as {@link #searched} */
    static List<String> replayed(Matches found, AhoCorasick m, TextView v) {
        List<String> out = new ArrayList<>();
        found.replay(m, v.chars, v.length, (p, end) -> out.add(p + "@" + end));
        return out;
    }

    private static final IntPredicate WORD = c -> CharClass.isLetterOrDigit((char) c);
    private static final IntPredicate BOUNDARY = c -> CharClass.isLetterOrDigit((char) c) || c == '#';
    private static final List<String> PATTERNS = List.of("shit", "ass", "as", "fuck", "fu", "kk", "k", "poo",
            "rolex", "hp", "inspired", "inspired by", "only # left", "#% guaranteed", "a.b", "-x", "x-", "s!");
    private static final AhoCorasick STRICT_MATCHER = new AhoCorasick(PATTERNS, AhoCorasick.Anchor.WORD_START, WORD,
            c -> WORD.test(c) && "seiyz".indexOf(c) < 0, null);
    private static final AhoCorasick PHRASE_MATCHER = new AhoCorasick(PATTERNS,
            AhoCorasick.Anchor.WORD_START_OR_NON_WORD, BOUNDARY, BOUNDARY, BOUNDARY);

    private static void fusedPassEqualsTheReference(String text, Workspace w) {
        TextView refLight = ReferenceNormalizer.light(text);
        TextView refStrict = ReferenceNormalizer.strict(refLight);
        TextView refPhrase = ReferenceNormalizer.phrase(refLight);
        TextView light = Normalizer.light(text, w);
        Matches sf = new Matches();
        Matches pf = new Matches();
        TextView strict = Normalizer.strictAndPhrase(light, w, STRICT_MATCHER, sf, PHRASE_MATCHER, pf);
        sameView(strict, refStrict, true, text);
        assertThat(sf.valid).isEqualTo(pf.valid);
        if (sf.valid) {
            assertThat(sf.view).isSameAs(strict);
            assertThat(replayed(sf, STRICT_MATCHER, strict)).as(text).isEqualTo(searched(STRICT_MATCHER, refStrict));
            sameView(pf.view, refPhrase, false, text);
            assertThat(replayed(pf, PHRASE_MATCHER, pf.view)).as(text)
                    .isEqualTo(searched(PHRASE_MATCHER, refPhrase));
        }
        Matches alone = new Matches();
        TextView phrase = Normalizer.phrase(light, w, PHRASE_MATCHER, alone);
        sameView(phrase, refPhrase, false, text);
        assertThat(alone.valid).isTrue();
        assertThat(replayed(alone, PHRASE_MATCHER, phrase)).as(text).isEqualTo(searched(PHRASE_MATCHER, refPhrase));
    }

    @Test
    void fusedViewsAndMatchesEqualTheReference() {
        Workspace w = Workspace.acquire(100);
        assertThat(w).isNotNull();
        try {
            qt().withExamples(2000).forAll(strings().betweenCodePoints(0, 0x7f).ofLengthBetween(0, 80))
                    .checkAssert(s -> {
                        fusedPassEqualsTheReference(s, null);
                        fusedPassEqualsTheReference(s, w);
                    });
            qt().withExamples(2000).forAll(strings().allPossible().ofLengthBetween(0, 60)).checkAssert(s -> {
                fusedPassEqualsTheReference(s, null);
                fusedPassEqualsTheReference(s, w);
            });
            qt().withExamples(4000).forAll(pieces()).checkAssert(s -> {
                fusedPassEqualsTheReference(s, null);
                fusedPassEqualsTheReference(s, w);
            });
        } finally {
            w.release();
        }
    }

    @Test
    void theEndFilterSkipsOnlyMatchesFollowedByABlockingChar() {
        AhoCorasick plain = new AhoCorasick(PATTERNS, AhoCorasick.Anchor.WORD_START_OR_NON_WORD, BOUNDARY);
        String alphabet = "asshitfukpo#x-. !\u00e9";
        qt().withExamples(5000).forAll(lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(0, 40))
                .checkAssert(ix -> {
                    char[] t = new char[ix.size()];
                    for (int i = 0; i < t.length; i++) {
                        t[i] = alphabet.charAt(ix.get(i));
                    }
                    List<String> expected = new ArrayList<>();
                    plain.search(t, t.length, (p, end) -> {
                        boolean blocked = end < t.length && t[end] < 128 && t[end - 1] < 128
                                && BOUNDARY.test(t[end]) && BOUNDARY.test(t[end - 1]);
                        if (!blocked) {
                            expected.add(p + "@" + end);
                        }
                    });
                    List<String> got = new ArrayList<>();
                    PHRASE_MATCHER.search(t, t.length, (p, end) -> got.add(p + "@" + end));
                    assertThat(got).as(new String(t)).isEqualTo(expected);
                });
    }
}
