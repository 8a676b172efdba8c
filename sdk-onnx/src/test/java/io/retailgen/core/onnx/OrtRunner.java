package io.retailgen.core.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Runs exported models in ONNX Runtime for the tests, closing every tensor, result and session. */
final class OrtRunner {

    /** Absolute tolerance for values of magnitude up to 1, relative tolerance above. */
    static final double TOLERANCE = 1e-5;

    /** A tensor read back from ONNX Runtime. */
    record Out(long[] shape, float[] floats, long[] longs) {
    }

    /** A tensor fed to ONNX Runtime. */
    record Feed(String name, long[] shape, float[] floats, long[] longs) {
        static Feed of(String name, float[] data, long... shape) {
            return new Feed(name, shape, data, null);
        }

        static Feed of(String name, long[] data, long... shape) {
            return new Feed(name, shape, null, data);
        }
    }

    private OrtRunner() {
    }

    static Map<String, Out> run(byte[] model, Feed... feeds) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        List<OnnxTensor> tensors = new ArrayList<>();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(model, options)) {
                Map<String, OnnxTensor> in = new LinkedHashMap<>();
                for (Feed f : feeds) {
                    OnnxTensor t = f.floats() != null
                            ? OnnxTensor.createTensor(env, FloatBuffer.wrap(f.floats()), f.shape())
                            : OnnxTensor.createTensor(env, LongBuffer.wrap(f.longs()), f.shape());
                    tensors.add(t);
                    in.put(f.name(), t);
                }
                Map<String, Out> outs = new LinkedHashMap<>();
                try (OrtSession.Result result = session.run(in)) {
                    for (Map.Entry<String, ai.onnxruntime.OnnxValue> e : result) {
                        OnnxTensor t = (OnnxTensor) e.getValue();
                        long[] shape = t.getInfo().getShape();
                        if (t.getInfo().type == ai.onnxruntime.OnnxJavaType.FLOAT) {
                            FloatBuffer fb = t.getFloatBuffer();
                            float[] data = new float[fb.remaining()];
                            fb.get(data);
                            outs.put(e.getKey(), new Out(shape, data, null));
                        } else {
                            LongBuffer lb = t.getLongBuffer();
                            long[] data = new long[lb.remaining()];
                            lb.get(data);
                            outs.put(e.getKey(), new Out(shape, null, data));
                        }
                    }
                }
                return outs;
            }
        } catch (OrtException e) {
            throw new AssertionError("ONNX Runtime failed: " + e.getMessage(), e);
        } finally {
            tensors.forEach(OnnxTensor::close);
        }
    }

    static void assertClose(String what, float[] actual, float[] expected) {
        assertThat(actual).as(what + " length").hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            double e = expected[i];
            double a = actual[i];
            double tol = TOLERANCE * Math.max(1.0, Math.abs(e));
            if (!(Math.abs(a - e) <= tol)) {
                fail(what + "[" + i + "]: ONNX Runtime gave " + a + ", DJL/PyTorch gave " + e + " (|diff| "
                        + Math.abs(a - e) + " > " + tol + ")\nactual   " + Arrays.toString(actual) + "\nexpected "
                        + Arrays.toString(expected));
            }
        }
    }

    static float[] uniform(SplittableRandom rnd, int n, double lo, double hi) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextDouble(lo, hi);
        }
        return a;
    }
}
