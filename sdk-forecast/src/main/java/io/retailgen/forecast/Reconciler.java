package io.retailgen.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes base forecasts of every node of a hierarchy coherent: means and, path by path, the scenario sets, so that a
 * parent's paths are exactly the sums of its children's and any quantity derived from them (safety stock of a region
 * versus its stores) agrees. Every reconciliation here is a linear projection {@code S G} of the base forecasts,
 * applied to the means and to each joint path. Stateless and thread-safe.
 *
 * <pre>{@code
 * List<Forecast> base = forecaster.forecastAll(data.series(), 12);   // node order
 * List<Forecast> coherent = Reconciler.reconcile(data, base, Reconciliation.MINT_SHRINK);
 * }</pre>
 */
public final class Reconciler {

    private Reconciler() {
    }

    /**
     * @param data the hierarchy and the history of every node (residual covariances and top-down shares)
     * @param base one forecast per node, in {@link Hierarchy#ids()} order, all with the same horizon and paths
     * @param how the reconciliation, any but {@link Reconciliation#MINT_BOTTOM_UP_VALIDATED} and
     *     {@link Reconciliation#LOG_AGGREGATES_WLS_BOTTOM_UP} (which need the forecaster for validation windows:
     *     {@link Forecaster#forecastHierarchy} has it)
     * @return coherent forecasts in the same order
     * @throws IllegalArgumentException for those two, or when the forecasts do not fit
     */
    public static List<Forecast> reconcile(HierarchicalData data, List<Forecast> base, Reconciliation how) {
        Objects.requireNonNull(how, "how == null");
        if (needsForecaster(how)) {
            throw new IllegalArgumentException(how + " chooses its share on forecasts of validation windows,"
                    + " which base forecasts alone do not carry: use Forecaster.forecastHierarchy or"
                    + " Evaluation.hierarchical");
        }
        return reconcile(data, base, () -> projection(data, base, how), how.name());
    }

    /**
     * Reconciles as {@link #reconcile(HierarchicalData, List, Reconciliation)}; for
     * {@link Reconciliation#MINT_BOTTOM_UP_VALIDATED} the share of MinT is chosen on validation forecasts that
     * {@code forecaster} makes from the history without its last periods (see {@link #validatedMintShare}).
     */
    static List<Forecast> reconcile(HierarchicalData data, List<Forecast> base, Reconciliation how,
            ForecasterBase forecaster) {
        if (how == Reconciliation.LOG_AGGREGATES_WLS_BOTTOM_UP) {
            return logAggregatesWlsBottomUp(data, base, forecaster);
        }
        if (how != Reconciliation.MINT_BOTTOM_UP_VALIDATED) {
            return reconcile(data, base, how);
        }
        int h = base.isEmpty() ? 0 : base.get(0).horizon();
        int v = validationLength(data, h);
        double share = 1;
        if (v >= 1) {
            HierarchicalData head = head(data, v);
            share = validatedMintShare(head, forecaster.computeAll(head.series(), v), actuals(data, v));
        }
        return withMintShare(data, base, share);
    }

    private static boolean needsForecaster(Reconciliation how) {
        return how == Reconciliation.MINT_BOTTOM_UP_VALIDATED || how == Reconciliation.LOG_AGGREGATES_WLS_BOTTOM_UP;
    }

    /**
     * {@link Reconciliation#LOG_AGGREGATES_WLS_BOTTOM_UP}: the aggregates' base forecasts replaced by log-scale ones,
     * then the blend of WLS-variance and bottom-up with its share chosen on the last {@code h} periods and the
     * {@code h} before them (only the last when the history is too short for two, share 1 when too short for one).
     */
    private static List<Forecast> logAggregatesWlsBottomUp(HierarchicalData data, List<Forecast> base,
            ForecasterBase forecaster) {
        if (base.size() != data.hierarchy().size()) {
            throw new IllegalArgumentException("expected " + data.hierarchy().size() + " forecasts (one per node),"
                    + " got " + base.size());
        }
        List<Forecast> logBase = LogScaleAggregates.replace(forecaster, data, base);
        int h = logBase.get(0).horizon();
        int v = validationLength(data, h);
        List<Validation> windows = new ArrayList<>();
        HierarchicalData upTo = data;
        for (int w = 0; w < VALIDATION_WINDOWS && v >= 1 && validationLength(upTo, v) == v; w++) {
            HierarchicalData head = head(upTo, v);
            List<Forecast> b = LogScaleAggregates.replace(forecaster, head, forecaster.computeAll(head.series(), v));
            windows.add(new Validation(head, b, actuals(upTo, v)));
            upTo = head;
        }
        double share = windows.isEmpty() ? 1 : validatedShare(Reconciliation.WLS_VARIANCE, windows);
        String tag = Reconciliation.LOG_AGGREGATES_WLS_BOTTOM_UP.name()
                + String.format(java.util.Locale.ROOT, "(%.1f)", share);
        return reconcile(data, logBase, () -> mix(data, logBase, Reconciliation.WLS_VARIANCE, share), tag);
    }

