package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.core.intercept.Finding;
import io.retailgen.testing.Obfuscation;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Brands go through the same normalization as profanity: the shipped brand names, disguised in every way the
 * profanity catch-rate test disguises swear words, are still found next to a counterfeit marker.
 */
class BrandObfuscationTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();

    /** The curated brands of the shipped policy that are one word of four or more letters and not English words. */
    private static List<String> brands() throws Exception {
        List<String> out = new ArrayList<>();
        try (InputStream in = PolicyConfig.class.getResourceAsStream(PolicyConfig.RESOURCE_DIR
                + "default-policy.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            for (JsonNode b : root.path("counterfeit").path("brands")) {
                String w = b.asText().toLowerCase(Locale.ROOT);
                if (w.length() >= 4 && w.chars().allMatch(c -> c >= 'a' && c <= 'z') && !EnglishWords.contains(w)) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    @Test
    void obfuscatedBrandsAreFoundNextToACounterfeitMarker() throws Exception {
        List<String> brands = brands();
        assertThat(brands).hasSizeGreaterThan(40);
        SplittableRandom r = new SplittableRandom(7L);
        List<String> missed = new ArrayList<>();
        int tried = 0;
        for (Obfuscation style : Obfuscation.values()) {
            for (String brand : brands) {
                String disguised = style.apply(brand, r);
                if (disguised.equals(brand)) {
                    continue; // the style leaves this word alone
                }
                tried++;
                String text = "Brand new " + disguised + " replica bag, ships today";
                int brandEnd = text.indexOf(disguised) + disguised.length();
                boolean found = false;
                for (Finding f : POLICY.check(text).findings()) {
                    found |= f.ruleId().equals("counterfeit.brand") && f.start() <= text.indexOf(disguised)
                            && f.end() >= brandEnd;
                }
                if (!found) {
                    missed.add(style + ": " + disguised);
                }
            }
        }
        assertThat(tried).isGreaterThan(500);
        assertThat(missed).as("disguised brands not found").isEmpty();
    }

    @Test
    void theSameWordsUndisguisedOrWithoutAMarkerAreNoCounterfeitFinding() throws Exception {
        for (String brand : brands()) {
            assertThat(POLICY.check("Genuine " + brand + " bag, bought in store").findings()).as(brand)
                    .noneMatch(f -> f.category().equals("counterfeit"));
        }
    }
}
