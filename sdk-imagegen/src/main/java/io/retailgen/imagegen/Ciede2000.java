package io.retailgen.imagegen;

/**
 * CIEDE2000 colour difference between sRGB colours (D65 white, CIE 1976 L*a*b*), the measure the style validator
 * uses to compare dominant colours with the brand palette.
 *
 * <pre>{@code
 * double d = Ciede2000.distance(0xE30613, 0xE4081A); // about 1: barely visible
 * }</pre>
 *
 * <p>Stateless and safe for concurrent use.
 */
public final class Ciede2000 {
    private Ciede2000() {
    }

    /**
     * @param rgb {@code 0xRRGGBB} sRGB colour
     * @return {@code {L*, a*, b*}}
     */
    public static double[] toLab(int rgb) {
        double[] lab = new double[3];
        SrgbLab.toLab(rgb, lab, 0);
        return lab;
    }

    /**
     * @param rgb1 first colour {@code 0xRRGGBB}
     * @param rgb2 second colour {@code 0xRRGGBB}
     * @return the CIEDE2000 difference (0 = identical, about 2.3 = just noticeable)
     */
    public static double distance(int rgb1, int rgb2) {
        return distance(toLab(rgb1), toLab(rgb2));
    }

    /**
     * @param lab1 first colour in L*a*b*
     * @param lab2 second colour in L*a*b*
     * @return the CIEDE2000 difference with kL = kC = kH = 1
     */
    public static double distance(double[] lab1, double[] lab2) {
        double l1 = lab1[0];
        double a1 = lab1[1];
        double b1 = lab1[2];
        double l2 = lab2[0];
        double a2 = lab2[1];
        double b2 = lab2[2];
        double c1 = Math.hypot(a1, b1);
        double c2 = Math.hypot(a2, b2);
        double cBar = (c1 + c2) / 2;
        double c7 = Math.pow(cBar, 7);
        double g = 0.5 * (1 - Math.sqrt(c7 / (c7 + Math.pow(25, 7))));
        double a1p = (1 + g) * a1;
        double a2p = (1 + g) * a2;
        double c1p = Math.hypot(a1p, b1);
        double c2p = Math.hypot(a2p, b2);
        double h1p = hue(b1, a1p);
        double h2p = hue(b2, a2p);
        double dLp = l2 - l1;
        double dCp = c2p - c1p;
        double dhp;
        if (c1p * c2p == 0) {
            dhp = 0;
        } else if (Math.abs(h2p - h1p) <= 180) {
            dhp = h2p - h1p;
        } else if (h2p - h1p > 180) {
            dhp = h2p - h1p - 360;
        } else {
            dhp = h2p - h1p + 360;
        }
        double dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dhp / 2));
        double lBarP = (l1 + l2) / 2;
        double cBarP = (c1p + c2p) / 2;
        double hBarP;
        if (c1p * c2p == 0) {
            hBarP = h1p + h2p;
        } else if (Math.abs(h1p - h2p) <= 180) {
            hBarP = (h1p + h2p) / 2;
        } else if (h1p + h2p < 360) {
            hBarP = (h1p + h2p + 360) / 2;
        } else {
            hBarP = (h1p + h2p - 360) / 2;
        }
        double t = 1 - 0.17 * Math.cos(Math.toRadians(hBarP - 30)) + 0.24 * Math.cos(Math.toRadians(2 * hBarP))
                + 0.32 * Math.cos(Math.toRadians(3 * hBarP + 6)) - 0.20 * Math.cos(Math.toRadians(4 * hBarP - 63));
        double dTheta = 30 * Math.exp(-Math.pow((hBarP - 275) / 25, 2));
        double cBarP7 = Math.pow(cBarP, 7);
        double rc = 2 * Math.sqrt(cBarP7 / (cBarP7 + Math.pow(25, 7)));
        double lb = (lBarP - 50) * (lBarP - 50);
        double sl = 1 + 0.015 * lb / Math.sqrt(20 + lb);
        double sc = 1 + 0.045 * cBarP;
        double sh = 1 + 0.015 * cBarP * t;
        double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;
        double x = dLp / sl;
        double y = dCp / sc;
        double z = dHp / sh;
        return Math.sqrt(x * x + y * y + z * z + rt * y * z);
    }

    private static double hue(double b, double ap) {
        if (b == 0 && ap == 0) {
            return 0;
        }
        double h = Math.toDegrees(Math.atan2(b, ap));
        return h < 0 ? h + 360 : h;
    }
}
