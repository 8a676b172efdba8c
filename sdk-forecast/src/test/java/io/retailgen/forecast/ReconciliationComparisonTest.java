package io.retailgen.forecast;

import io.retailgen.forecast.HierarchyComparisonTest.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Reconciliations of the aus-retail hierarchy compared on validation windows: the history cut by {@code c} months
 * ({@code -Dretailgen.compare.cuts}, default 24,48,72,96,120), its last 24 months held out. Every share is chosen on
 * the one or two windows before ({@code c + 24}, {@code c + 48}), never on the window scored. Prints the table of
 * docs/BENCHMARKS.md, "Log-scale aggregates, h-step MinT, forecast proportions and ERM"; takes minutes, so it runs only
 * with {@code -Dretailgen.compare.reconciliations=true}. Cut 0 scores the held-out window.
 */
class ReconciliationComparisonTest {

    private static final int H = HierarchyComparisonTest.HOLDOUT;

    /** Base forecasts of one window, ordinary and with the aggregates on the log scale. */
    private record Bases(Window plain, Window log) {
    }

    private final Map<Integer, Bases> windows = new LinkedHashMap<>();
    private HierarchicalData aus;

    private Bases bases(int cut) {
        return windows.computeIfAbsent(cut, c -> {
            ForecasterBase f = (ForecasterBase) Forecaster.builder().build();
            Window plain = HierarchyComparisonTest.window(aus, c, f);
            Window log = new Window(plain.train(), plain.tests(),
                    LogScaleAggregates.replace(f, plain.train(), plain.base()));
            return new Bases(plain, log);
        });
    }

    private static Reconciler.Validation validation(Window w) {
        return new Reconciler.Validation(w.train(), w.base(), w.tests().toArray(new double[0][]));
    }

    /** One family of projections {@code a G + (1 - a) G_bottom-up}, G computed on a window. */
    private interface Family {
        double[][] g(ReconciliationComparisonTest self, int cut, Window w);
    }

    /** Reconciled MASE by level of a window for a share {@code a}. */
    private interface Scored {
        Map<String, Double> levels(int cut, Window w, double a);
    }

    /** The share chosen on the {@code inner} windows before {@code cut}: 1, 0.9, ..., 0, later only when better. */
    private double share(Scored scored, int cut, int inner, boolean log) {
        double best = Double.POSITIVE_INFINITY;
        double chosen = 1;
        for (int step = Reconciler.SHARE_STEPS; step >= 0; step--) {
            double a = step / (double) Reconciler.SHARE_STEPS;
            double score = 0;
            for (int j = 1; j <= inner; j++) {
                Window w = log ? bases(cut + j * H).log() : bases(cut + j * H).plain();
                score += geometric(scored.levels(cut + j * H, w, a));
            }
            if (score < best) {
                best = score;
                chosen = a;
            }
        }
        return chosen;
    }

    private Scored projections(Family family) {
        return (cut, w, a) -> HierarchyComparisonTest.meansByLevel(w, blend(family, cut, w, a));
    }

    private double[][] blend(Family family, int cut, Window w, double a) {
        return HierarchyComparisonTest.mix(family.g(this, cut, w),
                Reconciler.projection(w.train(), w.base(), Reconciliation.BOTTOM_UP), a);
    }

    private static double geometric(Map<String, Double> levels) {
        double s = 0;
        for (double v : levels.values()) {
            s += Math.log(Math.max(v, 1e-12));
        }
        return s / levels.size();
    }

    /** Every node's errors over the {@code origins} windows before {@code cut}, one column per month. */
    private double[][] hStepErrors(int cut, int origins) {
        List<double[]> cols = new ArrayList<>();
        for (int o = 1; o <= origins; o++) {
            Window p = bases(cut + o * H).plain();
            for (int k = 0; k < H; k++) {
                double[] c = new double[p.base().size()];
                for (int i = 0; i < c.length; i++) {
                    c[i] = p.tests().get(i)[k] - p.base().get(i).mean()[k];
                }
                cols.add(c);
            }
        }
        double[][] e = new double[cols.get(0).length][cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            for (int i = 0; i < e.length; i++) {
                e[i][j] = cols.get(j)[i];
            }
        }
        return e;
    }

    /** MinT (or, with {@code diagonal}, WLS) with the covariance of h-step errors of earlier windows. */
    private static Family hStep(int origins, boolean diagonal) {
        return (self, cut, w) -> {
            double[][] cov = Reconciler.shrunkCovariance(self.hStepErrors(cut, origins));
            if (diagonal) {
                for (int i = 0; i < cov.length; i++) {
                    for (int k = 0; k < cov.length; k++) {
                        cov[i][k] = i == k ? cov[i][k] : 0;
                    }
                }
            }
            return Reconciler.generalisedLeastSquares(w.train().hierarchy(), cov);
        };
    }

