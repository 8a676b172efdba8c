package io.retailgen.governance;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contact details written out to slip past filters: e-mail addresses with the {@code @} and dots as words or in
 * brackets ({@code name dot surname at domain dot com}, {@code jane [at] example [dot] com}), and phone numbers as
 * digit words ({@code oh seven seven double oh nine hundred ...}).
 */
final class SpelledContacts {

    private static final String WORD = "[a-z0-9][a-z0-9%+-]*";
    private static final String AT = "(?:\\s*(?:\\[at]|\\(at\\)|\\{at}|<at>|@)\\s*|\\s+at\\s+)";
    private static final String DOT = "(?:\\s*(?:\\[dot]|\\(dot\\)|\\{dot}|<dot>)\\s*|\\s+dot\\s+|\\.)";
    private static final String JOIN = "(?:" + DOT + "|\\s+underscore\\s+|_)";
    private static final String TLD = "(?:com|net|org|info|biz|io|me|co|uk|de|fr|es|it|nl|be|eu|us|ca|au|nz|ie|ch|at"
            + "|se|no|dk|fi|pl|pt|jp|cn|in|br|mx|edu|gov|shop|store|online|app|dev|xyz)";
    /** Compiled once; applied only to texts that have a spelled marker, so copy without one never reaches it. */
    private static final Pattern EMAIL = Pattern.compile("(?<![a-z0-9._%+-])" + WORD + "(?:" + JOIN + WORD + "){0,3}"
            + AT + WORD + "(?:" + DOT + WORD + "){0,3}" + DOT + TLD + "(?![a-z0-9])", Pattern.CASE_INSENSITIVE);

    private SpelledContacts() {
    }

