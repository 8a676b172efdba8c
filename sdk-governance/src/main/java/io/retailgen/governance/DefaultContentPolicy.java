package io.retailgen.governance;

import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Severity;
import io.retailgen.core.intercept.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The built {@link ContentPolicy}: immutable, thread-safe. */
final class DefaultContentPolicy implements ContentPolicy {

    private static final Comparator<Hit> ORDER = Comparator.<Hit>comparingInt(h -> h.finding().start())
            .thenComparingInt(h -> -h.finding().end()).thenComparing(h -> h.finding().ruleId());

    private final List<Check> checks;
    private final List<TextCheck> custom;
    private final Map<Severity, Verdict> verdicts;
    private final PolicyProfile profile;
    /** The automata the checks run over the strict and the phrase view, run while the views are built. */
    private final ScanTable scan;

    DefaultContentPolicy(List<Check> checks, List<TextCheck> custom, Map<Severity, Verdict> verdicts,
                         PolicyProfile profile) {
        this.checks = List.copyOf(checks);
        this.custom = List.copyOf(custom);
        this.verdicts = new EnumMap<>(verdicts);
        this.profile = profile;
        AhoCorasick s = null;
        AhoCorasick p = null;
        for (Check c : checks) {
            if (c instanceof ProfanityCheck pc && s == null) {
                s = pc.fusedMatcher();
            } else if (c instanceof PhraseCheck pc && p == null) {
                p = pc.fusedMatcher();
            }
        }
        scan = ScanTable.of(s, p);
    }

    /** @return the table of the one-pass scan (for tests) */
    ScanTable scanTable() {
        return scan;
    }

    @Override
    public PolicyResult check(String text) {
        Objects.requireNonNull(text, "text == null");
        List<Hit> hits;
        Workspace w = Workspace.acquire(text.length());
        try {
            hits = builtIn(new Analysis(text, w, scan));
        } finally {
            if (w != null) {
                w.release();
            }
        }
        return result(text, hits);
    }

    /**
     * Runs the checks over the given analysis of {@code text} (for tests: views built another way).
     *
     * @param text the text
     * @param analysis its analysis
     * @return the result
     */
    PolicyResult check(String text, Analysis analysis) {
        return result(text, builtIn(analysis));
    }

    private List<Hit> builtIn(Analysis analysis) {
        List<Hit> hits = new ArrayList<>();
        for (Check c : checks) {
            c.run(analysis, hits);
        }
        return hits;
    }

    /** Adds the custom checks' findings to {@code hits} and builds the result. */
    private PolicyResult result(String text, List<Hit> hits) {
        for (TextCheck c : custom) {
            List<Finding> found = Objects.requireNonNull(c.check(text), () -> "check " + c + " returned null");
            for (Finding f : found) {
                if (f.end() > text.length()) {
                    throw new IllegalStateException("check " + c + " returned a span " + f.start() + ".." + f.end()
                            + " beyond the text length " + text.length());
                }
                hits.add(new Hit(f, null));
            }
        }
        if (hits.isEmpty()) {
            return new PolicyResult(Verdict.ALLOW, List.of(), text);
        }
        hits.sort(ORDER);
        Verdict verdict = Verdict.ALLOW;
        List<Finding> findings = new ArrayList<>(hits.size());
        StringBuilder redacted = new StringBuilder(text.length());
        int copied = 0;
        for (Hit h : hits) {
            Finding f = h.finding();
            findings.add(f);
            Verdict v = profile.verdict(f, verdicts);
            verdict = verdict.strictest(v);
            if (v == Verdict.ALLOW || !f.hasSpan() || f.end() <= copied) {
                continue;
            }
            int from = Math.max(copied, f.start());
            redacted.append(text, copied, from);
            if (from == f.start()) {
                redacted.append(h.mask() != null ? h.mask() : stars(text, f.start(), f.end()));
            }
            copied = f.end();
        }
        redacted.append(text, copied, text.length());
        return new PolicyResult(verdict, findings, redacted.toString());
    }

    private static String stars(String text, int from, int to) {
        return "*".repeat(Math.max(1, text.codePointCount(from, to)));
    }

    @Override
    public String toString() {
        return "ContentPolicy[" + checks.size() + " built-in checks, " + custom.size() + " custom, "
                + profile.id() + "]";
    }
}
