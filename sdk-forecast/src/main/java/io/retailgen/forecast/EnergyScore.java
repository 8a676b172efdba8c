package io.retailgen.forecast;

import java.util.Objects;

/**
 * The energy score of a set of paths against the observed path, a proper score for the whole multi-step path (so it
 * rewards paths whose steps move together as the data do, which per-step scores such as the CRPS cannot see):
 * {@code ES = E||X - y|| - E||X - X'|| / 2} with the Euclidean norm over the horizon (Gneiting, Stanberry, Grimit,
 * Held and Johnson, "Assessing probabilistic forecasts of multivariate quantities", TEST 17, 2008). The second
 * expectation is estimated from consecutive pairs of the (independent, equally likely) paths, which costs
 * {@code O(paths * horizon)} instead of the quadratic all-pairs sum.
 */
final class EnergyScore {

    private EnergyScore() {
    }

    /**
     * @param actual the observed path
     * @param scenarios paths of the same horizon
     * @return the energy score, in the units of the data; lower is better
     */
    static double of(double[] actual, ScenarioSet scenarios) {
        Objects.requireNonNull(scenarios, "scenarios == null");
        if (actual.length != scenarios.horizon()) {
            throw new IllegalArgumentException("actual has " + actual.length + " values, scenarios "
                    + scenarios.horizon() + " steps");
        }
        int n = scenarios.paths();
        double toActual = 0;
        double between = 0;
        for (int i = 0; i < n; i++) {
            double[] x = scenarios.path(i);
            double[] next = scenarios.path((i + 1) % n);
            double a = 0;
            double b = 0;
            for (int k = 0; k < x.length; k++) {
                a += (x[k] - actual[k]) * (x[k] - actual[k]);
                b += (x[k] - next[k]) * (x[k] - next[k]);
            }
            toActual += Math.sqrt(a);
            between += Math.sqrt(b);
        }
        return toActual / n - (n > 1 ? between / n / 2 : 0);
    }
}
