package io.retailgen.cli.recommend;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code retailgen federated}: train the session recommender across stores without pooling their sessions. */
@Command(name = "federated", description = "Federated training of the session recommender: a coordinator and store "
        + "clients (secure aggregation, FedAvg/FedProx, optional client-level DP), or a one-process simulation.",
        subcommands = {FederatedSimulateCommand.class, FederatedCoordinatorCommand.class,
            FederatedClientCommand.class})
public final class FederatedCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Creates the command; picocli calls this. */
    public FederatedCommand() {
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
