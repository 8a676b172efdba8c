package io.retailgen.forecast;

import java.util.Map;

/**
 * A model that samples future paths of a series conditioned on drivers known ahead (discount depth, channel mix).
 * Implementations are immutable and thread-safe.
 *
 * <pre>{@code
 * ScenarioSet base = model.sample(series, 8, Map.of("discount", zeros), 1000, 7);
 * ScenarioSet promo = model.sample(series, 8, Map.of("discount", twenty), 1000, 7); // what-if
 * }</pre>
 */
public interface GenerativeScenarioModel {

    /**
     * @param history the series
     * @param horizon the number of steps
     * @param futureDrivers driver values for the {@code horizon} future steps, by covariate name
     * @param paths the number of paths
     * @param seed the seed
     * @return the sampled paths
     */
    ScenarioSet sample(TimeSeries history, int horizon, Map<String, double[]> futureDrivers, int paths, long seed);

    /** @return a short description, for example the model version */
    String name();
}
