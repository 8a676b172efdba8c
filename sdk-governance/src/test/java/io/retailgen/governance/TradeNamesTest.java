package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names of brands, companies and shops that hold a lexicon word ({@link TradeNames}, found flagged by the brand
 * probe file {@code policy-probes/brand-names.jsonl}); and, as the guard, the same words as abuse.
 */
class TradeNamesTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();

    private static boolean profane(String text) {
        return POLICY.check(text).findings().stream().anyMatch(f -> f.category().equals("profanity"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Fat Bastard Chardonnay 2022",
        "Bitchin' Sauce original almond dip",
        "Damn Good Donuts gift box",
        "Hooker Furniture Sanctuary nightstand",
        "Spunk Lighting table lamp",
        "Arrogant Bastard Ale, 22 oz bottle",
        "Bad Ass Coffee of Hawaii Kona blend",
        "Thomas Crapper & Co. toilet cistern"})
    void aLexiconWordBeforeANounOfGoodsOrAHouseInACapitalisedNameIsPartOfIt(String text) {
        assertThat(profane(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Dick's Sporting Goods gift card",
        "Big Dick's halfway inn t-shirt",
        "Founders Dirty Bastard Scotch ale, 6-pack"})
    void aPossessiveOrANameRunBeforeAProductNounIsATradeName(String text) {
        assertThat(profane(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Fuk Yi seafood soy sauce",
        "Assos cycling bib shorts"})
    void aCoinedNameThatOpensAProductDescriptionIsABrand(String text) {
        assertThat(profane(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Fat bastard get out",                    // lower case makes no name
        "You dick, sporting goods store clerk",   // a comma ends the run; "you" addresses
        "Spunk on your face",
        "Hooker for hire tonight",
        "Hooker For Hire Tonight",                // small words of a phrase
        "Damn good fuck",
        "Damn Good Fuck Sauce",                   // another lexicon word in the run
        "Fat Bastard Seller Sent The Wrong Chardonnay", // a person after the word
        "Boss Bitch t-shirt",                     // clothing carries slogans, it names no trade
        "Fuk you seafood seller",
        "Fuk Yi and your seafood",
        "Cum shot photo pack",                    // written together, a lexicon word
        "You Spunk Lighting Bastard",
        "Dick's out for the lads"})
    void theSameWordsAsAbuseStayFlagged(String text) {
        assertThat(profane(text)).as(text).isTrue();
    }

    @Test
    void theShapesAreReadFromTheNounsGiven() {
        TradeNames trades = new TradeNames(List.of("sauce", "house diner"));
        Set<String> lexicon = Set.of("bitchin", "hooker");
        assertThat(trades.inTradeName("Bitchin' Sauce dip", 0, 7, lexicon, w -> false)).isTrue();
        assertThat(trades.inTradeName("Bitchin' Sauces", 0, 7, lexicon, w -> false)).isTrue(); // a plural
        assertThat(trades.inTradeName("Hooker's roadside diner", 0, 6, lexicon, w -> false)).isTrue();
        assertThat(trades.inTradeName("Hooker Ltd", 0, 6, lexicon, w -> false)).isTrue(); // a designator
        assertThat(trades.inTradeName("Bitchin' Gravy dip", 0, 7, lexicon, w -> false)).isFalse(); // no such noun
        assertThat(trades.inTradeName("bitchin' Sauce dip", 0, 7, lexicon, w -> false)).isFalse(); // not a name
        assertThat(trades.inTradeName("Hooker Seller Sauce", 0, 6, lexicon, w -> w.equals("seller"))).isFalse();
        assertThat(trades.inTradeName("Your Hooker Sauce", 5, 11, lexicon, w -> false)).isFalse();
    }

    @Test
    void aLineOfAnotherShapeIsRejected() {
        assertThatThrownBy(() -> new TradeNames(List.of("sauce", "shop of hats")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trades-wordnet.txt")
                .hasMessageContaining("shop of hats");
    }
}
