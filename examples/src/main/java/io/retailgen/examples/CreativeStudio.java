package io.retailgen.examples;

import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.datasets.LumaCatalog;
import io.retailgen.imagegen.AssetPipeline;
import io.retailgen.imagegen.AssetStore;
import io.retailgen.imagegen.BlockedOutputException;
import io.retailgen.imagegen.GeneratedImages;
import io.retailgen.imagegen.ImageGenerator;
import io.retailgen.imagegen.ImageModel;
import io.retailgen.imagegen.Lineage;
import io.retailgen.imagegen.PhotoVariants;
import io.retailgen.imagegen.ReviewQueue;
import io.retailgen.imagegen.StyleGuide;
import io.retailgen.imagegen.StyleRecipe;
import io.retailgen.imagegen.StyleValidator;
import io.retailgen.imagegen.StyledAsset;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The creative workflow shared by the samples: colourway variants of real product photos
 * ({@link #recolour(LumaStore.ColourwayPair)}) and, as an experiment, product images generated with sdk-imagegen's
 * 28x28 conditional GAN and styled with the brand guide. Every output passes the content policy and lands in the audit
 * log (the generators and the pipeline run through the {@link Governance} chain; a colourway's description and
 * preview are screened through it); every asset is stored with lineage and queued for review. Reviewers' decisions
 * are recorded in the review queue and in the audit log; approved assets are published in the store.
 *
 * <pre>{@code
 * try (CreativeStudio studio = CreativeStudio.open(model, storeDir, governance)) {
 *     List<CreativeStudio.Asset> assets = studio.generate(studio.defaultBriefs(6), 7);
 *     studio.decide(assets.get(0).assetId(), true, "maria", "on brand");
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class CreativeStudio implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CreativeStudio.class);

    /** The sample brand guide: two sizes, a four-colour palette, gradient background, padded fit. */
    public static final String BRAND_GUIDE = """
            {"name": "northwind", "sizes": [[320, 320], [400, 300]], "aspect_ratios": ["1:1", "4:3"],
             "palette": ["#1D3557", "#E63946", "#F1FAEE", "#A8DADC"], "background": "gradient", "margin": 0.08,
             "fit": "pad", "max_delta_e": 12}""";

    /** The campaign name under which assets are queued. */
    public static final String CAMPAIGN = "spring-campaign";
    /** Reviewer names: 1 to 40 letters, digits, spaces, {@code . _ -}. */
    public static final Pattern REVIEWER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}");
    /** Longest review comment. */
    public static final int MAX_COMMENT = 200;

    /** The governance operation (and lineage model name) of a background variant. */
    public static final String BACKGROUND_OPERATION = "background";
    /** The width of the page previews of colourway variants. */
    public static final int PREVIEW_WIDTH = 400;
    static final String PHOTO_SOURCE = "catalog-photo";

    private static final String[] TEMPLATES = {"New season: %s", "%s, made to last", "Light and easy: %s"};

    private final ImageModel model;
    private final ImageGenerator checked;
    private final ImageGenerator unchecked;
    private final List<String> categoryNames;
    private final StyleGuide guide;
    private final AssetPipeline pipeline;
    private final AssetStore store;
    private final ReviewQueue queue;
    private final Governance governance;
    private final Map<String, Asset> assets = new LinkedHashMap<>();
    private final Map<String, byte[]> previews = new HashMap<>();
    private int uncheckedCount;
    private boolean closed;

    /**
     * A generation request: a category and the banner copy to print on the image.
     *
     * @param category the category label
     * @param banner the banner text, or null for none
     */
    public record Brief(int category, String banner) {

        /** Validates. */
        public Brief {
            if (category < 0) {
                throw new IllegalArgumentException("category must be >= 0, was " + category);
            }
        }
    }

    /**
     * One generated, styled and stored asset.
     *
     * @param assetId the store's id (SHA-256 of the PNG)
     * @param category the category label
     * @param categoryName its name
     * @param requestedBanner the banner text asked for, or null
     * @param bannerShown the banner text printed (after the policy), or null when none or blocked
     * @param bannerBlocked whether the content policy blocked the banner
     * @param findings the rule ids the policy found in the banner (an unmodifiable copy)
     * @param styleViolations what the style validator found (an unmodifiable copy; empty when on brand)
     * @param attributeChecked whether the image passed the classifier's attribute check
     * @param modelVersion the generator's version
     * @param seed the generation seed
     * @param photoVariant what a variant of a real photo was made from, or null for a generated image
     */
    public record Asset(String assetId, int category, String categoryName, String requestedBanner, String bannerShown,
            boolean bannerBlocked, List<String> findings, List<String> styleViolations, boolean attributeChecked,
            String modelVersion, long seed, PhotoVariant photoVariant) {

        /** Validates and copies. */
        public Asset {
            Objects.requireNonNull(assetId, "assetId == null");
            Objects.requireNonNull(categoryName, "categoryName == null");
            Objects.requireNonNull(modelVersion, "modelVersion == null");
            findings = List.copyOf(findings);
            styleViolations = List.copyOf(styleViolations);
        }
    }

    /**
     * What a variant of a real product photo was made from and how.
     *
     * @param operation {@value ColourwayVariant#OPERATION} for a colourway, {@value #BACKGROUND_OPERATION} for a
     *     background variant
     * @param style the product's style code
     * @param productName the product's name
     * @param view the photo's view, such as {@code main}
     * @param fromColour the colourway of the source photo
     * @param toColour the colourway whose colour card was the target, or null when the variant keeps the colourway
     * @param swatch the colour the variant introduces (the target colourway's card, or the brand colour), {@code #rrggbb}
     * @param seconds the time of making the variant
     * @param maskShare the share of the photo's pixels changed
     * @param sourceAsset the store id of the source photo (the variant's parent in its lineage)
     * @param width the variant's width in pixels (the source photo's)
     * @param height its height
     */
    public record PhotoVariant(String operation, String style, String productName, String view, String fromColour,
            String toColour, String swatch, double seconds, double maskShare, String sourceAsset, int width,
            int height) {

        /** Validates. */
        public PhotoVariant {
            Objects.requireNonNull(operation, "operation == null");
            Objects.requireNonNull(style, "style == null");
            Objects.requireNonNull(productName, "productName == null");
            Objects.requireNonNull(fromColour, "fromColour == null");
            Objects.requireNonNull(swatch, "swatch == null");
            Objects.requireNonNull(sourceAsset, "sourceAsset == null");
        }

        /** @return whether this is a colourway (the sold item recoloured) */
        public boolean isColourway() {
            return operation.equals(ColourwayVariant.OPERATION);
        }
    }

    private CreativeStudio(ImageSetup.Model model, Path storeDir, Governance governance) {
        ModelBundle bundle = model.trained().toBundle("storefront-images", "1");
        this.model = ImageModel.fromBundle(bundle);
        try {
            this.checked = ImageGenerator.builder().model(this.model).maxAttemptsFactor(20)
                    .interceptors(governance.chain()).build();
            this.unchecked = ImageGenerator.builder().model(this.model).attributeCheck(false)
                    .interceptors(governance.chain()).build();
            this.guide = StyleGuide.parse(BRAND_GUIDE);
            this.pipeline = AssetPipeline.builder().guide(guide).interceptors(governance.chain()).build();
            this.store = AssetStore.open(storeDir, Clock.systemUTC());
        } catch (RuntimeException e) {
            this.model.close();
            throw e;
        }
        this.categoryNames = model.categoryNames();
        this.queue = new ReviewQueue(Clock.systemUTC());
        this.governance = governance;
    }

    /**
     * Opens a studio.
     *
     * @param model the trained image model
     * @param storeDir the asset store directory, created when missing
     * @param governance the policy and audit log every banner and decision goes through
     * @return the studio; the caller closes it (the governance stays open)
     */
    public static CreativeStudio open(ImageSetup.Model model, Path storeDir, Governance governance) {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(storeDir, "storeDir == null");
        Objects.requireNonNull(governance, "governance == null");
        return new CreativeStudio(model, storeDir, governance);
    }

    /**
     * Briefs for {@code count} assets: categories in turn, banner copy from three templates.
     *
     * @param count how many, {@code >= 1}
     * @return the briefs
     */
    public List<Brief> defaultBriefs(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
        List<Brief> out = new ArrayList<>(count);
        int categories = categoryNames.size();
        for (int i = 0; i < count; i++) {
            int c = (i * 3) % categories;
            out.add(new Brief(c, String.format(Locale.ROOT, TEMPLATES[i % TEMPLATES.length], categoryNames.get(c))));
        }
        return out;
    }

    /**
     * Generates one image per brief (attribute-checked; when no sample of a category passes the check, for example
     * after very short training, an unchecked sample is used and {@link Asset#attributeChecked()} says so), styles
     * it, stores it and queues it for review.
     *
     * @param briefs the briefs
     * @param seed the seed of the first image; brief {@code i} uses {@code seed + i}
     * @return the assets, in brief order; an image identical to one generated before (same model, brief and seed)
     *     is the earlier asset, with its review status
     */
    public List<Asset> generate(List<Brief> briefs, long seed) {
        Objects.requireNonNull(briefs, "briefs == null");
        List<Asset> out = new ArrayList<>(briefs.size());
        for (int i = 0; i < briefs.size(); i++) {
            Brief b = briefs.get(i);
            if (b.category() >= categoryNames.size()) {
                throw new IllegalArgumentException("category " + b.category() + " unknown; the model has "
                        + categoryNames.size() + " categories (0.." + (categoryNames.size() - 1) + ")");
            }
            out.add(generateOne(b, seed + i, i));
        }
        return out;
    }

    private synchronized Asset generateOne(Brief b, long seed, int index) {
        requireOpen();
        GeneratedImages g;
        boolean attributeChecked = true;
        String categoryName = categoryNames.get(b.category());
        try {
            g = checked.generate(categoryName, 1, seed);
        } catch (BlockedOutputException e) {
            throw e;
        } catch (RetailGenException e) {
            LOG.debug("no checked sample of category {}: {}", b.category(), e.getMessage());
            g = unchecked.generate(categoryName, 1, seed);
            attributeChecked = false;
            uncheckedCount++;
        }
        int palette = guide.palette().size();
        int product = index % palette;
        int background = (index + 2) % palette;
        StyleRecipe recipe = new StyleRecipe(index % guide.sizes().size(), product, background, 0.2, 1.1, 45, 0.3,
                b.banner(), Locale.UK);
        StyledAsset styled;
        List<String> blockedBy = null;
        try {
            styled = pipeline.render(g, 0, recipe);
        } catch (BlockedOutputException e) {
            // the banner copy was refused: keep the image without it, for the reviewer to see and reject
            blockedBy = e.ruleIds();
            styled = pipeline.render(g, 0, recipe.withBanner(null, recipe.locale()));
        }
        List<String> violations = StyleValidator.validate(styled.image(), guide);
        String request = "category=" + categoryName + "; banner=" + (b.banner() == null ? "" : b.banner());
        String key = "cat" + b.category() + "-" + seed;
        String id = store.put(key, styled.image(), new Lineage(g.modelVersion(), seed, request, null,
                styled.steps()));
        Asset known = assets.get(id);
        if (known != null) {
            return known;
        }
        queue.submit(id, CAMPAIGN);
        boolean blocked = blockedBy != null;
        Asset a = new Asset(id, b.category(), categoryName, b.banner(), blocked ? null : styled.bannerText(), blocked,
                blocked ? blockedBy : styled.findings().stream().map(Finding::ruleId).toList(), violations,
                attributeChecked, g.modelVersion(), seed, null);
        assets.put(id, a);
        return a;
    }

    /**
     * Makes a colourway variant of a real product photo ({@link ColourwayVariant#make}: the target colourway's colour
     * card, the classical segmenter, {@code ImageVariations.recolor} at full resolution), screens its description and
     * preview through the governance chain (operation {@value ColourwayVariant#OPERATION}; a blocked description keeps
     * the image for the reviewer to reject, as a blocked banner does), stores the source photo and the variant with
     * lineage (the source is the variant's parent) and queues the variant for review.
     *
     * @param pair two colourways of one product and view
     * @return the asset; the same variant made again is the earlier asset, with its review status
     * @throws io.retailgen.core.RetailGenException when a photo cannot be read or holds no garment
     */
    public Asset recolour(LumaStore.ColourwayPair pair) {
        Objects.requireNonNull(pair, "pair == null");
        requireOpen();
        ColourwayVariant v = ColourwayVariant.make(pair);
        byte[] preview = ColourwayVariant.encode(ColourwayVariant.scaled(v.recoloured(), PREVIEW_WIDTH), "png");
        return storeColourway(pair, v, preview);
    }

    private synchronized Asset storeColourway(LumaStore.ColourwayPair pair, ColourwayVariant v, byte[] preview) {
        requireOpen();
        String style = pair.product().style();
        String view = pair.source().view();
        String hex = v.swatchHex();
        String description = v.describe(pair);
        GenerationResponse screened = governance.screen(v.request(pair, preview));
        String parent = storeSource(pair.source(), v.source());
        String id = store.put("recolor-" + style + "-" + view + "-" + pair.target().colour(), v.recoloured(),
                new Lineage(ColourwayVariant.MODEL + "@" + ColourwayVariant.VERSION, 0, "recolor style=" + style
                        + "; view=" + view
                        + "; from=" + pair.source().colour() + "; to=" + pair.target().colour() + "; swatch=" + hex
                        + " (colour card of " + pair.target().file().getFileName() + ")", parent,
                        List.of("segment: ProductSegmenter (classical), garment share "
                                + String.format(Locale.ROOT, "%.3f", v.maskShare()),
                                "recolor: ImageVariations.recolor to " + hex)));
        previews.put(id, preview);
        Asset known = assets.get(id);
        if (known != null) {
            return known;
        }
        queue.submit(id, CAMPAIGN);
        Asset a = new Asset(id, -1, pair.product().name() + " in " + pair.target().colour(), description,
                screened.blocked() ? null : screened.text(), screened.blocked(),
                screened.findings().stream().map(Finding::ruleId).toList(), List.of(), true,
                ColourwayVariant.MODEL + "@" + ColourwayVariant.VERSION, 0, new PhotoVariant(
                        ColourwayVariant.OPERATION, style, pair.product().name(), view,
                        pair.source().colour(), pair.target().colour(), hex, v.seconds(), v.maskShare(), parent,
                        v.recoloured().getWidth(), v.recoloured().getHeight()));
        assets.put(id, a);
        return a;
    }

    /**
     * Records a reviewer's decision on a pending asset, publishes it when approved, and writes the decision to the
     * audit log.
     *
     * @param assetId the asset
     * @param approve true to approve, false to reject
     * @param reviewer who decides ({@link #REVIEWER})
     * @param comment why, at most {@value #MAX_COMMENT} characters (may be empty)
     * @return the decision
     * @throws IllegalArgumentException for an unknown asset or a malformed reviewer or comment
     * @throws IllegalStateException when the asset was already decided
     */
    public synchronized ReviewQueue.Decision decide(String assetId, boolean approve, String reviewer, String comment) {
        requireOpen();
        Asset a = assets.get(Objects.requireNonNull(assetId, "assetId == null"));
        if (a == null) {
            throw new IllegalArgumentException("unknown asset " + assetId + " (" + assets.size() + " assets)");
        }
        if (reviewer == null || !REVIEWER.matcher(reviewer).matches()) {
            throw new IllegalArgumentException("reviewer must be 1 to 40 letters, digits, spaces or . _ -, starting"
                    + " with a letter or digit; was '" + reviewer + "'");
        }
        Objects.requireNonNull(comment, "comment == null");
        if (comment.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("comment must be at most " + MAX_COMMENT + " characters, was "
                    + comment.length());
        }
        ReviewQueue.Status now = queue.status(assetId);
        if (now != ReviewQueue.Status.PENDING) {
            throw new IllegalStateException("asset " + assetId + " was already decided: " + now);
        }
        ReviewQueue.Status status = approve ? ReviewQueue.Status.APPROVED : ReviewQueue.Status.REJECTED;
        ReviewQueue.Decision d = queue.decide(assetId, status, reviewer, comment);
        if (approve) {
            store.publish(assetId, queue);
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("module", "imagegen");
        record.put("operation", approve ? "review.approve" : "review.reject");
        record.put("verdict", status.name());
        record.put("model", a.modelVersion());
        record.put("asset", assetId);
        record.put("principal", "reviewer:" + reviewer);
        record.put("text", comment);
        governance.record("review", record);
        return d;
    }

    /** @return every asset generated so far, oldest first */
    public synchronized List<Asset> assets() {
        return List.copyOf(assets.values());
    }

    /**
     * @param assetId an asset id
     * @return the asset, or null when unknown
     */
    public synchronized Asset asset(String assetId) {
        return assets.get(assetId);
    }

    /**
     * @param assetId a known asset
     * @return its review status
     */
    public synchronized ReviewQueue.Status status(String assetId) {
        return queue.status(assetId);
    }

    /**
     * @param assetId a known asset
     * @return its decisions, oldest first (the submission first)
     */
    public synchronized List<ReviewQueue.Decision> history(String assetId) {
        return queue.history(assetId);
    }

    /**
     * @param assetId a known asset
     * @return the stored PNG bytes (with the lineage text chunk)
     */
    public byte[] png(String assetId) {
        return store.read(assetId);
    }

    /**
     * Makes a background variant of a real product photo: sdk-imagegen's {@code PhotoVariants.background} puts the
     * product and person on the brand guide's background (its style, from palette colour {@code paletteIndex}) in
     * place of the studio white, through the governance chain (operation {@value #BACKGROUND_OPERATION}, the image);
     * the style validator checks it against the guide; the source photo and the variant are stored with lineage (the
     * source is the parent, the steps are the variant's) and the variant is queued for review.
     *
     * @param product the product
     * @param photo one of its photos
     * @param paletteIndex the guide's palette colour the background starts from
     * @return the asset; the same variant made again is the earlier asset, with its review status
     * @throws io.retailgen.core.RetailGenException when the photo cannot be read, or the chain blocks the image
     * @throws IllegalArgumentException when the index is not in the palette or the photo is all background
     */
    public Asset background(LumaCatalog.Product product, LumaCatalog.Photo photo, int paletteIndex) {
        Objects.requireNonNull(product, "product == null");
        Objects.requireNonNull(photo, "photo == null");
        requireOpen();
        BufferedImage source = ColourwayVariant.read(photo.file());
        long t0 = System.nanoTime();
        StyledAsset styled = PhotoVariants.of(pipeline).background(source, paletteIndex);
        double seconds = (System.nanoTime() - t0) / 1e9;
        BufferedImage out = styled.image();
        List<String> violations = StyleValidator.validate(out, guide);
        byte[] preview = ColourwayVariant.encode(ColourwayVariant.scaled(out, PREVIEW_WIDTH), "png");
        String hex = String.format(Locale.ROOT, "#%06x", guide.palette().get(paletteIndex) & 0xffffff);
        String description = product.name() + " (" + photo.colour() + ", " + photo.view() + " photo) on the "
                + guide.name() + " " + guide.background().name().toLowerCase(Locale.ROOT) + " background from "
                + hex;
        return storeBackground(product, photo, source, styled, new Shown(description, violations, preview, hex,
                seconds, changedShare(source, out)));
    }

    /** What a background variant shows on the page, besides its image. */
    private record Shown(String description, List<String> violations, byte[] preview, String hex, double seconds,
            double changed) {
    }

    private synchronized Asset storeBackground(LumaCatalog.Product product, LumaCatalog.Photo photo,
            BufferedImage source, StyledAsset styled, Shown shown) {
        requireOpen();
        String parent = storeSource(photo, source);
        String model = BACKGROUND_OPERATION + "@" + ColourwayVariant.VERSION;
        String id = store.put("background-" + photo.style() + "-" + photo.colour() + "-" + photo.view(),
                styled.image(), new Lineage(model, 0, "background style=" + photo.style() + "; colour="
                        + photo.colour() + "; view=" + photo.view() + "; guide=" + guide.name() + "; from="
                        + shown.hex(), parent, styled.steps()));
        previews.put(id, shown.preview());
        Asset known = assets.get(id);
        if (known != null) {
            return known;
        }
        queue.submit(id, CAMPAIGN);
        Asset a = new Asset(id, -1, product.name() + " on the brand background", shown.description(),
                shown.description(), false, styled.findings().stream().map(Finding::ruleId).toList(),
                shown.violations(), true, model, 0, new PhotoVariant(BACKGROUND_OPERATION, photo.style(),
                        product.name(), photo.view(), photo.colour(), null, shown.hex(), shown.seconds(),
                        shown.changed(), parent, styled.image().getWidth(), styled.image().getHeight()));
        assets.put(id, a);
        return a;
    }

    /** Stores a catalog photo as the lineage parent of its variants; the same photo is stored once. */
    private String storeSource(LumaCatalog.Photo photo, BufferedImage image) {
        return store.put("photo-" + photo.style() + "-" + photo.colour() + "-" + photo.view(), image,
                new Lineage(PHOTO_SOURCE, 0, "catalog photo " + photo.file().getFileName() + " (" + photo.style()
                        + ", " + photo.colour() + ", " + photo.view() + ")", null, List.of()));
    }

    /** @return the share of pixels whose colour differs between two images of one size */
    static double changedShare(BufferedImage a, BufferedImage b) {
        int w = a.getWidth();
        int h = a.getHeight();
        int[] pa = a.getRGB(0, 0, w, h, null, 0, w);
        int[] pb = b.getRGB(0, 0, w, h, null, 0, w);
        long changed = 0;
        for (int i = 0; i < pa.length; i++) {
            changed += ((pa[i] ^ pb[i]) & 0xffffff) != 0 ? 1 : 0;
        }
        return (double) changed / pa.length;
    }

    /**
     * @param assetId a known asset
     * @return a PNG to show on a page: a colourway variant scaled to {@value #PREVIEW_WIDTH} pixels wide (without
     *     lineage), else the stored PNG
     */
    public byte[] preview(String assetId) {
        byte[] p;
        synchronized (this) {
            p = previews.get(assetId);
        }
        return p != null ? p.clone() : png(assetId);
    }

    /** @return the store directory */
    public Path storeDirectory() {
        return store.root();
    }

    /** @return the brand guide */
    public StyleGuide guide() {
        return guide;
    }

    /** @return how many assets fell back to an image that did not pass the attribute check */
    public synchronized int uncheckedCount() {
        return uncheckedCount;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the studio is closed");
        }
    }

    /** Closes the generators and the image model. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            checked.close();
            unchecked.close();
            model.close();
        }
    }
}
