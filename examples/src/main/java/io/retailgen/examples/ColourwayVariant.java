package io.retailgen.examples;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.imagegen.Ciede2000;
import io.retailgen.imagegen.GarmentMask;
import io.retailgen.imagegen.ImageVariations;
import io.retailgen.imagegen.ProductSegmenter;
import io.retailgen.imagegen.Swatch;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * A colourway variant of a real product photo, made the way a retailer would: the colours come from a colour card
 * ({@link #colourCards}: the median colour of each of two colourways' aligned photos over the pixels where they
 * differ); sdk-imagegen's {@link ProductSegmenter}, told the source colourway's swatch as a catalogue states it,
 * finds the garment and {@link ImageVariations#recolor} turns it into the target colourway's swatch at full
 * resolution.
 *
 * <pre>{@code
 * ColourwayVariant v = ColourwayVariant.make(pair);
 * System.out.println(v.swatchHex() + " in " + v.seconds() + " s");
 * }</pre>
 *
 * @param source the photo recoloured
 * @param recoloured the variant, same size as {@code source}
 * @param real the real photo in the target colourway
 * @param swatch the target colour
 * @param seconds the time of segmentation and recolouring (not reading the photos)
 * @param maskShare the share of the photo's pixels that were recoloured
 */
public record ColourwayVariant(BufferedImage source, BufferedImage recoloured, BufferedImage real, Swatch swatch,
        double seconds, double maskShare) {

    /** The governance operation of a colourway variant. */
    public static final String OPERATION = "recolor";
    /** The model name in lineage and governance requests. */
    public static final String MODEL = "imagegen-recolor";
    /** Its version. */
    public static final String VERSION = "1";

    /** Two aligned photos differ on the garment where their CIEDE2000 distance exceeds this. */
    static final double GARMENT_DELTA_E = 10;

    /** Validates. */
    public ColourwayVariant {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(recoloured, "recoloured == null");
        Objects.requireNonNull(real, "real == null");
        Objects.requireNonNull(swatch, "swatch == null");
    }

    /**
     * @param pair two colourways of one product and view
     * @return the source photo recoloured to the target colourway's colour card
     * @throws RetailGenException {@link ErrorCode#IO} when a photo cannot be read
     */
    public static ColourwayVariant make(LumaStore.ColourwayPair pair) {
        BufferedImage source = read(pair.source().file());
        BufferedImage real = read(pair.target().file());
        Swatch[] cards = colourCards(source, real);
        long t0 = System.nanoTime();
        GarmentMask garment = ProductSegmenter.segment(source, cards[0]);
        if (garment.count() == 0) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "no garment found in " + pair.source().file()
                    + " (is its background the studio white?)");
        }
        BufferedImage out = ImageVariations.recolor(source, garment, cards[1]);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new ColourwayVariant(source, out, real, cards[1], seconds, garment.share());
    }

    /**
     * @param pair the colourways the variant was made from
     * @return its description, such as {@code Chaz Kangeroo Hoodie in Gray (#a5a1a6), recoloured from the Black main
     *     photo}
     */
    public String describe(LumaStore.ColourwayPair pair) {
        return pair.product().name() + " in " + pair.target().colour() + " (" + swatchHex() + "), recoloured from the "
                + pair.source().colour() + " " + pair.source().view() + " photo";
    }

    /**
     * The one governance request of this variant: module {@code imagegen}, operation {@value #OPERATION}, the
     * description as its text and a preview as its image.
     *
     * @param pair the colourways the variant was made from
     * @param preview the preview PNG (such as the variant scaled to 400 px wide)
     * @return the request
     */
    public GenerationRequest request(LumaStore.ColourwayPair pair, byte[] preview) {
        return GenerationRequest.builder().module("imagegen").operation(OPERATION).text(describe(pair))
                .image(preview).model(MODEL, VERSION).attribute("style", pair.product().style())
                .attribute("swatch", swatchHex()).build();
    }

    /** @return the target colour as {@code #rrggbb} */
    public String swatchHex() {
        return String.format(Locale.ROOT, "#%06x", swatch.toRgb() & 0xffffff);
    }

    /**
     * The colour cards of two colourways, as a retailer's colour card gives them: the median colour of each photo
     * over the pixels where the two aligned photos differ by CIEDE2000 over {@value #GARMENT_DELTA_E} (every second
     * pixel in each direction is compared, which leaves the medians as they are and is four times faster). When the
     * photos are not the same size or do not differ, each garment is found by {@link ProductSegmenter} instead.
     *
     * @param a a photo
     * @param b the same product and view in another colourway
     * @return the swatches of {@code a} and {@code b}
     */
    public static Swatch[] colourCards(BufferedImage a, BufferedImage b) {
        int w = a.getWidth();
        int h = a.getHeight();
        if (b.getWidth() == w && b.getHeight() == h) {
            int[] pa = a.getRGB(0, 0, w, h, null, 0, w);
            int[] pb = b.getRGB(0, 0, w, h, null, 0, w);
            boolean[] differs = new boolean[w * h];
            int count = 0;
            for (int y = 0; y < h; y += 2) {
                for (int x = 0; x < w; x += 2) {
                    int i = y * w + x;
                    if (pa[i] != pb[i] && Ciede2000.distance(pa[i], pb[i]) > GARMENT_DELTA_E) {
                        differs[i] = true;
                        count++;
                    }
                }
            }
            if (count > 0) {
                GarmentMask garment = GarmentMask.of(w, h, differs);
                return new Swatch[] {Swatch.medianOf(a, garment), Swatch.medianOf(b, garment)};
            }
        }
        return new Swatch[] {segmentedMedian(a), segmentedMedian(b)};
    }

    private static Swatch segmentedMedian(BufferedImage photo) {
        GarmentMask garment = ProductSegmenter.segment(photo, null);
        if (garment.count() == 0) {
            throw new IllegalArgumentException("the photo holds no garment to take a colour from");
        }
        return Swatch.medianOf(photo, garment);
    }

    /**
     * @param file a JPEG or PNG
     * @return the image
     * @throws RetailGenException {@link ErrorCode#IO} when it cannot be read or decoded
     */
    public static BufferedImage read(Path file) {
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) {
                throw new RetailGenException(ErrorCode.IO, "cannot decode " + file + ": not a JPEG or PNG image");
            }
            return img;
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Scales an image to a width, keeping its aspect ratio, by halving steps and a final bilinear step (smooth, not
     * aliased). An image no wider than {@code width} is returned as it is.
     *
     * @param image the image
     * @param width the width wanted, {@code >= 1}
     * @return an sRGB image {@code width} wide
     */
    public static BufferedImage scaled(BufferedImage image, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, was " + width);
        }
        BufferedImage current = image;
        while (current.getWidth() > width) {
            int w = Math.max(width, current.getWidth() / 2);
            int h = Math.max(1, (int) Math.round((double) current.getHeight() * w / current.getWidth()));
            BufferedImage next = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = next.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(current, 0, 0, w, h, null);
            g.dispose();
            current = next;
        }
        return current;
    }

    /**
     * @param image an image
     * @param format {@code jpg} or {@code png}
     * @return the encoded bytes
     */
    public static byte[] encode(BufferedImage image, String format) {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            if (!ImageIO.write(rgb, format, out)) {
                throw new IllegalArgumentException("no image writer for '" + format + "'");
            }
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot encode an image: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
