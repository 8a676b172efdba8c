package io.retailgen.governance;

/**
 * One text under check, with its normalized views computed once on first use, in the thread's {@link Workspace}
 * when it has one. Confined to one thread; the views are valid only until the workspace is released.
 */
final class Analysis {
    final String text;
    /** The buffers the views are built in, or null to allocate them. */
    final Workspace workspace;
    private TextView light;
    private TextView strict;
    private TextView phrase;
    /** The automata to run while the strict and the phrase view are built (either may be null), or null. */
    private final ScanTable scan;
    private Matches strictFound;
    private Matches phraseFound;

    Analysis(String text) {
        this(text, null);
    }

    Analysis(String text, Workspace workspace) {
        this(text, workspace, null);
    }

    /** An analysis with the given views (for tests: views built another way), no workspace and no fused pass. */
    Analysis(String text, TextView light, TextView strict, TextView phrase) {
        this(text, null, null);
        this.light = light;
        this.strict = strict;
        this.phrase = phrase;
    }

    /**
     * @param scan the automata to run over the strict and the phrase view while they are built (see {@link
     *     #strictMatches}), or null
     */
    Analysis(String text, Workspace workspace, ScanTable scan) {
        this.text = text;
        this.workspace = workspace;
        this.scan = scan;
    }

    TextView light() {
        if (light == null) {
            light = Normalizer.light(text, workspace);
        }
        return light;
    }

    TextView strict() {
        if (strict == null) {
            if (scan != null && scan.strictMatcher != null && scan.phraseMatcher != null && phrase == null) {
                // both views in one pass, each with its automaton
                Matches sf = matches(Workspace.STRICT);
                Matches pf = matches(Workspace.PHRASE);
                strict = Normalizer.strictAndPhrase(light(), workspace, scan, sf, pf);
                if (pf.valid) {
                    phrase = pf.view;
                }
                strictFound = sf;
                phraseFound = pf;
            } else if (scan != null && scan.strictMatcher != null) {
                strictFound = matches(Workspace.STRICT);
                strict = Normalizer.strictAndPhrase(light(), workspace, scan, strictFound, null);
            } else {
                strict = Normalizer.strict(light(), workspace);
            }
        }
        return strict;
    }

    TextView phrase() {
        if (phrase == null) {
            if (scan != null && scan.phraseMatcher != null) {
                phraseFound = matches(Workspace.PHRASE);
                phrase = Normalizer.phrase(light(), workspace, scan.phraseMatcher, phraseFound);
            } else {
                phrase = Normalizer.phrase(light(), workspace);
            }
        }
        return phrase;
    }

    /** @return the matches of {@code m} over the strict view when they were found while it was built, else null */
    Matches strictMatches(AhoCorasick m) {
        return found(strictFound, m, strict);
    }

    /** @return the matches of {@code m} over the phrase view when they were found while it was built, else null */
    Matches phraseMatches(AhoCorasick m) {
        return found(phraseFound, m, phrase);
    }

    private static Matches found(Matches f, AhoCorasick m, TextView v) {
        return f != null && f.valid && f.matcher == m && f.view == v && v != null ? f : null;
    }

    /** @return a cleared match buffer for the {@link Workspace#STRICT} or {@link Workspace#PHRASE} view */
    private Matches matches(int slot) {
        Matches m = workspace == null ? new Matches() : workspace.matches(slot);
        m.clear();
        return m;
    }

    /** @return an int array of at least {@code n} values, reused when there is a workspace (any content) */
    int[] ints(int n) {
        return workspace == null ? new int[n] : workspace.tokens(n);
    }
}