    private static Family fixed(Reconciliation how) {
        return (self, cut, w) -> Reconciler.projection(w.train(), w.base(), how);
    }

    private static void row(String name, int cut, Window w, double[][] g, String note) {
        print(name, cut, HierarchyComparisonTest.meansByLevel(w, g), note);
    }

    private static void print(String name, int cut, Map<String, Double> s, String note) {
        StringBuilder out = new StringBuilder("| cut " + cut + " | " + name);
        s.values().forEach(v -> out.append(String.format(Locale.ROOT, " | %.3f", v)));
        System.out.println(out.append(" | ").append(note).append(" |"));
    }

    private void validated(String name, Family family, int cut, int inner, boolean log) {
        Scored scored = projections(family);
        double a = share(scored, cut, inner, log);
        Window w = log ? bases(cut).log() : bases(cut).plain();
        print(name, cut, scored.levels(cut, w, a), String.format(Locale.ROOT, "share %.1f", a));
    }

    @Test
    void comparesReconciliationsOnValidationWindows() {
        Assumptions.assumeTrue(Boolean.getBoolean("retailgen.compare.reconciliations"),
                "the aus-retail reconciliation comparison takes minutes: run with"
                        + " -Dretailgen.compare.reconciliations=true");
        aus = HierarchyComparisonTest.ausRetail();
        for (String c : System.getProperty("retailgen.compare.cuts", "24,48,72,96,120").split(",")) {
            int cut = Integer.parseInt(c.trim());
            Window plain = bases(cut).plain();
            Window log = bases(cut).log();
            print("base", cut, baseLevels(plain), "not coherent");
            row("bottom-up", cut, plain, fixed(Reconciliation.BOTTOM_UP).g(this, cut, plain), "");
            validated("MinT-shrink and bottom-up, 1 window (mint-bottom-up, the default)",
                    fixed(Reconciliation.MINT_SHRINK), cut, 1, false);
            validated("MinT-shrink and bottom-up, 2 windows", fixed(Reconciliation.MINT_SHRINK), cut, 2, false);
            validated("WLS-variance and bottom-up, 2 windows", fixed(Reconciliation.WLS_VARIANCE), cut, 2, false);
            validated("log aggregates, WLS-variance and bottom-up, 2 windows (log-aggregates-wls-bottom-up)",
                    fixed(Reconciliation.WLS_VARIANCE), cut, 2, true);
            validated("log aggregates, MinT-shrink and bottom-up, 2 windows", fixed(Reconciliation.MINT_SHRINK),
                    cut, 2, true);
            print("log aggregates, base", cut, baseLevels(log), "not coherent");
            for (int origins = 1; origins <= 3; origins++) {
                row("MinT, h-step errors of " + origins + " earlier window(s)", cut, plain,
                        hStep(origins, false).g(this, cut, plain), "");
                row("WLS, h-step error variances of " + origins + " earlier window(s)", cut, plain,
                        hStep(origins, true).g(this, cut, plain), "");
            }
            validated("MinT h-step (3 windows) and bottom-up, 1 window", hStep(3, false), cut, 1, false);
            validated("MinT h-step (3 windows) and bottom-up, 2 windows", hStep(3, false), cut, 2, false);
            proportional(cut, plain);
            erm(cut, plain);
        }
    }

    /**
     * ERM reconciliation (Ben Taieb and Koo 2019): G = G_bottom-up + D, D minimising the squared reconciled errors of
     * the three windows before {@code cut} (each node's error divided by its seasonal-naive scale and weighted by one
     * over its level's size, so that the loss follows the level-averaged MASE) plus {@code lambda} times the squared
     * norm of D in the same scaled units; {@code lambda} (relative to the mean eigenvalues) chosen on the window
     * before.
     */
    private void erm(int cut, Window plain) {
        double[] grid = {1, 100, 1e3, 1e4, 1e5};
        double best = Double.POSITIVE_INFINITY;
        double chosen = grid[0];
        Window inner = bases(cut + H).plain();
        for (double lambda : grid) {
            double score = geometric(HierarchyComparisonTest.meansByLevel(inner, ermProjection(cut + H, inner,
                    lambda)));
            if (score < best) {
                best = score;
                chosen = lambda;
            }
        }
        row("ERM, 3 earlier windows", cut, plain, ermProjection(cut, plain, chosen),
                String.format(Locale.ROOT, "lambda %.0f", chosen));
    }

