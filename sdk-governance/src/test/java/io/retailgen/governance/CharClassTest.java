package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The table answers as the JDK does for every char. */
class CharClassTest {

    @Test
    void everyCharIsClassedAsTheJdkClassesIt() {
        int differences = 0;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            if (CharClass.isLetter(ch) != Character.isLetter(ch)
                    || CharClass.isLetterOrDigit(ch) != Character.isLetterOrDigit(ch)
                    || CharClass.isLetterOrSpace(ch) != (ch == ' ' || Character.isLetter(ch))) {
                differences++;
            }
        }
        assertThat(differences).isZero();
    }
}
