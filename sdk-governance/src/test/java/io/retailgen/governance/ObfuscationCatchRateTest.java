package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Verdict;
import io.retailgen.testing.Obfuscation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A deterministic sample of the shipped lexicons, chosen from the lexicon files and the policy's configuration alone
 * (every 5th single-word LDNOOBW term and every 20th single-word cuss sureness-2 term that {@code
 * default-policy.json} neither excludes nor allows), must be caught in plain form, and, disguised in each obfuscation
 * style, caught (a profanity finding or a verdict other than ALLOW) at least 90% of the time; and innocent words with
 * profane substrings must give no profanity finding. The full measurement is
 * {@code io.retailgen.benchmarks.governance.PolicyAccuracy}; its figures are in {@code docs/BENCHMARKS.md}.
 */
class ObfuscationCatchRateTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();
    private static final String SENTENCE = "This jacket is %s comfortable.";
    private static final double MIN_RATE = 0.90;
    private static List<String> sample;

    @BeforeAll
    static void sampleLexicons() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> ldnoobw = new ArrayList<>();
        for (JsonNode n : read(json, "ldnoobw-en.json")) {
            ldnoobw.add(n.asText());
        }
        List<String> cuss2 = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : read(json, "cuss-en.json").properties()) {
            if (e.getValue().asInt() == 2) {
                cuss2.add(e.getKey());
            }
        }
        Set<String> out = new LinkedHashSet<>();
        out.addAll(everyNth(flaggedSingleWords(ldnoobw), 5));
        out.addAll(everyNth(flaggedSingleWords(cuss2), 20));
        sample = new ArrayList<>(out);
        assertThat(sample).hasSizeGreaterThan(80);
    }

    private static JsonNode read(ObjectMapper json, String resource) throws IOException {
        try (InputStream in = ContentPolicy.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return json.readTree(in);
        }
    }

    /** The single words of {@code terms} that the configuration keeps: not shorter than minLength, not excluded. */
    private static List<String> flaggedSingleWords(List<String> terms) throws IOException {
        JsonNode profanity = read(new ObjectMapper(), "default-policy.json").path("profanity");
        Set<String> dropped = new LinkedHashSet<>();
        for (String key : List.of("exclude", "allow")) {
            for (JsonNode n : profanity.path(key)) {
                dropped.add(n.asText().toLowerCase(Locale.ROOT));
            }
        }
        int minLength = profanity.path("minLength").asInt(1);
        Set<String> out = new LinkedHashSet<>();
        for (String t : terms) {
            String w = t.trim().toLowerCase(Locale.ROOT);
            if (w.matches("[a-z]+") && w.length() >= minLength && !dropped.contains(w)) {
                out.add(w);
            }
        }
        return new ArrayList<>(out);
    }

    @Test
    void theSampleIsCaughtInPlainForm() {
        List<String> missed = new ArrayList<>();
        for (String w : sample) {
            if (!profanity(POLICY.check(String.format(Locale.ROOT, SENTENCE, w)))) {
                missed.add(w);
            }
        }
        assertThat(missed).as("sampled lexicon terms the default policy misses in plain form").isEmpty();
    }

    private static List<String> everyNth(List<String> list, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += n) {
            out.add(list.get(i));
        }
        return out;
    }

    private static boolean profanity(PolicyResult r) {
        for (Finding f : r.findings()) {
            if (f.category().equals("profanity")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every single style of {@link Obfuscation}, and seven of its {@link Obfuscation#PAIRS}. Left out because they are
     * weak on the current code (docs/BENCHMARKS.md, Governance, "obfuscated profanity" rows, per pair): leet + spaced
     * letters ("s h 1 t": a digit breaks the run of single letters) and one masked letter + a repeated letter
     * ("b*aaastard").
     */
    static Stream<Arguments> styles() {
        Stream<Arguments> single = Stream.of(Obfuscation.values()).filter(o -> o != Obfuscation.MIXED_TWO)
                .map(o -> Arguments.of(o.label(), (BiFunction<String, SplittableRandom, String>) o::apply));
        Obfuscation[][] pairs = {
            {Obfuscation.LEET_ONE, Obfuscation.REPEATED},
            {Obfuscation.LEET_ONE, Obfuscation.MIXED_CASE},
            {Obfuscation.CYRILLIC, Obfuscation.ZERO_WIDTH},
            {Obfuscation.DIACRITICS_PRECOMPOSED, Obfuscation.DOTTED},
            {Obfuscation.MIXED_CASE, Obfuscation.SPACED},
            {Obfuscation.FULLWIDTH, Obfuscation.SPACED},
            {Obfuscation.MASK_ONE, Obfuscation.MIXED_CASE}};
        Stream<Arguments> two = Stream.of(pairs).map(p -> Arguments.of(p[0].label() + " then " + p[1].label(),
                (BiFunction<String, SplittableRandom, String>) (w, r) -> p[1].apply(p[0].apply(w, r), r)));
        return Stream.concat(single, two);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("styles")
    void eachObfuscationStyleIsCaughtForAtLeast90PercentOfTheSample(String style,
            BiFunction<String, SplittableRandom, String> obfuscate) {
        SplittableRandom r = new SplittableRandom(20261125L + style.hashCode());
        int n = 0;
        int caught = 0;
        List<String> missed = new ArrayList<>();
        for (String w : sample) {
            String o = obfuscate.apply(w, r);
            if (o.equals(w)) {
                continue;
            }
            n++;
            PolicyResult res = POLICY.check(String.format(Locale.ROOT, SENTENCE, o));
            if (profanity(res) || res.verdict() != Verdict.ALLOW) {
                caught++;
            } else {
                missed.add(o);
            }
        }
        assertThat(n).as(style + ": terms the style changes").isGreaterThan(50);
        assertThat((double) caught / n).as(style + ": caught " + caught + " of " + n + ", missed " + missed)
                .isGreaterThanOrEqualTo(MIN_RATE);
    }

    /** Innocent words and place names that contain profane substrings, including inflected forms ("spicy"). */
    @Test
    void innocentWordsWithProfaneSubstringsGiveNoProfanityFinding() {
        List<String> traps = List.of("Scunthorpe", "Essex", "Sussex", "Middlesex", "Wessex", "Penistone", "Cockburn",
                "Cockermouth", "Clitheroe", "Cumbria", "Matsushita", "Shitamachi", "Yamashita", "Dickens",
                "Hancock", "Hitchcock", "Arsenal", "Assam", "Uranus", "Pakistan", "Japan", "Sexton", "Picasso",
                "Titian", "assassin", "classic", "bass", "passion", "compass", "assortment", "ambassador", "cassette",
                "massage", "hassle", "cocktail", "peacock", "cockatoo", "cockpit", "shuttlecock", "shiitake",
                "therapist", "analysis", "canal", "grape", "grapefruit", "drape", "scrape", "rapeseed", "titmouse",
                "titanium", "constitution", "petite", "buttress", "button", "butterfly", "rebuttal", "document",
                "skills", "country", "snigger", "arsenic", "cumbersome", "cucumber", "cumulus", "circumference",
                "sextant", "crappie", "knobby", "Wankel", "hello", "seashell", "glasses", "mishmash", "spicy",
                "spices", "looser", "assesses", "assessment", "pricked", "pricking");
        assertThat(traps).hasSizeGreaterThanOrEqualTo(60);
        List<String> flagged = new ArrayList<>();
        for (String w : traps) {
            for (String template : List.of("The %s design sits on the front of this tote bag.",
                    "Our customers in %s love this linen shirt.")) {
                String text = String.format(Locale.ROOT, template, w);
                PolicyResult r = POLICY.check(text);
                if (profanity(r)) {
                    flagged.add(text + " " + r.findings());
                }
            }
        }
        assertThat(flagged).isEmpty();
    }

    @Test
    void theSlurBehindSpicyIsStillCaughtOnItsOwn() {
        assertThat(profanity(POLICY.check("Shoppers called him a spic at the counter."))).isTrue();
        assertThat(profanity(POLICY.check("A spicy ginger scent for a looser, relaxed fit."))).isFalse();
    }
}
