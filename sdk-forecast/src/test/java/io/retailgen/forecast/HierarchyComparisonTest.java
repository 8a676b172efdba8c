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
 * {@link #comparesMixturesOfReconciliations} ({@code -Dretailgen.compare.mix=true}) prints the blends of MinT-shrink
 * and bottom-up and the share {@link Reconciler#validatedMintShare} chooses ("A validated blend of MinT-shrink and
 * bottom-up").
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
        return out;
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
        return Reconciler.head(data, months);
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

    /** One window: the history before it, its actual values and the base forecasts made at its origin. */
    record Window(HierarchicalData train, List<double[]> tests, List<Forecast> base) {
    }

    static Window window(HierarchicalData aus, int cut, Forecaster forecaster) {
        HierarchicalData upTo = cut(aus, cut);
        HierarchicalData train = cut(upTo, HOLDOUT);
        int len = upTo.periods().size();
        List<double[]> tests = new ArrayList<>();
        for (TimeSeries s : upTo.series()) {
            tests.add(Arrays.copyOfRange(s.values(), len - HOLDOUT, len));
        }
        return new Window(train, tests, ((ForecasterBase) forecaster).computeAll(train.series(), HOLDOUT));
    }

    /** MASE by level of the reconciled means {@code S G yhat}. */
    static Map<String, Double> meansByLevel(Window w, double[][] g) {
        Hierarchy hier = w.train().hierarchy();
        double[][] yhat = new double[hier.size()][];
        for (int i = 0; i < yhat.length; i++) {
            yhat[i] = w.base().get(i).mean();
        }
        double[][] bottom = new double[g.length][HOLDOUT];
        for (int b = 0; b < g.length; b++) {
            for (int i = 0; i < yhat.length; i++) {
                for (int k = 0; k < HOLDOUT && g[b][i] != 0; k++) {
                    bottom[b][k] += g[b][i] * yhat[i][k];
                }
            }
        }
        double[][] rec = hier.aggregate(bottom);
        List<Forecast> fc = new ArrayList<>();
        for (int i = 0; i < rec.length; i++) {
            Forecast f = w.base().get(i);
            fc.add(new Forecast(f.seriesId(), f.model(), rec[i], f.scenarios(), f.note(), f.fitted()));
        }
        return byLevel(hier, w.train().series(), w.tests(), fc);
    }

    /**
     * Middle-out from the level above the bottom: each bottom series gets its parent's base forecast times its share
     * of the parent over the last {@code months} periods of history.
     */
    static double[][] middleOut(HierarchicalData train, int months) {
        Hierarchy hier = train.hierarchy();
        int[] bottom = hier.bottom();
        double[][] g = new double[bottom.length][hier.size()];
        for (int b = 0; b < bottom.length; b++) {
            int parent = hier.parent(bottom[b]);
            double[] child = train.series().get(bottom[b]).values();
            double[] par = train.series().get(parent).values();
            double c = 0;
            double p = 0;
            for (int t = child.length - months; t < child.length; t++) {
                c += child[t];
                p += par[t];
            }
            g[b][parent] = p > 0 ? c / p : 1.0 / hier.children(parent).length;
        }
        return g;
    }

    static double[][] mix(double[][] a, double[][] b, double alpha) {
        double[][] out = new double[a.length][a[0].length];
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[0].length; c++) {
                out[r][c] = alpha * a[r][c] + (1 - alpha) * b[r][c];
            }
        }
        return out;
    }

    /** Per level, the base forecasts of whichever forecaster scored lower at that level on {@code judge}. */
    static Window levelChoice(Window auto, Window ets, Window judgeAuto, Window judgeEts, StringBuilder chosen) {
        Hierarchy hier = auto.train().hierarchy();
        Map<String, Double> a = byLevel(hier, judgeAuto.train().series(), judgeAuto.tests(), judgeAuto.base());
        Map<String, Double> e = byLevel(hier, judgeEts.train().series(), judgeEts.tests(), judgeEts.base());
        List<Forecast> base = new ArrayList<>();
        for (int i = 0; i < hier.size(); i++) {
            String level = hier.levelNames().get(hier.level(i));
            base.add(e.get(level) < a.get(level) ? ets.base().get(i) : auto.base().get(i));
        }
        for (String level : hier.levelNames()) {
            chosen.append(e.get(level) < a.get(level) ? "E" : "A");
        }
        return new Window(auto.train(), auto.tests(), base);
    }

    private static void printMixes(String window, String name, Window w, Window inner) {
        double[][] mint = Reconciler.projection(w.train(), w.base(), Reconciliation.MINT_SHRINK);
        double[][] bu = Reconciler.projection(w.train(), w.base(), Reconciliation.BOTTOM_UP);
        print(System.out, window, name, Map.of("base", byLevel(w.train().hierarchy(), w.train().series(), w.tests(),
                w.base())));
        for (int a = 0; a <= Reconciler.SHARE_STEPS; a++) {
            double share = a / (double) Reconciler.SHARE_STEPS;
            print(System.out, window, name, Map.of("mint share " + share, meansByLevel(w, mix(mint, bu, share))));
        }
        if (inner != null) {
            double share = Reconciler.validatedMintShare(inner.train(), inner.base(),
                    inner.tests().toArray(new double[0][]));
            print(System.out, window, name, Map.of("validated share " + share,
                    meansByLevel(w, mix(mint, bu, share))));
        }
        if (Boolean.getBoolean("retailgen.compare.middleout")) {
            double[][] mo = middleOut(w.train(), 12);
            for (double share : new double[] {1, 0.75, 0.5, 0.25}) {
                print(System.out, window, name, Map.of("middle-out share " + share + " with bottom-up",
                        meansByLevel(w, mix(mo, bu, share))));
                print(System.out, window, name, Map.of("middle-out share " + share + " with mint",
                        meansByLevel(w, mix(mo, mint, share))));
            }
        }
        System.out.println("| " + window + " | " + name + " | share chosen on this window for the next | "
                + Reconciler.validatedMintShare(w.train(), w.base(), w.tests().toArray(new double[0][])) + " |");
    }

    @Test
    void comparesMixturesOfReconciliations() {
        Assumptions.assumeTrue(Boolean.getBoolean("retailgen.compare.mix"),
                "the aus-retail mixture comparison takes minutes: run with -Dretailgen.compare.mix=true");
        HierarchicalData aus = ausRetail();
        List<Integer> cuts = new ArrayList<>();
        for (String c : System.getProperty("retailgen.compare.cuts", "24,48,72").split(",")) {
            cuts.add(Integer.parseInt(c.trim()));
        }
        boolean perLevel = Boolean.getBoolean("retailgen.compare.levelchoice");
        Map<Integer, Window> auto = new LinkedHashMap<>();
        Map<Integer, Window> ets = new LinkedHashMap<>();
        for (int c : cuts) {
            auto.put(c, window(aus, c, Forecaster.builder().build()));
            if (perLevel) {
                ets.put(c, window(aus, c, Forecaster.builder().method(Method.ETS).build()));
            }
        }
        for (int c : cuts) {
            printMixes("cut " + c, "auto", auto.get(c), auto.get(c + HOLDOUT));
            if (perLevel) {
                printMixes("cut " + c, "ets", ets.get(c), ets.get(c + HOLDOUT));
            }
            if (perLevel && auto.containsKey(c + HOLDOUT)) {
                int n = c + HOLDOUT;
                StringBuilder which = new StringBuilder();
                Window chosen = levelChoice(auto.get(c), ets.get(c), auto.get(n), ets.get(n), which);
                Window inner = auto.containsKey(n + HOLDOUT) ? levelChoice(auto.get(n), ets.get(n),
                        auto.get(n + HOLDOUT), ets.get(n + HOLDOUT), new StringBuilder()) : null;
                printMixes("cut " + c, "per level " + which, chosen, inner);
            }
        }
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
