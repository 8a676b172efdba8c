package io.retailgen.imagegen;

import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A target colour as a retailer's colour card gives it: an sRGB hex code or a CIE L*a*b* value (D65 white).
 *
 * <pre>{@code
 * Swatch yellow = Swatch.hex("#f2d33c");
 * Swatch fromCard = Swatch.lab(62.0, 18.5, -40.2);
 * }</pre>
 *
 * <p>Immutable.
 */
public final class Swatch {
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final String NUMBER = "\\s*([-+]?[0-9]{1,4}(?:\\.[0-9]{1,6})?)\\s*";
    private static final Pattern LAB = Pattern.compile("lab\\(" + NUMBER + "," + NUMBER + "," + NUMBER + "\\)",
            Pattern.CASE_INSENSITIVE);

    private final double l;
    private final double a;
    private final double b;

    private Swatch(double l, double a, double b) {
        this.l = l;
        this.a = a;
        this.b = b;
    }

    /**
     * @param hex {@code #rrggbb}
     * @return the swatch
     * @throws IllegalArgumentException naming the value when it is not {@code #} and six hex digits
     */
    public static Swatch hex(String hex) {
        if (hex == null || !HEX.matcher(hex.strip()).matches()) {
            throw new IllegalArgumentException("colour must be #rrggbb (six hex digits), got '" + hex + "'");
        }
        return rgb(Integer.parseInt(hex.strip().substring(1), 16));
    }

    /**
     * A swatch as a colour card writes it: {@code #rrggbb} or {@code lab(L, a, b)} (CIE L*a*b*, D65).
     *
     * @param text the swatch
     * @return the swatch
     * @throws IllegalArgumentException naming the value when it is neither form, or a component is out of range
     */
    public static Swatch parse(String text) {
        if (text != null) {
            java.util.regex.Matcher m = LAB.matcher(text.strip());
            if (m.matches()) {
                return lab(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3)));
            }
            if (HEX.matcher(text.strip()).matches()) {
                return hex(text);
            }
        }
        throw new IllegalArgumentException("colour must be #rrggbb (six hex digits) or lab(L, a, b), got '" + text
                + "'");
    }

    /**
     * @param rgb {@code 0xRRGGBB} (higher bits ignored)
     * @return the swatch
     */
    public static Swatch rgb(int rgb) {
        double[] lab = Ciede2000.toLab(rgb & 0xffffff);
        return new Swatch(lab[0], lab[1], lab[2]);
    }

    /**
     * @param l lightness L*, 0 to 100
     * @param a green-red axis a*, -128 to 127
     * @param b blue-yellow axis b*, -128 to 127
     * @return the swatch
     * @throws IllegalArgumentException naming the component that is out of range or not a number
     */
    public static Swatch lab(double l, double a, double b) {
        if (!(l >= 0 && l <= 100)) {
            throw new IllegalArgumentException("L* must be within 0..100, got " + l);
        }
        if (!(a >= -128 && a <= 127)) {
            throw new IllegalArgumentException("a* must be within -128..127, got " + a);
        }
        if (!(b >= -128 && b <= 127)) {
            throw new IllegalArgumentException("b* must be within -128..127, got " + b);
        }
        return new Swatch(l, a, b);
    }

    /**
     * The colour a colour card would give for the garment in a photo: the per-channel median in L*a*b* over the
     * garment pixels.
     *
     * @param photo the photo
     * @param garment its garment pixels, same size, at least one
     * @return the median swatch
     * @throws IllegalArgumentException when the sizes differ or the mask is empty
     */
    public static Swatch medianOf(BufferedImage photo, GarmentMask garment) {
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(garment, "garment mask");
        garment.requireFits(photo, "no colour to take");
        int w = photo.getWidth();
        int h = photo.getHeight();
        double[] lab = LabHistogram.medianOf(photo.getRGB(0, 0, w, h, null, 0, w), garment);
        return new Swatch(lab[0], lab[1], lab[2]);
    }

    /** @return L* */
    public double l() {
        return l;
    }

    /** @return a* */
    public double a() {
        return a;
    }

    /** @return b* */
    public double b() {
        return b;
    }

    /** @return {@code {L*, a*, b*}} (a fresh copy) */
    public double[] toLab() {
        return new double[] {l, a, b};
    }

    /** @return the nearest sRGB colour {@code 0xRRGGBB} (clipped to the gamut) */
    public int toRgb() {
        return SrgbLab.toRgb(l, a, b);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Swatch[L*=%.1f, a*=%.1f, b*=%.1f, #%06x]", l, a, b, toRgb());
    }
}
