package io.retailgen.recommend;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Next-item accuracy and beyond-accuracy figures of one recommender on one test set.
 *
 * @param k the list length
 * @param predictions the number of next clicks predicted
 * @param recall the hit rate: share of next clicks found in the top {@code k}
 * @param mrr the mean reciprocal rank of the next click (0 when outside the top {@code k})
 * @param ndcg the mean {@code 1/log2(rank+1)} of the next click (0 when outside the top {@code k})
 * @param coverage the share of the catalog that appeared in at least one list
 * @param popularityBias the mean normalised popularity (1 = most popular item) of the recommended items
 * @param diversity the mean intra-list diversity: share of item pairs in a list from different categories (or,
 *     without categories, that never co-occurred in training)
 * @param skippedUnknownItems test clicks on items unknown to the model, skipped
 * @param latencyP50Micros median latency of one recommend call for one new click, in microseconds
 * @param latencyP99Micros 99th percentile of that latency, in microseconds
 */
public record EvaluationResult(int k, long predictions, double recall, double mrr, double ndcg, double coverage,
        double popularityBias, double diversity, long skippedUnknownItems, double latencyP50Micros,
        double latencyP99Micros) {

    /** Validates the ranges. */
    public EvaluationResult {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        if (predictions < 0 || skippedUnknownItems < 0) {
            throw new IllegalArgumentException("counts must be >= 0, were " + predictions + ", "
                    + skippedUnknownItems);
        }
    }

    /**
     * The figures under their report names ({@code recall@20}, {@code mrr@20}, {@code ndcg@20},
     * {@code coverage@20}, {@code popularity_bias@20}, {@code diversity@20}, {@code predictions},
     * {@code skipped_unknown_items}, {@code latency_p50_us}, {@code latency_p99_us}).
     *
     * @return an ordered map
     */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recall@" + k, round(recall));
        m.put("mrr@" + k, round(mrr));
        m.put("ndcg@" + k, round(ndcg));
        m.put("coverage@" + k, round(coverage));
        m.put("popularity_bias@" + k, round(popularityBias));
        m.put("diversity@" + k, round(diversity));
        m.put("predictions", predictions);
        m.put("skipped_unknown_items", skippedUnknownItems);
        m.put("latency_p50_us", round(latencyP50Micros));
        m.put("latency_p99_us", round(latencyP99Micros));
        return m;
    }

    static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1e6) / 1e6 : v;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "recall@%d=%.4f mrr@%d=%.4f ndcg@%d=%.4f coverage@%d=%.4f n=%d", k, recall,
                k, mrr, k, ndcg, k, coverage, predictions);
    }
}
