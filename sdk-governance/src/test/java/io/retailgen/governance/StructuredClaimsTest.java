package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.core.intercept.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Claims found by their structure, with wordings that no claim phrase lists. */
class StructuredClaimsTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Our supplement fights viral infections and shrinks tumors.|claim.disease",
        "Kills 99.9% of viruses on contact.|claim.disease",
        "Kills v1ruses on contact|claim.disease",
        "Our turmeric blend kills H. pylori naturally|claim.disease",
        "Blocks the flu all winter|claim.disease",
        "Reverses type 2 diabetes in weeks.|claim.disease",
        "Eases fibromyalgia flare-ups|claim.disease",
        "Calms sinusitis overnight|claim.disease",
        "Helps with ADHD and autism symptoms.|claim.disease",
        "Drink daily to keep the virus away|claim.disease",
        "Boosts the immune system|claim.disease",
        "Drop 3 dress sizes in a month.|claim.weight-loss",
        "Lose 15-20% of body weight|claim.weight-loss",
        "This one patch melts belly fat overnight|claim.weight-loss",
        "Permanently removes wrinkles and fine lines.|claim.cosmetic-result",
        "Permanently removes unwanted hair after one use|claim.cosmetic-result",
        "Lose weight while you sleep|claim.weight-loss",
        "Protects against coronavirus|claim.disease",
        "Get rid of varicose veins for good|claim.disease",
        "Restores hearing loss naturally|claim.disease",
        "Big Pharma is hiding this cure|claim.clickbait",
        "Get rid of stretch marks for good in just days|claim.cosmetic-result",
        "Booked 14 times today.|claim.social-proof",
        "Sold 42 in the last hour|claim.social-proof",
        "120 sold in the last 24 hours.|claim.social-proof",
        "Lowest price on the market.|claim.price-superlative",
        "The world's leading skincare brand.|claim.unsubstantiated-superlative",
        "The most awarded running shoe.|claim.unsubstantiated-superlative",
        "The best vacuum cleaner in the world|claim.unsubstantiated-superlative",
        "The only supplement you will ever need|claim.unsubstantiated-superlative",
        "I lost 20 lbs in 2 weeks with this tea!|claim.testimonial",
        "My eczema was gone in three days.|claim.testimonial",
        "Doctors hate this one weird trick.|claim.clickbait",
        "Dermatologists are furious about this cheap cream|claim.clickbait",
        "Our collagen powder clears up E. coli naturally|claim.disease",
        "Shrinks fibroids without surgery|claim.disease",
        "Fights salmonellosis and listeriosis in the gut|claim.disease",
        "Our CBD oil is a natural alternative to chemotherapy|claim.disease",
        "The herbal statin substitute your cardiologist won't mention|claim.disease",
        "Melt away belly fat while you sleep|claim.weight-loss",
        "33% more efficient than the other fat binders|claim.comparative-efficacy",
        "Twice as effective as the leading brand|claim.comparative-efficacy",
        "Detox foot pads draw out toxins overnight|claim.detox",
        "The ozempic dupe pills that finally made me lose weight|claim.testimonial",
        "This cream helped me clear my acne in a week|claim.testimonial",
        "My doctor was amazed, my tumour shrank|claim.testimonial",
        "My cholesterol dropped 40 points in 3 weeks|claim.testimonial",
        "I came off my blood pressure pills thanks to this tea|claim.testimonial",
        "Big Pharma is terrified of this tea|claim.clickbait",
        "Scientists baffled by this kitchen remedy|claim.clickbait",
        "Fixes heartburn overnight|claim.disease",
        "Relieves backache and earache in minutes|claim.disease",
        "Burn 1,000 calories a day just by wearing it|claim.weight-loss",
        "Get a flat stomach in 7 days|claim.cosmetic-result",
        "Over 500 sold today|claim.social-proof",
        "Cheapest in Britain|claim.price-superlative",
        "Rated #1 by customers worldwide|claim.unsubstantiated-superlative",
        "Boosts testosterone by 300%|claim.disease"})
    void claimsAreFoundByStructure(String text, String rule) {
        assertThat(POLICY.check(text).findings()).as(text).anyMatch(f -> f.ruleId().equals(rule));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "This product is not intended to diagnose, treat, cure or prevent any disease.",
        "Does not cure cancer.",
        "Antimicrobial finish kills odor-causing bacteria.",
        "Gentle cleanser for acne-prone skin.",
        "Kills 99.9% of germs, EPA registration no. 1234-56",
        "Treat yourself to a new jacket.",
        "Dog treats with real chicken.",
        "Wrinkle-resistant permanent press fabric.",
        "Instant coffee mug, microwave safe.",
        "Flat-locked seams and quick-drying wicking properties prevent chafing.",
        "20% lighter and more efficient than our previous model.",
        "Twice as warm as last year's jacket.",
        "A dairy-free alternative to butter.",
        "These leggings made me feel great.",
        "Soft seams that stop chafing on long runs.",
        "The belt helped me lose my keys, ha.",
        "Burn up to 500 calories in a 30-minute class.",
        "Rated 1 out of 5 by nobody.",
        "I lost my keys in this jacket.",
        "Drop-in pockets, 2 colours.",
        "We are the world's leading retailer, according to the 2024 Retail Survey.",
        "Blocks wind and rain.",
        "Fights frizz for smooth hair.",
        "Only 3 left in size M",
        "Try this trick for a tighter knot",
        "Flu season gift set: the sale ends on Sunday",
        "Gets rid of lint and pet hair",
        "Protects against scratches and dents",
        "Permanent press cotton shirt"})
    void negationDisclaimersAndOrdinaryUsesAreNotClaims(String text) {
        assertThat(POLICY.check(text).findings()).as(text).noneMatch(f -> f.category().equals("misleading-claim"));
    }

    @Test
    void conditionsAreAlsoRecognisedByTheirEnding() {
        assertThat(ClaimPatterns.conditionShaped("gastroenteritis")).isTrue();
        assertThat(ClaimPatterns.conditionShaped("septicaemia")).isTrue();
        assertThat(ClaimPatterns.conditionShaped("norovirus")).isTrue();
        assertThat(ClaimPatterns.conditionShaped("fibromyalgia")).isTrue();
        assertThat(ClaimPatterns.conditionShaped("diagnosis")).isFalse();
        assertThat(ClaimPatterns.conditionShaped("sympathy")).isFalse();
        assertThat(ClaimPatterns.conditionShaped("nostalgia")).isFalse();
    }

    @Test
    void diseaseClaimsAreHighAndCanBeTurnedOff() {
        assertThat(POLICY.check("Shrinks tumors fast").findings())
                .anyMatch(f -> f.ruleId().equals("claim.disease") && f.severity() == Severity.HIGH);
        ContentPolicy phrasesOnly = ContentPolicy.builder().defaults().structuredClaims(false).build();
        assertThat(phrasesOnly.check("Shrinks tumors fast").findings())
                .noneMatch(f -> f.ruleId().equals("claim.disease"));
    }
}
