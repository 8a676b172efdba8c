package io.retailgen.cli.recommend;

import io.retailgen.federated.Coordinator;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --server-lr R --server-momentum M}: how the coordinator steps along the round's mean update. */
final class ServerOptimiserOptions {

    @Option(names = "--server-lr", defaultValue = "1.0", description = "The coordinator's step along the mean update "
            + "(default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--server-momentum", defaultValue = "0.0", description = "Server momentum (FedAvgM), in [0, 1) "
            + "(default: ${DEFAULT-VALUE}, plain FedAvg).")
    double momentum;

    /** Sets the server optimiser of {@code b} after checking the values. */
    Coordinator.Builder apply(CommandLine cl, Coordinator.Builder b) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new CommandLine.ParameterException(cl, "--server-lr must be a finite number > 0, was "
                    + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new CommandLine.ParameterException(cl, "--server-momentum must be in [0, 1), was " + momentum);
        }
        return b.serverLearningRate(learningRate).serverMomentum(momentum);
    }
}
