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
     * ETS, Theta and a log-scale damped trend (plus ARIMA(p,1,0) and SES for seasonal periods up to 4, then a trimmed
     * mean of five), with scenario paths pooled from the members.
     */
    ENSEMBLE,
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
