package io.retailgen.imagegen;

/**
 * Per-channel medians of many L*a*b* colours in constant memory (each distinct sRGB colour of a photo is converted once): L* in steps of 0.25 over 0..100, a* and b* in steps
 * of 0.25 over -128..128.
 */
final class LabHistogram {
    private static final int STEPS = 4;
    private static final int L_BINS = 100 * STEPS + 1;
    private static final int AB_BINS = 256 * STEPS + 1;
    private final int[] l = new int[L_BINS];
    private final int[] a = new int[AB_BINS];
    private final int[] b = new int[AB_BINS];
    private long count;

    /**
     * @param rgb photo pixels {@code 0xRRGGBB}, row-major
     * @param garment which of them to take
     * @return the median {@code {L*, a*, b*}} of the garment pixels
     */
    static double[] medianOf(int[] rgb, GarmentMask garment) {
        LabHistogram histogram = new LabHistogram();
        double[] lab = new double[3];
        ColourMemo bins = new ColourMemo(17, p -> {
            SrgbLab.toLab(p, lab, 0);
            return bin(lab[0], 0, L_BINS) << 22 | bin(lab[1], 128, AB_BINS) << 11 | bin(lab[2], 128, AB_BINS);
        });
        for (int i = 0; i < rgb.length; i++) {
            if (garment.at(i)) {
                int packed = bins.apply(rgb[i] & 0xffffff);
                histogram.l[packed >>> 22]++;
                histogram.a[(packed >>> 11) & 0x7ff]++;
                histogram.b[packed & 0x7ff]++;
                histogram.count++;
            }
        }
        return histogram.median();
    }

    void add(double[] lab) {
        l[bin(lab[0], 0, l.length)]++;
        a[bin(lab[1], 128, a.length)]++;
        b[bin(lab[2], 128, b.length)]++;
        count++;
    }

    private static int bin(double v, int offset, int bins) {
        return (int) Math.max(0, Math.min(bins - 1, Math.round((v + offset) * STEPS)));
    }

    /**
     * @return the median {@code {L*, a*, b*}} of everything added
     * @throws IllegalStateException when nothing was added
     */
    double[] median() {
        if (count == 0) {
            throw new IllegalStateException("no colours to take the median of");
        }
        return new double[] {median(l, 0), median(a, 128), median(b, 128)};
    }

    private double median(int[] bins, int offset) {
        long half = (count + 1) / 2;
        long seen = 0;
        for (int i = 0; i < bins.length; i++) {
            seen += bins[i];
            if (seen >= half) {
                return i / (double) STEPS - offset;
            }
        }
        return (bins.length - 1) / (double) STEPS - offset;
    }
}
