package io.retailgen.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.data.CsvFields;
import io.retailgen.core.data.DataReport;
import io.retailgen.core.data.DataValidator;
import io.retailgen.core.data.StrictNumbers;
import io.retailgen.core.data.TextLines;
import io.retailgen.core.data.ValidationMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A Luma-style sample store: the folder layout of Magento's "Luma" sample catalog as the project's shared data holds
 * it. {@code products.csv} ({@code style,name,type,categories,price,colors,attributes,description}), {@code images.csv}
 * ({@code style,color,view,file}, {@code file} relative to the folder) and {@code reviews.csv}
 * ({@code sku,rating,title,review}); quoted fields may span lines (RFC 4180).
 *
 * <p>Rules: a style is 1 to 64 characters from {@code A-Z a-z 0-9 . _ -} and appears once; a price is a plain finite
 * decimal {@code >= 0}; {@code categories} is a comma-separated list of paths such as
 * {@code Default Category/Men/Tops/Tees}; {@code colors} is separated by {@code |}; {@code attributes} is a JSON object
 * whose values are kept as text. A photo must name a product of {@code products.csv} and a file inside the folder that
 * exists. A rating is an integer 1..5. A review of a style that {@code products.csv} lacks is kept (the catalog may
 * be a subset of a larger store). Each file gets its own {@link DataValidator} whose source is the file, so a bad row
 * is named {@code file:line} with its column and value: in {@link ValidationMode#STRICT} mode the first one throws
 * {@link io.retailgen.core.data.DataValidationException}; in {@link ValidationMode#LENIENT} mode it is skipped and
 * listed in {@link #reports()}, and every good row, before or after it, is kept. A quoted field left open swallows the
 * rest of the file (at most {@value CsvRecords#MAX_RECORD_LINES} lines) into one rejected row.
 *
 * <pre>{@code
 * LumaCatalog luma = LumaCatalog.read(Path.of("catalog/luma"), ValidationMode.LENIENT);
 * for (LumaCatalog.Product p : luma.products()) {
 *     System.out.println(p.name() + " " + p.price() + " " + luma.photosOf(p.style()).size() + " photos");
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param directory the folder read
 * @param products the products, in file order (an unmodifiable copy)
 * @param photos the photos, in file order (an unmodifiable copy)
 * @param reviews the reviews, in file order (an unmodifiable copy)
 * @param reports one report per file: products, images, reviews (an unmodifiable copy)
 */
public record LumaCatalog(Path directory, List<Product> products, List<Photo> photos, List<Review> reviews,
        List<DataReport> reports) {

    /** The product file inside the folder. */
    public static final String PRODUCTS = "products.csv";
    /** The photo index inside the folder. */
    public static final String IMAGES = "images.csv";
    /** The review file inside the folder. */
    public static final String REVIEWS = "reviews.csv";
    /** The top category every Magento category path starts with. */
    static final String ROOT_CATEGORY = "Default Category";
    private static final Pattern STYLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Validates and copies. */
    public LumaCatalog {
        Objects.requireNonNull(directory, "directory == null");
        products = List.copyOf(products);
        photos = List.copyOf(photos);
        reviews = List.copyOf(reviews);
        reports = List.copyOf(reports);
    }

    /**
     * One product.
     *
     * @param style the style code, the product's id
     * @param name its name
     * @param type {@code simple} or {@code configurable} (as given)
     * @param categories its category paths (an unmodifiable copy)
     * @param price its price
     * @param colours its colourways, such as {@code Black}, {@code Gray} (an unmodifiable copy; empty for one)
     * @param attributes its attributes, such as {@code material=Wool} (an unmodifiable copy, file order)
     * @param description its product copy
     */
    public record Product(String style, String name, String type, List<String> categories, double price,
            List<String> colours, Map<String, String> attributes, String description) {

        /** Validates and copies. */
        public Product {
            Objects.requireNonNull(style, "style == null");
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(type, "type == null");
            Objects.requireNonNull(description, "description == null");
            categories = List.copyOf(categories);
            colours = List.copyOf(colours);
            attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }

        /**
         * @return the first category path without the root {@code Default Category}, such as
         *     {@code Men/Tops/Hoodies & Sweatshirts}; empty when the product has none
         */
        public String mainCategory() {
            for (String c : categories) {
                String rest = c.startsWith(ROOT_CATEGORY + "/") ? c.substring(ROOT_CATEGORY.length() + 1) : c;
                if (!rest.isEmpty() && !rest.equals(ROOT_CATEGORY)) {
                    return rest;
                }
            }
            return "";
        }
    }

    /**
     * One product photo.
     *
     * @param style the product
     * @param colour the colourway shown (the file may say {@code default} for the product's main photo)
     * @param view the view, such as {@code main}, {@code alt1}, {@code back}
     * @param file the photo file, resolved inside the folder
     */
    public record Photo(String style, String colour, String view, Path file) {

        /** Validates. */
        public Photo {
            Objects.requireNonNull(style, "style == null");
            Objects.requireNonNull(colour, "colour == null");
            Objects.requireNonNull(view, "view == null");
            Objects.requireNonNull(file, "file == null");
        }
    }

    /**
     * One customer review.
     *
     * @param sku the product's style
     * @param rating 1..5 stars
     * @param title its title (may be empty)
     * @param text its text
     */
    public record Review(String sku, int rating, String title, String text) {

        /** Validates. */
        public Review {
            Objects.requireNonNull(sku, "sku == null");
            Objects.requireNonNull(title, "title == null");
            Objects.requireNonNull(text, "text == null");
            if (rating < 1 || rating > 5) {
                throw new IllegalArgumentException("rating must be 1..5, was " + rating);
            }
        }
    }

    /**
     * @param dir a folder holding {@value #PRODUCTS}; {@value #IMAGES} and {@value #REVIEWS} are read when present
     * @return whether {@code dir} looks like a Luma catalog (it holds {@value #PRODUCTS})
     */
    public static boolean isPresent(Path dir) {
        return dir != null && Files.isRegularFile(dir.resolve(PRODUCTS));
    }

    /**
     * Reads the folder.
     *
     * @param dir the folder
     * @param mode strict: the first bad row throws; lenient: bad rows are skipped and reported
     * @return the catalog
     * @throws RetailGenException {@link ErrorCode#INVALID_DATA} when a file lacks a column, {@link ErrorCode#IO} when
     *     {@value #PRODUCTS} cannot be read; {@link io.retailgen.core.data.DataValidationException} at the first bad
     *     row in strict mode
     */
    public static LumaCatalog read(Path dir, ValidationMode mode) {
        Objects.requireNonNull(dir, "dir == null");
        Objects.requireNonNull(mode, "mode == null");
        Path root = dir.toAbsolutePath().normalize();
        Map<String, Product> products = new LinkedHashMap<>();
        List<DataReport> reports = new ArrayList<>();
        reports.add(readFile(root.resolve(PRODUCTS), mode, List.of("style", "name", "price"),
                List.of("type", "categories", "colors", "attributes", "description"), (row, f) -> {
                    String style = style(row, f.get("style"), "style");
                    Product known = products.get(style);
                    row.require(known == null, "style", "duplicate style (the first row is kept)", style);
                    String name = f.get("name").strip();
                    row.require(!name.isEmpty(), "name", "product name is empty", name);
                    double price = row.parse("price", f.get("price").strip(), StrictNumbers::parseDouble);
                    row.require(price >= 0, "price", "price must be >= 0", f.get("price"));
                    return new Product(style, name, f.getOrDefault("type", "").strip(),
                            split(f.getOrDefault("categories", ""), ","), price,
                            split(f.getOrDefault("colors", ""), "\\|"),
                            row.parse("attributes", f.getOrDefault("attributes", ""), LumaCatalog::attributes),
                            f.getOrDefault("description", "").strip());
                }, p -> products.put(p.style(), p)));
        List<Photo> photos = new ArrayList<>();
        Path images = root.resolve(IMAGES);
        if (Files.isRegularFile(images)) {
            reports.add(readFile(images, mode, List.of("style", "color", "view", "file"), List.of(), (row, f) -> {
                String style = style(row, f.get("style"), "style");
                row.require(products.containsKey(style), "style", "no product with this style in " + PRODUCTS, style);
                String colour = f.get("color").strip();
                row.require(!colour.isEmpty(), "color", "colour is empty", colour);
                String view = f.get("view").strip();
                row.require(!view.isEmpty(), "view", "view is empty", view);
                String name = f.get("file").strip();
                Path file = root.resolve(name).normalize();
                row.require(!name.isEmpty() && !Path.of(name).isAbsolute() && file.startsWith(root), "file",
                        "file must be a path inside the catalog folder", name);
                row.require(Files.isRegularFile(file), "file", "photo file not found", name);
                return new Photo(style, colour, view, file);
            }, photos::add));
        }
        List<Review> reviews = new ArrayList<>();
        Path reviewFile = root.resolve(REVIEWS);
        if (Files.isRegularFile(reviewFile)) {
            reports.add(readFile(reviewFile, mode, List.of("sku", "rating", "review"), List.of("title"),
                    (row, f) -> {
                        String sku = style(row, f.get("sku"), "sku");
                        int rating = row.parse("rating", f.get("rating").strip(), StrictNumbers::parseInt);
                        row.require(rating >= 1 && rating <= 5, "rating", "rating must be an integer 1..5",
                                f.get("rating"));
                        String text = f.get("review").strip();
                        row.require(!text.isEmpty(), "review", "review text is empty", text);
                        return new Review(sku, rating, f.getOrDefault("title", "").strip(), text);
                    }, reviews::add));
        }
        return new LumaCatalog(root, new ArrayList<>(products.values()), photos, reviews, reports);
    }

    /**
     * @param style a style code
     * @return the product, or null
     */
    public Product product(String style) {
        for (Product p : products) {
            if (p.style().equals(style)) {
                return p;
            }
        }
        return null;
    }

    /**
     * @param style a style code
     * @return its photos in file order
     */
    public List<Photo> photosOf(String style) {
        return photos.stream().filter(p -> p.style().equals(style)).toList();
    }

    /**
     * @param style a style code
     * @return its reviews in file order
     */
    public List<Review> reviewsOf(String style) {
        return reviews.stream().filter(r -> r.sku().equals(style)).toList();
    }

    /** @return the rows rejected in all files, as {@code file: row N, column C: reason} lines */
    public List<String> issues() {
        List<String> out = new ArrayList<>();
        for (DataReport r : reports) {
            r.issues().forEach(i -> out.add(r.source() + ":" + i.row() + ": " + i.describe()));
        }
        return out;
    }

    private static <T> DataReport readFile(Path file, ValidationMode mode, List<String> required,
            List<String> optional, BiFunction<DataValidator.Row, Map<String, String>, T> parser, Consumer<T> sink) {
        if (!Files.isReadable(file)) {
            throw new RetailGenException(ErrorCode.IO, "cannot read " + file);
        }
        DataValidator validator = DataValidator.builder().source(file.toString()).mode(mode).build();
        try (TextLines lines = TextLines.open(file, TextLines.DEFAULT_MAX_LINE_LENGTH)) {
            CsvRecords records = new CsvRecords(lines);
            CsvRecords.Record header = records.next();
            if (header == null) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, file + " is empty; expected a header with "
                        + required);
            }
            Map<String, Integer> col = CsvFields.columns(header.fields(), file, required, optional);
            for (CsvRecords.Record rec = records.next(); rec != null; rec = records.next()) {
                CsvRecords.Record r = rec;
                validator.<T>check(r.line(), row -> {
                    row.require(!r.unterminated(), null, "a quoted field opened on this line is never closed",
                            r.text().lines().findFirst().orElse(""));
                    Map<String, String> f = new LinkedHashMap<>();
                    for (Map.Entry<String, Integer> e : col.entrySet()) {
                        if (e.getValue() < r.fields().size()) {
                            f.put(e.getKey(), r.fields().get(e.getValue()));
                        } else if (required.contains(e.getKey())) {
                            row.reject(e.getKey(), "missing field: the row has " + r.fields().size()
                                    + " fields", r.text());
                        }
                    }
                    return parser.apply(row, f);
                }).ifPresent(sink);
            }
        }
        return validator.report();
    }

    private static String style(DataValidator.Row row, String text, String column) {
        String s = text.strip();
        row.require(STYLE.matcher(s).matches(), column,
                "expected 1 to 64 characters from A-Z a-z 0-9 . _ - starting with a letter or digit", text);
        return s;
    }

    private static List<String> split(String text, String separator) {
        return Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text.isBlank()) {
            return out;
        }
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("expected a JSON object such as {\"material\": \"Wool\"}");
        }
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            JsonNode v = e.getValue();
            out.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
        }
        return out;
    }
}
