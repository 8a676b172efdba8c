package io.retailgen.core.runtime;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import io.retailgen.core.Device;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.spi.InferenceBackend;
import io.retailgen.core.spi.InferenceSession;
import io.retailgen.core.spi.SessionOptions;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The shared half of the ONNX Runtime backends; subclasses only choose the execution provider. */
abstract class OrtBackend implements InferenceBackend {

    /** Adds the execution provider of this backend to the options. */
    abstract void configure(OrtSession.SessionOptions options, Device device) throws OrtException;

    @Override
    public InferenceSession open(byte[] model, Device device, SessionOptions options) {
        if (!isAvailable()) {
            throw new RetailGenException(ErrorCode.BACKEND_UNAVAILABLE,
                    "backend " + name() + " is not available: " + unavailableReason());
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setIntraOpNumThreads(options.intraOpThreads());
            so.setInterOpNumThreads(options.interOpThreads());
            so.setOptimizationLevel(options.optimize()
                    ? OrtSession.SessionOptions.OptLevel.ALL_OPT
                    : OrtSession.SessionOptions.OptLevel.NO_OPT);
            configure(so, device);
            // Also checked here for callers of the backend SPI that bypass OnnxModel; refuses all external data.
            OrtSession session = env.createSession(ExternalTensorData.checked(model, "model", null), so);
            try {
                return new OrtInferenceSession(env, session);
            } catch (RuntimeException e) {
                closeQuietly(session);
                throw e;
            }
        } catch (OrtException e) {
            throw new RetailGenException(ErrorCode.MODEL_LOAD_FAILED,
                    "ONNX Runtime could not load the model on " + device + " (" + name() + "): " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException ignored) {
            // already failing; the first error is the one worth reporting
        }
    }

    /** One ORT session; ORT allows concurrent {@code run} calls on a session. */
    static final class OrtInferenceSession implements InferenceSession {
        private final OrtEnvironment env;
        private final OrtSession session;
        private final List<TensorSpec> inputs;
        private final List<TensorSpec> outputs;

        OrtInferenceSession(OrtEnvironment env, OrtSession session) throws OrtException {
            this.env = env;
            this.session = session;
            this.inputs = specs(session.getInputInfo(), "input");
            this.outputs = specs(session.getOutputInfo(), "output");
        }

        private static List<TensorSpec> specs(Map<String, NodeInfo> infos, String what) {
            List<TensorSpec> out = new ArrayList<>();
            for (NodeInfo n : infos.values()) {
                ValueInfo vi = n.getInfo();
                if (!(vi instanceof TensorInfo ti)) {
                    throw new RetailGenException(ErrorCode.MODEL_LOAD_FAILED, "model " + what + " '" + n.getName()
                            + "' is not a tensor (" + vi + "); only tensor inputs and outputs are supported");
                }
                ElementType type;
                if (ti.type == OnnxJavaType.FLOAT) {
                    type = ElementType.FLOAT;
                } else if (ti.type == OnnxJavaType.INT64) {
                    type = ElementType.INT64;
                } else {
                    throw new RetailGenException(ErrorCode.MODEL_LOAD_FAILED, "model " + what + " '" + n.getName()
                            + "' has element type " + ti.type + "; supported: tensor(float), tensor(int64)");
                }
                out.add(new TensorSpec(n.getName(), type, ti.getShape()));
            }
            return Collections.unmodifiableList(out);
        }

        @Override
        public List<TensorSpec> inputs() {
            return inputs;
        }

        @Override
        public List<TensorSpec> outputs() {
            return outputs;
        }

        @Override
        public Map<String, Tensor> run(Map<String, Tensor> in, Set<String> wanted) {
            return runWith(in, wanted, null, null);
        }

        @Override
        public Map<String, Tensor> run(Map<String, Tensor> in, Set<String> wanted, Duration timeout) {
            long millis = Math.max(1, timeout.toMillis());
            try (RunDeadline deadline = RunDeadline.start(millis)) {
                return runWith(in, wanted, deadline.options(), deadline);
            } catch (OrtException e) {
                throw new RetailGenException(ErrorCode.INFERENCE_FAILED, "ONNX Runtime failed: " + e.getMessage(), e);
            }
        }

        private Map<String, Tensor> runWith(Map<String, Tensor> in, Set<String> wanted, OrtSession.RunOptions ro,
                RunDeadline deadline) {
            Map<String, OnnxTensor> feed = new LinkedHashMap<>();
            try {
                for (Map.Entry<String, Tensor> e : in.entrySet()) {
                    feed.put(e.getKey(), toOrt(e.getValue()));
                }
                try (OrtSession.Result result = ro == null ? session.run(feed, wanted) : session.run(feed, wanted, ro)) {
                    NativeResources.opened(1);
                    try {
                        Map<String, Tensor> out = new LinkedHashMap<>();
                        for (Map.Entry<String, OnnxValue> e : result) {
                            out.put(e.getKey(), fromOrt(e.getKey(), e.getValue()));
                        }
                        return out;
                    } finally {
                        NativeResources.closed(1);
                    }
                }
            } catch (OrtException e) {
                if (deadline != null && deadline.fired()) {
                    throw new RetailGenException(ErrorCode.DEADLINE_EXCEEDED, "the model run exceeded its deadline of "
                            + deadline.millis() + " ms and was cancelled", e);
                }
                throw new RetailGenException(ErrorCode.INFERENCE_FAILED, "ONNX Runtime failed: " + e.getMessage(), e);
            } finally {
                for (OnnxTensor t : feed.values()) {
                    t.close();
                    NativeResources.closed(1);
                }
            }
        }

        private OnnxTensor toOrt(Tensor t) throws OrtException {
            OnnxTensor o = t.type() == ElementType.FLOAT
                    ? OnnxTensor.createTensor(env, t.floatBuffer(), t.shape())
                    : OnnxTensor.createTensor(env, t.longBuffer(), t.shape());
            NativeResources.opened(1);
            return o;
        }

        private static Tensor fromOrt(String name, OnnxValue v) {
            if (!(v instanceof OnnxTensor t)) {
                throw new RetailGenException(ErrorCode.INFERENCE_FAILED, "output '" + name + "' is not a tensor");
            }
            long[] shape = t.getInfo().getShape();
            if (t.getInfo().type == OnnxJavaType.FLOAT) {
                FloatBuffer b = t.getFloatBuffer();
                float[] data = new float[b.remaining()];
                b.get(data);
                return Tensor.adoptFloats(data, shape);
            }
            if (t.getInfo().type == OnnxJavaType.INT64) {
                LongBuffer b = t.getLongBuffer();
                long[] data = new long[b.remaining()];
                b.get(data);
                return Tensor.adoptLongs(data, shape);
            }
            throw new RetailGenException(ErrorCode.INFERENCE_FAILED,
                    "output '" + name + "' has unsupported element type " + t.getInfo().type);
        }

        @Override
        public void close() {
            try {
                session.close();
            } catch (OrtException e) {
                throw new RetailGenException(ErrorCode.INFERENCE_FAILED, "closing the ONNX Runtime session failed", e);
            }
        }
    }
}
