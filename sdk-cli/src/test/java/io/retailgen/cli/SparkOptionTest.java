package io.retailgen.cli;

import static io.retailgen.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retailgen.testing.TinySessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --spark local[2]} prints what the command prints without it, plus {@code spark_seconds}. */
class SparkOptionTest {

    /** Twelve series (monthly and quarterly) of 30 points: the last 6 are the test rows. */
    static Path mCompetition(Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("series,period,type,split,t,value\n");
        SplittableRandom r = new SplittableRandom(5);
        for (int s = 0; s < 12; s++) {
            String period = s % 2 == 0 ? "MONTHLY" : "QUARTERLY";
            for (int t = 1; t <= 30; t++) {
                double v = (40 + 7 * s + 0.5 * t) * Math.exp(0.08 * r.nextGaussian());
                sb.append("S").append(s).append(',').append(period).append(",MICRO,").append(t <= 24 ? "train"
                        : "test").append(',').append(t).append(',').append(v).append('\n');
            }
        }
        return Files.writeString(dir.resolve("m.csv"), sb.toString());
    }

    static void sameKeysPlusSparkSeconds(JsonNode plain, JsonNode spark) {
        List<String> a = new ArrayList<>();
        plain.fieldNames().forEachRemaining(a::add);
        List<String> b = new ArrayList<>();
        spark.fieldNames().forEachRemaining(b::add);
        a.add("spark_seconds");
        assertThat(b).containsExactlyElementsOf(a);
        assertThat(spark.get("spark_seconds").asDouble()).isPositive();
    }

    @Test
    void forecastEvaluateGivesTheSameFiguresThroughSpark(@TempDir Path dir) throws Exception {
        Path data = mCompetition(dir);
        CliRun plain = run("forecast", "evaluate", "--data", data.toString(), "--format", "m-competition", "--paths",
                "200", "--json");
        CliRun spark = run("forecast", "evaluate", "--data", data.toString(), "--format", "m-competition", "--paths",
                "200", "--json", "--spark", "local[2]");
        assertThat(spark.code()).as(spark.err()).isZero();
        JsonNode a = plain.json();
        JsonNode b = spark.json();
        sameKeysPlusSparkSeconds(a, b);
        for (String key : List.of("series", "smape", "mase", "mape", "crps", "coverage80", "coverage95",
                "smape_by_period")) {
            assertThat(b.get(key)).as(key).isEqualTo(a.get(key));
        }
        CliRun aus = run("forecast", "evaluate", "--data", data.toString(), "--format", "aus-retail", "--spark",
                "local[2]");
        assertThat(aus.code()).isEqualTo(2);
        assertThat(aus.err()).contains("--spark runs --format m-competition");
    }

    @Test
    void recommendEvaluateGivesTheSameFiguresThroughSpark(@TempDir Path dir) throws Exception {
        Path train = TinySessions.write(dir.resolve("train.tsv"), 200, 30, 1);
        Path test = TinySessions.write(dir.resolve("test.tsv"), 50, 30, 2);
        CliRun plain = run("recommend", "evaluate", "--train", train.toString(), "--test", test.toString(), "--k",
                "10", "--no-sequence-model", "--json");
        CliRun spark = run("recommend", "evaluate", "--train", train.toString(), "--test", test.toString(), "--k",
                "10", "--no-sequence-model", "--json", "--spark", "local[2]");
        assertThat(spark.code()).as(spark.err()).isZero();
        JsonNode a = plain.json();
        JsonNode b = spark.json();
        sameKeysPlusSparkSeconds(a, b);
        for (Iterator<String> it = a.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!key.startsWith("latency") && !key.startsWith("train_")) {
                assertThat(b.get(key)).as(key).isEqualTo(a.get(key));
            }
        }
    }

    @Test
    void governanceScanPrintsTheSameLinesThroughSpark(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("texts.txt"), "A soft cotton shirt.\nCall +44 20 7946 0958 now\n"
                + "This damn jacket\n\nCures arthritis in a week!\n");
        CliRun plain = run("governance", "scan", "--in", in.toString(), "--json");
        CliRun spark = run("governance", "scan", "--in", in.toString(), "--json", "--spark", "local[2]");
        assertThat(spark.code()).as(spark.err()).isZero();
        List<JsonNode> a = plain.jsonLines();
        List<JsonNode> b = spark.jsonLines();
        assertThat(b).hasSameSizeAs(a);
        assertThat(b.subList(0, b.size() - 1)).isEqualTo(a.subList(0, a.size() - 1));
        JsonNode sa = a.get(a.size() - 1);
        JsonNode sb = b.get(b.size() - 1);
        sameKeysPlusSparkSeconds(sa, sb);
        for (String key : List.of("texts", "allow", "redact", "block", "review", "errors", "chars")) {
            assertThat(sb.get(key)).as(key).isEqualTo(sa.get(key));
        }
    }

    @Test
    void withoutSparkTheErrorSaysWhatToAdd() {
        CommandLine cl = new CommandLine(new RetailGenCli());
        assertThat(SparkOption.sparkPresent("org.apache.spark.sql.NoSuchSession")).isFalse();
        assertThat(SparkOption.sparkPresent(SparkOption.SPARK_SESSION)).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SparkOption.require(cl, "local[2]",
                "org.apache.spark.sql.NoSuchSession")).hasMessageContaining("org.apache.spark:spark-sql_2.13:4.2.0")
                .hasMessageContaining("--spark local[2] needs Apache Spark 4");
        CliRun blank = run("governance", "scan", "--text", "hi", "--spark", " ");
        assertThat(blank.code()).isEqualTo(2);
        assertThat(blank.err()).contains("--spark needs a master URL");
    }
}
