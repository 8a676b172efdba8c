package io.retailgen.governance;

import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Whole-word lexicon matching over the strict view. */
final class ProfanityCheck implements Check {

    private static final String[] SUFFIXES = {"s", "es", "ed", "ing", "y", "z"};
    private static final int MIN_MASKED = 4;
    private static final int MAX_MASKED = 16;

    private record Entry(String term, int[] runs, Severity severity) {
    }

    /** A lexicon word spelled out in full (repeated letters restored), for matching words masked with '*'. */
    private record Masked(char[] letters, String term, Severity severity) {
    }

    /** Reports every occurrence: for texts with letters written one by one, whose matches may start mid-word. */
    private final AhoCorasick matcher;
    /** Reports only occurrences at word starts, the only ones accepted in texts without joined letters. */
    private final AhoCorasick atWordStart;
    /** Single-word lexicon terms by their spelled-out length, for {@code f*ck}-style masking. */
    private final Map<Integer, List<Masked>> maskable;
    private final List<List<Entry>> entries;
    private final Set<String> allowed;
    /** Every lexicon term as given (lower case), to tell a listed inflection from an ordinary dictionary word. */
    private final Set<String> lexiconWords;

    ProfanityCheck(ProfanityLexicon lexicon) {
        Map<String, List<Entry>> byKey = new HashMap<>();
        for (Map.Entry<String, Severity> e : lexicon.terms().entrySet()) {
            TextView v = Normalizer.strictTerm(e.getKey());
            String key = v.text().strip();
            if (key.isEmpty()) {
                continue;
            }
            int offset = v.text().indexOf(key);
            int[] runs = new int[key.length()];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = v.runAt(offset + i);
            }
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Entry(e.getKey(), runs, e.getValue()));
        }
        List<String> keys = new ArrayList<>(byKey.keySet());
        keys.sort(null);
        entries = new ArrayList<>(keys.size());
        for (String k : keys) {
            entries.add(List.copyOf(byKey.get(k)));
        }
        // a match must end at a word end or before one of the SUFFIXES: skip those followed by any other word char
        java.util.function.IntPredicate blocksNext = c -> TextView.isWordChar((char) c) && !suffixStart((char) c);
        matcher = new AhoCorasick(keys, AhoCorasick.Anchor.ANYWHERE, null, blocksNext, null);
        atWordStart = new AhoCorasick(keys, AhoCorasick.Anchor.WORD_START, c -> TextView.isWordChar((char) c),
                blocksNext, null);
        Map<Integer, List<Masked>> byLength = new HashMap<>();
        for (int p = 0; p < keys.size(); p++) {
            String k = keys.get(p);
            if (!k.chars().allMatch(Character::isLetter)) {
                continue;
            }
            for (Entry e : entries.get(p)) {
                StringBuilder full = new StringBuilder();
                for (int i = 0; i < k.length(); i++) {
                    full.append(String.valueOf(k.charAt(i)).repeat(Math.max(1, e.runs[i])));
                }
                if (full.length() >= MIN_MASKED && full.length() <= MAX_MASKED) {
                    byLength.computeIfAbsent(full.length(), n -> new ArrayList<>())
                            .add(new Masked(full.toString().toCharArray(), e.term, e.severity));
                }
            }
        }
        maskable = Map.copyOf(byLength);
        Set<String> allow = new HashSet<>();
        for (String a : lexicon.allowed()) {
            allow.add(Normalizer.strictTerm(a).text().strip());
        }
        allowed = Set.copyOf(allow);
        lexiconWords = Set.copyOf(lexicon.terms().keySet());
    }

    /** Sentence-initial and pronoun-like words whose capital says nothing about a name that follows them. */
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "you", "your", "you're", "he", "she",
            "it", "we", "they", "i", "this", "that", "what", "such", "my", "his", "her", "our", "their", "oh", "hey",
            "no", "not", "so", "and", "or", "but", "is", "are", "was", "be", "total", "big", "little", "old");

    /**
     * The Scunthorpe guard for a match that covers the whole word {@code [ws, we)} of the strict view: true when the
     * word is ordinary English and not itself in the lexicon, or a lexicon word of lesser severity used as part of a
     * capitalised name.
     *
     * <ul>
     *   <li>A term plus an inflection ({@code pric+ed}, {@code spik+ed}, {@code pud+ding}) that spells a word of the
     *       English list is that word, not the term: it is flagged only when the lexicon lists the inflected word
     *       itself ({@code fucked}, {@code shitty}), or when the term is surely profane (severity HIGH or more) and
     *       the inflection is a plural of a term that is an English word itself, which keeps the noun's sense
     *       ({@code cunts}). The same holds for a word whose repeated letters were collapsed ({@code sloppy} is not
     *       {@code slopy}).</li>
     *   <li>A term of severity below HIGH that is also an English word ({@code dick}, {@code tit}, {@code cock})
     *       written with a capital next to another capitalised content word is part of a name ({@code Spotted Dick},
     *       {@code Great Tit}, {@code Moby Dick}).</li>
     * </ul>
     */
    private boolean ordinaryWord(String text, TextView v, int ws, int end, int we, String term, Severity severity) {
        String word = spelled(v, ws, we);
        if (!lexiconWords.contains(word)) {
            if (!EnglishWords.contains(word)) {
                return false;
            }
            // an English word that the lexicon does not list: a stem or a collapsed spelling ("sloppy") inside it
            String suffix = v.substring(end, we);
            boolean plural = suffix.equals("s") || suffix.equals("es");
            return !(plural && severity.compareTo(Severity.HIGH) >= 0 && EnglishWords.contains(term));
        }
        if (end < we || severity.compareTo(Severity.HIGH) >= 0 || !EnglishWords.contains(word)) {
            return false;
        }
        int os = v.originalStart(ws);
        int oe = v.originalEnd(we);
        if (!Character.isUpperCase(text.charAt(os)) || allUpper(text, os, oe)) {
            return false;
        }
        return capitalisedNeighbour(text, os, -1) || capitalisedNeighbour(text, oe, 1);
    }

    /** @return the letters of {@code [from, to)} with collapsed repeats spelled out again */
    private static String spelled(TextView v, int from, int to) {
        StringBuilder b = new StringBuilder(to - from + 4);
        for (int i = from; i < to; i++) {
            char c = v.chars[i];
            for (int k = v.hasRuns() ? v.runAt(i) : 1; k > 0; k--) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean allUpper(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** @return true when the word before ({@code dir = -1}) or after ({@code +1}) is capitalised and not a function word */
    private static boolean capitalisedNeighbour(String text, int from, int dir) {
        int i = dir < 0 ? from - 1 : from;
        int gap = 0;
        while (i >= 0 && i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '-')) {
            i += dir;
            gap++;
        }
        if (gap == 0 || gap > 2 || i < 0 || i >= text.length() || !Character.isLetter(text.charAt(i))) {
            return false;
        }
        int s = i;
        int e = i;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        while (e < text.length() && Character.isLetter(text.charAt(e))) {
            e++;
        }
        return Character.isUpperCase(text.charAt(s))
                && !FUNCTION_WORDS.contains(text.substring(s, e).toLowerCase(java.util.Locale.ROOT));
    }

    /** @return the automaton to run while the strict view is built (see {@link Analysis#strictMatches}) */
    AhoCorasick fusedMatcher() {
        return atWordStart;
    }

    @Override
    public void run(Analysis analysis, List<Hit> out) {
        if (matcher.patternCount() == 0) {
            return;
        }
        TextView v = analysis.strict();
        Matches found = analysis.strictMatches(atWordStart);
        AhoCorasick.MatchSink sink = (p, end) -> {
            int start = end - matcher.patternLength(p);
            if (!v.wordStart(start) && !(v.insideJoined(start) && end == joinedEnd(v, end))) {
                return;
            }
            int wordEnd = end;
            if (!v.wordEnd(end)) {
                wordEnd = -1;
                for (String s : SUFFIXES) {
                    if (end + s.length() <= v.length && v.wordEnd(end + s.length())
                            && regionEquals(v.chars, end, s)) {
                        wordEnd = end + s.length();
                        break;
                    }
                }
                if (wordEnd < 0) {
                    return;
                }
            }
            Severity best = null;
            String term = null;
            for (Entry e : entries.get(p)) {
                if (runsCover(v, start, e.runs) && (best == null || e.severity.compareTo(best) > 0)) {
                    best = e.severity;
                    term = e.term;
                }
            }
            if (best == null) {
                return;
            }
            int ws = start;
            while (ws > 0 && TextView.isWordChar(v.chars[ws - 1])) {
                ws--;
            }
            int we = wordEnd;
            while (we < v.length && TextView.isWordChar(v.chars[we])) {
                we++;
            }
            if (allowed.contains(v.substring(ws, we))
                    || (ws == start && we == wordEnd && ordinaryWord(analysis.text, v, ws, end, we, term, best))) {
                return;
            }
            int os = v.originalStart(start);
            int oe = v.originalEnd(wordEnd);
            out.add(new Hit(new Finding(os, oe, "profanity.lexicon", "profanity", best,
                    "inappropriate language (lexicon term '" + term + "')"), null));
        };
        if (found != null && v.joined == null) {
            found.replay(atWordStart, v.chars, v.length, sink);
        } else {
            (v.joined == null ? atWordStart : matcher).search(v.chars, v.length, sink);
        }
        masked(v, out);
    }

    /**
     * Words with letters masked by {@code *} ({@code f*ck}, {@code a**hole}, {@code sh*tty}): a word of letters and
     * stars that starts and ends with a letter, has at least two letters and at most as many stars as letters,
     * matches a lexicon word of the same spelled-out length whose letters agree at every unmasked position (or such
     * a word plus an inflection). Stars at the edge of a word ({@code *terms apply}, {@code **NEW**}) never count.
     */
    private void masked(TextView v, List<Hit> out) {
        char[] c = v.chars;
        int n = v.length;
        int i = 0;
        while (i < n) {
            if (c[i] != '*') {
                i++;
                continue;
            }
            int s = i;
            while (s > 0 && (CharClass.isLetter(c[s - 1]) || c[s - 1] == '*')) {
                s--;
            }
            int e = i;
            while (e < n && (CharClass.isLetter(c[e]) || c[e] == '*')) {
                e++;
            }
            i = e;
            if ((s > 0 && Character.isDigit(c[s - 1])) || (e < n && Character.isDigit(c[e]))
                    || !CharClass.isLetter(c[s]) || !CharClass.isLetter(c[e - 1])) {
                continue;
            }
            StringBuilder full = new StringBuilder();
            int stars = 0;
            for (int k = s; k < e; k++) {
                if (c[k] == '*') {
                    stars++;
                    full.append('*');
                } else {
                    full.append(String.valueOf(c[k]).repeat(Math.max(1, v.runAt(k))));
                }
            }
            if (full.length() - stars < 2 || stars > full.length() - stars) {
                continue;
            }
            Masked best = bestMasked(full);
            for (int x = 0; best == null && x < SUFFIXES.length; x++) {
                String suffix = SUFFIXES[x];
                int cut = full.length() - suffix.length();
                if (cut > 0 && full.toString().endsWith(suffix) && full.indexOf("*") < cut
                        && CharClass.isLetter(full.charAt(cut - 1))) {
                    best = bestMasked(new StringBuilder(full.substring(0, cut)));
                }
            }
            if (best != null) {
                out.add(new Hit(new Finding(v.originalStart(s), v.originalEnd(e), "profanity.masked", "profanity",
                        best.severity, "inappropriate language masked with '*' (lexicon term '" + best.term + "')"),
                        null));
            }
        }
    }

    private Masked bestMasked(StringBuilder word) {
        List<Masked> candidates = maskable.get(word.length());
        if (candidates == null || word.indexOf("*") < 0) {
            return null;
        }
        Masked best = null;
        for (Masked m : candidates) {
            boolean ok = true;
            for (int k = 0; k < word.length() && ok; k++) {
                char w = word.charAt(k);
                ok = w == '*' || w == m.letters[k];
            }
            if (ok && (best == null || m.severity.compareTo(best.severity) > 0)) {
                best = m;
            }
        }
        return best;
    }

    private static boolean suffixStart(char c) {
        for (String s : SUFFIXES) {
            if (s.charAt(0) == c) {
                return true;
            }
        }
        return false;
    }

    private static int joinedEnd(TextView v, int from) {
        int e = from;
        while (e < v.length && v.joined != null && v.joined[e]) {
            e++;
        }
        return e;
    }

    private static boolean regionEquals(char[] chars, int from, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (chars[from + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean runsCover(TextView v, int start, int[] termRuns) {
        for (int i = 0; i < termRuns.length; i++) {
            if (v.runAt(start + i) < termRuns[i]) {
                return false;
            }
        }
        return true;
    }
}
