package io.retailgen.examples;

import io.retailgen.core.data.ValidationMode;
import io.retailgen.datasets.LumaCatalog;
import io.retailgen.recommend.Catalog;
import io.retailgen.recommend.CatalogItem;
import io.retailgen.recommend.EventContext;
import io.retailgen.recommend.EventType;
import io.retailgen.recommend.Interaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real sample store for the samples: the Luma catalog (sdk-datasets' {@link LumaCatalog}: product names, prices,
 * copy, studio photos by colour and view, customer reviews) with shopping sessions generated over its categories,
 * because the catalog comes without a click log. Used by the storefront and the demo when
 * {@value #SHARED_LUMA} is present below the shared data folder.
 *
 * <pre>{@code
 * Optional<LumaStore> luma = LumaStore.find(Path.of("../shared/data"));
 * ShopData shop = luma.map(l -> l.shop(42, 2_000)).orElseGet(() -> ShopData.sharedOrSample(dir, 42));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class LumaStore {

    private static final Logger LOG = LoggerFactory.getLogger(LumaStore.class);

    /** The Luma catalog folder below the shared data folder. */
    public static final String SHARED_LUMA = "catalog/luma";
    /** The colour name of photos that show a product's default look rather than one colourway. */
    static final String DEFAULT_COLOUR = "default";
    private static final Pattern REFERENCE = Pattern.compile("&(#?[A-Za-z0-9]{1,8});");

    private final LumaCatalog catalog;
    private final Map<String, LumaCatalog.Product> products = new LinkedHashMap<>();
    private final Map<String, List<LumaCatalog.Photo>> photos = new HashMap<>();
    private final Map<String, List<LumaCatalog.Review>> reviews = new HashMap<>();

    /**
     * Two photos of one product and view in two colourways: pixel-aligned, so the second is the real look of the
     * first recoloured.
     *
     * @param product the product
     * @param source the photo to recolour
     * @param target the same view in another colourway
     */
    public record ColourwayPair(LumaCatalog.Product product, LumaCatalog.Photo source, LumaCatalog.Photo target) {

        /** Validates. */
        public ColourwayPair {
            Objects.requireNonNull(product, "product == null");
            Objects.requireNonNull(source, "source == null");
            Objects.requireNonNull(target, "target == null");
        }
    }

    private LumaStore(LumaCatalog catalog) {
        this.catalog = catalog;
        for (LumaCatalog.Product p : catalog.products()) {
            products.put(p.style(), new LumaCatalog.Product(p.style(), plainText(p.name()), p.type(), p.categories(),
                    p.price(), p.colours(), p.attributes(), plainText(p.description())));
        }
        for (LumaCatalog.Photo p : catalog.photos()) {
            photos.computeIfAbsent(p.style(), k -> new ArrayList<>()).add(p);
        }
        for (LumaCatalog.Review r : catalog.reviews()) {
            reviews.computeIfAbsent(r.sku(), k -> new ArrayList<>()).add(r);
        }
    }

    /**
     * Reads {@value #SHARED_LUMA} below the shared data folder when it is there (bad rows are logged and skipped).
     *
     * @param sharedDataDir the shared data folder, or null
     * @return the store, or empty when the folder or its {@code products.csv} is absent or it holds no product
     */
    public static Optional<LumaStore> find(Path sharedDataDir) {
        if (sharedDataDir == null) {
            return Optional.empty();
        }
        Path dir = sharedDataDir.resolve(SHARED_LUMA);
        if (!LumaCatalog.isPresent(dir)) {
            LOG.info("{} not found; the shop uses its other data", dir.resolve(LumaCatalog.PRODUCTS));
            return Optional.empty();
        }
        LumaStore store = open(dir);
        return store.catalog.products().isEmpty() ? Optional.empty() : Optional.of(store);
    }

    /**
     * Reads a Luma-style folder leniently: bad rows are logged (file, line, column) and skipped.
     *
     * @param dir the folder with {@code products.csv}, {@code images.csv}, {@code reviews.csv}
     * @return the store
     * @throws io.retailgen.core.RetailGenException when a file lacks a column or cannot be read
     */
    public static LumaStore open(Path dir) {
        LumaCatalog c = LumaCatalog.read(dir, ValidationMode.LENIENT);
        List<String> issues = c.issues();
        if (!issues.isEmpty()) {
            LOG.warn("{}: skipped {} bad rows, first: {}", dir, issues.size(), issues.get(0));
        }
        LOG.info("Luma catalog {}: {} products, {} photos, {} reviews", dir, c.products().size(), c.photos().size(),
                c.reviews().size());
        return new LumaStore(c);
    }

    /**
     * Magento keeps a few HTML character references in names and copy ({@code LumaTech&trade;}); a shop shows the
     * characters. Decodes {@code &trade; &reg; &copy; &frac14; &frac12; &frac34; &amp; &quot; &lt; &gt;} and numeric
     * references; anything else is left as it is.
     *
     * @param text a name or product copy
     * @return the text with those references decoded
     */
    static String plainText(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String name = m.group(1);
            String decoded = switch (name) {
                case "trade" -> "\u2122";
                case "reg" -> "\u00ae";
                case "copy" -> "\u00a9";
                case "frac14" -> "\u00bc";
                case "frac12" -> "\u00bd";
                case "frac34" -> "\u00be";
                case "amp" -> "&";
                case "quot" -> "\"";
                case "lt" -> "<";
                case "gt" -> ">";
                default -> numeric(name);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(decoded == null ? m.group() : decoded));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String numeric(String name) {
        if (!name.startsWith("#")) {
            return null;
        }
        try {
            int cp = name.startsWith("#x") || name.startsWith("#X") ? Integer.parseInt(name.substring(2), 16)
                    : Integer.parseInt(name.substring(1));
            return Character.isValidCodePoint(cp) && !Character.isISOControl(cp) ? Character.toString(cp) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** @return the catalog as read (names and copy as in the files; {@link #product(String)} decodes them) */
    public LumaCatalog catalog() {
        return catalog;
    }

    /**
     * @param style a style code
     * @return the product with its name and copy as a shop shows them ({@link #plainText(String)}), or null
     */
    public LumaCatalog.Product product(String style) {
        return products.get(style);
    }

    /**
     * @param style a style code
     * @return its photos in file order (empty when none)
     */
    public List<LumaCatalog.Photo> photos(String style) {
        return photos.getOrDefault(style, List.of());
    }

    /**
     * @param style a style code
     * @return its reviews in file order (empty when none)
     */
    public List<LumaCatalog.Review> reviews(String style) {
        return reviews.getOrDefault(style, List.of());
    }

    /**
     * @param style a style code
     * @return its main photo: the first {@code main} view of a named colourway, else its first photo
     */
    public Optional<LumaCatalog.Photo> mainPhoto(String style) {
        List<LumaCatalog.Photo> all = photos(style);
        return all.stream().filter(p -> p.view().equals("main") && !p.colour().equals(DEFAULT_COLOUR)).findFirst()
                .or(() -> all.stream().findFirst());
    }

    /**
     * One colourway pair per product, for products in the given order: the first view (the {@code main} view
     * first) shown in two named colourways, the first colourway as the source and the next as the target.
     *
     * @param styles the products to look at, in order
     * @param max the most pairs
     * @return the pairs
     */
    public List<ColourwayPair> colourwayPairs(List<String> styles, int max) {
        List<ColourwayPair> out = new ArrayList<>();
        for (String style : styles) {
            if (out.size() >= max) {
                break;
            }
            LumaCatalog.Product product = products.get(style);
            if (product == null) {
                continue;
            }
            Map<String, List<LumaCatalog.Photo>> byView = new LinkedHashMap<>();
            photos(style).stream().filter(p -> p.view().equals("main")).forEach(p -> byView
                    .computeIfAbsent(p.view(), k -> new ArrayList<>()).add(p));
            photos(style).forEach(p -> byView.computeIfAbsent(p.view(), k -> new ArrayList<>()).add(p));
            for (List<LumaCatalog.Photo> view : byView.values()) {
                List<LumaCatalog.Photo> named = new ArrayList<>();
                for (LumaCatalog.Photo p : view) {
                    if (!p.colour().equals(DEFAULT_COLOUR)
                            && named.stream().noneMatch(n -> n.colour().equals(p.colour()))) {
                        named.add(p);
                    }
                }
                if (named.size() >= 2) {
                    out.add(new ColourwayPair(product, named.get(0), named.get(1)));
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The catalog as a shop: every product an item (its style the id, its first category path the category), and
     * {@code sessions} shopping sessions generated over the categories, since the catalog has no click log. A
     * shopper starts at a product picked by popularity (1 + its reviews, +2 when it has photos), then mostly
     * browses its category, sometimes a sibling category of the same department (such as {@code Men/Tops}), and
     * now and then anything.
     *
     * @param seed the seed of the sessions
     * @param sessions how many sessions, {@code >= 1}
     * @return the shop; featured items are the most visited products with photos
     */
    public ShopData shop(long seed, int sessions) {
        if (sessions < 1) {
            throw new IllegalArgumentException("sessions must be >= 1, was " + sessions);
        }
        List<LumaCatalog.Product> all = new ArrayList<>(products.values());
        List<CatalogItem> items = new ArrayList<>();
        double[] weight = new double[all.size()];
        Map<String, List<Integer>> byCategory = new HashMap<>();
        Map<String, List<Integer>> byDepartment = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            LumaCatalog.Product p = all.get(i);
            Map<String, String> attrs = new LinkedHashMap<>();
            if (!p.colours().isEmpty()) {
                attrs.put("colours", String.join("|", p.colours()));
            }
            items.add(new CatalogItem(p.style(), p.name(), p.mainCategory(), attrs, true, p.price()));
            weight[i] = 1 + reviews(p.style()).size() + (photos(p.style()).isEmpty() ? 0 : 2);
            byCategory.computeIfAbsent(p.mainCategory(), k -> new ArrayList<>()).add(i);
            byDepartment.computeIfAbsent(department(p.mainCategory()), k -> new ArrayList<>()).add(i);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Interaction> events = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        List<Integer> everyone = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            everyone.add(i);
        }
        for (int s = 0; s < sessions; s++) {
            double t = SampleShop.START + s * 600.0;
            int at = pick(rnd, everyone, weight);
            int length = 2 + rnd.nextInt(7);
            for (int k = 0; k < length; k++) {
                String id = all.get(at).style();
                events.add(new Interaction("l" + s, id, t, EventType.VIEW, EventContext.NONE));
                counts.merge(id, 1, Integer::sum);
                t += 20 + rnd.nextInt(90);
                double r = rnd.nextDouble();
                String category = all.get(at).mainCategory();
                List<Integer> next = r < 0.65 ? byCategory.get(category)
                        : r < 0.9 ? byDepartment.get(department(category)) : everyone;
                at = pick(rnd, next, weight);
            }
        }
        Map<String, Integer> withPhotos = new HashMap<>();
        counts.forEach((id, n) -> {
            if (!photos(id).isEmpty()) {
                withPhotos.put(id, n);
            }
        });
        List<String> featured = ShopData.mostPopular(withPhotos.isEmpty() ? counts : withPhotos, 12);
        return new ShopData("Luma catalog " + catalog.directory() + " (" + all.size() + " products; " + sessions
                + " sessions generated over its categories, seed " + seed + ")", events, Catalog.of(items), featured);
    }

    /** @return the first two levels of a category path, such as {@code Men/Tops} */
    static String department(String category) {
        int first = category.indexOf('/');
        int second = first < 0 ? -1 : category.indexOf('/', first + 1);
        return second < 0 ? category : category.substring(0, second);
    }

    private static int pick(SplittableRandom rnd, List<Integer> among, double[] weight) {
        double sum = 0;
        for (int i : among) {
            sum += weight[i];
        }
        double r = rnd.nextDouble() * sum;
        for (int i : among) {
            r -= weight[i];
            if (r < 0) {
                return i;
            }
        }
        return among.get(among.size() - 1);
    }
}
