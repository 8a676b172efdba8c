package io.retailgen.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A generated shopper-intent data set for the foundation demo: four session features (log page views, cart adds,
 * minutes on site, discount depth seen) and one of three intents (browse, add to cart, purchase) from a nonlinear
 * rule with label noise, so that a linear model cannot reach the accuracy of a small MLP.
 */
final class ShopperIntentData {
    static final int FEATURES = 4;
    static final int CLASSES = 3;
    static final String[] INTENTS = {"browse", "cart", "purchase"};

    final float[] x;
    final int[] y;
    final int rows;

    private ShopperIntentData(float[] x, int[] y) {
        this.x = x;
        this.y = y;
        this.rows = y.length;
    }

    static ShopperIntentData generate(int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[rows * FEATURES];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            double views = rnd.nextDouble(-1.5, 1.5);
            double carts = rnd.nextDouble(-1.5, 1.5);
            double minutes = rnd.nextDouble(-1.5, 1.5);
            double discount = rnd.nextDouble(-1.5, 1.5);
            double buy = 1.4 * carts * (minutes + 0.6) + 0.9 * discount * discount - 0.8;
            double cart = 1.1 * views - 0.7 * Math.abs(minutes) + 0.3 * carts;
            int label = buy > 0.4 ? 2 : cart > 0 ? 1 : 0;
            if (rnd.nextDouble() < 0.05) {
                label = rnd.nextInt(CLASSES);
            }
            x[i * FEATURES] = (float) views;
            x[i * FEATURES + 1] = (float) carts;
            x[i * FEATURES + 2] = (float) minutes;
            x[i * FEATURES + 3] = (float) discount;
            y[i] = label;
        }
        return new ShopperIntentData(x, y);
    }

    /** The rows as text, for the data fingerprint in the model's provenance. */
    List<String> rowsAsText() {
        List<String> out = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            out.add(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f,%d", x[i * FEATURES], x[i * FEATURES + 1],
                    x[i * FEATURES + 2], x[i * FEATURES + 3], y[i]));
        }
        return out;
    }

    double majorityShare() {
        int[] counts = new int[CLASSES];
        for (int label : y) {
            counts[label]++;
        }
        int max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        return (double) max / rows;
    }
}
