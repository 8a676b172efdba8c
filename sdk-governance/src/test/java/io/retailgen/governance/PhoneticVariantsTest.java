package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

class PhoneticVariantsTest {

    @Test
    void lettersWithoutRepeatsCountEachRunOnce() {
        assertThat(PhoneticVariants.withoutRepeats("")).isZero();
        assertThat(PhoneticVariants.withoutRepeats("pooop")).isEqualTo(3);
        assertThat(PhoneticVariants.withoutRepeats("shiit")).isEqualTo(4);
        assertThat(PhoneticVariants.withoutRepeats("aab")).isEqualTo(2);
    }

    @Test
    void lettersWithoutRepeatsAgreeWithCollapsingTheRuns() {
        // the rule as a regular expression: every run of one character replaced by that character
        qt().withExamples(20_000).forAll(strings().betweenCodePoints('a', 'e').ofLengthBetween(0, 9))
                .check(w -> PhoneticVariants.withoutRepeats(w) == w.replaceAll("(.)\\1+", "$1").length());
    }
}
