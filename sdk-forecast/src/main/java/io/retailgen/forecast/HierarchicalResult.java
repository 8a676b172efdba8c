package io.retailgen.forecast;

import java.util.Map;
import java.util.Objects;

/**
 * Accuracy of reconciled forecasts of every node of a hierarchy on a holdout.
 *
 * @param reconciliation how the base forecasts were reconciled
 * @param overall the metrics over all nodes (reconciled forecasts)
 * @param maseByLevel mean MASE of each level's nodes after reconciliation, from {@code Total} down
 * @param baseMaseByLevel the same for the base (unreconciled) forecasts
 * @param coherenceError the largest absolute difference between a node's reconciled forecast and the sum of its
 *     children's
 */
public record HierarchicalResult(Reconciliation reconciliation, ForecastEvaluation overall,
        Map<String, Double> maseByLevel, Map<String, Double> baseMaseByLevel, double coherenceError) {

    /** Validates and copies. */
    public HierarchicalResult {
        Objects.requireNonNull(reconciliation, "reconciliation == null");
        Objects.requireNonNull(overall, "overall == null");
        maseByLevel = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(maseByLevel));
        baseMaseByLevel = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(baseMaseByLevel));
    }
}
