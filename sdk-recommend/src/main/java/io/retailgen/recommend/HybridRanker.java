package io.retailgen.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Blends the signals for one request and assembles the list: filters, boosts, novelty, MMR diversity, category
 * caps and pins, with the reason of each item taken from the signal that contributed most to its score.
 * Stateless apart from the shared model parts; safe for concurrent use.
 */
final class HybridRanker {

    /** One ranked entry before conversion to ids. */
    record Ranked(int item, double score, Signal signal, int anchor) {
    }

    private final ItemVocab vocab;
    private final SessionKnn knn;
    private final CoOccurrence co;
    private final Popularity pop;
    private final ThreadLocal<Scores[]> scratch;

    HybridRanker(ItemVocab vocab, SessionKnn knn, CoOccurrence co, Popularity pop) {
        this.vocab = vocab;
        this.knn = knn;
        this.co = co;
        this.pop = pop;
        int n = vocab.size();
        this.scratch = ThreadLocal.withInitial(() -> new Scores[] {new Scores(n), new Scores(n), new Scores(n),
            new Scores(n), new Scores(n)});
    }

    ItemVocab vocab() {
        return vocab;
    }

    SessionKnn knn() {
        return knn;
    }

    CoOccurrence coOccurrence() {
        return co;
    }

    Popularity popularity() {
        return pop;
    }

    /** The sequence model's logits kept per request: the rest carry too little probability to change a list. */
    static final int SEQUENCE_CANDIDATES = 500;

    /** How much a click counts for each click after it, in the recently-viewed signal. */
    static final double RECENT_DECAY = 0.3;
    /** The clicks the recently-viewed signal looks back over. */
    static final int RECENT_CLICKS = 20;

    /**
     * The recently-viewed signal: {@code RECENT_DECAY^j} for the click {@code j} clicks before the last one (the last
     * click scoring 1), summed over each item's clicks.
     */
    void recent(int[] session, int len, Scores out) {
        double f = 1;
        for (int i = len - 1; i >= Math.max(0, len - RECENT_CLICKS); i--) {
            int it = session[i];
            if (it >= 0 && it < vocab.size()) {
                out.add(it, (float) f);
            }
            f *= RECENT_DECAY;
        }
    }

    /**
     * The sequence model's top candidates ({@code items} with their logits {@code logits}, as returned by the step
     * graph's TopK) as {@code exp(logit - max)} in this thread's sequence scratch vector, cleared first; valid until
     * the next call on this thread.
     */
    Scores sequenceScores(int[] items, float[] logits) {
        Scores out = scratch.get()[3];
        out.clear();
        float max = Float.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        for (int i = 0; i < items.length; i++) {
            out.add(items[i], (float) Math.exp(logits[i] - max));
        }
        return out;
    }

