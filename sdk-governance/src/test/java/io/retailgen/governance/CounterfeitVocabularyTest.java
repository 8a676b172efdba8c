package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Counterfeit listings in the trade's own words, and legitimate uses of the same words. */
class CounterfeitVocabularyTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();

    @ParameterizedTest
    @ValueSource(strings = {
        "Nike Dunk Low reps, ships from Putian", "Gucci belt (UA) cheap price DM for more",
        "New top batch Louis Vuitton Neverfull, QC photos before shipping", "Chanel flap bag LJR batch in stock now",
        "Rolex Submariner super clone with box and receipt", "first copy Prada nylon bag - identical to retail",
        "Hermes Birkin (AAAA quality) cheap price DM for more", "Chanel flap bag noob factory",
        "OEM Adidas Samba, same factory, not sold by Adidas", "Gucci belt passes the legit check and NFC scan",
        "Balenciaga Triple S homage with the Balenciaga logo on the dial",
        "Unauthorized Prada nylon bag, indistinguishable from the original",
        "#repsneakers #adidasreps Adidas Samba available", "Gucci belt on www.cheapguccioutlet.top, 80% off",
        "Hermes Birkin #fakeitorneverwear #1to1", "Cracked AutoCAD license key, instant delivery",
        "Adobe Photoshop 2024 full version pre-activated, no subscription",
        "R0l3x Submariner reps", "R*lex Submariner reps", "R O L E X Submariner reps", "Prаdа nylon bag super clone"})
    void tradeVocabularyIsCounterfeit(String text) {
        assertThat(POLICY.check(text).findings()).as(text).anyMatch(f -> f.category().equals("counterfeit"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Officially licensed Star Wars replica lightsaber", "1:1 scale model of the Apollo lander",
        "Prints in 1:1 aspect ratio for Instagram", "Authenticated pre-owned Rolex Datejust with papers",
        "Not a replica - this is the original 1985 Air Jordan 1", "Homage to classic dive watches, our own design",
        "New in: cockpit voice recorder replica keychain", "Batch number printed on the lid",
        "Our sales rep will call you back", "The original Nike Air Max, bought in store",
        "Officially licensed replica Ferrari 250 GTO model kit, 1:24",
        "Replica Ferrari 250 GTO model kit, 1:24 scale, die-cast, officially licensed",
        "Top batch of our sourdough sold out by 10am", "Cracked pepper crisps, 150 g",
        "New in: cracked-wheat bread, ready to ship"})
    void legitimateUsesAreNotCounterfeit(String text) {
        assertThat(POLICY.check(text).findings()).as(text)
                .noneMatch(f -> f.category().equals("counterfeit") && f.severity().compareTo(
                        io.retailgen.core.intercept.Severity.MEDIUM) >= 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cracked Photoshop 2024, lifetime activation", "Top batch Jordan 4 reps",
        "Best batch sneakers, DM for pics"})
    void ambiguousTradeWordsCountInTheTradesContext(String text) {
        assertThat(POLICY.check(text).findings()).as(text).anyMatch(f -> f.category().equals("counterfeit"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Replica Rolex Submariner, not officially licensed", "1:1 Rolex Submariner"})
    void aNegatedLicenceOrAnExactOneToOneIsStillCounterfeit(String text) {
        assertThat(POLICY.check(text).findings()).as(text).anyMatch(f -> f.ruleId().equals("counterfeit.brand"));
    }

    @org.junit.jupiter.api.Test
    void numbersInMarkersMatchDigitForDigit() {
        assertThat(PhraseCheck.sameDigits("1:1", "1:1")).isTrue();
        assertThat(PhraseCheck.sameDigits("1:1", "１:１")).isTrue();
        assertThat(PhraseCheck.sameDigits("1:1", "1:24")).isFalse();
        assertThat(PhraseCheck.sameDigits("aaa grade", "AAA grade")).isTrue();
    }

    @org.junit.jupiter.api.Test
    void anAuthorizedBrandFromTheShippedListIsNeverFlagged() {
        ContentPolicy seller = ContentPolicy.builder().defaults().brands(java.util.List.of(),
                java.util.List.of("Adidas")).build();
        PolicyResult r = seller.check("Adidas replica home jersey");
        assertThat(r.findings()).noneMatch(f -> f.ruleId().equals("counterfeit.brand"));
        assertThat(r.verdict()).isEqualTo(io.retailgen.core.intercept.Verdict.ALLOW);
        assertThat(seller.check("Rolex replica").findings()).anyMatch(f -> f.ruleId().equals("counterfeit.brand"));
    }
}
