package io.retailgen.forecast;

import java.util.Objects;

/**
 * One store of an allocation: what it holds now, what it can hold, and what a unit left over or short costs it.
 *
 * @param id the store id, unique in an {@link AllocationProblem}
 * @param onHand units on hand now, {@code >= 0}
 * @param capacity the most units it can hold after transfers and the delivery, {@code >= onHand}
 * @param holdingCost the cost of a unit left at the end of the horizon, {@code >= 0}
 * @param shortageCost the cost of a unit of demand not served (lost sale), {@code >= 0}
 */
public record StoreStock(String id, double onHand, double capacity, double holdingCost, double shortageCost) {

    /** Validates. */
    public StoreStock {
        Objects.requireNonNull(id, "id == null");
        if (id.isBlank()) {
            throw new IllegalArgumentException("store id must not be blank");
        }
        nonNegative(id, "onHand", onHand);
        nonNegative(id, "holdingCost", holdingCost);
        nonNegative(id, "shortageCost", shortageCost);
        if (!(capacity >= onHand) || Double.isNaN(capacity)) {
            throw new IllegalArgumentException("store " + id + ": capacity must be >= onHand (" + onHand + "), got "
                    + capacity);
        }
    }

    static void nonNegative(String id, String field, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("store " + id + ": " + field + " must be finite and >= 0, got " + v);
        }
    }
}
