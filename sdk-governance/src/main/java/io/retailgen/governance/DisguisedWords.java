package io.retailgen.governance;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds words written with symbols in place of letters, matched against a fixed set of target words (lexicon terms,
 * brand names): masks ({@code f*ck}, {@code f#ck}, {@code sh%t}), leetspeak where a symbol may stand for more than
 * one letter ({@code bu11$h1t}: {@code 1} is {@code i} or {@code l}; {@code @} is {@code a} or {@code o}), and
 * punctuation inside a word ({@code fu.ck}, {@code g-u-cci}). It reads the light view, where the symbols are still
 * there, and looks only at the rare tokens that mix letters with such symbols, so plain text costs one pass over its
 * chars.
 *
 * <p>A token matches a target when its letters agree with the target's at their positions, each leet symbol stands
 * for one of its letters or masks a vowel ({@code f@ck}), each mask symbol for any one letter, and each punctuation mark for nothing or one letter;
 * a letter may be written more than once ({@code fuu*k}) or once for a doubled one. The target may be followed by
 * an inflection in plain letters ({@code f*cking}). Tokens whose parts are English words on their own ({@code
 * T-shirt}, {@code well-made}) are compounds, not disguises, and are skipped. Immutable and thread-safe.
 */
final class DisguisedWords {

    /** Receives a match: the target's index, the token's span in the light view, and the inflection (may be ""). */
    interface Sink {
        void match(int target, int from, int to, String inflection);
    }

    private static final String[] INFLECTIONS = {"", "s", "es", "ed", "ing", "in", "y", "er", "ers", "z"};
    private static final String LEAD_TRIM = "(\"'[{<";
    private static final String TRAIL_TRIM = ".,;:!?)]}\"'>";

    private final char[][] targets;
    /** Target indexes by first and last letter ('a'..'z' each): {@code byEnds[first * 26 + last]}. */
    private final int[][] byEnds;
    private static final String ALL_LETTERS = "abcdefghijklmnopqrstuvwxyz";

    /** @param words target words: lower-case ASCII letters, three or more */
    DisguisedWords(List<String> words) {
        targets = new char[words.size()][];
        List<List<Integer>> ends = new ArrayList<>();
        for (int c = 0; c < 26 * 26; c++) {
            ends.add(new ArrayList<>());
        }
        for (int t = 0; t < words.size(); t++) {
            String w = words.get(t);
            targets[t] = w.toCharArray();
            if (w.length() >= 3 && w.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                ends.get((w.charAt(0) - 'a') * 26 + w.charAt(w.length() - 1) - 'a').add(t);
            }
        }
        byEnds = new int[26 * 26][];
        for (int c = 0; c < 26 * 26; c++) {
            byEnds[c] = ends.get(c).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static final String[] LEET = new String[256];

    static {
        for (char c = 0; c < 256; c++) {
            LEET[c] = leetOf(c);
        }
    }

    /** The letters a leet symbol may stand for, or null. */
    static String leetLetters(char c) {
        return c < 256 ? LEET[c] : c == '€' ? "e" : null;
    }

    private static String leetOf(char c) {
        switch (c) {
            case '0': return "o";
            case '1': case '!': case '|': return "il";
            case '2': return "z";
            case '3': return "e";
            case '4': return "a";
            case '5': case '$': case '§': return "s";
            case '6': return "gb";
            case '7': case '+': return "t";
            case '8': return "b";
            case '9': return "g";
            case '@': return "ao";
            case '(': case '<': case '¢': return "c";
            case '€': return "e";
            case '£': return "l";
            default: return null;
        }
    }

    private static boolean mask(char c) {
        return c == '*' || c == '#' || c == '@' || c == '%' || c == '?' || c == '^' || c == '~' || c == '&' || c == '_'
                || c == '"' || c == '•';
    }

    private static boolean separator(char c) {
        return c == '.' || c == '-' || c == '\'' || c == '·' || c == ',' || c == '/';
    }

    /**
     * Scans the light view and reports every disguised target word. Only the tokens with a symbol that may stand
     * for a letter are looked at (see {@link #suspect}): a plain word, or one that merely ends in punctuation, costs
     * one table look-up per char.
     */
    void scan(TextView light, Sink sink) {
        char[] c = light.chars;
        int n = light.length;
        for (int i = 0; i < n; i++) {
            // spaces and letters, most of any text, skipped in a tight loop of their own, one look-up per char
            while (i < n && CharClass.isLetterOrSpace(c[i])) {
                i++;
            }
            if (i == n) {
                break;
            }
            char x = c[i];
            if (!suspect(c, n, i, x)) {
                continue;
            }
            int s = i;
            while (s > 0 && c[s - 1] != ' ') {
                s--;
            }
            int e = i + 1;
            while (e < n && c[e] != ' ') {
                e++;
            }
            token(c, s, e, sink);
            i = e;
        }
    }

    /**
     * @return true when the symbol {@code x} at {@code i} may stand for a letter: a mask or leet symbol next to a
     *     letter or digit, a digit next to a letter, or a dot between two letters ("fu.ck"); punctuation at the end
     *     of a word, hyphens, prices and plain numbers are not
     */
    private static boolean suspect(char[] c, int n, int i, char x) {
        boolean letterBefore = i > 0 && CharClass.isLetter(c[i - 1]);
        boolean letterAfter = i + 1 < n && CharClass.isLetter(c[i + 1]);
        if (x >= '0' && x <= '9') {
            return letterBefore || letterAfter;
        }
        if (x == '.' || x == '·') {
            return letterBefore && letterAfter;
        }
        if (mask(x) || leetLetters(x) != null) {
            return letterBefore || letterAfter || (i + 1 < n && c[i + 1] != ' ' && leetLetters(c[i + 1]) != null);
        }
        return false;
    }

    private void token(char[] c, int s, int e, Sink sink) {
        while (s < e && LEAD_TRIM.indexOf(c[s]) >= 0) {
            s++;
        }
        while (e > s && TRAIL_TRIM.indexOf(c[e - 1]) >= 0 && leetLetters(c[e - 1]) == null) {
            e--;
        }
        // a final '!' or '|' may be punctuation ("f*ck!") or a leet letter ("4rm4n!"): read it as punctuation first
        int t = e;
        while (t > s && TRAIL_TRIM.indexOf(c[t - 1]) >= 0) {
            t--;
        }
        if (!tokenWithEnd(c, s, t, sink) && t < e && leetLetters(c[t]) != null) {
            tokenWithEnd(c, s, e, sink);
        }
    }

    /** @return true when the token {@code [s, e)} spelled a target (and the sink was told) */
    private boolean tokenWithEnd(char[] c, int s, int e, Sink sink) {
        if (e - s < 3 || !(CharClass.isLetter(c[s]) || leetLetters(c[s]) != null) || contraction(c, s, e)) {
            return false;
        }
        int letters = 0;
        int digits = 0;
        int symbols = 0;
        int digitRun = 0;
        int maxDigitRun = 0;
        boolean hasSeparator = false;
        for (int k = s; k < e; k++) {
            char x = c[k];
            if (CharClass.isLetter(x)) {
                if (x > 'z' || x < 'a') {
                    return false;
                }
                letters++;
                digitRun = 0;
            } else if (x >= '0' && x <= '9') {
                digits++;
                maxDigitRun = Math.max(maxDigitRun, ++digitRun);
            } else if (leetLetters(x) != null || mask(x) || separator(x)) {
                symbols++;
                hasSeparator |= separator(x);
                digitRun = 0;
            } else {
                return false;
            }
        }
        // a word of leet symbols only must have one that is not a digit ("7!5507"), so that numbers never match
        boolean allLeet = letters == 0 && symbols > 0 && digits + symbols >= 4 && !hasSeparator
                && c[s] != '$' && c[s] != '£' && c[s] != '€';
        if ((maxDigitRun >= 3 && !allLeet) || symbols + digits == 0 || (letters < 1 && !allLeet) || letters + digits + symbols < 3
                || (digits > letters && !allLeet) || (letters < 2 && symbols + digits < 2 && !allLeet)
                || (hasSeparator && compound(c, s, e))) {
            return false;
        }
        String first = CharClass.isLetter(c[s]) ? String.valueOf(c[s]) : leetLetters(c[s]);
        // the best reading: the whole token as a target rather than a target plus an inflection, then the longest
        int best = -1;
        String bestInflection = null;
        // one memo for every target tried on this token: an entry counts only when it carries the current target's
        // stamp (1 to 127), so that it is cleared only when the stamps wrap round, not before every target
        byte[] memo = null;
        int stamp = 0;
        for (String infl : INFLECTIONS) {
            int tail = infl.length();
            if (best >= 0 && bestInflection.isEmpty()) {
                break; // a whole-token reading beats any inflected one
            }
            if (e - s - tail < 2 || (tail > 0 && !endsWith(c, e, infl))) {
                continue;
            }
            String last = lastLetters(c[e - tail - 1]);
            int size = (e - s - tail + 1) * 32;
            for (int f = 0; f < first.length(); f++) {
                for (int l = 0; l < last.length(); l++) {
                    for (int t : byEnds[(first.charAt(f) - 'a') * 26 + last.charAt(l) - 'a']) {
                        char[] target = targets[t];
                        if (best >= 0 && (bestInflection.isEmpty() || target.length <= targets[best].length)) {
                            continue;
                        }
                        int need = (e - s - tail + 1) * (target.length + 1);
                        if (memo == null || memo.length < Math.max(need, size)) {
                            memo = new byte[Math.max(need, size)];
                        }
                        if (++stamp > MAX_STAMP) {
                            java.util.Arrays.fill(memo, (byte) 0);
                            stamp = 1;
                        }
                        if (spells(c, s, e - tail, s, target, 0, memo, stamp)) {
                            best = t;
                            bestInflection = infl;
                        }
                    }
                }
            }
        }
        if (best >= 0) {
            sink.match(best, s, e, bestInflection);
        }
        return best >= 0;
    }

    /** @return the letters a token's last char may stand for */
    private static String lastLetters(char x) {
        if (CharClass.isLetter(x)) {
            return x >= 'a' && x <= 'z' ? String.valueOf(x) : "";
        }
        if (mask(x) || separator(x)) {
            return ALL_LETTERS;
        }
        String l = leetLetters(x);
        return l == null ? "" : l + "aeiou"; // a leet symbol may also mask a vowel
    }

    /** @return true when the token ends in an English contraction ({@code he's}, {@code don't}, {@code you'll}) */
    private static boolean contraction(char[] c, int s, int e) {
        for (int k = e - 1; k > s && k >= e - 3; k--) {
            if (c[k] == '\'') {
                String tail = new String(c, k + 1, e - k - 1);
                return tail.equals("s") || tail.equals("t") || tail.equals("d") || tail.equals("m")
                        || tail.equals("ll") || tail.equals("re") || tail.equals("ve");
            }
        }
        return false;
    }

    /** @return true when the token's parts between separators are English words of two or more letters each */
    private static boolean compound(char[] c, int s, int e) {
        int parts = 0;
        int p = s;
        for (int k = s; k <= e; k++) {
            if (k == e || separator(c[k])) {
                if (k - p < 2 || !EnglishWords.contains(new String(c, p, k - p))) {
                    return false;
                }
                parts++;
                p = k + 1;
            }
        }
        return parts >= 2;
    }

    private static boolean endsWith(char[] c, int e, String s) {
        for (int k = 0; k < s.length(); k++) {
            if (c[e - s.length() + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The largest stamp of a memo entry of {@link #spells}: twice it plus one still fits an unsigned byte. */
    private static final int MAX_STAMP = 127;

    /**
     * Whether token chars {@code [i, e)} spell target chars {@code [j, ..)}; memoised: an entry (as an unsigned byte)
     * {@code stamp * 2 + 1} is a yes, {@code stamp * 2} a no, anything else not yet known (left from an earlier
     * stamp, or 0).
     */
    private static boolean spells(char[] c, int s, int e, int i, char[] t, int j, byte[] memo, int stamp) {
        if (i == e) {
            return j == t.length;
        }
        int key = (i - s) * (t.length + 1) + j;
        if ((memo[key] & 0xff) >>> 1 == stamp) {
            return (memo[key] & 1) != 0;
        }
        char x = c[i];
        boolean ok;
        if (CharClass.isLetter(x)) {
            ok = j < t.length && t[j] == x && (spells(c, s, e, i + 1, t, j + 1, memo, stamp)
                    || (j + 1 < t.length && t[j + 1] == x && spells(c, s, e, i + 1, t, j + 2, memo, stamp))
                    || (i + 1 < e && c[i + 1] == x && spells(c, s, e, i + 1, t, j, memo, stamp)));
        } else if (separator(x)) {
            ok = spells(c, s, e, i + 1, t, j, memo, stamp);
        } else {
            String l = leetLetters(x);
            // a leet symbol stands for its letters, or masks a vowel ("f@ck")
            ok = j < t.length && (mask(x) || (l != null && (l.indexOf(t[j]) >= 0 || "aeiou".indexOf(t[j]) >= 0)))
                    && spells(c, s, e, i + 1, t, j + 1, memo, stamp);
        }
        memo[key] = (byte) (stamp << 1 | (ok ? 1 : 0));
        return ok;
    }
}
