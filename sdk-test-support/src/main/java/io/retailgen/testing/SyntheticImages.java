package io.retailgen.testing;

import java.util.SplittableRandom;

/**
 * Ten categories of 28x28 grey images drawn at run time, for tests that train an image model when Fashion-MNIST is
 * not at hand. Category {@code c} is a filled block whose width grows with {@code c % 5} and whose height doubles
 * from {@code c >= 5} on, moved by up to two pixels, with jittered ink and pixel noise: a classifier can tell the
 * categories apart, and a generator has something to learn per category.
 *
 * <pre>{@code
 * SyntheticImages.Set set = SyntheticImages.generate(3000, 1L);
 * LabeledImages images = new LabeledImages(28, 28, set.pixels(), set.labels());
 * }</pre>
 */
public final class SyntheticImages {
    /** Image side in pixels. */
    public static final int SIDE = 28;
    /** Number of categories; image {@code i} is of category {@code i % CATEGORIES}. */
    public static final int CATEGORIES = 10;

    private SyntheticImages() {
    }

    /**
     * Images with their category indices.
     *
     * @param pixels {@code count * 28 * 28} unsigned grey bytes, image after image (light product on black)
     * @param labels the category index of each image
     */
    public record Set(byte[] pixels, int[] labels) {
    }

    /**
     * @param count how many images
     * @param seed the seed; the same seed gives the same images
     * @return the images
     */
    public static Set generate(int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] pixels = new byte[count * SIDE * SIDE];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int category = i % CATEGORIES;
            labels[i] = category;
            int width = 6 + 4 * (category % 5) + rnd.nextInt(3) - 1;
            int height = category < 5 ? 10 : 20;
            int left = (SIDE - width) / 2 + rnd.nextInt(5) - 2;
            int top = (SIDE - height) / 2 + rnd.nextInt(5) - 2;
            double ink = 0.6 + 0.4 * rnd.nextDouble();
            int base = i * SIDE * SIDE;
            for (int y = Math.max(0, top); y < Math.min(SIDE, top + height); y++) {
                for (int x = Math.max(0, left); x < Math.min(SIDE, left + width); x++) {
                    double v = Math.max(0, Math.min(1, ink + 0.05 * rnd.nextGaussian()));
                    pixels[base + y * SIDE + x] = (byte) Math.round(255 * v);
                }
            }
        }
        return new Set(pixels, labels);
    }
}
