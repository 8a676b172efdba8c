package io.retailgen.forecast;

import java.util.Map;
import java.util.Objects;

/**
 * Accuracy of forecasts against held-out values, averaged over series (each series weighs the same). Metrics that
 * are undefined for a series (MAPE with all-zero actuals, MASE with a flat history) are left out of their mean.
 *
 * @param series the number of series
 * @param smape mean sMAPE in percent
 * @param mase mean MASE
 * @param mape mean MAPE in percent
 * @param crps mean CRPS scaled like MASE (divided by the in-sample naive mean absolute error)
 * @param coverage80 share of held-out points inside the 80% intervals
 * @param coverage95 share of held-out points inside the 95% intervals
 * @param fitSeconds wall-clock seconds to fit, forecast and simulate every series
 * @param smapeByGroup mean sMAPE per group (the frequency), in first-seen order
 */
public record ForecastEvaluation(int series, double smape, double mase, double mape, double crps, double coverage80,
        double coverage95, double fitSeconds, Map<String, Double> smapeByGroup) {

    /** Validates and copies. */
    public ForecastEvaluation {
        smapeByGroup = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
                Objects.requireNonNull(smapeByGroup, "smapeByGroup == null")));
    }
}
