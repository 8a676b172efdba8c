package io.retailgen.recommend;

import java.util.Arrays;

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
        double recall = 0;
        double mrr = 0;
        double ndcg = 0;
        double popSum = 0;
        double divSum = 0;
        long popN = 0;
        long lists = 0;
        long n = 0;
        boolean[] seen = new boolean[Math.max(catalogSize, test.vocab.size())];
        int covered = 0;
        long[] lat = new long[test.eventCount()];
        int latN = 0;
        for (int s = 0; s < test.sessionCount(); s++) {
            int[] items = test.sessionItems(s);
            for (int t = 1; t < items.length; t++) {
                long t0 = System.nanoTime();
                int[] top = lister.list(s, items, t);
                lat[latN++] = System.nanoTime() - t0;
                int target = items[t];
                for (int r = 0; r < Math.min(k, top.length); r++) {
                    if (top[r] == target) {
                        recall += 1;
                        mrr += 1.0 / (r + 1);
                        ndcg += 1.0 / (Math.log(r + 2) / Math.log(2));
                        break;
                    }
                }
                int len = Math.min(k, top.length);
                for (int r = 0; r < len; r++) {
                    if (!seen[top[r]]) {
                        seen[top[r]] = true;
                        covered++;
                    }
                    if (pop != null && top[r] < pop.size()) {
                        popSum += pop.normalised(top[r]);
                        popN++;
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
                    divSum += d / pairs;
                    lists++;
                }
                n++;
            }
        }
        long[] sorted = Arrays.copyOf(lat, latN);
        Arrays.sort(sorted);
        double p50 = latN == 0 ? Double.NaN : sorted[(int) Math.min(latN - 1, Math.floor(0.50 * latN))] / 1e3;
        double p99 = latN == 0 ? Double.NaN : sorted[(int) Math.min(latN - 1, Math.floor(0.99 * latN))] / 1e3;
        double dn = Math.max(1, n);
        return new EvaluationResult(k, n, recall / dn, mrr / dn, ndcg / dn,
                catalogSize == 0 ? 0 : (double) covered / catalogSize, popN == 0 ? 0 : popSum / popN,
                lists == 0 ? 0 : divSum / lists, test.unknownItems, p50, p99);
    }

    /** A distance between two items in [0, 1]. */
    interface ItemDistance {
        double distance(int a, int b);
    }
}
