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
 * @param negatives popularity-sampled negatives per mini-batch (beside the in-batch ones), {@code >= 0}; used only
 *     when the catalog has more than {@link #FULL_SOFTMAX_MAX_ITEMS} items (smaller catalogs use the full softmax)
 * @param epochs passes over the data, {@code >= 1}
 * @param optimizer the sequence model's optimizer, not null
 * @param learningRate the optimizer's learning rate, {@code > 0}
 * @param dropout dropout on the GRU output before the item scores, in {@code [0, 1)}
 * @param neighbours session-kNN: neighbours used, {@code >= 1}
 * @param sampleSize session-kNN: most recent candidate sessions considered, {@code >= neighbours}
 * @param seed the random seed: the same seed and data give the same model
 * @param threads PyTorch's intra-op threads while the sequence model trains, {@code >= 1}; 0 for the SDK's default
 *     ({@code TrainingEngine.DEFAULT_THREADS} of sdk-training, unless the application set
 *     {@code -Dai.djl.pytorch.num_threads} or {@code OMP_NUM_THREADS})
 */
public record TrainOptions(boolean sequenceModel, int hidden, int contextDim, int batch, int negatives, int epochs,
        Optimizer optimizer, float learningRate, float dropout, int neighbours, int sampleSize, int seed,
        int threads) {

    /** The sequence model's optimizer. */
    public enum Optimizer {
        /** Adagrad (Duchi et al. 2011): per-weight steps shrink with the weight's squared-gradient sum. */
        ADAGRAD,
        /** Adam (Kingma and Ba 2015). */
        ADAM
    }

    /**
     * Catalogs up to this many items are trained with the full softmax over every item; larger ones with the batch's
     * targets plus {@code negatives} popularity-sampled items.
     */
    public static final int FULL_SOFTMAX_MAX_ITEMS = 20_000;

    /** Validates the ranges. */
    public TrainOptions {
        java.util.Objects.requireNonNull(optimizer, "optimizer == null");
        gruParams(hidden, contextDim, batch, negatives, epochs, optimizer, learningRate, seed, dropout);
        new SessionKnn.Params(neighbours, sampleSize, 2, 1, 1);
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0 (0: the default), was " + threads);
        }
    }

    /** The options with the default thread count; see the record's parameters. */
    public TrainOptions(boolean sequenceModel, int hidden, int contextDim, int batch, int negatives, int epochs,
            Optimizer optimizer, float learningRate, float dropout, int neighbours, int sampleSize, int seed) {
        this(sequenceModel, hidden, contextDim, batch, negatives, epochs, optimizer, learningRate, dropout, neighbours,
                sampleSize, seed, 0);
    }

    /** @return the options tuned on the YooChoose sample */
    public static TrainOptions defaults() {
        return new TrainOptions(true, 64, 8, 128, 1024, 12, Optimizer.ADAGRAD, 0.07f, 0.5f, 100, 1000, 42);
    }

    /** @param e epochs @return a copy */
    public TrainOptions withEpochs(int e) {
        return new TrainOptions(sequenceModel, hidden, contextDim, batch, negatives, e,
                optimizer, learningRate, dropout, neighbours, sampleSize, seed, threads);
    }

    /** @param s seed @return a copy */
    public TrainOptions withSeed(int s) {
        return new TrainOptions(sequenceModel, hidden, contextDim, batch, negatives, epochs,
                optimizer, learningRate, dropout, neighbours, sampleSize, s, threads);
    }

    /** @param h hidden size @return a copy */
    public TrainOptions withHidden(int h) {
        return new TrainOptions(sequenceModel, h, contextDim, batch, negatives, epochs,
                optimizer, learningRate, dropout, neighbours, sampleSize, seed, threads);
    }

    /** @param b batch lanes @return a copy */
    public TrainOptions withBatch(int b) {
        return new TrainOptions(sequenceModel, hidden, contextDim, b, negatives, epochs,
                optimizer, learningRate, dropout, neighbours, sampleSize, seed, threads);
    }

    /** @param on whether to train the sequence model @return a copy */
    public TrainOptions withSequenceModel(boolean on) {
        return new TrainOptions(on, hidden, contextDim, batch, negatives, epochs,
                optimizer, learningRate, dropout, neighbours, sampleSize, seed, threads);
    }

    /** @param d dropout in {@code [0, 1)} @return a copy */
    public TrainOptions withDropout(float d) {
        return new TrainOptions(sequenceModel, hidden, contextDim, batch, negatives, epochs,
                optimizer, learningRate, d, neighbours, sampleSize, seed, threads);
    }

    /**
     * @param k session-kNN neighbours used, {@code >= 1}
     * @param sample session-kNN candidate sessions considered, {@code >= k}
     * @return a copy
     */
    public TrainOptions withSessionKnn(int k, int sample) {
        return new TrainOptions(sequenceModel, hidden, contextDim, batch, negatives, epochs,
                optimizer, learningRate, dropout, k, sample, seed, threads);
    }

    /** @param lr learning rate @return a copy */
    public TrainOptions withLearningRate(float lr) {
        return new TrainOptions(sequenceModel, hidden, contextDim, batch, negatives, epochs,
                optimizer, lr, dropout, neighbours, sampleSize, seed, threads);
    }

    /** @param o the sequence model's optimizer @param lr its learning rate @return a copy */
    public TrainOptions withOptimizer(Optimizer o, float lr) {
        return new TrainOptions(sequenceModel, hidden, contextDim, batch, negatives, epochs, o, lr, dropout,
                neighbours, sampleSize, seed, threads);
    }

    /** @param t PyTorch's intra-op threads while the sequence model trains, {@code >= 1} @return a copy */
    public TrainOptions withThreads(int t) {
        if (t < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + t);
        }
        return new TrainOptions(sequenceModel, hidden, contextDim, batch, negatives, epochs, optimizer, learningRate,
                dropout, neighbours, sampleSize, seed, t);
    }

    GruTrainer.Params gruParams() {
        return gruParams(hidden, contextDim, batch, negatives, epochs, optimizer, learningRate, seed, dropout);
    }

    private static GruTrainer.Params gruParams(int hidden, int contextDim, int batch, int negatives, int epochs,
            Optimizer optimizer, float learningRate, int seed, float dropout) {
        return new GruTrainer.Params(hidden, contextDim, batch, negatives, 0.75, epochs, learningRate, seed, dropout,
                FULL_SOFTMAX_MAX_ITEMS, optimizer == Optimizer.ADAGRAD);
    }

    SessionKnn.Params knnParams() {
        SessionKnn.Params d = SessionKnn.Params.DEFAULT;
        return new SessionKnn.Params(neighbours, sampleSize, d.positionExponent(), d.idfWeight(), d.neighbourDecay());
    }
}
