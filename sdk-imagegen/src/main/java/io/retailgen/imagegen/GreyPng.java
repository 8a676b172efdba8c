package io.retailgen.imagegen;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

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
     * Model input from any image: luminance (sRGB weights 0.299, 0.587, 0.114; a greyscale image's samples as they
     * are) averaged over the area of each target pixel, scaled to [0, 1]. The product library's convention is a
     * light product on a dark background (as in Fashion-MNIST); invert a photo on a white background first.
     *
     * @param image any image
     * @param width target width, {@code >= 1}
     * @param height target height, {@code >= 1}
     * @return {@code height * width} values in [0, 1], row-major
     */
    public static float[] toPixels(BufferedImage image, int width, int height) {
        Objects.requireNonNull(image, "image == null");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("target size must be >= 1x1, was " + width + "x" + height);
        }
        int sw = image.getWidth();
        int sh = image.getHeight();
        float[] lum = new float[sw * sh];
        boolean grey = image.getType() == BufferedImage.TYPE_BYTE_GRAY;
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                if (grey) {
                    lum[y * sw + x] = image.getRaster().getSample(x, y, 0) / 255f;
                } else {
                    int rgb = image.getRGB(x, y);
                    lum[y * sw + x] = (0.299f * ((rgb >> 16) & 0xff) + 0.587f * ((rgb >> 8) & 0xff)
                            + 0.114f * (rgb & 0xff)) / 255f;
                }
            }
        }
        float[] out = new float[width * height];
        for (int ty = 0; ty < height; ty++) {
            int y0 = (int) ((long) ty * sh / height);
            int y1 = Math.max(y0 + 1, (int) ((long) (ty + 1) * sh / height));
            for (int tx = 0; tx < width; tx++) {
                int x0 = (int) ((long) tx * sw / width);
                int x1 = Math.max(x0 + 1, (int) ((long) (tx + 1) * sw / width));
                double sum = 0;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        sum += lum[y * sw + x];
                    }
                }
                out[ty * width + tx] = (float) Math.min(1.0, Math.max(0.0, sum / ((y1 - y0) * (x1 - x0))));
            }
        }
        return out;
    }

    /**
     * @param pixels {@code height * width} greyscale bytes
     * @param width image width
     * @param height image height
     * @return PNG bytes
     */
    public static byte[] encode(byte[] pixels, int width, int height) {
        return png(toImage(pixels, width, height));
    }

    /**
     * The image as a PNG without compression (stored deflate blocks): the bytes only travel to interceptors, so
     * encoding time matters more than size.
     *
     * @return the PNG bytes
     */
    static byte[] uncompressedPng(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.getWidth() * image.getHeight() + 1024);
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(1f); // deflate level 0
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "cannot encode PNG: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** @return the image as PNG bytes */
    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            ImageIO.write(image, "png", out);
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
