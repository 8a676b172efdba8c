package io.retailgen.core.runtime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.retailgen.core.Device;

/**
 * ONNX Runtime's CUDA execution provider, named {@code onnxruntime-cuda}. It is available when the {@code
 * onnxruntime_gpu} artifact replaces {@code onnxruntime} on the classpath and the CUDA libraries load. Registered
 * through {@link java.util.ServiceLoader}; use {@link OnnxModel} instead of calling it directly.
 */
public final class OrtCudaBackend extends OrtBackend {
    /** The name users select with {@code retailgen.backend}. */
    public static final String NAME = "onnxruntime-cuda";

    /** Creates the backend; called by {@link java.util.ServiceLoader}. */
    public OrtCudaBackend() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Device.Type deviceType() {
        return Device.Type.CUDA;
    }

    @Override
    public int priority() {
        return 20;
    }

    @Override
    public boolean isAvailable() {
        return OrtProbe.cuda().available();
    }

    @Override
    public String unavailableReason() {
        return OrtProbe.cuda().reason();
    }

    @Override
    void configure(OrtSession.SessionOptions options, Device device) throws OrtException {
        options.addCUDA(device.index());
    }
}
