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
    static final float PRIVATE_LEARNING_RATE = 0.3f;
    /** Epochs of private training unless {@code --epochs} is given. */
    static final int PRIVATE_EPOCHS = 48;
    /** Expected sessions per DP-SGD step. */
    static final int PRIVATE_SESSIONS_PER_STEP = 8192;
    /** The item table's share of the squared clip norm (per-layer clipping). */
    static final double PRIVATE_ITEM_TABLE_CLIP_SHARE = 0.8;
    /** The decay of the moving average of the iterates that is released. */
    static final double PRIVATE_AVERAGING_DECAY = 0.7;

    @Option(names = "--epsilon", description = "Train the GRU with DP-SGD, spending at most this epsilon (the model "
            + "then keeps no training sessions), with the settings tuned for private training: hidden 32, no "
            + "dropout, Adagrad at learning rate 0.3, 8192 sessions per step, 48 epochs unless --epochs is given, "
            + "the item table clipped apart from the GRU (0.8 of the squared clip norm), and the moving average "
            + "of the iterates (decay 0.7) released.")
    Double epsilon;

    @Option(names = "--delta", description = "The delta of --epsilon (default: min(1e-5, 1/sessions)).")
    Double delta;

    /**
     * @param trainer the trainer the other options built
     * @param loading whether a saved model is loaded instead of trained
     * @param epochsGiven whether {@code --epochs} was given (then private training keeps it)
     * @return the trainer, private when {@code --epsilon} was given
     */
    RecommendTrainer apply(CommandLine cl, RecommendTrainer trainer, boolean loading, boolean epochsGiven) {
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
        PrivateTraining.Builder b = PrivateTraining.builder().epsilon(epsilon)
                .sessionsPerStep(PRIVATE_SESSIONS_PER_STEP).itemTableClipShare(PRIVATE_ITEM_TABLE_CLIP_SHARE)
                .averagingDecay(PRIVATE_AVERAGING_DECAY);
        if (delta != null) {
            if (!(delta > 0 && delta < 1)) {
                throw new CommandLine.ParameterException(cl, "--delta must be in (0, 1), was " + delta);
            }
            b.delta(delta);
        }
        // the settings the privacy/utility curve was tuned with (docs/privacy.md): noisy steps want a smaller GRU, no
        // dropout, larger Adagrad steps than the non-private defaults, larger batches with more epochs, per-layer
        // clipping and the averaged iterates
        RecommendTrainer.Builder t = trainer.toBuilder().privacy(b.build()).hidden(PRIVATE_HIDDEN).dropout(0f)
                .optimizer(RecommendTrainer.Optimizer.ADAGRAD, PRIVATE_LEARNING_RATE);
        return (epochsGiven ? t : t.epochs(PRIVATE_EPOCHS)).build();
    }
}
