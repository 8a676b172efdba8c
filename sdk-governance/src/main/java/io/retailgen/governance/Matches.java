package io.retailgen.governance;

/**
 * The output states an automaton reached while a normalized view was being built (a fused pass: the view and the
 * automaton walk the text together), to be reported once the view is complete, exactly as
 * {@link AhoCorasick#search} would report them. Confined to one thread.
 */
final class Matches {
    private int[] states = new int[16];
    private int[] ends = new int[16];
    private int count;
    /** True when the pass recorded every match of the whole view; false when the caller must search it. */
    boolean valid;
    /** The automaton, when valid. */
    AhoCorasick matcher;
    /** The view the matches are in, when valid. */
    TextView view;

    void clear() {
        count = 0;
        valid = false;
        matcher = null;
        view = null;
    }

    void complete(AhoCorasick m, TextView v) {
        valid = true;
        matcher = m;
        view = v;
    }

    void add(int state, int end) {
        if (count == states.length) {
            states = java.util.Arrays.copyOf(states, count * 2);
            ends = java.util.Arrays.copyOf(ends, count * 2);
        }
        states[count] = state;
        ends[count++] = end;
    }

    /** Reports the recorded matches of {@code matcher} over {@code text} in the order a search would. */
    void replay(AhoCorasick matcher, char[] text, int length, AhoCorasick.MatchSink sink) {
        for (int k = 0; k < count; k++) {
            matcher.report(states[k], ends[k], text, length, sink);
        }
    }
}
