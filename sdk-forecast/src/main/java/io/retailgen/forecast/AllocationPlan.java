package io.retailgen.forecast;

import java.util.List;
import java.util.Map;

/**
 * An order and its allocation: how much to order, how much of it goes to each store, which units move between stores
 * now, each store's stock before and after the delivery, and the expected cost over the problem's scenarios.
 *
 * @param method how it was made: {@code "lp"} ({@link ScenarioAllocator#solve}) or {@code "newsvendor-per-store"}
 * @param order the units ordered
 * @param allocation per store id, the units of the order it receives
 * @param transfers the moves between stores made now
 * @param stockBeforeDelivery per store id, the stock after the transfers
 * @param expectedCost ordering, transfer, holding and shortage cost averaged over the scenarios
 */
public record AllocationPlan(String method, double order, Map<String, Double> allocation, List<Transfer> transfers,
        Map<String, Double> stockBeforeDelivery, double expectedCost) {

    /** Copies. */
    public AllocationPlan {
        allocation = Map.copyOf(allocation);
        transfers = List.copyOf(transfers);
        stockBeforeDelivery = Map.copyOf(stockBeforeDelivery);
    }

    /**
     * One move of stock between stores.
     *
     * @param from the sending store
     * @param to the receiving store
     * @param units the units moved
     */
    public record Transfer(String from, String to, double units) {
    }

    /** @return the units moved between stores in all */
    public double transferredUnits() {
        return transfers.stream().mapToDouble(Transfer::units).sum();
    }
}
