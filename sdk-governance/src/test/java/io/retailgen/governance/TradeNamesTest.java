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
        "Bitchin' Sauce original almond dip",     // bitchin: the verb to complain
        "Damn Good Donuts gift box",
        "Hooker Furniture Sanctuary nightstand",
        "Spunk Lighting table lamp",
        "Arrogant Bastard Ale, 22 oz bottle",
        "Thomas Crapper & Co. toilet cistern"})
    void aWordWithAnInnocentReadingBeforeANounOfGoodsOrAHouseInACapitalisedNameIsPartOfIt(String text) {
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
        "Dick's out for the lads",
        "Cunt Sauce",                             // no innocent reading, no family name
        "Slut Wine",
        "Fuck Coffee Company",
        "Motherfucker Brewing Company",
        "Big Dick Energy drink",                  // a lesser word makes a name only before a possessive
        "Pussy Juice",
        "Whore's Beer Shop",
        "Bitch's Brew Coffee",
        "Cum Sauce",                              // no English word, but no description after it either
        "Phuck cycling shorts",                   // a disguise changes consonants, a foreign name its vowels
        "Azzhole cycling shorts",
        "Biatch seafood sauce"})
    void theSameWordsAsAbuseStayFlagged(String text) {
        assertThat(profane(text)).as(text).isTrue();
    }

    @Test
    void theShapesAreReadFromTheWordsGiven() {
        TradeNames trades = new TradeNames(List.of("sauce", "house diner", "plain bitchin", "plain hooker"));
        NamedThings named = new NamedThings(List.of("bastard"), List.of("seller"), List.of(), List.of());
        Set<String> lexicon = Set.of("bitchin", "hooker", "bastard", "dick", "whore");
        assertThat(trades.inTradeName("Bitchin' Sauce dip", 0, 7, "bitchin", false, lexicon, named)).isTrue();
        assertThat(trades.inTradeName("Bitchin' Sauces", 0, 7, "bitchin", false, lexicon, named)).isTrue();
        assertThat(trades.inTradeName("Hooker's roadside diner", 0, 6, "hooker", false, lexicon, named)).isTrue();
        assertThat(trades.inTradeName("Hooker Ltd", 0, 6, "hooker", false, lexicon, named)).isTrue();
        assertThat(trades.inTradeName("Fat Bastard Sauce", 4, 11, "bastard", false, lexicon, named)).isTrue();
        assertThat(trades.inTradeName("Dick's Sauce", 0, 4, "dick", true, lexicon, named)).isTrue(); // lesser
        assertThat(trades.inTradeName("Dick Sauce", 0, 4, "dick", true, lexicon, named)).isFalse(); // no possessive
        assertThat(trades.inTradeName("Whore's Sauce", 0, 5, "whore", false, lexicon, named)).isFalse();
        assertThat(trades.inTradeName("Whore Sauce", 0, 5, "whore", false, lexicon, named)).isFalse();
        assertThat(trades.inTradeName("Bitchin' Gravy dip", 0, 7, "bitchin", false, lexicon, named)).isFalse();
        assertThat(trades.inTradeName("bitchin' Sauce dip", 0, 7, "bitchin", false, lexicon, named)).isFalse();
        assertThat(trades.inTradeName("Hooker Seller Sauce", 0, 6, "hooker", false, lexicon, named)).isFalse();
        assertThat(trades.inTradeName("Your Hooker Sauce", 5, 11, "hooker", false, lexicon, named)).isFalse();
    }

    @Test
    void aForeignNameMeetsALexiconWordInItsVowelsOnly() {
        assertThat(TradeNames.otherVowels("assos", "asses")).isTrue();
        assertThat(TradeNames.otherVowels("phuck", "fuck")).isFalse();
        assertThat(TradeNames.otherVowels("azzhole", "asshole")).isFalse();
        assertThat(TradeNames.otherVowels("fokker", "fucker")).isFalse();
        assertThat(TradeNames.otherVowels("asses", "asses")).isFalse();
    }

    @Test
    void aLineOfAnotherShapeIsRejected() {
        assertThatThrownBy(() -> new TradeNames(List.of("sauce", "shop of hats")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trades-wordnet.txt")
                .hasMessageContaining("shop of hats");
    }

    @Test
    void theShippedListHoldsGoodsHousesAndInnocentWords() {
        assertThat(TradeNames.wordNet().inTradeName("Spunk Lighting", 0, 5, "spunk", false, Set.of("spunk"),
                new NamedThings(List.of(), List.of(), List.of(), List.of()))).isTrue(); // the shipped list
    }
}
