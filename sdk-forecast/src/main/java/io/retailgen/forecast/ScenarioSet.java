package io.retailgen.forecast;

import java.util.Arrays;
import java.util.Objects;

/**
 * A set of equally likely future paths of one series ({@code paths x horizon}), with the statistics planners need:
 * mean, quantiles, prediction intervals, stress tests. Immutable and thread-safe; every transformation returns a new
 * set. It records the model and the seed that made it.
 *
 * <pre>{@code
 * ScenarioSet s = forecaster.forecast(series, 12).scenarios();
 * double[] p90 = s.quantile(0.9);
 * ScenarioSet.Interval i95 = s.interval(0.95);
 * ScenarioSet promo = s.spike(1.5, 3);          // demand x1.5 from period 3 on (0-based)
 * double ss = Inventory.safetyStock(s, 2, 0.95); // lead time 2 periods, 95% cycle service level
 * }</pre>
 */
public final class ScenarioSet {

    private final String model;
    private final long seed;
    private final int paths;
    private final int horizon;
    private final double[] data;

    /**
     * @param model the model that generated the paths
     * @param seed the seed used
     * @param paths the path values, {@code paths[i][k]} is path i at step k (copied; all rows of equal length)
     */
    public ScenarioSet(String model, long seed, double[][] paths) {
        this(model, seed, Objects.requireNonNull(paths, "paths == null").length,
                paths.length == 0 ? 0 : paths[0].length, flatten(paths));
    }

