package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.core.data.DataValidator;
import io.retailgen.datasets.AusRetail;
import io.retailgen.testing.SharedData;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Base forecasters and reconciliations compared on the aus-retail hierarchy, chosen on a validation window inside
 * the training part: the 24 months before the held-out 24 (the history cut 24 months short, its last 24 months held
 * out; {@code -Dretailgen.compare.cut=48} cuts 48 months for the window before that). Reports reconciled MASE by level
 * on that validation window and, for the candidates named in
 * {@code -Dretailgen.compare.test=NAME,...}, on the held-out window. Takes minutes, so it runs only with
 * {@code -Dretailgen.compare=true}; it prints the tables of docs/BENCHMARKS.md ("aus-retail at every level").
 */
class HierarchyComparisonTest {

    static final int HOLDOUT = 24;

    /** One base forecaster under a name. */
    record Candidate(String name, Supplier<Forecaster> forecaster) {
    }

    /** Reconciled MASE by level of every reconciliation, and of the base forecasts, for one base forecaster. */
    static Map<String, Map<String, Double>> scores(HierarchicalData data, int holdout, Forecaster forecaster,
            List<Reconciliation> ways) {
        int len = data.periods().size();
        List<TimeSeries> train = new ArrayList<>();
        List<double[]> tests = new ArrayList<>();
        for (TimeSeries s : data.series()) {
            double[] v = s.values();
            train.add(new TimeSeries(s.id(), s.path(), s.frequency(), Arrays.copyOf(v, len - holdout), Map.of()));
            tests.add(Arrays.copyOfRange(v, len - holdout, len));
        }
        HierarchicalData trainData = new HierarchicalData(data.hierarchy(), data.periods().subList(0, len - holdout),
                train);
        List<Forecast> base = ((ForecasterBase) forecaster).computeAll(train, holdout);
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        out.put("base", byLevel(data.hierarchy(), train, tests, base));
        for (Reconciliation how : ways) {
            out.put(how.name().toLowerCase(Locale.ROOT),
                    byLevel(data.hierarchy(), train, tests, Reconciler.reconcile(trainData, base, how)));
        }
        if (Boolean.getBoolean("retailgen.compare.backtest")) {
            double[][] errors = backtestErrors(trainData, holdout, forecaster);
            out.put("mint_backtest", byLevel(data.hierarchy(), train, tests,
                    Reconciler.reconcileWithErrors(trainData, base, errors, "mint_backtest")));
        }
        return out;
    }

    /** Every node's errors over the last {@code h} periods of {@code data}, forecast from {@code h} periods before. */
    static double[][] backtestErrors(HierarchicalData data, int h, Forecaster forecaster) {
        HierarchicalData head = cut(data, h);
        List<Forecast> fc = ((ForecasterBase) forecaster).computeAll(head.series(), h);
        int len = data.periods().size();
        double[][] e = new double[fc.size()][h];
        for (int i = 0; i < fc.size(); i++) {
            double[] y = data.series().get(i).values();
            for (int k = 0; k < h; k++) {
                e[i][k] = y[len - h + k] - fc.get(i).mean()[k];
            }
        }
        return e;
    }

    static Map<String, Double> byLevel(Hierarchy hier, List<TimeSeries> train, List<double[]> tests,
            List<Forecast> fc) {
        int levels = hier.levelNames().size();
        double[] sum = new double[levels];
        int[] count = new int[levels];
        for (int i = 0; i < hier.size(); i++) {
            double m = Metrics.mase(train.get(i).values(), tests.get(i), fc.get(i).mean(),
                    train.get(i).frequency().seasonalPeriod());
            if (Double.isFinite(m)) {
                sum[hier.level(i)] += m;
                count[hier.level(i)]++;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int l = 0; l < levels; l++) {
            out.put(hier.levelNames().get(l), sum[l] / count[l]);
        }
        return out;
    }

    /** The history without its last {@code months} periods. */
    static HierarchicalData cut(HierarchicalData data, int months) {
        int len = data.periods().size() - months;
        List<TimeSeries> series = new ArrayList<>();
        for (TimeSeries s : data.series()) {
            series.add(new TimeSeries(s.id(), s.path(), s.frequency(), Arrays.copyOf(s.values(), len), Map.of()));
        }
        return new HierarchicalData(data.hierarchy(), data.periods().subList(0, len), series);
    }

    static List<Candidate> candidates() {
        return List.of(
                new Candidate("auto", () -> Forecaster.builder().build()),
                new Candidate("ets", () -> Forecaster.builder().method(Method.ETS).build()));
    }

    static void table(HierarchicalData aus, List<String> onTest, PrintStream out) {
        List<Reconciliation> ways = List.of(Reconciliation.MINT_SHRINK, Reconciliation.WLS_STRUCTURAL,
                Reconciliation.WLS_VARIANCE, Reconciliation.BOTTOM_UP);
        HierarchicalData validation = cut(aus, Integer.getInteger("retailgen.compare.cut", HOLDOUT));
        String only = System.getProperty("retailgen.compare.only", "");
        for (Candidate c : candidates()) {
            if (!only.isEmpty() && !List.of(only.split(",")).contains(c.name())) {
                continue;
            }
            print(out, "validation", c.name(), scores(validation, HOLDOUT, c.forecaster().get(), ways));
            if (onTest.contains(c.name())) {
                print(out, "held-out", c.name(), scores(aus, HOLDOUT, c.forecaster().get(), ways));
            }
        }
    }

    private static void print(PrintStream out, String window, String name, Map<String, Map<String, Double>> s) {
        s.forEach((how, levels) -> {
            StringBuilder row = new StringBuilder("| " + window + " | " + name + " | " + how);
            levels.forEach((level, v) -> row.append(String.format(Locale.ROOT, " | %.3f", v)));
            out.println(row.append(" |"));
        });
        out.flush();
    }

    static HierarchicalData ausRetail() {
        return TimeSeriesReader.readHierarchical(SharedData.require("timeseries/aus-retail.csv"),
                AusRetail.TIME_COLUMN, AusRetail.VALUE_COLUMN, AusRetail.HIERARCHY, DataValidator.lenient());
    }

    @Test
    void comparesBaseForecastersAndReconciliations() {
        Assumptions.assumeTrue(Boolean.getBoolean("retailgen.compare"),
                "the aus-retail comparison takes minutes: run with -Dretailgen.compare=true");
        HierarchicalData aus = ausRetail();
        String names = System.getProperty("retailgen.compare.test", "");
        table(aus, List.of(names.split(",")), System.out);
        assertThat(aus.hierarchy().levelNames()).containsExactly("Total", "State", "Industry");
    }
}
