package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.core.intercept.Verdict;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lexicon words that also name a thing (a bird, a fish, a tool, a currency) inside product names. */
class NamedThingsTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();

    @ParameterizedTest
    @ValueSource(strings = {
        "New in: bastard file, ready to ship",
        "Bastard mill file, 10 inch, with handle",
        "New in: blue-footed booby plush, ready to ship",
        "Red-footed booby print on recycled paper",
        "Alaska pollock fillets, 400 g frozen",
        "New in: pollock fillets, ready to ship",
        "Pollock drip painting print, A3",
        "New in: Dong Quai root capsules, ready to ship",
        "dong quai tea, 20 bags",
        "New in: muff warmer, ready to ship",
        "Dipstick tube for lawn mowers",
        "Blue-Footed Booby",
        "Magna cum laude diploma frame, oak",
        "Kara Kum desert wall map",
        "Substantia nigra anatomy poster",
        "New in: coq au vin ready meal, ready to ship"})
    void thingsInsideProductNamesAreAllowed(String text) {
        assertThat(POLICY.check(text).findings()).as(text).noneMatch(f -> f.category().equals("profanity"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Stop the bastard and buy it",
        "This bastard jacket is a steal",
        "Best bastard blender we ever sold",
        "Holy bastard, look at that price",
        "You lazy bastard",
        "The seller is a bastard",
        "What a dipstick",
        "Nice boobies",
        "BASTARD file",
        "baaastard file",
        "b@stard file",
        "cum shot",
        "She said cum on my face",
        "kum here",
        "fuk ur mom",
        "This phuk deal ends tonight"})
    void theSameWordsAsAbuseAreStillFound(String text) {
        assertThat(POLICY.check(text).verdict()).as(text).isNotEqualTo(Verdict.ALLOW);
    }

    @Test
    void wordsWhoseFirstSenseIsABodyPartAreNoThings() {
        List<String> shipped = PolicyConfig.resourceLines(NamedThings.RESOURCE);
        assertThat(shipped).contains("booby", "pollock", "dong", "bastard", "dipstick")
                .doesNotContain("tit", "cock", "ass", "pussy", "shit");
    }

    @Test
    void aThingNeedsANameAroundIt() {
        NamedThings things = new NamedThings(List.of("booby"));
        Set<String> lexicon = Set.of("booby");
        assertThat(things.inName("booby plush", 0, 5, lexicon)).isTrue();
        assertThat(things.inName("boobies plush", 0, 7, lexicon)).isTrue();
        assertThat(things.inName("the booby plush", 4, 9, lexicon)).isFalse();
        assertThat(things.inName("booby and more", 0, 5, lexicon)).isFalse();
        assertThat(things.inName("booby", 0, 5, lexicon)).isFalse();
        assertThat(things.inName("blue-footed booby", 12, 17, lexicon)).isTrue();
        assertThat(things.inName("a big booby", 6, 11, lexicon)).isFalse();
    }
}
