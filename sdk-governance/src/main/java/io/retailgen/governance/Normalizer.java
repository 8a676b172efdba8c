package io.retailgen.governance;

import java.util.Arrays;
import java.util.Locale;

/**
 * Turns text into the normalized views the checks match against. All methods are pure functions and safe for
 * concurrent use.
 *
 * <ul>
 *   <li>{@link #light(String)}: Unicode compatibility decomposition (NFKD, a superset of what NFKC folds), diacritics
 *       and other combining marks removed, full case folding, Cyrillic, Greek, IPA and small-capital look-alikes mapped to Latin letters,
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
        boolean foldedAt = false;
        // one bulk copy of the text's chars, then plain array reads (String.charAt checks the index and the coder
        // of the string at every char)
        char[] src = Workspace.chars(w, Workspace.TEXT, n);
        text.getChars(0, n, src, 0);
        // In most texts every char folds to exactly one char and no white space follows white space: each char then
        // yields the view char at its own index, and the view needs no span arrays. Such a prefix is folded here with
        // one store per char; at the first char that folds to more or fewer chars (or is half of a surrogate pair) or
        // that joins a space before it, the spans so far are written and the full loop goes on.
        int i = 0;
        int prev = -1; // chars[i - 1], -1 when i == 0
        while (i < n) {
            char ch = src[i];
            char f;
            if (ch < 128) {
                f = LIGHT_ASCII[ch];
            } else {
                if (Character.isSurrogate(ch)) {
                    break;
                }
                String g = foldOrSpace(ch);
                if (g.length() != 1) {
                    break;
                }
                f = g.charAt(0);
                foldedAt |= f == '@';
            }
            if (f == ' ' & prev == ' ') {
                break;
            }
            chars[i++] = f;
            prev = f;
        }
        if (i == n) {
            return new TextView(chars, null, null, null, n, null, foldedAt);
        }
        int[] start = Workspace.starts(w, Workspace.LIGHT, cap);
        int[] end = Workspace.ends(w, Workspace.LIGHT, cap);
        for (int k = 0; k < i; k++) {
            start[k] = k;
            end[k] = k + 1;
        }
        int len = i;
        while (i < n) {
            char ch = src[i];
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
            int cp = Character.codePointAt(src, i, n);
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

    /**
     * @param light a light view
     * @param w the workspace the view was built in, or null
     * @return the span starts of the light view's chars: its array, or for a view without span arrays ({@link
     *     TextView#identitySpans()}) {@code 0, 1, 2, ...} in the light slot's buffer, which such a view leaves unused
     */
    private static int[] spanStarts(TextView light, Workspace w) {
        if (!light.identitySpans()) {
            return light.start;
        }
        int[] a = Workspace.starts(w, Workspace.LIGHT, light.length);
        for (int k = 0; k < light.length; k++) {
            a[k] = k;
        }
        return a;
    }

    /** @return the span ends of the light view's chars, as {@link #spanStarts} ({@code 1, 2, 3, ...}) */
    private static int[] spanEnds(TextView light, Workspace w) {
        if (!light.identitySpans()) {
            return light.end;
        }
        int[] a = Workspace.ends(w, Workspace.LIGHT, light.length);
        for (int k = 0; k < light.length; k++) {
            a[k] = k + 1;
        }
        return a;
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
        String ipa = ipa(cp);
        if (ipa != null) {
            return ipa;
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

    /**
     * IPA symbols of a phonetic transcription ({@code /fʌk/}, {@code /ʃɪt/}) spelled as English spells the sound, and
     * its stress and length marks dropped; null for any other code point.
     */
    private static String ipa(int cp) {
        switch (cp) {
            case 'ʃ': return "sh";
            case 'ʒ': return "zh";
            case 'θ': case 'ð': return "th";
            case 'ŋ': return "ng";
            case 'ʌ': return "u";
            case 'æ': return "a";
            case 'ʧ': return "ch";
            case 'ʤ': return "j";
            case 'ˈ': case 'ˌ': case 'ː': case 'ˑ': return SKIP;
            default: return null;
        }
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
            // IPA letters and Latin small capitals that read as a plain letter (after Unicode's confusables data)
            case 'ɐ': case 'ɑ': case 'ᴀ': case 'ɒ': return 'a';
            case 'ʙ': case 'ɓ': return 'b';
            case 'ᴄ': case 'ɕ': case 'ƈ': return 'c';
            case 'ᴅ': case 'ɖ': case 'ɗ': return 'd';
            case 'ᴇ': case 'ə': case 'ɘ': case 'ɛ': case 'ɜ': case 'ɚ': return 'e';
            case 'ꜰ': case 'ƒ': return 'f';
            case 'ɡ': case 'ɢ': case 'ɠ': return 'g';
            case 'ʜ': case 'ɦ': return 'h';
            case 'ɪ': case 'ɨ': case 'ɩ': return 'i';
            case 'ᴊ': case 'ʝ': return 'j';
            case 'ᴋ': case 'ƙ': return 'k';
            case 'ʟ': case 'ɫ': case 'ɬ': case 'ɭ': return 'l';
            case 'ᴍ': case 'ɱ': return 'm';
            case 'ɴ': case 'ɲ': case 'ɳ': return 'n';
            case 'ᴏ': case 'ɔ': case 'ɵ': return 'o';
            case 'ᴘ': return 'p';
            case 'ʀ': case 'ɹ': case 'ɾ': case 'ɽ': case 'ʁ': return 'r';
            case 'ꜱ': case 'ʂ': return 's';
            case 'ᴛ': case 'ʈ': return 't';
            case 'ᴜ': case 'ʊ': case 'ʉ': return 'u';
            case 'ᴠ': case 'ʋ': return 'v';
            case 'ᴡ': return 'w';
            case 'ʏ': return 'y';
            case 'ᴢ': case 'ʐ': case 'ʑ': return 'z';
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
        return strict(light, w, null, null);
    }

    /**
     * @param light a light view
     * @param w buffers to build the view in, or null to allocate
     * @param fused an automaton to run over the view while it is built, or null
     * @param found where the matches of {@code fused} go (may be null when {@code fused} is): {@link Matches#valid}
     *     when they are all there, else the caller must search the view
     * @return the strict view
     */
    static TextView strict(TextView light, Workspace w, AhoCorasick fused, Matches found) {
        return strictAndPhrase(light, w, ScanTable.of(fused, null), found, null);
    }

    /**
     * As {@link #strictAndPhrase(TextView, Workspace, ScanTable, Matches, Matches)} with a table built for the two
     * automata.
     */
    static TextView strictAndPhrase(TextView light, Workspace w, AhoCorasick strictMatcher, Matches strictFound,
                                    AhoCorasick phraseMatcher, Matches phraseFound) {
        return strictAndPhrase(light, w, ScanTable.of(strictMatcher, phraseMatcher), strictFound, phraseFound);
    }

    /**
     * The strict view as {@link #strict(TextView, Workspace, AhoCorasick, Matches)}, with the table's strict
     * automaton run while it is built (its matches in {@code strictFound}), and, when {@code phraseFound} is not null
     * and the text allows, the phrase view in the same pass, with the table's phrase automaton run over it: then
     * {@code phraseFound} is {@link Matches#valid} and holds the view in {@link Matches#view}.
     *
     * @param table the automata, and what the pass looks up for each char
     * @param strictFound where the strict automaton's matches go, or null
     * @param phraseFound where the phrase view and its matches go, or null to build no phrase view
     * @return the strict view
     */
    static TextView strictAndPhrase(TextView light, Workspace w, ScanTable table, Matches strictFound,
                                    Matches phraseFound) {
        if (strictFound != null) {
            strictFound.clear();
        }
        if (phraseFound != null) {
            phraseFound.clear();
        }
        TextView v = strictPlain(light, light.chars, w, table, strictFound, phraseFound);
        if (v != null) {
            return v;
        }
        // leetspeak to undo, or letters written one by one: with the former only, the same pass over the chars with
        // leetspeak undone (the phrase view still reads the light chars)
        char[] m = undoLeet(light, w);
        if (m != light.chars) {
            v = strictPlain(light, m, w, table, strictFound, phraseFound);
            if (v != null) {
                return v;
            }
        }
        if (strictFound != null) {
            strictFound.clear();
        }
        if (phraseFound != null) {
            phraseFound.clear();
        }
        return strictGeneral(light, m, w);
    }

    // strictPlain's per-char flags: the class (LETTER, DIGIT or OTHER) in the low two bits, plus
    /** a letter, or a leet char that is not also punctuation (as F_CORE) */
    private static final int P_CORE = 8;
    /** a leet char that is also punctuation, mapped only when a core char follows in the word */
    private static final int P_PLEET = 16;
    /** a leet char that is not punctuation, always mapped in a word with a letter */
    private static final int P_NPLEET = 32;
    /** in the word accumulator only: a punctuation leet char followed by a core char */
    private static final int P_MAPPED = 64;
    private static final byte[] PLAIN = new byte[256];

    static {
        for (char c = 0; c < 256; c++) {
            PLAIN[c] = (byte) plainFlagsOf(c);
        }
    }

    private static int plainFlagsOf(char c) {
        int f = flagsOf(c);
        int p = f & (LETTER | DIGIT);
        if ((f & F_CORE) != 0) {
            p |= P_CORE;
        }
        if ((f & F_LEET) != 0) {
            p |= (f & F_CORE) != 0 ? P_NPLEET : P_PLEET;
        }
        return p;
    }

    private static int plainFlags(char c) {
        return c < 256 ? PLAIN[c] : plainFlagsOf(c);
    }

    /**
     * The strict view in one pass, for the common text in which no letters are written one by one: then the view is
     * {@code m} (the light view's chars, or those with leetspeak undone) with repeated letters collapsed, as a view
     * derived from the light view. Runs the table's strict automaton over the view chars as they are made, and builds
     * the phrase view (from the light chars) in the same pass when {@code phraseFound} is not null, running the
     * table's phrase automaton over it.
     *
     * @param m the light view's chars, or {@link #undoLeet}'s
     * @return the view, or null when the text needs {@link #strictGeneral}, or leetspeak undone first
     */
    private static TextView strictPlain(TextView light, char[] m, Workspace w, ScanTable table, Matches found,
                                        Matches phraseFound) {
        if (found != null) {
            found.clear();
        }
        if (phraseFound != null) {
            phraseFound.clear();
        }
        int n = light.length;
        char[] src = light.chars;
        // a derived view of the light view: chars and the first light index of each (the next char's first index
        // minus one is its last, so the span and the count of collapsed letters follow from these)
        char[] chars = Workspace.chars(w, Workspace.STRICT, n);
        int[] from = Workspace.starts(w, Workspace.STRICT, n + 1);
        // Every char's class for the plain-path check, its columns in the two automata's steps and its phrase char
        // come from one packed table entry. An absent automaton (or one too large for the table, which the caller
        // then searches) is stepped as one that never leaves its root.
        final long[] latin = table.latin;
        final boolean fusing = found != null && table.strictFused;
        final char[] steps = table.strictSteps.steps();
        final int firstOut = fusing ? table.strictSteps.firstOutput() : Integer.MAX_VALUE;
        int state = 0;
        int len = 0;
        int prev = -1; // chars[len - 1], -1 when len == 0
        // the phrase view, as in phrase(...), when wanted: derived from the light view too
        final boolean withPhrase = phraseFound != null;
        final char[] pchars = withPhrase ? Workspace.chars(w, Workspace.PHRASE, n) : null;
        final int[] pfrom = withPhrase ? Workspace.starts(w, Workspace.PHRASE, n + 1) : null;
        final boolean phraseFusing = withPhrase && table.phraseFused;
        final char[] psteps = table.phraseSteps.steps();
        final int pfirstOut = phraseFusing ? table.phraseSteps.firstOutput() : Integer.MAX_VALUE;
        // the phrase view reads the light chars: the same as m unless leetspeak was undone
        final boolean sameChars = m == src;
        int pstate = 0;
        int plen = 0;
        int pprev = -1;
        // whether the plain path applies, read by PlainCheck's automaton over the chars as the view is built
        final int[] next = PlainCheck.NEXT;
        int check = PlainCheck.START;
        for (int i = 0; i < n; i++) {
            char c = m[i];
            long e = c < 256 ? latin[c] : table.entry(c);
            int k = (int) e & ScanTable.CHECK_MASK;
            check = next[check + (k & PlainCheck.CLASS_MASK)];
            boolean letter = k > PlainCheck.CLASS_MASK;
            // Without branches on the text: a char that repeats the previous letter (col = 1) is written to the
            // unused slot after the view, where the next new char overwrites it.
            int col = letter & prev == c ? 1 : 0;
            chars[len] = c;
            from[len] = i;
            len += 1 - col;
            if (col == 0) {
                state = steps[((int) (e >>> ScanTable.STRICT_COLUMN_SHIFT) & ScanTable.COLUMN_MASK) + state];
                if (state >= firstOut) {
                    found.add(state, len);
                }
            }
            prev = c;
            if (withPhrase) {
                char lc = c;
                long pe = e;
                if (!sameChars && src[i] != c) {
                    lc = src[i];
                    pe = lc < 256 ? latin[lc] : table.entry(lc);
                }
                char pc = lc < 256 ? (char) (lc ^ ((int) (pe >>> ScanTable.PHRASE_XOR_SHIFT) & 0xff))
                        : phraseChar(lc);
                int pcol = (pe & ScanTable.COLLAPSES) != 0 & pc == pprev ? 1 : 0;
                pchars[plen] = pc;
                pfrom[plen] = i;
                plen += 1 - pcol;
                if (pcol == 0) {
                    pstate = psteps[(int) (pe >>> ScanTable.PHRASE_COLUMN_SHIFT) + pstate];
                    if (pstate >= pfirstOut) {
                        phraseFound.add(pstate, plen);
                    }
                }
                pprev = pc;
            }
        }
        if (!PlainCheck.ACCEPT[check]) {
            return null;
        }
        from[len] = n;
        TextView v = new TextView(chars, from, len, light, true);
        if (fusing) {
            found.complete(table.strictMatcher, v);
        }
        if (withPhrase) {
            pfrom[plen] = n;
            TextView p = new TextView(pchars, pfrom, plen, light, false);
            if (phraseFusing) {
                phraseFound.complete(table.phraseMatcher, p);
            } else {
                phraseFound.view = p;
            }
        }
        return v;
    }

    /** @return the class of {@code c} for the plain-path check, plus its letter bit (see {@link ScanTable}) */
    static int plainCheckClass(char c) {
        return c < 256 ? PlainCheck.CLASS[c] : PlainCheck.classOf(c);
    }

    /**
     * The first pass of {@link #strictGeneral}: leetspeak undone in every word (run of non-spaces) that contains a
     * letter.
     *
     * @return the light view's chars when no char changes, else a copy with the letters
     */
    private static char[] undoLeet(TextView light, Workspace w) {
        int n = light.length;
        char[] src = light.chars;
        char[] m = src;
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
                        }
                    }
                }
                seen = 0;
                lastCore = -1;
                wordStart = j + 1;
                continue;
            }
            int f = c < 256 ? FLAGS[c] : flagsOf(c);
            seen |= f;
            if ((f & F_CORE) != 0) {
                lastCore = j;
            }
        }
        return m;
    }

    /**
     * The strict view of any text: {@code m} (the light chars with leetspeak undone, from {@link #undoLeet}) joined
     * and collapsed.
     */
    private static TextView strictGeneral(TextView light, char[] m, Workspace w) {
        int n = light.length;
        // the letter/digit class of every char (a char that leetspeak turned into a letter is a letter)
        byte[] cls = w == null ? new byte[n] : w.bytes(n);
        for (int j = 0; j < n; j++) {
            char c = m[j];
            cls[j] = (byte) ((c < 256 ? FLAGS[c] : flagsOf(c)) & (LETTER | DIGIT));
        }
        // join letters written one by one ("f u c k", "s.h.i.t"), then collapse repeated letters
        int[] lightStart = spanStarts(light, w);
        int[] lightEnd = spanEnds(light, w);
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
        return phrase(light, w, null, null);
    }

    /**
     * @param light a light view
     * @param w buffers to build the view in, or null to allocate
     * @param fused an automaton to run over the view while it is built, or null
     * @param found where the matches of {@code fused} go, as in {@link #strict(TextView, Workspace, AhoCorasick,
     *     Matches)}
     * @return the phrase view
     */
    static TextView phrase(TextView light, Workspace w, AhoCorasick fused, Matches found) {
        if (found != null) {
            found.clear();
        }
        final char[] steps = fused == null || found == null ? null : fused.steps();
        final char[] acls = steps == null ? null : fused.classes();
        final int stride = steps == null ? 0 : fused.stride();
        final int firstOut = steps == null ? 0 : fused.firstOutput();
        int state = 0;
        int n = light.length;
        char[] src = light.chars;
        int[] lightStart = spanStarts(light, w);
        int[] lightEnd = spanEnds(light, w);
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
            if (steps != null & col == 0) {
                state = steps[acls[c] * stride + state];
                if (state >= firstOut) {
                    found.add(state, len);
                }
            }
            prev = c;
        }
        TextView v = new TextView(chars, start, end, null, len, null, false);
        if (steps != null) {
            found.complete(fused, v);
        }
        return v;
    }

    /** The phrase view's char for a light view char: hyphens, underscores and slashes are spaces, digits '#'. */
    static char phraseChar(char c) {
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

    /** @return whether {@link #strictPlain} builds the strict view of the chars {@code m[0, n)}, as it decides */
    static boolean plainPathApplies(char[] m, int n) {
        int check = PlainCheck.START;
        for (int i = 0; i < n; i++) {
            char c = m[i];
            check = PlainCheck.NEXT[check + ((c < 256 ? PlainCheck.CLASS[c] : PlainCheck.classOf(c))
                    & PlainCheck.CLASS_MASK)];
        }
        return PlainCheck.ACCEPT[check];
    }

    /**
     * Whether {@link #strictPlain} can build the strict view of a text: no word (run of non-spaces) needs leetspeak
     * undone (it has a letter and a non-punctuation leet char, or a punctuation leet char before a core char), and no
     * letters are written one by one (a single letter, one to three {@link #spacedSeparator}s, a single letter, one to
     * three separators and a single letter, where a single letter has no letter or digit beside it). Read by a
     * deterministic automaton over classes of chars, one table step per char, instead of flags kept per word and a
     * look-ahead at every single letter; its states are built here by stepping those rules over every class.
     */
    private static final class PlainCheck {
        /** The class of a char, plus {@link #LETTER_BIT} for a letter (so that one look-up gives both). */
        static final int CLASS_MASK = 0xff;
        static final int LETTER_BIT = 0x100;
        /** {@link #classOf(char)} of each char below 256. */
        static final char[] CLASS = new char[256];
        /** The row of the state after a char: {@code NEXT[row + class]}; rows are {@code state * classes}. */
        static final int[] NEXT;
        /** Whether the text may end in the state of a row (indexed by the row). */
        static final boolean[] ACCEPT;
        /** The row of the start state. */
        static final int START;
        /** The class of each property key of {@link #key(char)}. */
        private static final byte[] CLASS_OF_KEY = new byte[256];

        // the rules' state: the current word's flags, whether the previous char is neither letter nor digit (or
        // there is none), and the partial matches of letters written one by one; DEAD when the plain path fails
        private static final int DEAD = -1;
        private static final int W_LETTER = 1;
        private static final int W_NPLEET = 2;
        private static final int W_PLEET = 4;
        private static final int W_MAPPED = 8;
        private static final int PREV_OTHER = 16;
        private static final int ACTIVE_SHIFT = 5;
        // partial matches: after the first single letter (L1), after k separators (S1 + k - 1), and so on
        private static final int L1 = 1;
        private static final int S1 = 2;
        private static final int S1_ANY = 7 << 1;
        private static final int L2 = 1 << 4;
        private static final int S2 = 1 << 5;
        private static final int S2_ANY = 7 << 5;
        private static final int L3 = 1 << 8;

        static {
            int classes = 0;
            Arrays.fill(CLASS_OF_KEY, (byte) -1);
            int[] keyOfClass = new int[256];
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                int key = key((char) c);
                if (CLASS_OF_KEY[key] < 0) {
                    if ((key & 128) != 0 && (key & (LETTER | DIGIT)) != OTHER) {
                        throw new AssertionError("separator " + c + " is a letter or digit");
                    }
                    keyOfClass[classes] = key;
                    CLASS_OF_KEY[key] = (byte) classes++;
                }
                if (c < 256) {
                    CLASS[c] = (char) classOf((char) c);
                }
            }
            java.util.Map<Integer, Integer> ids = new java.util.HashMap<>();
            java.util.List<Integer> states = new java.util.ArrayList<>();
            ids.put(DEAD, 0);
            states.add(DEAD);
            ids.put(PREV_OTHER, 1);
            states.add(PREV_OTHER);
            java.util.List<int[]> rows = new java.util.ArrayList<>();
            for (int q = 0; q < states.size(); q++) {
                int[] row = new int[classes];
                for (int k = 0; k < classes; k++) {
                    int t = states.get(q) == DEAD ? DEAD : step(states.get(q), keyOfClass[k]);
                    Integer id = ids.get(t);
                    if (id == null) {
                        id = states.size();
                        ids.put(t, id);
                        states.add(t);
                    }
                    row[k] = id * classes;
                }
                rows.add(row);
            }
            NEXT = new int[states.size() * classes];
            ACCEPT = new boolean[NEXT.length];
            for (int q = 0; q < states.size(); q++) {
                System.arraycopy(rows.get(q), 0, NEXT, q * classes, classes);
                int t = states.get(q);
                ACCEPT[q * classes] = t != DEAD && ((t >>> ACTIVE_SHIFT) & L3) == 0;
            }
            START = classes;
        }

        private PlainCheck() {
        }

        /** @return the char's class, plus {@link #LETTER_BIT} when it is a letter */
        static int classOf(char c) {
            int key = key(c);
            return CLASS_OF_KEY[key] | ((key & (LETTER | DIGIT)) == LETTER ? LETTER_BIT : 0);
        }

        /** The properties of a char the rules read: its plain flags, a space (64), a spaced separator (128). */
        private static int key(char c) {
            return plainFlagsOf(c) | (c == ' ' ? 64 : 0) | (spacedSeparator(c) ? 128 : 0);
        }

        /** The rules' state after a char with the properties {@code key}, from {@code state}. */
        private static int step(int state, int key) {
            int f = key & 63;
            int cls = f & (LETTER | DIGIT);
            boolean space = (key & 64) != 0;
            boolean sep = (key & 128) != 0;
            int word = state & (W_LETTER | W_NPLEET | W_PLEET | W_MAPPED);
            int w = 0;
            if (!space) {
                w = word;
                if ((word & W_PLEET) != 0 && (f & P_CORE) != 0) {
                    w |= W_MAPPED;
                }
                w |= (cls == LETTER ? W_LETTER : 0) | ((f & P_NPLEET) != 0 ? W_NPLEET : 0)
                        | ((f & P_PLEET) != 0 ? W_PLEET : 0);
                if ((w & W_LETTER) != 0 && (w & (W_NPLEET | W_MAPPED)) != 0) {
                    return DEAD; // leetspeak to undo
                }
            }
            int active = state >>> ACTIVE_SHIFT;
            if ((active & L3) != 0 && cls == OTHER) {
                return DEAD; // three single letters
            }
            int next = 0;
            if (sep) {
                next |= (active & L1) != 0 ? S1 : 0;
                next |= (active & (S1_ANY & ~(S1 << 2))) << 1;
                next |= (active & L2) != 0 ? S2 : 0;
                next |= (active & (S2_ANY & ~(S2 << 2))) << 1;
            }
            if (cls == LETTER) {
                next |= (active & S1_ANY) != 0 ? L2 : 0;
                next |= (active & S2_ANY) != 0 ? L3 : 0;
                next |= (state & PREV_OTHER) != 0 ? L1 : 0;
            }
            return w | (cls == OTHER ? PREV_OTHER : 0) | next << ACTIVE_SHIFT;
        }
    }
}
