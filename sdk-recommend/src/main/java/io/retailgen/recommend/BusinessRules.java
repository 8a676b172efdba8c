package io.retailgen.recommend;

import java.util.Map;

/**
 * Business rules applied after scoring.
 *
 * <pre>{@code
 * BusinessRules rules = BusinessRules.defaults()
 *         .withCategoryCap(3)
 *         .withBoosts(Map.of("sku-1", 1.5))
 *         .withPins(Map.of("promo-7", 0));
 * }</pre>
 *
 * @param dropOutOfStock drop items the catalog lists as out of stock
 * @param dropViewed drop items already viewed in the session (off by default: shoppers often return to an item)
 * @param categoryCap at most this many items of one category per list; 0 for no cap
 * @param boosts score multipliers by item id, each {@code > 0} (copied)
 * @param pins items forced to a 0-based position of every list (copied)
 */
public record BusinessRules(boolean dropOutOfStock, boolean dropViewed, int categoryCap, Map<String, Double> boosts,
        Map<String, Integer> pins) {

    /** Validates and copies. */
    public BusinessRules {
        if (categoryCap < 0) {
            throw new IllegalArgumentException("categoryCap must be >= 0 (0 = no cap), was " + categoryCap);
        }
        boosts = boosts == null ? Map.of() : Map.copyOf(boosts);
        pins = pins == null ? Map.of() : Map.copyOf(pins);
        boosts.forEach((k, v) -> {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("boost of item " + k + " must be finite and > 0, was " + v);
            }
        });
        pins.forEach((k, v) -> {
            if (v < 0) {
                throw new IllegalArgumentException("pin position of item " + k + " must be >= 0, was " + v);
            }
        });
    }

    /** @return drop out-of-stock items, keep viewed ones, no cap, no boosts, no pins */
    public static BusinessRules defaults() {
        return new BusinessRules(true, false, 0, Map.of(), Map.of());
    }

    /** @param drop whether to drop viewed items @return a copy with that setting */
    public BusinessRules withDropViewed(boolean drop) {
        return new BusinessRules(dropOutOfStock, drop, categoryCap, boosts, pins);
    }

    /** @param cap the per-category cap (0 = none) @return a copy with that cap */
    public BusinessRules withCategoryCap(int cap) {
        return new BusinessRules(dropOutOfStock, dropViewed, cap, boosts, pins);
    }

    /** @param itemBoosts the multipliers @return a copy with those boosts */
    public BusinessRules withBoosts(Map<String, Double> itemBoosts) {
        return new BusinessRules(dropOutOfStock, dropViewed, categoryCap, itemBoosts, pins);
    }

    /** @param itemPins the pinned positions @return a copy with those pins */
    public BusinessRules withPins(Map<String, Integer> itemPins) {
        return new BusinessRules(dropOutOfStock, dropViewed, categoryCap, boosts, itemPins);
    }
}
