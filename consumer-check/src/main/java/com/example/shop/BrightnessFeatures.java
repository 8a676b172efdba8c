package com.example.shop;

import io.retailgen.imagegen.ImageFeatures;

/**
 * Features of the shop's own (each image's mean brightness and contrast), enough for
 * {@code ImageQuality.frechetDistance}: what a shop's own image pipeline would plug in to compare two photo sets.
 */
final class BrightnessFeatures implements ImageFeatures {

    private final int pixelsPerImage;

    BrightnessFeatures(int side) {
        pixelsPerImage = side * side;
    }

    @Override
    public float[] features(float[] images, int n) {
        int per = pixelsPerImage;
        float[] out = new float[2 * n];
        for (int k = 0; k < n; k++) {
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < per; i++) {
                double v = images[k * per + i];
                sum += v;
                squares += v * v;
            }
            double mean = sum / per;
            out[2 * k] = (float) mean;
            out[2 * k + 1] = (float) Math.sqrt(Math.max(0, squares / per - mean * mean));
        }
        return out;
    }

    @Override
    public int featureDim() {
        return 2;
    }
}
