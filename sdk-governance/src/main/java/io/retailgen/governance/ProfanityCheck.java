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

    private record Entry(String term, int[] runs, Severity severity) {
    }

    private final AhoCorasick matcher;
    private final List<List<Entry>> entries;
    private final Set<String> allowed;

    ProfanityCheck(ProfanityLexicon lexicon) {
        Map<String, List<Entry>> byKey = new HashMap<>();
        for (Map.Entry<String, Severity> e : lexicon.terms().entrySet()) {
            TextView v = Normalizer.strictTerm(e.getKey());
            String key = v.text().strip();
            if (key.isEmpty()) {
                continue;
            }
            int offset = v.text().indexOf(key);
            int[] runs = java.util.Arrays.copyOfRange(v.runs, offset, offset + key.length());
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Entry(e.getKey(), runs, e.getValue()));
        }
        List<String> keys = new ArrayList<>(byKey.keySet());
        keys.sort(null);
        entries = new ArrayList<>(keys.size());
        for (String k : keys) {
            entries.add(List.copyOf(byKey.get(k)));
        }
        matcher = new AhoCorasick(keys);
        Set<String> allow = new HashSet<>();
        for (String a : lexicon.allowed()) {
            allow.add(Normalizer.strictTerm(a).text().strip());
        }
        allowed = Set.copyOf(allow);
    }

    @Override
    public void run(Analysis analysis, List<Hit> out) {
        if (matcher.patternCount() == 0) {
            return;
        }
        TextView v = analysis.strict();
        matcher.search(v.chars, v.length, (p, end) -> {
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
                if (runsCover(v.runs, start, e.runs) && (best == null || e.severity.compareTo(best) > 0)) {
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
            if (allowed.contains(v.substring(ws, we))) {
                return;
            }
            int os = v.originalStart(start);
            int oe = v.originalEnd(wordEnd);
            out.add(new Hit(new Finding(os, oe, "profanity.lexicon", "profanity", best,
                    "inappropriate language (lexicon term '" + term + "')"), null));
        });
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

    private static boolean runsCover(int[] textRuns, int start, int[] termRuns) {
        for (int i = 0; i < termRuns.length; i++) {
            if (textRuns[start + i] < termRuns[i]) {
                return false;
            }
        }
        return true;
    }
}
