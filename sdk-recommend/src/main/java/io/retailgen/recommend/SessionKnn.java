package io.retailgen.recommend;

import java.util.Arrays;

/**
 * V-SKNN: session kNN whose similarity weights the current session's items by recency of position, whose
 * neighbours are sampled among the most recent sessions sharing an item, and whose item scores decay with the
 * distance from the shared item inside the neighbour. Immutable after construction; {@link #score} is safe for
 * concurrent use (scratch space is per thread).
 */
final class SessionKnn {

    /** Tunable parameters. */
    record Params(int neighbours, int sampleSize, double positionExponent, double idfWeight, double neighbourDecay) {
        static final Params DEFAULT = new Params(100, 1000, 2.0, 1.0, 1.0);

        Params {
            if (neighbours < 1 || sampleSize < neighbours) {
                throw new IllegalArgumentException("need 1 <= neighbours <= sampleSize, was " + neighbours + " and "
                        + sampleSize);
            }
        }
    }

    private final Params p;
    private final int itemCount;
    /** Training sessions' items, in order. */
    private final int[][] sessions;
    /** For each item, the sessions containing it, most recent first. */
    private final int[][] itemSessions;
    private final float[] idf;
    private final ThreadLocal<Scratch> scratch;
    /** Live sessions (the feedback loop): ids {@code 0..liveCount-1}, treated as more recent than any training one. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock liveLock =
            new java.util.concurrent.locks.ReentrantReadWriteLock();
    private int[][] live = new int[256][];
    private int[] liveLen = new int[256];
    private int liveCount;
    private final int[][] itemLive;
    private final int[] itemLiveLen;
    /** The most live sessions indexed; later sessions are served but not added (until the next model swap). */
    static final int MAX_LIVE_SESSIONS = 200_000;

    SessionKnn(SessionLog log, Params params) {
        this.p = params;
        this.itemCount = log.vocab.size();
        int n = log.sessionCount();
        Integer[] order = new Integer[n];
        double[] last = new double[n];
        for (int s = 0; s < n; s++) {
            order[s] = s;
            last[s] = log.times[log.start[s + 1] - 1];
        }
        Arrays.sort(order, (a, b) -> Double.compare(last[a], last[b]));
        sessions = new int[n][];
        for (int r = 0; r < n; r++) {
            sessions[r] = log.sessionItems(order[r]);
        }
        int[] df = new int[itemCount];
        for (int[] s : sessions) {
            for (int i : distinct(s)) {
                df[i]++;
            }
        }
        itemSessions = new int[itemCount][];
        int[] fill = new int[itemCount];
        for (int i = 0; i < itemCount; i++) {
            itemSessions[i] = new int[df[i]];
        }
        for (int r = n - 1; r >= 0; r--) {
            for (int i : distinct(sessions[r])) {
                itemSessions[i][fill[i]++] = r;
            }
        }
        idf = new float[itemCount];
        for (int i = 0; i < itemCount; i++) {
            idf[i] = df[i] == 0 ? 0f : (float) Math.log((double) n / df[i]);
        }
        scratch = ThreadLocal.withInitial(() -> new Scratch(sessions.length, itemCount, p.sampleSize()));
        itemLive = new int[itemCount][];
        itemLiveLen = new int[itemCount];
    }

