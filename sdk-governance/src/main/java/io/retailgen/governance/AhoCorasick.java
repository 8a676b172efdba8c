package io.retailgen.governance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    private final int[] rootNext;
    private final char[][] labels;
    private final int[][] targets;
    private final int[] fail;
    private final int[] patternLengths;
    /** Character class of every char: 0 for chars that occur in no pattern, else 1..width-1. */
    private final char[] classOf;
    private final int width;
    /** The complete transition function (goto and failure folded together): {@code delta[state * width + class]}. */
    private final int[] delta;
    /** The same table as chars when every state number fits (it halves the memory the scan walks through). */
    private final char[] delta16;
    /** The outputs flattened: the patterns ending at state s are {@code outFlat[outStart[s] .. outStart[s + 1])}. */
    private final int[] outStart;
    private final int[] outFlat;

    AhoCorasick(List<String> patterns) {
        List<Map<Character, Integer>> trie = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        trie.add(new HashMap<>());
        out.add(new ArrayList<>());
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
                }
                state = next;
            }
            out.get(state).add(p);
        }
        int n = trie.size();
        labels = new char[n][];
        targets = new int[n][];
        for (int s = 0; s < n; s++) {
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
        fail = new int[n];
        int[][] outputs = new int[n][];
        outputs[0] = toArray(out.get(0));
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        List<Integer> bfs = new ArrayList<>(n);
        for (int t : targets[0]) {
            fail[t] = 0;
            outputs[t] = toArray(out.get(t));
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
                fail[t] = g == t ? 0 : g;
                List<Integer> merged = new ArrayList<>(out.get(t));
                for (int o : outputs[fail[t]]) {
                    merged.add(o);
                }
                outputs[t] = toArray(merged);
                queue.add(t);
            }
        }
        // dense DFA over the pattern alphabet: one table lookup per text char, no failure loop
        classOf = new char[Character.MAX_VALUE + 1];
        int classes = 1;
        for (char[] l : labels) {
            for (char c : l) {
                if (classOf[c] == 0) {
                    if (classes == Character.MAX_VALUE) {
                        throw new IllegalArgumentException("patterns use too many distinct characters");
                    }
                    classOf[c] = (char) classes++;
                }
            }
        }
        width = classes;
        char[] symbol = new char[width];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (classOf[c] != 0) {
                symbol[classOf[c]] = (char) c;
            }
        }
        int[] table = new int[Math.multiplyExact(n, width)];
        for (int k = 1; k < width; k++) {
            table[k] = rootNext[symbol[k]];
        }
        for (int s : bfs) {
            int base = s * width;
            int failBase = fail[s] * width;
            for (int k = 1; k < width; k++) {
                table[base + k] = table[failBase + k];
            }
            for (int i = 0; i < labels[s].length; i++) {
                table[base + classOf[labels[s][i]]] = targets[s][i];
            }
        }
        // Renumber the states in breadth-first order: the shallow states, which nearly every text character visits,
        // then share a few cache lines instead of being scattered over the whole table.
        int[] order = new int[n];
        int placed = 1;
        for (int s : bfs) {
            order[placed++] = s;
        }
        if (placed == n) {
            int[] newId = new int[n];
            for (int i = 0; i < n; i++) {
                newId[order[i]] = i;
            }
            int[] renumbered = new int[table.length];
            int[][] renumberedOutputs = new int[n][];
            for (int i = 0; i < n; i++) {
                int from = order[i] * width;
                int to = i * width;
                for (int k = 0; k < width; k++) {
                    renumbered[to + k] = newId[table[from + k]];
                }
                renumberedOutputs[i] = outputs[order[i]];
            }
            table = renumbered;
            outputs = renumberedOutputs;
        }
        if (n <= Character.MAX_VALUE + 1) {
            delta16 = new char[table.length];
            for (int i = 0; i < table.length; i++) {
                delta16[i] = (char) table[i];
            }
        } else {
            delta16 = null;
        }
        delta = delta16 == null ? table : null;
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

    void search(char[] text, int length, MatchSink sink) {
        int state = 0;
        final char[] cls = classOf;
        final int w = width;
        final char[] d16 = delta16;
        final int[] os = outStart;
        final int[] of = outFlat;
        if (d16 != null) {
            for (int i = 0; i < length; i++) {
                state = d16[state * w + cls[text[i]]];
                int from = os[state];
                int to = os[state + 1];
                for (int k = from; k < to; k++) {
                    sink.match(of[k], i + 1);
                }
            }
            return;
        }
        final int[] d = delta;
        for (int i = 0; i < length; i++) {
            state = d[state * w + cls[text[i]]];
            int from = os[state];
            int to = os[state + 1];
            for (int k = from; k < to; k++) {
                sink.match(of[k], i + 1);
            }
        }
    }
}
