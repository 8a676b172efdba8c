package io.retailgen.governance;

import java.util.Locale;

/**
 * Turns text into the normalized views the checks match against. All methods are pure functions and safe for
 * concurrent use.
 *
 * <ul>
 *   <li>{@link #light(String)}: Unicode compatibility decomposition (NFKD, a superset of what NFKC folds), diacritics
 *       and other combining marks removed, full case folding, Cyrillic and Greek look-alikes mapped to Latin letters,
 *       zero-width and other format characters dropped, every run of white space collapsed to one space.</li>
 *   <li>{@link #strict(TextView)}: the light view with leetspeak undone inside words ({@code sh1t}, {@code a$$}),
 *       letters written one by one joined ({@code f u c k}, {@code s.h.i.t}) and repeated letters collapsed, with
 *       their counts kept in {@link TextView#runs}.</li>
 *   <li>{@link #phrase(TextView)}: the light view with hyphens, underscores and slashes read as spaces and every run
 *       of digits replaced by {@code #}, for claim phrases such as {@code "only # left"}.</li>
 * </ul>
 */
final class Normalizer {

    private static final String[] BMP_FOLD = new String[Character.MAX_VALUE + 1];
    private static final String SKIP = "";
    /** {@link #fold(int)} of printable ASCII when it is one character (0 otherwise): the light view's fast path. */
    private static final char[] ASCII_FOLD = new char[128];
    /** {@link #leet(char)} for chars below 256. */
    private static final char[] LEET = new char[256];

    static {
        for (char c = '!'; c < 127; c++) {
            String f = fold(c);
            ASCII_FOLD[c] = f.length() == 1 && f.charAt(0) != ' ' ? f.charAt(0) : 0;
        }
        for (char c = 0; c < 256; c++) {
            LEET[c] = leetOf(c);
        }
    }

    private Normalizer() {
    }

