package io.retailgen.recommend;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable set of catalog items by id. Immutable and thread-safe; to change stock, build a new catalog and
 * hand it to {@link Recommender#updateCatalog(Catalog)}.
 *
 * <pre>{@code
 * Catalog catalog = Catalog.of(List.of(CatalogItem.of("a", "shoes"), CatalogItem.of("b", "bags")));
 * boolean sellable = catalog.inStock("a");
 * }</pre>
 */
public final class Catalog {

    private static final Catalog EMPTY = new Catalog(Map.of());

    private final Map<String, CatalogItem> items;

    private Catalog(Map<String, CatalogItem> items) {
        this.items = items;
    }

    /**
     * A catalog with no item data: every item counts as in stock and without category.
     *
     * @return the empty catalog
     */
    public static Catalog empty() {
        return EMPTY;
    }

    /**
     * Builds a catalog; a later item with the same id replaces an earlier one.
     *
     * @param items the items
     * @return the catalog
     */
    public static Catalog of(Collection<CatalogItem> items) {
        Objects.requireNonNull(items, "items");
        Map<String, CatalogItem> m = new LinkedHashMap<>();
        for (CatalogItem i : items) {
            m.put(Objects.requireNonNull(i, "catalog item").itemId(), i);
        }
        return new Catalog(Map.copyOf(m));
    }

    /**
     * Looks an item up.
     *
     * @param itemId the id
     * @return the item, or empty when the catalog does not list it
     */
    public Optional<CatalogItem> item(String itemId) {
        return Optional.ofNullable(items.get(itemId));
    }

    /**
     * Whether an item may be recommended: it is in stock, or the catalog does not know it.
     *
     * @param itemId the id
     * @return false only for a listed item that is out of stock
     */
    public boolean inStock(String itemId) {
        CatalogItem i = items.get(itemId);
        return i == null || i.inStock();
    }

    /**
     * The item's category.
     *
     * @param itemId the id
     * @return the category, empty when unknown
     */
    public String category(String itemId) {
        CatalogItem i = items.get(itemId);
        return i == null ? "" : i.category();
    }

    /**
     * Whether the catalog lists the item.
     *
     * @param itemId the id
     * @return true when listed
     */
    public boolean contains(String itemId) {
        return items.containsKey(itemId);
    }

    /**
     * The number of items listed.
     *
     * @return the size
     */
    public int size() {
        return items.size();
    }

    /** @return whether no item is listed */
    public boolean isEmpty() {
        return items.isEmpty();
    }

    @Override
    public String toString() {
        return "Catalog[" + items.size() + " items]";
    }
}
