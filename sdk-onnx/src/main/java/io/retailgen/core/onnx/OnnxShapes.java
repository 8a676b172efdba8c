package io.retailgen.core.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shape inference used while a graph is written. It works out what it can and answers "unknown" (a dynamic dimension,
 * or a null shape for an unknown rank) otherwise; it throws only for shapes that can never be valid, so that a
 * mistake is reported at the call that made it rather than when ONNX Runtime loads the model.
 */
final class OnnxShapes {

    private OnnxShapes() {
    }

    static OnnxDim unify(String op, OnnxDim a, OnnxDim b) {
        if (a.isFixed() && b.isFixed()) {
            if (a.value() != b.value()) {
                throw new IllegalArgumentException(op + ": dimension " + a + " does not match " + b);
            }
            return a;
        }
        if (a.isFixed()) {
            return a;
        }
        if (b.isFixed()) {
            return b;
        }
        if (a.isSymbolic() && b.isSymbolic() && a.symbol().equals(b.symbol())) {
            return a;
        }
        return a.isSymbolic() ? a : b;
    }

    /** Multidirectional (numpy) broadcasting. */
    static List<OnnxDim> broadcast(String op, List<OnnxDim> a, List<OnnxDim> b) {
        if (a == null || b == null) {
            return null;
        }
        int rank = Math.max(a.size(), b.size());
        List<OnnxDim> out = new ArrayList<>(rank);
        for (int i = 0; i < rank; i++) {
            int ia = a.size() - rank + i;
            int ib = b.size() - rank + i;
            OnnxDim da = ia >= 0 ? a.get(ia) : OnnxDim.of(1);
            OnnxDim db = ib >= 0 ? b.get(ib) : OnnxDim.of(1);
            out.add(broadcastDim(op, a, b, da, db));
        }
        return out;
    }

    private static OnnxDim broadcastDim(String op, List<OnnxDim> a, List<OnnxDim> b, OnnxDim da, OnnxDim db) {
        if (da.isFixed() && da.value() == 1) {
            return db;
        }
        if (db.isFixed() && db.value() == 1) {
            return da;
        }
        if (da.isFixed() && db.isFixed()) {
            if (da.value() != db.value()) {
                throw new IllegalArgumentException(op + ": shapes " + a + " and " + b + " cannot be broadcast ("
                        + da + " vs " + db + "; each pair of dimensions must be equal or one of them 1)");
            }
            return da;
        }
        if (da.isFixed()) {
            // the unknown side is 1 or equal to the fixed side: either way the result has the fixed size
            return da;
        }
        if (db.isFixed()) {
            return db;
        }
        if (da.equals(db)) {
            return da;
        }
        return OnnxDim.dynamic();
    }

    static List<OnnxDim> matMul(List<OnnxDim> a, List<OnnxDim> b) {
        if (a == null || b == null) {
            return null;
        }
        if (a.isEmpty() || b.isEmpty()) {
            throw new IllegalArgumentException("MatMul: operands must have rank >= 1, got " + a + " and " + b);
        }
        List<OnnxDim> aa = a.size() == 1 ? List.of(OnnxDim.of(1), a.get(0)) : a;
        List<OnnxDim> bb = b.size() == 1 ? List.of(b.get(0), OnnxDim.of(1)) : b;
        OnnxDim ka = aa.get(aa.size() - 1);
        OnnxDim kb = bb.get(bb.size() - 2);
        if (ka.isFixed() && kb.isFixed() && ka.value() != kb.value()) {
            throw new IllegalArgumentException("MatMul: inner dimensions differ: " + a + " x " + b);
        }
        List<OnnxDim> batch = broadcast("MatMul", aa.subList(0, aa.size() - 2), bb.subList(0, bb.size() - 2));
        List<OnnxDim> out = new ArrayList<>(batch);
        if (a.size() > 1) {
            out.add(aa.get(aa.size() - 2));
        }
        if (b.size() > 1) {
            out.add(bb.get(bb.size() - 1));
        }
        return out;
    }

