package io.retailgen.forecast;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Stress tests as transformations of scenarios, for allocation and inventory what-ifs: a demand spike that decays, a
 * store closure, and a supplier disruption as a distribution of delivery delays. Each returns new values and leaves
 * its input unchanged.
 *
 * <pre>{@code
 * ScenarioSet viral = ScenarioStress.spikeWithDecay(s, 3.0, 1, 2.0);   // x3 at step 1, half the excess every 2 steps
 * ScenarioSet closed = ScenarioStress.closure(s, 2, 4);                // no demand in steps 2 and 3
 * int[] arrival = ScenarioStress.supplierDelays(s.paths(), new int[] {0, 1, 3}, new double[] {.6, .3, .1}, 7L);
 * }</pre>
 */
public final class ScenarioStress {

    private ScenarioStress() {
    }

    /**
     * Multiplies demand from {@code fromStep} on by {@code 1 + (peak - 1) * 0.5^((t - fromStep) / halfLife)}: the
     * full spike at {@code fromStep}, its excess halving every {@code halfLife} steps.
     *
     * @param s the scenarios
     * @param peak the multiplier at the first step, {@code >= 0}
     * @param fromStep the first step hit, 0-based
     * @param halfLife steps for the excess over 1 to halve, {@code > 0}
     * @return the stressed scenarios
     */
    public static ScenarioSet spikeWithDecay(ScenarioSet s, double peak, int fromStep, double halfLife) {
        Objects.requireNonNull(s, "scenarios == null");
        if (!(peak >= 0) || Double.isInfinite(peak)) {
            throw new IllegalArgumentException("peak must be finite and >= 0, got " + peak);
        }
        if (!(halfLife > 0)) {
            throw new IllegalArgumentException("halfLife must be > 0, got " + halfLife);
        }
        step(s, fromStep);
        double[][] p = s.toArray();
        for (double[] row : p) {
            for (int t = fromStep; t < row.length; t++) {
                row[t] *= 1 + (peak - 1) * Math.pow(0.5, (t - fromStep) / halfLife);
            }
        }
        return new ScenarioSet(s.model() + " spike x" + peak + " half-life " + halfLife, s.seed(), p);
    }

    /**
     * A store closed over {@code [fromStep, toStep)}: no demand there.
     *
     * @param s the store's scenarios
     * @param fromStep the first closed step, 0-based
     * @param toStep the step it opens again (exclusive; at most the horizon)
     * @return the stressed scenarios
     */
    public static ScenarioSet closure(ScenarioSet s, int fromStep, int toStep) {
        Objects.requireNonNull(s, "scenarios == null");
        step(s, fromStep);
        if (toStep <= fromStep || toStep > s.horizon()) {
            throw new IllegalArgumentException("toStep must be in (" + fromStep + ", " + s.horizon() + "], got "
                    + toStep);
        }
        double[][] p = s.toArray();
        for (double[] row : p) {
            java.util.Arrays.fill(row, fromStep, toStep, 0);
        }
        return new ScenarioSet(s.model() + " closed " + fromStep + "-" + toStep, s.seed(), p);
    }

    /**
     * A supplier disruption: for each scenario, the step at which the order arrives, drawn from a distribution of
     * delays (for {@link AllocationProblem.Builder#arrival}). Demand before the arrival can only be served from the
     * stock in the stores.
     *
     * @param scenarios how many scenarios
     * @param delays the possible delays in steps, {@code >= 0}
     * @param probabilities their probabilities, {@code >= 0}, summing to 1 (within 1e-9)
     * @param seed the seed of the draws
     * @return one arrival step per scenario
     */
    public static int[] supplierDelays(int scenarios, int[] delays, double[] probabilities, long seed) {
        if (scenarios < 1) {
            throw new IllegalArgumentException("scenarios must be >= 1, got " + scenarios);
        }
        if (delays.length == 0 || delays.length != probabilities.length) {
            throw new IllegalArgumentException("need one probability per delay, got " + delays.length + " delays and "
                    + probabilities.length + " probabilities");
        }
        double sum = 0;
        for (int i = 0; i < delays.length; i++) {
            if (delays[i] < 0 || !(probabilities[i] >= 0)) {
                throw new IllegalArgumentException("delay " + delays[i] + " with probability " + probabilities[i]
                        + ": delays and probabilities must be >= 0");
            }
            sum += probabilities[i];
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("probabilities must sum to 1, got " + sum);
        }
        SplittableRandom r = new SplittableRandom(seed);
        int[] out = new int[scenarios];
        for (int k = 0; k < scenarios; k++) {
            double u = r.nextDouble();
            int i = 0;
            for (double c = probabilities[0]; u >= c && i < delays.length - 1; c += probabilities[++i]) {
                // walk the cumulative distribution
            }
            out[k] = delays[i];
        }
        return out;
    }

    private static void step(ScenarioSet s, int fromStep) {
        if (fromStep < 0 || fromStep >= s.horizon()) {
            throw new IllegalArgumentException("fromStep must be in [0, " + s.horizon() + "), got " + fromStep);
        }
    }
}