    /**
     * @param text the original text
     * @param sink receives the span (in {@code text}) of every spelled-out address
     */
    static void emails(String text, SpanSink sink) {
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            String s = m.group().toLowerCase(java.util.Locale.ROOT);
            if (s.contains(" at ") || s.contains(" dot ") || s.contains("[") || s.contains("(") || s.contains("{")
                    || s.contains("<") || s.contains(" @") || s.contains("@ ") || s.contains(" underscore ")) {
                sink.span(m.start(), m.end());
            }
        }
    }

    /** Receives spans. */
    interface SpanSink {
        void span(int start, int end);
    }

    /**
     * @param text the original text
     * @return true when it has a word "dot" (any case) or a bracketed at or dot ({@code [at]}, {@code (dot)}): the
     *     only texts {@link #emails} needs to see. Uses the JDK's fast string search, not a pass of its own.
     */
    static boolean mayHaveSpelledEmail(String text) {
        // "DOT" and "Dot" are looked for only in a text with a 'D' (one vectorised char search, most copy has none)
        if (text.indexOf("dot") >= 0
                || (text.indexOf('D') >= 0 && (text.indexOf("DOT") >= 0 || text.indexOf("Dot") >= 0))) {
            return true;
        }
        for (char open : BRACKETS) {
            for (int p = text.indexOf(open); p >= 0 && p + 2 < text.length(); p = text.indexOf(open, p + 1)) {
                if ((text.charAt(p + 1) | 0x20) == 'a' && (text.charAt(p + 2) | 0x20) == 't') {
                    return true;
                }
            }
        }
        return false;
    }

    private static final char[] BRACKETS = {'[', '(', '{', '<'};

    /**
     * A cheap test on one word of the light view: its first two letters and length are those of a digit word
     * ("th" and five letters for "three"), a comma after it allowed. Nine such words in a row send the text to
     * {@link #digitWords}.
     *
     * @param c the chars
     * @param s the word's start
     * @param e its end
     * @return true when the word could be a digit word
     */
    static boolean digitWordShaped(char[] c, int s, int e) {
        int len = e - s;
        if (len > 1 && (c[e - 1] == ',' || c[e - 1] == '.')) {
            len--;
        }
        if (len == 1) {
            return c[s] == 'o';
        }
        if (len < 2 || len > 7) {
            return false;
        }
        int a = c[s] - 'a';
        int b = c[s + 1] - 'a';
        // one table look-up instead of a branch per first letter: most words of a text are tested here
        return a >= 0 && a < 26 && b >= 0 && b < 26 && (SECOND_LETTERS[a << 3 | len] & (1 << b)) != 0;
    }

    /**
     * Per first letter and length (index {@code (first - 'a') << 3 | length}), the second letters of the digit
     * words of that shape as a bit set: "zero" is z, 4 letters, e; "oh" is o, 2, h; and so on.
     */
    private static final int[] SECOND_LETTERS = secondLetters("zero", "oh", "one", "two", "three", "triple",
            "four", "five", "six", "seven", "eight", "nine", "double", "hundred");

    private static int[] secondLetters(String... words) {
        int[] table = new int[26 << 3];
        for (String w : words) {
            table[(w.charAt(0) - 'a') << 3 | w.length()] |= 1 << (w.charAt(1) - 'a');
        }
        return table;
    }

    /**
     * Finds runs of digit words ("zero", "oh", "double", "hundred", ...) that spell at least {@code minDigits}
     * digits. Words are separated by spaces (the light view has no other white space); a comma after a word keeps
     * the run going, other punctuation ends it.
     *
     * @param c the light view's chars
     * @param n its length
     * @param minDigits the fewest digits a run must spell
     * @param sink receives the span (in the view) of each run
     */
    static void digitWords(char[] c, int n, int minDigits, SpanSink sink) {
        int runStart = -1;
        int runEnd = -1;
        int digits = 0;
        int repeat = 0;
        int k = 0;
        while (k <= n) {
            int s = k;
            while (k < n && c[k] != ' ') {
                k++;
            }
            int e = k;
            k++;
            boolean ends = false;
            while (e > s && (c[e - 1] == ',' || c[e - 1] == '.' || c[e - 1] == ';' || c[e - 1] == ':'
                    || c[e - 1] == '!' || c[e - 1] == '?')) {
                ends |= c[e - 1] != ',';
                e--;
            }
            int value = e > s && e - s <= 7 ? digitWord(c, s, e) : NOT_A_DIGIT;
            if (value == NOT_A_DIGIT) {
                if (runStart >= 0 && digits >= minDigits) {
                    sink.span(runStart, runEnd);
                }
                runStart = -1;
                digits = 0;
                repeat = 0;
                continue;
            }
            if (runStart < 0) {
                runStart = s;
            }
            runEnd = e;
            if (value == DOUBLE || value == TRIPLE) {
                repeat = value == DOUBLE ? 1 : 2;
            } else if (value == HUNDRED) {
                digits += 2;
            } else {
                digits += 1 + repeat;
                repeat = 0;
            }
            if (ends || k > n) {
                if (digits >= minDigits) {
                    sink.span(runStart, runEnd);
                }
                runStart = -1;
                digits = 0;
                repeat = 0;
            }
        }
    }

    static final int NOT_A_DIGIT = -1;
    static final int DOUBLE = 10;
    static final int TRIPLE = 11;
    static final int HUNDRED = 12;

    /** @return the digit the word spells, {@link #DOUBLE}, {@link #TRIPLE}, {@link #HUNDRED}, or -1 */
    static int digitWord(char[] c, int s, int e) {
        int len = e - s;
        if (len > 7) {
            return NOT_A_DIGIT;
        }
        switch (c[s]) {
            case 'z': return is(c, s, e, "zero") ? 0 : NOT_A_DIGIT;
            case 'o': return len == 1 || is(c, s, e, "oh") ? 0 : is(c, s, e, "one") ? 1 : NOT_A_DIGIT;
            case 't': return is(c, s, e, "two") ? 2 : is(c, s, e, "three") ? 3 : is(c, s, e, "triple") ? TRIPLE
                    : NOT_A_DIGIT;
            case 'f': return is(c, s, e, "four") ? 4 : is(c, s, e, "five") ? 5 : NOT_A_DIGIT;
            case 's': return is(c, s, e, "six") ? 6 : is(c, s, e, "seven") ? 7 : NOT_A_DIGIT;
            case 'e': return is(c, s, e, "eight") ? 8 : NOT_A_DIGIT;
            case 'n': return is(c, s, e, "nine") ? 9 : NOT_A_DIGIT;
            case 'd': return is(c, s, e, "double") ? DOUBLE : NOT_A_DIGIT;
            case 'h': return is(c, s, e, "hundred") ? HUNDRED : NOT_A_DIGIT;
            default: return NOT_A_DIGIT;
        }
    }

    private static boolean is(char[] c, int s, int e, String w) {
        if (e - s != w.length()) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (c[s + i] != w.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
