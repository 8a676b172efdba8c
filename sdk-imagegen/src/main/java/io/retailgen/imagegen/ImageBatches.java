package io.retailgen.imagegen;

/**
 * Batches of images as plain floats, shared by training and by {@link ImageQuality}: free of DJL, so that evaluating a
 * saved generator needs no training stack on the class path.
 */
final class ImageBatches {

    private ImageBatches() {
    }

    /** Copies a batch of images as floats {@code pixel * scale + offset} and one-hot labels. */
    static void batch(LabeledImages data, int[] order, int start, int n, float scale, float offset, float[] x,
            float[] oneHot, float[] labels, int classes) {
        byte[] px = data.pixelsUnsafe();
        int[] lab = data.labelsUnsafe();
        int per = data.pixelsPerImage();
        if (oneHot != null) {
            java.util.Arrays.fill(oneHot, 0, n * classes, 0f);
        }
        for (int k = 0; k < n; k++) {
            int r = order[start + k];
            int base = r * per;
            for (int i = 0; i < per; i++) {
                x[k * per + i] = (px[base + i] & 0xff) * scale + offset;
            }
            if (oneHot != null) {
                oneHot[k * classes + lab[r]] = 1f;
            }
            if (labels != null) {
                labels[k] = lab[r];
            }
        }
    }
}
