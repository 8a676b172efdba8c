package io.retailgen.recommend;

/**
 * The next-item protocol: for every test session and every position {@code t >= 1}, the prefix of clicks
 * {@code 0..t-1} is shown to the recommender and the click at {@code t} is the single relevant item.
 */
final class NextItemProtocol {

    private NextItemProtocol() {
    }

    /** A list maker: given a session of the test log and a prefix of it (array and length), the top-k items. */
    interface Lister {
        int[] list(int session, int[] items, int length);
    }

    static EvaluationResult run(SessionLog test, int k, Lister lister, Popularity pop, ItemDistance distance,
            int catalogSize) {
        return tally(test, k, lister, pop, distance, catalogSize).result();
    }

    static EvaluationTally tally(SessionLog test, int k, Lister lister, Popularity pop, ItemDistance distance,
            int catalogSize) {
        EvaluationTally t = new EvaluationTally(k, catalogSize);
        for (int s = 0; s < test.sessionCount(); s++) {
            int[] items = test.sessionItems(s);
            for (int p = 1; p < items.length; p++) {
                long t0 = System.nanoTime();
                int[] top = lister.list(s, items, p);
                t.latency(System.nanoTime() - t0);
                int target = items[p];
                for (int r = 0; r < Math.min(k, top.length); r++) {
                    if (top[r] == target) {
                        t.recall += 1;
                        t.mrr += 1.0 / (r + 1);
                        t.ndcg += 1.0 / (Math.log(r + 2) / Math.log(2));
                        break;
                    }
                }
                int len = Math.min(k, top.length);
                for (int r = 0; r < len; r++) {
                    t.cover(top[r]);
                    if (pop != null && top[r] < pop.size()) {
                        t.popSum += pop.normalised(top[r]);
                        t.popN++;
                    }
                }
                if (distance != null && len > 1) {
                    double d = 0;
                    int pairs = 0;
                    for (int a = 0; a < len; a++) {
                        for (int b = a + 1; b < len; b++) {
                            d += distance.distance(top[a], top[b]);
                            pairs++;
                        }
                    }
                    t.divSum += d / pairs;
                    t.lists++;
                }
                t.predictions++;
            }
        }
        t.unknownItems = test.unknownItems;
        return t;
    }

    /** A distance between two items in [0, 1]. */
    interface ItemDistance {
        double distance(int a, int b);
    }
}
