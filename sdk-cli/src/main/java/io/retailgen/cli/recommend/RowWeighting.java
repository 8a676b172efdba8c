package io.retailgen.cli.recommend;

import io.retailgen.federated.Coordinator;
import io.retailgen.federated.FederatedModel;
import picocli.CommandLine;

/** Builds a coordinator with or without row weighting of the model's item rows, refusing it with client-level DP. */
final class RowWeighting {

    private RowWeighting() {
    }

    static Coordinator build(CommandLine cl, Coordinator.Builder cb, boolean rowWeighting, FederatedModel<?> model) {
        if (rowWeighting) {
            cb.rowWeighted(model.itemRows());
        }
        try {
            return cb.build();
        } catch (IllegalStateException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage().replace("row weighting", "--row-weighting"));
        }
    }
}
