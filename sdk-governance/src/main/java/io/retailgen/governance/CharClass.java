package io.retailgen.governance;

/**
 * {@link Character#isLetter(char)} and {@link Character#isLetterOrDigit(char)} with one table for every char of the
 * Basic Multilingual Plane (64 KiB, built once): the JDK's versions look up the Unicode category of every char, which
 * costs several table steps for each char above Latin-1 (typographic quotes and dashes, the {@code ×} of sizes,
 * Cyrillic look-alikes).
 */
final class CharClass {
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    /** The ASCII space only, so that a scan can skip the letters and spaces of a text with one look-up per char. */
    private static final byte SPACE = 4;
    private static final byte[] BMP = new byte[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            BMP[c] = Character.isLetter(c) ? LETTER : Character.isLetterOrDigit(c) ? DIGIT : c == ' ' ? SPACE : 0;
        }
    }

    private CharClass() {
    }

    static boolean isLetter(char c) {
        return BMP[c] == LETTER;
    }

    static boolean isLetterOrDigit(char c) {
        return (BMP[c] & (LETTER | DIGIT)) != 0;
    }

    /** @return {@code c == ' ' || isLetter(c)}, in one look-up */
    static boolean isLetterOrSpace(char c) {
        return (BMP[c] & (LETTER | SPACE)) != 0;
    }
}
