package io.retailgen.forecast;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Inventory decisions from a {@link ScenarioSet}: reorder point and safety stock for a cycle service level or a fill
 * rate, with a fixed or an uncertain lead time, and the newsvendor order quantity. Lead-time demand on a path is the
 * sum of its first {@code L} steps. Stateless and thread-safe.
 *
 * <pre>{@code
 * InventoryPolicy p = Inventory.forServiceLevel(scenarios, 2, 0.95);
 * InventoryPolicy late = Inventory.forServiceLevel(scenarios, 2 + 3, 0.95);       // supplier disruption: +3 periods
 * double q = Inventory.newsvendor(scenarios, 0, 4, 10.0, 6.0, 2.0);            // price 10, cost 6, salvage 2
 * }</pre>
 */
public final class Inventory {

    private Inventory() {
    }

    /**
     * @param scenarios the demand paths
     * @param leadTime the lead time in periods, 1 to the horizon
     * @param serviceLevel the probability of no stock-out within a cycle, in (0, 1)
     * @return the safety stock
     */
    public static double safetyStock(ScenarioSet scenarios, int leadTime, double serviceLevel) {
        return forServiceLevel(scenarios, leadTime, serviceLevel).safetyStock();
    }

    /**
     * @param scenarios the demand paths
     * @param leadTime the lead time in periods, 1 to the horizon
     * @param serviceLevel the cycle service level, in (0, 1)
     * @return the policy whose reorder point is the {@code serviceLevel} quantile of lead-time demand
     */
    public static InventoryPolicy forServiceLevel(ScenarioSet scenarios, int leadTime, double serviceLevel) {
        checkLevel(serviceLevel, "serviceLevel");
        double[] ltd = scenarios.totals(0, checkLeadTime(scenarios, leadTime));
        return policy(ltd, serviceLevel);
    }

    /**
     * Uncertain lead time: each path draws its lead time from {@code leadTimes} with probabilities
     * {@code probabilities}.
     *
     * @param scenarios the demand paths
     * @param leadTimes possible lead times, each 1 to the horizon
     * @param probabilities their probabilities (non-negative, summing to 1 within 1e-6)
     * @param serviceLevel the cycle service level, in (0, 1)
     * @param seed the seed of the lead-time draws
     * @return the policy
     */
    public static InventoryPolicy forServiceLevel(ScenarioSet scenarios, int[] leadTimes, double[] probabilities,
            double serviceLevel, long seed) {
        checkLevel(serviceLevel, "serviceLevel");
        if (leadTimes.length == 0 || leadTimes.length != probabilities.length) {
            throw new IllegalArgumentException("need as many probabilities as lead times (>= 1), got "
                    + leadTimes.length + " and " + probabilities.length);
        }
        double total = 0;
        for (int i = 0; i < leadTimes.length; i++) {
            checkLeadTime(scenarios, leadTimes[i]);
            if (!(probabilities[i] >= 0)) {
                throw new IllegalArgumentException("probability " + probabilities[i] + " is negative");
            }
            total += probabilities[i];
        }
        if (Math.abs(total - 1) > 1e-6) {
            throw new IllegalArgumentException("probabilities sum to " + total + ", expected 1");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] ltd = new double[scenarios.paths()];
        for (int p = 0; p < ltd.length; p++) {
            double u = rng.nextDouble();
            int j = 0;
            double c = probabilities[0];
            while (u > c && j < leadTimes.length - 1) {
                c += probabilities[++j];
            }
            double s = 0;
            for (int k = 0; k < leadTimes[j]; k++) {
                s += scenarios.value(p, k);
            }
            ltd[p] = s;
        }
        return policy(ltd, serviceLevel);
    }

    /**
     * The smallest reorder point whose expected shortage per cycle is at most {@code (1 - fillRate) * orderQuantity}.
     *
     * @param scenarios the demand paths
     * @param leadTime the lead time
     * @param fillRate the share of demand met from stock, in (0, 1)
     * @param orderQuantity the order quantity per cycle, positive
     * @return the policy
     */
    public static InventoryPolicy forFillRate(ScenarioSet scenarios, int leadTime, double fillRate,
            double orderQuantity) {
        checkLevel(fillRate, "fillRate");
        if (!(orderQuantity > 0) || Double.isInfinite(orderQuantity)) {
            throw new IllegalArgumentException("orderQuantity must be positive, got " + orderQuantity);
        }
        double[] ltd = scenarios.totals(0, checkLeadTime(scenarios, leadTime));
        Arrays.sort(ltd);
        double allowed = (1 - fillRate) * orderQuantity;
        double lo = Math.min(0, ltd[0]);
        double hi = ltd[ltd.length - 1];
        for (int it = 0; it < 100; it++) {
            double mid = (lo + hi) / 2;
            if (expectedShortage(ltd, mid) <= allowed) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        double mean = mean(ltd);
        return new InventoryPolicy(hi, hi - mean, mean, fillRate);
    }

    /**
     * The newsvendor order quantity for the total demand of steps {@code [from, to)}: the critical-ratio quantile
     * {@code (price - cost) / (price - salvage)}.
     *
     * @param scenarios the demand paths
     * @param from first step, inclusive
     * @param to last step, exclusive
     * @param price unit selling price
     * @param cost unit cost, below the price
     * @param salvage unit salvage value of leftovers, below the cost
     * @return the order quantity
     */
    public static double newsvendor(ScenarioSet scenarios, int from, int to, double price, double cost,
            double salvage) {
        if (!(price > cost && cost > salvage)) {
            throw new IllegalArgumentException("need price > cost > salvage, got " + price + ", " + cost + ", "
                    + salvage);
        }
        double[] d = scenarios.totals(from, to);
        Arrays.sort(d);
        return ScenarioSet.sortedQuantile(d, (price - cost) / (price - salvage));
    }

    private static InventoryPolicy policy(double[] ltd, double level) {
        double mean = mean(ltd);
        double[] sorted = ltd.clone();
        Arrays.sort(sorted);
        double rop = ScenarioSet.sortedQuantile(sorted, level);
        return new InventoryPolicy(rop, rop - mean, mean, level);
    }

    private static double expectedShortage(double[] sorted, double r) {
        double s = 0;
        for (double d : sorted) {
            if (d > r) {
                s += d - r;
            }
        }
        return s / sorted.length;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static int checkLeadTime(ScenarioSet s, int leadTime) {
        Objects.requireNonNull(s, "scenarios == null");
        if (leadTime < 1 || leadTime > s.horizon()) {
            throw new IllegalArgumentException("lead time must be in [1, " + s.horizon()
                    + "] (the scenario horizon), got " + leadTime);
        }
        return leadTime;
    }

    private static void checkLevel(double v, String name) {
        if (!(v > 0 && v < 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1), got " + v);
        }
    }
}
