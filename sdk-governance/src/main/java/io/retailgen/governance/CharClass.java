package io.retailgen.governance;

/**
 * {@link Character#isLetter(char)} and {@link Character#isLetterOrDigit(char)} with a table for Latin-1 (ASCII plus
 * the likes of {@code '£'} and {@code 'é'}), which is most of the text the policy scans (the JDK's versions look up
 * the Unicode category of every char).
 */
final class CharClass {
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte[] LATIN1 = new byte[256];

    static {
        for (char c = 0; c < 256; c++) {
            LATIN1[c] = Character.isLetter(c) ? LETTER : Character.isLetterOrDigit(c) ? DIGIT : 0;
        }
    }

    private CharClass() {
    }

    static boolean isLetter(char c) {
        return c < 256 ? LATIN1[c] == LETTER : Character.isLetter(c);
    }

    static boolean isLetterOrDigit(char c) {
        return c < 256 ? LATIN1[c] != 0 : Character.isLetterOrDigit(c);
    }
}