    static List<OnnxDim> gemm(List<OnnxDim> a, List<OnnxDim> b, List<OnnxDim> c, boolean transA, boolean transB) {
        requireRank("Gemm", "A", a, 2);
        requireRank("Gemm", "B", b, 2);
        if (a == null || b == null) {
            return null;
        }
        OnnxDim m = transA ? a.get(1) : a.get(0);
        OnnxDim ka = transA ? a.get(0) : a.get(1);
        OnnxDim kb = transB ? b.get(1) : b.get(0);
        OnnxDim n = transB ? b.get(0) : b.get(1);
        if (ka.isFixed() && kb.isFixed() && ka.value() != kb.value()) {
            throw new IllegalArgumentException("Gemm: inner dimensions differ: A" + a + (transA ? "^T" : "") + " x B"
                    + b + (transB ? "^T" : "") + " (" + ka + " vs " + kb + ")");
        }
        List<OnnxDim> out = List.of(m, n);
        if (c != null) {
            if (c.size() > 2) {
                throw new IllegalArgumentException("Gemm: C must have rank <= 2, was " + c);
            }
            List<OnnxDim> combined = broadcast("Gemm (C)", out, c);
            if (combined != null && combined.size() == 2) {
                // C is only unidirectionally broadcast: keep A*B's dimensions where they are known
                return List.of(m.isFixed() ? m : combined.get(0), n.isFixed() ? n : combined.get(1));
            }
        }
        return out;
    }

    static void requireRank(String op, String role, List<OnnxDim> s, int rank) {
        if (s != null && s.size() != rank) {
            throw new IllegalArgumentException(op + ": " + role + " must have rank " + rank + ", shape was " + s);
        }
    }

    static int normalizeAxis(String op, int axis, int rank) {
        if (axis < -rank || axis >= rank) {
            throw new IllegalArgumentException(
                    op + ": axis " + axis + " out of range for rank " + rank + " (valid: " + -rank + ".." + (rank - 1)
                            + ")");
        }
        return axis < 0 ? axis + rank : axis;
    }

    static List<OnnxDim> conv(List<OnnxDim> x, List<OnnxDim> w, long[] pads, long[] strides, long[] dilations,
            int group) {
        if (x != null && x.size() < 3) {
            throw new IllegalArgumentException("Conv: X must have rank >= 3 ([N, C, spatial...]), shape was " + x);
        }
        if (w != null && w.size() < 3) {
            throw new IllegalArgumentException("Conv: W must have rank >= 3 ([M, C/group, k...]), shape was " + w);
        }
        if (x != null && w != null && x.size() != w.size()) {
            throw new IllegalArgumentException("Conv: X " + x + " and W " + w + " must have the same rank");
        }
        int spatial = x != null ? x.size() - 2 : w != null ? w.size() - 2 : -1;
        if (spatial > 0) {
            checkLength("Conv", "pads", pads, 2 * spatial);
            checkLength("Conv", "strides", strides, spatial);
            checkLength("Conv", "dilations", dilations, spatial);
        }
        if (x == null || w == null) {
            return null;
        }
        OnnxDim c = x.get(1);
        OnnxDim cw = w.get(1);
        if (c.isFixed() && cw.isFixed() && c.value() != cw.value() * group) {
            throw new IllegalArgumentException("Conv: X has " + c + " channels but W " + w + " with group " + group
                    + " expects " + cw.value() * group);
        }
        OnnxDim m = w.get(0);
        if (m.isFixed() && m.value() % group != 0) {
            throw new IllegalArgumentException(
                    "Conv: output channels " + m + " must be divisible by group " + group);
        }
        List<OnnxDim> out = new ArrayList<>();
        out.add(x.get(0));
        out.add(m);
        for (int i = 0; i < spatial; i++) {
            OnnxDim in = x.get(2 + i);
            OnnxDim k = w.get(2 + i);
            if (in.isFixed() && k.isFixed()) {
                long p = pads == null ? 0 : pads[i] + pads[i + spatial];
                long s = strides == null ? 1 : strides[i];
                long d = dilations == null ? 1 : dilations[i];
                long eff = in.value() + p - d * (k.value() - 1) - 1;
                if (eff < 0) {
                    throw new IllegalArgumentException("Conv: kernel " + w + " with dilations "
                            + Arrays.toString(dilations) + " is larger than padded input " + x);
                }
                out.add(OnnxDim.of(eff / s + 1));
            } else {
                out.add(OnnxDim.dynamic());
            }
        }
        return out;
    }

    static void checkLength(String op, String what, long[] a, int expected) {
        if (a != null && a.length != expected) {
            throw new IllegalArgumentException(op + ": " + what + " needs " + expected + " values, got "
                    + Arrays.toString(a));
        }
    }