    /** How many validation windows {@link Reconciliation#LOG_AGGREGATES_WLS_BOTTOM_UP} chooses its share on. */
    static final int VALIDATION_WINDOWS = 2;

    /**
     * One validation window: the history before it, every node's forecast of it made from that history, and every
     * node's actual values over it.
     */
    record Validation(HierarchicalData head, List<Forecast> base, double[][] actual) {
    }

    /**
     * {@code a * MINT_SHRINK + (1 - a) * BOTTOM_UP}, tagged {@code mint_bottom_up_validated(a)}: coherent for every
     * {@code a}, since both projections map the base forecasts to bottom forecasts that are then summed up the tree.
     */
    static List<Forecast> withMintShare(HierarchicalData data, List<Forecast> base, double a) {
        if (!(a >= 0 && a <= 1)) {
            throw new IllegalArgumentException("share of MinT must be in [0, 1], got " + a);
        }
        String tag = Reconciliation.MINT_BOTTOM_UP_VALIDATED.name()
                + String.format(java.util.Locale.ROOT, "(%.1f)", a);
        return reconcile(data, base, () -> mix(data, base, Reconciliation.MINT_SHRINK, a), tag);
    }

    /**
     * How many of the last periods the validation of {@link Reconciliation#MINT_BOTTOM_UP_VALIDATED} holds out: the
     * horizon, fewer when that would leave less than two seasons (eight periods without a season) to forecast from,
     * 0 when not even one can be held out.
     */
    static int validationLength(HierarchicalData data, int horizon) {
        int len = data.periods().size();
        int m = data.series().get(0).frequency().seasonalPeriod();
        int minTrain = m > 1 ? Math.max(2 * m, 8) : 8;
        return Math.max(0, Math.min(horizon, len - minTrain));
    }

    /**
     * The share {@code a} of MinT-shrink (against bottom-up) whose reconciled validation forecasts have the smallest
     * geometric mean over the levels of each level's mean MASE (seasonal lag of the data's frequency, scaled on
     * {@code head}). Shares 1, 0.9, ..., 0 are tried in that order and a later one is taken only when strictly better,
     * so ties keep the larger MinT share.
     *
     * @param head the history before the validation window
     * @param validationBase one forecast per node made from {@code head}, over the window
     * @param actual one row per node: the values of the window
     * @return the chosen share in [0, 1]
     */
    static double validatedMintShare(HierarchicalData head, List<Forecast> validationBase, double[][] actual) {
        return validatedShare(Reconciliation.MINT_SHRINK, List.of(new Validation(head, validationBase, actual)));
    }

    /**
     * The share {@code a} of {@code toward} (against bottom-up) whose reconciled forecasts have the smallest sum over
     * {@code windows} of the geometric mean over the levels of each level's mean MASE; shares 1, 0.9, ..., 0 in that
     * order, a later one taken only when strictly better.
     */
    static double validatedShare(Reconciliation toward, List<Validation> windows) {
        double[][][] towardBottom = new double[windows.size()][][];
        double[][][] buBottom = new double[windows.size()][][];
        for (int w = 0; w < windows.size(); w++) {
            Validation win = windows.get(w);
            int nb = win.head().hierarchy().bottom().length;
            int v = win.actual()[0].length;
            double[][] means = new double[win.base().size()][];
            for (int i = 0; i < means.length; i++) {
                means[i] = win.base().get(i).mean();
            }
            towardBottom[w] = apply(projection(win.head(), win.base(), toward), means, nb, v);
            buBottom[w] = apply(projection(win.head(), win.base(), Reconciliation.BOTTOM_UP), means, nb, v);
        }
        double best = Double.POSITIVE_INFINITY;
        double bestShare = 1;
        for (int step = SHARE_STEPS; step >= 0; step--) {
            double a = step / (double) SHARE_STEPS;
            double score = 0;
            for (int w = 0; w < windows.size(); w++) {
                Validation win = windows.get(w);
                double[][] bottom = new double[towardBottom[w].length][];
                for (int b = 0; b < bottom.length; b++) {
                    bottom[b] = new double[towardBottom[w][b].length];
                    for (int k = 0; k < bottom[b].length; k++) {
                        bottom[b][k] = a * towardBottom[w][b][k] + (1 - a) * buBottom[w][b][k];
                    }
                }
                int m = win.head().series().get(0).frequency().seasonalPeriod();
                score += levelScore(win.head(), win.head().hierarchy().aggregate(bottom), win.actual(), m);
            }
            if (score < best) {
                best = score;
                bestShare = a;
            }
        }
        return bestShare;
    }

