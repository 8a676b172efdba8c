package io.retailgen.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Base forecasts of a hierarchy's aggregate nodes (every node above the bottom level) made on the log scale: the same
 * forecaster fitted to {@code log(y)} from the node's first positive value, its paths exponentiated, the mean taken
 * over those paths (so it is the mean, not the median, of the back-transformed distribution) and the one-step fitted
 * values exponentiated. Sums of many series are smooth and grow roughly in proportion, where a multiplicative model is
 * the natural one (the Box-Cox transformation with lambda 0). Bottom nodes keep their forecasts; so does an aggregate
 * that has a non-positive value after its first positive one, fewer than two seasons (eight values without a season)
 * of positive history, or a back-transformed path that overflows. Used by
 * {@link Reconciliation#LOG_AGGREGATES_WLS_BOTTOM_UP}.
 */
final class LogScaleAggregates {

    private LogScaleAggregates() {
    }

    /**
     * @param forecaster makes the log-scale forecasts
     * @param data the hierarchy and every node's history
     * @param base one forecast per node of {@code data}, in node order
     * @return {@code base} with every aggregate node that qualifies forecast on the log scale
     */
    static List<Forecast> replace(ForecasterBase forecaster, HierarchicalData data, List<Forecast> base) {
        Hierarchy hier = data.hierarchy();
        int bottomLevel = hier.levelNames().size() - 1;
        int h = base.get(0).horizon();
        List<Integer> nodes = new ArrayList<>();
        List<Integer> leads = new ArrayList<>();
        List<TimeSeries> logs = new ArrayList<>();
        for (int i = 0; i < hier.size(); i++) {
            if (hier.level(i) == bottomLevel) {
                continue;
            }
            TimeSeries s = data.series().get(i);
            int lead = firstPositive(s.values());
            double[] log = logTail(s.values(), lead);
            int m = s.frequency().seasonalPeriod();
            if (log == null || log.length < (m > 1 ? Math.max(2 * m, 8) : 8)) {
                continue;
            }
            nodes.add(i);
            leads.add(lead);
            logs.add(new TimeSeries(s.id(), s.path(), s.frequency(), log, Map.of()));
        }
        List<Forecast> out = new ArrayList<>(base);
        if (logs.isEmpty()) {
            return out;
        }
        List<Forecast> onLog = forecaster.computeAll(logs, h);
        for (int j = 0; j < nodes.size(); j++) {
            Forecast back = backTransformed(onLog.get(j), leads.get(j), data.series().get(nodes.get(j)).length());
            if (back != null) {
                out.set(nodes.get(j), back);
            }
        }
        return out;
    }

    /** The index of the first value above zero; the length when there is none. */
    static int firstPositive(double[] y) {
        int t = 0;
        while (t < y.length && !(y[t] > 0)) {
            t++;
        }
        return t;
    }

    /** {@code log(y)} from {@code lead} on ({@code NaN} stays missing), or null when a value there is not positive. */
    static double[] logTail(double[] y, int lead) {
        double[] out = new double[y.length - lead];
        for (int t = 0; t < out.length; t++) {
            double v = y[lead + t];
            if (v <= 0) {
                return null;
            }
            out[t] = Math.log(v);
        }
        return out;
    }

    /**
     * The forecast of {@code y} from the forecast of {@code log(y)} on the history from {@code lead} on; null when a
     * path overflows.
     */
    static Forecast backTransformed(Forecast onLog, int lead, int historyLength) {
        double[][] paths = onLog.scenarios().toArray();
        int h = onLog.horizon();
        double[] mean = new double[h];
        for (double[] path : paths) {
            for (int k = 0; k < h; k++) {
                path[k] = Math.exp(path[k]);
                if (!Double.isFinite(path[k])) {
                    return null;
                }
                mean[k] += path[k] / paths.length;
            }
        }
        double[] fittedLog = onLog.fitted();
        double[] fitted = new double[historyLength];
        Arrays.fill(fitted, Double.NaN);
        for (int t = 0; t < fittedLog.length && lead + t < historyLength; t++) {
            fitted[lead + t] = Math.exp(fittedLog[t]);
        }
        String model = "log(" + onLog.model() + ")";
        return new Forecast(onLog.seriesId(), model, mean, new ScenarioSet(model, onLog.scenarios().seed(), paths),
                onLog.note(), fitted);
    }
}
