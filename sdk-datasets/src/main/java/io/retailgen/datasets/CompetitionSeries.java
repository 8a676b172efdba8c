package io.retailgen.datasets;

import java.util.List;
import java.util.Objects;

/**
 * One series of a forecasting competition: the history and the held-out values to forecast.
 *
 * @param id the series id
 * @param type the series' domain in the competition (such as {@code MICRO}), or empty
 * @param frequency the frequency name in lower case: {@code yearly}, {@code quarterly}, {@code monthly},
 *     {@code weekly}, {@code daily} or {@code other}
 * @param train the history, oldest first ({@code NaN} for missing)
 * @param test the held-out values (the horizon is their count)
 */
public record CompetitionSeries(String id, String type, String frequency, double[] train, double[] test) {

    /** Validates and copies. */
    public CompetitionSeries {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(frequency, "frequency == null");
        train = Objects.requireNonNull(train, "train == null").clone();
        test = Objects.requireNonNull(test, "test == null").clone();
    }

    /** @return a copy of the history */
    @Override
    public double[] train() {
        return train.clone();
    }

    /** @return a copy of the held-out values */
    @Override
    public double[] test() {
        return test.clone();
    }

    /** @return {@code [type, id]}, or empty when the type is empty: the series' place in a two-level hierarchy */
    public List<String> path() {
        return type.isBlank() ? List.of() : List.of(type, id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompetitionSeries s && id.equals(s.id) && type.equals(s.type)
                && frequency.equals(s.frequency) && java.util.Arrays.equals(train, s.train)
                && java.util.Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, type, frequency, java.util.Arrays.hashCode(train), java.util.Arrays.hashCode(test));
    }

    @Override
    public String toString() {
        return "CompetitionSeries[" + id + ", " + frequency + ", " + train.length + " + " + test.length + " values]";
    }
}
