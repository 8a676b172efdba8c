package io.retailgen.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link ScenarioAllocator} decides on: stores with their stock, capacity and costs, demand scenarios for each
 * store over a horizon, the cost of ordering a unit and of moving a unit between stores, and when the order arrives.
 * Scenario {@code k} of every store is one joint scenario (path {@code k} of each store's {@link ScenarioSet}); all
 * scenarios are equally likely. Immutable.
 *
 * <pre>{@code
 * AllocationProblem p = AllocationProblem.builder()
 *         .store(new StoreStock("north", 40, 120, 0.3, 4.0), northScenarios)   // ScenarioSet over 3 months
 *         .store(new StoreStock("south", 5, 80, 0.3, 4.0), southScenarios)
 *         .orderCost(1.0).transferCost(0.2)
 *         .arrival(ScenarioStress.supplierDelays(200, new int[] {0, 1, 2}, new double[] {.7, .2, .1}, 7L))
 *         .build();
 * AllocationPlan plan = ScenarioAllocator.solve(p);
 * }</pre>
 */
public final class AllocationProblem {

    private final List<StoreStock> stores;
    private final List<ScenarioSet> demand;
    private final double orderCost;
    private final double transferCost;
    private final double maxOrder;
    private final int[] arrival;

    private AllocationProblem(Builder b) {
        this.stores = List.copyOf(b.stores.keySet().stream().map(b.stores::get).map(Entry::stock).toList());
        this.demand = b.stores.values().stream().map(Entry::demand).toList();
        this.orderCost = b.orderCost;
        this.transferCost = b.transferCost;
        this.maxOrder = b.maxOrder;
        this.arrival = b.arrival == null ? new int[scenarios()] : b.arrival.clone();
    }

    private record Entry(StoreStock stock, ScenarioSet demand) {
    }

    /** @return a builder: order cost 1, transfer cost 0, no order limit, the order arrives at step 0 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the stores, in the order they were added */
    public List<StoreStock> stores() {
        return stores;
    }

    /**
     * @param store the store's index in {@link #stores()}
     * @return its demand scenarios
     */
    public ScenarioSet demand(int store) {
        return demand.get(store);
    }

    /** @return the number of joint scenarios */
    public int scenarios() {
        return demand.get(0).paths();
    }

    /** @return the number of steps each scenario covers */
    public int horizon() {
        return demand.get(0).horizon();
    }

    /** @return the cost of ordering one unit */
    public double orderCost() {
        return orderCost;
    }

    /** @return the cost of moving one unit from one store to another */
    public double transferCost() {
        return transferCost;
    }

    /** @return the most units that may be ordered ({@code Double.POSITIVE_INFINITY} for no limit) */
    public double maxOrder() {
        return maxOrder;
    }

    /** @return per scenario, the step at which the order arrives (a copy); demand before it is served from stock */
    public int[] arrival() {
        return arrival.clone();
    }

    /** Demand of store {@code i} in scenario {@code k} before the order arrives and from then on. */
    double[] split(int i, int k) {
        double[] path = demand.get(i).path(k);
        double before = 0;
        double after = 0;
        for (int t = 0; t < path.length; t++) {
            if (t < arrival[k]) {
                before += path[t];
            } else {
                after += path[t];
            }
        }
        return new double[] {before, after};
    }

    /** Builds an {@link AllocationProblem}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Entry> stores = new LinkedHashMap<>();
        private double orderCost = 1;
        private double transferCost;
        private double maxOrder = Double.POSITIVE_INFINITY;
        private int[] arrival;

        private Builder() {
        }

        /**
         * @param stock the store
         * @param scenarios its demand scenarios; every store needs the same number of paths and steps, and the
         *     values must be {@code >= 0}
         * @return this
         */
        public Builder store(StoreStock stock, ScenarioSet scenarios) {
            Objects.requireNonNull(stock, "stock == null");
            Objects.requireNonNull(scenarios, "scenarios == null");
            if (stores.containsKey(stock.id())) {
                throw new IllegalArgumentException("store " + stock.id() + " is given twice");
            }
            if (!stores.isEmpty()) {
                ScenarioSet first = stores.values().iterator().next().demand();
                if (first.paths() != scenarios.paths() || first.horizon() != scenarios.horizon()) {
                    throw new IllegalArgumentException("store " + stock.id() + " has " + scenarios.paths() + " x "
                            + scenarios.horizon() + " scenarios, the first store " + first.paths() + " x "
                            + first.horizon() + " (paths x steps must match)");
                }
            }
            for (int k = 0; k < scenarios.paths(); k++) {
                for (int t = 0; t < scenarios.horizon(); t++) {
                    if (scenarios.value(k, t) < 0) {
                        throw new IllegalArgumentException("store " + stock.id() + ": demand must be >= 0, scenario "
                                + k + " step " + t + " is " + scenarios.value(k, t));
                    }
                }
            }
            stores.put(stock.id(), new Entry(stock, scenarios));
            return this;
        }

        /**
         * @param cost the cost of ordering one unit, {@code >= 0}
         * @return this
         */
        public Builder orderCost(double cost) {
            StoreStock.nonNegative("(all)", "orderCost", cost);
            this.orderCost = cost;
            return this;
        }

        /**
         * @param cost the cost of moving one unit between two stores, {@code >= 0}
         * @return this
         */
        public Builder transferCost(double cost) {
            StoreStock.nonNegative("(all)", "transferCost", cost);
            this.transferCost = cost;
            return this;
        }

        /**
         * @param units the most units that may be ordered, {@code >= 0}
         * @return this
         */
        public Builder maxOrder(double units) {
            StoreStock.nonNegative("(all)", "maxOrder", units);
            this.maxOrder = units;
            return this;
        }

        /**
         * @param steps per scenario, the step at which the order arrives (0: at once); see
         *     {@link ScenarioStress#supplierDelays}
         * @return this
         */
        public Builder arrival(int[] steps) {
            Objects.requireNonNull(steps, "steps == null");
            for (int s : steps) {
                if (s < 0) {
                    throw new IllegalArgumentException("arrival steps must be >= 0, got " + s);
                }
            }
            this.arrival = steps.clone();
            return this;
        }

        /**
         * @return the problem
         * @throws IllegalStateException when no store was added or the arrival steps do not match the scenarios
         */
        public AllocationProblem build() {
            if (stores.isEmpty()) {
                throw new IllegalStateException("an allocation needs at least one store");
            }
            int k = stores.values().iterator().next().demand().paths();
            if (arrival != null && arrival.length != k) {
                throw new IllegalStateException("arrival has " + arrival.length + " steps, expected one per "
                        + "scenario (" + k + ")");
            }
            return new AllocationProblem(this);
        }
    }

    @Override
    public String toString() {
        return "AllocationProblem[" + stores.size() + " stores, " + scenarios() + " scenarios x " + horizon()
                + " steps, order cost " + orderCost + ", transfer cost " + transferCost + ", arrival "
                + Arrays.stream(arrival).summaryStatistics() + "]";
    }
}
