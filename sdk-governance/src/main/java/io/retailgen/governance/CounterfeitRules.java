package io.retailgen.governance;

import io.retailgen.core.intercept.Severity;
import java.util.List;
import java.util.Objects;

/**
 * Counterfeit and brand-misuse detection: a brand lexicon, counterfeit markers, and the brands the retailer is
 * authorized to sell. A marker near an unauthorized brand ("replica Rolex", "Gucci dupe", "inspired by Chanel") is a
 * finding of {@code severity}; a marker on its own is a finding of the marker's own {@code aloneSeverity}, if any.
 * Brands of three characters or fewer must match the case as written in the lexicon ({@code "HP"}), longer ones
 * match in any case.
 *
 * <pre>{@code
 * CounterfeitRules rules = new CounterfeitRules(List.of("Rolex", "Gucci"), List.of("Gucci"),
 *         List.of(new CounterfeitRules.Marker("replica", CounterfeitRules.Placement.EITHER, Severity.LOW)),
 *         5, Severity.HIGH);
 * }</pre>
 *
 * @param brands the brand lexicon
 * @param authorizedBrands brands the retailer may sell; never flagged
 * @param markers counterfeit markers
 * @param window how many words may separate a marker from the brand, {@code >= 0}
 * @param severity the severity of a marker-plus-brand finding
 * @param legitimate phrases of legitimate trade ("officially licensed", "authenticated", "1:1 scale", "1:1 aspect
 *     ratio"): a marker without a severity of its own, or a LOW one, within {@code window} words of one is no finding
 */
public record CounterfeitRules(List<String> brands, List<String> authorizedBrands, List<Marker> markers, int window,
                               Severity severity, List<String> legitimate) {

    /** Where a marker stands relative to the brand it qualifies. */
    public enum Placement {
        /** Before the brand: "replica Rolex", "inspired by Chanel". */
        BEFORE,
        /** Right after the brand: "Gucci-inspired", "Nike style". */
        AFTER,
        /** Either side. */
        EITHER
    }

    /**
     * One counterfeit marker.
     *
     * @param phrase the marker phrase, not blank
     * @param placement where it stands relative to the brand
     * @param aloneSeverity the severity of the marker without a brand nearby, or null for no finding
     * @param requires phrases of which at least one must be in the same text for the marker to count ("homage"
     *     only with "logo", "oem" only with "same factory"); empty for none
     */
    public record Marker(String phrase, Placement placement, Severity aloneSeverity, List<String> requires) {
        /** Validates and copies. */
        public Marker {
            ClaimRule.requireText(phrase, "marker phrase");
            Objects.requireNonNull(placement, "placement == null");
            requires = requires == null ? List.of() : List.copyOf(requires);
            requires.forEach(r -> ClaimRule.requireText(r, "required phrase of marker '" + phrase + "'"));
        }

        /**
         * A marker that needs no other phrase.
         *
         * @param phrase the marker phrase, not blank
         * @param placement where it stands relative to the brand
         * @param aloneSeverity the severity of the marker without a brand nearby, or null for no finding
         */
        public Marker(String phrase, Placement placement, Severity aloneSeverity) {
            this(phrase, placement, aloneSeverity, List.of());
        }
    }

    /**
     * Rules without legitimate-trade phrases.
     *
     * @param brands the brand lexicon
     * @param authorizedBrands brands the retailer may sell; never flagged
     * @param markers counterfeit markers
     * @param window how many words may separate a marker from the brand, {@code >= 0}
     * @param severity the severity of a marker-plus-brand finding
     */
    public CounterfeitRules(List<String> brands, List<String> authorizedBrands, List<Marker> markers, int window,
                            Severity severity) {
        this(brands, authorizedBrands, markers, window, severity, List.of());
    }

    /** Validates and copies. */
    public CounterfeitRules {
        brands = List.copyOf(Objects.requireNonNull(brands, "brands == null"));
        authorizedBrands = List.copyOf(Objects.requireNonNull(authorizedBrands, "authorizedBrands == null"));
        markers = List.copyOf(Objects.requireNonNull(markers, "markers == null"));
        if (window < 0) {
            throw new IllegalArgumentException("window must be >= 0, was " + window);
        }
        Objects.requireNonNull(severity, "severity == null");
        legitimate = legitimate == null ? List.of() : List.copyOf(legitimate);
    }

    /**
     * @param moreBrands brands to add to the lexicon (the retailer's own list)
     * @param authorized brands the retailer is authorized to sell (replacing the current list)
     * @return a copy with the brand lists changed
     */
    public CounterfeitRules withBrands(List<String> moreBrands, List<String> authorized) {
        List<String> all = new java.util.ArrayList<>(brands);
        all.addAll(moreBrands);
        return new CounterfeitRules(all, authorized, markers, window, severity, legitimate);
    }
}
