package io.retailgen.forecast;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Inventory decisions from a {@link ScenarioSet}: reorder point and safety stock for a cycle service level or a fill
 * rate, with a fixed or an uncertain lead time, and the newsvendor order quantity. Lead-time demand on a path is the
 * sum of its first {@code L} steps. Stateless and thread-safe.
 *
 * <p>Numerics: lead-time demand is summed in units of a power of two near the largest scenario value, so values from
 * {@code 1e-300} to {@code 1e300} in one set neither overflow nor lose the large terms, and results for ordinary data
 * are unchanged to the last bit. A result that does not fit a finite {@code double} fails with a
 * {@link RetailGenException} ({@link ErrorCode#INVALID_DATA}) that says so. The safety stock is never negative: when
 * the quantile lies below the mean lead-time demand (strongly right-skewed demand, or a fill rate already met by a
 * large order quantity) the reorder point is the mean and the safety stock 0.
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
        int[] fixed = new int[scenarios.paths()];
        Arrays.fill(fixed, checkLeadTime(scenarios, leadTime));
        Scaled ltd = leadTimeDemand(scenarios, 0, fixed);
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
        int[] drawn = new int[scenarios.paths()];
        for (int p = 0; p < drawn.length; p++) {
            double u = rng.nextDouble();
            int j = 0;
            double c = probabilities[0];
            while (u > c && j < leadTimes.length - 1) {
                c += probabilities[++j];
            }
            drawn[p] = leadTimes[j];
        }
        return policy(leadTimeDemand(scenarios, 0, drawn), serviceLevel);
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
        int[] fixed = new int[scenarios.paths()];
        Arrays.fill(fixed, checkLeadTime(scenarios, leadTime));
        Scaled demand = leadTimeDemand(scenarios, 0, fixed);
        double[] ltd = demand.values();
        Arrays.sort(ltd);
        double allowed = (1 - fillRate) * (orderQuantity / demand.unit());
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
        return finish(demand, hi, mean(ltd), fillRate);
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
        Objects.requireNonNull(scenarios, "scenarios == null");
        Objects.checkFromToIndex(from, to, scenarios.horizon());
        int[] steps = new int[scenarios.paths()];
        Arrays.fill(steps, to);
        Scaled d = leadTimeDemand(scenarios, from, steps);
        double[] sorted = d.values();
        Arrays.sort(sorted);
        double q = quantile(sorted, (price - cost) / (price - salvage)) * d.unit();
        if (!Double.isFinite(q)) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "demand over steps " + from + ".." + to
                    + " is too large for a double; rescale the data, for example to thousands of units");
        }
        return q;
    }

    private static InventoryPolicy policy(Scaled ltd, double level) {
        double[] sorted = ltd.values();
        double mean = mean(sorted);
        Arrays.sort(sorted);
        return finish(ltd, quantile(sorted, level), mean, level);
    }

    /** Demand of steps {@code [from, to[p])} of each path in units of a power of two near the largest value. */
    private record Scaled(double[] values, double unit) {
    }

    private static Scaled leadTimeDemand(ScenarioSet s, int from, int[] to) {
        double largest = 0;
        for (int p = 0; p < to.length; p++) {
            for (int k = from; k < to[p]; k++) {
                largest = Math.max(largest, Math.abs(s.value(p, k)));
            }
        }
        double unit = largest == 0 ? 1 : Math.scalb(1.0, Math.getExponent(largest));
        double[] out = new double[to.length];
        for (int p = 0; p < out.length; p++) {
            double sum = 0;
            for (int k = from; k < to[p]; k++) {
                sum += s.value(p, k) / unit;
            }
            out[p] = sum;
        }
        return new Scaled(out, unit);
    }

    /** The policy in the scenarios' own units; reorder point at least the mean, so safety stock is never negative. */
    private static InventoryPolicy finish(Scaled demand, double reorderPoint, double mean, double target) {
        double rop = Math.max(reorderPoint, mean);
        double safety = rop - mean;
        InventoryPolicy p = new InventoryPolicy(rop * demand.unit(), safety * demand.unit(), mean * demand.unit(),
                target);
        if (!Double.isFinite(p.reorderPoint()) || !Double.isFinite(p.safetyStock())
                || !Double.isFinite(p.meanLeadTimeDemand())) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, String.format(Locale.ROOT, "lead-time demand is "
                    + "too large for a double: reorder point %.3g x %.3g, mean %.3g x %.3g, beyond the largest finite "
                    + "double (about 1.8e308); rescale the data, for example to thousands of units", rop,
                    demand.unit(), mean, demand.unit()));
        }
        return p;
    }

    /** {@link ScenarioSet#sortedQuantile} written as a weighted mean, which cannot overflow for finite values. */
    private static double quantile(double[] sorted, double level) {
        int n = sorted.length;
        double h = (n - 1) * level;
        int lo = (int) Math.floor(h);
        int hi = Math.min(n - 1, lo + 1);
        double w = h - lo;
        double q = ScenarioSet.sortedQuantile(sorted, level);
        return Double.isFinite(q) ? q : (1 - w) * sorted[lo] + w * sorted[hi];
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

    /** The mean, summed in units of the largest magnitude so that it cannot overflow. */
    private static double mean(double[] v) {
        double largest = 0;
        for (double x : v) {
            largest = Math.max(largest, Math.abs(x));
        }
        double unit = largest == 0 ? 1 : Math.scalb(1.0, Math.getExponent(largest));
        double s = 0;
        for (double x : v) {
            s += x / unit;
        }
        return s / v.length * unit;
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