    private double[][] ermProjection(int cut, Window w, double lambda) {
        Hierarchy hier = w.train().hierarchy();
        int n = hier.size();
        int[] bottom = hier.bottom();
        int nb = bottom.length;
        int[] perLevel = new int[hier.levelNames().size()];
        for (int i = 0; i < n; i++) {
            perLevel[hier.level(i)]++;
        }
        double[] scale = new double[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            scale[i] = 1 / Math.max(Metrics.naiveScale(w.train().series().get(i).values(), 12), 1e-9);
            weight[i] = scale[i] * Math.sqrt(1.0 / perLevel[hier.level(i)]);
        }
        double[][] identity = new double[nb][nb];
        for (int b = 0; b < nb; b++) {
            identity[b][b] = 1;
        }
        double[][] s = hier.aggregate(identity);
        double[][] m = new double[n][nb];
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < nb; b++) {
                m[i][b] = weight[i] * s[i][b] / scale[bottom[b]];
            }
        }
        List<double[]> zs = new ArrayList<>();
        List<double[]> rs = new ArrayList<>();
        for (int o = 1; o <= 3; o++) {
            Window p = bases(cut + o * H).plain();
            double[][] bu = new double[nb][];
            for (int b = 0; b < nb; b++) {
                bu[b] = p.base().get(bottom[b]).mean();
            }
            double[][] buAll = hier.aggregate(bu);
            for (int k = 0; k < H; k++) {
                double[] z = new double[n];
                double[] r = new double[n];
                for (int i = 0; i < n; i++) {
                    z[i] = p.base().get(i).mean()[k] * scale[i];
                    r[i] = weight[i] * (p.tests().get(i)[k] - buAll[i][k]);
                }
                zs.add(z);
                rs.add(r);
            }
        }
        double[][] z = transpose(zs.toArray(new double[0][]));
        double[][] r = transpose(rs.toArray(new double[0][]));
        double[][] mt = transpose(m);
        double[][][] ea = symmetricEigen(multiply(mt, m));
        double[][][] eb = symmetricEigen(multiply(z, transpose(z)));
        double meanA = Arrays.stream(ea[0][0]).sum() / nb;
        double meanB = Arrays.stream(eb[0][0]).sum() / n;
        double[][] c = multiply(multiply(transpose(ea[1]), multiply(multiply(mt, r), transpose(z))), eb[1]);
        for (int i = 0; i < nb; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] /= Math.max(ea[0][0][i], 0) * Math.max(eb[0][0][j], 0) + lambda * meanA * meanB;
            }
        }
        double[][] d = multiply(multiply(ea[1], c), transpose(eb[1]));
        double[][] g = Reconciler.projection(w.train(), w.base(), Reconciliation.BOTTOM_UP);
        for (int b = 0; b < nb; b++) {
            for (int i = 0; i < n; i++) {
                g[b][i] += d[b][i] / scale[bottom[b]] * scale[i];
            }
        }
        return g;
    }

    private static double[][] transpose(double[][] x) {
        double[][] o = new double[x[0].length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                o[j][i] = x[i][j];
            }
        }
        return o;
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        double[][] o = new double[x.length][y[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                double v = x[i][j];
                for (int l = 0; v != 0 && l < y[0].length; l++) {
                    o[i][l] += v * y[j][l];
                }
            }
        }
        return o;
    }

    /** Cyclic Jacobi: {eigenvalues (one row), eigenvectors (columns)} of a symmetric matrix. */
    private static double[][][] symmetricEigen(double[][] a0) {
        int m = a0.length;
        double[][] a = new double[m][];
        double[][] v = new double[m][m];
        for (int i = 0; i < m; i++) {
            a[i] = a0[i].clone();
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 60; sweep++) {
            double off = 0;
            double diag = 0;
            for (int p = 0; p < m; p++) {
                diag += a[p][p] * a[p][p];
                for (int q = p + 1; q < m; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off <= 1e-24 * diag) {
                break;
            }
            for (int p = 0; p < m; p++) {
                for (int q = p + 1; q < m; q++) {
                    if (a[p][q] != 0) {
                        rotate(a, v, p, q);
                    }
                }
            }
        }
        double[][] values = new double[1][m];
        for (int i = 0; i < m; i++) {
            values[0][i] = a[i][i];
        }
        return new double[][][] {values, v};
    }

    private static void rotate(double[][] a, double[][] v, int p, int q) {
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        double t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int m = a.length;
        for (int k = 0; k < m; k++) {
            double kp = a[k][p];
            double kq = a[k][q];
            a[k][p] = c * kp - s * kq;
            a[k][q] = s * kp + c * kq;
        }
        for (int k = 0; k < m; k++) {
            double pk = a[p][k];
            double qk = a[q][k];
            a[p][k] = c * pk - s * qk;
            a[q][k] = s * pk + c * qk;
        }
        for (int k = 0; k < m; k++) {
            double kp = v[k][p];
            double kq = v[k][q];
            v[k][p] = c * kp - s * kq;
            v[k][q] = s * kp + c * kq;
        }
    }

    /**
     * Top-down with forecast proportions from the bottom forecasts: every bottom forecast scaled, step by step, so
     * that their sum is {@code a} times the Total's base forecast plus {@code 1 - a} times their own sum.
     */
    private void proportional(int cut, Window plain) {
        Scored scored = (c, w, a) -> HierarchyComparisonTest.byLevel(w.train().hierarchy(), w.train().series(),
                w.tests(), scaledToTotal(w, a));
        for (int inner = 1; inner <= 2; inner++) {
            double a = share(scored, cut, inner, false);
            print("forecast proportions from the bottom, Total blended with bottom-up, " + inner + " window"
                    + (inner > 1 ? "s" : ""), cut, scored.levels(cut, plain, a),
                    String.format(Locale.ROOT, "share %.1f", a));
        }
    }

    private static List<Forecast> scaledToTotal(Window w, double a) {
        Hierarchy hier = w.train().hierarchy();
        int[] bottom = hier.bottom();
        double[][] rows = new double[bottom.length][];
        for (int b = 0; b < bottom.length; b++) {
            rows[b] = w.base().get(bottom[b]).mean();
        }
        double[] sum = hier.aggregate(rows)[0];
        double[] total = w.base().get(0).mean();
        for (double[] r : rows) {
            for (int k = 0; k < r.length; k++) {
                double target = a * total[k] + (1 - a) * sum[k];
                r[k] = sum[k] > 0 ? r[k] * target / sum[k] : r[k];
            }
        }
        double[][] all = hier.aggregate(rows);
        List<Forecast> out = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            Forecast f = w.base().get(i);
            out.add(new Forecast(f.seriesId(), f.model(), all[i], f.scenarios(), f.note(), f.fitted()));
        }
        return out;
    }

    private static Map<String, Double> baseLevels(Window w) {
        return HierarchyComparisonTest.byLevel(w.train().hierarchy(), w.train().series(), w.tests(), w.base());
    }

    /**
     * The aggregates' base forecasts by each single method and by the default on the log scale (MASE of the Total
     * and the State level, not reconciled): what a per-level choice of the base model could pick from.
     */
    @Test
    void comparesBaseMethodsAtTheAggregates() {
        Assumptions.assumeTrue(Boolean.getBoolean("retailgen.compare.reconciliations"),
                "run with -Dretailgen.compare.reconciliations=true");
        aus = HierarchyComparisonTest.ausRetail();
        for (String c : System.getProperty("retailgen.compare.cuts", "24,48,72,96,120").split(",")) {
            int cut = Integer.parseInt(c.trim());
            HierarchicalData train = HierarchyComparisonTest.cut(aus, cut + H);
            Hierarchy hier = train.hierarchy();
            List<Integer> upper = new ArrayList<>();
            for (int i = 0; i < hier.size(); i++) {
                if (hier.level(i) < hier.levelNames().size() - 1) {
                    upper.add(i);
                }
            }
            Window plain = bases(cut).plain();
            for (Method m : List.of(Method.AUTO, Method.ETS, Method.THETA, Method.DAMPED, Method.DOTM, Method.CES)) {
                ForecasterBase f = (ForecasterBase) Forecaster.builder().method(m).build();
                List<Forecast> base = new ArrayList<>(plain.base());
                List<TimeSeries> series = new ArrayList<>();
                for (int i : upper) {
                    series.add(train.series().get(i));
                }
                List<Forecast> up = f.computeAll(series, H);
                for (int j = 0; j < upper.size(); j++) {
                    base.set(upper.get(j), up.get(j));
                }
                print(m.name().toLowerCase(Locale.ROOT) + ", base", cut, baseLevels(new Window(train, plain.tests(),
                        base)), "Total and State only");
            }
            print("auto on the log scale, base", cut, baseLevels(bases(cut).log()), "Total and State only");
        }
    }
}
