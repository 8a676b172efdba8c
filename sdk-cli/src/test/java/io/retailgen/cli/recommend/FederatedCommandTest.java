package io.retailgen.cli.recommend;

import static io.retailgen.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.cli.CliRun;
import io.retailgen.testing.TinySessions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FederatedCommandTest {

    @Test
    void simulatePrintsTheKeysOfRecommendEvaluatePlusRoundsAndBytes(@TempDir Path dir) throws Exception {
        Path train = TinySessions.write(dir.resolve("train.tsv"), 300, 40, 1);
        Path test = TinySessions.write(dir.resolve("test.tsv"), 60, 40, 2);
        CliRun central = run("recommend", "evaluate", "--train", train.toString(), "--test", test.toString(), "--k",
                "10", "--epochs", "1", "--json");
        CliRun fed = run("federated", "simulate", "--clients", "3", "--rounds", "2", "--local-epochs", "1",
                "--train", train.toString(), "--test", test.toString(), "--k", "10", "--json");
        assertThat(fed.code()).as(fed.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode fj = fed.json();
        central.json().fieldNames().forEachRemaining(k -> assertThat(fj.has(k)).as(k).isTrue());
        assertThat(fed.json().get("rounds").asInt()).isEqualTo(2);
        // a store sends its 44-byte public key and one 8-byte value per weight plus its weight
        long bytes = fed.json().get("bytes_per_client_round").asLong();
        assertThat(bytes).isGreaterThan(8L * 40 * 64);
        assertThat(fed.json().get("recall@10").asDouble()).isBetween(0.0, 1.0);
        assertThat(fed.json().has("epsilon")).isFalse();

        CliRun dp = run("federated", "simulate", "--clients", "3", "--rounds", "2", "--local-epochs", "1",
                "--skewed", "--epsilon", "8", "--train", train.toString(), "--test", test.toString(), "--json");
        assertThat(dp.code()).as(dp.err()).isZero();
        assertThat(dp.json().get("epsilon").asDouble()).isBetween(7.5, 8.0);
        assertThat(dp.json().get("delta").asDouble()).isEqualTo(1e-5);

        CliRun bad = run("federated", "simulate", "--clients", "1", "--train", train.toString(), "--test",
                test.toString());
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("--clients must be >= 2");
    }
}
