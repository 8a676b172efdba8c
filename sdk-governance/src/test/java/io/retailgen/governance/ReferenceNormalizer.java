package io.retailgen.governance;

/**
 * The straightforward normalizer the fast one replaced, kept as the reference its results must equal: one
 * char-by-char pass per view through a growing builder, no tables, no reused buffers.
 */
final class ReferenceNormalizer {

    private ReferenceNormalizer() {
    }

    private static char asciiFold(char c) {
        if (c < '!' || c >= 127) {
            return 0;
        }
        String f = Normalizer.fold(c);
        return f.length() == 1 && f.charAt(0) != ' ' ? f.charAt(0) : 0;
    }

    private static boolean isSpace(int cp) {
        if (cp < 128) {
            return cp <= ' ' || cp == 127;
        }
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || Character.getType(cp) == Character.CONTROL;
    }

    private static boolean punctuationLeet(char c) {
        return c == '!' || c == '|' || c == '+' || c == '\u00a1';
    }

    private static boolean spacedSeparator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*' || c == '\u00b7' || c == ',' || c == '/'
                || c == '\\' || c == '~' || c == '\u2022';
    }

    static TextView light(String text) {
        Builder b = new Builder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char ch = text.charAt(i);
            if (ch < 128) {
                char f = asciiFold(ch);
                if (f != 0) {
                    b.add(f, i, i + 1, 1);
                    i++;
                    continue;
                }
                if (ch <= ' ' || ch == 127) {
                    if (b.length() > 0 && b.last() == ' ') {
                        b.extendLast(i + 1, 0);
                    } else {
                        b.add(' ', i, i + 1, 1);
                    }
                    i++;
                    continue;
                }
            }
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isSpace(cp)) {
                if (b.length() > 0 && b.last() == ' ') {
                    b.extendLast(next, 0);
                } else {
                    b.add(' ', i, next, 1);
                }
            } else {
                String f = Normalizer.fold(cp);
                for (int k = 0; k < f.length(); k++) {
                    char c = f.charAt(k);
                    if (c == ' ') {
                        if (b.length() > 0 && b.last() == ' ') {
                            b.extendLast(next, 0);
                            continue;
                        }
                    }
                    b.add(c, i, next, 1);
                }
            }
            i = next;
        }
        return b.build();
    }

    static TextView strict(TextView light) {
        int n = light.length;
        char[] src = light.chars;
        char[] m = new char[n];
        int i = 0;
        while (i < n) {
            if (src[i] == ' ') {
                m[i] = ' ';
                i++;
                continue;
            }
            int j = i;
            boolean hasLetter = false;
            int lastCore = -1;
            while (j < n && src[j] != ' ') {
                char c = src[j];
                if (CharClass.isLetter(c)) {
                    hasLetter = true;
                    lastCore = j;
                } else if (Normalizer.leet(c) != 0 && !punctuationLeet(c)) {
                    lastCore = j;
                }
                j++;
            }
            for (int k = i; k < j; k++) {
                char c = src[k];
                char l = hasLetter ? Normalizer.leet(c) : 0;
                if (l != 0 && punctuationLeet(c) && k >= lastCore) {
                    l = 0;
                }
                m[k] = l != 0 ? l : c;
            }
            i = j;
        }
        // join letters written one by one ("f u c k", "s.h.i.t"), then collapse repeated letters
        Builder b = new Builder(n);
        i = 0;
        while (i < n) {
            if (isSingleLetter(m, n, i)) {
                int count = 1;
                int last = i;
                int[] letters = null;
                int k = i + 1;
                while (true) {
                    int sepEnd = k;
                    while (sepEnd < n && sepEnd - k < 3 && spacedSeparator(m[sepEnd])) {
                        sepEnd++;
                    }
                    if (sepEnd > k && sepEnd < n && isSingleLetter(m, n, sepEnd)) {
                        if (letters == null) {
                            letters = new int[8];
                            letters[0] = i;
                        }
                        if (count == letters.length) {
                            letters = java.util.Arrays.copyOf(letters, count * 2);
                        }
                        letters[count++] = sepEnd;
                        last = sepEnd;
                        k = sepEnd + 1;
                    } else {
                        break;
                    }
                }
                if (count >= 3) {
                    for (int t = 0; t < count; t++) {
                        append(b, m[letters[t]], light.start[letters[t]], light.end[letters[t]]);
                        b.markJoined();
                    }
                    i = last + 1;
                    continue;
                }
            }
            append(b, m[i], light.start[i], light.end[i]);
            i++;
        }
        return b.build();
    }

    private static boolean isSingleLetter(char[] m, int n, int i) {
        return CharClass.isLetter(m[i]) && (i == 0 || !CharClass.isLetterOrDigit(m[i - 1]))
                && (i + 1 >= n || !CharClass.isLetterOrDigit(m[i + 1]));
    }

    private static void append(Builder b, char c, int s, int e) {
        if (b.length() > 0 && b.last() == c && CharClass.isLetter(c)) {
            b.extendLast(e, 1);
        } else {
            b.add(c, s, e, 1);
        }
    }

    static TextView phrase(TextView light) {
        Builder b = new Builder(light.length);
        for (int i = 0; i < light.length; i++) {
            char c = light.chars[i];
            if (c == '-' || c == '_' || c == '/' || c == '\u2010' || c == '\u2013' || c == '\u2014') {
                c = ' ';
            } else if (c >= '0' && c <= '9') {
                c = '#';
            }
            if (b.length() > 0 && ((c == ' ' && b.last() == ' ') || (c == '#' && b.last() == '#'))) {
                b.extendLast(light.end[i], 0);
            } else {
                b.add(c, light.start[i], light.end[i], 1);
            }
        }
        return b.build();
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
            return new TextView(chars, start, end, runs, length, joined, false);
        }
    }
}