    /** The shares of MinT tried: multiples of {@code 1 / SHARE_STEPS}. */
    static final int SHARE_STEPS = 10;

    /** The mean over the levels of the log of each level's mean MASE; NaN-scaled nodes are skipped. */
    private static double levelScore(HierarchicalData head, double[][] forecast, double[][] actual, int m) {
        Hierarchy hier = head.hierarchy();
        int levels = hier.levelNames().size();
        double[] sum = new double[levels];
        int[] count = new int[levels];
        for (int i = 0; i < hier.size(); i++) {
            double mase = Metrics.mase(head.series().get(i).values(), actual[i], forecast[i], m);
            if (Double.isFinite(mase)) {
                sum[hier.level(i)] += mase;
                count[hier.level(i)]++;
            }
        }
        double score = 0;
        int used = 0;
        for (int l = 0; l < levels; l++) {
            if (count[l] > 0) {
                score += Math.log(Math.max(sum[l] / count[l], 1e-12));
                used++;
            }
        }
        return used == 0 ? Double.POSITIVE_INFINITY : score / used;
    }

    /** {@code a G_toward + (1 - a) G_bottom-up}: coherent, since both map into the bottom level. */
    private static double[][] mix(HierarchicalData data, List<Forecast> base, Reconciliation toward, double a) {
        double[][] g = projection(data, base, toward);
        double[][] bu = projection(data, base, Reconciliation.BOTTOM_UP);
        for (int b = 0; b < g.length; b++) {
            for (int i = 0; i < g[b].length; i++) {
                g[b][i] = a * g[b][i] + (1 - a) * bu[b][i];
            }
        }
        return g;
    }

    /** The history without its last {@code v} periods. */
    static HierarchicalData head(HierarchicalData data, int v) {
        int len = data.periods().size() - v;
        List<TimeSeries> series = new ArrayList<>();
        for (TimeSeries s : data.series()) {
            series.add(new TimeSeries(s.id(), s.path(), s.frequency(), java.util.Arrays.copyOf(s.values(), len),
                    java.util.Map.of()));
        }
        return new HierarchicalData(data.hierarchy(), data.periods().subList(0, len), series);
    }

    /** Every node's last {@code v} values. */
    static double[][] actuals(HierarchicalData data, int v) {
        int len = data.periods().size();
        double[][] out = new double[data.series().size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(data.series().get(i).values(), len - v, len);
        }
        return out;
    }

