package io.retailgen.core.runtime;

import io.retailgen.core.Device;
import io.retailgen.core.spi.InferenceBackend;
import io.retailgen.core.spi.InferenceSession;
import io.retailgen.core.spi.SessionOptions;

/** Backends registered for the tests of backend selection; both rank below ONNX Runtime. */
final class FakeBackends {
    private FakeBackends() {
    }

    /** An always-available CPU backend that cannot open models. */
    public static final class FakeCpu implements InferenceBackend {
        @Override
        public String name() {
            return "fake-cpu";
        }

        @Override
        public Device.Type deviceType() {
            return Device.Type.CPU;
        }

        @Override
        public int priority() {
            return -100;
        }

        @Override
        public boolean isAvailable() {
            return true;
        }

        @Override
        public String unavailableReason() {
            return "";
        }

        @Override
        public InferenceSession open(byte[] model, Device device, SessionOptions options) {
            throw new UnsupportedOperationException("fake backend opens nothing");
        }
    }

    /** A GPU backend that is never available. */
    public static final class FakeGpu implements InferenceBackend {
        @Override
        public String name() {
            return "fake-gpu";
        }

        @Override
        public Device.Type deviceType() {
            return Device.Type.CUDA;
        }

        @Override
        public int priority() {
            return -50;
        }

        @Override
        public boolean isAvailable() {
            return false;
        }

        @Override
        public String unavailableReason() {
            return "no fake GPU here";
        }

        @Override
        public InferenceSession open(byte[] model, Device device, SessionOptions options) {
            throw new UnsupportedOperationException("never available");
        }
    }
}
