package io.retailgen.benchmarks.governance;

import io.retailgen.governance.privacy.DpSgd;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step of {@link DpSgdTrainer} (784-128-10 perceptron) on Fashion-MNIST at batch size 256, non-private
 * ({@code private=false}) and DP-SGD ({@code private=true}: ghost clipping to norm 1, noise multiplier 1.1). The
 * ratio of the two scores is the cost of privacy per step. Needs {@code shared/data/images/fashion-mnist} (set
 * {@code -Dretailgen.shared.data}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DpSgdStepBenchmark {

    /** Batch size of the benchmark (and of {@link DpSgdTraining}'s default). */
    static final int BATCH = 256;
    static final int HIDDEN = 128;

    @Param({"false", "true"})
    public boolean dpsgd;

    private FashionMnist data;
    private DpSgdTrainer model;
    private DpSgd dp;
    private int[][] batches;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        data = FashionMnist.load(true);
        model = new DpSgdTrainer(784, HIDDEN, 10, 1);
        dp = new DpSgd(1.0, 1.1, new SplittableRandom(2));
        batches = DpSgdTraining.batches(data.x().length, BATCH, new SplittableRandom(3));
    }

    @Benchmark
    public double step() {
        int[] batch = batches[next];
        next = next + 1 == batches.length ? 0 : next + 1;
        return dpsgd ? model.privateStep(data.x(), data.y(), batch, 0.05, dp)
                : model.step(data.x(), data.y(), batch, 0.05);
    }
}
