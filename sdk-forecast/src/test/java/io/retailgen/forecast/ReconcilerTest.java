package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

    static HierarchicalData synthetic(int len, long seed) {
        List<List<String>> paths = List.of(List.of("north", "s1"), List.of("north", "s2"), List.of("south", "s3"),
                List.of("south", "s4"), List.of("south", "s5"));
        Hierarchy h = Hierarchy.of(List.of("region", "store"), paths);
        SplittableRandom r = new SplittableRandom(seed);
        double[][] bottom = new double[paths.size()][len];
        for (int b = 0; b < paths.size(); b++) {
            for (int t = 0; t < len; t++) {
                bottom[b][t] = (20 + 5 * b + 0.2 * t) * (1 + 0.2 * Math.sin(2 * Math.PI * t / 12))
                        + 2 * r.nextGaussian();
            }
        }
        return monthly(h, bottom);
    }

    /** Every node of {@code h} as a monthly series, summed from the bottom rows. */
    static HierarchicalData monthly(Hierarchy h, double[][] bottom) {
        double[][] all = h.aggregate(bottom);
        List<TimeSeries> series = new ArrayList<>();
        List<String> periods = new ArrayList<>();
        for (int t = 0; t < bottom[0].length; t++) {
            periods.add(Integer.toString(t));
        }
        for (int i = 0; i < h.size(); i++) {
            series.add(new TimeSeries(h.ids().get(i), List.of(), Frequency.MONTHLY, all[i], Map.of()));
        }
        return new HierarchicalData(h, periods, series);
    }

    /** Means and one path of {@code rec} add up the tree. */
    private static void assertCoherent(Hierarchy h, List<Forecast> rec, int path) {
        double[][] means = new double[h.size()][];
        double[][] paths = new double[h.size()][];
        for (int i = 0; i < h.size(); i++) {
            means[i] = rec.get(i).mean();
            paths[i] = rec.get(i).scenarios().path(path);
        }
        assertThat(h.coherenceError(means)).isLessThan(1e-9);
        assertThat(h.coherenceError(paths)).isLessThan(1e-9);
    }

    @Test
    void hierarchyOrdersParentsFirstAndAggregates() {
        HierarchicalData d = synthetic(10, 1);
        Hierarchy h = d.hierarchy();
        assertThat(h.ids()).containsExactly("Total", "north", "south", "north/s1", "north/s2", "south/s3",
                "south/s4", "south/s5");
        assertThat(h.levelNames()).containsExactly("Total", "region", "store");
        assertThat(h.children(2)).containsExactly(5, 6, 7);
        double[][] rows = new double[h.size()][];
        for (int i = 0; i < h.size(); i++) {
            rows[i] = d.series().get(i).values();
        }
        assertThat(h.coherenceError(rows)).isLessThan(1e-9);
        rows[1][0] += 1;
        assertThat(h.coherenceError(rows)).isCloseTo(1, within(1e-9));
    }

    @Test
    void everyReconciliationIsCoherentInMeansAndPaths() {
        HierarchicalData d = synthetic(72, 2);
        Forecaster forecaster = Forecaster.builder().paths(200).build();
        List<Forecast> base = forecaster.forecastAll(d.series(), 6);
        Hierarchy h = d.hierarchy();
        for (Reconciliation how : Reconciliation.values()) {
            List<Forecast> rec = switch (how) {
                case MINT_BOTTOM_UP_VALIDATED -> Reconciler.withMintShare(d, base, 0.3);
                case LOG_AGGREGATES_WLS_BOTTOM_UP -> Reconciler.reconcile(d, base, how, (ForecasterBase) forecaster);
                default -> Reconciler.reconcile(d, base, how);
            };
            double[][] means = new double[h.size()][];
            double[][] path7 = new double[h.size()][];
            for (int i = 0; i < h.size(); i++) {
                means[i] = rec.get(i).mean();
                path7[i] = rec.get(i).scenarios().path(7);
            }
            assertThat(h.coherenceError(means)).as(how.name()).isLessThan(1e-9);
            assertThat(h.coherenceError(path7)).as(how.name()).isLessThan(1e-9);
            double ssTotal = Inventory.safetyStock(rec.get(0).scenarios(), 2, 0.9);
            assertThat(ssTotal).as(how.name()).isPositive();
        }
        List<Forecast> bu = Reconciler.reconcile(d, base, Reconciliation.BOTTOM_UP);
        assertThat(bu.get(3).mean()).containsExactly(base.get(3).mean());
        List<Forecast> td = Reconciler.reconcile(d, base, Reconciliation.TOP_DOWN);
        assertThat(td.get(0).mean()[0]).isCloseTo(base.get(0).mean()[0], within(1e-9));
    }

    @Test
    void mintDoesNotHurtTheBottomLevelOnCoherentData() {
        HierarchicalData d = synthetic(96, 3);
        HierarchicalResult r = Evaluation.hierarchical(d, 12, Forecaster.builder().paths(100).build(),
                Reconciliation.MINT_SHRINK);
        assertThat(r.coherenceError()).isLessThan(1e-9);
        assertThat(r.maseByLevel()).containsOnlyKeys("Total", "region", "store");
        assertThat(r.maseByLevel().get("store")).isLessThan(r.baseMaseByLevel().get("store") * 1.1);
    }

    /**
     * Total = a + b with base forecasts whose in-sample residuals have standard deviations {@code sd}: one period
     * of history per residual, alternating signs, so each node's residual variance is exactly {@code sd^2}.
     */
    static List<Forecast> twoLeaves(HierarchicalData d, double[] mean, double[] sd) {
        List<Forecast> base = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            double[] y = d.series().get(i).values();
            double[] fitted = new double[y.length];
            for (int t = 0; t < y.length; t++) {
                fitted[t] = y[t] - (t % 2 == 0 ? sd[i] : -sd[i]);
            }
            double[] paths = {mean[i], mean[i]};
            base.add(new Forecast(d.hierarchy().ids().get(i), "test", new double[] {mean[i]},
                    new ScenarioSet("test", 1, 2, 1, paths), "", fitted));
        }
        return base;
    }

    static HierarchicalData twoLeavesData() {
        Hierarchy h = Hierarchy.of(List.of("leaf"), List.of(List.of("a"), List.of("b")));
        double[][] all = h.aggregate(new double[][] {{10, 11, 12, 13}, {20, 21, 22, 23}});
        List<TimeSeries> series = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            series.add(new TimeSeries(h.ids().get(i), List.of(), Frequency.MONTHLY, all[i], Map.of()));
        }
        return new HierarchicalData(h, List.of("1", "2", "3", "4"), series);
    }

    @Test
    void weightedLeastSquaresSplitsTheIncoherenceByEachNodesResidualVariance() {
        HierarchicalData d = twoLeavesData();
        // base: Total 40, a 12, b 22: 6 too little at the bottom; variances 4, 1, 9
        List<Forecast> base = twoLeaves(d, new double[] {40, 12, 22}, new double[] {2, 1, 3});
        List<Forecast> rec = Reconciler.reconcile(d, base, Reconciliation.WLS_VARIANCE);
        // closed form for one sum: each leaf moves by gap * w_leaf / (w_total + w_a + w_b)
        assertThat(rec.get(1).mean()[0]).isCloseTo(12 + 6 * 1 / 14.0, within(1e-9));
        assertThat(rec.get(2).mean()[0]).isCloseTo(22 + 6 * 9 / 14.0, within(1e-9));
        assertThat(rec.get(0).mean()[0]).isCloseTo(40 - 6 * 4 / 14.0, within(1e-9));
        assertThat(rec.get(0).model()).endsWith("+wls_variance");
    }

    @Test
    void structuralScalingWeighsEachNodeByTheBottomSeriesItSums() {
        Hierarchy h = synthetic(10, 4).hierarchy();
        double[][] w = Reconciler.structuralWeights(h);
        double[] diagonal = new double[h.size()];
        for (int i = 0; i < h.size(); i++) {
            diagonal[i] = w[i][i];
            for (int k = 0; k < h.size(); k++) {
                assertThat(k == i || w[i][k] == 0).isTrue();
            }
        }
        assertThat(diagonal).containsExactly(5, 2, 3, 1, 1, 1, 1, 1);
        // residuals play no part: the same gap is split 1 : 1 : 2 between a, b and the total
        HierarchicalData d = twoLeavesData();
        List<Forecast> rec = Reconciler.reconcile(d, twoLeaves(d, new double[] {40, 12, 22}, new double[] {2, 1, 3}),
                Reconciliation.WLS_STRUCTURAL);
        assertThat(rec.get(1).mean()[0]).isCloseTo(13.5, within(1e-9));
        assertThat(rec.get(2).mean()[0]).isCloseTo(23.5, within(1e-9));
    }

    /** Validation forecasts of {@link #synthetic}: the last {@code v} values scaled by {@code factor[level]}. */
    static List<Forecast> offBy(HierarchicalData head, double[][] actual, double[] factor, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Forecast> out = new ArrayList<>();
        Hierarchy h = head.hierarchy();
        for (int i = 0; i < h.size(); i++) {
            double[] mean = actual[i].clone();
            for (int k = 0; k < mean.length; k++) {
                mean[k] *= factor[h.level(i)];
            }
            double[] y = head.series().get(i).values();
            double[] fitted = new double[y.length];
            for (int t = 0; t < y.length; t++) {
                fitted[t] = y[t] + 2 * r.nextGaussian();
            }
            out.add(new Forecast(h.ids().get(i), "test", mean, new ScenarioSet("test", 1, 1, mean.length, mean), "",
                    fitted));
        }
        return out;
    }

    /**
     * The share chosen on a 12-month window of {@link #synthetic} whose validation forecasts are the actual values
     * times {@code factor[level]}.
     */
    static double shareFor(long seed, double[] factor) {
        HierarchicalData d = synthetic(84, seed);
        HierarchicalData head = Reconciler.head(d, 12);
        double[][] actual = Reconciler.actuals(d, 12);
        return Reconciler.validatedMintShare(head, offBy(head, actual, factor, seed + 1), actual);
    }

    @Test
    void theValidatedShareIsBottomUpWhenOnlyTheBottomForecastsAreRight() {
        // the stores exact, the regions and the total 10% high: summing the stores is exact at every level
        assertThat(shareFor(5, new double[] {1.1, 1.1, 1})).isZero();
    }

    @Test
    void theValidatedShareIsMintWhenTheUpperForecastsAreRightAndTheBottomAllHigh() {
        // the total and the regions exact, every store 10% high: MinT pulls the stores down, bottom-up sums the
        // excess up the tree, and every mixture lies between, so the whole MinT share wins at every level
        assertThat(shareFor(7, new double[] {1, 1, 1.1})).isEqualTo(1.0);
    }

    @Test
    void aMixtureIsBottomUpAtShareZeroMintAtOneAndCoherentBetween() {
        HierarchicalData d = synthetic(72, 9);
        List<Forecast> base = Forecaster.builder().paths(50).build().forecastAll(d.series(), 6);
        List<Forecast> bu = Reconciler.reconcile(d, base, Reconciliation.BOTTOM_UP);
        List<Forecast> mint = Reconciler.reconcile(d, base, Reconciliation.MINT_SHRINK);
        List<Forecast> zero = Reconciler.withMintShare(d, base, 0);
        List<Forecast> one = Reconciler.withMintShare(d, base, 1);
        List<Forecast> half = Reconciler.withMintShare(d, base, 0.5);
        for (int i = 0; i < base.size(); i++) {
            for (int k = 0; k < 6; k++) {
                assertThat(zero.get(i).mean()[k]).isCloseTo(bu.get(i).mean()[k], within(1e-9));
                assertThat(one.get(i).mean()[k]).isCloseTo(mint.get(i).mean()[k], within(1e-9));
                assertThat(half.get(i).mean()[k]).isCloseTo(
                        (bu.get(i).mean()[k] + mint.get(i).mean()[k]) / 2, within(1e-9));
            }
        }
        assertThat(half.get(0).model()).endsWith("+mint_bottom_up_validated(0.5)");
        assertThatThrownBy(() -> Reconciler.withMintShare(d, base, 1.5)).hasMessageContaining("1.5");
    }

    @Test
    void theValidatedMixtureIsMadeByTheForecasterAndRefusedWithoutValidationForecasts() {
        HierarchicalData d = synthetic(72, 10);
        madeByTheForecasterOnly(d, Forecaster.builder().paths(50).build(), Reconciliation.MINT_BOTTOM_UP_VALIDATED,
                3);
        // too short to hold a window out after two seasons: no validation, MinT-shrink alone
        assertThat(Reconciler.validationLength(Reconciler.head(d, 48), 6)).isZero();
        assertThat(Reconciler.validationLength(d, 6)).isEqualTo(6);
        assertThat(Reconciler.validationLength(Reconciler.head(d, 44), 6)).isEqualTo(4);
    }

    @Test
    void logAggregatesWlsBottomUpForecastsTheAggregatesOnTheLogScaleAndStaysCoherent() {
        HierarchicalData d = synthetic(72, 11);
        List<Forecast> rec = madeByTheForecasterOnly(d, Forecaster.builder().paths(100).build(),
                Reconciliation.LOG_AGGREGATES_WLS_BOTTOM_UP, 5);
        // the aggregates' base forecasts come from log(y), the stores' from y
        assertThat(rec.get(0).model()).startsWith("log(");
        assertThat(rec.get(1).model()).startsWith("log(");
        assertThat(rec.get(3).model()).doesNotStartWith("log(");
    }

    /**
     * {@code how} through the forecaster: coherent, tagged with its share; through {@link Evaluation#hierarchical}
     * too; refused on base forecasts alone.
     */
    private static List<Forecast> madeByTheForecasterOnly(HierarchicalData d, Forecaster f, Reconciliation how,
            int path) {
        List<Forecast> rec = f.forecastHierarchy(d, 6, how);
        assertCoherent(d.hierarchy(), rec, path);
        String tag = how.name().toLowerCase(java.util.Locale.ROOT);
        assertThat(rec.get(0).model()).matches(".*\\+" + tag + "\\((0|1)\\.\\d\\)");
        HierarchicalResult r = Evaluation.hierarchical(d, 6, f, how);
        assertThat(r.coherenceError()).isLessThan(1e-9);
        assertThat(r.reconciliation()).isEqualTo(how);
        List<Forecast> base = f.forecastAll(d.series(), 6);
        assertThatThrownBy(() -> Reconciler.reconcile(d, base, how))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forecastHierarchy");
        return rec;
    }

    /** Validation forecasts equal to the actuals at the bottom and off at the aggregates. */
    private static Reconciler.Validation exactBottom(HierarchicalData d, int v, double aggregateError) {
        HierarchicalData head = Reconciler.head(d, v);
        double[][] actual = Reconciler.actuals(d, v);
        Hierarchy h = d.hierarchy();
        List<Forecast> base = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            double[] mean = actual[i].clone();
            if (h.level(i) < h.levelNames().size() - 1) {
                for (int k = 0; k < v; k++) {
                    mean[k] *= 1 + aggregateError;
                }
            }
            double[] fitted = head.series().get(i).values().clone();
            for (int t = 0; t < fitted.length; t++) {
                fitted[t] += Math.sin(7.0 * t + i);
            }
            base.add(new Forecast(h.ids().get(i), "known", mean, new ScenarioSet("known", 1, new double[][] {mean}),
                    "", fitted));
        }
        return new Reconciler.Validation(head, base, actual);
    }

    @Test
    void theValidatedShareIsBottomUpWhenTheBottomForecastsAreExactAndSumsOverTheWindows() {
        HierarchicalData d = synthetic(72, 12);
        Reconciler.Validation last = exactBottom(d, 6, 0.2);
        Reconciler.Validation before = exactBottom(Reconciler.head(d, 6), 6, 0.2);
        // bottom-up reproduces the actuals exactly on both windows: share 0 of WLS-variance
        assertThat(Reconciler.validatedShare(Reconciliation.WLS_VARIANCE, List.of(last, before))).isZero();
        // with the aggregates exact and the stores off, some weight moves to WLS-variance
        Reconciler.Validation storesOff = exactBottom(d, 6, 0);
        double[][] actual = storesOff.actual();
        Hierarchy h = d.hierarchy();
        List<Forecast> off = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            Forecast b = storesOff.base().get(i);
            double[] mean = b.mean();
            if (h.level(i) == 2) {
                for (int k = 0; k < mean.length; k++) {
                    mean[k] = actual[i][k] * (i % 2 == 0 ? 1.3 : 1.25);
                }
            }
            off.add(new Forecast(b.seriesId(), b.model(), mean, new ScenarioSet("known", 1, new double[][] {mean}),
                    "", b.fitted()));
        }
        Reconciler.Validation storesBiased = new Reconciler.Validation(storesOff.head(), off, actual);
        assertThat(Reconciler.validatedShare(Reconciliation.WLS_VARIANCE, List.of(storesBiased))).isPositive();
        // summed over the windows: the exact bottom of two windows outweighs the one biased window
        assertThat(Reconciler.validatedShare(Reconciliation.WLS_VARIANCE, List.of(storesBiased, last, before)))
                .isLessThan(Reconciler.validatedShare(Reconciliation.WLS_VARIANCE, List.of(storesBiased)));
    }
}
