package io.retailgen.governance;

/**
 * A normalized form of a text: its characters and, for each one, the span of the original text it came from, so
 * that a match in the normalized form maps back to the original. {@code runs} counts how many equal letters each
 * character stands for after repeated letters were collapsed (only in the strict view).
 */
final class TextView {
    final char[] chars;
    final int[] start;
    final int[] end;
    final int[] runs;
    final int length;
    /** True where the character belongs to letters written one by one and joined ("f u c k"); may be null. */
    final boolean[] joined;
    /** True when an {@code '@'} of the view came from a char other than an ASCII {@code '@'} (a light view only). */
    final boolean foldedAt;

    /**
     * @param chars the characters (the arrays may be longer than {@code length}, and may be reused buffers)
     * @param start per character, the start of its original span
     * @param end per character, the end of its original span
     * @param runs per character, how many equal letters it stands for (the strict view), else null
     * @param length the number of characters
     * @param joined see {@link #joined}
     * @param foldedAt see {@link #foldedAt}
     */
    TextView(char[] chars, int[] start, int[] end, int[] runs, int length, boolean[] joined, boolean foldedAt) {
        this.chars = chars;
        this.start = start;
        this.end = end;
        this.runs = runs;
        this.length = length;
        this.joined = joined;
        this.foldedAt = foldedAt;
    }

    /** @return true when index {@code i} lies inside (not at the start of) a run of joined single letters */
    boolean insideJoined(int i) {
        return joined != null && i > 0 && joined[i] && joined[i - 1];
    }

    /** @return the original span start of normalized index {@code from} */
    int originalStart(int from) {
        return start[from];
    }

    /** @return the original span end of the normalized range ending (exclusive) at {@code to} */
    int originalEnd(int to) {
        return end[to - 1];
    }

    String text() {
        return new String(chars, 0, length);
    }

    String substring(int from, int to) {
        return new String(chars, from, to - from);
    }

    static boolean isWordChar(char c) {
        return CharClass.isLetterOrDigit(c);
    }

    boolean wordStart(int i) {
        return i == 0 || !isWordChar(chars[i - 1]);
    }

    boolean wordEnd(int i) {
        return i >= length || !isWordChar(chars[i]);
    }
}
