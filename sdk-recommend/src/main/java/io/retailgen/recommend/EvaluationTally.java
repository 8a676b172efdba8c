package io.retailgen.recommend;

import java.io.Serializable;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * The running sums of a next-item evaluation over some of the test sessions, to be merged with the sums of the other
 * sessions: how an evaluation split across machines (one tally per partition of whole sessions) gives the figures of
 * one {@link NextItemEvaluation#evaluate} over all of them. Counts, hits and the set of covered items merge exactly;
 * the reciprocal-rank, popularity and diversity sums are added in merge order, which can move them by a few units in
 * the last place (far below the 6 decimals the reports print). Latencies are kept and their percentiles taken over
 * all merged tallies.
 *
 * <pre>{@code
 * EvaluationTally a = NextItemEvaluation.tally(model, firstHalf, 20);
 * EvaluationTally b = NextItemEvaluation.tally(model, secondHalf, 20);
 * EvaluationResult all = a.merge(b).result();
 * }</pre>
 *
 * <p>Not thread-safe; serializable so that a cluster can send it back to its driver.
 */
public final class EvaluationTally implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int k;
    private final int catalogSize;
    double recall;
    double mrr;
    double ndcg;
    double popSum;
    long popN;
    double divSum;
    long lists;
    long predictions;
    long unknownItems;
    private final BitSet covered = new BitSet();
    private long[] latencies = new long[16];
    private int latencyCount;

    EvaluationTally(int k, int catalogSize) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        this.k = k;
        this.catalogSize = catalogSize;
    }

    /** @return the list length */
    public int k() {
        return k;
    }

    /** @return the next clicks predicted so far */
    public long predictions() {
        return predictions;
    }

    void cover(int item) {
        covered.set(item);
    }

    void latency(long nanos) {
        if (latencyCount == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencies.length * 2);
        }
        latencies[latencyCount++] = nanos;
    }

    /**
     * Adds another tally's sums to this one.
     *
     * @param other a tally of other sessions, with the same {@code k} and model
     * @return this
     * @throws IllegalArgumentException when the list lengths or catalog sizes differ
     */
    public EvaluationTally merge(EvaluationTally other) {
        Objects.requireNonNull(other, "other == null");
        if (other.k != k || other.catalogSize != catalogSize) {
            throw new IllegalArgumentException("cannot merge a tally of k=" + other.k + " over " + other.catalogSize
                    + " items into one of k=" + k + " over " + catalogSize + " items");
        }
        recall += other.recall;
        mrr += other.mrr;
        ndcg += other.ndcg;
        popSum += other.popSum;
        popN += other.popN;
        divSum += other.divSum;
        lists += other.lists;
        predictions += other.predictions;
        unknownItems += other.unknownItems;
        covered.or(other.covered);
        for (int i = 0; i < other.latencyCount; i++) {
            latency(other.latencies[i]);
        }
        return this;
    }

    /** @return the figures of every session tallied so far */
    public EvaluationResult result() {
        long[] sorted = Arrays.copyOf(latencies, latencyCount);
        Arrays.sort(sorted);
        int n = latencyCount;
        double p50 = n == 0 ? Double.NaN : sorted[(int) Math.min(n - 1, Math.floor(0.50 * n))] / 1e3;
        double p99 = n == 0 ? Double.NaN : sorted[(int) Math.min(n - 1, Math.floor(0.99 * n))] / 1e3;
        double dn = Math.max(1, predictions);
        return new EvaluationResult(k, predictions, recall / dn, mrr / dn, ndcg / dn,
                catalogSize == 0 ? 0 : (double) covered.cardinality() / catalogSize, popN == 0 ? 0 : popSum / popN,
                lists == 0 ? 0 : divSum / lists, unknownItems, p50, p99);
    }

    @Override
    public String toString() {
        return "EvaluationTally[k=" + k + ", predictions=" + predictions + "]";
    }
}