    /**
     * Keeps the {@link #SEQUENCE_CANDIDATES} highest logits as {@code exp(logit - max)} (1 for the best item) in this
     * thread's sequence scratch vector, cleared first; the vector is valid until the next call on this thread.
     */
    Scores sequenceScores(float[] logits) {
        Scores out = scratch.get()[3];
        out.clear();
        int m = Math.min(SEQUENCE_CANDIDATES, logits.length);
        if (m == 0) {
            return out;
        }
        // min-heap of the m best logits
        int[] heap = new int[m];
        int n = 0;
        for (int i = 0; i < logits.length; i++) {
            float v = logits[i];
            if (n < m) {
                heap[n] = i;
                int c = n++;
                while (c > 0) {
                    int p = (c - 1) >>> 1;
                    if (logits[heap[p]] <= logits[heap[c]]) {
                        break;
                    }
                    int t = heap[p];
                    heap[p] = heap[c];
                    heap[c] = t;
                    c = p;
                }
            } else if (v > logits[heap[0]]) {
                heap[0] = i;
                int c = 0;
                while (true) {
                    int l = 2 * c + 1;
                    int r = l + 1;
                    int w = c;
                    if (l < n && logits[heap[l]] < logits[heap[w]]) {
                        w = l;
                    }
                    if (r < n && logits[heap[r]] < logits[heap[w]]) {
                        w = r;
                    }
                    if (w == c) {
                        break;
                    }
                    int t = heap[w];
                    heap[w] = heap[c];
                    heap[c] = t;
                    c = w;
                }
            }
        }
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, logits[heap[i]]);
        }
        for (int i = 0; i < n; i++) {
            out.add(heap[i], (float) Math.exp(logits[heap[i]] - max));
        }
        return out;
    }

    /**
     * Ranks for a session prefix. {@code seq} holds the sequence model's relative probabilities (or is null), {@code keep}
     * the item filter (stock, viewed), {@code boost} per-item multipliers (or null), {@code category} the category of
     * an item (or null).
     */
    List<Ranked> rank(int[] session, int len, Scores seq, HybridWeights w, int k, IntPredicate keep,
            float[] boost, java.util.function.IntFunction<String> category, int categoryCap) {
        return rank(session, len, -1, seq, w, k, keep, boost, category, categoryCap);
    }

    /** As above for a live session whose neighbour-index id is {@code selfLive} (-1 for none). */
    List<Ranked> rank(int[] session, int len, int selfLive, Scores seq, HybridWeights w, int k, IntPredicate keep,
            float[] boost, java.util.function.IntFunction<String> category, int categoryCap) {
        Scores[] s = scratch.get();
        Scores kn = s[0];
        Scores cs = s[1];
        Scores tot = s[2];
        Scores rv = s[4];
        rv.clear();
        kn.clear();
        cs.clear();
        tot.clear();
        try {
            if (w.sessionKnn() > 0) {
                knn.score(session, len, selfLive, kn);
            }
            if (w.coOccurrence() > 0 || w.novelty() > 0) {
                co.score(session, len, 3, cs);
            }
            float mk = kn.max();
            float mc = cs.max();
            float ms = seq != null && w.sequence() > 0 ? seq.max() : 0f;
            double fk = mk > 0 ? w.sessionKnn() / mk : 0;
            double fc = mc > 0 ? w.coOccurrence() / mc : 0;
            double fs = ms > 0 ? w.sequence() / ms : 0;
            for (int i = 0; i < kn.count; i++) {
                tot.add(kn.list[i], (float) (fk * kn.value[kn.list[i]]));
            }
            for (int i = 0; i < cs.count; i++) {
                tot.add(cs.list[i], (float) (fc * cs.value[cs.list[i]]));
            }
            if (fs > 0) {
                for (int i = 0; i < seq.count; i++) {
                    int it = seq.list[i];
                    tot.add(it, (float) (fs * seq.value[it]));
                }
            }
            if (w.recentlyViewed() > 0) {
                recent(session, len, rv);
                for (int i = 0; i < rv.count; i++) {
                    tot.add(rv.list[i], (float) (w.recentlyViewed() * rv.value[rv.list[i]]));
                }
            }
            Map<Integer, Boolean> inSession = new HashMap<>();
            for (int i = Math.max(0, len - 200); i < len; i++) {
                if (session[i] >= 0) {
                    inSession.put(session[i], Boolean.TRUE);
                }
            }
            if (w.novelty() > 0 || boost != null) {
                for (int i = 0; i < tot.count; i++) {
                    int it = tot.list[i];
                    double f = 1;
                    if (w.novelty() > 0) {
                        double fam = inSession.containsKey(it) ? 1.0 : (mc > 0 ? cs.value[it] / mc : 0);
                        f *= 1 - w.novelty() * fam;
                    }
                    if (boost != null) {
                        f *= boost[it];
                    }
                    tot.value[it] = (float) (tot.value[it] * f);
                }
            }
            List<Ranked> out = new ArrayList<>(k);
            int want = w.diversity() > 0 || categoryCap > 0 ? Math.min(tot.count, Math.max(4 * k, 50)) : k;
            int[] top = TopK.of(tot, want, keep);
            if (w.diversity() <= 0 && categoryCap <= 0) {
                for (int it : top) {
                    if (out.size() == k) {
                        break;
                    }
                    out.add(ranked(it, tot.value[it], seq, fs, kn.value[it] * fk, cs.value[it] * fc,
                            inSession.containsKey(it), session, len));
                }
            } else {
                mmr(top, tot, w.diversity(), k, category, categoryCap, out, seq, fs, kn, fk, cs, fc, inSession,
                        session, len);
            }
            if (out.size() < k) {
                fillPopular(out, k, keep, category, categoryCap);
            }
            return out;
        } finally {
            kn.clear();
            cs.clear();
            tot.clear();
            rv.clear();
        }
    }

    private void mmr(int[] top, Scores tot, double lambda, int k, java.util.function.IntFunction<String> category,
            int cap, List<Ranked> out, Scores seq, double fs, Scores kn, double fk, Scores cs, double fc,
            Map<Integer, Boolean> inSession, int[] session, int len) {
        boolean[] used = new boolean[top.length];
        Map<String, Integer> perCat = new HashMap<>();
        double max = top.length == 0 ? 1 : Math.max(1e-12, tot.value[top[0]]);
        while (out.size() < k) {
            int best = -1;
            double bestV = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < top.length; i++) {
                if (used[i]) {
                    continue;
                }
                int it = top[i];
                if (cap > 0 && category != null) {
                    String c = category.apply(it);
                    if (!c.isEmpty() && perCat.getOrDefault(c, 0) >= cap) {
                        continue;
                    }
                }
                double rel = tot.value[it] / max;
                double sim = 0;
                if (lambda > 0) {
                    for (Ranked r : out) {
                        sim = Math.max(sim, similarity(it, r.item(), category));
                    }
                }
                double v = (1 - lambda) * rel - lambda * sim;
                if (v > bestV) {
                    bestV = v;
                    best = i;
                }
            }
            if (best < 0) {
                return;
            }
            used[best] = true;
            int it = top[best];
            if (category != null) {
                perCat.merge(category.apply(it), 1, Integer::sum);
            }
            out.add(ranked(it, tot.value[it], seq, fs, kn.value[it] * fk, cs.value[it] * fc,
                    inSession.containsKey(it), session, len));
        }
    }

    /** Similarity in [0, 1]: same (non-empty) category, else normalised co-occurrence. */
    double similarity(int a, int b, java.util.function.IntFunction<String> category) {
        if (category != null) {
            String ca = category.apply(a);
            if (!ca.isEmpty() && ca.equals(category.apply(b))) {
                return 1;
            }
        }
        float x = co.weight(a, b) + co.weight(b, a);
        return x / (1 + x);
    }

    private Ranked ranked(int it, double score, Scores seq, double fs, double knnPart, double coPart,
            boolean viewed, int[] session, int len) {
        double seqPart = seq == null ? 0 : fs * seq.value[it];
        Signal sig;
        if (viewed) {
            sig = Signal.VIEWED_BEFORE;
        } else if (seqPart >= knnPart && seqPart >= coPart && seqPart > 0) {
            sig = Signal.SEQUENCE;
        } else if (knnPart >= coPart && knnPart > 0) {
            sig = Signal.SIMILAR_SESSIONS;
        } else if (coPart > 0) {
            sig = Signal.CO_OCCURRENCE;
        } else {
            sig = Signal.POPULARITY;
        }
        int anchor = len > 0 ? session[len - 1] : -1;
        if (sig == Signal.CO_OCCURRENCE || sig == Signal.SIMILAR_SESSIONS) {
            float best = -1;
            for (int i = Math.max(0, len - 10); i < len; i++) {
                int a = session[i];
                if (a >= 0) {
                    float c = co.weight(a, it) + co.weight(it, a);
                    if (c > best) {
                        best = c;
                        anchor = a;
                    }
                }
            }
        }
        return new Ranked(it, score, sig, anchor);
    }

    private void fillPopular(List<Ranked> out, int k, IntPredicate keep,
            java.util.function.IntFunction<String> category, int cap) {
        java.util.Set<Integer> present = new java.util.HashSet<>();
        Map<String, Integer> perCat = new HashMap<>();
        for (Ranked r : out) {
            present.add(r.item());
            if (category != null) {
                perCat.merge(category.apply(r.item()), 1, Integer::sum);
            }
        }
        double base = out.isEmpty() ? 1 : Math.min(1, out.get(out.size() - 1).score());
        for (int r = 0; r < pop.size() && out.size() < k; r++) {
            int it = pop.rankedItem(r);
            if (present.contains(it) || !keep.test(it)) {
                continue;
            }
            if (cap > 0 && category != null) {
                String c = category.apply(it);
                if (!c.isEmpty() && perCat.getOrDefault(c, 0) >= cap) {
                    continue;
                }
                perCat.merge(c, 1, Integer::sum);
            }
            out.add(new Ranked(it, base * 1e-3 * pop.normalised(it), Signal.POPULARITY, -1));
        }
    }
}