    static TextView light(String text) {
        TextView.Builder b = new TextView.Builder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char ch = text.charAt(i);
            if (ch < 128) {
                char f = ASCII_FOLD[ch];
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
                String f = fold(cp);
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

    private static boolean isSpace(int cp) {
        if (cp < 128) {
            return cp <= ' ' || cp == 127; // ASCII white space and control characters
        }
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || Character.getType(cp) == Character.CONTROL;
    }

    static String fold(int cp) {
        if (cp <= Character.MAX_VALUE) {
            String f = BMP_FOLD[cp];
            if (f == null) {
                f = foldUncached(cp);
                // a benign race: Strings are immutable and safely published through their final fields
                BMP_FOLD[cp] = f;
            }
            return f;
        }
        return foldUncached(cp);
    }

    private static String foldUncached(int cp) {
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.UNASSIGNED
                || type == Character.SURROGATE || type == Character.PRIVATE_USE) {
            return SKIP;
        }
        char h = homoglyph(cp);
        if (h != 0) {
            return String.valueOf(h);
        }
        if (cp >= 0x1F1E6 && cp <= 0x1F1FF) {
            return String.valueOf((char) ('a' + (cp - 0x1F1E6)));
        }
        String s = java.text.Normalizer.normalize(new String(Character.toChars(cp)),
                java.text.Normalizer.Form.NFKD);
        s = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); ) {
            int c = s.codePointAt(k);
            k += Character.charCount(c);
            int t = Character.getType(c);
            if (t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK
                    || t == Character.COMBINING_SPACING_MARK || t == Character.FORMAT) {
                continue;
            }
            char g = homoglyph(c);
            if (g != 0) {
                out.append(g);
            } else if (isSpace(c)) {
                out.append(' ');
            } else {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /** Latin look-alikes of Cyrillic, Greek and a few other letters; 0 when the code point has none. */
    static char homoglyph(int cp) {
        switch (cp) {
            // Cyrillic upper and lower case
            case 'А': case 'а': return 'a';
            case 'В': case 'в': case 'Ь': case 'ь': return 'b';
            case 'С': case 'с': return 'c';
            case 'Ԁ': case 'ԁ': return 'd';
            case 'Е': case 'е': case 'Ё': case 'ё': case 'Є': case 'є': return 'e';
            case 'Н': case 'н': case 'Һ': case 'һ': return 'h';
            case 'І': case 'і': case 'Ї': case 'ї': case 'Ӏ': case 'ӏ': return 'i';
            case 'Ј': case 'ј': return 'j';
            case 'К': case 'к': return 'k';
            case 'М': case 'м': return 'm';
            case 'П': case 'п': return 'n';
            case 'О': case 'о': return 'o';
            case 'Р': case 'р': return 'p';
            case 'Ԛ': case 'ԛ': return 'q';
            case 'Г': case 'г': return 'r';
            case 'Ѕ': case 'ѕ': return 's';
            case 'Т': case 'т': return 't';
            case 'У': case 'у': return 'y';
            case 'Ԝ': case 'ԝ': return 'w';
            case 'Х': case 'х': return 'x';
            // Greek
            case 'Α': case 'α': return 'a';
            case 'Β': case 'β': return 'b';
            case 'Ε': case 'ε': return 'e';
            case 'Ζ': return 'z';
            case 'Η': return 'h';
            case 'η': return 'n';
            case 'Ι': case 'ι': return 'i';
            case 'Κ': case 'κ': return 'k';
            case 'Μ': return 'm';
            case 'μ': case 'υ': return 'u';
            case 'Ν': return 'n';
            case 'ν': return 'v';
            case 'Ο': case 'ο': return 'o';
            case 'Ρ': case 'ρ': return 'p';
            case 'ς': return 's';
            case 'Τ': case 'τ': return 't';
            case 'Υ': case 'γ': return 'y';
            case 'Χ': case 'χ': return 'x';
            case 'ω': return 'w';
            // Latin letters without a decomposition
            case 'ı': return 'i';
            case 'ł': case 'Ł': return 'l';
            case 'ø': case 'Ø': return 'o';
            case 'đ': case 'Đ': return 'd';
            case 'ħ': case 'Ħ': return 'h';
            case 'ŧ': case 'Ŧ': return 't';
            default: return 0;
        }
    }

    /** The letter a leetspeak character stands for, or 0. */
    static char leet(char c) {
        return c < 256 ? LEET[c] : c == '€' ? 'e' : 0;
    }

    private static char leetOf(char c) {
        switch (c) {
            case '0': return 'o';
            case '1': case '!': case '|': case '¡': return 'i';
            case '3': case '€': return 'e';
            case '4': case '@': return 'a';
            case '5': case '$': case '§': return 's';
            case '7': case '+': return 't';
            case '8': return 'b';
            case '9': return 'g';
            case '¢': return 'c';
            default: return 0;
        }
    }

    /** Leet characters that are also ordinary sentence punctuation: mapped only when a letter follows in the word. */
    private static boolean punctuationLeet(char c) {
        return c == '!' || c == '|' || c == '+' || c == '¡';
    }

    private static boolean spacedSeparator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*' || c == '·' || c == ',' || c == '/'
                || c == '\\' || c == '~' || c == '•';
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
                } else if (leet(c) != 0 && !punctuationLeet(c)) {
                    lastCore = j;
                }
                j++;
            }
            for (int k = i; k < j; k++) {
                char c = src[k];
                char l = hasLetter ? leet(c) : 0;
                if (l != 0 && punctuationLeet(c) && k >= lastCore) {
                    l = 0;
                }
                m[k] = l != 0 ? l : c;
            }
            i = j;
        }
        // join letters written one by one ("f u c k", "s.h.i.t"), then collapse repeated letters
        TextView.Builder b = new TextView.Builder(n);
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

    private static void append(TextView.Builder b, char c, int s, int e) {
        if (b.length() > 0 && b.last() == c && CharClass.isLetter(c)) {
            b.extendLast(e, 1);
        } else {
            b.add(c, s, e, 1);
        }
    }

    static TextView phrase(TextView light) {
        TextView.Builder b = new TextView.Builder(light.length);
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

    /** Normalizes a lexicon term exactly as text is normalized, trimmed of outer spaces. */
    static TextView strictTerm(String term) {
        return strict(light(term.strip()));
    }

    static String phraseTerm(String term) {
        return phrase(light(term.strip())).text().strip();
    }
}
