package io.retailgen.imagegen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Regional versions of one campaign asset: each region has its own palette, banner text and locale.
 *
 * <pre>{@code
 * Map<String, StyledAsset> byRegion = RegionalVariants.render(pipeline, grey, 28, 28, recipe, List.of(
 *         new RegionalVariants.Rule("de", Locale.GERMANY, List.of(0x1B2A49, 0xF5F1E8), "Neu"),
 *         new RegionalVariants.Rule("fr", Locale.FRANCE, List.of(0x1B2A49, 0xF5F1E8), "Nouveau")));
 * }</pre>
 *
 * <p>Stateless and safe for concurrent use.
 */
public final class RegionalVariants {
    private RegionalVariants() {
    }

    /**
     * @param region region code (e.g. {@code de})
     * @param locale locale of the text
     * @param palette the region's palette (replaces the guide's), {@code 0xRRGGBB}
     * @param bannerText the region's banner text, or null
     */
    public record Rule(String region, Locale locale, List<Integer> palette, String bannerText) {
        /** Validates and copies. */
        public Rule {
            if (region == null || region.isBlank()) {
                throw new IllegalArgumentException("region must not be blank");
            }
            Objects.requireNonNull(locale, "locale == null");
            palette = List.copyOf(palette);
        }
    }

    /**
     * @param base the pipeline with the global guide and interceptors
     * @param grey source greyscale image
     * @param width source width
     * @param height source height
     * @param recipe the global recipe (colour indices apply to each regional palette)
     * @param rules one per region
     * @return the styled asset per region, in rule order; each region's asset passed the interceptors once
     * @throws BlockedOutputException when the interceptors block one region's asset (for example its banner)
     */
    public static Map<String, StyledAsset> render(AssetPipeline base, byte[] grey, int width, int height,
            StyleRecipe recipe, List<Rule> rules) {
        Map<String, StyledAsset> out = new LinkedHashMap<>();
        for (Rule r : rules) {
            if (out.containsKey(r.region())) {
                throw new IllegalArgumentException("region " + r.region() + " appears twice");
            }
            AssetPipeline p = AssetPipeline.builder()
                    .guide(base.guide().withPalette(base.guide().name() + "-" + r.region(), r.palette()))
                    .interceptors(base.interceptorsForVariants()).build();
            out.put(r.region(), p.render(grey, width, height, recipe.withBanner(r.bannerText(), r.locale())));
        }
        return out;
    }
}
