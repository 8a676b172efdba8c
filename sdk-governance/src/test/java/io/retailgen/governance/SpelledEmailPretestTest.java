package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SpelledContacts#mayHaveSpelledEmail} sends a text to the spelled-out e-mail scan exactly when it holds the
 * word "dot" as {@code dot}, {@code DOT} or {@code Dot}, or a bracket ({@code [ ( { <}) before {@code at} in any case.
 */
class SpelledEmailPretestTest {

    /** The rule written out plainly, one search per form. */
    private static boolean reference(String text) {
        if (text.contains("dot") || text.contains("DOT") || text.contains("Dot")) {
            return true;
        }
        for (int p = 0; p + 2 < text.length(); p++) {
            char c = text.charAt(p);
            if ((c == '[' || c == '(' || c == '{' || c == '<') && (text.charAt(p + 1) == 'a'
                    || text.charAt(p + 1) == 'A') && (text.charAt(p + 2) == 't' || text.charAt(p + 2) == 'T')) {
                return true;
            }
        }
        return false;
    }

    @Test
    void examples() {
        for (String s : List.of("jane dot doe", "JANE DOT DOE", "Dot com", "jane [at] mail", "jane (AT) mail",
                "x {aT} y", "x <At> y", "Dotted line")) {
            assertThat(SpelledContacts.mayHaveSpelledEmail(s)).as(s).isTrue();
        }
        for (String s : List.of("", "dOt", "DoT", "D o t", "Durable cotton", "[a", "(a", "at]", "Data sheet",
                "Soft cotton tee. Item 123456, \u00a342")) {
            assertThat(SpelledContacts.mayHaveSpelledEmail(s)).as(s).isFalse();
        }
    }

    @Test
    void agreesWithTheRuleOnDenseText() {
        String alphabet = "dotDOTaAtT[({< x";
        qt().withExamples(20000).forAll(lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(0, 12))
                .checkAssert(ix -> {
                    StringBuilder b = new StringBuilder();
                    for (int i : ix) {
                        b.append(alphabet.charAt(i));
                    }
                    String s = b.toString();
                    assertThat(SpelledContacts.mayHaveSpelledEmail(s)).as("'%s'", s).isEqualTo(reference(s));
                });
    }
}
