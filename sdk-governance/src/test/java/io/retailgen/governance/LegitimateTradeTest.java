package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.core.intercept.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The replica trade's words in their other senses: ratios and one-to-one services ({@code 1:1}), repetitions in
 * training ({@code reps}), software ({@code git clone}), a literal first copy, guides against counterfeits,
 * licensed replicas; and the counterfeit listings that use the same words, still blocked.
 */
class LegitimateTradeTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"Mix the concentrate 1:1 with water", "Mix the two-part epoxy 1:1 by volume",
        "1:1 mentoring sessions with our stylist", "Max rep counter for the gym app",
        "Git clone of the Apache Spark repo, ready to build", "First copy of the print run, signed by the artist",
        "First copy off the press: a signed first edition", "Our first copy of The Hobbit, a 1937 first edition",
        "How to spot a fake Rolex: a buyer's guide", "Report counterfeit Nike products to Nike",
        "Licensed by Warner Bros: 1:1 replica of the Hogwarts acceptance letter",
        "Adidas replica jersey (fan version) vs authentic (player version): what's the difference",
        "Inspired by vintage Cartier ads, our poster series (no logos, no trademarks)"})
    void wordsOfTheTradeInTheirOtherSensesAreAllowed(String text) {
        assertThat(POLICY.check(text).verdict()).as(text).isEqualTo(Verdict.ALLOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Gucci belt 1:1 with box and receipt", "Nike Air Max rep with box, all sizes",
        "Jordan 1 High rep with box and receipt", "Chanel bag first copy, ships free",
        "Prada first copy, 1:1 with the original", "Dior reps, high quality, sets of 3 colours",
        "Rolex Daytona 1:1 video before shipping", "Supreme box logo fake, great price",
        "Rolex Submariner replica, 1:1 clone, top batch", "1:1 Louis Vuitton Neverfull, mirror quality",
        "Balenciaga Triple S reps, top batch, ships worldwide"})
    void theSameWordsInCounterfeitListingsAreStillBlocked(String text) {
        assertThat(POLICY.check(text).verdict()).as(text).isEqualTo(Verdict.BLOCK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hermes Birkin 1:1 replica, passes serial check", "1:1 replica Rolex, licensed quality",
        "First copy Ray-Ban sunglasses, wholesale price"})
    void aLicenceWordDoesNotVouchForAStrongMarkerOrAnotherMarkerBesideIt(String text) {
        assertThat(POLICY.check(text).verdict()).as(text).isEqualTo(Verdict.BLOCK);
    }
}
