package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.retailgen.core.RetailGenException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InventoryTest {

    private final ScenarioSet demand = ScenarioSetTest.normal(40000, 6, 100, 10, 3);

    @Test
    void safetyStockOfIidNormalDemandIsZSigmaRootL() {
        double ss = Inventory.safetyStock(demand, 4, 0.95);
        assertThat(ss).isCloseTo(1.6449 * 10 * 2, within(1.0));
        InventoryPolicy p = Inventory.forServiceLevel(demand, 4, 0.95);
        assertThat(p.meanLeadTimeDemand()).isCloseTo(400, within(0.5));
        assertThat(p.reorderPoint()).isCloseTo(p.meanLeadTimeDemand() + p.safetyStock(), within(1e-9));
    }

    @Test
    void supplierDisruptionAndUncertainLeadTimeRaiseTheReorderPoint() {
        double fixed = Inventory.forServiceLevel(demand, 2, 0.9).reorderPoint();
        double delayed = Inventory.forServiceLevel(demand, 2 + 2, 0.9).reorderPoint();
        double uncertain = Inventory.forServiceLevel(demand, new int[] {2, 4}, new double[] {0.5, 0.5}, 0.9, 1)
                .reorderPoint();
        assertThat(delayed).isGreaterThan(fixed);
        assertThat(uncertain).isGreaterThan(fixed).isLessThan(delayed + 1);
        double spiked = Inventory.forServiceLevel(demand.spike(1.5, 0), 2, 0.9).reorderPoint();
        assertThat(spiked).isCloseTo(1.5 * fixed, within(1.0));
    }

    @Test
    void fillRateNeedsLessStockThanItsServiceLevelTwin() {
        InventoryPolicy fr = Inventory.forFillRate(demand, 1, 0.99, 100);
        InventoryPolicy csl = Inventory.forServiceLevel(demand, 1, 0.99);
        assertThat(fr.reorderPoint()).isLessThan(csl.reorderPoint());
        assertThat(Inventory.forFillRate(demand, 1, 0.999, 100).reorderPoint()).isGreaterThan(fr.reorderPoint());
    }

    @Test
    void newsvendorOrdersTheCriticalRatioQuantile() {
        double q = Inventory.newsvendor(demand, 0, 1, 10, 6, 2);
        assertThat(q).isCloseTo(100 + 10 * 0.0, within(0.5)); // ratio (10-6)/(10-2) = 0.5
        assertThat(Inventory.newsvendor(demand, 0, 1, 10, 3, 2)).isGreaterThan(q);
        assertThatThrownBy(() -> Inventory.newsvendor(demand, 0, 1, 5, 6, 2)).hasMessageContaining("price > cost");
        assertThatThrownBy(() -> Inventory.safetyStock(demand, 7, 0.9)).hasMessageContaining("lead time");
    }

    /** 95 paths of tiny demand and 5 of huge: the 95% quantile lies far below the mean. */
    private static ScenarioSet mixedTinyAndHuge(double huge) {
        double[][] paths = new double[100][3];
        for (int p = 0; p < paths.length; p++) {
            Arrays.fill(paths[p], p < 95 ? 1e-300 : huge);
        }
        return new ScenarioSet("mixed", 1, paths);
    }

    @Test
    void mixedTinyAndHugeValuesGiveAFiniteNonNegativeSafetyStock() {
        for (double huge : new double[] {1e300, 1e307, Double.MAX_VALUE}) {
            ScenarioSet s = mixedTinyAndHuge(huge);
            for (int lead = 1; lead <= 3; lead++) {
                InventoryPolicy p = Inventory.forServiceLevel(s, lead, 0.9);
                assertThat(p.safetyStock()).as("huge %s, lead %d", huge, lead).isFinite().isGreaterThanOrEqualTo(0);
                assertThat(p.reorderPoint()).isFinite().isGreaterThanOrEqualTo(p.meanLeadTimeDemand());
                assertThat(p.meanLeadTimeDemand()).isCloseTo(0.05 * lead * huge, within(1e-9 * lead * huge));
                if (huge < Double.MAX_VALUE) { // at MAX_VALUE a 99% fill rate needs a reorder point beyond it
                    InventoryPolicy fr = Inventory.forFillRate(s, lead, 0.99, 1);
                    assertThat(fr.safetyStock()).isFinite().isGreaterThanOrEqualTo(0);
                }
                InventoryPolicy uncertain = Inventory.forServiceLevel(s, new int[] {1, lead},
                        new double[] {0.5, 0.5}, 0.9, 3);
                assertThat(uncertain.safetyStock()).isFinite().isGreaterThanOrEqualTo(0);
            }
            assertThat(Inventory.newsvendor(s, 0, 3, 10, 6, 2)).isFinite();
        }
    }

    @Test
    void aResultBeyondTheRangeOfDoubleFailsWithAClearError() {
        double[][] paths = new double[10][4];
        for (double[] p : paths) {
            Arrays.fill(p, Double.MAX_VALUE / 2);
        }
        ScenarioSet s = new ScenarioSet("huge", 1, paths);
        assertThat(Inventory.forServiceLevel(s, 2, 0.9).reorderPoint()).isCloseTo(Double.MAX_VALUE,
                within(Double.MAX_VALUE * 1e-12));
        assertThatThrownBy(() -> Inventory.forServiceLevel(s, 4, 0.9)).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("too large for a double").hasMessageContaining("rescale");
        assertThatThrownBy(() -> Inventory.newsvendor(s, 0, 4, 10, 6, 2)).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("too large for a double");
    }

    @Test
    void safetyStockIsNeverNegativeForSkewedDemand() {
        double[][] paths = new double[20][1];
        paths[19][0] = 1000; // one rare huge order: the mean (50) is above the 90% quantile (0)
        ScenarioSet s = new ScenarioSet("skewed", 1, paths);
        InventoryPolicy p = Inventory.forServiceLevel(s, 1, 0.9);
        assertThat(p.safetyStock()).isZero();
        assertThat(p.reorderPoint()).isEqualTo(p.meanLeadTimeDemand()).isEqualTo(50);
    }
}
