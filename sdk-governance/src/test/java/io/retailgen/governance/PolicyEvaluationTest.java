package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.RetailGenException;
import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Severity;
import io.retailgen.core.intercept.Verdict;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyEvaluationTest {

    static Path shippedCases() throws URISyntaxException {
        return Path.of(PolicyEvaluationTest.class.getResource("/policy-cases/cases.jsonl").toURI());
    }

    @Test
    void theDevelopmentSetIsLargeCoversEveryCategoryAndNamesItsSources() throws Exception {
        List<PolicyEvaluation.Case> cases = PolicyEvaluation.readCases(shippedCases());
        assertThat(cases).hasSizeGreaterThanOrEqualTo(1000);
        Map<String, Long> byCategory = cases.stream()
                .collect(Collectors.groupingBy(PolicyEvaluation.Case::category, Collectors.counting()));
        assertThat(byCategory.keySet()).containsExactlyInAnyOrder("claims", "counterfeit", "profanity", "pii", "trap",
                "clean");
        byCategory.forEach((c, n) -> assertThat(n).as(c).isGreaterThanOrEqualTo(100));
        Set<String> styles = cases.stream().map(PolicyEvaluation.Case::style).collect(Collectors.toSet());
        assertThat(styles).contains("plain", "leet", "masked", "spaced", "homoglyph", "spelled-out", "phonetic",
                "digits-as-words");
        for (PolicyEvaluation.Case c : cases) {
            assertThat(c.mustAllow()).as(c.id()).isEqualTo(c.expect() == Verdict.ALLOW);
        }
        long cited = cases.stream().filter(c -> c.source().contains("http") || !c.source().startsWith("written"))
                .count();
        assertThat(cited).as("cases citing a real source").isGreaterThanOrEqualTo(150);
    }

    @Test
    void theSplitIsAFixedHashOfTheIdWithAboutThirtyPercentHeldOut() throws Exception {
        assertThat(PolicyEvaluation.split("claim-204844ec")).isEqualTo(PolicyEvaluation.split("claim-204844ec"));
        List<PolicyEvaluation.Case> cases = PolicyEvaluation.readCases(shippedCases());
        List<PolicyEvaluation.Case> holdout = PolicyEvaluation.inSplit(cases, "holdout");
        List<PolicyEvaluation.Case> dev = PolicyEvaluation.inSplit(cases, "dev");
        assertThat(holdout.size() + dev.size()).isEqualTo(cases.size());
        assertThat((double) holdout.size() / cases.size()).isBetween(0.25, 0.35);
        assertThat(holdout).noneMatch(dev::contains);
        assertThat(PolicyEvaluation.inSplit(cases, "all")).hasSameSizeAs(cases);
        assertThatThrownBy(() -> PolicyEvaluation.inSplit(cases, "test")).hasMessageContaining("'test'");
    }

    @Test
    void scoresRecallForHarmfulCasesAndAllowanceForTrapsAndClean(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.jsonl");
        Files.writeString(f, String.join("\n",
                "{\"id\":\"a\",\"text\":\"zonk here\",\"expect\":\"block\",\"category\":\"profanity\",\"style\":\"plain\","
                        + "\"source\":\"written\"}",
                "{\"id\":\"b\",\"text\":\"z0nk here\",\"expect\":\"block\",\"category\":\"profanity\",\"style\":\"leet\","
                        + "\"source\":\"written\"}",
                "",
                "{\"id\":\"c\",\"text\":\"zonkers\",\"expect\":\"allow\",\"category\":\"trap\",\"style\":\"plain\","
                        + "\"source\":\"written\"}",
                "{\"id\":\"d\",\"text\":\"a nice hat\",\"expect\":\"allow\",\"category\":\"clean\",\"style\":\"plain\","
                        + "\"source\":\"written\"}"));
        ContentPolicy p = ContentPolicy.builder().check(t -> t.contains("zonk")
                ? List.of(new Finding(0, 4, "x", "profanity", Severity.MEDIUM, "m")) : List.of()).build();
        PolicyEvaluation.Report r = PolicyEvaluation.evaluate(p, PolicyEvaluation.readCases(f));
        assertThat(r.total()).isEqualTo(4);
        assertThat(r.categories().get("profanity")).isEqualTo(new PolicyEvaluation.Tally(2, 1, 0));
        assertThat(r.categories().get("trap")).isEqualTo(new PolicyEvaluation.Tally(1, 0, 0));
        assertThat(r.categories().get("clean").rate()).isEqualTo(1.0);
        assertThat(r.styles()).containsOnlyKeys("plain", "leet");
        assertThat(r.styles().get("leet").rate()).isZero();
        assertThat(r.allowedStyles()).containsOnlyKeys("plain");
        assertThat(r.allowedStyles().get("plain")).as("the trap was flagged, the clean copy allowed")
                .isEqualTo(new PolicyEvaluation.Tally(2, 1, 1));
        assertThat(r.failing()).containsExactly("b", "c");
        assertThat(r.verdicts()).containsEntry(Verdict.REDACT, 2).containsEntry(Verdict.ALLOW, 2)
                .containsEntry(Verdict.REVIEW, 0);

        PolicyEvaluation.TextSetReport s = PolicyEvaluation.scan(p, List.of("zonk", "hat", "hat", "hat"));
        assertThat(s.share(Verdict.REDACT)).isEqualTo(0.25);
        assertThat(s.share(Verdict.BLOCK)).isZero();
    }

    @Test
    void badLinesAreNamedByFileLineAndField(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"id\":\"a\",\"text\":\"t\",\"expect\":\"allow\",\"category\":\"clean\",\"style\":\"p\","
                + "\"source\":\"written\"}\n{\"id\":\"b\",\"text\":\"t\",\"expect\":\"maybe\",\"category\":\"clean\","
                + "\"style\":\"p\",\"source\":\"written\"}\n");
        assertThatThrownBy(() -> PolicyEvaluation.readCases(f)).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("bad.jsonl:2").hasMessageContaining("'expect'").hasMessageContaining("maybe");
        Files.writeString(f, "{\"id\":\"a\",\"text\":\"t\",\"expect\":\"allow\",\"category\":\"clean\",\"style\":\"p\"}");
        assertThatThrownBy(() -> PolicyEvaluation.readCases(f)).hasMessageContaining("bad.jsonl:1")
                .hasMessageContaining("'source'");
        Files.writeString(f, "{\"id\":\"a\",");
        assertThatThrownBy(() -> PolicyEvaluation.readCases(f)).hasMessageContaining("bad.jsonl:1")
                .hasMessageContaining("not valid JSON");
        String line = "{\"id\":\"a\",\"text\":\"t\",\"expect\":\"allow\",\"category\":\"clean\",\"style\":\"p\","
                + "\"source\":\"written\"}\n";
        Files.writeString(f, line + line);
        assertThatThrownBy(() -> PolicyEvaluation.readCases(f)).hasMessageContaining("bad.jsonl:2")
                .hasMessageContaining("'a' appears twice");
    }
}
