package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names of products that hold a lexicon word as the name of a kind of bird, a person or a fitting, found flagged by
 * the names probe file ({@code policy-probes/names-in-products.jsonl}); and, as the guard, the same words as abuse.
 */
class NamesInProductsTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();

    private static boolean profane(String text) {
        return POLICY.check(text).findings().stream().anyMatch(f -> f.category().equals("profanity"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Marsh tit and willow tit identification chart",
        "Great tit or blue tit nest box",
        "Penduline tit poster, A3",
        "New in: Penduline tit poster, ready to ship",
        "Andean cock-of-the-rock poster",
        "Alpine tit print"})
    void kindsOfBirdsInProductNamesAreAllowed(String text) {
        assertThat(profane(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Beautifull tit pics",          // a misspelt English word is no species epithet
        "Gorgeos tit pics",
        "Beautyful tit pics",
        "You tit and you cock",         // no modifier that classifies
        "Big cock and big tit videos",
        "Sucking cock and licking tit videos",
        "Fuckinn tit poster"})          // holds a lexicon term
    void theSameWordsAsAbuseStayFlagged(String text) {
        assertThat(profane(text)).as(text).isTrue();
    }

    @Test
    void coordinatedKindsShareTheHeadAfterTheSecond() {
        NamedThings things = new NamedThings(List.of(), List.of("seller"), List.of("tit", "cock"),
                List.of("willow", "marsh"));
        Set<String> lexicon = Set.of("tit", "tits", "cock");
        assertThat(things.kindOfThing("marsh tit and willow tit chart", 6, 9, lexicon)).isTrue();
        assertThat(things.kindOfThing("marsh tit or willow tit chart", 6, 9, lexicon)).isTrue();
        assertThat(things.kindOfThing("marsh tit and willow tit", 6, 9, lexicon)).isFalse(); // no head at all
        assertThat(things.kindOfThing("marsh tit and willow cock chart", 6, 9, lexicon)).isFalse(); // another word
        assertThat(things.kindOfThing("marsh tit and you tit chart", 6, 9, lexicon)).isFalse(); // second addresses
        assertThat(things.kindOfThing("marsh tit but willow tit chart", 6, 9, lexicon)).isFalse(); // no and / or
    }

    @Test
    void aSpeciesEpithetIsALongWordOfNoEnglish() {
        NamedThings things = new NamedThings(List.of(), List.of("seller"), List.of("tit"), List.of());
        Set<String> lexicon = Set.of("tit", "tits", "fuck");
        assertThat(things.kindOfThing("Penduline tit poster", 10, 13, lexicon)).isTrue();
        assertThat(things.kindOfThing("Pendul tit poster", 7, 10, lexicon)).isTrue();   // six letters
        assertThat(things.kindOfThing("Pendu tit poster", 6, 9, lexicon)).isFalse();    // five: too short
        assertThat(things.kindOfThing("Sombre tit poster", 7, 10, lexicon)).isFalse();  // an English word
        assertThat(things.kindOfThing("Beautifull tit poster", 11, 14, lexicon)).isFalse(); // one letter too many
        assertThat(things.kindOfThing("Fuckerine tit poster", 10, 13, lexicon)).isFalse(); // holds a term
        assertThat(things.kindOfThing("Penduline tits poster", 10, 14, lexicon)).isFalse(); // a kind is singular
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Dick Smith electronics catalogue, 1985",
        "New in: Dick Smith electronics catalogue, ready to ship",
        "Dick King-Smith box set, The Sheep-Pig and more",
        "Dick Baker vintage radio"})
    void aGivenNameBeforeASurnameThatIsAlsoAnEnglishWordIsAName(String text) {
        assertThat(profane(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Dick Smith is a dick",          // the second, lower case, is no name
        "Dick Move",                      // an English word that is no surname
        "Dick Head",
        "Suck my Dick Smith",             // addressed
        "Big Dick King",                  // evaluated
        "You Dick Baker"})
    void aTermBeforeACommonWordOrAfterAnAddressStaysFlagged(String text) {
        assertThat(profane(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Kuntz family recipe book",
        "New in: Kuntz family recipe book, ready to ship",
        "Dr. Kuntz, dentist",
        "Mr Kuntz",
        "Kuntz & Sons hardware"})
    void aWordOfNoEnglishWrittenAsAFamilyNameIsOne(String text) {
        assertThat(profane(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Kuntz for sale",                 // no title before, no family after
        "you kuntz family",               // not written as a name
        "KUNTZ FAMILY",
        "Kunt family",                    // the lexicon word itself
        "Fuckz family",                   // the term and an inflection: no surname's shape
        "Mr Fuckz"})
    void aTermWithAnInflectionOrOutsideAFamilyShapeStaysFlagged(String text) {
        assertThat(profane(text)).as(text).isTrue();
    }

    @Test
    void thePartsOnlyABirdHasShowItsSense() {
        WordSenses senses = WordSenses.wordNet();
        assertThat(senses.innocent("Cock hackle capes for dry flies", 0, 4)).isTrue();
        assertThat(senses.innocent("Cock feathers for fly tying", 0, 4)).isTrue();
        assertThat(senses.innocent("Tit plumage study, watercolour", 0, 3)).isTrue();
        // words that also name a human body part or an artifact are no evidence (rump, haunch, chest, halter)
        assertThat(senses.innocent("Cock and rump pics", 0, 4)).isFalse();
        assertThat(senses.innocent("Tits in a halter top", 0, 4)).isFalse();
        assertThat(senses.innocent("Tits on her chest", 0, 4)).isFalse();
        // addressed: the sense of abuse whatever the evidence
        assertThat(senses.innocent("your cock feathers", 5, 9)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Ass milk soap",
        "Ass milk soap bar, lavender",
        "Ass's milk face cream",
        "Bitch and litter vaccination record book"})
    void wordsDefinedByMammalsShowAMammalsSense(String text) {
        assertThat(profane(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Kiss my ass, milk drinker",      // addressed
        "Your ass is pure blubber",
        "Bitch, get the milk",            // a form of address set off by a comma
        "get the milk, bitch",
        "Bitch, get the puppy"})
    void aMammalsWordAddressedOrSetOffAsAVocativeStaysFlagged(String text) {
        assertThat(profane(text)).as(text).isTrue();
    }

    @Test
    void aVocativeIsSetOffByACommaAtAnEndOfItsSentence() {
        assertThat(WordSenses.vocative("Bitch, get the milk", 0, 5)).isTrue();
        assertThat(WordSenses.vocative("Get the milk, bitch", 14, 19)).isTrue();
        assertThat(WordSenses.vocative("Get the milk, bitch.", 14, 19)).isTrue();
        assertThat(WordSenses.vocative("Fine. Bitch, go", 6, 11)).isTrue();
        assertThat(WordSenses.vocative("Bitch and litter", 0, 5)).isFalse();
        assertThat(WordSenses.vocative("Coal tits, blue tits and sparrows", 5, 9)).isFalse(); // not first
        assertThat(WordSenses.vocative("Sparrows, tits and finches", 10, 14)).isFalse();      // not last
    }
}
