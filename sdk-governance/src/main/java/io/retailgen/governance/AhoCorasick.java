package io.retailgen.governance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A multi-pattern matcher over {@code char}s (Aho and Corasick 1975): one pass over the text, so the cost is linear
 * in the text length plus the number of matches. Immutable after construction and safe for concurrent use.
 */
final class AhoCorasick {

    /** Receives one match: the pattern index and the end (exclusive) of the match in the text. */
    @FunctionalInterface
    interface MatchSink {
        void match(int pattern, int end);
    }

    /** Which occurrences {@link #search} reports, by where they start. */
    enum Anchor {
        /** Every occurrence. */
        ANYWHERE,
        /** Occurrences at the start of the text or right after a char that is not a word char. */
        WORD_START,
        /** As {@link #WORD_START}, and also occurrences whose first char is not a word char. */
        WORD_START_OR_NON_WORD
    }

    /** An automaton without patterns: it never leaves its root and never reports a match. */
    static final AhoCorasick NONE = new AhoCorasick(List.of());

    /** The number of the DEAD state of an anchored automaton (the root is 0). */
    private static final int DEAD = 1;
    /** The most states whose numbers fit the 16-bit entries of {@link #steps}. */
    static final int NARROW_STATES = Character.MAX_VALUE + 1;

    private final int[] rootNext;
    private final char[][] labels;
    private final int[][] targets;
    private final int[] fail;
    private final int[] patternLengths;
    /** Character class of every char: 0 and 1 for chars that occur in no pattern (1 for word chars). */
    private final char[] classOf;
    private final int width;
    /**
     * The complete transition function (goto and failure folded together) as 16-bit state numbers, when the automaton
     * has at most {@link #NARROW_STATES} states, one column per class: {@code steps[class * stride + state]} is the
     * next state, where {@link #stride} is the number of states. Half the size of a table of ints, so that more of
     * the states a text visits stay in the core's caches; by columns, so that a step from state to state is one add
     * and one load (the class's offset does not depend on the state), and the few states that most chars visit (the
     * shallow ones, numbered first) share the cache lines of each column. Null for a larger automaton, which uses
     * {@link #rows}.
     */
    private final char[] steps;
    /** The number of states: the length of a column of {@link #steps}. */
    private final int stride;
    /**
     * For each char below 256, the offset of its class's column in {@link #steps} ({@code classOf[c] * stride}), so
     * that a loop stepping the automaton over Latin-1 text looks the column up in one load; null with {@link #steps}.
     */
    private final int[] latinColumns;
    /**
     * The transition function of an automaton with more than {@link #NARROW_STATES} states, with pre-multiplied state
     * numbers: {@code rows[state * width + class]} is the target state times {@link #width} (its row), with the sign
     * bit set when the target has outputs; null when {@link #steps} is used.
     */
    private final int[] rows;
    /** The states are numbered so that exactly those from this number on have outputs. */
    private final int firstOutput;
    /** The outputs flattened: the patterns ending at state s are {@code outFlat[outStart[s] .. outStart[s + 1])}. */
    private final int[] outStart;
    private final int[] outFlat;
    /** True when the automaton has a DEAD state. */
    private final boolean anchored;
    /**
     * Per ASCII char, {@link #BLOCKS_NEXT} and {@link #BLOCKS_LAST}: a match is skipped when its last char has
     * {@code BLOCKS_LAST} and the char after it has {@code BLOCKS_NEXT}; null for no filter.
     */
    private final byte[] endFilter;
    private static final int BLOCKS_NEXT = 1;
    private static final int BLOCKS_LAST = 2;

    /**
     * An automaton that reports every occurrence.
     *
     * @param patterns the patterns, none empty
     */
    AhoCorasick(List<String> patterns) {
        this(patterns, Anchor.ANYWHERE, null);
    }

    /**
     * An automaton that reports only the occurrences {@code anchor} admits, so that it spends no work on matches
     * inside words, which the checks would discard: after a mismatch inside a word the automaton waits for the next
     * word boundary in one hot state instead of following failure links into the middle of other patterns.
     *
     * @param patterns the patterns, none empty
     * @param anchor which occurrences to report
     * @param wordChar the word chars (unused for {@link Anchor#ANYWHERE}, may then be null)
     */
    AhoCorasick(List<String> patterns, Anchor anchor, java.util.function.IntPredicate wordChar) {
        this(patterns, anchor, wordChar, null, null);
    }

