package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Profanity written the ways filters are dodged: symbols, dropped vowels, look-alikes, sound-alikes, mild words. */
class ProfanityObfuscationTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();

    @ParameterizedTest
    @ValueSource(strings = {
        // vowels masked with any symbol, not only '*'
        "what the f#ck", "what the f@ck", "what the f*ck", "this is sh%t", "cr@p service",
        // vowels dropped
        "fk this", "fck this", "btch please",
        // punctuation inside one word, single letters joined
        "fu.ck off", "c.r.a.p", "b-i-t-c-h",
        // a leet symbol that stands for two letters (1 = i or l), symbols at the end of a word
        "total bu11$h1t", "kiss my a$$",
        // IPA transcription, mathematical alphanumerics, long s, small capitals
        "/fʌk/", "/ʃɪt/", "𝐟𝐮𝐜𝐤", "𝓼𝓱𝓲𝓽", "ſhit", "ꜱʜɪᴛ",
        // spelled as it sounds
        "phuck that", "fuk that", "kunt", "shyt",
        // mild words are still findings (the profile decides what they lead to)
        "damn it", "this is crap", "goddamn", "what a douchebag"})
    void disguisedAndMildProfanityIsFound(String text) {
        assertThat(POLICY.check(text).findings()).as(text).anyMatch(f -> f.category().equals("profanity"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "24 cnt pack of pods", "he's happy with it", "V-neck, crew-neck and T-shirt styles", "I love this body!",
        "Nicely priced; the prices and pricing are fair", "sticky toffee pudding", "spiked heels", "a sloppy fit",
        "Scunthorpe United scarf", "assess the fit", "a cockatoo print", "Spotted Dick and custard",
        "Great Tit bird feeder", "Moby Dick, hardback", "UK sizes", "well-hung curtains", "pr!ced to sell"})
    void ordinaryWordsAndNamesAreNotProfanity(String text) {
        assertThat(POLICY.check(text).findings()).as(text).noneMatch(f -> f.category().equals("profanity"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"f#ck", "bu11$h1t", "fu.ck"})
    void theFindingSpansTheDisguisedWord(String word) {
        String text = "so " + word + " indeed";
        Finding f = POLICY.check(text).findings().stream().filter(x -> x.category().equals("profanity"))
                .findFirst().orElseThrow();
        assertThat(text.substring(f.start(), f.end())).isEqualTo(word);
    }

    /** A vowel drawled into two syllables, as dialect spellings write it, for any short lexicon word. */
    @ParameterizedTest
    @ValueSource(strings = {"biotch", "biatch", "beyotch", "dayum", "shiat", "cuont", "twaat"})
    void drawledVowelsAreFound(String word) {
        String text = "This " + word + " deal ends tonight";
        assertThat(POLICY.check(text).verdict()).as(text).isNotEqualTo(Verdict.ALLOW);
    }

    @Test
    void drawlsAreMadeByRuleNotListed() {
        assertThat(PhoneticVariants.of("bitch", true, false)).contains("biotch", "biatch", "beyotch", "biyatch");
        assertThat(PhoneticVariants.of("damn", true, false)).contains("dayum", "daum");
        assertThat(PhoneticVariants.of("butter", true, false)).noneMatch(v -> v.startsWith("buo"));
    }
}
