package io.retailgen.recommend;

/**
 * Training options of a {@link RecommendModel}.
 *
 * <pre>{@code
 * TrainOptions opts = TrainOptions.defaults().withEpochs(6).withSeed(7);
 * }</pre>
 *
 * @param sequenceModel whether to train the GRU sequence model (false: kNN and co-occurrence only)
 * @param hidden GRU hidden size (= item-embedding size), {@code >= 1}
 * @param contextDim size of the device and hour embeddings joined to the input; 0 disables them (they are also
 *     left out when the data carries no context)
 * @param batch session-parallel lanes per mini-batch, {@code >= 1}
 * @param negatives popularity-sampled negatives per mini-batch (beside the in-batch ones), {@code >= 0}
 * @param epochs passes over the data, {@code >= 1}
 * @param learningRate Adam learning rate, {@code > 0}
 * @param neighbours session-kNN: neighbours used, {@code >= 1}
 * @param sampleSize session-kNN: most recent candidate sessions considered, {@code >= neighbours}
 * @param seed the random seed: the same seed and data give the same model
 */
public record TrainOptions(boolean sequenceModel, int hidden, int contextDim, int batch, int negatives, int epochs,
        float learningRate, int neighbours, int sampleSize, int seed) {

    /** Validates the ranges. */
    public TrainOptions {
        new GruTrainer.Params(hidden, contextDim, batch, negatives, 0.75, epochs, learningRate, seed);
        new SessionKnn.Params(neighbours, sampleSize, 2, 1, 1);
    }

    /** @return the options tuned on the YooChoose sample */
    public static TrainOptions defaults() {
        return new TrainOptions(true, 100, 8, 128, 1024, 4, 0.004f, 100, 1000, 42);
    }

    /** @param e epochs @return a copy */
    public TrainOptions withEpochs(int e) {
        return new TrainOptions(sequenceModel, hidden, contextDim, batch, negatives, e, learningRate, neighbours,
                sampleSize, seed);
    }

    /** @param s seed @return a copy */
    public TrainOptions withSeed(int s) {
        return new TrainOptions(sequenceModel, hidden, contextDim, batch, negatives, epochs, learningRate,
                neighbours, sampleSize, s);
    }

    /** @param h hidden size @return a copy */
    public TrainOptions withHidden(int h) {
        return new TrainOptions(sequenceModel, h, contextDim, batch, negatives, epochs, learningRate, neighbours,
                sampleSize, seed);
    }

    /** @param b batch lanes @return a copy */
    public TrainOptions withBatch(int b) {
        return new TrainOptions(sequenceModel, hidden, contextDim, b, negatives, epochs, learningRate, neighbours,
                sampleSize, seed);
    }

    /** @param on whether to train the sequence model @return a copy */
    public TrainOptions withSequenceModel(boolean on) {
        return new TrainOptions(on, hidden, contextDim, batch, negatives, epochs, learningRate, neighbours,
                sampleSize, seed);
    }

    GruTrainer.Params gruParams() {
        return new GruTrainer.Params(hidden, contextDim, batch, negatives, 0.75, epochs, learningRate, seed);
    }

    SessionKnn.Params knnParams() {
        SessionKnn.Params d = SessionKnn.Params.DEFAULT;
        return new SessionKnn.Params(neighbours, sampleSize, d.positionExponent(), d.idfWeight(), d.neighbourDecay());
    }
}
