package io.retailgen.recommend;

import java.util.Locale;
import java.util.Objects;

/**
 * The hyper-parameters a {@link RecommendTrainer} trains with, as stored in a saved model's {@code recommend.json}
 * (field names are part of the bundle format: models written before {@link RecommendTrainer} existed carry the same
 * names, with an {@code int} seed).
 *
 * @param sequenceModel whether to train the GRU sequence model (false: kNN and co-occurrence only)
 * @param hidden GRU hidden size (= item-embedding size)
 * @param contextDim size of the device and hour embeddings joined to the GRU input; 0 disables them
 * @param batch session-parallel lanes per mini-batch
 * @param negatives popularity-sampled negatives per mini-batch (large catalogs only)
 * @param epochs passes over the data
 * @param optimizer the sequence model's optimizer
 * @param learningRate the optimizer's learning rate
 * @param dropout dropout on the GRU output before the item scores
 * @param neighbours session-kNN neighbours used
 * @param sampleSize session-kNN candidate sessions considered
 * @param seed the random seed
 * @param threads PyTorch's intra-op threads while the sequence model trains (0 in models written before the option
 *     had a default)
 */
record TrainSettings(boolean sequenceModel, int hidden, int contextDim, int batch, int negatives, int epochs,
        RecommendTrainer.Optimizer optimizer, float learningRate, float dropout, int neighbours, int sampleSize,
        long seed, int threads) {

    /**
     * Catalogs up to this many items are trained with the full softmax over every item; larger ones with the batch's
     * targets plus {@code negatives} popularity-sampled items.
     */
    static final int FULL_SOFTMAX_MAX_ITEMS = 20_000;

    /** The settings tuned on the YooChoose sample. */
    static final TrainSettings DEFAULTS = new TrainSettings(true, 64, 8, 128, 1024, 12,
            RecommendTrainer.Optimizer.ADAGRAD, 0.07f, 0.5f, 100, 1000, 42, 1);

    TrainSettings {
        Objects.requireNonNull(optimizer, "optimizer == null");
        gruParams(hidden, contextDim, batch, negatives, epochs, learningRate, seed, dropout, optimizer);
        new SessionKnn.Params(neighbours, sampleSize, 2, 1, 1);
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
    }

    GruTrainer.Params gruParams() {
        return gruParams(hidden, contextDim, batch, negatives, epochs, learningRate, seed, dropout, optimizer);
    }

    private static GruTrainer.Params gruParams(int hidden, int contextDim, int batch, int negatives, int epochs,
            float learningRate, long seed, float dropout, RecommendTrainer.Optimizer optimizer) {
        return new GruTrainer.Params(hidden, contextDim, batch, negatives, 0.75, epochs, learningRate, seed, dropout,
                FULL_SOFTMAX_MAX_ITEMS, optimizer);
    }

    SessionKnn.Params knnParams() {
        SessionKnn.Params d = SessionKnn.Params.DEFAULT;
        return new SessionKnn.Params(neighbours, sampleSize, d.positionExponent(), d.idfWeight(), d.neighbourDecay());
    }

    /** The settings that name a model (everything but the thread count, which changes speed, not the result). */
    String identity() {
        return String.format(Locale.ROOT, "seq=%s,h=%d,ctx=%d,b=%d,neg=%d,ep=%d,opt=%s,lr=%s,drop=%s,k=%d,"
                + "sample=%d,seed=%d", sequenceModel, hidden, contextDim, batch, negatives, epochs, optimizer,
                learningRate, dropout, neighbours, sampleSize, seed);
    }
}
