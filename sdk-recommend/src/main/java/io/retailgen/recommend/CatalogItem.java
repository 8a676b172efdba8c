package io.retailgen.recommend;

import java.util.Map;
import java.util.Objects;

/**
 * One item of the catalog.
 *
 * @param itemId the item id, not blank
 * @param displayName the name shown to shoppers, such as in explanations ("Because you viewed Red Runner"); the
 *     item id when null or blank
 * @param category the category, empty when unknown
 * @param attributes free-form attributes (copied)
 * @param inStock whether the item can be sold now
 * @param price the price, {@code >= 0}, or {@code NaN} when unknown
 */
public record CatalogItem(String itemId, String displayName, String category, Map<String, String> attributes,
        boolean inStock, double price) {

    /** Validates and copies. */
    public CatalogItem {
        Objects.requireNonNull(itemId, "itemId");
        if (itemId.isBlank()) {
            throw new IllegalArgumentException("itemId must not be blank");
        }
        displayName = displayName == null || displayName.isBlank() ? itemId : displayName;
        category = category == null ? "" : category;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        if (price < 0) {
            throw new IllegalArgumentException("price must be >= 0 or NaN (unknown), was " + price + " for item "
                    + itemId);
        }
    }

    /**
     * An in-stock item with a category and no other data (its id is its display name).
     *
     * @param itemId the id
     * @param category the category
     * @return the item
     */
    public static CatalogItem of(String itemId, String category) {
        return new CatalogItem(itemId, itemId, category, Map.of(), true, Double.NaN);
    }
}
