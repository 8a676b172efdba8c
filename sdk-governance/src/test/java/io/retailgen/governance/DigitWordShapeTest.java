package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cheap per-word shape test in front of the digit-word scan keeps every digit word and nothing else. */
class DigitWordShapeTest {

    private static final List<String> DIGIT_WORDS = List.of("zero", "oh", "o", "one", "two", "three", "four",
            "five", "six", "seven", "eight", "nine", "double", "triple", "hundred");

    /** The shape as stated: same length and first two letters as a digit word ("o" alone), after one , or . */
    private static boolean expected(String word) {
        String w = word.length() > 1 && (word.endsWith(",") || word.endsWith(".")) ? word.substring(0,
                word.length() - 1) : word;
        for (String d : DIGIT_WORDS) {
            if (d.length() == w.length() && (d.length() == 1 ? w.equals(d) : w.startsWith(d.substring(0, 2)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean shaped(String word) {
        char[] c = (" " + word + " ").toCharArray();
        return SpelledContacts.digitWordShaped(c, 1, 1 + word.length());
    }

    @Test
    void everyDigitWordIsShapedWithOrWithoutPunctuation() {
        for (String d : DIGIT_WORDS) {
            assertThat(shaped(d)).as(d).isTrue();
            assertThat(shaped(d + ",")).as(d + ",").isTrue();
            assertThat(shaped(d + ".")).as(d + ".").isTrue();
        }
        assertThat(shaped("thrice")).isFalse();
        assertThat(shaped("trail")).isFalse();
        assertThat(shaped("hundreds")).isFalse();
        assertThat(shaped("o,")).isTrue();
        assertThat(shaped(",")).isFalse();
    }

    @Test
    void shapeMatchesTheStatedRuleOnRandomWords() {
        qt().withExamples(20000).forAll(strings().betweenCodePoints('a' - 3, 'z' + 3).ofLengthBetween(1, 9))
                .checkAssert(w -> assertThat(shaped(w)).as(w).isEqualTo(expected(w)));
        qt().withExamples(5000).forAll(strings().allPossible().ofLengthBetween(1, 9))
                .checkAssert(w -> assertThat(shaped(w)).as(w).isEqualTo(expected(w)));
    }
}
