package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The project-written probe files of retail numbers, legitimate uses of the replica trade's words, product names
 * with lexicon words (kinds of birds, people's names, fittings, bands and books in names-in-products.jsonl; brands,
 * companies and shops in brand-names.jsonl), titles of books, films, records and games named as listings name them
 * (titles-of-works.jsonl) and compliant health and biocide claims ({@code policy-probes/*.jsonl}, scored by
 * {@code retailgen governance evaluate --cases FILE}):
 * how many of their traps are allowed and how many of their abusive lines are caught may not fall below what the
 * default policy reached when they were written (docs/BENCHMARKS.md).
 */
class ProbeFilesTest {

    @ParameterizedTest
    @CsvSource({"numbers.jsonl, trap, 110, 110", "numbers.jsonl, pii, 66, 66",
        "legitimate-use.jsonl, trap, 94, 91", "legitimate-use.jsonl, counterfeit, 49, 48",
        "product-names.jsonl, trap, 95, 91", "product-names.jsonl, profanity, 10, 7",
        "compliant-claims.jsonl, trap, 40, 38", "compliant-claims.jsonl, claims, 8, 8",
        "names-in-products.jsonl, trap, 140, 126", "names-in-products.jsonl, profanity, 61, 54",
        "brand-names.jsonl, trap, 68, 52", "brand-names.jsonl, profanity, 80, 78",
        "titles-of-works.jsonl, trap, 90, 81", "titles-of-works.jsonl, profanity, 87, 81"})
    void probeFilesKeepTheirScores(String file, String category, int cases, int passed) throws Exception {
        Path path = Path.of(ProbeFilesTest.class.getResource("/policy-probes/" + file).toURI());
        List<PolicyEvaluation.Case> all = PolicyEvaluation.readCases(path);
        assertThat(all).allMatch(c -> c.source().equals("written") && c.id().startsWith("probe-"));
        PolicyEvaluation.Tally t = PolicyEvaluation.evaluate(ContentPolicy.defaults(), all).categories()
                .get(category);
        assertThat(t.cases()).as(file + " " + category).isEqualTo(cases);
        assertThat(t.passed()).as(file + " " + category).isGreaterThanOrEqualTo(passed);
    }
}
