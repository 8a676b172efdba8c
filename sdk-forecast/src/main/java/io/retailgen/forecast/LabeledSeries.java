package io.retailgen.forecast;

import java.util.Objects;

/**
 * A series with its held-out future, as in a forecasting competition: forecast {@code test().length} steps from
 * {@code train()} and compare.
 *
 * @param train the history
 * @param test the held-out values (copied; the horizon is their count)
 */
public record LabeledSeries(TimeSeries train, double[] test) {

    /** Validates and copies. */
    public LabeledSeries {
        Objects.requireNonNull(train, "train == null");
        test = Objects.requireNonNull(test, "test == null").clone();
    }

    /**
     * A held-out series from its parts, as a benchmark reader gives them.
     *
     * @param id the series id
     * @param path the hierarchy path (may be empty)
     * @param frequency the frequency name, such as {@code "monthly"} ({@link Frequency#parse})
     * @param train the history
     * @param test the held-out values
     * @return the series
     * @throws IllegalArgumentException when the frequency is unknown
     */
    public static LabeledSeries of(String id, java.util.List<String> path, String frequency, double[] train,
            double[] test) {
        return new LabeledSeries(new TimeSeries(id, path, Frequency.parse(frequency), train, java.util.Map.of()),
                test);
    }

    /** @return a copy of the held-out values */
    @Override
    public double[] test() {
        return test.clone();
    }

    /** @return the number of held-out steps */
    public int horizon() {
        return test.length;
    }
}
