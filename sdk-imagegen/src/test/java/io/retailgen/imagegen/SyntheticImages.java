package io.retailgen.imagegen;

import java.util.SplittableRandom;

/**
 * Ten categories of 28x28 grey images drawn at run time, for the tests that train a model when Fashion-MNIST is not
 * at hand. Category {@code c} is a filled block whose width grows with {@code c % 5} and whose height doubles from
 * {@code c >= 5} on, moved by up to two pixels, with jittered ink and pixel noise: a classifier can tell the
 * categories apart, and a generator has something to learn per category.
 */
final class SyntheticImages {
    static final int SIDE = 28;
    static final int CATEGORIES = 10;

    private SyntheticImages() {
    }

    static LabeledImages generate(int count, long seed) {
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
        return new LabeledImages(SIDE, SIDE, pixels, labels);
    }
}
