package io.retailgen.forecast;

import java.util.Arrays;
import java.util.Locale;

/** Which model a {@link Forecaster} uses. */
public enum Method {
    /** The recommended default: the statistical ensemble ({@link #ENSEMBLE} without a generative model). */
    AUTO,
    /** Automatic ETS: the state-space model with the smallest AICc. */
    ETS,
    /** Theta (SES with drift) on seasonally adjusted data, as R's {@code thetaf}. */
    THETA,
    /** The last season repeated. */
    SEASONAL_NAIVE,
    /** Damped-trend exponential smoothing on seasonally adjusted data. */
    DAMPED,
    /**
     * For seasonal periods up to 4 (yearly, quarterly, other) ETS, Theta, ARIMA(p,1,0), the dynamic optimised
     * Theta model and a random walk with median drift, plus Theta on the log scale for period 1; for longer periods
     * ETS, ETS and Theta on the log scale, Theta and a log-scale damped trend. The point forecast weights each member
     * by its inverse squared error when refitted without the last horizon of the history; scenario paths are pooled
     * from the members in proportion to the weights. Intermittent series get Croston, TSB and ADIDA instead.
     */
    ENSEMBLE,
    /** The dynamic optimised Theta model (Fiorucci et al. 2016) on seasonally adjusted data. */
    DOTM,
    /** Complex exponential smoothing (Svetunkov, Kourentzes and Ord 2022) on seasonally adjusted data. */
    CES,
    /** The conditional generative scenario model; needs a trained {@link GenerativeScenarioModel}. */
    GENERATIVE;

    /**
     * Parses a method name case-insensitively ({@code seasonal-naive} and {@code seasonal_naive} both work).
     *
     * @param name the name
     * @return the method
     * @throws IllegalArgumentException naming the valid values
     */
    public static Method parse(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Method m : values()) {
            if (m.name().equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown method '" + name + "', expected one of "
                + Arrays.toString(values()).toLowerCase(Locale.ROOT));
    }
}
