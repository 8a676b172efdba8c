package io.retailgen.core.spi;

import io.retailgen.core.Device;

/**
 * A way to run ONNX models, found with {@link java.util.ServiceLoader}. Implementations register themselves in
 * {@code META-INF/services/io.retailgen.core.spi.InferenceBackend} and must have a public no-argument constructor.
 * The SDK ships {@code onnxruntime-cpu} and {@code onnxruntime-cuda}; the latter becomes available when the
 * {@code onnxruntime_gpu} artifact replaces {@code onnxruntime} on the classpath and CUDA works on the machine.
 *
 * <p>Implementations must be thread-safe; {@link #isAvailable()} may be called often and should cache its probe.
 */
public interface InferenceBackend {

    /** @return a unique, lower-case name such as {@code onnxruntime-cpu} */
    String name();

    /** @return the kind of device this backend runs on */
    Device.Type deviceType();

    /** @return the rank used to pick the best available backend; higher wins */
    int priority();

    /** @return whether this backend can open sessions on this machine */
    boolean isAvailable();

    /** @return why {@link #isAvailable()} is false, or an empty string when it is available */
    String unavailableReason();

    /**
     * Opens a session for one model.
     *
     * @param model the serialized ONNX ModelProto
     * @param device the device to run on; its type equals {@link #deviceType()}
     * @param options session options
     * @return an open session, owned by the caller
     * @throws io.retailgen.core.RetailGenException with {@code MODEL_LOAD_FAILED} when the model cannot be loaded
     */
    InferenceSession open(byte[] model, Device device, SessionOptions options);
}
