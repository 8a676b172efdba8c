package io.retailgen.governance;

/**
 * A normalized form of a text: its characters and, for each one, the span of the original text it came from, so
 * that a match in the normalized form maps back to the original. {@code runs} counts how many equal letters each
 * character stands for after repeated letters were collapsed (all ones otherwise).
 */
final class TextView {
    final char[] chars;
    final int[] start;
    final int[] end;
    final int[] runs;
    final int length;
    /** True where the character belongs to letters written one by one and joined ("f u c k"); may be null. */
    final boolean[] joined;

    TextView(char[] chars, int[] start, int[] end, int[] runs, int length, boolean[] joined) {
        this.chars = chars;
        this.start = start;
        this.end = end;
        this.runs = runs;
        this.length = length;
        this.joined = joined;
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

    /** Mutable builder of a view, growing as characters are appended. */
    static final class Builder {
        private char[] chars;
        private int[] start;
        private int[] end;
        private int[] runs;
        private boolean[] joined;
        private int length;

        Builder(int capacity) {
            int c = Math.max(16, capacity);
            chars = new char[c];
            start = new int[c];
            end = new int[c];
            runs = new int[c];
        }

        void add(char c, int s, int e, int run) {
            if (length == chars.length) {
                int c2 = chars.length * 2;
                chars = java.util.Arrays.copyOf(chars, c2);
                start = java.util.Arrays.copyOf(start, c2);
                end = java.util.Arrays.copyOf(end, c2);
                runs = java.util.Arrays.copyOf(runs, c2);
                if (joined != null) {
                    joined = java.util.Arrays.copyOf(joined, c2);
                }
            }
            chars[length] = c;
            start[length] = s;
            end[length] = e;
            runs[length] = run;
            length++;
        }

        int length() {
            return length;
        }

        void markJoined() {
            if (joined == null) {
                joined = new boolean[chars.length];
            }
            joined[length - 1] = true;
        }

        char last() {
            return chars[length - 1];
        }

        void extendLast(int e, int addRun) {
            end[length - 1] = Math.max(end[length - 1], e);
            runs[length - 1] += addRun;
        }

        TextView build() {
            return new TextView(chars, start, end, runs, length, joined);
        }
    }
}
