package io.retailgen.imagegen;

import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.InterceptorChain;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Variants of a real product photo for a brand: a colourway (the sold item recoloured), the brand background instead
 * of the studio white, directional relighting, and aspect-ratio crops that keep the whole product and person inside.
 * The studio background is {@link ProductSegmenter}'s near-white region connected to the border; everything else is
 * the foreground.
 *
 * <pre>{@code
 * AssetPipeline pipeline = AssetPipeline.builder().guide(StyleGuide.read(guideFile)).interceptors(chain).build();
 * PhotoVariants variants = PhotoVariants.of(pipeline);
 * BufferedImage photo = PhotoFiles.read(Path.of("shirt.jpg"));
 * StyledAsset onBrand = variants.background(photo, 0);
 * StyledAsset banner = variants.crop(photo, PhotoVariants.Aspect.BANNER_16_9);
 * List<String> violations = StyleValidator.validate(banner.image(), variants.guide());
 * }</pre>
 *
 * <p>Recolour, background and relight keep the photo's size; a crop takes the first size of the guide with its aspect
 * ratio, or the crop window's own size (its longer side at most the photo's) when the guide has none. Every call converts the photo to sRGB first, returns a
 * new sRGB image and passes it through the interceptors once (module {@code imagegen}, operation {@code recolor},
 * {@code background}, {@code relight} or {@code crop}, the image as PNG); a BLOCK verdict throws
 * {@link BlockedOutputException}. The steps of each {@link StyledAsset} are its lineage for the {@link AssetStore}.
 *
 * <p>Immutable and safe for concurrent use (as far as the interceptors are).
 */
public final class PhotoVariants {

    /** The crops a storefront needs. */
    public enum Aspect {
        /** 1:1, product tiles. */
        SQUARE_1_1(1, 1),
        /** 4:5, portrait feeds. */
        PORTRAIT_4_5(4, 5),
        /** 16:9, banners. */
        BANNER_16_9(16, 9);

        private final int width;
        private final int height;

        Aspect(int width, int height) {
            this.width = width;
            this.height = height;
        }

        /** @return the width part of the ratio */
        public int width() {
            return width;
        }

        /** @return the height part of the ratio */
        public int height() {
            return height;
        }

        /** @return the ratio as {@code w:h} */
        public String ratio() {
            return width + ":" + height;
        }
    }

    private final StyleGuide guide;
    private final InterceptorChain interceptors;

    private PhotoVariants(StyleGuide guide, InterceptorChain interceptors) {
        this.guide = guide;
        this.interceptors = interceptors;
    }

    /**
     * @param pipeline the asset pipeline whose style guide (palette, background style, margin, sizes) and
     *        interceptors the variants use
     * @return the variants maker
     */
    public static PhotoVariants of(AssetPipeline pipeline) {
        Objects.requireNonNull(pipeline, "pipeline == null");
        return new PhotoVariants(pipeline.guide(), pipeline.interceptorsForVariants());
    }

    /** @return the style guide */
    public StyleGuide guide() {
        return guide;
    }

    /**
     * @param photo the photo
     * @param garment the sold item's pixels, same size
     * @param target the colour it should have
     * @return the recoloured photo, same size ({@link ImageVariations#recolor})
     */
    public StyledAsset recolor(BufferedImage photo, GarmentMask garment, Swatch target) {
        Objects.requireNonNull(target, "target swatch");
        BufferedImage out = ImageVariations.recolor(srgb(photo), garment, target);
        return pass("recolor", out, List.of(String.format(Locale.ROOT, "recolor:%s,garment=%.4f", target,
                garment.share())));
    }

    /**
     * The guide's background style (solid, gradient or texture) in place of the studio white.
     *
     * @param photo the photo
     * @param paletteIndex the palette colour of the background; a gradient runs from it (top) to the next palette
     *        colour (bottom)
     * @return the photo on the brand background, same size
     * @throws IllegalArgumentException when the index is not in the palette or the photo is all background
     */
    public StyledAsset background(BufferedImage photo, int paletteIndex) {
        List<Integer> palette = guide.palette();
        if (paletteIndex < 0 || paletteIndex >= palette.size()) {
            throw new IllegalArgumentException("palette index " + paletteIndex + " not in 0.." + (palette.size() - 1)
                    + " (guide '" + guide.name() + "')");
        }
        BufferedImage in = srgb(photo);
        int[] rgb = PhotoPixels.read(in);
        StudioMask mask = studio(rgb, in);
        int first = palette.get(paletteIndex);
        int second = palette.get((paletteIndex + 1) % palette.size());
        BackgroundReplacement.paint(rgb, mask, guide.background(), first, second);
        String style = guide.background().name().toLowerCase(Locale.ROOT);
        return pass("background", PhotoPixels.toImage(rgb, in.getWidth(), in.getHeight()), List.of(
                maskStep(mask), guide.background() == StyleGuide.Background.GRADIENT
                        ? String.format(Locale.ROOT, "background:%s:#%06X->#%06X", style, first, second)
                        : String.format(Locale.ROOT, "background:%s:#%06X", style, first)));
    }

