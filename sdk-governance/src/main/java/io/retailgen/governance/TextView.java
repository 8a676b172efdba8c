package io.retailgen.governance;

/**
 * A normalized form of a text: its characters and, for each one, the span of the original text it came from, so
 * that a match in the normalized form maps back to the original; in the strict view, also how many equal letters
 * each character stands for after repeated letters were collapsed ({@link #runAt(int)}).
 *
 * <p>A view either holds the spans in arrays, or is derived from a source view it merely shortens: each of its
 * characters then stands for a run of consecutive source characters, {@code from[i]} is the first of them, and the
 * spans and run lengths are computed when asked for, so that building the view stores two values per character
 * instead of four.
 */
final class TextView {
    final char[] chars;
    final int length;
    /** True where the character belongs to letters written one by one and joined ("f u c k"); may be null. */
    final boolean[] joined;
    /** True when an {@code '@'} of the view came from a char other than an ASCII {@code '@'} (a light view only). */
    final boolean foldedAt;
    /**
     * The spans and the runs of a view with arrays (see the constructors); null in a derived view. In a light view
     * {@code start} and {@code end} are both null when every character came from the text's char at its own index
     * (span {@code i .. i + 1}: an ASCII text without runs of white space), so that building it stores no spans.
     */
    final int[] start;
    final int[] end;
    final int[] runs;
    /** A derived view: the source index of every char's first source char, and {@code from[length]}. */
    private final int[] from;
    private final TextView source;
    private final boolean hasRuns;

    /**
     * A view with its spans in arrays.
     *
     * @param chars the characters (the arrays may be longer than {@code length}, and may be reused buffers)
     * @param start per character, the start of its original span; null, with {@code end}, when character {@code i}
     *     came from char {@code i} of the text (see {@link #start})
     * @param end per character, the end of its original span, or null with {@code start}
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
        this.from = null;
        this.source = null;
        this.hasRuns = runs != null;
    }

    /**
     * A derived view (see the class comment).
     *
     * @param chars the characters
     * @param from per character, the index in {@code source} of the first source char it stands for; {@code
     *     from[length]} is {@code source.length}; the source chars of character {@code i} are {@code from[i] ..
     *     from[i + 1] - 1}
     * @param length the number of characters
     * @param source a view with its spans in arrays, whose span ends do not decrease
     * @param hasRuns true when {@link #runAt(int)} is the number of source chars (the strict view)
     */
    TextView(char[] chars, int[] from, int length, TextView source, boolean hasRuns) {
        this.chars = chars;
        this.from = from;
        this.length = length;
        this.source = source;
        this.hasRuns = hasRuns;
        this.start = null;
        this.end = null;
        this.runs = null;
        this.joined = null;
        this.foldedAt = false;
    }

    /** @return the start of the original span of character {@code i} */
    int startAt(int i) {
        if (from != null) {
            return source.startAt(from[i]);
        }
        return start == null ? i : start[i];
    }

    /** @return the end of the original span of character {@code i} */
    int endAt(int i) {
        if (from != null) {
            return source.endAt(from[i + 1] - 1);
        }
        return end == null ? i + 1 : end[i];
    }

    /** @return true when character {@code i} came from the text's char {@code i} for every {@code i} (no span arrays) */
    boolean identitySpans() {
        return from == null && start == null;
    }

    /** @return true when the view counts collapsed letters ({@link #runAt(int)}) */
    boolean hasRuns() {
        return hasRuns;
    }

    /** @return how many equal letters character {@code i} stands for; only when {@link #hasRuns()} */
    int runAt(int i) {
        return from == null ? runs[i] : from[i + 1] - from[i];
    }

    /** @return true when index {@code i} lies inside (not at the start of) a run of joined single letters */
    boolean insideJoined(int i) {
        return joined != null && i > 0 && joined[i] && joined[i - 1];
    }

    /** @return the original span start of normalized index {@code from} */
    int originalStart(int from) {
        return startAt(from);
    }

    /** @return the original span end of the normalized range ending (exclusive) at {@code to} */
    int originalEnd(int to) {
        return endAt(to - 1);
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
