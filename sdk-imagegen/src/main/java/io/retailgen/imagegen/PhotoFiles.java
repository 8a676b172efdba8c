package io.retailgen.imagegen;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.Node;

/**
 * Reads product photos into sRGB and writes colour-managed PNGs.
 *
 * <ul>
 * <li>{@link #read(Path)} checks the size in the file's header before decoding (at most {@value #MAX_SIDE} pixels a
 * side and {@value #MAX_PIXELS} pixels in all), and converts a photo that carries an ICC profile other than sRGB (a
 * JPEG's APP2 or a PNG's {@code iCCP} chunk) to sRGB. The result is always {@code TYPE_INT_RGB}.</li>
 * <li>{@link #writePng(BufferedImage, Path)} writes a PNG with the {@code sRGB} chunk (perceptual intent), through a
 * temporary file and an atomic move.</li>
 * </ul>
 *
 * <pre>{@code
 * BufferedImage photo = PhotoFiles.read(Path.of("shirt.jpg"));
 * PhotoFiles.writePng(ImageVariations.recolor(photo, mask, Swatch.hex("#f2d33c")), Path.of("shirt-yellow.png"));
 * }</pre>
 *
 * <p>Stateless and safe for concurrent use.
 */
public final class PhotoFiles {
    /** The longest side {@link #read} accepts. */
    public static final int MAX_SIDE = 16_384;
    /** The most pixels {@link #read} accepts (a 1274x1580 studio photo has about 2 million). */
    public static final long MAX_PIXELS = 40_000_000L;
    private static final String PNG_FORMAT = "javax_imageio_png_1.0";
    private static final String JPEG_FORMAT = "javax_imageio_jpeg_image_1.0";

    private PhotoFiles() {
    }

    /**
     * @param file a PNG, JPEG, GIF or BMP photo
     * @return the photo in sRGB, {@code TYPE_INT_RGB}
     * @throws RetailGenException naming the file when it is missing, unreadable, not an image, too large or corrupt
     */
    public static BufferedImage read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "image " + file + " does not exist or is not a file");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, "image " + file
                        + " is not an image this reader knows (PNG, JPEG, GIF, BMP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
                    throw new RetailGenException(ErrorCode.INVALID_DATA, String.format(Locale.ROOT,
                            "image %s is %dx%d pixels; at most %d a side and %,d pixels in all are accepted", file, w,
                            h, MAX_SIDE, MAX_PIXELS));
                }
                BufferedImage decoded = reader.read(0);
                ICC_Profile embedded = embeddedProfile(reader.getImageMetadata(0));
                return toSrgb(decoded, embedded);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RetailGenException r) {
                throw r;
            }
            throw new RetailGenException(ErrorCode.INVALID_DATA, "cannot read image " + file + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /**
     * Converts a decoded image to sRGB {@code TYPE_INT_RGB}.
     *
     * @param image the decoded pixels
     * @param profile the profile the file carried, or null; ignored when the decoder already gave the image a
     *        colour space other than sRGB (then that one is converted from)
     * @return the image in sRGB (the same object when it already is sRGB {@code TYPE_INT_RGB} and no profile applies)
     */
    static BufferedImage toSrgb(BufferedImage image, ICC_Profile profile) {
        ColorSpace space = image.getColorModel().getColorSpace();
        if (!space.isCS_sRGB() && space.getType() != ColorSpace.TYPE_GRAY) {
            return convert(image);
        }
        if (profile != null && !isSrgb(profile) && profile.getColorSpaceType() == ColorSpace.TYPE_RGB
                && space.getType() == ColorSpace.TYPE_RGB) {
            return convert(reinterpret(image, new ICC_ColorSpace(profile)));
        }
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        return PhotoPixels.toImage(PhotoPixels.read(image), image.getWidth(), image.getHeight());
    }

    private static boolean isSrgb(ICC_Profile profile) {
        ICC_Profile srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB);
        return java.util.Arrays.equals(profile.getData(ICC_Profile.icSigHead), srgb.getData(ICC_Profile.icSigHead))
                || new ICC_ColorSpace(profile).isCS_sRGB();
    }

    private static BufferedImage convert(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        new ColorConvertOp(null).filter(image, out);
        return out;
    }

    /** The decoded 8-bit RGB values, read as values in {@code space} instead of sRGB. */
    private static BufferedImage reinterpret(BufferedImage image, ColorSpace space) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = PhotoPixels.read(image);
        ComponentColorModel model = new ComponentColorModel(space, false, false, java.awt.Transparency.OPAQUE,
                DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(w, h);
        byte[] px = new byte[3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = rgb[y * w + x];
                px[0] = (byte) (p >> 16);
                px[1] = (byte) (p >> 8);
                px[2] = (byte) p;
                raster.setDataElements(x, y, px);
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    /** The ICC profile of a PNG's {@code iCCP} chunk or a JPEG's APP2 marker, or null. */
    static ICC_Profile embeddedProfile(IIOMetadata metadata) {
        if (metadata == null) {
            return null;
        }
        try {
            for (String format : metadata.getMetadataFormatNames()) {
                if (PNG_FORMAT.equals(format) || JPEG_FORMAT.equals(format)) {
                    ICC_Profile p = findProfile(metadata.getAsTree(format));
                    if (p != null) {
                        return p;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return null; // a profile the colour management cannot use: the pixels are taken as sRGB
        }
        return null;
    }

    private static ICC_Profile findProfile(Node node) {
        if (node instanceof IIOMetadataNode n && ("iCCP".equals(n.getNodeName()) || "app2ICC".equals(n.getNodeName()))) {
            Object user = n.getUserObject();
            if (user instanceof ICC_Profile p) {
                return p;
            }
            if (user instanceof byte[] bytes) {
                return ICC_Profile.getInstance(bytes);
            }
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            ICC_Profile p = findProfile(c);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /**
     * Writes {@code image} as a PNG tagged sRGB (perceptual intent): the file's pixels are sRGB values.
     *
     * @param image the image (sRGB)
     * @param file where to write; its folder must exist
     * @throws RetailGenException naming the file when it cannot be written
     */
    public static void writePng(BufferedImage image, Path file) {
        byte[] png = png(image, Map.of());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(tmp, png);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param image the image (sRGB)
     * @param text {@code tEXt} entries, keyword to value
     * @return PNG bytes with an {@code sRGB} chunk and the text entries
     */
    static byte[] png(BufferedImage image, Map<String, String> text) {
        ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam p = w.getDefaultWriteParam();
            IIOMetadata md = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), p);
            IIOMetadataNode tree = new IIOMetadataNode(PNG_FORMAT);
            IIOMetadataNode srgb = new IIOMetadataNode("sRGB");
            srgb.setAttribute("renderingIntent", "Perceptual");
            tree.appendChild(srgb);
            if (!text.isEmpty()) {
                IIOMetadataNode t = new IIOMetadataNode("tEXt");
                text.forEach((k, v) -> {
                    IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
                    entry.setAttribute("keyword", k);
                    entry.setAttribute("value", v);
                    t.appendChild(entry);
                });
                tree.appendChild(t);
            }
            md.mergeTree(PNG_FORMAT, tree);
            w.setOutput(ios);
            w.write(null, new IIOImage(image, null, md), p);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "cannot encode PNG: " + e.getMessage(), e);
        } finally {
            w.dispose();
        }
        return out.toByteArray();
    }
}