    /**
     * Adds a click of a live session to the neighbour index, so that later requests of other sessions can use it.
     *
     * @param liveId the session's live id, or -1 for a session not yet indexed
     * @return the session's live id, or -1 when the index is full
     */
    int observe(int liveId, int item) {
        if (item < 0 || item >= itemCount) {
            return liveId;
        }
        liveLock.writeLock().lock();
        try {
            int id = liveId;
            if (id < 0) {
                if (liveCount >= MAX_LIVE_SESSIONS) {
                    return -1;
                }
                if (liveCount == live.length) {
                    live = Arrays.copyOf(live, live.length * 2);
                    liveLen = Arrays.copyOf(liveLen, liveLen.length * 2);
                }
                id = liveCount++;
                live[id] = new int[8];
            }
            int[] a = live[id];
            int n = liveLen[id];
            boolean present = false;
            for (int i = 0; i < n && !present; i++) {
                present = a[i] == item;
            }
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
                live[id] = a;
            }
            a[n] = item;
            liveLen[id] = n + 1;
            if (!present) {
                int[] l = itemLive[item];
                int m = itemLiveLen[item];
                if (l == null) {
                    l = new int[4];
                } else if (m == l.length) {
                    l = Arrays.copyOf(l, m * 2);
                }
                l[m] = id;
                itemLive[item] = l;
                itemLiveLen[item] = m + 1;
            }
            return id;
        } finally {
            liveLock.writeLock().unlock();
        }
    }

    int itemCount() {
        return itemCount;
    }

    private static int[] distinct(int[] s) {
        int[] c = s.clone();
        Arrays.sort(c);
        int m = 0;
        for (int i = 0; i < c.length; i++) {
            if (i == 0 || c[i] != c[i - 1]) {
                c[m++] = c[i];
            }
        }
        return Arrays.copyOf(c, m);
    }

    /**
     * Adds the scores of the items of the neighbours of {@code session} (its last {@code length} entries count) to
     * {@code out}.
     */
    void score(int[] session, int length, Scores out) {
        score(session, length, -1, out);
    }

    /** As {@link #score(int[], int, Scores)}, skipping the live session {@code selfLive} (the one asking). */
    void score(int[] session, int length, int selfLive, Scores out) {
        if (length == 0) {
            return;
        }
        liveLock.readLock().lock();
        try {
            scoreLocked(session, length, selfLive, out);
        } finally {
            liveLock.readLock().unlock();
        }
    }

    private void scoreLocked(int[] session, int length, int selfLive, Scores out) {
        Scratch sc = scratch.get();
        int from = Math.max(0, length - 200);
        for (int pos = from; pos < length; pos++) {
            int it = session[pos];
            if (it < 0 || it >= itemCount) {
                continue;
            }
            float w = (float) Math.pow((double) (pos - from + 1) / (length - from), p.positionExponent());
            if (w > sc.itemWeight(it)) {
                sc.setItemWeight(it, w);
            }
        }
        // candidate sessions: the most recent sessions that share an item (lists are most-recent-first)
        int[] heads = sc.heads;
        int nq = sc.qCount;
        int taken = 0;
        int nTrain = sessions.length;
        // live sessions first (most recent first: their lists grow at the end)
        for (int q = 0; q < nq; q++) {
            heads[q] = itemLiveLen[sc.qItems[q]] - 1;
        }
        while (taken < p.sampleSize() && liveCount > 0) {
            int best = -1;
            int bestSession = -1;
            for (int q = 0; q < nq; q++) {
                int[] list = itemLive[sc.qItems[q]];
                while (heads[q] >= 0 && (list[heads[q]] == selfLive || sc.seenLive.get(list[heads[q]]))) {
                    heads[q]--;
                }
                if (heads[q] >= 0 && list[heads[q]] > bestSession) {
                    bestSession = list[heads[q]];
                    best = q;
                }
            }
            if (best < 0) {
                break;
            }
            sc.seenLive.set(bestSession);
            sc.cand[taken++] = nTrain + bestSession;
            heads[best]--;
        }
        int takenLive = taken;
        for (int c = 0; c < takenLive; c++) {
            sc.seenLive.clear(sc.cand[c] - nTrain);
        }
        Arrays.fill(heads, 0, nq, 0);
        while (taken < p.sampleSize()) {
            int best = -1;
            int bestSession = -1;
            for (int q = 0; q < nq; q++) {
                int[] list = itemSessions[sc.qItems[q]];
                while (heads[q] < list.length && sc.seen[list[heads[q]]]) {
                    heads[q]++;
                }
                if (heads[q] < list.length && list[heads[q]] > bestSession) {
                    bestSession = list[heads[q]];
                    best = q;
                }
            }
            if (best < 0) {
                break;
            }
            sc.seen[bestSession] = true;
            sc.cand[taken++] = bestSession;
            heads[best]++;
        }
        // similarity of each candidate
        int k = 0;
        for (int c = 0; c < taken; c++) {
            int s = sc.cand[c];
            int[] items;
            int len;
            if (s < nTrain) {
                sc.seen[s] = false;
                items = sessions[s];
                len = items.length;
            } else {
                items = live[s - nTrain];
                len = liveLen[s - nTrain];
            }
            double sim = 0;
            for (int x = 0; x < len; x++) {
                int i = items[x];
                float w = sc.itemWeight(i);
                if (w > 0 && !sc.counted[i]) {
                    sc.counted[i] = true;
                    sim += w * (1.0 + p.idfWeight() * idf[i]);
                }
            }
            for (int x = 0; x < len; x++) {
                sc.counted[items[x]] = false;
            }
            sc.sim[c] = (float) sim;
            k++;
        }
        // top neighbours by similarity (ties: more recent first, as candidates are ordered)
        int kk = Math.min(p.neighbours(), k);
        // sort keys: descending similarity (non-negative floats order as their bits), then candidate order
        long[] keys = sc.keys;
        for (int i = 0; i < k; i++) {
            keys[i] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(Math.max(0f, sc.sim[i]))) << 32) | i;
        }
        Arrays.sort(keys, 0, k);
        int last = session[length - 1];
        for (int r = 0; r < kk; r++) {
            int c = (int) keys[r];
            float sim = sc.sim[c];
            if (sim <= 0) {
                break;
            }
            int cs = sc.cand[c];
            int[] items = cs < nTrain ? sessions[cs] : live[cs - nTrain];
            int len = cs < nTrain ? items.length : liveLen[cs - nTrain];
            int anchor = -1;
            float anchorWeight = -1;
            for (int pos = 0; pos < len; pos++) {
                float w = sc.itemWeight(items[pos]);
                if (w > anchorWeight || (w == anchorWeight && items[pos] == last)) {
                    anchorWeight = w;
                    anchor = pos;
                }
            }
            for (int pos = 0; pos < len; pos++) {
                double decay = 1.0 / (1.0 + p.neighbourDecay() * Math.abs(pos - anchor));
                out.add(items[pos], (float) (sim * decay));
            }
        }
        sc.reset();
    }

    /** Per-thread scratch space. */
    private static final class Scratch {
        final boolean[] seen;
        final java.util.BitSet seenLive = new java.util.BitSet();
        final int[] cand;
        final float[] sim;
        final long[] keys;
        final int[] heads = new int[256];
        int[] qItems = new int[256];
        int qCount;
        final boolean[] counted;
        final float[] weightOf;

        Scratch(int sessions, int items, int sampleSize) {
            seen = new boolean[sessions];
            cand = new int[sampleSize];
            sim = new float[sampleSize];
            keys = new long[sampleSize];
            counted = new boolean[items];
            weightOf = new float[items];
        }

        float itemWeight(int item) {
            return weightOf[item];
        }

        void setItemWeight(int item, float w) {
            if (weightOf[item] == 0f) {
                qItems[qCount] = item;
                qCount++;
            }
            weightOf[item] = w;
        }

        void reset() {
            for (int q = 0; q < qCount; q++) {
                weightOf[qItems[q]] = 0f;
            }
            qCount = 0;
        }
    }
}
