package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The table-driven, branch-free normalizer and the anchored automata give exactly what the straightforward versions
 * give, with fresh arrays and with one reused {@link Workspace}, on random ASCII, random Unicode and obfuscation-heavy
 * text.
 */
class NormalizerFastPathTest {

    /** Letters, digits, leet and separator chars, spaces, look-alikes, zero-width and combining chars. */
    private static final String OBFUSCATION = "aabcdefhiklnorstuyzAFKS   .-_*/\\~,!|+@$0134578#()'\"\t\n"
            + "\u00b7\u2022\u00a1\u20ac\u00a7\u00a2\u200b\u00ad\u0301\u00e9\u00df\u0130\u0131\ufb01\u00bd\u00b2"
            + "\uff46\uff21\u0430\u0435\u043e\u0441\u03bc\u03bf\u2013\u2014\u00a3";

    private static Gen<String> obfuscated() {
        return lists().of(integers().between(0, OBFUSCATION.length() - 1)).ofSizeBetween(0, 60).map(ix -> {
            StringBuilder b = new StringBuilder();
            for (int i : ix) {
                b.append(OBFUSCATION.charAt(i));
            }
            return b.toString();
        });
    }

    private static void sameView(TextView fast, TextView ref, boolean runs, String text) {
        assertThat(fast.length).as("length of %s", text).isEqualTo(ref.length);
        for (int i = 0; i < ref.length; i++) {
            assertThat(fast.chars[i]).as("char %d of %s", i, text).isEqualTo(ref.chars[i]);
            assertThat(fast.startAt(i)).as("start %d of %s", i, text).isEqualTo(ref.start[i]);
            assertThat(fast.endAt(i)).as("end %d of %s", i, text).isEqualTo(ref.end[i]);
            if (runs) {
                assertThat(fast.hasRuns()).isTrue();
                assertThat(fast.runAt(i)).as("runs %d of %s", i, text).isEqualTo(ref.runs[i]);
            }
            boolean fj = fast.joined != null && fast.joined[i];
            boolean rj = ref.joined != null && ref.joined[i];
            assertThat(fj).as("joined %d of %s", i, text).isEqualTo(rj);
        }
        assertThat(fast.joined == null).isEqualTo(ref.joined == null);
    }