    ScenarioSet(String model, long seed, int paths, int horizon, double[] data) {
        this.model = Objects.requireNonNull(model, "model == null");
        if (paths < 1 || horizon < 1) {
            throw new IllegalArgumentException("a scenario set needs at least 1 path and 1 step, got " + paths
                    + " x " + horizon);
        }
        if (data.length != paths * horizon) {
            throw new IllegalArgumentException("expected " + paths * horizon + " values, got " + data.length);
        }
        for (double v : data) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("scenario values must be finite, got " + v);
            }
        }
        this.seed = seed;
        this.paths = paths;
        this.horizon = horizon;
        this.data = data;
    }

    private static double[] flatten(double[][] p) {
        if (p.length == 0) {
            return new double[0];
        }
        int h = p[0].length;
        double[] d = new double[p.length * h];
        for (int i = 0; i < p.length; i++) {
            if (p[i].length != h) {
                throw new IllegalArgumentException("path " + i + " has " + p[i].length + " steps, expected " + h);
            }
            System.arraycopy(p[i], 0, d, i * h, h);
        }
        return d;
    }

    /** @return the model that generated the paths */
    public String model() {
        return model;
    }

    /** @return the seed that generated the paths */
    public long seed() {
        return seed;
    }

    /** @return the number of paths */
    public int paths() {
        return paths;
    }

    /** @return the number of steps */
    public int horizon() {
        return horizon;
    }

    /**
     * @param path the path index
     * @param step the 0-based step
     * @return the value
     */
    public double value(int path, int step) {
        Objects.checkIndex(path, paths);
        Objects.checkIndex(step, horizon);
        return data[path * horizon + step];
    }

    /**
     * @param path the path index
     * @return a copy of one path
     */
    public double[] path(int path) {
        Objects.checkIndex(path, paths);
        return Arrays.copyOfRange(data, path * horizon, (path + 1) * horizon);
    }

    /** @return a copy of all paths, {@code [path][step]} */
    public double[][] toArray() {
        double[][] out = new double[paths][];
        for (int i = 0; i < paths; i++) {
            out[i] = path(i);
        }
        return out;
    }

    /** @return the mean over paths at each step */
    public double[] mean() {
        double[] m = new double[horizon];
        for (int i = 0; i < paths; i++) {
            int o = i * horizon;
            for (int k = 0; k < horizon; k++) {
                m[k] += data[o + k];
            }
        }
        for (int k = 0; k < horizon; k++) {
            m[k] /= paths;
        }
        return m;
    }

    /**
     * Sample quantiles at each step (linear interpolation between order statistics, R's type 7).
     *
     * @param p the probability in [0, 1]
     * @return one quantile per step
     */
    public double[] quantile(double p) {
        checkProbability(p);
        double[] out = new double[horizon];
        double[] column = new double[paths];
        for (int k = 0; k < horizon; k++) {
            column(k, column);
            Arrays.sort(column);
            out[k] = sortedQuantile(column, p);
        }
        return out;
    }

    /**
     * The central prediction interval at each step, from the {@code (1-level)/2} and {@code (1+level)/2} quantiles.
     *
     * @param level the coverage, in (0, 1), for example 0.95
     * @return the interval
     */
    public Interval interval(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        double[] lo = new double[horizon];
        double[] hi = new double[horizon];
        double[] column = new double[paths];
        for (int k = 0; k < horizon; k++) {
            column(k, column);
            Arrays.sort(column);
            lo[k] = sortedQuantile(column, (1 - level) / 2);
            hi[k] = sortedQuantile(column, (1 + level) / 2);
        }
        return new Interval(level, lo, hi);
    }

    /**
     * Copies the values of one step across paths into {@code out}.
     *
     * @param step the step
     * @param out an array of {@link #paths()} entries
     */
    public void column(int step, double[] out) {
        Objects.checkIndex(step, horizon);
        for (int i = 0; i < paths; i++) {
            out[i] = data[i * horizon + step];
        }
    }

    /**
     * The total of steps {@code [from, to)} on each path, for example the demand over a lead time.
     *
     * @param from first step, inclusive
     * @param to last step, exclusive
     * @return one total per path
     */
    public double[] totals(int from, int to) {
        Objects.checkFromToIndex(from, to, horizon);
        double[] out = new double[paths];
        for (int i = 0; i < paths; i++) {
            double s = 0;
            for (int k = from; k < to; k++) {
                s += data[i * horizon + k];
            }
            out[i] = s;
        }
        return out;
    }

    /**
     * Stress test: demand multiplied by {@code factor} from step {@code fromStep} (0-based) on.
     *
     * @param factor the multiplier, at least 0
     * @param fromStep the first affected step
     * @return the stressed set
     */
    public ScenarioSet spike(double factor, int fromStep) {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("spike factor must be finite and >= 0, got " + factor);
        }
        Objects.checkIndex(fromStep, horizon);
        double[] d = data.clone();
        for (int i = 0; i < paths; i++) {
            for (int k = fromStep; k < horizon; k++) {
                d[i * horizon + k] *= factor;
            }
        }
        return new ScenarioSet(model + "+spike(" + factor + "@" + fromStep + ")", seed, paths, horizon, d);
    }

    /**
     * Adds a second set path by path (for example a store's and a region's demand); the sets must have the same
     * shape.
     *
     * @param other the other set
     * @return the sum
     */
    public ScenarioSet plus(ScenarioSet other) {
        if (other.paths != paths || other.horizon != horizon) {
            throw new IllegalArgumentException("shapes differ: " + paths + "x" + horizon + " vs " + other.paths
                    + "x" + other.horizon);
        }
        double[] d = data.clone();
        for (int i = 0; i < d.length; i++) {
            d[i] += other.data[i];
        }
        return new ScenarioSet("sum", seed, paths, horizon, d);
    }

    /**
     * Writes the paths as long CSV {@code path,step,value} (1-based step), the input format of most solvers.
     *
     * @param out where to write
     * @throws java.io.UncheckedIOException when writing fails
     */
    public void writeCsv(Appendable out) {
        try {
            out.append("path,step,value\n");
            for (int i = 0; i < paths; i++) {
                for (int k = 0; k < horizon; k++) {
                    out.append(Integer.toString(i)).append(',').append(Integer.toString(k + 1)).append(',')
                            .append(Double.toString(data[i * horizon + k])).append('\n');
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write scenarios: " + e.getMessage(), e);
        }
    }

    /**
     * @return a JSON object {@code {"model", "seed", "paths", "horizon", "mean", "values": [[...], ...]}}
     */
    public String toJson() {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode o = mapper.createObjectNode();
        o.put("model", model);
        o.put("seed", seed);
        o.put("paths", paths);
        o.put("horizon", horizon);
        com.fasterxml.jackson.databind.node.ArrayNode mean = o.putArray("mean");
        for (double v : mean()) {
            mean.add(v);
        }
        com.fasterxml.jackson.databind.node.ArrayNode values = o.putArray("values");
        for (int i = 0; i < paths; i++) {
            com.fasterxml.jackson.databind.node.ArrayNode row = values.addArray();
            for (int k = 0; k < horizon; k++) {
                row.add(data[i * horizon + k]);
            }
        }
        return io.retailgen.core.util.JsonText.write(mapper.writer(), o);
    }

    double[] raw() {
        return data;
    }

    static double sortedQuantile(double[] sorted, double p) {
        int n = sorted.length;
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(n - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    static void checkProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
        }
    }

    @Override
    public String toString() {
        return "ScenarioSet[" + model + ", " + paths + " paths x " + horizon + " steps, seed " + seed + "]";
    }

    /**
     * A prediction interval at each step.
     *
     * @param level the nominal coverage
     * @param lower lower bounds (copied)
     * @param upper upper bounds (copied)
     */
    public record Interval(double level, double[] lower, double[] upper) {
        /** Validates and copies. */
        public Interval {
            lower = lower.clone();
            upper = upper.clone();
            if (lower.length != upper.length) {
                throw new IllegalArgumentException("lower has " + lower.length + " steps, upper " + upper.length);
            }
        }

        /** @return a copy of the lower bounds */
        @Override
        public double[] lower() {
            return lower.clone();
        }

        /** @return a copy of the upper bounds */
        @Override
        public double[] upper() {
            return upper.clone();
        }
    }
}
