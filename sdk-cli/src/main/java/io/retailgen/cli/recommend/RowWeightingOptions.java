package io.retailgen.cli.recommend;

import io.retailgen.federated.Coordinator;
import io.retailgen.federated.FederatedModel;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --[no-]row-weighting}: whether each item's embedding row is averaged only over the stores
 * whose sessions contain the item, weighted by those session counts (sent masked with the update). On by default
 * without client-level DP, off with it (the counts are not covered by the update's clip bound); the coordinator and
 * every store must agree.
 */
final class RowWeightingOptions {

    /**
     * On by default: on YooChoose with train_tr's last day held out it lifted the even split of 10 stores from
     * 0.6188 to 0.6539 recall@20, the one lever tried that did (docs/BENCHMARKS.md, "Privacy in training").
     */
    static final String DEFAULT = "true";

    @Option(names = "--row-weighting", negatable = true, defaultValue = DEFAULT, fallbackValue = "true",
            description = "Average each item's embedding row only over the stores whose sessions "
                    + "contain the item, weighted by those counts, sent masked with the update (default: on without "
                    + "client-level DP, off with it; the coordinator and every store must agree).")
    boolean rowWeighting;

    /**
     * @param clientPrivacy whether client-level DP is on
     * @return whether row weighting is on: as asked, and off by default under client-level DP
     */
    boolean on(CommandLine cl, boolean clientPrivacy) {
        if (!clientPrivacy) {
            return rowWeighting;
        }
        if (rowWeighting && cl.getParseResult().hasMatchedOption("--row-weighting")) {
            throw new CommandLine.ParameterException(cl, "--row-weighting cannot be combined with client-level DP "
                    + "(--epsilon, --clip): a store's counts are not covered by the update's clip bound");
        }
        return false;
    }

    /** @return the coordinator of {@code cb}, row-weighted over the model's item rows when {@link #on} */
    Coordinator build(CommandLine cl, Coordinator.Builder cb, boolean clientPrivacy, FederatedModel<?> model) {
        if (on(cl, clientPrivacy)) {
            cb.rowWeighted(model.itemRows());
        }
        return cb.build();
    }
}
