package io.retailgen.recommend;

/**
 * The trained weights of the sequence model as plain arrays (PyTorch layout, gates {@code r, z, n}), and a
 * reference forward step in Java used where no ONNX session is wanted (tuning) and to cross-check the export.
 * Immutable after construction.
 */
final class GruWeightsData {

    final int items;
    final int hidden;
    final int contextDim;
    /** Item embeddings, shared by input and output: {@code [items, hidden]}. */
    final float[] embedding;
    /** Output bias per item: {@code [items]}. */
    final float[] outBias;
    /** Device and hour embeddings ({@code [6, contextDim]}, {@code [25, contextDim]}), empty without context. */
    final float[] deviceEmb;
    final float[] hourEmb;
    final float[] wIh;
    final float[] wHh;
    final float[] bIh;
    final float[] bHh;

    GruWeightsData(int items, int hidden, int contextDim, float[] embedding, float[] outBias, float[] deviceEmb,
            float[] hourEmb, float[] wIh, float[] wHh, float[] bIh, float[] bHh) {
        this.items = items;
        this.hidden = hidden;
        this.contextDim = contextDim;
        this.embedding = embedding;
        this.outBias = outBias;
        this.deviceEmb = deviceEmb;
        this.hourEmb = hourEmb;
        this.wIh = wIh;
        this.wHh = wHh;
        this.bIh = bIh;
        this.bHh = bHh;
    }

    /**
     * A stand-in for models trained without a sequence model: hidden size 1, all GRU weights zero, item bias
     * {@code log(1 + clicks)}, so the step graph scores items by popularity.
     */
    static GruWeightsData popularityOnly(SessionLog log) {
        int n = log.vocab.size();
        float[] bias = new float[n];
        for (int it : log.items) {
            bias[it] += 1f;
        }
        for (int i = 0; i < n; i++) {
            bias[i] = (float) Math.log1p(bias[i]);
        }
        return new GruWeightsData(n, 1, 0, new float[n], bias, new float[0], new float[0], new float[3],
                new float[3], new float[3], new float[3]);
    }

    /** @return every weight in one vector, in the order embedding, bias, device, hour, wIh, wHh, bIh, bHh */
    float[] flatten() {
        float[][] parts = {embedding, outBias, deviceEmb, hourEmb, wIh, wHh, bIh, bHh};
        int size = 0;
        for (float[] a : parts) {
            size += a.length;
        }
        float[] out = new float[size];
        int at = 0;
        for (float[] a : parts) {
            System.arraycopy(a, 0, out, at, a.length);
            at += a.length;
        }
        return out;
    }

    /** The inverse of {@link #flatten()} for the given shape. */
    static GruWeightsData unflatten(float[] flat, int items, int hidden, int contextDim) {
        int in = hidden + 2 * contextDim;
        int[] sizes = {items * hidden, items, contextDim > 0 ? DEVICE_SLOTS * contextDim : 0,
            contextDim > 0 ? HOUR_SLOTS * contextDim : 0, 3 * hidden * in, 3 * hidden * hidden, 3 * hidden, 3 * hidden};
        float[][] parts = new float[sizes.length][];
        int at = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (at + sizes[i] > flat.length) {
                throw new IllegalArgumentException("weight vector of " + flat.length + " values is too short for "
                        + items + " items, hidden " + hidden + ", context " + contextDim);
            }
            parts[i] = java.util.Arrays.copyOfRange(flat, at, at + sizes[i]);
            at += sizes[i];
        }
        if (at != flat.length) {
            throw new IllegalArgumentException("weight vector has " + flat.length + " values, expected " + at);
        }
        return new GruWeightsData(items, hidden, contextDim, parts[0], parts[1], parts[2], parts[3], parts[4],
                parts[5], parts[6], parts[7]);
    }

    int inputSize() {
        return hidden + 2 * contextDim;
    }

    static final int DEVICE_SLOTS = EventContext.KNOWN_DEVICES.length + 2;
    static final int HOUR_SLOTS = 25;

    /** One GRU step for one session: returns the new hidden state. */
    float[] step(int item, int deviceSlot, int hourSlot, float[] h) {
        int in = inputSize();
        float[] x = new float[in];
        System.arraycopy(embedding, item * hidden, x, 0, hidden);
        if (contextDim > 0) {
            System.arraycopy(deviceEmb, deviceSlot * contextDim, x, hidden, contextDim);
            System.arraycopy(hourEmb, hourSlot * contextDim, x, hidden + contextDim, contextDim);
        }
        int hs = hidden;
        float[] out = new float[hs];
        for (int j = 0; j < hs; j++) {
            double ir = bIh[j];
            double iz = bIh[hs + j];
            double in2 = bIh[2 * hs + j];
            double hr = bHh[j];
            double hz = bHh[hs + j];
            double hn = bHh[2 * hs + j];
            int rr = j * in;
            int rz = (hs + j) * in;
            int rn = (2 * hs + j) * in;
            for (int c = 0; c < in; c++) {
                ir += wIh[rr + c] * x[c];
                iz += wIh[rz + c] * x[c];
                in2 += wIh[rn + c] * x[c];
            }
            int qr = j * hs;
            int qz = (hs + j) * hs;
            int qn = (2 * hs + j) * hs;
            for (int c = 0; c < hs; c++) {
                hr += wHh[qr + c] * h[c];
                hz += wHh[qz + c] * h[c];
                hn += wHh[qn + c] * h[c];
            }
            double r = sigmoid(ir + hr);
            double z = sigmoid(iz + hz);
            double n = Math.tanh(in2 + r * hn);
            out[j] = (float) ((1 - z) * n + z * h[j]);
        }
        return out;
    }

    /** Adds the softmax probability of every item given hidden state {@code h}, times {@code weight}, to {@code out}. */
    void addProbabilities(float[] h, float weight, Scores out) {
        float[] logits = logits(h);
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        for (int i = 0; i < items; i++) {
            out.add(i, (float) (weight * Math.exp(logits[i] - max) / sum));
        }
    }

    float[] logits(float[] h) {
        float[] l = new float[items];
        for (int i = 0; i < items; i++) {
            double s = outBias[i];
            int o = i * hidden;
            for (int c = 0; c < hidden; c++) {
                s += embedding[o + c] * h[c];
            }
            l[i] = (float) s;
        }
        return l;
    }

    private static double sigmoid(double v) {
        return 1.0 / (1.0 + Math.exp(-v));
    }
}
