package io.retailgen.imagegen;

import java.util.Locale;
import java.util.Objects;

/**
 * How one asset is styled: which allowed size, which palette colours for product and background, the lighting and
 * the optional banner text.
 *
 * @param sizeIndex index into {@link StyleGuide#sizes()}
 * @param productColour index into the palette for the product
 * @param backgroundColour index into the palette for the background
 * @param exposure exposure change in stops, {@code [-3, 3]}
 * @param gamma gamma, {@code [0.2, 5]}
 * @param lightAngle direction of the light in degrees (0 = from the left, 90 = from the top)
 * @param lightStrength strength of the directional shading, {@code [0, 1]}
 * @param bannerText text of a banner at the bottom, or null for none
 * @param locale the locale of the banner text
 */
public record StyleRecipe(int sizeIndex, int productColour, int backgroundColour, double exposure, double gamma,
        double lightAngle, double lightStrength, String bannerText, Locale locale) {

    /** Validates. */
    public StyleRecipe {
        if (sizeIndex < 0 || productColour < 0 || backgroundColour < 0) {
            throw new IllegalArgumentException("indices must be >= 0, were size " + sizeIndex + ", product colour "
                    + productColour + ", background colour " + backgroundColour);
        }
        if (!(exposure >= -3 && exposure <= 3) || !(gamma >= 0.2 && gamma <= 5)
                || !(lightStrength >= 0 && lightStrength <= 1) || !Double.isFinite(lightAngle)) {
            throw new IllegalArgumentException("lighting out of range: exposure " + exposure + " (-3..3), gamma "
                    + gamma + " (0.2..5), strength " + lightStrength + " (0..1), angle " + lightAngle);
        }
        Objects.requireNonNull(locale, "locale == null");
    }

    /**
     * @param productColour palette index of the product colour
     * @param backgroundColour palette index of the background colour
     * @return a recipe with the first size, neutral lighting and no banner
     */
    public static StyleRecipe simple(int productColour, int backgroundColour) {
        return new StyleRecipe(0, productColour, backgroundColour, 0, 1, 135, 0.25, null, Locale.ROOT);
    }

    /**
     * @param text banner text (null for none)
     * @param textLocale its locale
     * @return a copy with that banner
     */
    public StyleRecipe withBanner(String text, Locale textLocale) {
        return new StyleRecipe(sizeIndex, productColour, backgroundColour, exposure, gamma, lightAngle,
                lightStrength, text, textLocale);
    }
}
