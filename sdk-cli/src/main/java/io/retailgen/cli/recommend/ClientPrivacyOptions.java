package io.retailgen.cli.recommend;

import io.retailgen.federated.Coordinator;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --epsilon E [--delta D] [--clip S]}: client-level differential privacy of a federated run. */
final class ClientPrivacyOptions {

    @Option(names = "--epsilon", description = "Client-level differential privacy: the budget over all rounds.")
    Double epsilon;

    @Option(names = "--delta", description = "The delta of --epsilon (default: min(1e-5, 1/stores)).")
    Double delta;

    @Option(names = "--clip", defaultValue = "1.0", description = "With --epsilon, the L2 bound of a store's update "
            + "(stores started with 'federated client' need the same --clip; default: ${DEFAULT-VALUE}).")
    double clip;

    /** @return whether {@code --epsilon} turns client-level DP on */
    boolean on() {
        return epsilon != null;
    }

    /** Turns client-level DP on in {@code b} when {@code --epsilon} was given, after checking the values. */
    Coordinator.Builder apply(CommandLine cl, Coordinator.Builder b) {
        if (epsilon == null) {
            if (delta != null) {
                throw new CommandLine.ParameterException(cl, "--delta needs --epsilon");
            }
            return b;
        }
        if (!(epsilon > 0) || epsilon.isInfinite()) {
            throw new CommandLine.ParameterException(cl, "--epsilon must be a finite number > 0, was " + epsilon);
        }
        if (delta != null && !(delta > 0 && delta < 1)) {
            throw new CommandLine.ParameterException(cl, "--delta must be in (0, 1), was " + delta);
        }
        if (!(clip > 0) || Double.isInfinite(clip)) {
            throw new CommandLine.ParameterException(cl, "--clip must be a finite number > 0, was " + clip);
        }
        return b.clientPrivacy(epsilon, delta == null ? 0 : delta, clip);
    }
}
