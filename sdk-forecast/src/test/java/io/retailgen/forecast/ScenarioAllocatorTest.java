package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScenarioAllocatorTest {

    /** Paths of {@code steps} values, each step uniform in [lo, hi]. */
    static ScenarioSet uniform(int paths, int steps, double lo, double hi, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] p = new double[paths][steps];
        for (double[] row : p) {
            for (int t = 0; t < steps; t++) {
                row[t] = lo + (hi - lo) * r.nextDouble();
            }
        }
        return new ScenarioSet("test", seed, p);
    }

    @Test
    void oneStoreWithoutStockOrdersTheNewsvendorQuantity() {
        ScenarioSet d = uniform(200, 1, 0, 100, 1);
        AllocationProblem p = AllocationProblem.builder().store(new StoreStock("s", 0, 1000, 1, 4), d).orderCost(1)
                .build();
        AllocationPlan lp = ScenarioAllocator.solve(p);
        AllocationPlan nv = ScenarioAllocator.newsvendorPerStore(p);
        // critical ratio (4 - 1) / (4 + 1) = 0.6: any order between the 120th and the 121st smallest demand is optimal
        double[] sorted = d.totals(0, 1);
        Arrays.sort(sorted);
        assertThat(lp.order()).isBetween(sorted[119] - 1e-6, sorted[120] + 1e-6);
        assertThat(lp.expectedCost()).isCloseTo(nv.expectedCost(), within(1e-6));
        assertThat(lp.transfers()).isEmpty();
    }

    @Test
    void theLpMovesSurplusStockInsteadOfOrderingAndBeatsTheNewsvendorBaseline() {
        AllocationProblem p = AllocationProblem.builder()
                .store(new StoreStock("full", 100, 150, 0.5, 5), uniform(100, 2, 0, 10, 2))
                .store(new StoreStock("empty", 0, 150, 0.5, 5), uniform(100, 2, 10, 30, 3))
                .orderCost(2).transferCost(0.1).build();
        AllocationPlan lp = ScenarioAllocator.solve(p);
        AllocationPlan nv = ScenarioAllocator.newsvendorPerStore(p);
        assertThat(lp.transfers()).singleElement().satisfies(t -> {
            assertThat(t.from()).isEqualTo("full");
            assertThat(t.to()).isEqualTo("empty");
            assertThat(t.units()).isGreaterThan(30);
        });
        assertThat(lp.order()).isLessThan(1e-6);
        assertThat(nv.order()).isGreaterThan(30);
        assertThat(lp.expectedCost()).isLessThan(nv.expectedCost() * 0.8);
        // the LP's objective and the plan's score on the scenarios agree
        assertThat(ScenarioAllocator.expectedCost(p, lp)).isCloseTo(lp.expectedCost(), within(1e-9));
    }

    @Test
    void capacityAndTheOrderLimitHold() {
        AllocationProblem p = AllocationProblem.builder()
                .store(new StoreStock("a", 0, 20, 0.1, 10), uniform(50, 3, 10, 20, 4))
                .store(new StoreStock("b", 0, 200, 0.1, 10), uniform(50, 3, 10, 20, 5))
                .orderCost(1).maxOrder(70).build();
        AllocationPlan lp = ScenarioAllocator.solve(p);
        assertThat(lp.allocation().get("a")).isLessThanOrEqualTo(20 + 1e-6);
        assertThat(lp.order()).isLessThanOrEqualTo(70 + 1e-6);
        assertThat(lp.allocation().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(lp.order(), within(1e-6));
        AllocationPlan nv = ScenarioAllocator.newsvendorPerStore(p);
        assertThat(nv.order()).isLessThanOrEqualTo(70 + 1e-9);
        assertThat(lp.expectedCost()).isLessThanOrEqualTo(nv.expectedCost() + 1e-6);
    }

    @Test
    void aSupplierDelayRaisesTheCostAndTheLpPrepositionsStock() {
        ScenarioSet da = uniform(100, 4, 5, 15, 6);
        ScenarioSet db = uniform(100, 4, 5, 15, 7);
        AllocationProblem.Builder base = AllocationProblem.builder()
                .store(new StoreStock("stocked", 60, 100, 0.2, 6), da)
                .store(new StoreStock("bare", 0, 100, 0.2, 6), db).transferCost(0.3);
        AllocationProblem onTime = base.build();
        int[] arrival = ScenarioStress.supplierDelays(100, new int[] {0, 2, 3}, new double[] {0.2, 0.5, 0.3}, 9L);
        AllocationProblem late = base.arrival(arrival).build();
        AllocationPlan planOnTime = ScenarioAllocator.solve(onTime);
        AllocationPlan planLate = ScenarioAllocator.solve(late);
        assertThat(planLate.expectedCost()).isGreaterThan(planOnTime.expectedCost());
        assertThat(planLate.transferredUnits()).isGreaterThan(planOnTime.transferredUnits());
        assertThat(ScenarioAllocator.expectedCost(late, planLate))
                .isLessThanOrEqualTo(ScenarioAllocator.expectedCost(late, planOnTime) + 1e-9);
        assertThat(ScenarioAllocator.expectedCost(late, planLate)).isCloseTo(planLate.expectedCost(), within(1e-9));
    }

    @Test
    void stressTransformsChangeTheScenariosAsDocumented() {
        ScenarioSet s = new ScenarioSet("m", 1, new double[][] {{10, 10, 10, 10}, {20, 20, 20, 20}});
        ScenarioSet spike = ScenarioStress.spikeWithDecay(s, 3, 1, 1);
        assertThat(spike.path(0)).containsExactly(10, 30, 20, 15);
        assertThat(ScenarioStress.closure(s, 1, 3).path(1)).containsExactly(20, 0, 0, 20);
        assertThat(s.path(0)).containsExactly(10, 10, 10, 10);
        int[] delays = ScenarioStress.supplierDelays(10_000, new int[] {0, 2}, new double[] {0.25, 0.75}, 1L);
        assertThat(Arrays.stream(delays).filter(x -> x == 2).count() / 10_000.0).isCloseTo(0.75, within(0.02));
        assertThatThrownBy(() -> ScenarioStress.supplierDelays(5, new int[] {0, 1}, new double[] {0.5, 0.4}, 1L))
                .hasMessageContaining("sum to 1");
        assertThatThrownBy(() -> ScenarioStress.closure(s, 2, 9)).hasMessageContaining("toStep must be in (2, 4]");
        assertThatThrownBy(() -> ScenarioStress.spikeWithDecay(s, 2, 0, 0)).hasMessageContaining("halfLife");
    }

    @Test
    void badProblemsAreRejectedNamingTheField() {
        assertThatThrownBy(() -> new StoreStock("x", 5, 4, 1, 1))
                .hasMessageContaining("store x: capacity must be >= onHand (5.0), got 4.0");
        assertThatThrownBy(() -> new StoreStock("x", 1, 4, -1, 1)).hasMessageContaining("holdingCost");
        ScenarioSet a = uniform(10, 2, 0, 1, 1);
        ScenarioSet b = uniform(12, 2, 0, 1, 1);
        assertThatThrownBy(() -> AllocationProblem.builder().store(new StoreStock("a", 0, 1, 0, 1), a)
                .store(new StoreStock("b", 0, 1, 0, 1), b)).hasMessageContaining("store b has 12 x 2 scenarios");
        assertThatThrownBy(() -> AllocationProblem.builder().store(new StoreStock("a", 0, 1, 0, 1), a)
                .store(new StoreStock("a", 0, 1, 0, 1), a)).hasMessageContaining("store a is given twice");
        assertThatThrownBy(() -> AllocationProblem.builder().build()).hasMessageContaining("at least one store");
        assertThatThrownBy(() -> AllocationProblem.builder().store(new StoreStock("a", 0, 1, 0, 1), a)
                .arrival(new int[3]).build()).hasMessageContaining("arrival has 3 steps");
        assertThatThrownBy(() -> AllocationProblem.builder().store(new StoreStock("a", 0, 1, 0, 1),
                new ScenarioSet("m", 1, new double[][] {{1, -2}}))).hasMessageContaining("scenario 0 step 1 is -2.0");
    }
}
