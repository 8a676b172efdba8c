package io.retailgen.benchmarks.governance;

import io.retailgen.core.util.Shuffle;
import io.retailgen.governance.privacy.DpSgd;
import io.retailgen.governance.privacy.RdpAccountant;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * Trains the {@link DpSgdStepBenchmark} model on the 60,000 Fashion-MNIST training images twice, non-private and with
 * DP-SGD, for the same number of epochs and batches, alternating the two step by step so that both see the same
 * machine load; prints the CPU time per step of each (the working thread's CPU time, steadier than wall clock on a
 * shared machine), their ratio, the test accuracy of both and the privacy spent (RDP accountant, delta 1e-5).
 *
 * <pre>{@code
 * java -Dretailgen.shared.data=../shared/data -cp benchmarks/target/benchmarks.jar \
 *     io.retailgen.benchmarks.governance.DpSgdTraining [epochs] [batch] [hidden] [noise] [clip] [lr]
 * }</pre>
 */
public final class DpSgdTraining {

    private DpSgdTraining() {
    }

    /**
     * @param args optional epochs (default 5), batch size (256), hidden units (128), noise multiplier (1.1), clip
     *     norm (1.0) and learning rate (0.1)
     * @throws IOException when Fashion-MNIST cannot be read
     */
    public static void main(String[] args) throws IOException {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : DpSgdStepBenchmark.BATCH;
        int hidden = args.length > 2 ? Integer.parseInt(args[2]) : DpSgdStepBenchmark.HIDDEN;
        double noise = args.length > 3 ? Double.parseDouble(args[3]) : 1.1;
        double clip = args.length > 4 ? Double.parseDouble(args[4]) : 1.0;
        double lr = args.length > 5 ? Double.parseDouble(args[5]) : 0.1;
        FashionMnist train = FashionMnist.load(true);
        FashionMnist test = FashionMnist.load(false);
        DpSgdTrainer plain = new DpSgdTrainer(784, hidden, 10, 1);
        DpSgdTrainer priv = new DpSgdTrainer(784, hidden, 10, 1);
        DpSgd dp = new DpSgd(clip, noise, new SplittableRandom(2));
        SplittableRandom r = new SplittableRandom(3);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long plainCpu = 0;
        long privCpu = 0;
        long steps = 0;
        for (int e = 0; e < epochs; e++) {
            for (int[] b : batches(train.x().length, batch, r)) {
                long t0 = mx.getCurrentThreadCpuTime();
                plain.step(train.x(), train.y(), b, lr);
                long t1 = mx.getCurrentThreadCpuTime();
                priv.privateStep(train.x(), train.y(), b, lr, dp);
                long t2 = mx.getCurrentThreadCpuTime();
                if (e > 0 || steps >= 20) { // the first 20 steps warm up the JIT
                    plainCpu += t1 - t0;
                    privCpu += t2 - t1;
                }
                steps++;
            }
            System.out.printf("epoch %d: test accuracy non-private %.4f, DP-SGD %.4f%n", e + 1,
                    plain.accuracy(test.x(), test.y()), priv.accuracy(test.x(), test.y()));
        }
        long measured = steps - 20;
        RdpAccountant.PrivacySpent spent = new RdpAccountant()
                .compose((double) batch / train.x().length, noise, steps).epsilon(1e-5);
        System.out.printf("784-%d-10, batch %d, %d epochs (%d steps), noise %.2f, clip %.2f, lr %.3f%n", hidden, batch,
                epochs, steps, noise, clip, lr);
        System.out.printf("CPU per step: non-private %.2f ms, DP-SGD %.2f ms, ratio %.3f%n",
                plainCpu / 1e6 / measured, privCpu / 1e6 / measured, (double) privCpu / plainCpu);
        System.out.printf("epsilon %.3f at delta 1e-5 (order %.1f)%n", spent.epsilon(), spent.order());
    }

    /** One epoch of shuffled, disjoint batches (the last partial batch dropped). */
    static int[][] batches(int n, int batch, SplittableRandom r) {
        int[] p = Shuffle.permutation(n, r);
        int[][] out = new int[n / batch][];
        for (int b = 0; b < out.length; b++) {
            out[b] = java.util.Arrays.copyOfRange(p, b * batch, (b + 1) * batch);
        }
        return out;
    }
}
