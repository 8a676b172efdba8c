package io.retailgen.cli.recommend;

import io.retailgen.federated.Coordinator;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --server-optimiser O --server-lr R --server-momentum M --server-tau T}: how the coordinator steps along the
 * round's mean update.
 */
final class ServerOptimiserOptions {

    /**
     * The server learning rate of the adaptive optimisers when {@code --server-lr} is not given: FedAdam's best of
     * 0.01, 0.03, 0.1 and 0.3 on the tuning split (docs/BENCHMARKS.md, "Privacy in training").
     */
    static final double ADAPTIVE_DEFAULT_LR = 0.1;

    @Option(names = "--server-optimiser", defaultValue = "fedavg", description = "fedavg (the mean update, with "
            + "--server-lr and --server-momentum), or the adaptive fedadagrad, fedadam or fedyogi (Reddi et al. 2021; "
            + "beta1 0.9, beta2 0.99) (default: ${DEFAULT-VALUE}).")
    String optimiser;

    @Option(names = "--server-lr", description = "The coordinator's step along the mean update (default: 1 for "
            + "fedavg, " + ADAPTIVE_DEFAULT_LR + " for the adaptive optimisers).")
    Double learningRate;

    @Option(names = "--server-tau", defaultValue = "1e-3", description = "The adaptive optimisers' tau (default: "
            + "${DEFAULT-VALUE}).")
    double tau;

    @Option(names = "--server-momentum", defaultValue = "0.0", description = "Server momentum (FedAvgM), in [0, 1) "
            + "(default: ${DEFAULT-VALUE}, plain FedAvg).")
    double momentum;

    /** @return {@code --server-lr}, or its default for the optimiser: 1 for FedAvg, less for the adaptive ones */
    double learningRate(Coordinator.ServerOptimiser kind) {
        if (learningRate != null) {
            return learningRate;
        }
        return kind == Coordinator.ServerOptimiser.FEDAVG ? 1.0 : ADAPTIVE_DEFAULT_LR;
    }

    /** Sets the server optimiser of {@code b} after checking the values. */
    Coordinator.Builder apply(CommandLine cl, Coordinator.Builder b) {
        Coordinator.ServerOptimiser kind;
        try {
            kind = Coordinator.ServerOptimiser.valueOf(optimiser.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--server-optimiser must be fedavg, fedadagrad, fedadam or "
                    + "fedyogi, was '" + optimiser + "'");
        }
        double lr = learningRate(kind);
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new CommandLine.ParameterException(cl, "--server-lr must be a finite number > 0, was " + lr);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new CommandLine.ParameterException(cl, "--server-momentum must be in [0, 1), was " + momentum);
        }
        if (momentum > 0 && kind != Coordinator.ServerOptimiser.FEDAVG) {
            throw new CommandLine.ParameterException(cl, "--server-momentum applies to --server-optimiser fedavg only "
                    + "(" + optimiser + " keeps its own first moment)");
        }
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new CommandLine.ParameterException(cl, "--server-tau must be a finite number > 0, was " + tau);
        }
        return b.serverLearningRate(lr).serverMomentum(momentum).serverOptimiser(kind, tau);
    }
}
