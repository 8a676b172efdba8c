package io.retailgen.core.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;

/** Checks once per process whether ONNX Runtime loads and whether its CUDA provider works. */
record OrtProbe(boolean available, String reason) {

    private static final class Cpu {
        static final OrtProbe RESULT = probeCpu();
    }

    private static final class Cuda {
        static final OrtProbe RESULT = probeCuda();
    }

    static OrtProbe cpu() {
        return Cpu.RESULT;
    }

    static OrtProbe cuda() {
        return Cuda.RESULT;
    }

    private static OrtProbe probeCpu() {
        try {
            OrtEnvironment.getEnvironment();
            return new OrtProbe(true, "");
        } catch (Throwable t) {
            return new OrtProbe(false, "ONNX Runtime native library did not load: " + t);
        }
    }

    private static OrtProbe probeCuda() {
        OrtProbe cpu = cpu();
        if (!cpu.available()) {
            return cpu;
        }
        try {
            if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
                return new OrtProbe(false, "the ONNX Runtime on the classpath has no CUDA provider; depend on "
                        + "com.microsoft.onnxruntime:onnxruntime_gpu instead of onnxruntime");
            }
            try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
                so.addCUDA(0);
            }
            return new OrtProbe(true, "");
        } catch (Throwable t) {
            return new OrtProbe(false, "the CUDA provider failed to start (" + t.getMessage()
                    + "); check the NVIDIA driver, CUDA 12 and cuDNN 9 libraries");
        }
    }
}
