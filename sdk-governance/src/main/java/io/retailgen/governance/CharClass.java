package io.retailgen.governance;

/**
 * {@link Character#isLetter(char)} and {@link Character#isLetterOrDigit(char)} with a table for ASCII, which is
 * most of the text the policy scans (the JDK's versions look up the Unicode category of every char).
 */
final class CharClass {
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte[] ASCII = new byte[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII[c] = LETTER;
            ASCII[Character.toUpperCase(c)] = LETTER;
        }
        for (char c = '0'; c <= '9'; c++) {
            ASCII[c] = DIGIT;
        }
    }

    private CharClass() {
    }

    static boolean isLetter(char c) {
        return c < 128 ? ASCII[c] == LETTER : Character.isLetter(c);
    }

    static boolean isLetterOrDigit(char c) {
        return c < 128 ? ASCII[c] != 0 : Character.isLetterOrDigit(c);
    }
}
