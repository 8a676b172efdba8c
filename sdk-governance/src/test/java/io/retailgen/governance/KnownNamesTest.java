package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.core.intercept.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names that hold a lexicon word (WordNet's multi-word nouns) and place names that only look like one. */
class KnownNamesTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();

    @ParameterizedTest
    @ValueSource(strings = {
        "New in: spotted dick pudding, ready to ship",
        "Pussy willow branches, 60 cm bundle",
        "Blue tit nest box with camera",
        "Cock-a-leekie soup, 400 g tin",
        "Free delivery to Twatt and nearby towns",
        "Ships from Wetwang, East Yorkshire"})
    void namesAreAllowedAsAWhole(String text) {
        assertThat(POLICY.check(text).verdict()).as(text).isEqualTo(Verdict.ALLOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "What a dick move",
        "You are a Twatt",
        "Free delivery to Fuuuck",
        "Free delivery to fuck off land"})
    void theWordsOutsideANameAreStillFound(String text) {
        assertThat(POLICY.check(text).verdict()).as(text).isNotEqualTo(Verdict.ALLOW);
    }

    @Test
    void aMatchIsCoveredOnlyByAWholeName() {
        KnownNames names = new KnownNames(List.of("spotted dick", "cock-a-leekie"));
        String text = "spotted dick and cock-a-leekie";
        assertThat(names.covers(text, 8, 12)).isTrue();
        assertThat(names.covers(text, 17, 21)).isTrue();
        assertThat(names.covers("unspotted dick", 10, 14)).isFalse(); // not at a word start
        assertThat(names.covers("spotted dickens", 8, 12)).isFalse(); // not at a word end
        assertThat(names.covers("a dick", 2, 6)).isFalse();
    }

    /** Drawn from the shipped list: every name whose words include a lexicon term passes the default policy. */
    @Test
    void namesDrawnFromTheShippedListAreNotFlaggedAsProfanity() {
        List<String> all = PolicyConfig.resourceLines(KnownNames.RESOURCE);
        Set<String> lexicon = Set.of("dick", "cock", "tit", "pussy", "ass", "balls", "bitch", "knob", "screw");
        List<String> withWord = new ArrayList<>();
        for (String n : all) {
            for (String w : n.split("[ -]")) {
                if (lexicon.contains(w)) {
                    withWord.add(n);
                    break;
                }
            }
        }
        assertThat(withWord).hasSizeGreaterThan(40);
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            String name = withWord.get(random.nextInt(withWord.size()));
            String text = "New in: " + name + ", ready to ship";
            assertThat(POLICY.check(text).findings()).as(text)
                    .noneMatch(f -> f.category().equals("profanity"));
        }
    }
}
