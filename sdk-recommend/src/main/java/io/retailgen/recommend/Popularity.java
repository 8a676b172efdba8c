package io.retailgen.recommend;

/** Click counts per item, with recent clicks weighted more; safe to read concurrently, updated under a lock. */
final class Popularity {

    private final float[] counts;
    private final int[] ranked;

    Popularity(float[] counts) {
        this.counts = counts;
        Integer[] order = new Integer[counts.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(counts[b], counts[a]));
        ranked = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            ranked[i] = order[i];
        }
    }

    /** Counts clicks, the most recent {@code halfLifeDays} counting twice as much as those a half-life earlier. */
    static Popularity of(SessionLog log, double halfLifeDays) {
        float[] c = new float[log.vocab.size()];
        double end = Double.NEGATIVE_INFINITY;
        for (double t : log.times) {
            end = Math.max(end, t);
        }
        double lambda = halfLifeDays > 0 ? Math.log(2) / (halfLifeDays * 86400.0) : 0;
        for (int i = 0; i < log.items.length; i++) {
            c[log.items[i]] += (float) Math.exp(-lambda * (end - log.times[i]));
        }
        return new Popularity(c);
    }

    float count(int item) {
        return counts[item];
    }

    /** Items, most popular first. */
    int rankedItem(int r) {
        return ranked[r];
    }

    int size() {
        return counts.length;
    }

    /** Normalised popularity in [0, 1] (1 for the most popular item). */
    float normalised(int item) {
        float top = counts.length == 0 ? 0f : counts[ranked[0]];
        return top == 0f ? 0f : counts[item] / top;
    }
}
