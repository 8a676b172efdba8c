package io.retailgen.recommend;

import java.util.Arrays;

/**
 * Item-to-item co-occurrence within sessions: a click on {@code b} that follows {@code a} at distance {@code d}
 * (within a window) adds {@code 1/d} to {@code a -> b} and {@code backward/d} to {@code b -> a}. Rows are
 * individually locked, so {@link #add} (online feedback) and {@link #score} may run concurrently.
 */
final class CoOccurrence {

    static final int WINDOW = 5;
    static final float BACKWARD = 0.5f;

    private final Row[] rows;

    CoOccurrence(int itemCount) {
        rows = new Row[itemCount];
        for (int i = 0; i < itemCount; i++) {
            rows[i] = new Row();
        }
    }

    static CoOccurrence of(SessionLog log) {
        CoOccurrence c = new CoOccurrence(log.vocab.size());
        for (int s = 0; s < log.sessionCount(); s++) {
            for (int p = log.start[s]; p < log.start[s + 1]; p++) {
                c.addClick(log.items, log.start[s], p);
            }
        }
        return c;
    }

    int itemCount() {
        return rows.length;
    }

    /** Records the click at {@code items[pos]} against the up to {@link #WINDOW} clicks before it (from {@code from}). */
    void addClick(int[] items, int from, int pos) {
        int b = items[pos];
        if (b < 0 || b >= rows.length) {
            return;
        }
        for (int q = pos - 1; q >= Math.max(from, pos - WINDOW); q--) {
            int a = items[q];
            if (a < 0 || a >= rows.length || a == b) {
                continue;
            }
            float d = pos - q;
            rows[a].add(b, 1f / d);
            rows[b].add(a, BACKWARD / d);
        }
    }

    /** The weight of {@code a -> b}. */
    float weight(int a, int b) {
        return rows[a].get(b);
    }

    /** Adds, for the last items of the session, their normalised co-occurrence rows weighted by recency. */
    void score(int[] session, int length, int lookback, Scores out) {
        int from = Math.max(0, length - lookback);
        for (int pos = from; pos < length; pos++) {
            int a = session[pos];
            if (a < 0 || a >= rows.length) {
                continue;
            }
            float w = (float) (pos - from + 1) / (length - from);
            rows[a].addTo(out, w);
        }
    }

    /** A small open-addressing int to float map; methods are synchronized on the row. */
    private static final class Row {
        private int[] keys = new int[4];
        private float[] vals = new float[4];
        private int size;
        private float total;

        Row() {
            Arrays.fill(keys, -1);
        }

        synchronized void add(int key, float v) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            int m = keys.length - 1;
            int h = mix(key) & m;
            while (keys[h] != -1 && keys[h] != key) {
                h = (h + 1) & m;
            }
            if (keys[h] == -1) {
                keys[h] = key;
                size++;
            }
            vals[h] += v;
            total += v;
        }

        synchronized float get(int key) {
            int m = keys.length - 1;
            int h = mix(key) & m;
            while (keys[h] != -1) {
                if (keys[h] == key) {
                    return vals[h];
                }
                h = (h + 1) & m;
            }
            return 0f;
        }

        synchronized void addTo(Scores out, float weight) {
            if (total == 0f) {
                return;
            }
            float f = weight / total;
            for (int h = 0; h < keys.length; h++) {
                if (keys[h] != -1) {
                    out.add(keys[h], vals[h] * f);
                }
            }
        }

        private void grow() {
            int[] ok = keys;
            float[] ov = vals;
            keys = new int[ok.length * 2];
            vals = new float[ok.length * 2];
            Arrays.fill(keys, -1);
            int m = keys.length - 1;
            for (int i = 0; i < ok.length; i++) {
                if (ok[i] != -1) {
                    int h = mix(ok[i]) & m;
                    while (keys[h] != -1) {
                        h = (h + 1) & m;
                    }
                    keys[h] = ok[i];
                    vals[h] = ov[i];
                }
            }
        }

        private static int mix(int k) {
            int h = k * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }
}
