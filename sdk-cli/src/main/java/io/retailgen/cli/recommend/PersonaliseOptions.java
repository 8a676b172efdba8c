package io.retailgen.cli.recommend;

import io.retailgen.cli.OptionRanges;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --personalise-epochs N [--personalise-lr L] [--personalise-global-share A] [--no-personalise-own-sessions]}:
 * after the federated rounds every store adapts the final shared weights on its own sessions and serves its own
 * shoppers with the result; nothing of it leaves the store. 0 epochs (the default) serves the shared model as before.
 */
final class PersonaliseOptions {

    /** The guarantee of the served per-store models when the shared model is client-level DP. */
    static final String JOINT_DP = "joint (billboard) client-level DP";

    @Option(names = "--personalise-epochs", defaultValue = "0", description = "After the rounds, every store "
            + "fine-tunes the shared GRU on its own sessions for this many epochs and serves its own shoppers with it "
            + "(default: ${DEFAULT-VALUE}, off: every shopper is served the shared model).")
    int epochs;

    /**
     * 0.2 with the store's own sessions served: on YooChoose with train_tr's last day held out, 8 epochs at 0.2 and 16
     * at 0.07 scored best (within 0.001) of the settings tried (docs/BENCHMARKS.md, "Federated recommender:
     * personalised serving under joint DP").
     */
    static final String DEFAULT_LR = "0.2";

    @Option(names = "--personalise-lr", defaultValue = DEFAULT_LR, description = "Adagrad learning rate of the "
            + "stores' fine-tuning (default: ${DEFAULT-VALUE}).")
    float learningRate;

    @Option(names = "--personalise-global-share", defaultValue = "0", description = "Share of the shared weights in "
            + "a store's served weights, the rest its fine-tuned ones (default: ${DEFAULT-VALUE}).")
    double globalShare;

    @Option(names = "--personalise-own-sessions", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "A store's served model also holds the store's own training sessions for session kNN, "
                    + "co-occurrence and popularity, never another store's (default: on).")
    boolean ownSessions;

    /** @return whether personalisation is on ({@code --personalise-epochs > 0}) */
    boolean on() {
        return epochs > 0;
    }

    /** @return the checked settings; the other options need {@code --personalise-epochs} */
    StorePersonalisation.Settings settings(CommandLine cl) {
        OptionRanges.require(cl, "--personalise-epochs", epochs, 0, OptionRanges.MAX_EPOCHS);
        if (!on()) {
            for (String o : new String[] {"--personalise-lr", "--personalise-global-share",
                "--personalise-own-sessions", "--no-personalise-own-sessions"}) {
                if (cl.getParseResult().hasMatchedOption(o)) {
                    throw new CommandLine.ParameterException(cl, o + " needs --personalise-epochs N (N >= 1)");
                }
            }
            return null;
        }
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new CommandLine.ParameterException(cl, "--personalise-lr must be a finite number > 0, was "
                    + learningRate);
        }
        if (!(globalShare >= 0 && globalShare <= 1)) {
            throw new CommandLine.ParameterException(cl, "--personalise-global-share must be in [0, 1], was "
                    + globalShare);
        }
        return new StorePersonalisation.Settings(epochs, learningRate, globalShare, ownSessions);
    }
}
