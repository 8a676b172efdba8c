package io.retailgen.benchmarks.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.retailgen.core.util.Shuffle;
import io.retailgen.governance.privacy.DpSgd;
import io.retailgen.testing.SharedData;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class DpSgdTrainerTest {

    private static final int INPUTS = 20;
    private static final int HIDDEN = 12;
    private static final int CLASSES = 4;

    private static float[][] features(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[n][INPUTS];
        for (float[] row : x) {
            for (int i = 0; i < INPUTS; i++) {
                row[i] = (float) r.nextDouble(-1, 1);
            }
        }
        return x;
    }

    private static int[] labels(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(CLASSES);
        }
        return y;
    }

    private static double norm(float[] g) {
        double s = 0;
        for (float v : g) {
            s += (double) v * v;
        }
        return Math.sqrt(s);
    }

    @Test
    void privateStepWithoutNoiseAndWithAHugeClipNormIsThePlainStep() {
        float[][] x = features(64, 1);
        int[] y = labels(64, 2);
        DpSgdTrainer plain = new DpSgdTrainer(INPUTS, HIDDEN, CLASSES, 3);
        DpSgdTrainer priv = new DpSgdTrainer(INPUTS, HIDDEN, CLASSES, 3);
        DpSgd dp = new DpSgd(1e30, 0, new SplittableRandom(4));
        SplittableRandom r = new SplittableRandom(5);
        for (int step = 0; step < 20; step++) {
            int[] batch = r.ints(16, 0, 64).toArray();
            double a = plain.step(x, y, batch, 0.1);
            double b = priv.privateStep(x, y, batch, 0.1, dp);
            assertThat(b).isEqualTo(a);
            assertThat(priv.parameters()).containsExactly(plain.parameters());
        }
    }

    @Test
    void clippingBoundsEveryExamplesContribution() {
        float[][] x = features(32, 6);
        for (float[] row : x) {
            for (int i = 0; i < INPUTS; i++) {
                row[i] *= 5; // large inputs: most gradients exceed the bound
            }
        }
        int[] y = labels(32, 7);
        DpSgdTrainer model = new DpSgdTrainer(INPUTS, HIDDEN, CLASSES, 8);
        double clip = 0.5;
        int d = model.parameterCount();
        int clipped = 0;
        for (int e = 0; e < x.length; e++) {
            float[] raw = new float[d];
            float[] bounded = new float[d];
            model.gradientSum(x, y, new int[] {e}, Double.POSITIVE_INFINITY, false, raw);
            model.gradientSum(x, y, new int[] {e}, clip, true, bounded);
            double rawNorm = norm(raw);
            assertThat(norm(bounded)).isLessThanOrEqualTo(clip * (1 + 1e-5));
            // clipping only rescales: same direction, factor min(1, clip / |g|)
            double factor = Math.min(1, clip / rawNorm);
            for (int i = 0; i < d; i++) {
                assertThat((double) bounded[i]).isCloseTo(raw[i] * factor, within(1e-6 + 1e-4 * Math.abs(raw[i])));
            }
            if (rawNorm > clip) {
                clipped++;
            }
        }
        assertThat(clipped).isGreaterThan(x.length / 2);
        // replacing one example of a batch moves the clipped sum by at most 2 * clip (the sensitivity)
        int[] batch = {0, 1, 2, 3, 4, 5, 6, 7};
        int[] neighbour = {0, 1, 2, 3, 4, 5, 6, 31};
        float[] a = new float[d];
        float[] b = new float[d];
        model.gradientSum(x, y, batch, clip, true, a);
        model.gradientSum(x, y, neighbour, clip, true, b);
        assertThat(norm(a)).isLessThanOrEqualTo(batch.length * clip * (1 + 1e-5));
        float[] diff = new float[d];
        for (int i = 0; i < d; i++) {
            diff[i] = a[i] - b[i];
        }
        assertThat(norm(diff)).isLessThanOrEqualTo(2 * clip * (1 + 1e-5));
    }

    @Test
    void perExampleGradientsMatchFiniteDifferences() {
        float[][] x = features(8, 9);
        int[] y = labels(8, 10);
        DpSgdTrainer model = new DpSgdTrainer(INPUTS, HIDDEN, CLASSES, 11);
        float[] params = model.parameters();
        SplittableRandom r = new SplittableRandom(12);
        int checked = 0;
        for (int e = 0; e < x.length; e++) {
            float[] g = new float[params.length];
            model.gradientSum(x, y, new int[] {e}, Double.POSITIVE_INFINITY, false, g);
            for (int k = 0; k < 40; k++) {
                int i = r.nextInt(params.length);
                float saved = params[i];
                float eps = 1e-2f;
                params[i] = saved + eps;
                double up = model.loss(x[e], y[e]);
                params[i] = saved - eps;
                double down = model.loss(x[e], y[e]);
                params[i] = saved;
                double numeric = (up - down) / (2 * eps);
                assertThat((double) g[i]).as("parameter %d of example %d", i, e)
                        .isCloseTo(numeric, within(2e-3 + 0.02 * Math.abs(numeric)));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(320);
    }

    /** Fashion-MNIST t10k images scaled to [0, 1], or a skipped test when the shared data is absent. */
    private static float[][] images(Path file, int count) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
            assertThat(in.readInt()).isEqualTo(0x803);
            int n = Math.min(in.readInt(), count);
            int pixels = in.readInt() * in.readInt();
            float[][] x = new float[n][pixels];
            byte[] buf = new byte[pixels];
            for (int e = 0; e < n; e++) {
                in.readFully(buf);
                for (int i = 0; i < pixels; i++) {
                    x[e][i] = (buf[i] & 0xff) / 255f;
                }
            }
            return x;
        }
    }

    private static int[] labelsOf(Path file, int count) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
            assertThat(in.readInt()).isEqualTo(0x801);
            int n = Math.min(in.readInt(), count);
            int[] y = new int[n];
            for (int e = 0; e < n; e++) {
                y[e] = in.readUnsignedByte();
            }
            return y;
        }
    }

    @Test
    void bothStepsLearnFashionMnist() throws IOException {
        Path images = SharedData.require("images/fashion-mnist/t10k-images-idx3-ubyte.gz");
        Path labels = SharedData.require("images/fashion-mnist/t10k-labels-idx1-ubyte.gz");
        float[][] x = images(images, 10_000);
        int[] y = labelsOf(labels, 10_000);
        int train = 8_000;
        float[][] trainX = java.util.Arrays.copyOf(x, train);
        int[] trainY = java.util.Arrays.copyOf(y, train);
        float[][] testX = java.util.Arrays.copyOfRange(x, train, x.length);
        int[] testY = java.util.Arrays.copyOfRange(y, train, y.length);
        DpSgdTrainer plain = new DpSgdTrainer(784, 32, 10, 1);
        DpSgdTrainer priv = new DpSgdTrainer(784, 32, 10, 1);
        DpSgd dp = new DpSgd(1.0, 1.1, new SplittableRandom(2));
        SplittableRandom r = new SplittableRandom(3);
        int batch = 128;
        for (int epoch = 0; epoch < 2; epoch++) {
            int[] order = Shuffle.permutation(train, r);
            for (int s = 0; s + batch <= train; s += batch) {
                int[] idx = java.util.Arrays.copyOfRange(order, s, s + batch);
                plain.step(trainX, trainY, idx, 0.1);
                priv.privateStep(trainX, trainY, idx, 0.1, dp);
            }
        }
        // ten classes: chance is 0.1
        assertThat(plain.accuracy(testX, testY)).isGreaterThan(0.7);
        assertThat(priv.accuracy(testX, testY)).isGreaterThan(0.5);
    }
}
