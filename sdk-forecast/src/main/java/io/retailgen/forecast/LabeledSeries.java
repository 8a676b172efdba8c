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
