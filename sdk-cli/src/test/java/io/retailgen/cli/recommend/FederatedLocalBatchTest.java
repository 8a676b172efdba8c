package io.retailgen.cli.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.testing.TinySessions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A store's local training runs 64 session lanes per mini-batch without client-level DP, the default with it. */
class FederatedLocalBatchTest {

    @Test
    void simulateTrainsTheStoresWithSixtyFourLanesWithoutClientLevelDpAndTheDefaultWithIt(@TempDir Path dir)
            throws Exception {
        Path train = TinySessions.write(dir.resolve("train.tsv"), 60, 20, 1);
        Path test = TinySessions.write(dir.resolve("test.tsv"), 12, 20, 2);
        assertThat(federatedTrainer(train, test).toString()).contains("b=64,").contains("ep=1,").contains("seed=42");
        assertThat(federatedTrainer(train, test, "--epsilon", "8").toString()).contains("b=128,").contains("ep=1,");
    }

    @Test
    void aStoreClientsLocalTrainingFollowsItsClipLikeTheSimulation() {
        FederatedModelOptions options = new FederatedModelOptions();
        options.localEpochs = 4;
        options.seed = 7;
        assertThat(options.trainer(false).toString()).contains("b=64,").contains("ep=4,").contains("seed=7");
        assertThat(options.trainer(true).toString()).contains("b=128,").contains("ep=4,").contains("seed=7");
        assertThat(FederatedModelOptions.localTrainer(7, 4, false).toString())
                .isEqualTo(options.trainer(false).toString());
    }

    private static Object federatedTrainer(Path train, Path test, String... more) {
        FederatedSimulateCommand cmd = new FederatedSimulateCommand();
        CommandLine cl = new CommandLine(cmd);
        String[] base = {"--clients", "2", "--rounds", "1", "--local-epochs", "1", "--train", train.toString(),
            "--test", test.toString()};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        cl.parseArgs(args);
        return cmd.federate(cl, cmd.coordinatorSettings(cl)).trainer();
    }
}
