package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
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
        double[][] all = h.aggregate(bottom);
        List<TimeSeries> series = new ArrayList<>();
        List<String> periods = new ArrayList<>();
        for (int t = 0; t < len; t++) {
            periods.add(Integer.toString(t));
        }
        for (int i = 0; i < h.size(); i++) {
            series.add(new TimeSeries(h.ids().get(i), List.of(), Frequency.MONTHLY, all[i], Map.of()));
        }
        return new HierarchicalData(h, periods, series);
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
        List<Forecast> base = Forecaster.builder().paths(200).build().forecastAll(d.series(), 6);
        Hierarchy h = d.hierarchy();
        for (Reconciliation how : Reconciliation.values()) {
            List<Forecast> rec = Reconciler.reconcile(d, base, how);
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

    @Test
    void minimumTraceOnGivenErrorsUsesTheirCovarianceInsteadOfTheResiduals() {
        HierarchicalData d = twoLeavesData();
        // in-sample residuals all alike (sd 1, perfectly correlated); the given errors are uncorrelated with
        // variances 4, 1, 9, which is the weighted least squares case with those weights
        List<Forecast> base = twoLeaves(d, new double[] {40, 12, 22}, new double[] {1, 1, 1});
        double[][] errors = {{2, -2, 2, -2}, {1, 1, -1, -1}, {3, -3, -3, 3}};
        List<Forecast> rec = Reconciler.reconcileWithErrors(d, base, errors, "mint_backtest");
        assertThat(rec.get(1).mean()[0]).isCloseTo(12 + 6 * 1 / 14.0, within(1e-9));
        assertThat(rec.get(2).mean()[0]).isCloseTo(22 + 6 * 9 / 14.0, within(1e-9));
        assertThat(rec.get(0).model()).endsWith("+mint_backtest");
        List<Forecast> insample = Reconciler.reconcile(d, base, Reconciliation.MINT_SHRINK);
        assertThat(Math.abs(insample.get(1).mean()[0] - rec.get(1).mean()[0])).isGreaterThan(1);
    }
}