    private static List<Forecast> reconcile(HierarchicalData data, List<Forecast> base,
            java.util.function.Supplier<double[][]> projection, String name) {
        Hierarchy hier = data.hierarchy();
        int nodes = hier.size();
        if (base.size() != nodes) {
            throw new IllegalArgumentException("expected " + nodes + " forecasts (one per node), got "
                    + base.size());
        }
        int h = base.get(0).horizon();
        int paths = base.get(0).scenarios().paths();
        for (Forecast f : base) {
            if (f.horizon() != h || f.scenarios().paths() != paths) {
                throw new IllegalArgumentException("forecast " + f.seriesId() + " has horizon " + f.horizon()
                        + " and " + f.scenarios().paths() + " paths; expected " + h + " and " + paths);
            }
        }
        int[] bottom = hier.bottom();
        int nb = bottom.length;
        double[][] g = projection.get();
        double[][] means = new double[nodes][];
        for (int i = 0; i < nodes; i++) {
            means[i] = base.get(i).mean();
        }
        double[][] reconciledMean = hier.aggregate(apply(g, means, nb, h));
        double[][] raws = new double[nodes][];
        for (int i = 0; i < nodes; i++) {
            raws[i] = base.get(i).scenarios().raw();
        }
        double[][] bottomPaths = new double[nb][paths * h];
        for (int b = 0; b < nb; b++) {
            double[] row = g[b];
            double[] out = bottomPaths[b];
            for (int i = 0; i < nodes; i++) {
                double w = row[i];
                if (w == 0) {
                    continue;
                }
                double[] src = raws[i];
                for (int k = 0; k < out.length; k++) {
                    out[k] += w * src[k];
                }
            }
        }
        double[][] allPaths = hier.aggregate(bottomPaths);
        List<Forecast> out = new ArrayList<>(nodes);
        String tag = name.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < nodes; i++) {
            Forecast f = base.get(i);
            ScenarioSet set = new ScenarioSet(f.model() + "+" + tag, f.scenarios().seed(), paths, h, allPaths[i]);
            out.add(new Forecast(f.seriesId(), f.model() + "+" + tag, reconciledMean[i], set, f.note(),
                    f.fitted()));
        }
        return out;
    }

    private static double[][] apply(double[][] g, double[][] rows, int nb, int h) {
        double[][] out = new double[nb][h];
        for (int b = 0; b < nb; b++) {
            for (int i = 0; i < rows.length; i++) {
                double w = g[b][i];
                if (w != 0) {
                    for (int k = 0; k < h; k++) {
                        out[b][k] += w * rows[i][k];
                    }
                }
            }
        }
        return out;
    }

    /** The {@code bottom x nodes} matrix G such that the bottom reconciled forecasts are {@code G yhat}. */
    static double[][] projection(HierarchicalData data, List<Forecast> base, Reconciliation how) {
        Hierarchy hier = data.hierarchy();
        int nodes = hier.size();
        int[] bottom = hier.bottom();
        int nb = bottom.length;
        double[][] g = new double[nb][nodes];
        switch (how) {
            case BOTTOM_UP -> {
                for (int b = 0; b < nb; b++) {
                    g[b][bottom[b]] = 1;
                }
            }
            case TOP_DOWN -> {
                double total = sum(data.series().get(0).values());
                for (int b = 0; b < nb; b++) {
                    double share = total == 0 ? 1.0 / nb : sum(data.series().get(bottom[b]).values()) / total;
                    g[b][0] = share;
                }
            }
            case MINT_SHRINK -> g = generalisedLeastSquares(hier, shrunkCovariance(data, base));
            case WLS_STRUCTURAL -> g = generalisedLeastSquares(hier, structuralWeights(hier));
            case WLS_VARIANCE -> g = generalisedLeastSquares(hier, residualVariances(data, base));
            case MINT_BOTTOM_UP_VALIDATED, LOG_AGGREGATES_WLS_BOTTOM_UP ->
                throw new IllegalArgumentException(how + " needs validation forecasts");
            default -> throw new IllegalStateException("unknown reconciliation " + how);
        }
        return g;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += x;
            }
        }
        return s;
    }

    /**
     * The diagonal {@code W} of structural scaling: each node's variance taken proportional to the number of bottom
     * series it sums (Athanasopoulos, Hyndman, Kourentzes and Petropoulos 2017), which needs no residuals.
     */
    static double[][] structuralWeights(Hierarchy hier) {
        int nb = hier.bottom().length;
        double[][] ones = new double[nb][1];
        for (double[] row : ones) {
            row[0] = 1;
        }
        double[][] counts = hier.aggregate(ones);
        double[][] w = new double[counts.length][counts.length];
        for (int i = 0; i < counts.length; i++) {
            w[i][i] = Math.max(counts[i][0], 1);
        }
        return w;
    }

    /** The diagonal {@code W} of each node's in-sample residual variance, on the rows where every node has one. */
    static double[][] residualVariances(HierarchicalData data, List<Forecast> base) {
        double[][] e = commonResiduals(data, base);
        int nodes = base.size();
        double[][] w = new double[nodes][nodes];
        for (int i = 0; i < nodes; i++) {
            double ss = 0;
            for (double v : e[i]) {
                ss += v * v;
            }
            w[i][i] = e[i].length < 2 || ss <= 0 ? 1 : ss / e[i].length;
        }
        return w;
    }

    /**
     * {@code G = (S' W^-1 S)^-1 S' W^-1}: the coherent forecasts closest to the base forecasts in the metric of
     * {@code W^-1}, minimum trace when W is the base forecast errors' covariance (Wickramasuriya, Athanasopoulos and
     * Hyndman 2019).
     */
    static double[][] generalisedLeastSquares(Hierarchy hier, double[][] w) {
        int nodes = hier.size();
        int[] bottom = hier.bottom();
        int nb = bottom.length;
        double[][] s = new double[nodes][nb];
        double[][] bottomRows = new double[nb][nb];
        for (int b = 0; b < nb; b++) {
            bottomRows[b][b] = 1;
        }
        double[][] agg = hier.aggregate(bottomRows);
        for (int i = 0; i < nodes; i++) {
            s[i] = agg[i];
        }
        double[][] chol = Linear.cholesky(w);
        double[][] winvS = new double[nodes][nb];
        double[] col = new double[nodes];
        for (int b = 0; b < nb; b++) {
            for (int i = 0; i < nodes; i++) {
                col[i] = s[i][b];
            }
            double[] x = Linear.solveCholesky(chol, col);
            for (int i = 0; i < nodes; i++) {
                winvS[i][b] = x[i];
            }
        }
        double[][] m = new double[nb][nb];
        for (int a = 0; a < nb; a++) {
            for (int b = 0; b < nb; b++) {
                double v = 0;
                for (int i = 0; i < nodes; i++) {
                    v += s[i][a] * winvS[i][b];
                }
                m[a][b] = v;
            }
        }
        double[][] mChol = Linear.cholesky(m);
        double[][] g = new double[nb][nodes];
        double[] rhs = new double[nb];
        for (int i = 0; i < nodes; i++) {
            System.arraycopy(winvS[i], 0, rhs, 0, nb);
            double[] x = Linear.solveCholesky(mChol, rhs);
            for (int b = 0; b < nb; b++) {
                g[b][i] = x[b];
            }
        }
        return g;
    }

    /**
     * The residual covariance shrunk towards its diagonal with the Schäfer-Strimmer intensity, computed from the
     * periods where every node has a residual.
     */
    static double[][] shrunkCovariance(HierarchicalData data, List<Forecast> base) {
        return shrunkCovariance(commonResiduals(data, base));
    }

    /** The covariance of {@code e} (one row per node) about zero, shrunk towards its diagonal. */
    static double[][] shrunkCovariance(double[][] e) {
        int nodes = e.length;
        int n = e[0].length;
        double[][] cov = new double[nodes][nodes];
        if (n < 2) {
            for (int i = 0; i < nodes; i++) {
                cov[i][i] = 1;
            }
            return cov;
        }
        double[] sd = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            double ss = 0;
            for (double v : e[i]) {
                ss += v * v;
            }
            sd[i] = Math.sqrt(ss / n);
        }
        // standardised residuals: intensity from the variance of the sample correlations
        double num = 0;
        double den = 0;
        for (int i = 0; i < nodes; i++) {
            for (int k = i + 1; k < nodes; k++) {
                if (sd[i] == 0 || sd[k] == 0) {
                    continue;
                }
                double mean = 0;
                for (int j = 0; j < n; j++) {
                    mean += e[i][j] / sd[i] * e[k][j] / sd[k];
                }
                mean /= n;
                double var = 0;
                for (int j = 0; j < n; j++) {
                    double d = e[i][j] / sd[i] * e[k][j] / sd[k] - mean;
                    var += d * d;
                }
                num += n * var / ((double) (n - 1) * (n - 1) * (n - 1));
                double r = n * mean / (n - 1.0);
                den += r * r;
            }
        }
        double lambda = den == 0 ? 1 : Math.max(0, Math.min(1, num / den));
        for (int i = 0; i < nodes; i++) {
            for (int k = i; k < nodes; k++) {
                double c = 0;
                for (int j = 0; j < n; j++) {
                    c += e[i][j] * e[k][j];
                }
                c /= n;
                if (i != k) {
                    c *= 1 - lambda;
                }
                cov[i][k] = c;
                cov[k][i] = c;
            }
            if (cov[i][i] <= 0) {
                cov[i][i] = 1e-12;
            }
        }
        return cov;
    }

    /** Every node's in-sample residuals {@code y - fitted}, on the periods where every node has one. */
    private static double[][] commonResiduals(HierarchicalData data, List<Forecast> base) {
        int nodes = base.size();
        int len = data.series().get(0).length();
        List<double[]> res = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            double[] y = data.series().get(i).values();
            double[] f = base.get(i).fitted();
            double[] r = new double[len];
            for (int t = 0; t < len; t++) {
                r[t] = t < f.length && t < y.length ? y[t] - f[t] : Double.NaN;
            }
            res.add(r);
        }
        List<Integer> rows = new ArrayList<>();
        for (int t = 0; t < len; t++) {
            boolean ok = true;
            for (double[] r : res) {
                ok &= Double.isFinite(r[t]);
            }
            if (ok) {
                rows.add(t);
            }
        }
        double[][] e = new double[nodes][rows.size()];
        for (int i = 0; i < nodes; i++) {
            for (int j = 0; j < rows.size(); j++) {
                e[i][j] = res.get(i)[rows.get(j)];
            }
        }
        return e;
    }
}
