package io.retailgen.cli.recommend;

import io.retailgen.recommend.PrivateTraining;
import io.retailgen.recommend.RecommendTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --epsilon E [--delta D]}: train the sequence model with DP-SGD within the budget epsilon. */
final class PrivacyOptions {

    /** GRU hidden size of private training. */
    static final int PRIVATE_HIDDEN = 32;
    /** Adagrad learning rate of private training. */
    static final float PRIVATE_LEARNING_RATE = 0.5f;

    @Option(names = "--epsilon", description = "Train the GRU with DP-SGD, spending at most this epsilon (the model "
            + "then keeps no training sessions), with the settings tuned for private training: hidden 32, no "
            + "dropout, Adagrad at learning rate 0.5, 4096 sessions per step.")
    Double epsilon;

    @Option(names = "--delta", description = "The delta of --epsilon (default: min(1e-5, 1/sessions)).")
    Double delta;

    /**
     * @param trainer the trainer the other options built
     * @param loading whether a saved model is loaded instead of trained
     * @return the trainer, private when {@code --epsilon} was given
     */
    RecommendTrainer apply(CommandLine cl, RecommendTrainer trainer, boolean loading) {
        if (epsilon == null) {
            if (delta != null) {
                throw new CommandLine.ParameterException(cl, "--delta needs --epsilon");
            }
            return trainer;
        }
        if (loading) {
            throw new CommandLine.ParameterException(cl, "--epsilon trains a private model: give --train, not --model");
        }
        if (!(epsilon > 0) || epsilon.isInfinite()) {
            throw new CommandLine.ParameterException(cl, "--epsilon must be a finite number > 0, was " + epsilon);
        }
        PrivateTraining.Builder b = PrivateTraining.builder().epsilon(epsilon);
        if (delta != null) {
            if (!(delta > 0 && delta < 1)) {
                throw new CommandLine.ParameterException(cl, "--delta must be in (0, 1), was " + delta);
            }
            b.delta(delta);
        }
        // the settings the privacy/utility curve was tuned with (docs/privacy.md): noisy steps want a smaller GRU, no
        // dropout and larger Adagrad steps than the non-private defaults
        return trainer.toBuilder().privacy(b.build()).hidden(PRIVATE_HIDDEN).dropout(0f)
                .optimizer(RecommendTrainer.Optimizer.ADAGRAD, PRIVATE_LEARNING_RATE).build();
    }
}