    /**
     * As {@link #AhoCorasick(List, Anchor, java.util.function.IntPredicate)}, and skips, without calling the sink,
     * matches that end right before an ASCII char {@code blocksNext} accepts when the last char of the match is an
     * ASCII char {@code blocksLast} accepts: for callers that would discard such matches, which end inside a word.
     * Chars above ASCII never block.
     *
     * @param patterns the patterns, none empty
     * @param anchor which occurrences to report
     * @param wordChar the word chars (unused for {@link Anchor#ANYWHERE}, may then be null)
     * @param blocksNext the ASCII chars after which no match may end, or null for no filter
     * @param blocksLast the ASCII last chars of matches {@code blocksNext} applies to (null: all chars)
     */
    AhoCorasick(List<String> patterns, Anchor anchor, java.util.function.IntPredicate wordChar,
                java.util.function.IntPredicate blocksNext, java.util.function.IntPredicate blocksLast) {
        if (blocksNext == null) {
            endFilter = null;
        } else {
            endFilter = new byte[128];
            for (int c = 0; c < 128; c++) {
                endFilter[c] = (byte) ((blocksNext.test(c) ? BLOCKS_NEXT : 0)
                        | (blocksLast == null || blocksLast.test(c) ? BLOCKS_LAST : 0));
            }
        }
        List<Map<Character, Integer>> trie = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        List<String> label = new ArrayList<>();
        trie.add(new HashMap<>());
        out.add(new ArrayList<>());
        label.add("");
        patternLengths = new int[patterns.size()];
        for (int p = 0; p < patterns.size(); p++) {
            String s = patterns.get(p);
            if (s.isEmpty()) {
                throw new IllegalArgumentException("pattern #" + p + " is empty");
            }
            patternLengths[p] = s.length();
            int state = 0;
            for (int i = 0; i < s.length(); i++) {
                Integer next = trie.get(state).get(s.charAt(i));
                if (next == null) {
                    next = trie.size();
                    trie.get(state).put(s.charAt(i), next);
                    trie.add(new HashMap<>());
                    out.add(new ArrayList<>());
                    label.add(s.substring(0, i + 1));
                }
                state = next;
            }
            out.get(state).add(p);
        }
        int trieSize = trie.size();
        labels = new char[trieSize][];
        targets = new int[trieSize][];
        for (int s = 0; s < trieSize; s++) {
            Map<Character, Integer> m = trie.get(s);
            char[] l = new char[m.size()];
            int k = 0;
            for (char c : m.keySet()) {
                l[k++] = c;
            }
            Arrays.sort(l);
            int[] t = new int[l.length];
            for (int i = 0; i < l.length; i++) {
                t[i] = m.get(l[i]);
            }
            labels[s] = l;
            targets[s] = t;
        }
        rootNext = new int[Character.MAX_VALUE + 1];
        for (int i = 0; i < labels[0].length; i++) {
            rootNext[labels[0][i]] = targets[0][i];
        }
        // the classic failure function: the longest proper suffix that is a trie state
        fail = new int[trieSize];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        List<Integer> bfs = new ArrayList<>(trieSize);
        for (int t : targets[0]) {
            queue.add(t);
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            bfs.add(s);
            for (int i = 0; i < labels[s].length; i++) {
                char c = labels[s][i];
                int t = targets[s][i];
                int f = fail[s];
                int g;
                while ((g = step(f, c)) < 0) {
                    f = fail[f];
                }
                fail[t] = s == 0 || g == t ? 0 : g;
                queue.add(t);
            }
        }
        // One extra state, DEAD, when anchored: no occurrence is in progress and the last char was a word char, so
        // none may start at the next char either (for WORD_START_OR_NON_WORD: none whose first char is a word char).
        anchored = anchor != Anchor.ANYWHERE;
        if (anchored) {
            Objects.requireNonNull(wordChar, "wordChar == null");
        }
        final int dead = trieSize;
        int n = anchored ? trieSize + 1 : trieSize;
        // The restricted failure link: the longest proper suffix that is a trie state and whose occurrence starts
        // where the anchor admits it, else the root or DEAD by the state's last char.
        int[] rfail = new int[n];
        for (int s : bfs) {
            if (!anchored) {
                rfail[s] = fail[s];
                continue;
            }
            String l = label.get(s);
            int v = fail[s];
            while (v != 0) {
                int k = l.length() - label.get(v).length();
                if (!wordChar.test(l.charAt(k - 1))
                        || (anchor == Anchor.WORD_START_OR_NON_WORD && !wordChar.test(l.charAt(k)))) {
                    break;
                }
                v = fail[v];
            }
            rfail[s] = v != 0 || !wordChar.test(l.charAt(l.length() - 1)) ? v : dead;
        }
        int[][] outputs = new int[n][];
        outputs[0] = new int[0];
        if (anchored) {
            outputs[dead] = new int[0];
        }
        for (int s : bfs) {
            List<Integer> merged = new ArrayList<>(out.get(s));
            for (int o : outputs[rfail[s]]) {
                merged.add(o);
            }
            outputs[s] = toArray(merged);
        }
        // dense DFA over the pattern alphabet: one table lookup per text char, no failure loop
        classOf = new char[Character.MAX_VALUE + 1];
        int classes = 2;
        List<Character> symbols = new ArrayList<>();
        symbols.add('\0');
        symbols.add('\0');
        for (char[] l : labels) {
            for (char c : l) {
                if (classOf[c] == 0) {
                    if (classes == Character.MAX_VALUE) {
                        throw new IllegalArgumentException("patterns use too many distinct characters");
                    }
                    symbols.add(c);
                    classOf[c] = (char) classes++;
                }
            }
        }
        boolean[] wordClass = new boolean[classes];
        if (anchored) {
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                boolean w = wordChar.test(c);
                if (classOf[c] == 0) {
                    classOf[c] = (char) (w ? 1 : 0);
                } else {
                    wordClass[classOf[c]] = w;
                }
            }
            wordClass[1] = true;
        }
        width = classes;
        int[] table = new int[Math.multiplyExact(n, width)];
        for (int k = 2; k < width; k++) {
            int t = rootNext[symbols.get(k)];
            table[k] = t != 0 || !wordClass[k] ? t : dead;
        }
        if (anchored) {
            table[1] = dead;
            int base = dead * width;
            for (int k = 1; k < width; k++) {
                int t = anchor == Anchor.WORD_START_OR_NON_WORD && !wordClass[k] ? table[k] : 0;
                table[base + k] = t != 0 || !wordClass[k] ? t : dead;
            }
        }
        for (int s : bfs) {
            int base = s * width;
            int failBase = rfail[s] * width;
            for (int k = 0; k < width; k++) {
                table[base + k] = table[failBase + k];
            }
            for (int i = 0; i < labels[s].length; i++) {
                table[base + classOf[labels[s][i]]] = targets[s][i];
            }
        }
        // Renumber the states in breadth-first order (the root first, then DEAD): the shallow states, which nearly
        // every text character visits, then share a few cache lines instead of being scattered over the table. The
        // states with outputs come after all others (each group in breadth-first order), so that whether a state has
        // outputs is one compare of its number.
        int[] order = new int[n];
        int placed = 0;
        order[placed++] = 0;
        if (anchored) {
            order[placed++] = dead;
        }
        for (int s : bfs) {
            if (outputs[s].length == 0) {
                order[placed++] = s;
            }
        }
        firstOutput = placed;
        for (int s : bfs) {
            if (outputs[s].length > 0) {
                order[placed++] = s;
            }
        }
        if (placed != n) {
            throw new AssertionError("unreachable trie states");
        }
        int[] newId = new int[n];
        for (int i = 0; i < n; i++) {
            newId[order[i]] = i;
        }
        int[][] renumberedOutputs = new int[n][];
        for (int i = 0; i < n; i++) {
            renumberedOutputs[i] = outputs[order[i]];
        }
        outputs = renumberedOutputs;
        stride = n;
        if (n <= NARROW_STATES) {
            steps = new char[table.length];
            rows = null;
        } else {
            steps = null;
            rows = new int[table.length];
        }
        for (int i = 0; i < n; i++) {
            int from = order[i] * width;
            int to = i * width;
            for (int k = 0; k < width; k++) {
                int t = newId[table[from + k]];
                if (steps != null) {
                    steps[k * n + i] = (char) t;
                } else {
                    rows[to + k] = t * width | (t >= firstOutput ? Integer.MIN_VALUE : 0);
                }
            }
        }
        if (steps != null) {
            latinColumns = new int[256];
            for (int c = 0; c < latinColumns.length; c++) {
                latinColumns[c] = classOf[c] * n;
            }
        } else {
            latinColumns = null;
        }
        outStart = new int[n + 1];
        for (int s = 0; s < n; s++) {
            outStart[s + 1] = outStart[s] + outputs[s].length;
        }
        outFlat = new int[outStart[n]];
        for (int s = 0; s < n; s++) {
            System.arraycopy(outputs[s], 0, outFlat, outStart[s], outputs[s].length);
        }
    }

    private static int[] toArray(List<Integer> list) {
        int[] a = new int[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }

    /** The goto function; -1 when undefined (never for the root). */
    private int step(int state, char c) {
        if (state == 0) {
            return rootNext[c];
        }
        int i = Arrays.binarySearch(labels[state], c);
        return i >= 0 ? targets[state][i] : -1;
    }

    int patternLength(int pattern) {
        return patternLengths[pattern];
    }

    int patternCount() {
        return patternLengths.length;
    }

    /** @return the number of states of the automaton (for diagnostics and tests) */
    int stateCount() {
        return outStart.length - 1;
    }

    void search(char[] text, int length, MatchSink sink) {
        if (steps != null) {
            searchNarrow(text, length, sink);
        } else {
            searchWide(text, length, sink);
        }
    }

    private void searchNarrow(char[] text, int length, MatchSink sink) {
        final char[] cls = classOf;
        final char[] st = steps;
        final int n = stride;
        final int out = firstOutput;
        // in DEAD (state 1 of an anchored automaton) every word char leads back to DEAD: skip such runs with
        // independent lookups in DEAD's entries instead of the dependent state-to-state chain
        final int dead = anchored ? DEAD : -1;
        int state = 0;
        for (int i = 0; i < length; i++) {
            state = st[cls[text[i]] * n + state];
            if (state >= out) {
                report(state, i + 1, text, length, sink);
            } else if (state == dead) {
                while (i + 1 < length && st[cls[text[i + 1]] * n + DEAD] == DEAD) {
                    i++;
                }
            }
        }
    }

    private void searchWide(char[] text, int length, MatchSink sink) {
        final char[] cls = classOf;
        final int[] r = rows;
        final int w = width;
        final int deadRow = DEAD * w;
        final int dead = anchored ? deadRow : -1;
        int row = 0;
        for (int i = 0; i < length; i++) {
            int t = r[row + cls[text[i]]];
            row = t & Integer.MAX_VALUE;
            if (t < 0) {
                report(row / w, i + 1, text, length, sink);
            } else if (row == dead) {
                while (i + 1 < length && r[deadRow + cls[text[i + 1]]] == deadRow) {
                    i++;
                }
            }
        }
    }

    /**
     * For loops that step the automaton themselves (see {@link Matches}): starting with state 0, {@code
     * steps()[classes()[c] * stride() + state]} is the next state, which has outputs when it is at least {@link
     * #firstOutput()}.
     *
     * @return the transition table, or null when the automaton has more than {@link #NARROW_STATES} states (then
     *     only {@link #search} runs it)
     */
    char[] steps() {
        return steps;
    }

    /**
     * @return for each char {@code c} below 256, {@code classes()[c] * stride()}: the start of its column in {@link
     *     #steps()}; null when {@link #steps()} is
     */
    int[] latinColumns() {
        return latinColumns;
    }

    /** @return the number of states, the length of a class's column in {@link #steps()} */
    int stride() {
        return stride;
    }

    /** @return the first state number with outputs, see {@link #steps()} */
    int firstOutput() {
        return firstOutput;
    }

    /** @return the class of every char, see {@link #steps()} */
    char[] classes() {
        return classOf;
    }

    /**
     * Reports the outputs of {@code state}, reached at the char before {@code end}, as {@link #search} does.
     *
     * @param state a state with outputs, see {@link #steps()}
     * @param end the end (exclusive) of the matches in {@code text}
     */
    void report(int state, int end, char[] text, int length, MatchSink sink) {
        if (endFilter != null && blocked(endFilter, text, length, end - 1)) {
            return;
        }
        for (int k = outStart[state], to = outStart[state + 1]; k < to; k++) {
            sink.match(outFlat[k], end);
        }
    }

    /** @return true when the end filter skips the matches ending with {@code text[i]} */
    private static boolean blocked(byte[] ef, char[] text, int length, int i) {
        if (i + 1 >= length) {
            return false;
        }
        char last = text[i];
        char next = text[i + 1];
        return last < 128 && next < 128 && (ef[last] & BLOCKS_LAST) != 0 && (ef[next] & BLOCKS_NEXT) != 0;
    }
}
