package io.retailgen.recommend;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.GradientCollector;
import io.retailgen.core.Device;
import io.retailgen.core.train.TrainingListener;
import io.retailgen.core.train.TrainingProgress;
import io.retailgen.governance.privacy.DpSgd;
import io.retailgen.training.TrainingEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the same GRU4Rec-style model as {@link GruTrainer} with DP-SGD, one session being one example. Each step
 * Poisson-samples sessions, and computes every sampled session's gradient at once with per-session copies of the
 * weights: the sessions of a chunk run as lanes, lane {@code b} reads and writes only copy {@code b} of each weight,
 * so the gradient of copy {@code b} is exactly session {@code b}'s gradient (the summed loss of its next-click
 * predictions). The gradients are clipped to {@link PrivateTraining#clipNorm()}, summed, noised with
 * {@link DpSgd#noisyAverage} and applied with the run's optimizer. As in {@link GruTrainer} the hidden state is
 * carried from click to click without back-propagation through time. Not thread-safe; one per training run.
 */
final class DpGruTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(DpGruTrainer.class);
    /** Sessions per chunk: sampled sessions are sorted by length and padded per chunk of this many. */
    static final int CHUNK_LANES = 64;

    /** The outcome: the trained weights and the privacy spent. */
    record Result(GruTrainer.Result gru, TrainingPrivacy privacy) {
    }

    private final GruTrainer.Params p;
    private final PrivateTraining dp;
    private final int threads;
    private final Device device;
    private final TrainingListener listener;

    DpGruTrainer(GruTrainer.Params params, PrivateTraining dp, int threads, Device device, TrainingListener listener) {
        this.p = params;
        this.dp = dp;
        this.threads = threads;
        this.device = device;
        this.listener = listener;
    }

    Result train(SessionLog log) {
        PrivacyPlan plan = PrivacyPlan.of(dp, log.sessionCount(), p.epochs());
        LOG.info("DP-SGD plan: noise multiplier {}, sampling rate {}, {} steps, epsilon {} at delta {}",
                fmt(plan.noiseMultiplier()), fmt(plan.samplingRate()), plan.steps(), fmt(plan.epsilon()),
                fmt(plan.delta()));
        TrainingEngine engine = GruTrainer.engine(p, threads, device);
        int cd = p.contextDim() > 0 && log.hasContext() ? p.contextDim() : 0;
        int n = log.vocab.size();
        int h = p.hidden();
        SplittableRandom rnd = new SplittableRandom(p.seed());
        SplittableRandom sampling = rnd.split();
        DpSgd noise = new DpSgd(dp.clipNorm(), plan.noiseMultiplier(), rnd.split());
        try (NDManager m = engine.newManager()) {
            Engine djl = engine.djlEngine();
            GruTrainer.Weights ws = GruTrainer.Weights.init(m, n, h, cd, new SplittableRandom(p.seed()), false);
            GruTrainer.Updater updater = new GruTrainer.Updater(m, p, ws.all());
            long stepsPerEpoch = Math.max(1, Math.round(1 / plan.samplingRate()));
            TrainingProgress progress = TrainingProgress.of(listener);
            progress.start(p.epochs(), (int) Math.min(Integer.MAX_VALUE, stepsPerEpoch));
            long t0 = System.nanoTime();
            long events = 0;
            double lossSum = 0;
            long lossEvents = 0;
            for (long step = 1; step <= plan.steps(); step++) {
                int[] batch = poissonSample(log, plan.samplingRate(), sampling);
                float[][] sums = new float[ws.all().size()][];
                double stepLoss = 0;
                int stepEvents = 0;
                for (int from = 0; from < batch.length; from += CHUNK_LANES) {
                    int[] chunk = Arrays.copyOfRange(batch, from, Math.min(batch.length, from + CHUNK_LANES));
                    ChunkOutcome c = clippedSum(m, djl, ws, log, chunk, cd);
                    for (int i = 0; i < sums.length; i++) {
                        sums[i] = sums[i] == null ? c.sums[i] : add(sums[i], c.sums[i]);
                    }
                    stepLoss += c.loss;
                    stepEvents += c.events;
                }
                for (int i = 0; i < sums.length; i++) {
                    NDArray w = ws.all().get(i);
                    float[] g = sums[i] == null ? new float[(int) w.size()] : sums[i];
                    noise.noisyAverage(g, dp.sessionsPerStep());
                    try (NDArray ga = m.create(g, w.getShape())) {
                        updater.update(i, w, ga);
                    }
                }
                events += stepEvents;
                lossSum += stepLoss;
                lossEvents += stepEvents;
                progress.step((float) (stepEvents == 0 ? 0 : stepLoss / stepEvents), stepEvents);
                if (step % stepsPerEpoch == 0 || step == plan.steps()) {
                    LOG.info("DP-SGD step {}/{}: loss {} per click", step, plan.steps(),
                            fmt(lossEvents == 0 ? Double.NaN : lossSum / lossEvents));
                    lossSum = 0;
                    lossEvents = 0;
                    progress.endEpoch();
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            progress.end();
            TrainingPrivacy privacy = new TrainingPrivacy(plan.epsilon(), plan.delta(), plan.noiseMultiplier(),
                    plan.samplingRate(), plan.steps(), dp.clipNorm());
            double last = lossEvents == 0 ? Double.NaN : lossSum / lossEvents;
            return new Result(new GruTrainer.Result(ws.toData(n, h, cd), events, seconds, last), privacy);
        }
    }

    /** The clipped gradient sum of one chunk of sessions, per weight, with its summed loss and click count. */
    private record ChunkOutcome(float[][] sums, double loss, int events) {
    }

    /**
     * Runs the sessions of {@code chunk} as lanes against per-lane copies of the weights and returns the sum of their
     * clipped gradients.
     */
    ChunkOutcome clippedSum(NDManager m, Engine djl, GruTrainer.Weights ws, SessionLog log, int[] chunk, int cd) {
        int lanes = chunk.length;
        int h = p.hidden();
        int steps = 0;
        int[] len = new int[lanes];
        for (int b = 0; b < lanes; b++) {
            len[b] = Math.min(log.length(chunk[b]), dp.maxSessionLength()) - 1;
            steps = Math.max(steps, len[b]);
        }
        long[] input = new long[lanes * steps];
        long[] target = new long[lanes * steps];
        long[] device = new long[lanes * steps];
        long[] hour = new long[lanes * steps];
        float[] mask = new float[lanes * steps];
        int events = 0;
        for (int b = 0; b < lanes; b++) {
            int s0 = log.start[chunk[b]];
            for (int t = 0; t < len[b]; t++) {
                int at = t * lanes + b;
                input[at] = log.items[s0 + t];
                target[b * steps + t] = log.items[s0 + t + 1];
                device[at] = log.deviceSlots[s0 + t];
                hour[at] = log.hourSlots[s0 + t];
                mask[b * steps + t] = 1;
                events++;
            }
        }
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            List<NDArray> copies = new ArrayList<>();
            for (NDArray w : ws.all()) {
                NDArray c = w.expandDims(0).repeat(0, lanes);
                c.setRequiresGradient(true);
                copies.add(c);
            }
            NDArray emb = copies.get(0);
            NDArray outBias = copies.get(1);
            int k = 2;
            NDArray devTable = cd > 0 ? copies.get(k++) : null;
            NDArray hourTable = cd > 0 ? copies.get(k++) : null;
            NDArray wIh = copies.get(k++);
            NDArray wHh = copies.get(k++);
            NDArray bIh = copies.get(k++);
            NDArray bHh = copies.get(k);
            float loss;
            try (GradientCollector gc = djl.newGradientCollector()) {
                NDArray x = rows(m, emb, input, lanes, steps, h);
                if (cd > 0) {
                    x = NDArrays3.concat(x, rows(m, devTable, device, lanes, steps, cd),
                            rows(m, hourTable, hour, lanes, steps, cd));
                }
                NDArray hPrev = m.zeros(new Shape(lanes, h));
                NDList outputs = new NDList(steps);
                for (int t = 0; t < steps; t++) {
                    NDArray xt = x.get(t);
                    NDArray gi = wIh.batchMatMul(xt.expandDims(2)).squeeze(2).add(bIh);
                    NDArray gh = wHh.batchMatMul(hPrev.expandDims(2)).squeeze(2).add(bHh);
                    NDArray hNew = GruTrainer.gates(gi, gh, hPrev);
                    NDArray hOut = p.dropout() > 0 ? Dropout.dropout(hNew, p.dropout(), true).singletonOrThrow()
                            : hNew;
                    outputs.add(hOut);
                    hPrev = hNew.stopGradient();
                }
                // the item scores of all steps in one product, so that each lane's embedding gradient is formed once
                NDArray logits = NDArrays.stack(outputs, 1).batchMatMul(emb.transpose(0, 2, 1))
                        .add(outBias.expandDims(1));
                NDArray l = logits.logSoftmax(2).gather(m.create(target, new Shape(lanes, steps, 1)), 2)
                        .mul(m.create(mask, new Shape(lanes, steps, 1))).sum().neg();
                gc.backward(l);
                loss = l.getFloat();
            }
            // per-lane norms in one pass over each gradient, and the clipped sum as one product factor^T * g
            NDArray squares = null;
            List<NDArray> grads = new ArrayList<>();
            for (NDArray c : copies) {
                NDArray g = c.getGradient().reshape(lanes, -1);
                grads.add(g);
                NDArray norm = g.norm(new int[] {1});
                NDArray sq = norm.mul(norm);
                squares = squares == null ? sq : squares.add(sq);
            }
            NDArray factor = squares.sqrt().maximum(1e-12f).pow(-1).mul((float) dp.clipNorm()).minimum(1f)
                    .reshape(1, lanes);
            float[][] sums = new float[grads.size()][];
            for (int i = 0; i < grads.size(); i++) {
                sums[i] = factor.matMul(grads.get(i)).toFloatArray();
            }
            return new ChunkOutcome(sums, loss, events);
        }
    }

    /**
     * Each lane's rows of its own copy of a table: {@code table} is {@code (lanes, rows, width)}, {@code index} holds
     * {@code steps * lanes} row numbers (step-major); the result is {@code (steps, lanes, width)}.
     */
    private static NDArray rows(NDManager m, NDArray table, long[] index, int lanes, int steps, int width) {
        long[] wide = new long[lanes * steps * width];
        for (int b = 0; b < lanes; b++) {
            for (int t = 0; t < steps; t++) {
                Arrays.fill(wide, (b * steps + t) * width, (b * steps + t + 1) * width, index[t * lanes + b]);
            }
        }
        NDArray picked = table.gather(m.create(wide, new Shape(lanes, steps, width)), 1);
        return picked.transpose(1, 0, 2);
    }

    /** Poisson sampling: each session with two or more clicks joins with probability {@code q}; sorted by length. */
    static int[] poissonSample(SessionLog log, double q, SplittableRandom random) {
        int[] picked = new int[16];
        int count = 0;
        for (int s = 0; s < log.sessionCount(); s++) {
            if (random.nextDouble() < q && log.length(s) >= 2) {
                if (count == picked.length) {
                    picked = Arrays.copyOf(picked, count * 2);
                }
                picked[count++] = s;
            }
        }
        Integer[] boxed = new Integer[count];
        for (int i = 0; i < count; i++) {
            boxed[i] = picked[i];
        }
        Arrays.sort(boxed, (a, b) -> Integer.compare(log.length(b), log.length(a)));
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    private static float[] add(float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
