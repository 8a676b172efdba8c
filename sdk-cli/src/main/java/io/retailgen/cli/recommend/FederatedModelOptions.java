package io.retailgen.cli.recommend;

import io.retailgen.cli.OptionRanges;
import io.retailgen.recommend.FederatedGru;
import io.retailgen.recommend.RecommendTrainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The model every party of a federated run must agree on: the item catalog, the local epochs and the seed. */
final class FederatedModelOptions {

    @Option(names = "--catalog", required = true, description = "The item ids every store sells, one per line (the "
            + "same file for the coordinator and every store).")
    Path catalog;

    /**
     * GRU epochs a store trains per round unless told otherwise: 6 rounds of 4 scored best among 6 x 2, 6 x 4, 6 x 6
     * and 8 x 3 on YooChoose with train_tr's last day held out (docs/BENCHMARKS.md, "Privacy in training").
     */
    static final String DEFAULT_LOCAL_EPOCHS = "4";

    @Option(names = "--local-epochs", defaultValue = DEFAULT_LOCAL_EPOCHS, description = "GRU epochs a store trains "
            + "per round (default: ${DEFAULT-VALUE}).")
    int localEpochs;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    int seed;

    /**
     * Session-parallel lanes per mini-batch of a store's local training without client-level DP (the centralised
     * trainer's default is 128): a store holds a tenth of the sessions or less, and 64 lanes give its rounds twice the
     * steps. With 10 stores on YooChoose with train_tr's last day held out it scored 0.6578 / 0.6581 / 0.6619 /
     * 0.6601 recall@20 against 128 lanes' 0.6539 / 0.6564 / 0.6553 / 0.6553 (seeds 42, 1, 2, 3); 32, 48 and 96 lanes
     * scored 0.6506, 0.6559 and 0.6561
     * (docs/BENCHMARKS.md, "Federated recommender: the like-for-like reference"). Under client-level DP the lanes stay
     * at the trainer's default, where the clip bound and the noise were tuned.
     */
    static final int LOCAL_BATCH = 64;

    /**
     * @param clientPrivacy whether client-level DP is on (--clip)
     * @return the model shape, with the GRU settings of {@link #trainer}
     */
    FederatedGru gru(CommandLine cl, boolean clientPrivacy) {
        OptionRanges.require(cl, "--local-epochs", localEpochs, 1, OptionRanges.MAX_EPOCHS);
        return FederatedGru.of(trainer(clientPrivacy), catalog(cl));
    }

    /**
     * @param clientPrivacy whether client-level DP is on
     * @return the GRU settings of a store's local training in a round
     */
    RecommendTrainer trainer(boolean clientPrivacy) {
        return localTrainer(seed, localEpochs, clientPrivacy);
    }

    /**
     * @param seed the run's seed
     * @param localEpochs GRU epochs a store trains per round
     * @param clientPrivacy whether client-level DP is on: then the trainer's default lanes, else {@link #LOCAL_BATCH}
     * @return the GRU settings of a store's local training in a round
     */
    static RecommendTrainer localTrainer(long seed, int localEpochs, boolean clientPrivacy) {
        RecommendTrainer.Builder b = RecommendTrainer.builder().seed(seed).epochs(localEpochs);
        return clientPrivacy ? b.build() : b.batch(LOCAL_BATCH).build();
    }

    /** @return the catalog's item ids in file order, without repeats or blank lines */
    List<String> catalog(CommandLine cl) {
        if (!Files.isRegularFile(catalog)) {
            throw new CommandLine.ParameterException(cl, "--catalog: no such file: " + catalog);
        }
        List<String> items;
        try {
            items = new ArrayList<>(new LinkedHashSet<>(Files.readAllLines(catalog, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cl, "--catalog: cannot read " + catalog + ": " + e.getMessage());
        }
        items.removeIf(String::isBlank);
        if (items.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "--catalog: " + catalog + " lists no items");
        }
        return items;
    }
}
