package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.core.intercept.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A word written with hyphens whose parts make one word: a WordNet noun or an English word is that word
 * ({@code pussy-toes}, the plant {@code pussytoes}); a lexicon word split by a hyphen is still the lexicon word.
 */
class ClosedCompoundsTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"Pussy-toes (Antennaria) alpine plant", "Pussy-toes seeds, alpine mix",
        "New in: tit-mouse feeder", "Cock-pit voice recorder replica keychain", "Shuttle-cock set, 12 pieces"})
    void aHyphenatedSpellingOfAnInnocentWordIsThatWord(String text) {
        assertThat(POLICY.check(text).verdict()).as(text).isEqualTo(Verdict.ALLOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"you dick-head", "what a cock-sucker", "tit-ties pics", "you ass-hole", "bull-shit",
        "what a load of diddly-shit"})
    void aLexiconWordSplitByAHyphenIsStillFound(String text) {
        assertThat(POLICY.check(text).verdict()).as(text).isNotEqualTo(Verdict.ALLOW);
    }
}
