package io.retailgen.recommend;

/** Selects the k best entries of a score vector (descending score, ties by lower index). */
final class TopK {

    private TopK() {
    }

    /** The top {@code k} touched entries of {@code s} whose score is above zero and that {@code keep} accepts. */
    static int[] of(Scores s, int k, java.util.function.IntPredicate keep) {
        int[] heap = new int[k];
        int n = 0;
        for (int i = 0; i < s.count; i++) {
            int item = s.list[i];
            float v = s.value[item];
            if (!(v > 0f) || !keep.test(item)) {
                continue;
            }
            if (n < k) {
                heap[n] = item;
                up(heap, n, s.value);
                n++;
            } else if (better(item, heap[0], s.value)) {
                heap[0] = item;
                down(heap, n, s.value);
            }
        }
        int[] out = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            out[i] = heap[0];
            heap[0] = heap[i];
            down(heap, i, s.value);
        }
        return out;
    }

    /** {@code a} ranks before {@code b}. */
    static boolean better(int a, int b, float[] v) {
        return v[a] > v[b] || (v[a] == v[b] && a < b);
    }

    private static void up(int[] h, int i, float[] v) {
        while (i > 0) {
            int p = (i - 1) / 2;
            if (better(h[p], h[i], v)) {
                int t = h[p];
                h[p] = h[i];
                h[i] = t;
                i = p;
            } else {
                break;
            }
        }
    }

    private static void down(int[] h, int n, float[] v) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int w = i;
            if (l < n && better(h[w], h[l], v)) {
                w = l;
            }
            if (r < n && better(h[w], h[r], v)) {
                w = r;
            }
            if (w == i) {
                return;
            }
            int t = h[w];
            h[w] = h[i];
            h[i] = t;
            i = w;
        }
    }
}
