package io.retailgen.imagegen;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Writes 8-bit greyscale PNGs by filling the raster directly (going through {@code setRGB} on a
 * {@code TYPE_BYTE_GRAY} image applies a colour-space conversion that darkens the pixels), and contact sheets.
 *
 * <pre>{@code
 * GreyPng.write(dir.resolve("0001.png"), batch.image(0), 28, 28);
 * }</pre>
 *
 * <p>Stateless and safe for concurrent use.
 */
public final class GreyPng {
    private GreyPng() {
    }

    /**
     * @param pixels {@code height * width} unsigned greyscale bytes, row-major
     * @param width image width
     * @param height image height
     * @return the image, {@code TYPE_BYTE_GRAY}
     */
    public static BufferedImage toImage(byte[] pixels, int width, int height) {
        Objects.requireNonNull(pixels, "pixels == null");
        if (width < 1 || height < 1 || pixels.length != width * height) {
            throw new IllegalArgumentException(pixels.length + " bytes do not make a " + width + "x" + height
                    + " image");
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setDataElements(0, 0, width, height, pixels);
        return img;
    }

    /**
     * @param pixels {@code height * width} greyscale bytes
     * @param width image width
     * @param height image height
     * @return PNG bytes
     */
    public static byte[] encode(byte[] pixels, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            ImageIO.write(toImage(pixels, width, height), "png", out);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "cannot encode PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * @param file the target file (its folder must exist)
     * @param pixels {@code height * width} greyscale bytes
     * @param width image width
     * @param height image height
     */
    public static void write(Path file, byte[] pixels, int width, int height) {
        try {
            Files.write(file, encode(pixels, width, height));
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Lays images out in a grid with a one-pixel white gutter.
     *
     * @param images the images
     * @param columns images per row, {@code >= 1}
     * @param max the most images to show, {@code >= 1}
     * @return the sheet, greyscale
     */
    public static BufferedImage contactSheet(GeneratedImages images, int columns, int max) {
        if (columns < 1 || max < 1) {
            throw new IllegalArgumentException("columns and max must be >= 1, were " + columns + ", " + max);
        }
        int n = Math.min(images.count(), max);
        int cols = Math.min(columns, n);
        int rows = (n + cols - 1) / cols;
        int w = images.width();
        int h = images.height();
        int sw = cols * (w + 1) + 1;
        int sh = rows * (h + 1) + 1;
        byte[] sheet = new byte[sw * sh];
        java.util.Arrays.fill(sheet, (byte) 255);
        for (int i = 0; i < n; i++) {
            byte[] px = images.image(i);
            int ox = 1 + (i % cols) * (w + 1);
            int oy = 1 + (i / cols) * (h + 1);
            for (int y = 0; y < h; y++) {
                System.arraycopy(px, y * w, sheet, (oy + y) * sw + ox, w);
            }
        }
        return toImage(sheet, sw, sh);
    }
}
