package io.retailgen.cli.recommend;

import static io.retailgen.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.retailgen.cli.CliRun;
import io.retailgen.recommend.Interaction;
import io.retailgen.testing.TinySessions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code federated simulate --personalise-epochs N}: every store serves its own shoppers with its own model. */
class FederatedPersonalisationTest {

    /** The keys whose values are timings, which differ from run to run. */
    private static final Set<String> TIMINGS = Set.of("train_seconds", "train_events_per_second", "latency_p50_us",
            "latency_p99_us");

    private static String[] simulate(Path train, Path test, String... more) {
        List<String> args = new ArrayList<>(List.of("federated", "simulate", "--clients", "3", "--rounds", "2",
                "--local-epochs", "1", "--train", train.toString(), "--test", test.toString(), "--k", "10",
                "--json"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void withPersonalisationOffTheResultIsTodaysKeysAndFigures(@TempDir Path dir) throws Exception {
        Path train = TinySessions.write(dir.resolve("train.tsv"), 300, 40, 1);
        Path test = TinySessions.write(dir.resolve("test.tsv"), 60, 40, 2);
        for (String[] privacy : List.of(new String[0], new String[] {"--epsilon", "8"})) {
            CliRun today = run(simulate(train, test, privacy));
            List<String> off = new ArrayList<>(List.of(privacy));
            off.addAll(List.of("--personalise-epochs", "0"));
            CliRun zero = run(simulate(train, test, off.toArray(String[]::new)));
            assertThat(today.code()).as(today.err()).isZero();
            assertThat(zero.code()).as(zero.err()).isZero();
            List<String> keys = new ArrayList<>();
            today.json().fieldNames().forEachRemaining(keys::add);
            List<String> zeroKeys = new ArrayList<>();
            zero.json().fieldNames().forEachRemaining(zeroKeys::add);
            assertThat(zeroKeys).isEqualTo(keys).doesNotContain("personalised", "guarantee");
            for (String k : keys) {
                if (!TIMINGS.contains(k)) {
                    assertThat(zero.json().get(k)).as(k).isEqualTo(today.json().get(k));
                }
            }
        }
        CliRun stray = run(simulate(train, test, "--personalise-lr", "0.1"));
        assertThat(stray.code()).isNotZero();
        assertThat(stray.err()).contains("--personalise-lr needs --personalise-epochs N (N >= 1)");
        CliRun share = run(simulate(train, test, "--personalise-epochs", "1", "--personalise-global-share", "2"));
        assertThat(share.err()).contains("--personalise-global-share must be in [0, 1], was 2.0");
    }

    @Test
    void personalisedStoresScoreEveryTestSessionWithTheirOwnModel(@TempDir Path dir) throws Exception {
        Path train = TinySessions.write(dir.resolve("train.tsv"), 300, 40, 1);
        Path test = TinySessions.write(dir.resolve("test.tsv"), 60, 40, 2);
        CliRun p = run(simulate(train, test, "--epsilon", "8", "--personalise-epochs", "2", "--personalise-lr",
                "0.1"));
        assertThat(p.code()).as(p.err()).isZero();
        JsonNode j = p.json();
        CliRun today = run(simulate(train, test, "--epsilon", "8"));
        // today's keys all still there, the shared model's figures under shared_ keys
        Iterator<String> keys = today.json().fieldNames();
        keys.forEachRemaining(k -> assertThat(j.has(k)).as(k).isTrue());
        assertThat(j.get("shared_recall@10")).isEqualTo(today.json().get("recall@10"));
        assertThat(j.get("shared_mrr@10")).isEqualTo(today.json().get("mrr@10"));
        assertThat(j.get("epsilon")).isEqualTo(today.json().get("epsilon"));
        assertThat(j.get("personalised").asBoolean()).isTrue();
        assertThat(j.get("guarantee").asText()).isEqualTo("joint (billboard) client-level DP");
        assertThat(j.get("personalise_epochs").asInt()).isEqualTo(2);
        assertThat(j.get("personalise_lr").asDouble()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-6));
        // every test session scored, each by one store: 60 sessions split 20 / 20 / 20 like the training sessions
        assertThat(j.get("predictions").asLong()).isEqualTo(today.json().get("predictions").asLong());
        assertThat(j.get("stores_scored").asInt()).isEqualTo(3);
        assertThat(j.get("test_sessions_per_store").toString()).isEqualTo("[20,20,20]");
        // the stores' own models are not the shared one
        assertThat(j.get("recall@10").asDouble()).isNotEqualTo(j.get("shared_recall@10").asDouble());

        CliRun plain = run(simulate(train, test, "--personalise-epochs", "1", "--personalise-own-sessions"));
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(plain.json().get("guarantee").asText()).isEqualTo("none");
        assertThat(plain.json().get("personalise_own_sessions").asBoolean()).isTrue();
    }

    @Test
    void testSessionsGoToStoresByTheRuleThatSplitTheTrainingSessions(@TempDir Path dir) throws Exception {
        Path events = TinySessions.write(dir.resolve("events.tsv"), 90, 40, 3);
        for (boolean skewed : new boolean[] {false, true}) {
            FederatedSimulateCommand cmd = new FederatedSimulateCommand();
            CommandLine cl = new CommandLine(cmd);
            List<String> args = new ArrayList<>(List.of("--clients", "4", "--rounds", "1", "--local-epochs", "1",
                    "--train", events.toString(), "--test", events.toString()));
            if (skewed) {
                args.add("--skewed");
            }
            cl.parseArgs(args.toArray(String[]::new));
            FederatedSimulateCommand.Federation f = cmd.federate(cl, cmd.coordinatorSettings(cl));
            // the same file as test: every session lands in the store that trained on it
            assertThat(cmd.testParts(f)).as("skewed %s", skewed).isEqualTo(f.parts());
        }
        // the even rule: the i-th session (by first appearance) goes to store i mod stores
        FederatedSimulateCommand cmd = new FederatedSimulateCommand();
        CommandLine cl = new CommandLine(cmd);
        Path test = TinySessions.write(dir.resolve("test.tsv"), 10, 40, 4);
        cl.parseArgs("--clients", "4", "--rounds", "1", "--local-epochs", "1", "--train", events.toString(),
                "--test", test.toString());
        List<List<Interaction>> parts = cmd.testParts(cmd.federate(cl, cmd.coordinatorSettings(cl)));
        for (int s = 0; s < 4; s++) {
            List<String> ids = parts.get(s).stream().map(Interaction::sessionId).distinct().toList();
            List<String> expected = new ArrayList<>();
            for (int i = s; i < 10; i += 4) {
                expected.add(Integer.toString(i + 1));
            }
            assertThat(ids).isEqualTo(expected);
        }
    }

    @Test
    void aStoreWithoutTrainingOrTestSessionsIsNamedAndTheOthersAreScored(@TempDir Path dir) throws Exception {
        Path train = TinySessions.write(dir.resolve("train.tsv"), 300, 40, 1);
        Path test = TinySessions.write(dir.resolve("test.tsv"), 3, 40, 2);
        // five stores, three test sessions: stores 3 and 4 have none to score
        CliRun p = run("federated", "simulate", "--clients", "5", "--rounds", "1", "--local-epochs", "1",
                "--personalise-epochs", "1", "--train", train.toString(), "--test", test.toString(), "--json");
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(p.err()).contains("store store-3 has no test sessions: none of its shoppers is scored")
                .contains("store store-4 has no test sessions").doesNotContain("Exception");
        assertThat(p.json().get("stores_scored").asInt()).isEqualTo(3);
        assertThat(p.json().get("test_sessions_per_store").toString()).isEqualTo("[1,1,1,0,0]");

        // six stores, four training sessions: stores 4 and 5 hold none, serve the shared weights and are scored
        Path few = TinySessions.write(dir.resolve("few.tsv"), 4, 8, 5);
        Path fewTests = TinySessions.write(dir.resolve("tests.tsv"), 12, 8, 6);
        CliRun empty = run("federated", "simulate", "--clients", "6", "--rounds", "1", "--local-epochs", "1",
                "--personalise-epochs", "1", "--train", few.toString(), "--test", fewTests.toString(), "--json");
        assertThat(empty.code()).as(empty.err()).isZero();
        assertThat(empty.err()).contains("store store-4 holds no training sessions: it serves the shared weights "
                + "unchanged").contains("store store-5 holds no training sessions").doesNotContain("Exception");
        assertThat(empty.json().get("stores_scored").asInt()).isEqualTo(6);
        assertThat(empty.json().get("test_sessions_per_store").toString()).isEqualTo("[2,2,2,2,2,2]");

        // the message also when the split hands a store no events at all; with no test session anywhere nothing
        // can be scored
        FederatedSimulateCommand cmd = new FederatedSimulateCommand();
        CommandLine cl = new CommandLine(cmd);
        cl.parseArgs("--clients", "2", "--rounds", "1", "--local-epochs", "1", "--train", train.toString(), "--test",
                test.toString());
        FederatedSimulateCommand.Federation f = cmd.federate(cl, cmd.coordinatorSettings(cl));
        List<List<Interaction>> emptyFirst = List.of(List.of(), f.parts().get(1));
        List<List<Interaction>> tests = cmd.testParts(f);
        StringWriter err = new StringWriter();
        StorePersonalisation.Outcome o = StorePersonalisation.evaluate(f.gru(), f.run().weights(),
                new StorePersonalisation.Settings(1, 0.07f, 0, false).personalisation(f.trainer(), f.catalog()), false,
                null, f.stores(), emptyFirst, tests, 10, new PrintWriter(err));
        assertThat(err.toString()).contains("store store-0 holds no training sessions: it serves the shared weights "
                + "unchanged");
        assertThat(o.storesScored()).isEqualTo(2);
        assertThatThrownBy(() -> StorePersonalisation.evaluate(f.gru(), f.run().weights(), null, false, null,
                f.stores(), f.parts(), List.of(List.of(), List.of()), 10, new PrintWriter(new StringWriter())))
                .hasMessageContaining("no store has a test session: nothing to score");
    }
}
