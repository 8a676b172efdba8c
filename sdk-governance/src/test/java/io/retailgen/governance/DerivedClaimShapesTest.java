package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.core.intercept.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Claim shapes that generalise past listed words: conditions drawn from further WordNet subtrees that regulators treat
 * as diseases (hair loss: FDA, 21 CFR 310.527; tooth decay: 21 CFR 355; memory loss, defects of sight and hearing,
 * ulcers, reflux), {@code ends} + a condition, a doctor who took the speaker off a medicine, a measure back to
 * normal, an endorsement by any profession named by its form, a purge of an internal organ, undoing ageing itself,
 * withheld-knowledge and weird-thing clickbait, further first-person outcomes (nothing since, sizes lost, off a
 * medicine), and a mild efficacy verb before a condition named by its ending ({@code fights the coronavirus}); and,
 * as the guard, ordinary copy that shares their words.
 */
class DerivedClaimShapesTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Prevents hair loss and baldness|claim.disease",
        "Stops male pattern baldness in weeks|claim.disease",
        "Reverses memory loss naturally|claim.disease",
        "Fights tooth decay without fluoride|claim.disease",
        "Prevents myopia with daily eye exercises|claim.disease",
        "Soothes stomach ulcers and acid reflux|claim.disease",
        "Restores hearing loss in 30 days|claim.disease",
        "Ends migraines for good|claim.disease",
        "My doctor took me off my blood pressure meds|claim.testimonial",
        "My sugar levels are normal now thanks to this tea|claim.testimonial",
        "Doctor recommended formula for joint comfort|claim.unsubstantiated-approval",
        "Cardiologist-approved heart tonic|claim.unsubstantiated-approval",
        "Recommended by leading dermatologists|claim.unsubstantiated-approval",
        "Detox your liver and kidneys in 7 days|claim.detox",
        "Cleanses your colon of years of waste|claim.detox",
        "Reverses ageing from the inside|claim.cosmetic-result",
        "Halts the ageing process|claim.cosmetic-result",
        "Turns back the clock on ageing|claim.cosmetic-result",
        "The cure Big Pharma doesn't want you to know about|claim.clickbait",
        "The secret they don't want you to know|claim.clickbait",
        "This weird fruit melts belly fat|claim.clickbait",
        "Fights the coronavirus|claim.disease",
        "I haven't had a single migraine since I started taking it|claim.testimonial",
        "After 2 weeks my knee pain was completely gone|claim.testimonial",
        "I went from a size 16 to a size 8|claim.testimonial",
        "I'm off my insulin now|claim.testimonial",
        "Since using these drops I no longer need glasses|claim.testimonial",
        "I was able to stop my diabetes medication|claim.testimonial",
        "I haven't needed my inhaler since March|claim.testimonial",
        "I've been migraine-free for six months|claim.testimonial",
        "Local mom discovers $3 wrinkle trick|claim.clickbait",
        "Joint physician begs seniors to try this tip|claim.clickbait",
        "One simple ritual melts belly fat|claim.clickbait",
        "Lose 10lbs in 7 days|claim.weight-loss",
        "Drop 5kg in 2 weeks|claim.weight-loss"})
    void claimsOfTheseShapesAreFound(String text, String rule) {
        assertThat(POLICY.check(text).findings()).as(text).anyMatch(f -> f.ruleId().equals(rule));
    }

    /**
     * Short claim wordings quoted from regulators' decisions: the FDA and FTC's joint warning letter to Pure Nootropics
     * (2019: "prevents cognitive decline (such as senile dementia and Alzheimer's disease)"), the ASA's ruling on
     * Dietary Sciences Ltd (2024: "Your joints can heal themselves at any age"), and the ASA's 2024 rulings on
     * supplement ads (Well Gummies: "prevent future diseases", "clear acne", "reduce symptoms of anxiety and
     * depression").
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "Prevents cognitive decline (such as senile dementia and Alzheimer's disease)",
        "Your joints can heal themselves at any age",
        "Helps prevent future diseases and clear acne",
        "Reduces symptoms of anxiety and depression"})
    void wordingsFromRegulatorsDecisionsAreDiseaseClaims(String text) {
        assertThat(POLICY.check(text).findings()).as(text).anyMatch(f -> f.ruleId().equals("claim.disease"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Seams that prevent chafing on long runs",
        "Packs into itself for travel",
        "The doctor recommended regular exercise, so I bought these trainers",
        "Self-healing fabric repairs itself after small snags",
        "Protects against wind (such as on exposed ridges)",
        "Recommended for ages 3 and up",
        "Approved by our design team in Portland",
        "Machine wash, tumble dry; the hem ends at the hip",
        "Cleanses skin gently without stripping",
        "Liver and onions recipe book",
        "Stops the ageing of leather with this conditioner, 250 ml",
        "Turn back the clock with this retro alarm clock",
        "My size is normal, so I ordered a medium",
        "Doctor Who figurine, boxed",
        "Prevents glare and fog on ski goggles",
        "Bestselling jacket, recommended by our customers",
        "You won't believe how soft this fleece is",
        "Available from size 8 to size 16",
        "Our weird and wonderful socks, pack of 3",
        "We haven't had a late delivery since 2019",
        "My old boots are gone, these replace them",
        "Gluten-free and dairy-free, I'm glad to say",
        "I don't need my umbrella with this jacket",
        "One tip: wash cold and hang to dry",
        "Packing hacks for your next trip",
        "Ritual candles, set of 3",
        "Trick or treat bag",
        "A thriller that ends in madness and ruin",
        "I went from a size 8 to a size 10 because it runs small",
        "Ear defenders, SNR 33 dB, protect against noise-induced hearing loss",
        "Glacier glasses give protection against snow blindness"})
    void ordinaryCopyWithTheSameWordsIsAllowed(String text) {
        assertThat(POLICY.check(text).verdict()).as(text).isEqualTo(Verdict.ALLOW);
    }
}