    private static void sameAsReference(String text, Workspace w) {
        TextView refLight = ReferenceNormalizer.light(text);
        TextView light = Normalizer.light(text, w);
        sameView(light, refLight, false, text);
        sameView(Normalizer.strict(light, w), ReferenceNormalizer.strict(refLight), true, text);
        sameView(Normalizer.phrase(light, w), ReferenceNormalizer.phrase(refLight), false, text);
        boolean at = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            at |= c != '@' && (c >= 128 || Character.isSurrogate(c)) && Normalizer.fold(text.codePointAt(i))
                    .indexOf('@') >= 0;
        }
        assertThat(light.foldedAt).isEqualTo(at);
    }

    @Test
    void viewsEqualTheReferenceOnRandomText() {
        Workspace w = Workspace.acquire(100);
        assertThat(w).isNotNull();
        try {
            qt().withExamples(3000).forAll(strings().betweenCodePoints(0, 0x7f).ofLengthBetween(0, 80))
                    .checkAssert(s -> {
                        sameAsReference(s, null);
                        sameAsReference(s, w);
                    });
            qt().withExamples(3000).forAll(strings().allPossible().ofLengthBetween(0, 60)).checkAssert(s -> {
                sameAsReference(s, null);
                sameAsReference(s, w);
            });
            qt().withExamples(5000).forAll(obfuscated()).checkAssert(s -> {
                sameAsReference(s, null);
                sameAsReference(s, w);
            });
        } finally {
            w.release();
        }
    }

    @Test
    void viewsEqualTheReferenceOnObfuscationExamples() {
        for (String s : List.of("", " ", "f u c k", "F.U.C.K you", "s h i i i t", "a b c d e", "sh1t a$$ 4ss",
                "f*ck a**hole", "fuuuuck", "f\u200bu\u200bc\u200bk", "\uff46\uff55\uff43\uff4b", "\u0455hit",
                "f\u00fcck", "only 3 left!!", "call  +44 20 7946 0958", "x@y.com \uff20 \ufe6b", "\ufb03 \u00bd",
                "Scunthorpe", "a  -  b", "1 2 3 a b c", "é é é", "\t\n\r  x  ")) {
            sameAsReference(s, null);
        }
    }

    /**
     * A text whose every char folds to one char, without runs of white space, gets a light view without span arrays
     * (character i came from char i), any other text one with arrays; either way every view's spans are the
     * reference's, also for the strict and phrase views derived from a light view without arrays and for the general
     * strict path (leetspeak, spaced letters).
     */
    @Test
    void lightViewWithoutSpanArraysOnlyWhereEveryCharStaysInPlace() {
        for (String s : List.of("", "a", "Soft cotton tee in navy. Only 3 left!", "sh1t a$$", "f u c k off",
                "call +44 20 7946 0958", "x\ty", "tab\u0001ctl", "Item 123456, \u00a342", "caf\u00e9",
                "\u0455hit", "x\u00a0y", "\uff46\uff55\uff43\uff4b", "mail \uff20 me")) {
            assertThat(Normalizer.light(s).identitySpans()).as("'%s'", s).isTrue();
            sameAsReference(s, null);
        }
        for (String s : List.of("two  spaces", "end  ", "  start", "tab\t\tx", "a \n b", "x\u200by",
                "a\u00a0 b", "\ufb01ne", "\u00bd off", "smile \ud83d\ude00", "f\u0301x")) {
            assertThat(Normalizer.light(s).identitySpans()).as("'%s'", s).isFalse();
            sameAsReference(s, null);
        }
        Workspace w = Workspace.acquire(100);
        assertThat(w).isNotNull();
        try {
            // a view with arrays, then one without in the same workspace, then the general paths over the latter
            sameAsReference("a  b  c", w);
            sameAsReference("f.u.c.k that sh1t", w);
            sameAsReference("F U C K", w);
        } finally {
            w.release();
        }
    }

    /**
     * The plain path's automaton against the two rules it reads, on dense text of single letters, separators, leet
     * and punctuation-leet chars: it is taken exactly when no word (run of non-spaces) with a letter has a leet char
     * that is not punctuation, or a punctuation leet char before a letter or another such leet char, and no three
     * single letters follow one another with one to three separators between them.
     */
    @Test
    void plainPathIsTakenExactlyWhenItsRulesAllow() {
        String alphabet = "ab  .-,*_/~\\\u00b7\u2022!|+\u00a14$0#'\u00e9\u0430\u0661";
        qt().withExamples(20000).forAll(lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(0, 16))
                .checkAssert(ix -> {
                    char[] t = new char[ix.size()];
                    for (int i = 0; i < t.length; i++) {
                        t[i] = alphabet.charAt(ix.get(i));
                    }
                    assertThat(Normalizer.plainPathApplies(t, t.length)).as("'%s'", new String(t))
                            .isEqualTo(!needsLeetUndone(t) && !hasLettersOneByOne(t));
                });
        for (String s : List.of("", "a", "a b", "a b c", "a b c1", "a.b.c", "a . . . b . c", "a . . . . b . c",
                "ab c d", "a b cd", "a!b", "ab!", "!ab", "a4", "4 a", "a+!4", "a+", "+a", "\u00e9 \u0430 b")) {
            char[] t = s.toCharArray();
            assertThat(Normalizer.plainPathApplies(t, t.length)).as("'%s'", s)
                    .isEqualTo(!needsLeetUndone(t) && !hasLettersOneByOne(t));
        }
        assertThat(Normalizer.plainPathApplies("a b c".toCharArray(), 5)).isFalse();
        assertThat(Normalizer.plainPathApplies("a b c".toCharArray(), 4)).isTrue();
        assertThat(Normalizer.plainPathApplies("sh1t".toCharArray(), 4)).isFalse();
        assertThat(Normalizer.plainPathApplies("Item 747328, \u00a3126.99.".toCharArray(), 21)).isTrue();
    }

    private static boolean punctuationLeet(char c) {
        return c == '!' || c == '|' || c == '+' || c == '\u00a1';
    }

    private static boolean needsLeetUndone(char[] t) {
        int i = 0;
        while (i < t.length) {
            int j = i;
            boolean letter = false;
            boolean leet = false;
            boolean punctuation = false;
            while (j < t.length && t[j] != ' ') {
                char c = t[j];
                boolean isLeet = !CharClass.isLetter(c) && Normalizer.leet(c) != 0;
                boolean core = CharClass.isLetter(c) || (isLeet && !punctuationLeet(c));
                leet |= isLeet && !punctuationLeet(c);
                leet |= punctuation && core;
                punctuation |= isLeet && punctuationLeet(c);
                letter |= CharClass.isLetter(c);
                j++;
            }
            if (letter && leet) {
                return true;
            }
            i = j + 1;
        }
        return false;
    }

    private static boolean hasLettersOneByOne(char[] t) {
        for (int i = 0; i < t.length; i++) {
            int count = 0;
            int k = i;
            while (k < t.length && single(t, k)) {
                if (++count == 3) {
                    return true;
                }
                int seps = 0;
                while (k + 1 + seps < t.length && seps < 3 && "  .-_*\u00b7,/\\~\u2022".indexOf(t[k + 1 + seps]) >= 0) {
                    seps++;
                }
                if (seps == 0) {
                    break;
                }
                k += 1 + seps;
            }
        }
        return false;
    }

    private static boolean single(char[] t, int i) {
        return CharClass.isLetter(t[i]) && (i == 0 || !CharClass.isLetterOrDigit(t[i - 1]))
                && (i + 1 >= t.length || !CharClass.isLetterOrDigit(t[i + 1]));
    }

    @Test
    void anchoredAutomataReportWhatTheFullOneReportsAtAdmittedStarts() {
        List<String> patterns = List.of("ab", "abc", "bc", "c", "a b", "-x", "x-", ".", "b.c", "#1", "aa", "ca");
        java.util.function.IntPredicate word = c -> CharClass.isLetterOrDigit((char) c) || c == '#';
        AhoCorasick full = new AhoCorasick(patterns);
        AhoCorasick wordStart = new AhoCorasick(patterns, AhoCorasick.Anchor.WORD_START, word);
        AhoCorasick nonWord = new AhoCorasick(patterns, AhoCorasick.Anchor.WORD_START_OR_NON_WORD, word);
        String alphabet = "abcx1#-. \u00e9";
        qt().withExamples(5000).forAll(lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(0, 40))
                .checkAssert(ix -> {
                    char[] t = new char[ix.size()];
                    for (int i = 0; i < t.length; i++) {
                        t[i] = alphabet.charAt(ix.get(i));
                    }
                    List<int[]> all = new ArrayList<>();
                    full.search(t, t.length, (p, end) -> all.add(new int[] {p, end}));
                    List<String> expectWord = new ArrayList<>();
                    List<String> expectNonWord = new ArrayList<>();
                    for (int[] m : all) {
                        int start = m[1] - full.patternLength(m[0]);
                        boolean afterNonWord = start == 0 || !word.test(t[start - 1]);
                        if (afterNonWord) {
                            expectWord.add(m[0] + "@" + m[1]);
                        }
                        if (afterNonWord || !word.test(t[start])) {
                            expectNonWord.add(m[0] + "@" + m[1]);
                        }
                    }
                    List<String> gotWord = new ArrayList<>();
                    wordStart.search(t, t.length, (p, end) -> gotWord.add(p + "@" + end));
                    List<String> gotNonWord = new ArrayList<>();
                    nonWord.search(t, t.length, (p, end) -> gotNonWord.add(p + "@" + end));
                    assertThat(gotWord).as(new String(t)).isEqualTo(expectWord);
                    assertThat(gotNonWord).as(new String(t)).isEqualTo(expectNonWord);
                });
    }

    @Test
    void aPolicyCheckedFromInsideACustomCheckGivesTheSameResults() {
        ContentPolicy inner = ContentPolicy.defaults();
        List<PolicyResult> nested = new ArrayList<>();
        ContentPolicy outer = ContentPolicy.builder().defaults().check(text -> {
            nested.add(inner.check("call me at +1 (555) 123-4567, you sh1t"));
            return List.of();
        }).build();
        PolicyResult r = outer.check("Only 3 left! Mail a.b@example.com, f u c k");
        assertThat(r).isEqualTo(inner.check("Only 3 left! Mail a.b@example.com, f u c k"));
        assertThat(nested.get(0)).isEqualTo(inner.check("call me at +1 (555) 123-4567, you sh1t"));
        assertThat(nested.get(0).findings()).hasSize(2);
    }
}
