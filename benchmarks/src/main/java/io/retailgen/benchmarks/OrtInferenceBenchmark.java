package io.retailgen.benchmarks;

import io.retailgen.core.onnx.GraphValue;
import io.retailgen.core.onnx.GruOutputs;
import io.retailgen.core.onnx.GruWeights;
import io.retailgen.core.onnx.OnnxGraphBuilder;
import io.retailgen.core.runtime.ElementType;
import io.retailgen.core.runtime.OnnxModel;
import io.retailgen.core.runtime.Tensor;
import io.retailgen.core.spi.SessionOptions;
import java.util.Map;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one ONNX Runtime call through {@link OnnxModel} on the CPU, for the two graph shapes the SDK serves most:
 * a small MLP (64 -> 128 -> 64, ReLU, softmax) and one GRU step of a session recommender (item embedding 64, hidden
 * 100: the GRU4Rec default size), at batch 1 and 64. Weights are random; latency does not depend on their values.
 * Each call includes the SDK's input validation and the copies between Java arrays and native tensors.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OrtInferenceBenchmark {
    static final int MLP_IN = 64;
    static final int MLP_HIDDEN = 128;
    static final int MLP_OUT = 64;
    static final int GRU_IN = 64;
    static final int GRU_HIDDEN = 100;

    @Param({"1", "64"})
    int batch;

    private OnnxModel mlp;
    private OnnxModel gru;
    private Map<String, Tensor> mlpFeed;
    private Map<String, Tensor> gruFeed;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(7);
        SessionOptions single = new SessionOptions(1, 1, true);
        mlp = OnnxModel.builder().model(mlpGraph(rnd)).name("bench-mlp").backend("onnxruntime-cpu")
                .options(single).build();
        gru = OnnxModel.builder().model(gruStepGraph(rnd)).name("bench-gru").backend("onnxruntime-cpu")
                .options(single).build();
        mlpFeed = Map.of("x", Tensor.ofFloats(random(rnd, batch * MLP_IN), batch, MLP_IN));
        gruFeed = Map.of("x", Tensor.ofFloats(random(rnd, batch * GRU_IN), batch, GRU_IN),
                "h", Tensor.ofFloats(random(rnd, batch * GRU_HIDDEN), batch, GRU_HIDDEN));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        mlp.close();
        gru.close();
    }

    @Benchmark
    public Map<String, Tensor> mlp() {
        return mlp.run(mlpFeed);
    }

    @Benchmark
    public Map<String, Tensor> gruStep() {
        return gru.run(gruFeed);
    }

    static float[] random(SplittableRandom rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextDouble(-0.5, 0.5);
        }
        return a;
    }

    static byte[] mlpGraph(SplittableRandom rnd) {
        OnnxGraphBuilder g = OnnxGraphBuilder.create("bench_mlp");
        GraphValue x = g.input("x", ElementType.FLOAT, -1, MLP_IN);
        GraphValue w1 = g.constant("w1", random(rnd, MLP_HIDDEN * MLP_IN), MLP_HIDDEN, MLP_IN);
        GraphValue b1 = g.constant("b1", random(rnd, MLP_HIDDEN), MLP_HIDDEN);
        GraphValue w2 = g.constant("w2", random(rnd, MLP_OUT * MLP_HIDDEN), MLP_OUT, MLP_HIDDEN);
        GraphValue b2 = g.constant("b2", random(rnd, MLP_OUT), MLP_OUT);
        GraphValue h = g.relu(g.gemm(x, w1, b1, 1f, 1f, false, true));
        g.output(g.softmax(g.gemm(h, w2, b2, 1f, 1f, false, true), 1), "y");
        return g.toBytes();
    }

    static byte[] gruStepGraph(SplittableRandom rnd) {
        OnnxGraphBuilder g = OnnxGraphBuilder.create("bench_gru_step");
        GraphValue x = g.input("x", ElementType.FLOAT, -1, GRU_IN);
        GraphValue h = g.input("h", ElementType.FLOAT, -1, GRU_HIDDEN);
        GruWeights weights = GruWeights.fromPyTorch(GRU_IN, GRU_HIDDEN, random(rnd, 3 * GRU_HIDDEN * GRU_IN),
                random(rnd, 3 * GRU_HIDDEN * GRU_HIDDEN), random(rnd, 3 * GRU_HIDDEN), random(rnd, 3 * GRU_HIDDEN));
        GruOutputs out = g.gru("gru", g.unsqueeze(x, 0), weights, g.unsqueeze(h, 0));
        g.output(g.squeeze(out.lastHidden(), 0), "h_next");
        return g.toBytes();
    }
}
