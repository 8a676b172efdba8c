package io.retailgen.forecast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A strict tree of series under one {@code Total}: level 0 is {@code Total}, level {@code i} groups by the first
 * {@code i} hierarchy columns, the last level holds the bottom series. Node ids are the path joined by {@code "/"}
 * ({@code "Total"} for the root). Immutable and thread-safe.
 *
 * <pre>{@code
 * Hierarchy h = Hierarchy.of(List.of("region", "store"),
 *         List.of(List.of("north", "s1"), List.of("north", "s2"), List.of("south", "s3")));
 * double[][] all = h.aggregate(bottomValues); // rows in node order
 * }</pre>
 */
public final class Hierarchy {

    /** The id and level name of the root. */
    public static final String TOTAL = "Total";

    private final List<String> levelNames;
    private final List<String> ids;
    private final int[] level;
    private final int[] parent;
    private final int[] bottom;
    private final int[][] children;

    private Hierarchy(List<String> levelNames, List<String> ids, int[] level, int[] parent, int[] bottom) {
        this.levelNames = levelNames;
        this.ids = ids;
        this.level = level;
        this.parent = parent;
        this.bottom = bottom;
        int n = ids.size();
        int[] count = new int[n];
        for (int i = 1; i < n; i++) {
            count[parent[i]]++;
        }
        children = new int[n][];
        for (int i = 0; i < n; i++) {
            children[i] = new int[count[i]];
            count[i] = 0;
        }
        for (int i = 1; i < n; i++) {
            children[parent[i]][count[parent[i]]++] = i;
        }
    }

    /**
     * Builds the tree from the bottom paths, in their order; intermediate nodes appear in order of first use.
     *
     * @param levelNames one name per hierarchy column
     * @param bottomPaths one path per bottom series, each with one entry per level, distinct
     * @return the hierarchy
     */
    public static Hierarchy of(List<String> levelNames, List<List<String>> bottomPaths) {
        List<String> names = List.copyOf(levelNames);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a hierarchy needs at least one level name");
        }
        if (bottomPaths.isEmpty()) {
            throw new IllegalArgumentException("a hierarchy needs at least one bottom series");
        }
        int depth = names.size();
        List<Map<String, Integer>> byLevel = new ArrayList<>();
        for (int l = 0; l <= depth; l++) {
            byLevel.add(new LinkedHashMap<>());
        }
        byLevel.get(0).put(TOTAL, 0);
        List<String> order = new ArrayList<>();
        List<Integer> parents = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        order.add(TOTAL);
        parents.add(-1);
        levels.add(0);
        List<Integer> bottoms = new ArrayList<>();
        for (List<String> path : bottomPaths) {
            if (path.size() != depth) {
                throw new IllegalArgumentException("path " + path + " has " + path.size() + " entries, expected "
                        + depth + " (" + names + ")");
            }
            int p = 0;
            StringBuilder id = new StringBuilder();
            for (int l = 1; l <= depth; l++) {
                String part = Objects.requireNonNull(path.get(l - 1), "null in path " + path);
                id.append(l > 1 ? "/" : "").append(part);
                String key = id.toString();
                Integer idx = byLevel.get(l).get(key);
                if (idx == null) {
                    idx = order.size();
                    byLevel.get(l).put(key, idx);
                    order.add(key);
                    parents.add(p);
                    levels.add(l);
                } else if (l == depth) {
                    throw new IllegalArgumentException("duplicate bottom path " + path);
                }
                p = idx;
            }
            bottoms.add(p);
        }
        // order nodes level by level so that aggregation can run bottom-up in one pass
        Integer[] perm = new Integer[order.size()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        java.util.Arrays.sort(perm, (a, b) -> Integer.compare(levels.get(a), levels.get(b)));
        int[] inverse = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            inverse[perm[i]] = i;
        }
        List<String> ids = new ArrayList<>();
        int[] lv = new int[perm.length];
        int[] par = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            ids.add(order.get(perm[i]));
            lv[i] = levels.get(perm[i]);
            par[i] = parents.get(perm[i]) < 0 ? -1 : inverse[parents.get(perm[i])];
        }
        int[] bot = bottoms.stream().mapToInt(b -> inverse[b]).toArray();
        List<String> levelList = new ArrayList<>();
        levelList.add(TOTAL);
        levelList.addAll(names);
        return new Hierarchy(Collections.unmodifiableList(levelList), Collections.unmodifiableList(ids), lv, par,
                bot);
    }

    /** @return {@code Total} followed by the level names */
    public List<String> levelNames() {
        return levelNames;
    }

    /** @return the node ids, parents before children */
    public List<String> ids() {
        return ids;
    }

    /** @return the number of nodes */
    public int size() {
        return ids.size();
    }

    /**
     * @param node the node index
     * @return its level, 0 for {@code Total}
     */
    public int level(int node) {
        return level[node];
    }

    /**
     * @param node the node index
     * @return its parent, -1 for {@code Total}
     */
    public int parent(int node) {
        return parent[node];
    }

    /**
     * @param node the node index
     * @return a copy of its children
     */
    public int[] children(int node) {
        return children[node].clone();
    }

    /** @return the node indices of the bottom series, in input order */
    public int[] bottom() {
        return bottom.clone();
    }

    /**
     * Sums bottom rows up the tree.
     *
     * @param bottomRows one row per bottom series (input order), all of equal length
     * @return one row per node, in node order
     */
    public double[][] aggregate(double[][] bottomRows) {
        if (bottomRows.length != bottom.length) {
            throw new IllegalArgumentException("expected " + bottom.length + " bottom rows, got "
                    + bottomRows.length);
        }
        int len = bottomRows[0].length;
        double[][] out = new double[ids.size()][];
        for (int b = 0; b < bottom.length; b++) {
            if (bottomRows[b].length != len) {
                throw new IllegalArgumentException("bottom row " + b + " has " + bottomRows[b].length
                        + " values, expected " + len);
            }
            out[bottom[b]] = bottomRows[b].clone();
        }
        for (int i = ids.size() - 1; i >= 0; i--) {
            if (out[i] == null) {
                out[i] = new double[len];
                for (int c : children[i]) {
                    double[] row = out[c];
                    for (int k = 0; k < len; k++) {
                        out[i][k] += row[k];
                    }
                }
            }
        }
        return out;
    }

    /**
     * The largest absolute difference between a node's row and the sum of its children's rows.
     *
     * @param rows one row per node
     * @return 0 for perfectly coherent rows
     */
    public double coherenceError(double[][] rows) {
        double worst = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (children[i].length == 0) {
                continue;
            }
            for (int k = 0; k < rows[i].length; k++) {
                double s = 0;
                for (int c : children[i]) {
                    s += rows[c][k];
                }
                worst = Math.max(worst, Math.abs(rows[i][k] - s));
            }
        }
        return worst;
    }
}