    static List<OnnxDim> resize(List<OnnxDim> x, float[] scales) {
        if (x == null) {
            return null;
        }
        if (x.size() != scales.length) {
            throw new IllegalArgumentException("Resize: need one scale per axis of " + x + ", got "
                    + Arrays.toString(scales));
        }
        List<OnnxDim> out = new ArrayList<>();
        for (int i = 0; i < scales.length; i++) {
            OnnxDim d = x.get(i);
            out.add(d.isFixed() ? OnnxDim.of((long) Math.floor(d.value() * (double) scales[i])) : OnnxDim.dynamic());
        }
        return out;
    }

    static List<OnnxDim> reshape(List<OnnxDim> x, long[] shape) {
        int minusOne = -1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < -1) {
                throw new IllegalArgumentException("Reshape: bad target dimension " + shape[i] + " in "
                        + Arrays.toString(shape) + " (valid: >= 0, 0 = copy, -1 = infer)");
            }
            if (shape[i] == -1) {
                if (minusOne >= 0) {
                    throw new IllegalArgumentException("Reshape: at most one -1 allowed in " + Arrays.toString(shape));
                }
                minusOne = i;
            }
        }
        List<OnnxDim> out = new ArrayList<>();
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == 0) {
                if (x == null) {
                    out.add(OnnxDim.dynamic());
                } else if (i >= x.size()) {
                    throw new IllegalArgumentException("Reshape: 0 (copy) at position " + i + " but input " + x
                            + " has rank " + x.size());
                } else {
                    out.add(x.get(i));
                }
            } else {
                out.add(shape[i] == -1 ? OnnxDim.dynamic() : OnnxDim.of(shape[i]));
            }
        }
        Long total = x == null ? null : product(x);
        if (total != null) {
            long known = 1;
            boolean allKnown = true;
            for (int i = 0; i < out.size(); i++) {
                if (i == minusOne) {
                    continue;
                }
                if (out.get(i).isFixed()) {
                    known *= out.get(i).value();
                } else {
                    allKnown = false;
                }
            }
            if (allKnown && minusOne >= 0) {
                if (known == 0 || total % known != 0) {
                    throw new IllegalArgumentException("Reshape: cannot reshape " + x + " (" + total
                            + " elements) to " + Arrays.toString(shape));
                }
                out.set(minusOne, OnnxDim.of(total / known));
            } else if (allKnown && known != total) {
                throw new IllegalArgumentException("Reshape: cannot reshape " + x + " (" + total + " elements) to "
                        + Arrays.toString(shape) + " (" + known + " elements)");
            }
        }
        return out;
    }

    static Long product(List<OnnxDim> s) {
        long p = 1;
        for (OnnxDim d : s) {
            if (!d.isFixed()) {
                return null;
            }
            p *= d.value();
        }
        return p;
    }

    static int[] checkPermutation(String op, int[] perm, int rank) {
        boolean[] seen = new boolean[perm.length];
        for (int p : perm) {
            if (p < 0 || p >= perm.length || seen[p]) {
                throw new IllegalArgumentException(
                        op + ": perm " + Arrays.toString(perm) + " is not a permutation of 0.." + (perm.length - 1));
            }
            seen[p] = true;
        }
        if (rank >= 0 && rank != perm.length) {
            throw new IllegalArgumentException(
                    op + ": perm " + Arrays.toString(perm) + " has " + perm.length + " entries, input has rank " + rank);
        }
        return perm;
    }

    static List<OnnxDim> slice(List<OnnxDim> x, long[] starts, long[] ends, long[] axes, long[] steps) {
        if (starts.length != ends.length) {
            throw new IllegalArgumentException("Slice: starts " + Arrays.toString(starts) + " and ends "
                    + Arrays.toString(ends) + " must have the same length");
        }
        checkLength("Slice", "axes", axes, starts.length);
        checkLength("Slice", "steps", steps, starts.length);
        if (steps != null) {
            for (long s : steps) {
                if (s == 0) {
                    throw new IllegalArgumentException("Slice: steps must not be 0, were " + Arrays.toString(steps));
                }
            }
        }
        if (x == null) {
            return null;
        }
        int rank = x.size();
        List<OnnxDim> out = new ArrayList<>(x);
        boolean[] used = new boolean[rank];
        for (int i = 0; i < starts.length; i++) {
            int axis = axes == null ? i : normalizeAxis("Slice", Math.toIntExact(axes[i]), rank);
            if (axes == null && i >= rank) {
                throw new IllegalArgumentException("Slice: " + starts.length + " starts for input of rank " + rank);
            }
            if (used[axis]) {
                throw new IllegalArgumentException("Slice: axis " + axis + " repeated in " + Arrays.toString(axes));
            }
            used[axis] = true;
            OnnxDim d = x.get(axis);
            if (!d.isFixed()) {
                out.set(axis, OnnxDim.dynamic());
                continue;
            }
            long dim = d.value();
            long step = steps == null ? 1 : steps[i];
            long s = starts[i] < 0 ? starts[i] + dim : starts[i];
            long e = ends[i] < 0 ? ends[i] + dim : ends[i];
            long n;
            if (step > 0) {
                s = clamp(s, 0, dim);
                e = clamp(e, 0, dim);
                n = e > s ? (e - s + step - 1) / step : 0;
            } else {
                s = clamp(s, 0, dim - 1);
                e = clamp(e, -1, dim - 1);
                n = s > e ? (s - e + (-step) - 1) / (-step) : 0;
            }
            out.set(axis, OnnxDim.of(n));
        }
        return out;
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    static List<OnnxDim> unsqueeze(List<OnnxDim> x, long[] axes) {
        if (axes.length == 0) {
            throw new IllegalArgumentException("Unsqueeze: axes must not be empty");
        }
        if (x == null) {
            return null;
        }
        int outRank = x.size() + axes.length;
        boolean[] inserted = new boolean[outRank];
        for (long a : axes) {
            int ax = normalizeAxis("Unsqueeze", Math.toIntExact(a), outRank);
            if (inserted[ax]) {
                throw new IllegalArgumentException("Unsqueeze: axis " + a + " repeated in " + Arrays.toString(axes));
            }
            inserted[ax] = true;
        }
        List<OnnxDim> out = new ArrayList<>(outRank);
        int j = 0;
        for (int i = 0; i < outRank; i++) {
            out.add(inserted[i] ? OnnxDim.of(1) : x.get(j++));
        }
        return out;
    }

    static List<OnnxDim> squeeze(List<OnnxDim> x, long[] axes) {
        if (x == null) {
            return null;
        }
        boolean[] removed = new boolean[x.size()];
        if (axes.length == 0) {
            for (int i = 0; i < x.size(); i++) {
                OnnxDim d = x.get(i);
                if (!d.isFixed()) {
                    return null;
                }
                removed[i] = d.value() == 1;
            }
        }
        for (long a : axes) {
            int ax = normalizeAxis("Squeeze", Math.toIntExact(a), x.size());
            OnnxDim d = x.get(ax);
            if (d.isFixed() && d.value() != 1) {
                throw new IllegalArgumentException("Squeeze: axis " + a + " of " + x + " has size " + d + ", not 1");
            }
            removed[ax] = true;
        }
        List<OnnxDim> out = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            if (!removed[i]) {
                out.add(x.get(i));
            }
        }
        return out;
    }

    static List<OnnxDim> reduce(String op, List<OnnxDim> x, long[] axes, boolean keepdims) {
        if (x == null) {
            return null;
        }
        boolean[] reduced = new boolean[x.size()];
        if (axes.length == 0) {
            Arrays.fill(reduced, true);
        }
        for (long a : axes) {
            int ax = normalizeAxis(op, Math.toIntExact(a), x.size());
            if (reduced[ax] && axes.length > 0) {
                throw new IllegalArgumentException(op + ": axis " + a + " repeated in " + Arrays.toString(axes));
            }
            reduced[ax] = true;
        }
        List<OnnxDim> out = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            if (!reduced[i]) {
                out.add(x.get(i));
            } else if (keepdims) {
                out.add(OnnxDim.of(1));
            }
        }
        return out;
    }

    static List<OnnxDim> flatten(List<OnnxDim> x, int axis) {
        if (x == null) {
            return null;
        }
        if (axis < -x.size() || axis > x.size()) {
            throw new IllegalArgumentException("Flatten: axis " + axis + " out of range for rank " + x.size()
                    + " (valid: " + -x.size() + ".." + x.size() + ")");
        }
        int a = axis < 0 ? axis + x.size() : axis;
        Long left = product(x.subList(0, a));
        Long right = product(x.subList(a, x.size()));
        return List.of(left == null ? OnnxDim.dynamic() : OnnxDim.of(left),
                right == null ? OnnxDim.dynamic() : OnnxDim.of(right));
    }
}
