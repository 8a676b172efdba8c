package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
}
