package io.retailgen.examples;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.recommend.Catalog;
import io.retailgen.recommend.CatalogItem;
import io.retailgen.recommend.Interaction;
import io.retailgen.recommend.InteractionData;
import io.retailgen.recommend.InteractionReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data a sample trains on: click sessions, the catalog that names their items, and where both came from.
 *
 * <pre>{@code
 * ShopData shop = ShopData.sharedOrSample(Path.of("../shared/data"), 42);
 * System.out.println(shop.source() + ": " + shop.interactions().size() + " clicks");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param source a short description of the origin, such as a file path or {@code "generated sample (seed 42)"}
 * @param interactions the click events (an unmodifiable copy), not empty
 * @param catalog the catalog; every item of {@code interactions} is in it
 * @param featured item ids to show on the home page, most popular first (an unmodifiable copy)
 */
public record ShopData(String source, List<Interaction> interactions, Catalog catalog, List<String> featured) {

    private static final Logger LOG = LoggerFactory.getLogger(ShopData.class);

    /** The session file read from the shared data directory when it is present. */
    public static final String SHARED_SESSIONS = "sessions/yoochoose-100k/train_tr.tsv";

    /** Validates and copies. */
    public ShopData {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(catalog, "catalog == null");
        interactions = List.copyOf(Objects.requireNonNull(interactions, "interactions == null"));
        featured = List.copyOf(Objects.requireNonNull(featured, "featured == null"));
        if (interactions.isEmpty()) {
            throw new IllegalArgumentException("interactions must not be empty (source " + source + ")");
        }
        for (Interaction i : interactions) {
            if (!catalog.contains(i.itemId())) {
                throw new IllegalArgumentException("item " + i.itemId() + " of session " + i.sessionId()
                        + " is not in the catalog (" + catalog.size() + " items, source " + source + ")");
            }
        }
    }

    /**
     * Reads {@value #SHARED_SESSIONS} below {@code sharedDataDir} when that file exists, else generates a small
     * sample with {@link SampleShop#generate(long, int)}.
     *
     * @param sharedDataDir the shared data directory (such as {@code ../shared/data}), or null to always generate
     * @param seed the seed of the generated sample
     * @return the data
     */
    public static ShopData sharedOrSample(Path sharedDataDir, long seed) {
        if (sharedDataDir != null) {
            Path file = sharedDataDir.resolve(SHARED_SESSIONS);
            if (Files.isRegularFile(file)) {
                return fromSessionFile(file);
            }
            LOG.info("{} not found; generating a sample shop instead", file);
        }
        return SampleShop.generate(seed, SampleShop.DEFAULT_SESSIONS);
    }

    /**
     * Reads a session file (any format {@link InteractionReader} knows) leniently; malformed rows are skipped and
     * counted in the log. Items have no names in such files, so the catalog names each one {@code "Item <id>"}.
     *
     * @param file the session file
     * @return the data
     * @throws RetailGenException when the file cannot be read or holds no valid row
     */
    public static ShopData fromSessionFile(Path file) {
        InteractionData data = InteractionReader.readLenient(file);
        if (!data.issues().isEmpty()) {
            LOG.warn("{}: skipped {} malformed rows of {}, first: {}", file, data.issues().size(), data.rowsRead(),
                    data.issues().get(0));
        }
        if (data.interactions().isEmpty()) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "no valid interaction in " + file + " ("
                    + data.rowsRead() + " rows read)");
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Interaction i : data.interactions()) {
            counts.merge(i.itemId(), 1, Integer::sum);
        }
        Map<String, CatalogItem> items = new LinkedHashMap<>();
        for (String id : counts.keySet()) {
            items.put(id, new CatalogItem(id, "Item " + id, "", Map.of(), true, Double.NaN));
        }
        return new ShopData(file.toString(), data.interactions(), Catalog.of(items.values()), mostPopular(counts, 12));
    }

    /**
     * @param counts clicks per item
     * @param n how many to keep
     * @return the {@code n} most clicked item ids, ties by id
     */
    static List<String> mostPopular(Map<String, Integer> counts, int n) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, entries.size()); i++) {
            out.add(entries.get(i).getKey());
        }
        return out;
    }

    /**
     * @param itemId an item id
     * @return the item's display name: its {@code name} attribute, else the id
     */
    public String displayName(String itemId) {
        return catalog.item(itemId).map(CatalogItem::displayName).orElse(itemId);
    }
}
