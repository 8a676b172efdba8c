package io.retailgen.forecast;

/** How base forecasts of every node of a {@link Hierarchy} are made coherent. */
public enum Reconciliation {
    /** Keep the bottom forecasts and sum them up the tree. */
    BOTTOM_UP,
    /** Split the top forecast down by each bottom series' share of the total history (Gross and Sohl, method F). */
    TOP_DOWN,
    /**
     * Minimum trace reconciliation (Wickramasuriya, Athanasopoulos, Hyndman 2019) with the in-sample one-step
     * residual covariance shrunk towards its diagonal (Schäfer and Strimmer 2005).
     */
    MINT_SHRINK,
    /**
     * Weighted least squares with structural scaling: each node's error variance taken proportional to the number of
     * bottom series it sums (Athanasopoulos, Hyndman, Kourentzes and Petropoulos 2017); needs no residuals.
     */
    WLS_STRUCTURAL,
    /** Weighted least squares with each node's in-sample one-step residual variance (MinT with a diagonal W). */
    WLS_VARIANCE,
    /**
     * A convex combination {@code a * MINT_SHRINK + (1 - a) * BOTTOM_UP} of the two projections (coherent for every
     * {@code a}), with the share {@code a} of MinT chosen on a validation window: the base forecasts of every node made
     * from the history without its last periods, reconciled with each share in 0, 0.1, ..., 1, scored by the geometric
     * mean over the levels of each level's mean MASE. Needs those validation forecasts, so it is available through
     * {@link Forecaster#forecastHierarchy} and {@link Evaluation#hierarchical}, which make them (a second pass of the
     * base forecaster over the shortened history).
     */
    MINT_BOTTOM_UP_VALIDATED,
    /**
     * The aggregate nodes (every level above the bottom) forecast on the log scale by the same forecaster (see
     * {@code LogScaleAggregates}: fitted to {@code log(y)}, paths exponentiated), then a convex combination {@code a *
     * WLS_VARIANCE + (1 - a) * BOTTOM_UP} of the two projections, with the share {@code a} chosen on two validation
     * windows: the last {@code h} periods of the history and the {@code h} before them, each forecast from the
     * history before it (aggregates again on the log scale), scored as for {@link #MINT_BOTTOM_UP_VALIDATED} and
     * summed over the two windows. Like that one it needs the forecaster: available through
     * {@link Forecaster#forecastHierarchy} and {@link Evaluation#hierarchical} (two more passes of the base forecaster
     * over shortened histories).
     */
    LOG_AGGREGATES_WLS_BOTTOM_UP
}
