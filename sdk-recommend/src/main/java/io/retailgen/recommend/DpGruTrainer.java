package io.retailgen.recommend;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
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
 * Poisson-samples sessions and computes the sum of their gradients, each clipped as a whole to
 * {@link PrivateTraining#clipNorm()}, without forming any session's gradient: the norms come from click-by-click Gram
 * matrices and the clipped sum from one product per weight (see {@link #clippedSum}). The sum is noised with
 * {@link DpSgd#noisyAverage} and applied with the run's optimizer. As in {@link GruTrainer} the hidden state is
 * carried from click to click without back-propagation through time. Not thread-safe; one per training run.
 */
final class DpGruTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(DpGruTrainer.class);
    /**
     * Padded clicks per chunk: sampled sessions are sorted by length (longest first) and run in chunks of as many
     * sessions as fit this many clicks, padded to the chunk's longest session.
     */
    static final int CHUNK_CLICKS = 2048;

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
            IterateAverage average = dp.averagingDecay() > 0 ? new IterateAverage(dp.averagingDecay()) : null;
            long stepsPerEpoch = Math.max(1, Math.round(1 / plan.samplingRate()));
            // q * sessions: sessionsPerStep unless it exceeds the sessions (then every session takes part)
            int expectedBatch = (int) Math.max(1, Math.round(plan.samplingRate() * log.sessionCount()));
            TrainingProgress progress = TrainingProgress.of(listener);
            progress.start(p.epochs(), (int) Math.min(Integer.MAX_VALUE, stepsPerEpoch));
            long t0 = System.nanoTime();
            long events = 0;
            double lossSum = 0;
            long lossEvents = 0;
            int epoch = 1;
            for (long step = 1; step <= plan.steps(); step++) {
                int[] batch = poissonSample(log, plan.samplingRate(), sampling);
                float[][] sums = new float[ws.all().size()][];
                double stepLoss = 0;
                int stepEvents = 0;
                for (int from = 0; from < batch.length; ) {
                    int to = chunkEnd(log, batch, from);
                    int[] chunk = Arrays.copyOfRange(batch, from, to);
                    from = to;
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
                    noise.noisyAverage(g, expectedBatch);
                    try (NDArray ga = m.create(g, w.getShape())) {
                        updater.update(i, w, ga);
                    }
                }
                if (average != null) {
                    average.add(ws.all());
                }
                events += stepEvents;
                lossSum += stepLoss;
                lossEvents += stepEvents;
                progress.step((float) (stepEvents == 0 ? 0 : stepLoss / stepEvents), stepEvents);
                // epoch e ends after ceil(e / q) steps, so the last one ends exactly at the planned step count
                if (step >= (long) Math.ceil(epoch / plan.samplingRate()) || step == plan.steps()) {
                    epoch++;
                    LOG.info("DP-SGD step {}/{}: loss {} per click", step, plan.steps(),
                            fmt(lossEvents == 0 ? Double.NaN : lossSum / lossEvents));
                    lossSum = 0;
                    lossEvents = 0;
                    progress.endEpoch();
                }
            }
            if (average != null) {
                average.copyInto(ws.all());
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            progress.end();
            TrainingPrivacy privacy = new TrainingPrivacy(plan.epsilon(), plan.delta(), plan.noiseMultiplier(),
                    plan.samplingRate(), plan.steps(), dp.clipNorm(), PrivacyPlan.CONVERSION);
            double last = lossEvents == 0 ? Double.NaN : lossSum / lossEvents;
            return new Result(new GruTrainer.Result(ws.toData(n, h, cd), events, seconds, last), privacy);
        }
    }

    /** The clipped gradient sum of one chunk of sessions, per weight, with its summed loss and click count. */
    record ChunkOutcome(float[][] sums, double loss, int events) {
    }

    /**
     * The sum of the clipped gradients of the sessions of {@code chunk} (sorted longest first), with their summed loss
     * and click count. No per-session gradient is ever formed. As the hidden state carries no gradient from click to
     * click, a session's gradient is a sum over its clicks {@code t} of outer products (for the GRU matrices
     * {@code dgi_t x_t^T} and {@code dgh_t hprev_t^T}; for the item table {@code delta_t out_t^T} from the scores
     * plus {@code e(item_t) dx_t^T} from the input; likewise for the context tables), so its squared norm follows
     * from the sessions' small click-by-click Gram matrices: {@code |sum_t a_t b_t^T|^2 = sum_{t,s} (a_t . a_s)
     * (b_t . b_s)} (the ghost-norm identity). The clipped sum is then one product per weight over all clicks, each
     * click's factors scaled by its session's clip factor.
     */
    ChunkOutcome clippedSum(NDManager m, Engine djl, GruTrainer.Weights ws, SessionLog log, int[] chunk, int cd) {
        int lanes = chunk.length;
        int h = p.hidden();
        int n = log.vocab.size();
        int steps = 0;
        int[] len = new int[lanes];
        for (int b = 0; b < lanes; b++) {
            len[b] = Math.min(log.length(chunk[b]), dp.maxSessionLength()) - 1;
            steps = Math.max(steps, len[b]);
        }
        int rows = lanes * steps;
        // lane-major rows: click t of lane b is row b * steps + t; padding rows have mask 0 and item 0
        long[] input = new long[rows];
        long[] target = new long[rows];
        long[] device = new long[rows];
        long[] hour = new long[rows];
        float[] mask = new float[rows];
        int events = 0;
        for (int b = 0; b < lanes; b++) {
            int s0 = log.start[chunk[b]];
            for (int t = 0; t < len[b]; t++) {
                int r = b * steps + t;
                input[r] = log.items[s0 + t];
                target[r] = log.items[s0 + t + 1];
                device[r] = log.deviceSlots[s0 + t];
                hour[r] = log.hourSlots[s0 + t];
                mask[r] = 1;
                events++;
            }
        }
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Shape square = new Shape(lanes, steps, steps);
            NDArray x = ws.emb().get(m.create(input));
            if (cd > 0) {
                x = NDArrays3.concat(x, ws.dev().get(m.create(device)), ws.hour().get(m.create(hour)));
            }
            // forward: the recurrence over clicks with the shared weights, all lanes at once
            NDArray gi = x.matMul(ws.wIh().transpose()).add(ws.bIh());
            NDArray gi3 = gi.reshape(lanes, steps, 3L * h);
            NDArray hPrev = m.zeros(new Shape(lanes, h));
            NDList prevs = new NDList(steps);
            NDList recurrent = new NDList(steps);
            NDList outputs = new NDList(steps);
            for (int t = 0; t < steps; t++) {
                NDArray gh = hPrev.matMul(ws.wHh().transpose()).add(ws.bHh());
                NDArray hNew = GruTrainer.gates(gi3.get(":, " + t), gh, hPrev);
                prevs.add(hPrev);
                recurrent.add(gh);
                outputs.add(hNew);
                hPrev = hNew;
            }
            NDArray hp = NDArrays.stack(prevs, 1).reshape(rows, h);
            NDArray gh = NDArrays.stack(recurrent, 1).reshape(rows, 3L * h);
            NDArray hNew = NDArrays.stack(outputs, 1).reshape(rows, h);
            NDArray keep = p.dropout() > 0 ? m.randomUniform(0f, 1f, new Shape(rows, h)).gte(p.dropout())
                    .toType(DataType.FLOAT32, false).div(1 - p.dropout()) : null;
            NDArray out = keep == null ? hNew : hNew.mul(keep);
            NDArray maskRows = m.create(mask, new Shape(rows, 1));
            NDArray targets = m.create(target);
            NDArray logp = Linear.linear(out, ws.emb(), ws.outBias()).singletonOrThrow().logSoftmax(1);
            float loss = -logp.gather(targets.reshape(rows, 1), 1).mul(maskRows).sum().getFloat();
            // backward, per click: delta = d loss / d scores, then through dropout and the GRU's gates
            NDArray delta = logp.exp().sub(targets.oneHot(n)).mul(maskRows);
            NDArray dOut = delta.matMul(ws.emb());
            NDArray dH = keep == null ? dOut : dOut.mul(keep);
            NDArray giLeaf = gi.duplicate();
            NDArray ghLeaf = gh.duplicate();
            giLeaf.setRequiresGradient(true);
            ghLeaf.setRequiresGradient(true);
            try (GradientCollector gc = djl.newGradientCollector()) {
                gc.backward(GruTrainer.gates(giLeaf, ghLeaf, hp).mul(dH).sum());
            }
            NDArray dGi = giLeaf.getGradient();
            NDArray dGh = ghLeaf.getGradient();
            NDArray dX = dGi.matMul(ws.wIh());
            NDArray dXItem = dX.get(":, 0:" + h);
            // each session's squared gradient norm from its Gram matrices (biases: the "+ 1"), split into the item
            // table with its output bias and the rest (the GRU and the context tables)
            NDArray sqItems = traceProduct(gram(delta, delta, lanes, steps), gram(out, out, lanes, steps).add(1))
                    .add(traceProduct(delta.reshape(lanes, steps, n).gather(m.create(inputsOfLane(input, lanes,
                            steps), square), 2), gram(out, dXItem, lanes, steps)).mul(2))
                    .add(traceProduct(m.create(same(input, lanes, steps), square),
                            gram(dXItem, dXItem, lanes, steps)));
            NDArray sqRest = traceProduct(gram(dGi, dGi, lanes, steps), gram(x, x, lanes, steps).add(1))
                    .add(traceProduct(gram(dGh, dGh, lanes, steps), gram(hp, hp, lanes, steps).add(1)));
            if (cd > 0) {
                NDArray dXDevice = dX.get(":, " + h + ":" + (h + cd));
                NDArray dXHour = dX.get(":, " + (h + cd) + ":");
                sqRest = sqRest.add(traceProduct(m.create(same(device, lanes, steps), square),
                        gram(dXDevice, dXDevice, lanes, steps)))
                        .add(traceProduct(m.create(same(hour, lanes, steps), square),
                                gram(dXHour, dXHour, lanes, steps)));
            }
            double share = dp.itemTableClipShare();
            NDArray itemFactor;
            NDArray restFactor;
            if (share > 0) {
                // per-layer clipping: the item part to clip * sqrt(share), the rest to clip * sqrt(1 - share), so
                // the whole gradient stays within clip
                itemFactor = clipFactors(sqItems, dp.clipNorm() * Math.sqrt(share), lanes, steps);
                restFactor = clipFactors(sqRest, dp.clipNorm() * Math.sqrt(1 - share), lanes, steps);
            } else {
                itemFactor = clipFactors(sqItems.add(sqRest), dp.clipNorm(), lanes, steps);
                restFactor = itemFactor;
            }
            NDArray cOut = out.mul(itemFactor);
            NDArray cGi = dGi.mul(restFactor);
            NDArray cGh = dGh.mul(restFactor);
            NDArray deltaT = delta.transpose();
            float[] embSum = deltaT.matMul(cOut).toFloatArray();
            float[] biasSum = deltaT.matMul(itemFactor).toFloatArray();
            float[] cdX = (share > 0 && cd > 0 ? NDArrays.concat(new NDList(dXItem.mul(itemFactor),
                    dX.get(":, " + h + ":").mul(restFactor)), 1) : dX.mul(itemFactor)).toFloatArray();
            int width = h + 2 * cd;
            scatterRows(embSum, input, cdX, width, 0, h);
            List<float[]> sums = new ArrayList<>();
            sums.add(embSum);
            sums.add(biasSum);
            if (cd > 0) {
                float[] devSum = new float[(int) ws.dev().size()];
                float[] hourSum = new float[(int) ws.hour().size()];
                scatterRows(devSum, device, cdX, width, h, cd);
                scatterRows(hourSum, hour, cdX, width, h + cd, cd);
                sums.add(devSum);
                sums.add(hourSum);
            }
            sums.add(cGi.transpose().matMul(x).toFloatArray());
            sums.add(cGh.transpose().matMul(hp).toFloatArray());
            sums.add(cGi.sum(new int[] {0}).toFloatArray());
            sums.add(cGh.sum(new int[] {0}).toFloatArray());
            return new ChunkOutcome(sums.toArray(new float[0][]), loss, events);
        }
    }

    /** Each lane's clip factor {@code min(1, clip / sqrt(sq))} repeated for its clicks: {@code (lanes * steps, 1)}. */
    private static NDArray clipFactors(NDArray sq, double clip, int lanes, int steps) {
        return sq.maximum(1e-24f).sqrt().pow(-1).mul((float) clip).minimum(1f).reshape(lanes, 1, 1)
                .broadcast(lanes, steps, 1).reshape(lanes * steps, 1);
    }

    /** {@code a_t . b_s} for the clicks {@code t, s} of each lane: {@code (lanes, steps, steps)}. */
    private static NDArray gram(NDArray a, NDArray b, int lanes, int steps) {
        return a.reshape(lanes, steps, -1).batchMatMul(b.reshape(lanes, steps, -1).transpose(0, 2, 1));
    }

    /** {@code sum_{t,s} a[l, t, s] * b[l, t, s]} per lane {@code l}. */
    private static NDArray traceProduct(NDArray a, NDArray b) {
        return a.mul(b).sum(new int[] {1, 2});
    }

    /** {@code [b, t, s] = index[b, s]}: the input row of click {@code s} for every click {@code t} of lane b. */
    private static long[] inputsOfLane(long[] index, int lanes, int steps) {
        long[] out = new long[lanes * steps * steps];
        for (int b = 0; b < lanes; b++) {
            for (int t = 0; t < steps; t++) {
                System.arraycopy(index, b * steps, out, (b * steps + t) * steps, steps);
            }
        }
        return out;
    }

    /** {@code [b, t, s] = 1} where clicks {@code t} and {@code s} of lane b read the same row of a table. */
    private static float[] same(long[] index, int lanes, int steps) {
        float[] out = new float[lanes * steps * steps];
        for (int b = 0; b < lanes; b++) {
            for (int t = 0; t < steps; t++) {
                for (int s = 0; s < steps; s++) {
                    if (index[b * steps + t] == index[b * steps + s]) {
                        out[(b * steps + t) * steps + s] = 1;
                    }
                }
            }
        }
        return out;
    }

    /** Adds columns {@code [from, from + width)} of each row of {@code grads} to row {@code index[r]} of the table. */
    private static void scatterRows(float[] table, long[] index, float[] grads, int rowWidth, int from, int width) {
        for (int r = 0; r < index.length; r++) {
            int to = (int) index[r] * width;
            int at = r * rowWidth + from;
            for (int j = 0; j < width; j++) {
                table[to + j] += grads[at + j];
            }
        }
    }

    /** The end of the chunk that starts at {@code from} in {@code batch}, sorted longest first. */
    private int chunkEnd(SessionLog log, int[] batch, int from) {
        int steps = Math.max(1, Math.min(log.length(batch[from]), dp.maxSessionLength()) - 1);
        int lanes = Math.max(1, CHUNK_CLICKS / steps);
        return Math.min(batch.length, from + lanes);
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
