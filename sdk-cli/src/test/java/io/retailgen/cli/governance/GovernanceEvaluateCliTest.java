package io.retailgen.cli.governance;

import static io.retailgen.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retailgen.cli.CliRun;
import io.retailgen.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovernanceEvaluateCliTest {

    private static final String CASES = String.join("\n",
            "{\"id\":\"p1\",\"text\":\"this is sh1t\",\"expect\":\"block\",\"category\":\"profanity\",\"style\":\"leet\","
                    + "\"source\":\"written\"}",
            "{\"id\":\"p2\",\"text\":\"what a damn deal\",\"expect\":\"redact\",\"category\":\"profanity\","
                    + "\"style\":\"plain\",\"source\":\"written\"}",
            "{\"id\":\"m1\",\"text\":\"Call us on 020 7946 0958\",\"expect\":\"redact\",\"category\":\"pii\","
                    + "\"style\":\"phone-uk\",\"source\":\"Ofcom drama numbers\"}",
            "{\"id\":\"t1\",\"text\":\"Free delivery to Scunthorpe\",\"expect\":\"allow\",\"category\":\"trap\","
                    + "\"style\":\"place-name\",\"source\":\"written\"}",
            "{\"id\":\"c1\",\"text\":\"Soft merino crew-neck sweater\",\"expect\":\"allow\",\"category\":\"clean\","
                    + "\"style\":\"plain\",\"source\":\"written\"}",
            "{\"id\":\"x1\",\"text\":\"Lot 2023-11-0457, best before 12/03/2026\",\"expect\":\"allow\","
                    + "\"category\":\"trap\",\"style\":\"numbers\",\"source\":\"written\"}",
            "");

    @Test
    void evaluatePrintsRecallPerCategoryAndStyleAndFalsePositiveRates(@TempDir Path dir) throws Exception {
        Path cases = dir.resolve("cases.jsonl");
        Files.writeString(cases, CASES);
        Path reviews = dir.resolve("reviews.csv");
        Files.writeString(reviews, "sku,rating,title,review\nA,5,Great,\"Warm, and the zipper is \"\"solid\"\"\"\n"
                + "B,1,Meh,\"Fell apart,\nwhat a damn shame\"\n");
        Path copy = dir.resolve("products.csv");
        Files.writeString(copy, "style,name,description\nA,Joust Duffle,\"Big enough for a ball.\n\nDual handles.\"\n");
        CliRun r = run("governance", "evaluate", "--cases", cases.toString(), "--json", "--verbose",
                "--reviews", reviews.toString(), "--copy", copy.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("split").asText()).isEqualTo("all");
        assertThat(j.get("profile").asText()).isEqualTo("generated-copy");
        assertThat(j.get("cases").asInt()).isEqualTo(6);
        JsonNode prof = j.get("categories").get("profanity");
        assertThat(prof.get("cases").asInt()).isEqualTo(2);
        assertThat(prof.get("caught").asInt()).isEqualTo(2);
        assertThat(prof.get("recall").asDouble()).isEqualTo(1.0);
        assertThat(j.get("categories").get("pii").get("recall").asDouble()).isEqualTo(1.0);
        JsonNode trap = j.get("categories").get("trap");
        assertThat(trap.get("allowed").asInt()).isEqualTo(2);
        assertThat(trap.get("allowed_rate").asDouble()).isEqualTo(1.0);
        assertThat(trap.get("false_positive_rate").asDouble()).isZero();
        assertThat(j.get("styles").get("leet").get("recall").asDouble()).isEqualTo(1.0);
        assertThat(j.get("styles").has("place-name")).as("styles count cases that must be caught").isFalse();
        assertThat(j.get("allowed_styles").get("place-name").get("allowed_rate").asDouble()).isEqualTo(1.0);
        assertThat(j.get("verdicts").get("REVIEW").asInt()).isZero();
        assertThat(j.get("failing_count").asInt()).isZero();
        assertThat(j.get("failing")).isEmpty();
        JsonNode rev = j.get("reviews");
        assertThat(rev.get("texts").asInt()).isEqualTo(2);
        assertThat(rev.get("profile").asText()).isEqualTo("user-content");
        assertThat(rev.get("redact").asInt()).isEqualTo(1);
        assertThat(rev.get("block_rate").asDouble()).isZero();
        assertThat(j.get("copy").get("texts").asInt()).isEqualTo(1);
        assertThat(j.get("copy").get("allow").asInt()).isEqualTo(1);

        CliRun holdout = run("governance", "evaluate", "--cases", cases.toString(), "--json", "--split", "holdout",
                "--reviews", reviews.toString(), "--copy", copy.toString());
        CliRun dev = run("governance", "evaluate", "--cases", cases.toString(), "--json", "--split", "dev",
                "--reviews", reviews.toString(), "--copy", copy.toString());
        assertThat(holdout.json().get("cases").asInt() + dev.json().get("cases").asInt()).isEqualTo(6);
        assertThat(holdout.json().has("failing")).isFalse();
    }

    @Test
    void failingCasesAreListedWithVerbose(@TempDir Path dir) throws Exception {
        Path cases = dir.resolve("cases.jsonl");
        Files.writeString(cases, "{\"id\":\"miss\",\"text\":\"a lovely hat\",\"expect\":\"block\","
                + "\"category\":\"claims\",\"style\":\"plain\",\"source\":\"written\"}\n");
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "review\n");
        CliRun r = run("governance", "evaluate", "--cases", cases.toString(), "--verbose", "--reviews",
                empty.toString(), "--copy", dir.resolve("none.csv").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("none.csv");
        Files.writeString(dir.resolve("none.csv"), "description\n");
        CliRun human = run("governance", "evaluate", "--cases", cases.toString(), "--verbose", "--reviews",
                empty.toString(), "--copy", dir.resolve("none.csv").toString());
        assertThat(human.code()).as(human.err()).isZero();
        assertThat(human.out()).contains("claims").contains("recall  0.0%").contains("failing: miss");
    }

    @Test
    void badInputIsNamedWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Path cases = dir.resolve("cases.jsonl");
        Files.writeString(cases, "{\"id\":\"a\",\"text\":\"t\",\"expect\":\"maybe\",\"category\":\"clean\","
                + "\"style\":\"p\",\"source\":\"written\"}\n");
        CliRun r = run("governance", "evaluate", "--cases", cases.toString(), "--json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("cases.jsonl:1").contains("'expect'").doesNotContain("\tat ");
        CliRun split = run("governance", "evaluate", "--cases", cases.toString(), "--split", "test");
        assertThat(split.code()).isEqualTo(2);
        assertThat(split.err()).contains("'test'");
        Path csv = dir.resolve("r.csv");
        Files.writeString(csv, "title,body\nx,y\n");
        Files.writeString(cases, "");
        CliRun col = run("governance", "evaluate", "--cases", cases.toString(), "--reviews", csv.toString());
        assertThat(col.code()).isEqualTo(1);
        assertThat(col.err()).contains("r.csv:1").contains("'review'");
        Files.writeString(csv, "review\n\"never closed\n");
        CliRun quote = run("governance", "evaluate", "--cases", cases.toString(), "--reviews", csv.toString());
        assertThat(quote.err()).contains("r.csv:2").contains("never closed");
    }

    @Test
    void scanTakesAProfile() throws Exception {
        CliRun copy = run("governance", "scan", "--text", "Honestly this shit fell apart", "--json");
        assertThat(copy.json().get("verdict").asText()).isEqualTo("BLOCK");
        CliRun review = run("governance", "scan", "--text", "Honestly this shit fell apart", "--json", "--profile",
                "user-content");
        assertThat(review.code()).as(review.err()).isZero();
        assertThat(review.json().get("verdict").asText()).isEqualTo("REDACT");
        assertThat(review.json().get("findings").get(0).get("confidence").asDouble()).isBetween(0.0, 1.0);
        CliRun mild = run("governance", "scan", "--text", "This damn jacket is warm", "--json");
        assertThat(mild.json().get("verdict").asText()).isEqualTo("REDACT");
        CliRun green = run("governance", "scan", "--text", "Shorts in a fabric infused with all-natural fibres",
                "--json");
        assertThat(green.json().get("verdict").asText()).isEqualTo("REVIEW");
        Path lines = Files.createTempFile("scan", ".txt");
        Files.writeString(lines, "Soft cotton tee\nShorts in a fabric infused with all-natural fibres\nwhat the shit\n");
        CliRun in = run("governance", "scan", "--in", lines.toString(), "--json", "--profile", "user-content");
        JsonNode summary = in.jsonLines().get(3);
        assertThat(summary.get("review").asInt()).isZero();
        assertThat(summary.get("redact").asInt()).isEqualTo(1);
        assertThat(summary.get("allow").asInt()).isEqualTo(2);
        assertThat(summary.get("block").asInt()).isZero();
        assertThat(summary.get("profile").asText()).isEqualTo("user-content");
        CliRun inCopy = run("governance", "scan", "--in", lines.toString(), "--json");
        JsonNode copySummary = inCopy.jsonLines().get(3);
        assertThat(copySummary.get("review").asInt()).isEqualTo(1);
        assertThat(copySummary.get("block").asInt()).isEqualTo(1);
        Files.delete(lines);
        CliRun bad = run("governance", "scan", "--text", "x", "--profile", "reviews");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("'reviews'").contains("user-content");
    }

    @Test
    void theShippedCasesAndTheLumaFilesGiveNoBlockOnRealText() throws Exception {
        Path reviews = SharedData.require("catalog/luma/reviews.csv");
        Path products = SharedData.require("catalog/luma/products.csv");
        Path cases = Path.of("../sdk-governance/src/test/resources/policy-cases/cases.jsonl");
        CliRun r = run("governance", "evaluate", "--cases", cases.toString(), "--split", "holdout", "--json",
                "--reviews", reviews.toString(), "--copy", products.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("reviews").get("texts").asInt()).isEqualTo(500);
        assertThat(j.get("reviews").get("block").asInt()).isZero();
        assertThat(j.get("copy").get("block").asInt()).isZero();
        assertThat(j.get("categories").get("clean").get("allowed_rate").asDouble()).isEqualTo(1.0);
        assertThat(j.get("categories").get("pii").get("recall").asDouble()).isGreaterThanOrEqualTo(0.97);
    }
}
