package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.core.data.DataValidator;
import io.retailgen.datasets.AusRetail;
import io.retailgen.testing.SharedData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The allocation example of docs/BENCHMARKS.md on scenarios derived from aus-retail: the eight states' "Food
 * retailing" turnover as eight stores, the last three months held out, 200 scenarios per store from the statistical
 * ensemble; stock on hand uneven (3.5 or 0.25 mean months), capacity 5 mean months, order cost 1, transfer cost 0.1,
 * holding 0.2 and shortage 3 per unit. The LP plan against every store ordering its own newsvendor quantity, on the
 * same scenarios, plain and under three stress tests; plus both plans scored on what actually happened.
 */
class AllocationExampleTest {

    static final String INDUSTRY = "Food retailing";
    static final int HORIZON = 3;

    @Test
    void theLpBeatsNewsvendorPerStoreOnAusRetailScenarios() {
        HierarchicalData aus = TimeSeriesReader.readHierarchical(SharedData.require("timeseries/aus-retail.csv"),
                AusRetail.TIME_COLUMN, AusRetail.VALUE_COLUMN, AusRetail.HIERARCHY, DataValidator.lenient());
        List<TimeSeries> history = new ArrayList<>();
        List<double[]> actual = new ArrayList<>();
        for (int node : aus.hierarchy().bottom()) {
            TimeSeries s = aus.series().get(node);
            if (s.path().get(s.path().size() - 1).equals(INDUSTRY)) {
                double[] v = s.values();
                history.add(new TimeSeries(s.id(), s.path(), s.frequency(), Arrays.copyOf(v, v.length - HORIZON),
                        Map.of()));
                actual.add(Arrays.copyOfRange(v, v.length - HORIZON, v.length));
            }
        }
        assertThat(history).hasSize(8);
        List<ScenarioSet> scenarios = Forecaster.builder().paths(200).seed(3).build().forecastAll(history, HORIZON)
                .stream().map(Forecast::scenarios).toList();
        List<String> rows = new ArrayList<>();
        rows.add("| case | LP expected cost | newsvendor-per-store expected cost | LP saves | LP order | LP transfers "
                + "| seconds (LP) |");
        rows.add("|---|---|---|---|---|---|---|");
        double[] plain = row(rows, "plain", history, scenarios, UnaryOperator.identity(), null, -1);
        row(rows, "demand spike x2 in the largest state, half-life 1 month", history, scenarios,
                s -> ScenarioStress.spikeWithDecay(s, 2, 0, 1), null, largest(history));
        row(rows, "supplier delay 0/1/2 months with p 0.5/0.3/0.2", history, scenarios, UnaryOperator.identity(),
                ScenarioStress.supplierDelays(200, new int[] {0, 1, 2}, new double[] {0.5, 0.3, 0.2}, 5L), -1);
        row(rows, "largest state closed for the first 2 months", history, scenarios, s -> ScenarioStress.closure(s,
                0, 2), null, largest(history));
        AllocationProblem problem = problem(history, scenarios, null);
        AllocationProblem realised = problem(history, actual.stream().map(a -> new ScenarioSet("actual", 0,
                new double[][] {a})).toList(), null);
        double lpReal = ScenarioAllocator.expectedCost(realised, ScenarioAllocator.solve(problem));
        double nvReal = ScenarioAllocator.expectedCost(realised, ScenarioAllocator.newsvendorPerStore(problem));
        rows.add(String.format(Locale.ROOT, "| the plain plans scored on the held-out 3 months | %.1f | %.1f | %.1f%% "
                + "| | | |", lpReal, nvReal, 100 * (1 - lpReal / nvReal)));
        System.out.println(String.join("\n", rows));
        assertThat(plain[0]).isLessThan(plain[1]);
    }

    static int largest(List<TimeSeries> history) {
        int best = 0;
        for (int i = 1; i < history.size(); i++) {
            if (meanLastYear(history.get(i)) > meanLastYear(history.get(best))) {
                best = i;
            }
        }
        return best;
    }

    static double meanLastYear(TimeSeries s) {
        double[] v = s.values();
        return Arrays.stream(v, v.length - 12, v.length).average().orElseThrow();
    }

    static AllocationProblem problem(List<TimeSeries> history, List<ScenarioSet> scenarios, int[] arrival) {
        AllocationProblem.Builder b = AllocationProblem.builder().orderCost(1).transferCost(0.1);
        for (int i = 0; i < history.size(); i++) {
            double month = meanLastYear(history.get(i));
            double onHand = month * (i % 2 == 0 ? 3.5 : 0.25);
            b.store(new StoreStock(history.get(i).path().get(0), onHand, 5 * month, 0.2, 3), scenarios.get(i));
        }
        if (arrival != null) {
            b.arrival(arrival);
        }
        return b.build();
    }

    static double[] row(List<String> rows, String name, List<TimeSeries> history, List<ScenarioSet> scenarios,
            UnaryOperator<ScenarioSet> stress, int[] arrival, int stressed) {
        List<ScenarioSet> s = new ArrayList<>(scenarios);
        if (stressed >= 0) {
            s.set(stressed, stress.apply(s.get(stressed)));
        }
        AllocationProblem p = problem(history, s, arrival);
        long t0 = System.nanoTime();
        AllocationPlan lp = ScenarioAllocator.solve(p);
        double seconds = (System.nanoTime() - t0) / 1e9;
        AllocationPlan nv = ScenarioAllocator.newsvendorPerStore(p);
        assertThat(lp.expectedCost()).isLessThanOrEqualTo(nv.expectedCost() + 1e-6);
        rows.add(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f%% | %.1f | %.1f | %.1f |", name,
                lp.expectedCost(), nv.expectedCost(), 100 * (1 - lp.expectedCost() / nv.expectedCost()), lp.order(),
                lp.transferredUnits(), seconds));
        return new double[] {lp.expectedCost(), nv.expectedCost()};
    }
}
