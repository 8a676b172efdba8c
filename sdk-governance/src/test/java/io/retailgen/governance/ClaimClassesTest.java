package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.core.intercept.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Claims built from classes rather than phrases: an efficacy verb before a complaint named by a noun compound
 * ({@code brain fog}, {@code artery plaque}), a repair of a body part, a pathogen in a product name, and first-person
 * outcomes; and, as the guard, ordinary copy that shares their words.
 */
class ClaimClassesTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Herbal drops that combat stress and anxiety|claim.disease",
        "Helps combat stress naturally|claim.disease",
        "Advanced joint repair formula, 90 capsules|claim.disease",
        "Clears brain fog in minutes|claim.disease",
        "Reverses artery plaque naturally|claim.disease",
        "Corona Destroyer Tea, 20 bags|claim.disease",
        "Covid Buster spray|claim.disease",
        "Say goodbye to brain fog|claim.disease",
        "Bid farewell to migraines with our herbal blend|claim.disease",
        "Say bye to joint pain for good|claim.disease",
        "I lost 12 kg in a month with it|claim.testimonial",
        "My arthritis pain was gone in days|claim.testimonial"})
    void claimsBuiltFromClassesAreFound(String text, String rule) {
        assertThat(POLICY.check(text).findings()).as(text).anyMatch(f -> f.ruleId().equals(rule));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Bike repair kit with 16 tools",
        "Joint compound for drywall, 5 kg tub",
        "Leather combat boots, black",
        "Fog light for cars, pair",
        "I love this jacket",
        "My size was gone in days, order early",
        "Zipper repair service for jackets",
        "Anti-fog spray for ski goggles",
        "Say goodbye to cold feet this winter",
        "Say goodbye to boring outfits",
        "A farewell to arms, first edition"})
    void ordinaryCopyWithTheSameWordsIsAllowed(String text) {
        assertThat(POLICY.check(text).verdict()).as(text).isEqualTo(Verdict.ALLOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "the swollen tissue around a healing wound or ulcer",
        "Photographs of the healing ulcer in week two",
        "a healing fracture of the wrist"})
    void aParticipleThatDescribesTheConditionIsNoClaim(String text) {
        assertThat(POLICY.check(text).findings()).as(text).noneMatch(f -> f.category().equals("misleading-claim"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "A soothing eczema cream for dry skin",
        "A healing balm for eczema and psoriasis",
        "Healing ulcer remedy, fast acting",
        "This cream heals a wound or ulcer overnight"})
    void aParticipleBeforeAProductOrAfterNoArticleIsStillAClaim(String text) {
        assertThat(POLICY.check(text).findings()).as(text).anyMatch(f -> f.category().equals("misleading-claim"));
    }
}
