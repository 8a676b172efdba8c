package io.retailgen.core.runtime;

import ai.onnxruntime.OrtSession;
import io.retailgen.core.Device;

/**
 * ONNX Runtime's CPU execution provider, named {@code onnxruntime-cpu}. Registered through {@link
 * java.util.ServiceLoader}; use {@link OnnxModel} instead of calling it directly.
 */
public final class OrtCpuBackend extends OrtBackend {
    /** The name users select with {@code retailgen.backend}. */
    public static final String NAME = "onnxruntime-cpu";

    /** Creates the backend; called by {@link java.util.ServiceLoader}. */
    public OrtCpuBackend() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Device.Type deviceType() {
        return Device.Type.CPU;
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public boolean isAvailable() {
        return OrtProbe.cpu().available();
    }

    @Override
    public String unavailableReason() {
        return OrtProbe.cpu().reason();
    }

    @Override
    void configure(OrtSession.SessionOptions options, Device device) {
        // the CPU execution provider is always present
    }
}
