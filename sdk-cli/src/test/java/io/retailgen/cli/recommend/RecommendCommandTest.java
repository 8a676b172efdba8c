package io.retailgen.cli.recommend;

import static io.retailgen.cli.CliRun.run;
import io.retailgen.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retailgen.testing.TinySessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendCommandTest {



    @Test
    void evaluatePrintsTheKeysNamedAfterK(@TempDir Path dir) throws Exception {
        Path train = TinySessions.write(dir.resolve("train.tsv"), 300, 40, 1);
        Path test = TinySessions.write(dir.resolve("test.tsv"), 60, 40, 2);
        CliRun r = run("recommend", "evaluate", "--train", train.toString(), "--test", test.toString(), "--k", "10",
                "--epochs", "1", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        for (String k : List.of("recall@10", "mrr@10", "ndcg@10", "coverage@10", "train_seconds",
                "train_events_per_second", "latency_p50_us", "latency_p99_us")) {
            assertThat(j.get(k)).as(k).isNotNull();
            assertThat(j.get(k).isNumber()).as(k).isTrue();
        }
        assertThat(j.has("recall@20")).isFalse();
        assertThat(j.get("recall@10").asDouble()).isBetween(0.0, 1.0);
        assertThat(j.get("mrr@10").asDouble()).isLessThanOrEqualTo(j.get("recall@10").asDouble());
        assertThat(j.get("train_events_per_second").asDouble()).isPositive();
    }

    @Test
    void evaluateWithEpsilonTrainsPrivatelyAndAddsEpsilonAndDeltaToTheSameKeys(@TempDir Path dir) throws Exception {
        Path train = TinySessions.write(dir.resolve("train.tsv"), 300, 40, 1);
        Path test = TinySessions.write(dir.resolve("test.tsv"), 60, 40, 2);
        CliRun plain = run("recommend", "evaluate", "--train", train.toString(), "--test", test.toString(), "--k",
                "10", "--epochs", "1", "--json");
        CliRun dp = run("recommend", "evaluate", "--train", train.toString(), "--test", test.toString(), "--k", "10",
                "--epochs", "1", "--epsilon", "4", "--delta", "1e-4", "--json");
        assertThat(dp.code()).as(dp.err()).isZero();
        JsonNode j = dp.json();
        plain.json().fieldNames().forEachRemaining(k -> assertThat(j.has(k)).as(k).isTrue());
        assertThat(plain.json().has("epsilon")).isFalse();
        assertThat(j.get("epsilon").asDouble()).isBetween(3.5, 4.0);
        assertThat(j.get("delta").asDouble()).isEqualTo(1e-4);

        Path model = dir.resolve("private");
        CliRun t = run("recommend", "train", "--events", train.toString(), "--out", model.toString(), "--epochs",
                "1", "--epsilon", "4", "--json");
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.json().get("epsilon").asDouble()).isBetween(3.5, 4.0);
        CliRun loaded = run("recommend", "evaluate", "--test", test.toString(), "--model", model.toString(), "--json");
        assertThat(loaded.json().get("epsilon").asDouble()).isEqualTo(t.json().get("epsilon").asDouble());

        CliRun bad = run("recommend", "evaluate", "--train", train.toString(), "--test", test.toString(),
                "--epsilon", "-1");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("--epsilon must be a finite number > 0, was -1.0");
        CliRun both = run("recommend", "evaluate", "--test", test.toString(), "--model", model.toString(),
                "--epsilon", "2");
        assertThat(both.err()).contains("give --train, not --model");
    }

    @Test
    void trainSavesABundleThatEvaluateLoads(@TempDir Path dir) throws Exception {
        Path events = TinySessions.write(dir.resolve("events.tsv"), 200, 30, 3);
        Path model = dir.resolve("model");
        CliRun t = run("recommend", "train", "--events", events.toString(), "--out", model.toString(), "--epochs", "1",
                "--json");
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.json().get("items").asInt()).isEqualTo(30);
        assertThat(model.resolve("manifest.json")).exists();
        assertThat(model.resolve("model.onnx")).exists();
        CliRun e = run("recommend", "evaluate", "--test", events.toString(), "--model", model.toString(), "--k", "5",
                "--json");
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.json().get("model_version").asText()).isEqualTo(t.json().get("model_version").asText());
        assertThat(e.json().get("recall@5").asDouble()).isGreaterThan(0.3);
    }

    @Test
    void badArgumentsFailOnStandardError(@TempDir Path dir) throws Exception {
        Path events = TinySessions.write(dir.resolve("events.tsv"), 20, 10, 4);
        CliRun noTrain = run("recommend", "evaluate", "--test", events.toString(), "--json");
        assertThat(noTrain.code()).isNotZero();
        assertThat(noTrain.err()).contains("--train");
        CliRun badK = run("recommend", "evaluate", "--train", events.toString(), "--test", events.toString(), "--k",
                "0");
        assertThat(badK.code()).isNotZero();
        assertThat(badK.err()).contains("--k must be >= 1");
        CliRun missing = run("recommend", "train", "--events", dir.resolve("nope.tsv").toString(), "--out",
                dir.resolve("m").toString());
        assertThat(missing.code()).isNotZero();
        assertThat(missing.err()).contains("no such file");
        Files.writeString(dir.resolve("bad.tsv"), "SessionId\tItemId\tTime\n");
        CliRun empty = run("recommend", "train", "--events", dir.resolve("bad.tsv").toString(), "--out",
                dir.resolve("m2").toString(), "--json");
        assertThat(empty.code()).isEqualTo(1);
        assertThat(empty.err()).startsWith("error: ");
    }
}
