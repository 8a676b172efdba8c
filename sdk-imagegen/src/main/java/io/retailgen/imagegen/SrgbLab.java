package io.retailgen.imagegen;

/**
 * Conversions between 8-bit sRGB and CIE 1976 L*a*b* (D65 white), in both directions. The forward direction uses a
 * 256-entry table for the sRGB transfer curve so whole photos convert quickly; {@link Ciede2000#toLab(int)} delegates
 * here so that both agree to the last bit.
 */
final class SrgbLab {
    private static final double XN = 0.95047;
    private static final double ZN = 1.08883;
    private static final double EPSILON = 216.0 / 24389;
    private static final double KAPPA = 24389.0 / 27;
    private static final double[] LINEAR = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    private SrgbLab() {
    }

    /**
     * Writes {@code {L*, a*, b*}} of {@code rgb} into {@code out} at {@code offset}.
     *
     * @param rgb {@code 0xRRGGBB} (higher bits ignored)
     * @param out destination
     * @param offset index of L* in {@code out}
     */
    static void toLab(int rgb, double[] out, int offset) {
        double r = LINEAR[(rgb >> 16) & 0xff];
        double g = LINEAR[(rgb >> 8) & 0xff];
        double b = LINEAR[rgb & 0xff];
        double fx = f((0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / XN);
        double fy = f(0.2126729 * r + 0.7151522 * g + 0.0721750 * b);
        double fz = f((0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / ZN);
        out[offset] = 116 * fy - 16;
        out[offset + 1] = 500 * (fx - fy);
        out[offset + 2] = 200 * (fy - fz);
    }

    private static double f(double t) {
        return t > EPSILON ? Math.cbrt(t) : (KAPPA * t + 16) / 116;
    }

    private static double fInverse(double t) {
        double cube = t * t * t;
        return cube > EPSILON ? cube : (116 * t - 16) / KAPPA;
    }

    /**
     * @return the nearest 8-bit sRGB colour {@code 0xRRGGBB}; colours outside the sRGB gamut are clipped per channel
     */
    static int toRgb(double l, double a, double b) {
        double fy = (l + 16) / 116;
        double x = XN * fInverse(fy + a / 500);
        double y = l > KAPPA * EPSILON ? fy * fy * fy : l / KAPPA;
        double z = ZN * fInverse(fy - b / 200);
        double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        double bl = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        return encode(r) << 16 | encode(g) << 8 | encode(bl);
    }

    private static int encode(double linear) {
        double c = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
        return (int) Math.round(Math.max(0, Math.min(1, c)) * 255);
    }
}
