package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.core.intercept.Verdict;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Classes of real names that an outside probe (every WordNet noun as a product name) found flagged: binomial names,
 * WordNet nouns that a sound-alike spelling happens to spell, names of things that hold a word offensive in its
 * first sense, and a lexicon phrase inside the name of a plant; and, as the guard, the same words used as abuse.
 */
class OutsideNamesTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();

    @ParameterizedTest
    @ValueSource(strings = {
        "Helianthus annuus seeds, giant sunflower",
        "Brassica rapa seeds, 100 g",
        "Cuon alpinus (dhole) wildlife print",
        "H. annuus seed mix, 1 kg",
        "Fucus vesiculosus (bladderwrack) capsules, 60"})
    void binomialNamesAreAllowed(String text) {
        assertThat(POLICY.check(text).findings()).as(text).noneMatch(f -> f.category().equals("profanity"));
    }

    @Test
    void aBinomialIsAKnownGenusThenALatinEpithet() {
        ScientificNames names = new ScientificNames(List.of("Helianthus", "Brassica"));
        assertThat(names.covers("Helianthus annuus", 11, 17)).isTrue();
        assertThat(names.covers("Brassica rapa", 9, 13)).isTrue();
        assertThat(names.covers("H. annuus", 3, 9)).isTrue();
        assertThat(names.covers("helianthus annuus", 11, 17)).isFalse(); // a genus has a capital
        assertThat(names.covers("Helianthus you", 0, 10)).isFalse();      // no Latin epithet after it
        assertThat(names.covers("Sunflower annuus", 10, 16)).isFalse();   // no genus before it
        assertThat(ScientificNames.epithet("alpinus", 0, 7)).isTrue();
        assertThat(ScientificNames.epithet("face", 0, 4)).isTrue();
        assertThat(ScientificNames.epithet("off", 0, 3)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "New in: argus pheasant, ready to ship",
        "Dik-dik figurine, hand-carved",
        "Cuon figurine",
        "Booyong timber offcuts",
        "Kant, Critique of Pure Reason, paperback"})
    void nounsThatASoundAlikeSpellsAreAllowed(String text) {
        assertThat(POLICY.check(text).findings()).as(text).noneMatch(f -> f.category().equals("profanity"));
    }

    @Test
    void aCapitalisedLemmaCountsOnlyWithItsCapital() {
        NounLemmas lemmas = new NounLemmas(List.of("Kant", "booyong", "dik-dik"));
        assertThat(lemmas.isLemma("Kant said", 0, 4)).isTrue();
        assertThat(lemmas.isLemma("you kant", 4, 8)).isFalse();
        assertThat(lemmas.isLemma("Booyong timber", 0, 7)).isTrue();
        assertThat(lemmas.isLemma("a dik-dik here", 2, 5)).isTrue();
        assertThat(lemmas.isLemma("a dik here", 2, 5)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "New in: brood bitch whelping box, ready to ship",
        "Faggot stitch embroidery kit, 12 patterns",
        "Party pooper noise maker, pack of 6",
        "Golden shower tree seeds (Cassia fistula), 20 seeds",
        "Bastard toadflax seeds, native wildflower"})
    void namesOfThingsWithAnOffensiveWordAreAllowed(String text) {
        assertThat(POLICY.check(text).findings()).as(text).noneMatch(f -> f.category().equals("profanity"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Coal tit and blue tit feeder",
        "Great tit figurine for bird lovers",
        "The great tit (Parus major), hand-painted wooden bird",
        "Oak faggot bundle, firewood",
        "Brass cock and spigot set for water butts"})
    void theInnocentSenseShownByItsNeighboursIsAllowed(String text) {
        assertThat(POLICY.check(text).findings()).as(text).noneMatch(f -> f.category().equals("profanity"));
    }

    @Test
    void senseNeedsEvidenceInTheSameSentenceAndNoAddress() {
        WordSenses senses = new WordSenses(List.of("tit: bird feeder"), new ScientificNames(List.of("Parus")));
        assertThat(senses.innocent("coal tit feeder", 5, 8)).isTrue();
        assertThat(senses.innocent("tit (Parus major)", 0, 3)).isTrue();
        assertThat(senses.innocent("nice tit feeder", 5, 8)).isFalse();   // evaluates someone
        assertThat(senses.innocent("coal tit. The feeder", 5, 8)).isFalse(); // another sentence
        assertThat(senses.innocent("coal tiiit feeder", 5, 10)).isFalse(); // stretched
        assertThat(senses.innocent("coal tit on the shelf over the feeder", 5, 8)).isFalse(); // too far
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Great tit nest box",
        "great tit nest box",
        "Long-tailed tit figurine",
        "long tailed tit figurine",
        "Willow tit print",
        "willow-tit print",
        "Marsh tit mug, fine bone china"})
    void aModifierBeforeAKindOfAnimalNamesOneOfItsKinds(String text) {
        assertThat(POLICY.check(text).findings()).as(text).noneMatch(f -> f.category().equals("profanity"));
    }

    @Test
    void aKindNeedsAClassifyingModifierBeforeAndAHeadAfter() {
        NamedThings things = new NamedThings(List.of(), List.of("seller"), List.of("tit", "cock"),
                List.of("willow", "tail", "marsh"));
        Set<String> lexicon = Set.of("tit", "tits", "cock");
        assertThat(things.kindOfThing("great tit nest box", 6, 9, lexicon)).isTrue();
        assertThat(things.kindOfThing("Long-tailed tit figurine", 12, 15, lexicon)).isTrue();
        assertThat(things.kindOfThing("willow-tit print", 7, 10, lexicon)).isTrue();
        assertThat(things.kindOfThing("you tit box", 4, 7, lexicon)).isFalse();    // addresses someone
        assertThat(things.kindOfThing("nice tit box", 5, 8, lexicon)).isFalse();   // evaluates
        assertThat(things.kindOfThing("great tit", 6, 9, lexicon)).isFalse();      // no head noun after it
        assertThat(things.kindOfThing("great tit seller", 6, 9, lexicon)).isFalse(); // a person after it
        assertThat(things.kindOfThing("great tits box", 6, 10, lexicon)).isFalse(); // a kind is singular
        assertThat(things.kindOfThing("tit nest box", 0, 3, lexicon)).isFalse();   // no modifier
        assertThat(things.kindOfThing("Willow tit print", 7, 10, lexicon)).isTrue();  // a noun of nature
        assertThat(things.kindOfThing("long tailed tit figurine", 12, 15, lexicon)).isTrue(); // tail + -ed
        assertThat(things.kindOfThing("Long-tailed tits flock", 12, 16, lexicon)).isTrue(); // plural, hyphenated
        assertThat(things.kindOfThing("purple cock pics", 7, 11, lexicon)).isFalse(); // a colour describes
        assertThat(things.kindOfThing("send cock pics", 5, 9, lexicon)).isFalse();  // a verb is no classifier
        assertThat(things.kindOfThing("hard cock pics", 5, 9, lexicon)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Blue tits at the feeder this morning",
        "A pair of great tits nesting in the box",
        "Coal tits, blue tits and sparrows",
        "Long-tailed tits flock in winter",
        "Bird feeder for tits and finches",
        "Cock and hen ornaments, pair",
        "Rooster and cock figurines",
        "the cock crowed at dawn",
        "New in: bitch whelping box, ready to ship",
        "Ass and foal figurine set"})
    void birdsInThePluralOrAfterAnArticleAreShownByOtherBirdsAndBirdWords(String text) {
        assertThat(POLICY.check(text).findings()).as(text).noneMatch(f -> f.category().equals("profanity"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Show me your tits",
        "nice tits",
        "show us your tits at the bird feeder",
        "purple cock pics",
        "send cock pics",
        "great tits"})
    void bodyWordsWithoutABirdNearbyAreStillFound(String text) {
        assertThat(POLICY.check(text).verdict()).as(text).isNotEqualTo(Verdict.ALLOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Twatt, Orkney: postcard set",
        "Twatt (Shetland) tea towel"})
    void aWordBeforeAKnownPlaceIsAPlace(String text) {
        assertThat(POLICY.check(text).findings()).as(text).noneMatch(f -> f.category().equals("profanity"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Free delivery to Fucking and nearby towns",
        "Free delivery to Titty Hill and nearby towns",
        "Same-day courier in Dildo and surrounding areas",
        "Shipping from Cumming to all US regions"})
    void aTownNamedLikeALexiconWordIsAPlaceBeforeASettlementNoun(String text) {
        assertThat(POLICY.check(text).findings()).as(text).noneMatch(f -> f.category().equals("profanity"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Free delivery to fucking and nearby towns",
        "Free delivery to Fuuucking and nearby towns",
        "Fucking nearby towns never get deliveries",
        "Free delivery to Fucking Austria"})
    void aLexiconWordWithoutBothPlaceCuesIsStillFound(String text) {
        assertThat(POLICY.check(text).verdict()).as(text).isNotEqualTo(Verdict.ALLOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "New in: Dildo, Newfoundland souvenir mug",
        "Postcard from Cumming, Georgia",
        "Fucking, Austria road sign fridge magnet",
        "Greetings from Dildo (Newfoundland)",
        "Cumming, Georgia, USA: vintage map print",
        "Ever been to Dildo, Newfoundland?",
        "We ship to Cumming, Georgia and all of Forsyth County"})
    void aTownNamedLikeALexiconWordIsAPlaceBeforeItsRegion(String text) {
        assertThat(POLICY.check(text).findings()).as(text).noneMatch(f -> f.category().equals("profanity"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "fucking, Austria road sign",
        "Fuuucking, Austria road sign",
        "Dildo, newfoundland souvenir",
        "Fucking, London souvenir",
        "Fuck, America!",
        "Fuck, Texas, you are too hot",
        "Fucking, Austria, you are dull",
        "Fucking Austria road sign"})
    void aLexiconWordWithoutTheRegionOfAnAddressIsStillFound(String text) {
        assertThat(POLICY.check(text).findings()).as(text).anyMatch(f -> f.category().equals("profanity"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Azure tit print", "Yellow tit figurine, hand painted", "Azure tit engravings, set of 2"})
    void aColourBeforeABirdNamedByColoursIsAKindOnADepiction(String text) {
        assertThat(POLICY.check(text).findings()).as(text).noneMatch(f -> f.category().equals("profanity"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"purple cock pics", "Azure tit photo", "you azure tit print", "purple ass print",
        "azure tits print", "purple cock sucker"})
    void aColourBeforeAPhotographOrAnotherWordIsStillFound(String text) {
        assertThat(POLICY.check(text).findings()).as(text).anyMatch(f -> f.category().equals("profanity"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Philip K. Dick novels collection", "Stories by Philip K. Dick, boxed"})
    void aSurnameAfterAnInitialIsPartOfAName(String text) {
        assertThat(POLICY.check(text).findings()).as(text).noneMatch(f -> f.category().equals("profanity"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"what a dick. Dick move", "you are a k. dick", "Plan B. dick move"})
    void aLowerCaseOrSentenceEndingWordBeforeIsNoInitial(String text) {
        assertThat(POLICY.check(text).findings()).as(text).anyMatch(f -> f.category().equals("profanity"));
    }

    @Test
    void aPlaceFollowsAfterACommaOrABracket() {
        PlaceNames places = new PlaceNames(List.of("Orkney"));
        assertThat(places.placeFollows("Twatt, Orkney", 5)).isTrue();
        assertThat(places.placeFollows("Twatt (Orkney)", 5)).isTrue();
        assertThat(places.placeFollows("Twatt Orkney", 5)).isFalse();
        assertThat(places.placeFollows("Twatt, orkney", 5)).isFalse();
        assertThat(places.placeFollows("Twatt, London", 5)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Twatt, you are a twat",
        "Fuuuck, Orkney",
        "Bastard seller sent the wrong size",
        "nice tit, bird",
        "your faggot bundle of joy",
        "you tit, go and feed the birds",
        "Faggot store owner, ships late",
        "suck my cock, farm boy",
        "bastard courier never came",
        "Bitch seller, avoid",
        "the bitch never shipped it",
        "you kant be serious, fuk this",
        "Fuk you and your shop",
        "what a faggot",
        "nice dik",
        "golden shower pics",
        "party pooper, fuck off",
        "you tit",
        "what a tit",
        "you great tit, shut up"})
    void theSameWordsAsAbuseAreStillFound(String text) {
        assertThat(POLICY.check(text).verdict()).as(text).isNotEqualTo(Verdict.ALLOW);
    }
}
