package io.retailgen.cli;

import static io.retailgen.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetailGenCliTest {

    @Test
    void everyCommandAndSubcommandAnswersHelpWithItsOwnUsage() {
        // the error for a missing option says "see 'retailgen forecast run --help'": that must work
        String[][] commands = {{"forecast", "run"}, {"forecast", "evaluate"}, {"forecast", "allocate"},
            {"governance", "scan"}, {"recommend", "evaluate"}, {"federated", "simulate"}, {"imagegen", "train"},
            {"imagegen", "recolor"}, {"bundle"}, {"demo"}};
        for (String[] c : commands) {
            for (String flag : new String[] {"--help", "-h"}) {
                String[] args = java.util.Arrays.copyOf(c, c.length + 1);
                args[c.length] = flag;
                CliRun r = run(args);
                assertThat(r.code()).as(String.join(" ", args)).isZero();
                assertThat(r.out()).as(String.join(" ", args))
                        .contains("Usage: retailgen " + String.join(" ", c)).doesNotContain("Missing required");
            }
        }
        CliRun missing = run("forecast", "run");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("retailgen forecast run --help");
        CliRun version = run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).isNotBlank();
    }

    @Test
    void versionPrintsOneJsonObjectLast() throws Exception {
        CliRun r = run("version", "--json");
        assertThat(r.code()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("sdk_version").asText()).isNotBlank().isNotEqualTo("unknown");
        assertThat(j.get("java_version").asText()).startsWith(System.getProperty("java.specification.version"));
    }

    @Test
    void doctorReportsBackendsAndTrainingEngine() throws Exception {
        CliRun r = run("doctor", "--json");
        JsonNode j = r.json();
        assertThat(j.get("backends").findValuesAsText("name")).contains("onnxruntime-cpu", "onnxruntime-cuda");
        assertThat(j.get("devices").get(0).asText()).isEqualTo("cpu");
        assertThat(j.get("training_engine").get("loads").asBoolean()).isTrue();
        assertThat(j.get("ok").asBoolean()).isTrue();
        assertThat(r.code()).isZero();
    }

    @Test
    void unknownCommandAndBadOptionsExitWithUsageError() {
        CliRun r = run("frobnicate");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("frobnicate");
        CliRun bad = run("demo", "--epochs", "zero");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--epochs");
    }

    @Test
    void demoTrainsExportsServesAndSwaps(@TempDir Path dir) throws Exception {
        CliRun r = run("demo", "--out", dir.toString(), "--epochs", "4", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("max_abs_diff").asDouble()).isLessThan(1e-5);
        assertThat(j.get("accuracy").asDouble()).isGreaterThan(j.get("majority_baseline").asDouble());
        assertThat(j.get("versions").asText()).isEqualTo("1,2");
        assertThat(j.get("swapped_to").asText()).isEqualTo("2");
        assertThat(j.get("serving_version").asText()).isEqualTo("1");
        assertThat(r.out()).contains("hot-swapped");
    }
}
