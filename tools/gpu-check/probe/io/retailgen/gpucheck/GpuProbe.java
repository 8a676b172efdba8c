package io.retailgen.gpucheck;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.core.Device;
import io.retailgen.core.onnx.GraphValue;
import io.retailgen.core.onnx.OnnxGraphBuilder;
import io.retailgen.core.runtime.ElementType;
import io.retailgen.core.runtime.OnnxModel;
import io.retailgen.core.runtime.Tensor;
import io.retailgen.training.TrainingEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Runs the SDK's CUDA paths on the machine it is started on and writes what happened as JSON: an ONNX model through
 * {@link OnnxModel} on {@code cuda:0} (compared with the same model on the CPU), and the DJL training engine on
 * {@code cuda:0} (a matrix product compared with the CPU). Every step is reported, failures included; the exit code
 * is 0 whenever the report was written.
 *
 * <p>Usage: {@code java -cp ... io.retailgen.gpucheck.GpuProbe REPORT.json [djl]}; the second argument runs the DJL
 * part (only when a matching libtorch was found, see run.sh).
 */
public final class GpuProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 256;
    private static final int IN = 512;
    private static final int OUT = 256;
    private static final int TIMED_RUNS = 50;

    private GpuProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: GpuProbe REPORT.json [djl]");
            System.exit(2);
        }
        ObjectNode report = JSON.createObjectNode();
        report.put("java_version", System.getProperty("java.version"));
        report.put("java_vm", System.getProperty("java.vm.name"));
        report.put("onnxruntime_native_path", System.getProperty("onnxruntime.native.path"));
        report.set("onnx", onnx());
        boolean runDjl = args.length > 1 && args[1].equals("djl");
        report.set("djl", runDjl ? djl() : skipped("no libtorch matching the SDK's PyTorch was found (see env)"));
        Files.writeString(Path.of(args[0]), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    }

    /** relu(x W + b) with fixed random weights: big enough that a GPU run is measurable, small enough to upload. */
    private static byte[] model(SplittableRandom rnd) {
        OnnxGraphBuilder g = OnnxGraphBuilder.create("gpu_check");
        GraphValue x = g.input("x", ElementType.FLOAT, BATCH, IN);
        GraphValue w = g.constant("w", randoms(rnd, IN * OUT), IN, OUT);
        GraphValue b = g.constant("b", randoms(rnd, OUT), OUT);
        g.output(g.relu(g.add(g.matMul(x, w), b)), "y");
        return g.toBytes();
    }

    private static ObjectNode onnx() {
        ObjectNode n = JSON.createObjectNode();
        SplittableRandom rnd = new SplittableRandom(7);
        byte[] onnx = model(rnd);
        Tensor x = Tensor.ofFloats(randoms(rnd, BATCH * IN), BATCH, IN);
        float[] cpu;
        try (OnnxModel m = OnnxModel.builder().name("gpu-check-cpu").model(onnx).device(Device.cpu()).build()) {
            cpu = m.run(Map.of("x", x)).get("y").toFloatArray();
            n.set("cpu", timing(m, x));
        } catch (RuntimeException | Error e) {
            n.set("cpu", failure(e));
            return n;
        }
        ObjectNode cuda = JSON.createObjectNode();
        try (OnnxModel m = OnnxModel.builder().name("gpu-check-cuda").model(onnx).device(Device.parse("cuda:0"))
                .build()) {
            cuda.put("backend", m.selection().backend().name());
            cuda.put("device", String.valueOf(m.selection().device()));
            cuda.put("fell_back_to_cpu", m.selection().fellBack());
            cuda.put("fallback_reason", m.selection().fallback());
            float[] y = m.run(Map.of("x", x)).get("y").toFloatArray();
            cuda.put("max_abs_diff_vs_cpu", maxAbsDiff(cpu, y));
            cuda.setAll(timing(m, x));
            cuda.put("ran_on_cuda", !m.selection().fellBack() && m.selection().device().isGpu());
        } catch (RuntimeException | Error e) {
            cuda.setAll(failure(e));
            cuda.put("ran_on_cuda", false);
        }
        n.set("cuda", cuda);
        ObjectNode strict = JSON.createObjectNode();
        try (OnnxModel m = OnnxModel.builder().name("gpu-check-strict").model(onnx).device(Device.cuda(0))
                .strict(true).build()) {
            strict.put("started", true);
            strict.put("backend", m.selection().backend().name());
        } catch (RuntimeException | Error e) {
            strict.put("started", false);
            strict.setAll(failure(e));
        }
        n.set("cuda_strict", strict);
        return n;
    }

    private static ObjectNode djl() {
        ObjectNode n = JSON.createObjectNode();
        TrainingEngine.Probe probe = TrainingEngine.probe();
        n.put("probe", probe.summary());
        n.put("usable_gpus", probe.usableGpus());
        if (!probe.available()) {
            n.put("ran_on_cuda", false);
            return n;
        }
        try {
            TrainingEngine engine = TrainingEngine.builder().seed(7).device(Device.cuda(0)).build();
            n.put("engine", engine.describe());
            n.put("device", String.valueOf(engine.djlDevice()));
            SplittableRandom rnd = new SplittableRandom(11);
            float[] a = randoms(rnd, 64 * 128);
            float[] b = randoms(rnd, 128 * 32);
            try (NDManager gpu = NDManager.newBaseManager(engine.djlDevice());
                    NDManager cpu = NDManager.newBaseManager(ai.djl.Device.cpu())) {
                NDArray g = gpu.create(a, new ai.djl.ndarray.types.Shape(64, 128))
                        .matMul(gpu.create(b, new ai.djl.ndarray.types.Shape(128, 32)));
                NDArray c = cpu.create(a, new ai.djl.ndarray.types.Shape(64, 128))
                        .matMul(cpu.create(b, new ai.djl.ndarray.types.Shape(128, 32)));
                n.put("result_device", String.valueOf(g.getDevice()));
                n.put("max_abs_diff_vs_cpu", maxAbsDiff(c.toFloatArray(), g.toDevice(ai.djl.Device.cpu(), true)
                        .toFloatArray()));
                n.put("ran_on_cuda", g.getDevice().isGpu());
            }
        } catch (RuntimeException | Error e) {
            n.setAll(failure(e));
            n.put("ran_on_cuda", false);
        }
        return n;
    }

    private static ObjectNode timing(OnnxModel m, Tensor x) {
        ObjectNode t = JSON.createObjectNode();
        for (int i = 0; i < 5; i++) {
            m.run(Map.of("x", x));
        }
        long start = System.nanoTime();
        for (int i = 0; i < TIMED_RUNS; i++) {
            m.run(Map.of("x", x));
        }
        t.put("runs", TIMED_RUNS);
        t.put("ms_per_run", (System.nanoTime() - start) / 1e6 / TIMED_RUNS);
        t.put("batch", BATCH);
        return t;
    }

    private static ObjectNode skipped(String why) {
        ObjectNode n = JSON.createObjectNode();
        n.put("skipped", why);
        n.put("ran_on_cuda", false);
        return n;
    }

    private static ObjectNode failure(Throwable e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("error", e.getClass().getName() + ": " + e.getMessage());
        Throwable cause = e.getCause();
        if (cause != null) {
            n.put("cause", cause.getClass().getName() + ": " + cause.getMessage());
        }
        return n;
    }

    private static float[] randoms(SplittableRandom rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rnd.nextDouble() * 2 - 1) * 0.1f;
        }
        return v;
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        return a.length != b.length ? Double.POSITIVE_INFINITY
                : IntStream.range(0, a.length).mapToDouble(i -> Math.abs(a[i] - b[i])).max().orElse(0);
    }
}
