package io.retailgen.recommend;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.retailgen.core.Device;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.training.TrainingEngine;
import io.retailgen.core.train.TrainingListener;
import io.retailgen.core.train.TrainingProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the GRU4Rec-style model with DJL on session-parallel mini-batches: {@code batch} lanes each walk through
 * one session at a time; a lane whose session ends takes the next one and its hidden state is reset. The loss is
 * cross-entropy of the true next item against the other targets of the batch plus items sampled by popularity
 * (or against the whole catalog when it is smaller than that candidate set). Item embeddings are shared by input
 * and output. Not thread-safe; one trainer per training run.
 */
final class GruTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(GruTrainer.class);
    /** Start value of Adagrad's squared-gradient sums: keeps the first division finite (GRU4Rec uses 1e-6). */
    static final float ADAGRAD_EPSILON = 1e-6f;
    /** The momentum of {@link RecommendTrainer.Optimizer#SGD_MOMENTUM}. */
    static final float SGD_MOMENTUM = 0.9f;

    /** Hyper-parameters. */
    record Params(int hidden, int contextDim, int batch, int negatives, double sampleAlpha, int epochs,
            float learningRate, long seed, float dropout, int fullSoftmaxItems, RecommendTrainer.Optimizer optimizer) {

        Params(int hidden, int contextDim, int batch, int negatives, double sampleAlpha, int epochs,
                float learningRate, long seed) {
            this(hidden, contextDim, batch, negatives, sampleAlpha, epochs, learningRate, seed, 0f, 0,
                    RecommendTrainer.Optimizer.ADAM);
        }

        /** @return whether the optimizer is Adagrad */
        boolean adagrad() {
            return optimizer == RecommendTrainer.Optimizer.ADAGRAD;
        }

        Params {
            if (hidden < 1 || batch < 1 || negatives < 0 || epochs < 1 || contextDim < 0) {
                throw new IllegalArgumentException("invalid GRU parameters: hidden " + hidden + ", batch " + batch
                        + ", negatives " + negatives + ", epochs " + epochs + ", contextDim " + contextDim);
            }
            if (!(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("dropout must be in [0, 1), was " + dropout);
            }
            java.util.Objects.requireNonNull(optimizer, "optimizer == null");
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("learningRate must be > 0, was " + learningRate);
            }
        }
    }

    /** The outcome: weights, events seen and time taken. */
    record Result(GruWeightsData weights, long events, double seconds, double finalLoss) {
    }

    private final Params p;
    private final TrainingListener listener;
    private final int threads;
    private final Device device;

    GruTrainer(Params params, TrainingListener listener) {
        this(params, 0, Device.cpu(), listener);
    }

    /**
     * @param threads PyTorch's intra-op threads, or 0 for the training engine's default
     * @param device the device to train on
     */
    GruTrainer(Params params, int threads, Device device, TrainingListener listener) {
        this.p = params;
        this.threads = threads;
        this.device = device;
        this.listener = listener;
    }

    /** The trainable weights, in a fixed order ({@link #all()}); the context tables are null without context. */
    record Weights(NDArray emb, NDArray outBias, NDArray dev, NDArray hour, NDArray wIh, NDArray wHh, NDArray bIh,
            NDArray bHh, List<NDArray> all) {

        /** Initializes the weights as GRU4Rec does, drawing from {@code rnd} in a fixed order. */
        static Weights init(NDManager m, int n, int h, int cd, SplittableRandom rnd, boolean gradients) {
            List<NDArray> params = new ArrayList<>();
            int in = h + 2 * cd;
            NDArray emb = param(m, params, uniform(rnd, n * h, 1.0 / Math.sqrt(h)), n, h);
            NDArray outBias = param(m, params, new float[n], n);
            NDArray dev = cd > 0 ? param(m, params, uniform(rnd, GruWeightsData.DEVICE_SLOTS * cd, 0.1),
                    GruWeightsData.DEVICE_SLOTS, cd) : null;
            NDArray hour = cd > 0 ? param(m, params, uniform(rnd, GruWeightsData.HOUR_SLOTS * cd, 0.1),
                    GruWeightsData.HOUR_SLOTS, cd) : null;
            double bound = 1.0 / Math.sqrt(h);
            NDArray wIh = param(m, params, uniform(rnd, 3 * h * in, bound), 3 * h, in);
            NDArray wHh = param(m, params, uniform(rnd, 3 * h * h, bound), 3 * h, h);
            NDArray bIh = param(m, params, uniform(rnd, 3 * h, bound), 3 * h);
            NDArray bHh = param(m, params, uniform(rnd, 3 * h, bound), 3 * h);
            for (NDArray a : params) {
                a.setRequiresGradient(gradients);
            }
            return new Weights(emb, outBias, dev, hour, wIh, wHh, bIh, bHh, List.copyOf(params));
        }

        /** The weights of {@code d} as arrays of the training layout. */
        static Weights of(NDManager m, GruWeightsData d, boolean gradients) {
            List<NDArray> params = new ArrayList<>();
            int cd = d.contextDim;
            int in = d.hidden + 2 * cd;
            NDArray emb = param(m, params, d.embedding, d.items, d.hidden);
            NDArray outBias = param(m, params, d.outBias, d.items);
            NDArray dev = cd > 0 ? param(m, params, d.deviceEmb, GruWeightsData.DEVICE_SLOTS, cd) : null;
            NDArray hour = cd > 0 ? param(m, params, d.hourEmb, GruWeightsData.HOUR_SLOTS, cd) : null;
            NDArray wIh = param(m, params, d.wIh, 3 * d.hidden, in);
            NDArray wHh = param(m, params, d.wHh, 3 * d.hidden, d.hidden);
            NDArray bIh = param(m, params, d.bIh, 3 * d.hidden);
            NDArray bHh = param(m, params, d.bHh, 3 * d.hidden);
            for (NDArray a : params) {
                a.setRequiresGradient(gradients);
            }
            return new Weights(emb, outBias, dev, hour, wIh, wHh, bIh, bHh, List.copyOf(params));
        }

        GruWeightsData toData(int n, int h, int cd) {
            return new GruWeightsData(n, h, cd, emb.toFloatArray(), outBias.toFloatArray(),
                    dev == null ? new float[0] : dev.toFloatArray(), hour == null ? new float[0] : hour.toFloatArray(),
                    wIh.toFloatArray(), wHh.toFloatArray(), bIh.toFloatArray(), bHh.toFloatArray());
        }
    }

    /** Applies one optimizer step to every weight, with the gradients given in the order of {@link Weights#all()}. */
    static final class Updater {
        private final Params p;
        private final Optimizer adam;
        /** Adagrad's squared-gradient sums, or the momentum SGD's velocities; one per weight. */
        private final List<NDArray> state = new ArrayList<>();

        Updater(NDManager m, Params p, List<NDArray> weights) {
            this.p = p;
            this.adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(p.learningRate())).build();
            // DJL's Adagrad needs sparse gradients that the PyTorch engine lacks: a dense one is written here
            if (p.optimizer() != RecommendTrainer.Optimizer.ADAM) {
                float start = p.adagrad() ? ADAGRAD_EPSILON : 0f;
                for (NDArray w : weights) {
                    state.add(m.full(w.getShape(), start));
                }
            }
        }

        /** Updates weight {@code i} with gradient {@code g}, which it may overwrite. */
        void update(int i, NDArray w, NDArray g) {
            if (p.optimizer() == RecommendTrainer.Optimizer.SGD_MOMENTUM) {
                // v = momentum * v + g, w -= lr * v (heavy ball, as PyTorch's SGD without dampening)
                NDArray v = state.get(i);
                v.muli(SGD_MOMENTUM).addi(g);
                try (NDArray step = v.mul(p.learningRate())) {
                    w.subi(step);
                }
            } else if (p.adagrad()) {
                // w -= lr * g / sqrt(acc), acc += g^2 (acc starts at ADAGRAD_EPSILON); g is scaled in place:
                // two temporaries, not three
                NDArray acc = state.get(i);
                try (NDArray g2 = g.square()) {
                    acc.addi(g2);
                }
                try (NDArray root = acc.sqrt()) {
                    w.subi(g.divi(root).muli(p.learningRate()));
                }
            } else {
                adam.update("p" + i, w, g);
            }
        }
    }

    /** Starts the training engine with the run's seed, threads and device. */
    static TrainingEngine engine(Params p, int threads, Device device) {
        try {
            TrainingEngine.Builder b = TrainingEngine.builder().seed(Long.hashCode(p.seed())).device(device);
            return (threads > 0 ? b.threads(threads) : b).build();
        } catch (RuntimeException e) {
            throw new RetailGenException(ErrorCode.ENGINE_UNAVAILABLE, "cannot start the PyTorch engine for the"
                    + " sequence model: " + e.getMessage(), e);
        }
    }

    Result train(SessionLog log) {
        return train(log, null, 0f);
    }

    /**
     * Trains from {@code start} (or from a seeded random start when null), optionally with FedProx's proximal term
     * {@code mu / 2 * |w - start|^2} added to the loss (Li et al. 2020), which keeps a store's local training near
     * the global model.
     */
    Result train(SessionLog log, GruWeightsData start, float proximalMu) {
        TrainingEngine engine = engine(p, threads, device);
        boolean useContext = p.contextDim() > 0 && log.hasContext();
        int cd = start != null ? start.contextDim : useContext ? p.contextDim() : 0;
        int n = log.vocab.size();
        int h = p.hidden();
        SplittableRandom rnd = new SplittableRandom(p.seed());
        try (NDManager m = engine.newManager()) {
            Engine djl = engine.djlEngine();
            // the weight updates below run in place outside the gradient collector, which restores the grad mode it
            // found: PyTorch starts every thread with grad mode on, and only the thread that started the engine had
            // it switched off, so switch it off here for whichever thread trains
            ai.djl.pytorch.jni.JniUtils.setGradMode(false);
            Weights ws = start == null ? Weights.init(m, n, h, cd, rnd, true) : Weights.of(m, start, true);
            List<NDArray> params = ws.all();
            List<NDArray> anchors = start == null || proximalMu <= 0 ? List.of() : Weights.of(m, start, false).all();
            NDArray emb = ws.emb();
            NDArray outBias = ws.outBias();
            NDArray dev = ws.dev();
            NDArray hour = ws.hour();
            NDArray wIh = ws.wIh();
            NDArray wHh = ws.wHh();
            NDArray bIh = ws.bIh();
            NDArray bHh = ws.bHh();
            Updater updater = new Updater(m, p, params);

            float[] cumulative = samplingTable(log, p.sampleAlpha());
            int[] order = new int[log.sessionCount()];
            int ns = 0;
            for (int s = 0; s < log.sessionCount(); s++) {
                if (log.length(s) >= 2) {
                    order[ns++] = s;
                }
            }
            if (ns == 0) {
                return new Result(ws.toData(n, h, cd), 0, 0, Double.NaN);
            }
            int lanes = Math.min(p.batch(), Math.max(1, ns));
            boolean full = n <= lanes + p.negatives() || n <= p.fullSoftmaxItems();
            long stepsPerEpoch = Math.max(1, (log.eventCount() - ns) / lanes);
            TrainingProgress progress = TrainingProgress.of(listener);
            progress.start(p.epochs(), (int) Math.min(Integer.MAX_VALUE, stepsPerEpoch));
            long t0 = System.nanoTime();
            long totalEvents = 0;
            long totalSteps = 0;
            double lastLoss = Double.NaN;
            for (int epoch = 1; epoch <= p.epochs(); epoch++) {
                long e0 = System.nanoTime();
                int[] laneSession = new int[lanes];
                int[] lanePos = new int[lanes];
                int next = 0;
                for (int l = 0; l < lanes; l++) {
                    laneSession[l] = order[next];
                    lanePos[l] = log.start[order[next]];
                    next++;
                }
                float[] hidden = new float[lanes * h];
                long[] inIdx = new long[lanes];
                long[] devIdx = new long[lanes];
                long[] hourIdx = new long[lanes];
                long[] tgt = new long[lanes];
                double lossSum = 0;
                long steps = 0;
                long events = 0;
                boolean running = true;
                while (running) {
                    for (int l = 0; l < lanes; l++) {
                        int pos = lanePos[l];
                        inIdx[l] = log.items[pos];
                        devIdx[l] = log.deviceSlots[pos];
                        hourIdx[l] = log.hourSlots[pos];
                        tgt[l] = log.items[pos + 1];
                    }
                    long[] cand;
                    if (full) {
                        cand = null;
                    } else {
                        cand = new long[lanes + p.negatives()];
                        System.arraycopy(tgt, 0, cand, 0, lanes);
                        for (int i = 0; i < p.negatives(); i++) {
                            cand[lanes + i] = sample(cumulative, rnd);
                        }
                    }
                    float loss;
                    try (NDScope scope = new NDScope()) {
                        scope.suppressNotUsedWarning();
                        try (GradientCollector gc = djl.newGradientCollector()) {
                            NDArray x = emb.get(m.create(inIdx));
                            if (cd > 0) {
                                x = NDArrays3.concat(x, dev.get(m.create(devIdx)), hour.get(m.create(hourIdx)));
                            }
                            NDArray hPrev = m.create(hidden, new Shape(lanes, h));
                            NDArray hNew = step(x, hPrev, wIh, wHh, bIh, bHh);
                            NDArray hOut = p.dropout() > 0
                                    ? Dropout.dropout(hNew, p.dropout(), true).singletonOrThrow() : hNew;
                            NDArray logits;
                            NDArray pick;
                            // Linear.linear is one fused matrix product plus bias (addmm in PyTorch)
                            if (full) {
                                logits = Linear.linear(hOut, emb, outBias).singletonOrThrow();
                                pick = m.create(tgt, new Shape(lanes, 1));
                            } else {
                                NDArray c = m.create(cand);
                                logits = Linear.linear(hOut, emb.get(c), outBias.get(c)).singletonOrThrow();
                                pick = m.arange(0, lanes, 1, DataType.INT64).reshape(lanes, 1);
                            }
                            NDArray l = logits.logSoftmax(1).gather(pick, 1).sum().neg().div(lanes);
                            gc.backward(l);
                            loss = l.getFloat();
                            float[] hn = hNew.toFloatArray();
                            System.arraycopy(hn, 0, hidden, 0, hn.length);
                        }
                    }
                    for (int i = 0; i < params.size(); i++) {
                        NDArray w = params.get(i);
                        try (NDArray g = w.getGradient()) {
                            if (proximalMu > 0 && !anchors.isEmpty()) {
                                try (NDArray pull = w.sub(anchors.get(i))) {
                                    g.addi(pull.muli(proximalMu));
                                }
                            }
                            updater.update(i, w, g);   // may scale g in place: it is zeroed next anyway
                            g.subi(g);
                        }
                    }
                    progress.step(loss, lanes);
                    lossSum += loss;
                    steps++;
                    events += lanes;
                    for (int l = 0; l < lanes; l++) {
                        lanePos[l]++;
                        if (lanePos[l] + 1 >= log.start[laneSession[l] + 1]) {
                            if (next >= ns) {
                                running = false;
                                break;
                            }
                            laneSession[l] = order[next];
                            lanePos[l] = log.start[order[next]];
                            next++;
                            java.util.Arrays.fill(hidden, l * h, (l + 1) * h, 0f);
                        }
                    }
                }
                double secs = (System.nanoTime() - e0) / 1e9;
                lastLoss = steps == 0 ? Double.NaN : lossSum / steps;
                totalEvents += events;
                totalSteps += steps;
                LOG.info("GRU epoch {}/{}: loss {} over {} events in {} s ({} events/s)", epoch, p.epochs(),
                        String.format("%.4f", lastLoss), events, String.format("%.1f", secs),
                        Math.round(events / Math.max(secs, 1e-9)));
                progress.endEpoch();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            progress.end();
            GruWeightsData w = ws.toData(n, h, cd);
            return new Result(w, totalEvents, seconds, lastLoss);
        }
    }

    /** One GRU step in PyTorch's formulation (gates r, z, n; the reset gate applied after the recurrent product). */
    static NDArray step(NDArray x, NDArray hPrev, NDArray wIh, NDArray wHh, NDArray bIh, NDArray bHh) {
        return gates(x.matMul(wIh.transpose()).add(bIh), hPrev.matMul(wHh.transpose()).add(bHh), hPrev);
    }

    /**
     * The GRU's gates from the input and recurrent products (each {@code (batch, 3 * hidden)}, biases added).
     */
    static NDArray gates(NDArray inputProduct, NDArray recurrentProduct, NDArray hPrev) {
        NDList gi = inputProduct.split(3, 1);
        NDList gh = recurrentProduct.split(3, 1);
        NDArray r = Activation.sigmoid(gi.get(0).add(gh.get(0)));
        NDArray z = Activation.sigmoid(gi.get(1).add(gh.get(1)));
        NDArray nn = gi.get(2).add(r.mul(gh.get(2))).tanh();
        return nn.add(z.mul(hPrev.sub(nn)));
    }

    private static NDArray param(NDManager m, List<NDArray> params, float[] init, long... shape) {
        NDArray a = m.create(init, new Shape(shape));
        params.add(a);
        return a;
    }

    private static float[] uniform(SplittableRandom r, int size, double bound) {
        float[] a = new float[size];
        for (int i = 0; i < size; i++) {
            a[i] = (float) ((r.nextDouble() * 2 - 1) * bound);
        }
        return a;
    }

    static float[] samplingTable(SessionLog log, double alpha) {
        double[] c = new double[log.vocab.size()];
        for (int it : log.items) {
            c[it] += 1;
        }
        float[] cum = new float[c.length];
        double s = 0;
        for (int i = 0; i < c.length; i++) {
            s += Math.pow(c[i], alpha);
            cum[i] = (float) s;
        }
        for (int i = 0; i < c.length; i++) {
            cum[i] /= (float) s;
        }
        return cum;
    }

    private static long sample(float[] cum, SplittableRandom r) {
        float u = (float) r.nextDouble();
        int lo = 0;
        int hi = cum.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

}
