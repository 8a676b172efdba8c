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
}
