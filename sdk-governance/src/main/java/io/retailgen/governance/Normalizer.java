package io.retailgen.governance;

import java.util.Arrays;
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
    /** {@link #foldOrSpace(int)} of the chars {@link #isSpace(int)} accepts: compared by identity. */
    private static final String SPACE = new String(" ");
    private static final String[] BMP_FOLD_OR_SPACE = new String[Character.MAX_VALUE + 1];
    /** The light view's char for every ASCII char: its fold, or a space for white space and controls. */
    private static final char[] LIGHT_ASCII = new char[128];
    /** The phrase view's char for every ASCII char. */
    private static final char[] PHRASE_ASCII = new char[128];
    /** {@link #leet(char)} for chars below 256. */
    private static final char[] LEET = new char[256];

    static {
        for (char c = 0; c < 128; c++) {
            if (isSpace(c)) {
                LIGHT_ASCII[c] = ' ';
            } else {
                String f = fold(c);
                if (f.length() != 1 || f.charAt(0) == ' ') {
                    throw new AssertionError("ASCII char " + (int) c + " folds to '" + f + "'");
                }
                LIGHT_ASCII[c] = f.charAt(0);
            }
            PHRASE_ASCII[c] = phraseChar(c);
        }
        for (char c = 0; c < 256; c++) {
            LEET[c] = leetOf(c);
        }
    }

    private Normalizer() {
    }

    static TextView light(String text) {
        return light(text, null);
    }

    /**
     * @param text the text
     * @param w buffers to build the view in, or null to allocate
     * @return the light view
     */
    static TextView light(String text, Workspace w) {
        int n = text.length();
        // every char yields at most one view char except the rare ones whose fold is longer: the arrays grow then
        int cap = n;
        char[] chars = Workspace.chars(w, Workspace.LIGHT, cap);
        int[] start = Workspace.starts(w, Workspace.LIGHT, cap);
        int[] end = Workspace.ends(w, Workspace.LIGHT, cap);
        boolean foldedAt = false;
        int len = 0;
        int prev = -1; // chars[len - 1], -1 when len == 0
        int i = 0;
        while (i < n) {
            char ch = text.charAt(i);
            if (ch < 128) {
                // one char, or a space that joins a space before it (col = 1), without branches on the text
                char f = LIGHT_ASCII[ch];
                int col = f == ' ' & prev == ' ' ? 1 : 0;
                chars[len] = f;
                start[len] = i;
                end[len - col] = ++i;
                len += 1 - col;
                prev = f;
                continue;
            }
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            String f = cp <= Character.MAX_VALUE ? foldOrSpace(cp) : isSpace(cp) ? SPACE : fold(cp);
            if (f == SPACE) {
                if (len > 0 && chars[len - 1] == ' ') {
                    end[len - 1] = next;
                } else {
                    chars[len] = ' ';
                    start[len] = i;
                    end[len++] = next;
                }
            } else {
                foldedAt |= f.indexOf('@') >= 0;
                int need = len + f.length() + (n - next);
                if (need > cap) {
                    cap = Math.max(need, cap * 2);
                    chars = Arrays.copyOf(chars, cap);
                    start = Arrays.copyOf(start, cap);
                    end = Arrays.copyOf(end, cap);
                }
                for (int k = 0; k < f.length(); k++) {
                    char c = f.charAt(k);
                    if (c == ' ' && len > 0 && chars[len - 1] == ' ') {
                        end[len - 1] = Math.max(end[len - 1], next);
                        continue;
                    }
                    chars[len] = c;
                    start[len] = i;
                    end[len++] = next;
                }
            }
            i = next;
            prev = len > 0 ? chars[len - 1] : -1;
        }
        return new TextView(chars, start, end, null, len, null, foldedAt);
    }

    /** {@link #SPACE} for a white-space or control char (see {@link #isSpace(int)}), else {@link #fold(int)}. */
    private static String foldOrSpace(int cp) {
        String f = BMP_FOLD_OR_SPACE[cp];
        if (f == null) {
            f = isSpace(cp) ? SPACE : fold(cp);
            // a benign race, as in fold(int)
            BMP_FOLD_OR_SPACE[cp] = f;
        }
        return f;
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

    private static final byte OTHER = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    /** {@link #flagsOf(char)}: the class ({@link #LETTER}, {@link #DIGIT} or {@link #OTHER}) plus these bits. */
    private static final int F_LETTER = LETTER;
    private static final int F_LEET = 4;
    /** A letter, or a leet char that is not also punctuation: where the last "core" char of a word is. */
    private static final int F_CORE = 8;
    private static final byte[] FLAGS = new byte[256];

    static {
        for (char c = 0; c < 256; c++) {
            FLAGS[c] = (byte) flagsOf(c);
        }
    }

    private static int flagsOf(char c) {
        int f = letterOrDigit(c);
        if (f != LETTER && leet(c) != 0) {
            f |= F_LEET;
            if (!punctuationLeet(c)) {
                f |= F_CORE;
            }
        }
        if (f == LETTER) {
            f |= F_CORE;
        }
        return f;
    }

    private static byte letterOrDigit(char c) {
        return CharClass.isLetter(c) ? LETTER : CharClass.isLetterOrDigit(c) ? DIGIT : OTHER;
    }

    static TextView strict(TextView light) {
        return strict(light, null);
    }

    /**
     * @param light a light view
     * @param w buffers to build the view in, or null to allocate
     * @return the strict view
     */
    static TextView strict(TextView light, Workspace w) {
        int n = light.length;
        char[] src = light.chars;
        // One pass over the words (runs of non-spaces): the letter/digit class of every char and, in words that
        // contain a letter, leetspeak undone; m stays the light view's own array unless a char changes.
        char[] m = src;
        byte[] cls = w == null ? new byte[n] : w.bytes(n);
        int wordStart = 0;
        int seen = 0;
        int lastCore = -1;
        for (int j = 0; j <= n; j++) {
            char c = j < n ? src[j] : ' ';
            if (c == ' ') {
                if ((seen & F_LETTER) != 0 && (seen & F_LEET) != 0) {
                    for (int k = wordStart; k < j; k++) {
                        char x = src[k];
                        char l = leet(x);
                        if (l != 0 && !(punctuationLeet(x) && k >= lastCore)) {
                            if (m == src) {
                                m = Workspace.chars(w, Workspace.SCRATCH, n);
                                System.arraycopy(src, 0, m, 0, n);
                            }
                            m[k] = l;
                            cls[k] = LETTER;
                        }
                    }
                }
                if (j < n) {
                    cls[j] = OTHER;
                }
                seen = 0;
                lastCore = -1;
                wordStart = j + 1;
                continue;
            }
            int f = c < 256 ? FLAGS[c] : flagsOf(c);
            cls[j] = (byte) (f & (LETTER | DIGIT));
            seen |= f;
            if ((f & F_CORE) != 0) {
                lastCore = j;
            }
        }
        // join letters written one by one ("f u c k", "s.h.i.t"), then collapse repeated letters
        int[] lightStart = light.start;
        int[] lightEnd = light.end;
        char[] chars = Workspace.chars(w, Workspace.STRICT, n);
        int[] start = Workspace.starts(w, Workspace.STRICT, n);
        int[] end = Workspace.ends(w, Workspace.STRICT, n);
        int[] runs = Workspace.starts(w, Workspace.RUNS, n);
        boolean[] joined = null;
        int len = 0;
        // chars, start, end and runs of index len - 1 (prev is -1 when len == 0)
        int prev = -1;
        int lastStart = 0;
        int lastEnd = 0;
        int lastRuns = 0;
        int i = 0;
        while (i < n) {
            char c = m[i];
            byte ci = cls[i];
            boolean letter = ci == LETTER;
            if (letter & (i == 0 || cls[i - 1] == OTHER) & (i + 1 >= n || cls[i + 1] == OTHER)) {
                int[] letters = singleLetters(m, cls, n, i);
                if (letters != null) {
                    if (joined == null) {
                        joined = w == null ? new boolean[n] : w.clearedFlags(n);
                    }
                    for (int x : letters) {
                        char lc = m[x];
                        if (prev == lc) {
                            end[len - 1] = Math.max(end[len - 1], lightEnd[x]);
                            runs[len - 1]++;
                        } else {
                            chars[len] = lc;
                            start[len] = lightStart[x];
                            end[len] = lightEnd[x];
                            runs[len++] = 1;
                            prev = lc;
                        }
                        joined[len - 1] = true;
                    }
                    lastStart = start[len - 1];
                    lastEnd = end[len - 1];
                    lastRuns = runs[len - 1];
                    i = letters[letters.length - 1] + 1;
                    continue;
                }
            }
            // Without branches on the text (they mispredict at every word), and without reading back what the loop
            // wrote (a load that may alias a recent store stalls the pipeline): the last view char's values are kept
            // in locals and stored again every time. col = 1 when the char repeats the previous letter.
            int col = letter & prev == c ? 1 : 0;
            lastStart = col == 1 ? lastStart : lightStart[i];
            lastEnd = col == 1 ? Math.max(lastEnd, lightEnd[i]) : lightEnd[i];
            lastRuns = lastRuns * col + 1;
            len += 1 - col;
            chars[len - 1] = c;
            start[len - 1] = lastStart;
            end[len - 1] = lastEnd;
            runs[len - 1] = lastRuns;
            prev = c;
            i++;
        }
        return new TextView(chars, start, end, runs, len, joined, false);
    }

    /**
     * Letters written one by one ("f u c k", "s.h.i.t"): from the single letter at {@code i}, the following single
     * letters each after one to three separators.
     *
     * @return the positions of the letters when there are at least three, else null
     */
    private static int[] singleLetters(char[] m, byte[] cls, int n, int i) {
        int count = 1;
        int[] letters = null;
        int k = i + 1;
        while (true) {
            int sepEnd = k;
            while (sepEnd < n && sepEnd - k < 3 && spacedSeparator(m[sepEnd])) {
                sepEnd++;
            }
            if (sepEnd > k && sepEnd < n && isSingleLetter(cls, n, sepEnd)) {
                if (letters == null) {
                    letters = new int[8];
                    letters[0] = i;
                }
                if (count == letters.length) {
                    letters = Arrays.copyOf(letters, count * 2);
                }
                letters[count++] = sepEnd;
                k = sepEnd + 1;
            } else {
                break;
            }
        }
        return count >= 3 ? Arrays.copyOf(letters, count) : null;
    }

    private static boolean isSingleLetter(byte[] cls, int n, int i) {
        return cls[i] == LETTER && (i == 0 || cls[i - 1] == OTHER) && (i + 1 >= n || cls[i + 1] == OTHER);
    }

    static TextView phrase(TextView light) {
        return phrase(light, null);
    }

    /**
     * @param light a light view
     * @param w buffers to build the view in, or null to allocate
     * @return the phrase view
     */
    static TextView phrase(TextView light, Workspace w) {
        int n = light.length;
        char[] src = light.chars;
        int[] lightStart = light.start;
        int[] lightEnd = light.end;
        char[] chars = Workspace.chars(w, Workspace.PHRASE, n);
        int[] start = Workspace.starts(w, Workspace.PHRASE, n);
        int[] end = Workspace.ends(w, Workspace.PHRASE, n);
        int len = 0;
        // chars, start and end of index len - 1, kept in locals as in strict(...)
        int prev = -1;
        int lastStart = 0;
        int lastEnd = 0;
        for (int i = 0; i < n; i++) {
            char c = src[i];
            c = c < 128 ? PHRASE_ASCII[c] : phraseChar(c);
            // a space or '#' that repeats the previous char is folded into it (col = 1), without branches
            int col = (c == ' ' | c == '#') & c == prev ? 1 : 0;
            lastStart = col == 1 ? lastStart : lightStart[i];
            lastEnd = col == 1 ? Math.max(lastEnd, lightEnd[i]) : lightEnd[i];
            len += 1 - col;
            chars[len - 1] = c;
            start[len - 1] = lastStart;
            end[len - 1] = lastEnd;
            prev = c;
        }
        return new TextView(chars, start, end, null, len, null, false);
    }

    /** The phrase view's char for a light view char: hyphens, underscores and slashes are spaces, digits '#'. */
    private static char phraseChar(char c) {
        if (c == '-' || c == '_' || c == '/' || c == '\u2010' || c == '\u2013' || c == '\u2014') {
            return ' ';
        }
        return c >= '0' && c <= '9' ? '#' : c;
    }

    /** Normalizes a lexicon term exactly as text is normalized, trimmed of outer spaces. */
    static TextView strictTerm(String term) {
        return strict(light(term.strip()));
    }

    static String phraseTerm(String term) {
        return phrase(light(term.strip())).text().strip();
    }
}
