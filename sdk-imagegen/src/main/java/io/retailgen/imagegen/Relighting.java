package io.retailgen.imagegen;

/**
 * Directional light on the product and the person: each foreground pixel's lightness L* is multiplied by a gain that
 * falls linearly across the foreground's bounding box, away from the light, {@code gain = 1 - strength * (u cos(angle)
 * + v sin(angle))} with {@code u, v} the position in the box from -0.5 to 0.5 (angle 0: light from the left, 90: from
 * above). a* and b* stay, so colours keep their hue and chroma; the studio background is left as it is, and edge
 * pixels get the gain in proportion to their coverage. The gain is kept within 0.5..1.5 and applied in steps of
 * 1/{@value #GAIN_STEPS} (at most 0.4 L* from the exact gain), so each colour is converted once per step.
 */
final class Relighting {
    static final int GAIN_STEPS = 126;

    private Relighting() {
    }

    /**
     * @param rgb the photo's pixels, relit in place
     * @param mask the photo's studio mask
     * @param angleDegrees where the light comes from
     * @param strength how much brighter the lit side is than the middle, {@code [0, 1]}
     */
    static void relight(int[] rgb, StudioMask mask, double angleDegrees, double strength) {
        int w = mask.width;
        int h = mask.height;
        int[] box = mask.boundingBox();
        double bw = Math.max(1, box[2] - box[0] - 1);
        double bh = Math.max(1, box[3] - box[1] - 1);
        double cos = Math.cos(Math.toRadians(angleDegrees));
        double sin = Math.sin(Math.toRadians(angleDegrees));
        double[] lab = new double[3];
        // key: the colour in the low 24 bits, the gain step (0..GAIN_STEPS, 7 bits) above it
        ColourMemo lit = new ColourMemo(20, key -> {
            SrgbLab.toLab(key & 0xffffff, lab, 0);
            double gain = 0.5 + (key >>> 24) / (double) GAIN_STEPS;
            return SrgbLab.toRgb(Math.min(100, lab[0] * gain), lab[1], lab[2]);
        });
        for (int y = 0; y < h; y++) {
            double v = Math.max(-0.5, Math.min(0.5, (y - box[1]) / bh - 0.5));
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int c = mask.coverage(i);
                if (c == 0) {
                    continue;
                }
                double u = Math.max(-0.5, Math.min(0.5, (x - box[0]) / bw - 0.5));
                double gain = 1 - strength * (u * cos + v * sin) * c / 255.0;
                int step = (int) Math.round((Math.max(0.5, Math.min(1.5, gain)) - 0.5) * GAIN_STEPS);
                if (step == GAIN_STEPS / 2) {
                    continue;
                }
                rgb[i] = lit.apply(step << 24 | rgb[i]);
            }
        }
    }
}
