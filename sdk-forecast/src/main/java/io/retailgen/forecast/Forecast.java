package io.retailgen.forecast;

import java.util.Objects;

/**
 * The forecast of one series: the point forecast and the scenario paths it came with.
 *
 * @param seriesId the series
 * @param model the model that made it, for example {@code "ensemble[ETS(M,Ad,N),Theta,Damped]"}
 * @param mean the point forecast for steps 1..h (copied)
 * @param scenarios the simulated future paths
 * @param note how the input was treated when a data rule applied ("constant series", "interpolated 3 missing"), or
 *     empty
 * @param fitted the in-sample one-step-ahead fitted values, aligned with the history ({@code NaN} where there is
 *     none); used for residual covariances in reconciliation (copied)
 */
public record Forecast(String seriesId, String model, double[] mean, ScenarioSet scenarios, String note,
        double[] fitted) {

    /** Validates and copies. */
    public Forecast {
        Objects.requireNonNull(seriesId, "seriesId == null");
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(scenarios, "scenarios == null");
        Objects.requireNonNull(note, "note == null");
        mean = Objects.requireNonNull(mean, "mean == null").clone();
        fitted = Objects.requireNonNull(fitted, "fitted == null").clone();
        if (mean.length != scenarios.horizon()) {
            throw new IllegalArgumentException("mean has " + mean.length + " steps but the scenarios "
                    + scenarios.horizon());
        }
    }

    /** @return a copy of the point forecast */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** @return a copy of the in-sample fitted values */
    @Override
    public double[] fitted() {
        return fitted.clone();
    }

    /** @return the horizon */
    public int horizon() {
        return mean.length;
    }
}
