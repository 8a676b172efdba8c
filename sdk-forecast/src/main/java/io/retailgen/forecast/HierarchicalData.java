package io.retailgen.forecast;

import java.util.List;
import java.util.Objects;

/**
 * Every node of a hierarchy as a series over the same periods.
 *
 * @param hierarchy the tree
 * @param periods the period labels (for example {@code 1982-04}), oldest first
 * @param series one series per node, in {@link Hierarchy#ids()} order
 */
public record HierarchicalData(Hierarchy hierarchy, List<String> periods, List<TimeSeries> series) {

    /** Validates and copies. */
    public HierarchicalData {
        Objects.requireNonNull(hierarchy, "hierarchy == null");
        periods = List.copyOf(periods);
        series = List.copyOf(series);
        if (series.size() != hierarchy.size()) {
            throw new IllegalArgumentException("expected " + hierarchy.size() + " series, got " + series.size());
        }
    }
}
