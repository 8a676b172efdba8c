package io.retailgen.core.runtime;

import io.retailgen.core.Device;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.spi.InferenceSession;
import io.retailgen.core.spi.SessionOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ONNX model loaded into an inference backend (ONNX Runtime on the CPU, or on CUDA with {@code onnxruntime_gpu}).
 *
 * <pre>{@code
 * try (OnnxModel model = OnnxModel.builder().model(Path.of("model.onnx")).device(Device.cuda(0)).build()) {
 *     Tensor x = Tensor.ofFloats(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, 1, 4);
 *     Tensor y = model.run(Map.of("x", x)).get("y");
 * }
 * }</pre>
 *
 * <p>Thread-safe: share one instance across request threads. Inputs are checked against the model's declared names,
 * element types and shapes before they reach the backend, and a mismatch is an {@link IllegalArgumentException} that
 * names the input and what was expected. {@link #close()} waits for runs in flight, is idempotent, and any later call
 * throws {@link IllegalStateException}. No native memory outlives a call.
 */
public final class OnnxModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxModel.class);

    private final String name;
    private final InferenceSession session;
    private final BackendSelection selection;
    private final List<TensorSpec> inputs;
    private final List<TensorSpec> outputs;
    private final Set<String> outputNames;
    private final Duration runTimeout;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closed;

    private OnnxModel(String name, InferenceSession session, BackendSelection selection, Duration runTimeout) {
        this.name = name;
        this.session = session;
        this.selection = selection;
        this.runTimeout = runTimeout;
        this.inputs = List.copyOf(session.inputs());
        this.outputs = List.copyOf(session.outputs());
        Set<String> names = new LinkedHashSet<>();
        for (TensorSpec s : outputs) {
            names.add(s.name());
        }
        this.outputNames = Set.copyOf(names);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads a model file with the default backend choice.
     *
     * @param path an ONNX file
     * @return the loaded model
     */
    public static OnnxModel load(Path path) {
        return builder().model(path).build();
    }

    /** @return the model's name (the file name, or the one given to the builder) */
    public String name() {
        return name;
    }

    /** @return the model's inputs in declaration order */
    public List<TensorSpec> inputs() {
        return inputs;
    }

    /** @return the model's outputs in declaration order */
    public List<TensorSpec> outputs() {
        return outputs;
    }

    /** @return the backend and device this model runs on, and how they were chosen */
    public BackendSelection selection() {
        return selection;
    }

    /** @return the device this model runs on */
    public Device device() {
        return selection.device();
    }

    /**
     * Runs the model and returns every output.
     *
     * @param feed one tensor per model input, by input name
     * @return every output, by name, in declaration order
     */
    public Map<String, Tensor> run(Map<String, Tensor> feed) {
        return run(feed, outputNames);
    }

    /**
     * Runs the model and returns the named outputs, within the builder's {@link Builder#runTimeout run timeout} when
     * one was set.
     *
     * @param feed one tensor per model input, by input name
     * @param wanted output names
     * @return the wanted outputs, by name
     * @throws RetailGenException with {@link ErrorCode#DEADLINE_EXCEEDED} when the run timeout passed
     */
    public Map<String, Tensor> run(Map<String, Tensor> feed, Set<String> wanted) {
        return execute(feed, wanted, runTimeout);
    }

    /**
     * Runs the model and cancels it when it is still running after {@code timeout}: the backend is told to stop
     * (ONNX Runtime's terminate flag), the run fails and its native memory is released.
     *
     * <pre>{@code
     * Map<String, Tensor> out = model.run(feed, Set.of("y"), Duration.ofMillis(200));
     * }</pre>
     *
     * @param feed one tensor per model input, by input name
     * @param wanted output names
     * @param timeout how long the run may take; positive
     * @return the wanted outputs, by name
     * @throws RetailGenException with {@link ErrorCode#DEADLINE_EXCEEDED} when the run was cancelled
     * @throws UnsupportedOperationException when the backend cannot cancel a run
     */
    public Map<String, Tensor> run(Map<String, Tensor> feed, Set<String> wanted, Duration timeout) {
        return execute(feed, wanted, checkTimeout(timeout));
    }

    private Map<String, Tensor> execute(Map<String, Tensor> feed, Set<String> wanted, Duration timeout) {
        Objects.requireNonNull(feed, "inputs == null");
        Objects.requireNonNull(wanted, "outputs == null");
        validate(feed, wanted);
        ReentrantReadWriteLock.ReadLock read = lock.readLock();
        read.lock();
        try {
            ensureOpen();
            if (timeout == null) {
                return Map.copyOf(session.run(feed, wanted));
            }
            try {
                return Map.copyOf(session.run(feed, wanted, timeout));
            } catch (RetailGenException e) {
                if (e.code() == ErrorCode.DEADLINE_EXCEEDED) {
                    throw new RetailGenException(ErrorCode.DEADLINE_EXCEEDED, "model '" + name + "' did not finish "
                            + "within its deadline of " + timeout.toMillis() + " ms; the run was cancelled", e);
                }
                throw e;
            }
        } finally {
            read.unlock();
        }
    }

    private static Duration checkTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout == null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        return timeout;
    }

    /**
     * Runs a model that has exactly one input and returns its first output.
     *
     * @param input the single input
     * @return the first output
     */
    public Tensor run(Tensor input) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("model '" + name + "' has " + inputs.size() + " inputs "
                    + names(inputs) + "; pass them by name with run(Map)");
        }
        String first = outputs.get(0).name();
        return run(Map.of(inputs.get(0).name(), input), Set.of(first)).get(first);
    }

    private void validate(Map<String, Tensor> feed, Set<String> wanted) {
        ensureOpen();
        for (String key : feed.keySet()) {
            if (inputs.stream().noneMatch(s -> s.name().equals(key))) {
                throw new IllegalArgumentException("unknown input '" + key + "' for model '" + name
                        + "'; expected one of " + names(inputs));
            }
        }
        for (TensorSpec spec : inputs) {
            Tensor t = feed.get(spec.name());
            if (t == null) {
                throw new IllegalArgumentException("missing input '" + spec.name() + "' (" + spec.type().onnxName()
                        + " " + spec.describeShape() + ") for model '" + name + "'");
            }
            String why = spec.mismatch(t);
            if (why != null) {
                throw new IllegalArgumentException("input '" + spec.name() + "' of model '" + name + "' " + why);
            }
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("no outputs requested; model '" + name + "' has " + names(outputs));
        }
        for (String w : wanted) {
            if (!outputNames.contains(w)) {
                throw new IllegalArgumentException("unknown output '" + w + "' for model '" + name
                        + "'; expected one of " + names(outputs));
            }
        }
    }

    private static List<String> names(List<TensorSpec> specs) {
        List<String> n = new ArrayList<>();
        for (TensorSpec s : specs) {
            n.add(s.name());
        }
        return n;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("model '" + name + "' is closed");
        }
    }

    /** @return whether {@link #close()} has been called */
    public boolean isClosed() {
        return closed;
    }

    /** Waits for runs in flight, then releases the native session. Idempotent. */
    @Override
    public void close() {
        ReentrantReadWriteLock.WriteLock write = lock.writeLock();
        write.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            session.close();
            LOG.debug("closed model '{}'", name);
        } finally {
            write.unlock();
        }
    }

    /**
     * Native tensors and results opened by the built-in backends and not yet closed, across the process. Zero
     * whenever no call is in flight; tests use it to prove that nothing leaks.
     *
     * @return the count of open native objects
     */
    public static long openNativeTensors() {
        return NativeResources.open();
    }

    @Override
    public String toString() {
        return "OnnxModel[" + name + ", " + selection + (closed ? ", closed" : "") + "]";
    }

    /** Builds an {@link OnnxModel}. Not thread-safe. */
    public static final class Builder {
        private byte[] bytes;
        private Path path;
        private String name;
        private String backend;
        private Device device;
        private boolean strict;
        private SessionOptions options = SessionOptions.defaults();
        private Path externalDataDir;
        private Duration runTimeout;

        private Builder() {
        }

        /**
         * Allows tensors whose bytes are stored as ONNX external data, read only from files inside {@code dir}.
         * By default a model with any external tensor is refused, since the runtime would otherwise open whatever
         * path the model names ({@code ../../etc/passwd} included). With a directory, each location must be a
         * relative path without {@code ..} whose real path (symbolic links resolved) stays inside it; the bytes are
         * then read by the SDK and embedded, so the runtime opens no file itself.
         *
         * @param dir the only directory external data may come from
         * @return this builder
         */
        public Builder externalDataDirectory(Path dir) {
            this.externalDataDir = Objects.requireNonNull(dir, "external data directory == null");
            return this;
        }

        /**
         * Sets a deadline for every {@link OnnxModel#run(Map, Set)} of the model: a run still going after
         * {@code timeout} is cancelled and fails with {@link ErrorCode#DEADLINE_EXCEEDED}. Default: none.
         *
         * @param timeout how long one run may take; positive
         * @return this builder
         */
        public Builder runTimeout(Duration timeout) {
            this.runTimeout = checkTimeout(timeout);
            return this;
        }

        /**
         * @param file an ONNX file; read when {@link #build()} runs
         * @return this builder
         */
        public Builder model(Path file) {
            Objects.requireNonNull(file, "model path == null");
            if (bytes != null) {
                throw new IllegalStateException("model bytes were already set");
            }
            this.path = file;
            return this;
        }

        /**
         * @param onnx a serialized ONNX ModelProto; copied
         * @return this builder
         */
        public Builder model(byte[] onnx) {
            Objects.requireNonNull(onnx, "model bytes == null");
            if (path != null) {
                throw new IllegalStateException("model path was already set to " + path);
            }
            if (onnx.length == 0) {
                throw new IllegalArgumentException("model bytes are empty");
            }
            this.bytes = onnx.clone();
            return this;
        }

        /**
         * @param modelName a name used in messages and logs
         * @return this builder
         */
        public Builder name(String modelName) {
            this.name = Objects.requireNonNull(modelName, "name == null");
            return this;
        }

        /**
         * @param backendName an inference backend name such as {@code onnxruntime-cpu}, or {@code auto}
         * @return this builder
         */
        public Builder backend(String backendName) {
            this.backend = Objects.requireNonNull(backendName, "backend == null");
            return this;
        }

        /**
         * @param target the device to run on
         * @return this builder
         */
        public Builder device(Device target) {
            this.device = Objects.requireNonNull(target, "device == null");
            return this;
        }

        /**
         * @param noFallback true to fail when a requested GPU is unavailable instead of falling back to the CPU
         * @return this builder
         */
        public Builder strict(boolean noFallback) {
            this.strict = noFallback;
            return this;
        }

        /**
         * @param sessionOptions thread counts and optimization level
         * @return this builder
         */
        public Builder options(SessionOptions sessionOptions) {
            this.options = Objects.requireNonNull(sessionOptions, "options == null");
            return this;
        }

        /**
         * Chooses the backend and loads the model.
         *
         * @return the loaded model
         * @throws IllegalStateException when no model was given
         * @throws RetailGenException when the file cannot be read, the model cannot be loaded, or no backend fits
         */
        public OnnxModel build() {
            if (bytes == null && path == null) {
                throw new IllegalStateException("no model: call model(Path) or model(byte[])");
            }
            byte[] onnx = bytes;
            String label = name;
            if (path != null) {
                try {
                    onnx = Files.readAllBytes(path);
                } catch (IOException e) {
                    throw new RetailGenException(ErrorCode.IO, "cannot read model file " + path + ": " + e, e);
                }
                if (onnx.length == 0) {
                    throw new RetailGenException(ErrorCode.MODEL_LOAD_FAILED, "model file " + path + " is empty");
                }
                if (label == null) {
                    label = String.valueOf(path.getFileName());
                }
            }
            if (label == null) {
                label = "model-" + Integer.toHexString(Arrays.hashCode(onnx));
            }
            byte[] safe = ExternalTensorData.checked(onnx, label, externalDataDir);
            BackendSelection selection = InferenceBackends.select(backend, device, strict);
            InferenceSession session = selection.backend().open(safe, selection.device(), options);
            LOG.info("loaded model '{}' on {}", label, selection);
            return new OnnxModel(label, session, selection, runTimeout);
        }
    }
}