    /**
     * @param photo the photo
     * @param angleDegrees where the light comes from: 0 left, 90 above, 180 right, 270 below
     * @param strength how much lighter (in L*, relative) the lit edge of the foreground gets, {@code [0, 1]}
     * @return the relit photo, same size; the studio background is unchanged
     * @throws IllegalArgumentException when the strength or angle is out of range, or the photo is all background
     */
    public StyledAsset relight(BufferedImage photo, double angleDegrees, double strength) {
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("light strength must be in [0, 1], was " + strength);
        }
        if (!Double.isFinite(angleDegrees)) {
            throw new IllegalArgumentException("light angle must be a finite number of degrees, was " + angleDegrees);
        }
        BufferedImage in = srgb(photo);
        int[] rgb = PhotoPixels.read(in);
        StudioMask mask = studio(rgb, in);
        Relighting.relight(rgb, mask, angleDegrees, strength);
        return pass("relight", PhotoPixels.toImage(rgb, in.getWidth(), in.getHeight()), List.of(maskStep(mask),
                String.format(Locale.ROOT, "relight:angle=%.0f,strength=%.2f", angleDegrees, strength)));
    }

    /**
     * @param photo the photo
     * @param aspect the aspect ratio
     * @return the crop around the product and person with the guide's margin, at the first guide size of that aspect
     *     ratio (or the window's own size, its longer side at most the photo's)
     * @throws IllegalArgumentException when the photo is all background
     */
    public StyledAsset crop(BufferedImage photo, Aspect aspect) {
        Objects.requireNonNull(aspect, "aspect == null");
        BufferedImage in = srgb(photo);
        int[] rgb = PhotoPixels.read(in);
        StudioMask mask = studio(rgb, in);
        int[] box = mask.boundingBox();
        int[] window = AspectCrop.window(box, in.getWidth(), in.getHeight(), aspect.width(), aspect.height(),
                guide.margin());
        int[] size = sizeFor(aspect);
        if (size == null) { // the window's own resolution, its longer side at most the photo's
            double f = Math.min(1, Math.max(in.getWidth(), in.getHeight()) / (double) Math.max(window[2], window[3]));
            size = new int[] {Math.max(1, (int) Math.round(window[2] * f)), Math.max(1, (int) Math.round(window[3] * f))};
        }
        BufferedImage out = AspectCrop.crop(in, window, mask.studio, size[0], size[1]);
        List<String> steps = new ArrayList<>();
        steps.add(maskStep(mask));
        steps.add(String.format(Locale.ROOT, "crop:%s(product %d,%d,%d,%d; window %d,%d,%d,%d)", aspect.ratio(),
                box[0], box[1], box[2] - box[0], box[3] - box[1], window[0], window[1], window[2], window[3]));
        steps.add("scale:" + window[2] + "x" + window[3] + "->" + out.getWidth() + "x" + out.getHeight());
        return pass("crop", out, steps);
    }

    /** @return the first guide size of this aspect ratio (within 1%), or null */
    private int[] sizeFor(Aspect aspect) {
        double want = (double) aspect.width() / aspect.height();
        for (int[] s : guide.sizes()) {
            if (Math.abs((double) s[0] / s[1] - want) / want <= 0.01) {
                return s;
            }
        }
        return null;
    }

    private static StudioMask studio(int[] rgb, BufferedImage photo) {
        StudioMask mask = StudioMask.of(rgb, photo.getWidth(), photo.getHeight());
        if (mask.foreground == 0) {
            throw new IllegalArgumentException("the " + photo.getWidth() + "x" + photo.getHeight() + " photo is all"
                    + " studio background: no product to make a variant of");
        }
        return mask;
    }

    private static String maskStep(StudioMask mask) {
        return String.format(Locale.ROOT, "mask:studio-white(foreground=%.4f)",
                mask.foreground / (double) (mask.width * mask.height));
    }

    private static BufferedImage srgb(BufferedImage photo) {
        Objects.requireNonNull(photo, "photo");
        return PhotoFiles.toSrgb(photo, null);
    }

    private StyledAsset pass(String operation, BufferedImage image, List<String> steps) {
        if (interceptors.size() == 0) {
            return new StyledAsset(image, steps, null, List.of());
        }
        GenerationRequest request = GenerationRequest.builder().module("imagegen").operation(operation)
                .image(GreyPng.uncompressedPng(image)).attribute("image_format", "png")
                .attribute("image_width", Integer.toString(image.getWidth()))
                .attribute("image_height", Integer.toString(image.getHeight()))
                .attribute("style_guide", guide.name()).build();
        GenerationResponse response = interceptors.execute(request, r -> GenerationResponse.allow(r.text()));
        if (response.blocked()) {
            throw new BlockedOutputException(operation, response.findings());
        }
        return new StyledAsset(image, steps, null, response.findings());
    }
}
