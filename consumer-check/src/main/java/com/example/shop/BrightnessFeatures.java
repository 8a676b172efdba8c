package com.example.shop;

import io.retailgen.imagegen.GeneratedImages;
import io.retailgen.imagegen.ImageGenerator;
import io.retailgen.imagegen.ModelSpec;

/**
 * A stand-in generator that only supplies features (each image's mean brightness and contrast), enough for
 * {@code ImageQuality.frechetDistance}: what a shop's own image pipeline would plug in to compare two photo sets.
 */
final class BrightnessFeatures implements ImageGenerator {

    private final ModelSpec spec;

    BrightnessFeatures(int side) {
        spec = new ModelSpec(1, 2, side, side);
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public String modelVersion() {
        return "brightness-features";
    }

    @Override
    public float[] features(float[] images, int n) {
        int per = spec.height() * spec.width();
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

    @Override
    public GeneratedImages generate(int category, int count, long seed) {
        throw new UnsupportedOperationException("features only");
    }

    @Override
    public GeneratedImages variations(int category, long referenceSeed, int count, float radius, long seed) {
        throw new UnsupportedOperationException("features only");
    }

    @Override
    public boolean canEncode() {
        return false;
    }

    @Override
    public float[] encode(float[] images, int n, int category) {
        throw new UnsupportedOperationException("features only");
    }

    @Override
    public GeneratedImages variationsOf(float[] reference, int category, int count, float radius, long seed) {
        throw new UnsupportedOperationException("features only");
    }

    @Override
    public float[] classify(float[] images, int n) {
        throw new UnsupportedOperationException("features only");
    }

    @Override
    public void close() {
    }
}
