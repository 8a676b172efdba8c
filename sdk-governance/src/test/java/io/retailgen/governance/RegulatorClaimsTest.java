package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.core.intercept.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Claim wordings that regulators acted on, reworded as a product listing would carry them, with the decision each
 * comes from; and, as the guard, ordinary copy with the same words.
 */
class RegulatorClaimsTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // ASA ruling on 2M Media SAS t/a Biolifix (2022): implied health claims in content-discovery ads
        "Optometrists amazed: new discovery improves your vision naturally|claim.clickbait",
        "Urologist: enlarged prostate? Do this immediately|claim.clickbait",
        "Dermatologist reveals the serum that erases dark spots|claim.clickbait",
        // FDA warning letters of 2020-2021 on COVID-19 products: product names that are claims
        "Flu Immune Drops, 30 ml|claim.disease",
        "Virus Destroyer tea, 20 bags|claim.disease",
        "Cold and Flu Buster lozenges for the whole family|claim.disease",
        // ASA ruling on Aspire Nutrition (2024): a supplement presented as made for a condition
        "Autism focused formula, packed with ingredients that help your child thrive|claim.disease",
        "Migraine formula capsules, 60|claim.disease",
        // ASA ruling on Principle Healthcare (2011): a boost of the immune system in a list of benefits
        "This formula boosts the body's energy levels and immune system|claim.disease",
        // FDA (21 CFR 101.93(g)) and FTC letters: lowering a disease marker is a drug claim
        "Lowers blood sugar naturally in two weeks|claim.disease",
        "Our tea reduces cholesterol and blood pressure|claim.disease",
        "Balances blood glucose without medication|claim.disease",
        // ASA ruling on Healthbio Ltd (2025): an end to a symptom of a condition
        "No more migraines after the first week|claim.disease"})
    void claimsFromRegulatorsDecisionsAreFound(String text, String rule) {
        assertThat(POLICY.check(text).findings()).as(text).anyMatch(f -> f.ruleId().equals(rule));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Supports healthy blood pressure as part of a balanced diet",
        "Lower the blood pressure cuff onto the upper arm",
        "Our team of dermatologists tested it on 40 volunteers",
        "Do this first: charge the battery for two hours",
        "Immune system science kit for kids, ages 8+",
        "Cold weather buster: thermal gloves",
        "Flu season essentials: tissues, hand cream and socks",
        "Reduces the sugar in the recipe by half",
        "No more tangled cables",
        "Cold weather formula hand cream",
        "Gentle formula for acne-prone skin"})
    void ordinaryCopyWithTheSameWordsIsAllowed(String text) {
        assertThat(POLICY.check(text).verdict()).as(text).isEqualTo(Verdict.ALLOW);
    }
}
