package io.retailgen.core.util;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The Fisher-Yates shuffle (Durstenfeld's in-place form) that every module uses to order training rows and samples.
 * For {@code i} from {@code n - 1} down to {@code 1} it swaps element {@code i} with element
 * {@code rnd.nextInt(i + 1)}: exactly {@code n - 1} draws from the generator, in that order, so a seeded run orders
 * its rows the same way on every machine and every recorded figure that depends on the order stays reproducible.
 *
 * <pre>{@code
 * SplittableRandom rnd = new SplittableRandom(seed);
 * int[] order = Shuffle.permutation(rows, rnd);   // 0..rows-1 in random order
 * Shuffle.inPlace(order, rnd);                    // reshuffle for the next epoch
 * }</pre>
 *
 * <p>Stateless; the generator passed in is not thread-safe, so callers keep one per thread.
 */
public final class Shuffle {

    private Shuffle() {
    }

    /**
     * Shuffles {@code values} in place.
     *
     * @param values the array to reorder
     * @param rnd the source of randomness; {@code values.length - 1} values are drawn from it (none for fewer than
     *     two elements)
     */
    public static void inPlace(int[] values, SplittableRandom rnd) {
        Objects.requireNonNull(values, "values == null");
        Objects.requireNonNull(rnd, "rnd == null");
        for (int i = values.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /**
     * @param n how many indices, {@code >= 0}
     * @param rnd the source of randomness, drawn from as by {@link #inPlace}
     * @return {@code 0..n-1} in a random order
     * @throws IllegalArgumentException when {@code n} is negative
     */
    public static int[] permutation(int n, SplittableRandom rnd) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        inPlace(order, rnd);
        return order;
    }
}
