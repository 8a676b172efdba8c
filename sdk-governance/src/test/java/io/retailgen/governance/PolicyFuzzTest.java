package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PolicyFuzzTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();

    private static void checkWellFormed(String text) {
        PolicyResult r = POLICY.check(text);
        assertThat(r.verdict()).isNotNull();
        for (Finding f : r.findings()) {
            assertThat(f.end()).isLessThanOrEqualTo(text.length());
        }
        if (r.findings().stream().noneMatch(f -> f.hasSpan())) {
            assertThat(r.redactedText()).isEqualTo(text);
        }
    }

    @Test
    void bigListOfNaughtyStringsNeverBreaksThePolicy() throws Exception {
        String dir = System.getProperty("retailgen.shared.data");
        Path blns = dir == null ? null : Path.of(dir, "text", "blns.json");
        Assumptions.assumeTrue(blns != null && Files.isReadable(blns),
                "skipped: blns.json not found; set -Dretailgen.shared.data=<path to shared/data> (was " + dir + ")");
        JsonNode list = new ObjectMapper().readTree(blns.toFile());
        int n = 0;
        for (JsonNode s : list) {
            checkWellFormed(s.asText());
            checkWellFormed(s.asText() + " " + s.asText());
            n++;
        }
        assertThat(n).isGreaterThan(400);
    }

    @Test
    void randomUnicodeNeverBreaksThePolicy() {
        qt().withExamples(2000).forAll(strings().allPossible().ofLengthBetween(0, 60))
                .checkAssert(PolicyFuzzTest::checkWellFormed);
        qt().withExamples(1000).forAll(strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(0, 80))
                .checkAssert(PolicyFuzzTest::checkWellFormed);
    }

    @Test
    void verdictIsStableUnderCaseAndZeroWidthNoise() {
        qt().withExamples(500).forAll(strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 30))
                .checkAssert(s -> {
                    Verdict plain = POLICY.check(s).verdict();
                    assertThat(POLICY.check(s.toUpperCase(java.util.Locale.ROOT)).verdict()).isEqualTo(plain);
                    StringBuilder noisy = new StringBuilder();
                    for (char c : s.toCharArray()) {
                        noisy.append(c).append('\u200B');
                    }
                    assertThat(POLICY.check(noisy.toString()).verdict()).isEqualTo(plain);
                });
    }

    @Test
    void aNounLemmaWithZeroWidthSpacesKeepsTheVerdictOfItsPlainSpelling() {
        // "dg" (decigram) is a WordNet lemma and no sound-alike of "dago"; invisible characters do not change that
        for (String s : new String[] {"dg", "dg ok"}) {
            String noisy = s.replace("g", "g\u200B").replace("d", "d\u200B");
            assertThat(POLICY.check(noisy).verdict()).as(noisy).isEqualTo(POLICY.check(s).verdict())
                    .isEqualTo(Verdict.ALLOW);
        }
    }

    @Test
    void normalizedSpansStayInsideTheOriginal() {
        qt().withExamples(1000).forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(s -> {
            TextView light = Normalizer.light(s);
            TextView strict = Normalizer.strict(light);
            TextView phrase = Normalizer.phrase(light);
            for (TextView v : new TextView[] {light, strict, phrase}) {
                for (int i = 0; i < v.length; i++) {
                    assertThat(v.startAt(i)).isBetween(0, s.length());
                    assertThat(v.endAt(i)).isBetween(v.startAt(i), s.length());
                    if (i > 0) {
                        assertThat(v.startAt(i)).isGreaterThanOrEqualTo(v.startAt(i - 1));
                    }
                }
            }
        });
    }
}
