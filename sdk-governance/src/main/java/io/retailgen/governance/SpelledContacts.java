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
     * @param c the light view's chars (lower case)
     * @param n its length
     * @return true when the view has a word "dot" or a bracketed at or dot: the only texts {@link #emails} looks at
     */
    static boolean mayHaveSpelledEmail(char[] c, int n) {
        for (int k = 1; k + 2 < n; k++) {
            if (c[k] == 'o' && c[k + 1] == 't' && c[k - 1] == 'd') {
                return true;
            }
            if (c[k] == 'a' && c[k + 1] == 't' && (c[k - 1] == '[' || c[k - 1] == '(' || c[k - 1] == '{'
                    || c[k - 1] == '<')) {
                return true;
            }
        }
        return false;
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
     * Finds runs of digit words ("zero", "oh", "double", "hundred", ...) that spell at least {@code minDigits}
     * digits.
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
        while (k < n) {
            while (k < n && !CharClass.isLetterOrDigit(c[k])) {
                if (c[k] != ' ' && c[k] != '-' && c[k] != ',' && runStart >= 0) {
                    if (digits >= minDigits) {
                        sink.span(runStart, runEnd);
                    }
                    runStart = -1;
                    digits = 0;
                    repeat = 0;
                }
                k++;
            }
            int s = k;
            while (k < n && CharClass.isLetterOrDigit(c[k])) {
                k++;
            }
            if (k == s) {
                break;
            }
            int value = digitWord(c, s, k);
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
            runEnd = k;
            if (value == DOUBLE || value == TRIPLE) {
                repeat = value == DOUBLE ? 1 : 2;
            } else if (value == HUNDRED) {
                digits += 2;
            } else {
                digits += 1 + repeat;
                repeat = 0;
            }
        }
        if (runStart >= 0 && digits >= minDigits) {
            sink.span(runStart, runEnd);
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
