package io.retailgen.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates a {@link Forecaster} on held-out data: competition style (each series' test rows are the horizon) and
 * rolling-origin backtests. Stateless and thread-safe.
 *
 * <pre>{@code
 * List<LabeledSeries> m3 = MCompetition.read(Path.of("m3.csv"), DataValidator.lenient()).stream()   // sdk-datasets
 *         .map(s -> LabeledSeries.of(s.id(), s.path(), s.frequency(), s.train(), s.test())).toList();
 * ForecastEvaluation r = Evaluation.evaluate(m3, Forecaster.builder().build());
 * }</pre>
 */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * Forecasts every series over its test horizon (in parallel on the forecaster's executor, without passing its
     * interceptors) and scores it.
     *
     * @param data the series with held-out values
     * @param forecaster the forecaster
     * @return the averaged metrics
     */
    public static ForecastEvaluation evaluate(List<LabeledSeries> data, Forecaster forecaster) {
        Objects.requireNonNull(forecaster, "forecaster == null");
        long t0 = System.nanoTime();
        List<LabeledSeries> usable = data.stream().filter(d -> d.horizon() > 0).toList();
        ForecasterBase f = (ForecasterBase) forecaster;
        List<Forecast> forecasts = ForecastExecutor.map(f.executor(), usable, d -> f.compute(d.train(), d.horizon()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        return score(usable, forecasts, seconds);
    }

    private static ForecastEvaluation score(List<LabeledSeries> usable, List<Forecast> forecasts, double seconds) {
        Mean smape = new Mean();
        Mean mase = new Mean();
        Mean mape = new Mean();
        Mean crps = new Mean();
        long in80 = 0;
        long in95 = 0;
        long points = 0;
        Map<String, Mean> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < usable.size(); i++) {
            LabeledSeries d = usable.get(i);
            Forecast f = forecasts.get(i);
            double[] test = d.test();
            double[] hist = d.train().values();
            int m = d.train().frequency().seasonalPeriod();
            double s = Metrics.smape(test, f.mean());
            smape.add(s);
            byGroup.computeIfAbsent(d.train().frequency().name().toLowerCase(java.util.Locale.ROOT),
                    k -> new Mean()).add(s);
            mase.add(Metrics.mase(hist, test, f.mean(), m));
            mape.add(Metrics.mape(test, f.mean()));
            double scale = Metrics.naiveScale(hist, m);
            crps.add(scale > 0 ? Metrics.crps(test, f.scenarios()) / scale : Double.NaN);
            in80 += Math.round(Metrics.coverage(test, f.scenarios().interval(0.8)) * test.length);
            in95 += Math.round(Metrics.coverage(test, f.scenarios().interval(0.95)) * test.length);
            points += test.length;
        }
        Map<String, Double> groups = new LinkedHashMap<>();
        byGroup.forEach((k, v) -> groups.put(k, v.value()));
        return new ForecastEvaluation(usable.size(), smape.value(), mase.value(), mape.value(), crps.value(),
                points == 0 ? Double.NaN : (double) in80 / points, points == 0 ? Double.NaN : (double) in95 / points,
                seconds, groups);
    }

    /**
     * A rolling-origin backtest: forecasts {@code horizon} steps from each of {@code origins} origins, the last one
     * {@code horizon} steps before the end and each earlier one {@code step} periods before the next, and scores
     * every origin as a held-out series.
     *
     * @param series the full history
     * @param horizon the forecast horizon
     * @param origins the number of origins, at least 1
     * @param step the distance between origins, at least 1
     * @param forecaster the forecaster
     * @return the metrics averaged over origins
     */
    public static ForecastEvaluation backtest(TimeSeries series, int horizon, int origins, int step,
            Forecaster forecaster) {
        if (horizon < 1 || origins < 1 || step < 1) {
            throw new IllegalArgumentException("horizon, origins and step must be >= 1, got " + horizon + ", "
                    + origins + ", " + step);
        }
        int n = series.length();
        int firstEnd = n - horizon - (origins - 1) * step;
        if (firstEnd < 1) {
            throw new IllegalArgumentException("series " + series.id() + " has " + n + " values; " + origins
                    + " origins " + step + " apart with horizon " + horizon + " need at least "
                    + (horizon + (origins - 1) * step + 1));
        }
        double[] v = series.values();
        List<LabeledSeries> folds = new ArrayList<>();
        for (int o = 0; o < origins; o++) {
            int end = firstEnd + o * step;
            double[] train = java.util.Arrays.copyOfRange(v, 0, end);
            double[] test = java.util.Arrays.copyOfRange(v, end, end + horizon);
            folds.add(new LabeledSeries(new TimeSeries(series.id() + "@" + end, series.path(), series.frequency(),
                    train, Map.of()), test));
        }
        return evaluate(folds, forecaster);
    }

    /**
     * Holds out the last {@code holdout} periods of every node, forecasts every node, reconciles, and scores the
     * reconciled forecasts (MASE with the seasonal lag of the data's frequency, 12 for monthly data).
     *
     * @param data the hierarchy with the full history of every node
     * @param holdout the number of held-out periods, at least 1
     * @param forecaster the base forecaster
     * @param how the reconciliation
     * @return the result
     */
    public static HierarchicalResult hierarchical(HierarchicalData data, int holdout, Forecaster forecaster,
            Reconciliation how) {
        Objects.requireNonNull(forecaster, "forecaster == null");
        int len = data.periods().size();
        if (holdout < 1 || holdout >= len - 2) {
            throw new IllegalArgumentException("holdout must be in [1, " + (len - 3) + "] for " + len
                    + " periods, got " + holdout);
        }
        Hierarchy hier = data.hierarchy();
        List<TimeSeries> train = new ArrayList<>();
        List<double[]> tests = new ArrayList<>();
        for (TimeSeries s : data.series()) {
            double[] v = s.values();
            train.add(new TimeSeries(s.id(), s.path(), s.frequency(), java.util.Arrays.copyOf(v, len - holdout),
                    Map.of()));
            tests.add(java.util.Arrays.copyOfRange(v, len - holdout, len));
        }
        HierarchicalData trainData = new HierarchicalData(hier, data.periods().subList(0, len - holdout), train);
        long t0 = System.nanoTime();
        List<Forecast> base = ((ForecasterBase) forecaster).computeAll(train, holdout);
        List<Forecast> rec = Reconciler.reconcile(trainData, base, how, (ForecasterBase) forecaster);
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<LabeledSeries> labeled = new ArrayList<>();
        for (int i = 0; i < hier.size(); i++) {
            labeled.add(new LabeledSeries(train.get(i), tests.get(i)));
        }
        ForecastEvaluation overall = score(labeled, rec, seconds);
        Map<String, Double> byLevel = maseByLevel(hier, labeled, rec);
        Map<String, Double> baseByLevel = maseByLevel(hier, labeled, base);
        double[][] means = new double[hier.size()][];
        for (int i = 0; i < hier.size(); i++) {
            means[i] = rec.get(i).mean();
        }
        return new HierarchicalResult(how, overall, byLevel, baseByLevel, hier.coherenceError(means));
    }

    private static Map<String, Double> maseByLevel(Hierarchy hier, List<LabeledSeries> data, List<Forecast> fc) {
        Mean[] levels = new Mean[hier.levelNames().size()];
        for (int l = 0; l < levels.length; l++) {
            levels[l] = new Mean();
        }
        for (int i = 0; i < hier.size(); i++) {
            LabeledSeries d = data.get(i);
            levels[hier.level(i)].add(Metrics.mase(d.train().values(), d.test(), fc.get(i).mean(),
                    d.train().frequency().seasonalPeriod()));
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int l = 0; l < levels.length; l++) {
            out.put(hier.levelNames().get(l), levels[l].value());
        }
        return out;
    }

    /** A mean that skips NaN. */
    static final class Mean {
        private double sum;
        private long count;

        void add(double v) {
            if (!Double.isNaN(v)) {
                sum += v;
                count++;
            }
        }

        double value() {
            return count == 0 ? Double.NaN : sum / count;
        }
    }
}
